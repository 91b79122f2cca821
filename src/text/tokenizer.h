// Tokenizer: words, numbers, quote marks and punctuation of a span of text, each with its byte
// span. Nothing is copied or normalised; callers read doc[token.span].
//
// - A word is a run of letters/digits joined by inner hyphens, apostrophes and dots
//   ("Kassym-Jomart", "24-year-old", "7-Eleven", "city's", "U.S.", "G20", "1970s").
// - A number is digits with inner ',' or '.' groups ("5,135", "1.3", "300"); a run of digits that
//   goes on into letters or a hyphen is a word ("24-year-old", "3rd").
// - Quote marks (" “ ” « » and ' ‘ ’ when not inside a word) are kQuote; every other
//   non-space character is one kPunct token (a UTF-8 character such as "—" or "…" is one token).
#pragma once

#include <string_view>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::text {

enum class TokenKind { kWord, kNumber, kQuote, kPunct };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // the first code point is an upper-case letter (IsUpperLetter)
  bool has_digit = false;
};

// Tokens of text[range.begin, range.end). Linear in the range size.
std::vector<Token> Tokenize(std::string_view text, Span range);

// The token Tokenize makes of exactly text[span] (its kind, capitalized, has_digit), for a span
// Tokenize returned: callers that rebuild the tokenizer's tokens from word spans (syntax::JoinWords).
Token TokenOf(std::string_view text, Span span);

// True for the code points the tokenizer calls quote marks.
bool IsQuoteMark(uint32_t cp);

// The tokenizer's code-point classes (bench/unicode_bench compares them with ICU's): a word letter
// is an ASCII letter or any code point from U+00C0 on that is not a known punctuation, symbol or
// space block (hand ranges: faster than u_isalpha, and they keep digits of other scripts in
// words); an upper-case letter is A-Z and Latin-1 by hand, ICU's upper/title case beyond.
bool IsWordLetter(uint32_t cp);
bool IsUpperLetter(uint32_t cp);

}  // namespace eventmill::text
