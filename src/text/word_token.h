// WordToken: one word or punctuation mark of a sentence as the phrase engine (text/pattern_set.h)
// reads it: lower-cased, with its byte span in the document's text. The coder makes them from
// doc.tokens with its conventions (code/word_tokens.h); the engine needs only this shape.
#pragma once

#include <string>

#include "eventmill/document.h"

namespace eventmill::text {

struct WordToken {
  Span span;
  std::string lower;   // ASCII lower-cased; curly quotes/apostrophes folded to ' and "
  bool punct = false;  // a punctuation mark (, ; : . ! ? " ( ) - – and the like)
};

}  // namespace eventmill::text
