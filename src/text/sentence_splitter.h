// Sentence splitting over extracted text: abbreviations, initials, decimals, quotes and
// paragraph breaks. Spans index the text; nothing is copied.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill::text {

// What the splitter knows of abbreviations (data/text/abbreviations.txt): titles that never end a
// sentence ("Mr."), abbreviations that may ("U.S."), and the words that open a sentence after one.
struct Abbreviations {
  std::set<std::string, std::less<>> titles, may_end, starters;
  // Reads text/abbreviations.txt of `files`; an error names the file (and the line).
  static Result<Abbreviations> Load(const DataFiles& files);
};

// Sentences of `text` in order; each lies inside one paragraph. Linear in text.size().
std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Span>& paragraphs,
                                     const Abbreviations& abbreviations);

// Paragraphs of `text`: runs of text separated by blank lines (or, for plain text, by single
// newlines when the text has no blank lines).
std::vector<Span> SplitParagraphs(std::string_view text);

}  // namespace eventmill::text
