// The trigger pass: the sentence as the coder reads it (its word tokens, clauses and entities;
// whether it is the headline), the event patterns that fire in it, and the cue phrases of
// acled.cues told around each trigger (the weapon, the crowd, a disaster), which the codebook
// pass reads through data/mappings/acled.tsv.
#include <algorithm>
#include <iterator>
#include <string>

#include "code/match_memo.h"
#include "code/passes/passes.h"

namespace eventmill::code {

SentenceState OpenSentence(const CoderData&, const DocumentState& d, size_t si) {
  const Document& doc = *d.doc;
  SentenceState st;
  st.s = BuildSentenceView(doc, si, d.ctx.entities);
  if (si == 0) {
    // The headline, when the text repeats it at the top (else a one-sentence first paragraph).
    std::string_view first = doc[st.s.span];
    st.s.title = !d.title_start.empty() ? first.substr(0, d.title_start.size()) == d.title_start
                                        : doc.sentences.size() > 1 && doc.paragraphs.size() > 1 &&
                                              doc.paragraphs[0].Contains(st.s.span) &&
                                              doc.paragraphs[0].end <= st.s.span.end + 2;
  }
  return st;
}

void ReadLeadCues(const CoderData& data, DocumentState& d, const SentenceState& st) {
  // A disaster told in the lead (first two sentences) is what the story is about: its events
  // carry "lead:LABEL" for the ACLED rules (an arrest in a flood story is no political arrest).
  if (st.s.index >= 2 || data.acled_cues.size() == 0) return;
  for (const PatternMatch& c : data.acled_cues.MatchAll(st.s.tokens)) {
    const std::string& label = c.pattern->role;
    if (label.find("disaster") == std::string::npos) continue;
    std::string lead = "lead:" + label;
    if (std::find(d.lead_cues.begin(), d.lead_cues.end(), lead) == d.lead_cues.end()) d.lead_cues.push_back(lead);
  }
}

void CarryCues(const CoderData& data, DocumentState& d, SentenceState& st) {
  // "Police intervened and detained 20 protesters.", "They pelted stones at the police.", "No
  // clashes were reported.": what the forces or the crowd did, told in one of the two sentences
  // after a demonstration or a territory taken, is part of it (ACLED: intervention, excessive
  // force, violent demonstration; a transfer without a fight).
  if (data.acled_cues.size() == 0) return;
  static const struct {
    const char* family;
    std::vector<std::string> labels;
  } kCarried[] = {{"14", {"crowd_control", "riot_acts", "live_fire", "state_forces"}}, {"192", {"withdraw"}}};
  size_t si = st.s.index;
  for (size_t k = d.merged.size(); k-- > 0;) {
    EventCandidate& prev = d.merged[k];
    if (prev.sentence == SIZE_MAX || prev.sentence + 2 < si) break;
    CameoCode code(prev.event.cameo);
    const auto* carried = std::find_if(std::begin(kCarried), std::end(kCarried), [&](const auto& c) { return code.Within(c.family); });
    if (carried == std::end(kCarried)) continue;
    if (!st.acled_cues_read) st.acled_cues = data.acled_cues.MatchAll(st.s.tokens);
    st.acled_cues_read = true;
    for (const PatternMatch& c : st.acled_cues) {
      const std::string& label = c.pattern->role;
      if (std::find(carried->labels.begin(), carried->labels.end(), label) == carried->labels.end()) continue;
      if (std::find(prev.cues.begin(), prev.cues.end(), label) == prev.cues.end()) prev.cues.push_back(label);
    }
    break;
  }
}

std::vector<PatternMatch> FindTriggers(const CoderData& data, const SentenceState& st) {
  return MatchMemo::Match(data.patterns, st.s.tokens);  // Coder::MayCode's matches when it read the sentence
}

void ReadCues(const CoderData& data, SentenceState& st, TriggerState& t) {
  if (!st.acled_cues_read && data.acled_cues.size() > 0) st.acled_cues = data.acled_cues.MatchAll(st.s.tokens);
  st.acled_cues_read = true;
  EventCandidate& base = t.base;
  for (const PatternMatch& c : st.acled_cues) {
    auto add = [&](std::string label) {
      if (std::find(base.cues.begin(), base.cues.end(), label) == base.cues.end()) base.cues.push_back(std::move(label));
    };
    add(c.pattern->role);
    // Before the trigger in its clause: who acts ("a mob attacked", "villagers clashed").
    if (c.last < t.m.first && c.first >= t.cb) add("pre:" + c.pattern->role);
    // After it in its clause: what it is done to ("attacked an army post").
    if (c.first > t.m.trigger && c.last < t.ce) add("post:" + c.pattern->role);
  }
}

void ExplainTrigger(const Document& doc, const SentenceState& st, TriggerState& t) {
  const SentenceView& s = st.s;
  Event& e = t.base.event;
  Explain(e.explain, pass::kTriggers,
          "matched \"" + std::string(doc[Span{s.tokens[t.m.first].span.begin, s.tokens[t.m.last].span.end}]) + "\"" +
              (t.m.passive ? " (passive)" : "") + (t.p->nominal ? " (noun)" : ""));
  if (t.mod.modality != "asserted") {
    Explain(e.explain, pass::kModality, "modality " + t.mod.modality + " from \"" + t.mod.cue + "\"");
  }
}

}  // namespace eventmill::code
