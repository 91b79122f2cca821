// WordTokens: the words and punctuation of one sentence, lower-cased, each with its byte span in
// Document::text. The coder's patterns match these; nothing is copied from doc.text but the
// lower-cased word itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::code {

struct WordToken {
  Span span;
  std::string lower;   // ASCII lower-cased; curly quotes/apostrophes folded to ' and "
  bool punct = false;  // a single punctuation mark (, ; : . ! ? " ( ) - –)
};

// Tokens of text[span]: runs of letters, digits, apostrophes, hyphens, periods inside
// abbreviations and digits inside numbers ("5,135", "U.S."); every other visible character is a
// one-character punctuation token. Linear in span.size().
std::vector<WordToken> TokenizeWords(std::string_view text, Span span);

}  // namespace eventmill::code
