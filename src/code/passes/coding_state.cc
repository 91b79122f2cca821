// CoderData::Load: every file the coder's passes read; Explain: the pass name before each line.
#include "code/passes/coding_state.h"

#include <sstream>
#include <utility>

#include "lexicon/lexicon_impl.h"
#include "text/word_lists.h"

namespace eventmill::code {

void Explain(std::vector<std::string>& explain, std::string_view pass, std::string line) {
  std::string out;
  out.reserve(pass.size() + 2 + line.size());
  out.append(pass).append(": ").append(line);
  explain.push_back(std::move(out));
}

std::string_view CoderData::Alpha3(const std::string& country) const { return lexicon->impl().Alpha3(country); }

namespace {

Status LoadSlotRoles(const DataFiles& mappings, std::vector<CoderData::SlotRole>& out) {
  EM_ASSIGN_OR_RETURN(std::string slots, mappings.Read("slot_roles.tsv"));
  return ForEachDataLine(slots, [&](int number, std::string_view line) {
    std::istringstream f{std::string(line)};
    CoderData::SlotRole r;
    if (!(f >> r.prefix >> r.slot >> r.role)) {
      return DataError(mappings.PathOf("slot_roles.tsv"), number, "want three fields: CAMEO prefix, slot, role");
    }
    out.push_back(r);
    return Status::Ok();
  });
}

// A labelled cue file of patterns/ ("LABEL phrase" lines).
Result<PatternSet> LoadCues(const DataFiles& patterns, const char* name, const Inflector& inflector) {
  EM_ASSIGN_OR_RETURN(std::string text, patterns.Read(name));
  return PatternSet::Parse(text, name, inflector, /*labelled=*/true);
}

// Every pattern's code must be in the codebook: a typo in a pattern file is an error at start.
Status CheckCodes(const PatternSet& patterns, const CodeMappings& codebook, const RecodeTable& recodes) {
  for (size_t i = 0; i < patterns.size(); ++i) {
    const Pattern& p = patterns.pattern(i);
    if (p.cameo == "-") continue;
    const CameoEntry* entry = codebook.Find(p.cameo);
    if (!entry || entry->code != p.cameo) {
      return Status::InvalidInput(p.where, "CAMEO code " + p.cameo + " is not in the codebook (data/mappings/cameo.tsv)");
    }
    // The codebook's quad class is the one CAMEO gives the code's root (CameoCode).
    if (entry->quad_class != static_cast<int>(CameoCode(p.cameo).QuadClass())) {
      return Status::InvalidInput(p.where, "CAMEO code " + p.cameo + ": quad class " + std::to_string(entry->quad_class) +
                                               " in cameo.tsv, but its root " + std::string(CameoCode(p.cameo).Root()) +
                                               " is of quad class " +
                                               std::to_string(static_cast<int>(CameoCode(p.cameo).QuadClass())));
    }
  }
  for (const Recode& r : recodes.rows()) {
    const CameoEntry* entry = codebook.Find(r.to);
    if (!entry || entry->code != r.to) {
      return Status::InvalidInput(r.where, "CAMEO code " + r.to + " is not in the codebook (data/mappings/cameo.tsv)");
    }
  }
  return Status::Ok();
}

// non_human.txt: [hazards], [animals] and [figures], each line '|'-separated words.
Status LoadNonHuman(const DataFiles& patterns, CoderData& data) {
  EM_ASSIGN_OR_RETURN(text::WordLists lists, text::ReadWordLists(patterns, "non_human.txt"));
  EM_RETURN_IF_ERROR(text::RequireSections(lists, patterns.PathOf("non_human.txt"), {"hazards", "animals", "figures"}));
  for (const auto& [section, into] : {std::pair{"hazards", &data.hazards}, std::pair{"animals", &data.animals},
                                      std::pair{"figures", &data.figures}}) {
    for (const text::WordListEntry& e : lists.at(section)) {
      for (const std::string& w : text::KeyAlternatives(e)) into->insert(text::AsciiLower(w));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<CoderData>> CoderData::Load(const Lexicon& lexicon, const DataFiles& patterns,
                                                   const DataFiles& mappings) {
  auto data = std::make_unique<CoderData>();
  data->lexicon = &lexicon;
  EM_ASSIGN_OR_RETURN(data->patterns, PatternSet::Load(patterns));
  const Inflector& inflector = data->patterns.inflector();
  EM_ASSIGN_OR_RETURN(std::string cues, patterns.Read("modality.cues"));
  EM_ASSIGN_OR_RETURN(std::string light, patterns.Read("light_verbs.txt"));
  EM_ASSIGN_OR_RETURN(ModalityClassifier modality, ModalityClassifier::Parse(cues, light, inflector));
  data->modality = std::make_unique<ModalityClassifier>(std::move(modality));
  EM_ASSIGN_OR_RETURN(std::string refs, patterns.Read("references.tsv"));
  EM_ASSIGN_OR_RETURN(ActorAssigner actors, ActorAssigner::Parse(refs, light, inflector));
  data->actors = std::make_unique<ActorAssigner>(std::move(actors));
  data->actors->SetVerbForms(data->patterns.VerbForms());
  EM_ASSIGN_OR_RETURN(std::string frames, mappings.Read("frames.tsv"));
  EM_ASSIGN_OR_RETURN(FrameRules frame_rules, FrameRules::Parse(frames, mappings.PathOf("frames.tsv")));
  data->actors->SetFrameRules(std::move(frame_rules));
  EM_ASSIGN_OR_RETURN(CodeMappings codebook, CodeMappings::Load(mappings));
  data->mappings = std::make_unique<CodeMappings>(std::move(codebook));
  EM_ASSIGN_OR_RETURN(data->recodes, RecodeTable::Load(mappings));
  EM_RETURN_IF_ERROR(LoadSlotRoles(mappings, data->slot_roles));
  EM_ASSIGN_OR_RETURN(data->common_actors, LoadCues(patterns, "common_actors.cues", inflector));
  EM_ASSIGN_OR_RETURN(data->non_events, LoadCues(patterns, "non_events.cues", inflector));
  EM_ASSIGN_OR_RETURN(data->scope, LoadCues(patterns, "scope.cues", inflector));
  EM_ASSIGN_OR_RETURN(data->acled_cues, LoadCues(patterns, "acled.cues", inflector));
  EM_ASSIGN_OR_RETURN(std::string skip, patterns.Read("skip_sentences.txt"));
  EM_RETURN_IF_ERROR(ForEachDataLine(skip, [&](int, std::string_view line) {
    data->skip_prefixes.emplace_back(line);
    return Status::Ok();
  }));
  EM_RETURN_IF_ERROR(LoadNonHuman(patterns, *data));
  EM_RETURN_IF_ERROR(CheckCodes(data->patterns, *data->mappings, data->recodes));
  return data;
}

}  // namespace eventmill::code
