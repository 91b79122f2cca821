// Analyzer: the front door of the analyze stage. Runs, in order: sentences, entities, counts,
// dates, quotes (quotes use entities to name speakers).
#include "eventmill/analyze.h"

#include <malloc.h>

#include "analyze/entity_finder.h"
#include "analyze/facts.h"
#include "text/sentence_splitter.h"

namespace eventmill {

namespace {
constexpr size_t kTrimBeforeBytes = size_t{4} << 20;
}  // namespace

struct Analyzer::Impl {
  AnalyzeOptions options;
  analyze::EntityFinder entities;
  explicit Impl(const Lexicon& lexicon) : entities(lexicon) {}
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

Result<Analyzer> Analyzer::Create(const Lexicon& lexicon, AnalyzeOptions options) {
  auto impl = std::make_unique<Impl>(lexicon);
  impl->options = options;
  return Analyzer(std::move(impl));
}

Status Analyzer::Analyze(Document& doc) const {
  // A very long text: what the stages before freed (the page's HTML tree) stays resident in the
  // heap unless returned; the entities of such a text are large blocks of their own.
  if (doc.text.size() >= kTrimBeforeBytes) malloc_trim(0);
  if (doc.paragraphs.empty()) doc.paragraphs = text::SplitParagraphs(doc.text);
  if (doc.sentences.empty()) doc.sentences = text::SplitSentences(doc.text, doc.paragraphs);  // no syntax stage
  impl_->entities.Find(doc);
  analyze::FindCounts(doc);
  analyze::FindDates(doc);
  analyze::AttributeQuotes(doc);
  return Status::Ok();
}

}  // namespace eventmill
