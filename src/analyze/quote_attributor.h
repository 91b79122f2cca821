// QuoteAttributor: direct quotes ("…", “…”, «…») with their speakers. A quote opened at the
// start of a paragraph and not closed there goes on in the next paragraph when that one opens
// with a quote mark. The speaker comes from '"…," said X', '"…," X said', 'X said: "…"',
// 'according to X', 'X told Y, "…"'; "he"/"she" is the last person named, "the statement" the
// organisation that issued it in an earlier sentence; a partial quote inside a sentence goes to
// the sentence's subject. The role comes from a title before the name ("Police Chief Robert
// Douglas") or an appositive after it ("Yerzan Babakomarov, the city's deputy mayor,").
// People and organisations come from doc.entities when the entity finder filled them (role and
// actor included), else from capitalised names. Word lists: data/quotes/*.txt.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "eventmill/document.h"
#include "eventmill/status.h"
#include "core/data_files.h"
#include "text/pattern_set.h"
#include "text/sentence_splitter.h"

namespace eventmill::analyze {

// The compiled data of data/quotes/. Immutable after Load; share it between threads.
struct QuoteLexicon {
  text::PatternSet verbs, participles, according, statements, roles;
  std::set<std::string, std::less<>> person_pronouns, any_pronouns, particles, not_names, org_words;

  // Reads dir/{speech,roles,organisations}.txt. An error names the missing file.
  static Result<QuoteLexicon> Load(const DataFiles& files);
};

// The quoted passages of `text`, paragraph by paragraph: spans of the words inside the marks
// (a quote continued over paragraphs spans them all). Linear in text.size().
std::vector<Span> FindQuotedSpans(std::string_view text, const std::vector<Span>& paragraphs);

class QuoteAttributor {
 public:
  // `lexicon` and `abbreviations` (for a document whose sentences are not split yet) must outlive
  // the attributor.
  QuoteAttributor(const QuoteLexicon& lexicon, const text::Abbreviations& abbreviations)
      : lex_(&lexicon), abbreviations_(&abbreviations) {}

  // Fills doc.quotes in text order. Uses doc.paragraphs and doc.sentences (split here when
  // empty) and doc.entities when present. Thread-safe (const).
  void Attribute(Document& doc) const;

 private:
  const QuoteLexicon* lex_;
  const text::Abbreviations* abbreviations_;
};

}  // namespace eventmill::analyze
