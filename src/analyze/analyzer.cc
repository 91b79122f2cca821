// Analyzer: the front door of the analyze stage. Runs, in order: sentences, entities, counts,
// dates, quotes (quotes use entities to name speakers).
#include "eventmill/analyze.h"

#include <malloc.h>

#include <string>

#include "analyze/entity_finder.h"
#include "analyze/facts.h"
#include "analyze/person_actors.h"
#include "syntax/word_splitter.h"
#include "text/sentence_splitter.h"

namespace eventmill {

namespace {
constexpr size_t kTrimBeforeBytes = size_t{4} << 20;

// The words of each sentence on doc.tokens (untagged, Sentence::parsed false), split as the syntax
// stage splits them, for a document the syntax stage did not see: the stages after read the one
// tokenization from there.
void SplitSentenceWords(Document& doc) {
  std::vector<Span> words;
  for (Sentence& s : doc.sentences) {
    words.clear();
    syntax::SplitWords(doc.text, s.span, &words);
    s.token_begin = static_cast<uint32_t>(doc.tokens.size());
    for (Span w : words) doc.tokens.emplace_back().span = w;
    s.token_end = static_cast<uint32_t>(doc.tokens.size());
    s.parsed = false;
  }
}
}  // namespace

struct Analyzer::Impl {
  AnalyzeOptions options;
  analyze::EntityFinder entities;
  analyze::AnalyzeData data;
  const Lexicon* lexicon;
  Impl(const Lexicon& lexicon, analyze::AnalyzeData data) : entities(lexicon), data(std::move(data)), lexicon(&lexicon) {}
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

Result<Analyzer> Analyzer::Create(const Lexicon& lexicon, AnalyzeOptions options) {
  DataFiles files(options.data_dir.empty() ? lexicon.data_dir() : options.data_dir);
  EM_ASSIGN_OR_RETURN(analyze::AnalyzeData data, analyze::AnalyzeData::Load(files));
  auto impl = std::make_unique<Impl>(lexicon, std::move(data));
  impl->options = options;
  return Analyzer(std::move(impl));
}

Status Analyzer::Analyze(Document& doc) const {
  // A very long text: what the stages before freed (the page's HTML tree) stays resident in the
  // heap unless returned; the entities of such a text are large blocks of their own.
  if (doc.text.size() >= kTrimBeforeBytes) malloc_trim(0);
  if (doc.paragraphs.empty()) doc.paragraphs = text::SplitParagraphs(doc.text);
  if (doc.sentences.empty()) doc.sentences = text::SplitSentences(doc.text, doc.paragraphs, impl_->data.abbreviations);  // no syntax stage
  if (doc.tokens.empty()) SplitSentenceWords(doc);  // no syntax stage: its words, untagged
  impl_->entities.Find(doc);
  analyze::ReadEntityStructure(doc, impl_->data.entity_structure);  // roles, organisations by structure
  analyze::GivePeopleActors(doc, impl_->data.person_roles, *impl_->lexicon);  // actors from those roles
  if (doc.entities.size() > impl_->options.max_entities) {
    doc.diagnostics.push_back({"analyze", "truncated: " + std::to_string(doc.entities.size()) +
                                              " entities, only the first " +
                                              std::to_string(impl_->options.max_entities) + " kept"});
    doc.entities.resize(impl_->options.max_entities);
  }
  analyze::FindCounts(doc, impl_->data);
  analyze::FindDates(doc, impl_->data);
  analyze::AttributeQuotes(doc, impl_->data);
  return Status::Ok();
}

bool Analyzer::ReadsTree(const Document& doc, const Sentence& s) const {
  std::vector<std::string_view> words;
  for (uint32_t t = s.token_begin; t < s.token_end && t < doc.tokens.size(); ++t) words.push_back(doc[doc.tokens[t].span]);
  return impl_->data.counts.MayHoldCount(words) || impl_->data.entity_structure.MayNameOrganisation(words);
}

std::string ExplainEntities(const Lexicon& lexicon, std::string_view text) {
  return analyze::EntityFinder(lexicon).Explain(text);
}

}  // namespace eventmill
