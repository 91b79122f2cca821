// Analysis: sentences, entities (places, countries, people, organisations, actor groups), counts,
// dates and quotes, found in an extracted Document. Never changes doc.text.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "eventmill/document.h"
#include "eventmill/lexicon.h"
#include "eventmill/status.h"

namespace eventmill {

struct AnalyzeOptions {
  std::string data_dir;  // data/ (text/, counts/, dates/, quotes/); empty: the lexicon's data_dir()
  // Entities kept per document (docs/limits.md); past it the rest are dropped and a diagnostic
  // says so. With the extractor's text limit this bounds the stage's memory.
  size_t max_entities = 100'000;
};

class Analyzer {
 public:
  // `lexicon` must outlive the Analyzer. An error names a data file that is missing or malformed.
  static Result<Analyzer> Create(const Lexicon& lexicon, AnalyzeOptions options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // Fills doc.sentences, entities, counts, quotes. Thread-safe (const). Linear in doc.text.
  Status Analyze(Document& doc) const;

  // Whether Analyze reads the tags and tree of sentence `s` (its words on doc.tokens, untagged),
  // so the syntax stage parses it (SyntaxOptions::choose): a sentence that may hold a count or
  // name an organisation by its structure.
  // Cheap (a look at the words); thread-safe.
  bool ReadsTree(const Document& doc, const Sentence& s) const;

  struct Impl;

 private:
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// What each entity in `text` resolves to, and why, one line each (`eventmill dict lookup`).
std::string ExplainEntities(const Lexicon& lexicon, std::string_view text);

}  // namespace eventmill
