// Words the UD way, over the shared tokenizer (text/tokenizer.h): the treebank's conventions, so the
// model sees the tokens it learned from. "didn't" -> "did" "n't", "city's" -> "city" "'s",
// "24-year-old" -> "24" "-" "year" "-" "old", "cannot" -> "can" "not"; "U.S." and "Mr." stay whole.
#pragma once

#include <string_view>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::syntax {

// Appends the words of text[range) to *words, in order. Linear in the range.
void SplitWords(std::string_view text, Span range, std::vector<Span>* words);

}  // namespace eventmill::syntax
