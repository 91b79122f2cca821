// WordTokens: the words and punctuation of one sentence as the coder's patterns read them,
// lower-cased, each with its byte span in Document::text. They are the shared tokenizer's tokens
// (text/tokenizer.h; for a document's sentence read off doc.tokens, so the sentence is not
// tokenized again), with the coder's conventions on top: a dotted abbreviation is its letters and
// dots ("U.S." -> "u" "." "s" "."), curly apostrophes and quotes fold to ' and ", dashes to "-".
// Nothing is copied from doc.text but the lower-cased word itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"
#include "text/pattern_set.h"
#include "text/tokenizer.h"
#include "text/word_token.h"

namespace eventmill::code {

// The phrase engine the coder's patterns run on is the text layer's (text/pattern_set.h); the
// coder names its parts as its own.
using text::Inflector;
using text::IsPassiveAt;
using text::Pattern;
using text::PatternElement;
using text::PatternMatch;
using text::PatternSet;
using text::PatternWord;
using text::WordToken;

// The coder's words of the tokenizer's tokens `tokens` of text[range]. Linear in their bytes.
std::vector<WordToken> WordsOfTokens(std::string_view text, const std::vector<text::Token>& tokens, Span range);

// The words of doc.sentences' sentence `s`, from its words on doc.tokens (syntax::SentenceTokens).
std::vector<WordToken> SentenceWords(const Document& doc, const Sentence& s);

// The words of text[span], tokenized (tests and text that is no sentence of a document).
std::vector<WordToken> TokenizeWords(std::string_view text, Span span);

}  // namespace eventmill::code
