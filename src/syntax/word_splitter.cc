#include "syntax/word_splitter.h"

#include "text/tokenizer.h"

namespace eventmill::syntax {

namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (Lower(s[i]) != lower[i]) return false;
  return true;
}

// Length in bytes of a clitic that ends `w` ("n't", "'s", "’ll"...), or 0.
size_t CliticLength(std::string_view w) {
  static constexpr std::string_view kApostrophes[] = {"'", "\xE2\x80\x99"};
  for (std::string_view apo : kApostrophes) {
    // n't
    if (w.size() > 2 + apo.size() + 1) {
      std::string_view tail = w.substr(w.size() - apo.size() - 2);
      if (Lower(tail[0]) == 'n' && tail.substr(1, apo.size()) == apo && Lower(tail.back()) == 't') return tail.size();
    }
    for (std::string_view ending : {"s", "m", "d", "ll", "re", "ve"}) {
      size_t n = apo.size() + ending.size();
      if (w.size() <= n) continue;
      std::string_view tail = w.substr(w.size() - n);
      if (tail.substr(0, apo.size()) == apo && EqualsLower(tail.substr(apo.size()), ending)) return n;
    }
  }
  return 0;
}

void SplitWord(std::string_view text, Span word, std::vector<Span>* words) {
  std::string_view w = text.substr(word.begin, word.size());
  // Hyphens between parts are words of their own.
  size_t start = 0;
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (w[i] != '-') continue;
    if (start < i) SplitWord(text, Span{word.begin + uint32_t(start), word.begin + uint32_t(i)}, words);
    words->push_back(Span{word.begin + uint32_t(i), word.begin + uint32_t(i + 1)});
    start = i + 1;
  }
  if (start > 0) {
    if (start < w.size()) SplitWord(text, Span{word.begin + uint32_t(start), word.end}, words);
    return;
  }
  if (size_t c = CliticLength(w); c) {
    words->push_back(Span{word.begin, word.end - uint32_t(c)});
    words->push_back(Span{word.end - uint32_t(c), word.end});
    return;
  }
  if (EqualsLower(w, "cannot")) {
    words->push_back(Span{word.begin, word.begin + 3});
    words->push_back(Span{word.begin + 3, word.end});
    return;
  }
  words->push_back(word);
}

}  // namespace

void SplitWords(std::string_view text, Span range, std::vector<Span>* words) {
  std::vector<text::Token> tokens = text::Tokenize(text, range);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    Span span = t.span;
    // "Mr." "Gen." "J.": a short capitalized word and the dot right after it, when more follows.
    if (t.kind == text::TokenKind::kWord && i + 2 < tokens.size() && tokens[i + 1].span.begin == span.end &&
        text[span.end] == '.' && tokens[i + 1].span.size() == 1 && span.size() <= 4 && t.capitalized &&
        IsAsciiAlpha(text[span.begin])) {
      bool all_alpha = true;
      for (uint32_t k = span.begin; k < span.end; ++k) all_alpha &= IsAsciiAlpha(text[k]);
      if (all_alpha) {
        words->push_back(Span{span.begin, span.end + 1});
        ++i;
        continue;
      }
    }
    if (t.kind == text::TokenKind::kWord) {
      SplitWord(text, span, words);
    } else {
      words->push_back(span);
    }
  }
}

}  // namespace eventmill::syntax
