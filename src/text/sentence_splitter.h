// Sentence splitting over extracted text: abbreviations, initials, decimals, quotes and
// paragraph breaks. Spans index the text; nothing is copied.
#pragma once

#include <string_view>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::text {

// Sentences of `text` in order; each lies inside one paragraph. Linear in text.size().
std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Span>& paragraphs);

// Paragraphs of `text`: runs of text separated by blank lines (or, for plain text, by single
// newlines when the text has no blank lines).
std::vector<Span> SplitParagraphs(std::string_view text);

}  // namespace eventmill::text
