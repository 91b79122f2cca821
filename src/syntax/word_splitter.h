// Words the UD way, over the shared tokenizer (text/tokenizer.h): the treebank's conventions, so the
// model sees the tokens it learned from. "didn't" -> "did" "n't", "city's" -> "city" "'s",
// "24-year-old" -> "24" "-" "year" "-" "old", "cannot" -> "can" "not"; "U.S." and "Mr." stay whole.
#pragma once

#include <string_view>
#include <vector>

#include "eventmill/document.h"
#include "text/tokenizer.h"

namespace eventmill::syntax {

// Appends the words of text[range) to *words, in order. Linear in the range.
void SplitWords(std::string_view text, Span range, std::vector<Span>* words);

// The inverse of SplitWords: the shared tokenizer's tokens (text::Tokenize of the range the words
// were split from) rebuilt from the words: "did" "n't" -> "didn't", "24" "-" "year" -> "24-year",
// "Mr." -> "Mr" ".". Stages that read the tokenizer's words read doc.tokens through this instead of
// tokenizing the sentence again. Linear in the words.
std::vector<text::Token> JoinWords(std::string_view text, const Span* words, size_t count);

// The tokenizer's tokens of doc.sentences[i] from its words on doc.tokens; text::Tokenize of its span
// when the document has no tokens (the syntax stage did not run: unit tests, partial pipelines).
std::vector<text::Token> SentenceTokens(const Document& doc, const Sentence& sentence);

}  // namespace eventmill::syntax
