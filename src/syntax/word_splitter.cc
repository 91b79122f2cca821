#include "syntax/word_splitter.h"

#include <algorithm>

#include "text/tokenizer.h"
#include "text/utf8.h"

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

namespace {

// Whether the code point at text[i] continues a word (a letter or a digit, as the tokenizer reads them).
bool WordCharAt(std::string_view text, size_t i, size_t end) {
  if (i >= end) return false;
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return IsAsciiAlpha(char(c)) || (c >= '0' && c <= '9');
  size_t j = i;
  return text::IsWordLetter(text::DecodeUtf8(text, &j));
}

// "Mr." as SplitWords joins it: a short capitalized ASCII word and the dot after it. (A word the
// tokenizer ends with a dot has a dot inside too: "U.S.")
bool IsJoinedDot(std::string_view text, Span w) {
  if (w.size() < 2 || w.size() > 5 || text[w.end - 1] != '.') return false;
  if (!(text[w.begin] >= 'A' && text[w.begin] <= 'Z')) return false;
  for (uint32_t k = w.begin; k + 1 < w.end; ++k)
    if (!IsAsciiAlpha(text[k])) return false;
  return true;
}

// A clitic SplitWords cut off a word: an apostrophe and more ("'s", "’ll"). The tokenizer makes a
// lone apostrophe a quote token, so a longer word opening with one is always a clitic.
bool IsClitic(std::string_view text, Span w) {
  std::string_view s = text.substr(w.begin, w.size());
  if (s.size() > 1 && s[0] == '\'') return true;
  return s.size() > 3 && s.substr(0, 3) == "\xE2\x80\x99";
}

}  // namespace

std::vector<text::Token> JoinWords(std::string_view text, const Span* words, size_t count) {
  std::vector<text::Token> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    Span g = words[i];
    if (IsJoinedDot(text, g)) {
      out.push_back(text::TokenOf(text, Span{g.begin, g.end - 1}));
      out.push_back(text::TokenOf(text, Span{g.end - 1, g.end}));
      continue;
    }
    if (WordCharAt(text, g.begin, g.end)) {
      // A word goes on into the next words that touch it unless it ends with an abbreviation's
      // dot: letters or digits ("ca" "n't", "can" "not"), a clitic, or a hyphen and a word.
      while (i + 1 < count && words[i + 1].begin == g.end && text[g.end - 1] != '.') {
        Span b = words[i + 1];
        if (WordCharAt(text, b.begin, b.end) || IsClitic(text, b)) {
          g.end = b.end;
          ++i;
        } else if (b.size() == 1 && text[b.begin] == '-' && i + 2 < count && words[i + 2].begin == b.end &&
                   WordCharAt(text, words[i + 2].begin, words[i + 2].end)) {
          g.end = words[i + 2].end;
          i += 2;
        } else {
          break;
        }
      }
    }
    out.push_back(text::TokenOf(text, g));
  }
  return out;
}

std::vector<text::Token> SentenceTokens(const Document& doc, const Sentence& sentence) {
  if (doc.tokens.empty()) return text::Tokenize(doc.text, sentence.span);
  uint32_t end = std::min<uint32_t>(sentence.token_end, uint32_t(doc.tokens.size()));
  std::vector<Span> spans;
  spans.reserve(end > sentence.token_begin ? end - sentence.token_begin : 0);
  for (uint32_t t = sentence.token_begin; t < end; ++t) spans.push_back(doc.tokens[t].span);
  return JoinWords(doc.text, spans.data(), spans.size());
}

}  // namespace eventmill::syntax
