#include "code/word_tokens.h"

#include <cctype>

namespace eventmill::code {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Curly quotes (U+2018/2019/201C/201D), dashes (U+2013/2014) and the ellipsis are punctuation,
// not word characters, although they are non-ASCII.
size_t PunctLength(std::string_view text, size_t i) {
  if (i + 2 < text.size() + 0 && static_cast<unsigned char>(text[i]) == 0xE2 &&
      static_cast<unsigned char>(text[i + 1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(text[i + 2]);
    if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D || c == 0x93 || c == 0x94 || c == 0xA6) return 3;
  }
  return 0;
}

}  // namespace

std::vector<WordToken> TokenizeWords(std::string_view text, Span span) {
  std::vector<WordToken> out;
  size_t end = std::min<size_t>(span.end, text.size());
  size_t i = span.begin;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    if (size_t n = PunctLength(text, i)) {
      unsigned char k = static_cast<unsigned char>(text[i + 2]);
      // A curly apostrophe between letters stays inside the word ("Sheriff’s").
      if (k == 0x99 && !out.empty() && !out.back().punct && out.back().span.end == i && i + n < end &&
          IsWordByte(static_cast<unsigned char>(text[i + n]))) {
        out.back().lower += '\'';
        out.back().span.end = static_cast<uint32_t>(i + n);
        i += n;
        size_t j = i;
        while (j < end && IsWordByte(static_cast<unsigned char>(text[j])) && !PunctLength(text, j)) {
          out.back().lower += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j])));
          ++j;
        }
        out.back().span.end = static_cast<uint32_t>(j);
        i = j;
        continue;
      }
      WordToken t;
      t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + n)};
      t.lower = (k == 0x98 || k == 0x99) ? "'" : (k == 0x9C || k == 0x9D) ? "\"" : (k == 0xA6) ? "..." : "-";
      t.punct = true;
      out.push_back(std::move(t));
      i += n;
      continue;
    }
    if (!IsWordByte(c)) {
      WordToken t;
      t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)};
      t.lower = std::string(1, static_cast<char>(c));
      t.punct = true;
      out.push_back(std::move(t));
      ++i;
      continue;
    }
    size_t j = i;
    std::string lower;
    while (j < end) {
      unsigned char d = static_cast<unsigned char>(text[j]);
      if (PunctLength(text, j)) break;
      if (IsWordByte(d)) {
        lower += static_cast<char>(std::tolower(d));
        ++j;
        continue;
      }
      // Inner apostrophes, hyphens, and separators inside numbers/abbreviations stay in the word.
      bool next_word = j + 1 < end && IsWordByte(static_cast<unsigned char>(text[j + 1])) && !PunctLength(text, j + 1);
      if ((d == '\'' || d == '-') && next_word) {
        lower += static_cast<char>(d);
        ++j;
        continue;
      }
      if ((d == ',' || d == '.') && next_word && std::isdigit(static_cast<unsigned char>(text[j - 1])) &&
          std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
        lower += static_cast<char>(d);
        ++j;
        continue;
      }
      break;
    }
    WordToken t;
    t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    t.lower = std::move(lower);
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

}  // namespace eventmill::code
