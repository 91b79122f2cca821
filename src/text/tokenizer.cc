#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/utf8.h"

namespace eventmill::text {
namespace {

bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2009 ||
         cp == 0x202F || cp == 0x2002 || cp == 0x2003 || cp == 0x200B || cp == 0x3000;
}

bool IsDigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

}  // namespace

// Letters: ASCII letters and every non-ASCII code point that is not punctuation or a symbol we
// know (dashes, quotes, ellipsis, bullets, currency).
bool IsWordLetter(uint32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
  if (cp < 0xC0) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // general punctuation, currency, arrows, ...
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp == kReplacementChar || cp == 0xFEFF) return false;
  return true;
}

bool IsUpperLetter(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp < 0x100) return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
  // Beyond Latin-1, ICU's character properties: "Łódź", "Škoda", "İzmir", Greek, Cyrillic,
  // Armenian, full-width letters (hand ranges missed all but Greek and Cyrillic).
  auto c = static_cast<UChar32>(cp);
  return u_isupper(c) || u_istitle(c);
}

namespace {

bool IsLetter(uint32_t cp) { return IsWordLetter(cp); }
bool IsUpper(uint32_t cp) { return IsUpperLetter(cp); }

bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

uint32_t PeekCp(std::string_view s, size_t i, size_t end, size_t* next) {
  if (i >= end) {
    *next = i;
    return 0;
  }
  size_t j = i;
  uint32_t cp = DecodeUtf8(s, &j);
  *next = j;
  return cp;
}

}  // namespace

bool IsQuoteMark(uint32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB ||
         cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201F;
}

Token TokenOf(std::string_view text, Span span) {
  Token tok;
  tok.span = span;
  size_t end = std::min<size_t>(span.end, text.size());
  size_t next;
  uint32_t cp = PeekCp(text, span.begin, end, &next);
  if (!IsDigit(cp) && !IsLetter(cp)) {
    tok.kind = IsQuoteMark(cp) ? TokenKind::kQuote : TokenKind::kPunct;
    return tok;
  }
  // As Tokenize reads a word: a letter or a hyphen makes it a word, digits with ',' '.' a number.
  bool numeric = IsDigit(cp);
  tok.capitalized = IsUpper(cp);
  tok.has_digit = numeric;
  for (size_t j = next; j < end;) {
    size_t k;
    uint32_t c = PeekCp(text, j, end, &k);
    if (IsDigit(c)) {
      tok.has_digit = true;
    } else if (IsLetter(c) || c == '-' || c == 0x2011) {
      numeric = false;
    }
    j = k;
  }
  tok.kind = numeric ? TokenKind::kNumber : TokenKind::kWord;
  return tok;
}

std::vector<Token> Tokenize(std::string_view text, Span range) {
  std::vector<Token> out;
  size_t end = std::min<size_t>(range.end, text.size());
  size_t i = range.begin;
  while (i < end) {
    size_t next;
    uint32_t cp = PeekCp(text, i, end, &next);
    if (IsSpace(cp)) {
      i = next;
      continue;
    }
    Token tok;
    tok.span.begin = static_cast<uint32_t>(i);
    if (IsDigit(cp) || IsLetter(cp)) {
      bool numeric = IsDigit(cp);
      tok.capitalized = IsUpper(cp);
      tok.has_digit = numeric;
      size_t j = next;
      while (j < end) {
        size_t k;
        uint32_t c = PeekCp(text, j, end, &k);
        if (IsDigit(c)) {
          tok.has_digit = true;
          j = k;
          continue;
        }
        if (IsLetter(c)) {
          numeric = false;
          j = k;
          continue;
        }
        // Inner joiners: the character after must continue the token.
        size_t k2;
        uint32_t after = PeekCp(text, k, end, &k2);
        bool joins = false;
        if (c == ',' && numeric) {
          // "5,135": exactly three digits after the comma.
          size_t d = k, n = 0;
          while (d < end && IsDigit(static_cast<unsigned char>(text[d]))) ++d, ++n;
          joins = n == 3;
        } else if (c == '.') {
          // "1.3", "U.S.", "a.m.": a dot followed by a digit (numbers) or a letter then a dot.
          if (numeric) {
            joins = IsDigit(after);
          } else {
            joins = IsLetter(after) && k2 < end && text[k2] == '.' && (k2 - k) <= 2;
            if (!joins && j > tok.span.begin && j - tok.span.begin <= 2 && after == 0) joins = false;
          }
        } else if (c == '-' || c == 0x2011) {
          joins = IsLetter(after) || IsDigit(after);
          if (joins) numeric = false;
        } else if (IsApostrophe(c)) {
          joins = !numeric && IsLetter(after);
        }
        if (!joins) break;
        j = k;
      }
      // A dotted abbreviation keeps its final dot: "U.S." (letter-dot-letter-dot).
      if (!numeric && j < end && text[j] == '.') {
        std::string_view w = text.substr(tok.span.begin, j - tok.span.begin);
        if (w.size() >= 3 && w.find('.') != std::string_view::npos) ++j;
      }
      tok.span.end = static_cast<uint32_t>(j);
      tok.kind = numeric ? TokenKind::kNumber : TokenKind::kWord;
      out.push_back(tok);
      i = j;
      continue;
    }
    tok.span.end = static_cast<uint32_t>(next);
    tok.kind = IsQuoteMark(cp) ? TokenKind::kQuote : TokenKind::kPunct;
    out.push_back(tok);
    i = next;
  }
  return out;
}

}  // namespace eventmill::text
