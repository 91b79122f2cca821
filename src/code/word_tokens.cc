#include "code/word_tokens.h"

#include <algorithm>

#include "syntax/word_splitter.h"

namespace eventmill::code {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// The punctuation the coder reads as such: ASCII marks, curly quotes and apostrophes (U+2018/2019/
// 201C/201D), dashes (U+2013/2014) and the ellipsis; other symbols («, €, •) it reads as words.
// Sets *lower to the mark as the patterns write it.
bool PunctMark(std::string_view mark, std::string* lower) {
  unsigned char c = static_cast<unsigned char>(mark[0]);
  if (c < 0x80) {
    *lower = std::string(mark);
    return true;
  }
  if (mark.size() != 3 || c != 0xE2 || static_cast<unsigned char>(mark[1]) != 0x80) return false;
  switch (static_cast<unsigned char>(mark[2])) {
    case 0x98:
    case 0x99:
      *lower = "'";
      return true;
    case 0x9C:
    case 0x9D:
      *lower = "\"";
      return true;
    case 0x93:
    case 0x94:
      *lower = "-";
      return true;
    case 0xA6:
      *lower = "...";
      return true;
    default:
      return false;
  }
}

// A word or number of the tokenizer: split at the dots of an abbreviation (a dot not between two
// digits), lower-cased, a curly apostrophe read as '.
void AddWord(std::string_view text, Span span, std::vector<WordToken>* out) {
  uint32_t start = span.begin;
  auto flush = [&](uint32_t end) {
    if (end <= start) return;
    WordToken w;
    w.span = {start, end};
    w.lower.reserve(end - start);
    for (uint32_t i = start; i < end; ++i) {
      if (i + 2 < end && text[i] == '\xE2' && text[i + 1] == '\x80' && text[i + 2] == '\x99') {
        w.lower += '\'';
        i += 2;
      } else {
        w.lower += Lower(text[i]);
      }
    }
    out->push_back(std::move(w));
  };
  bool after_curly = false;  // a curly apostrophe joined this word: it goes on over letters only
  for (uint32_t i = span.begin; i < span.end; ++i) {
    char c = text[i];
    if (c == '\xE2' && i + 2 < span.end && text[i + 1] == '\x80' && text[i + 2] == '\x99') {
      after_curly = true;
      i += 2;
      continue;
    }
    bool joiner = c == '-' || c == '\'' || c == ',';
    if (c != '.' && !(joiner && after_curly)) continue;
    if (!after_curly && i > span.begin && i + 1 < span.end && IsDigit(text[i - 1]) && IsDigit(text[i + 1])) continue;
    flush(i);
    out->push_back(WordToken{{i, i + 1}, std::string(1, c), true});
    start = i + 1;
    after_curly = false;
  }
  flush(span.end);
}

// The non-ASCII spaces between two tokens (no-break, thin, ideographic): the coder reads them
// as word bytes ("10\u00A0km" is one word), so each run of them is a word piece.
void AddGap(std::string_view text, uint32_t from, uint32_t to, std::vector<WordToken>* out) {
  for (uint32_t i = from; i < to;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    uint32_t j = i;
    while (j < to && static_cast<unsigned char>(text[j]) >= 0x80) ++j;
    out->push_back(WordToken{{i, j}, std::string(text.substr(i, j - i)), false});
    i = j;
  }
}

// The coder's words of the pieces: a word goes on into a word piece that touches it ("£" "5",
// "1990" "'" "s" — the tokenizer cuts at symbols and after numbers, the coder's words do not),
// and over a joiner between two word pieces: an apostrophe or hyphen, a comma or dot between digits
// ("magnitude-7" "." "9"), a curly apostrophe (after which it goes on over word pieces only).
// (What the coder's own byte scanner did before it read the shared tokenizer's tokens.)
std::vector<WordToken> JoinPieces(std::string_view text, std::vector<WordToken>& pieces) {
  std::vector<WordToken> out;
  out.reserve(pieces.size());
  for (size_t i = 0; i < pieces.size(); ++i) {
    WordToken& p = pieces[i];
    if (!out.empty() && !out.back().punct && out.back().span.end == p.span.begin) {
      WordToken& w = out.back();
      if (!p.punct) {
        w.lower += p.lower;
        w.span.end = p.span.end;
        continue;
      }
      const WordToken* q = i + 1 < pieces.size() ? &pieces[i + 1] : nullptr;
      // "here’’": a curly apostrophe before another curly mark ends the word it joins.
      if (q && q->punct && q->span.begin == p.span.end && static_cast<unsigned char>(text[q->span.begin]) >= 0x80 &&
          p.span.size() == 3 && text.compare(p.span.begin, 3, "\xE2\x80\x99") == 0) {
        w.lower += '\'';
        w.span.end = p.span.end;
        continue;
      }
      if (q && !q->punct && q->span.begin == p.span.end) {
        char c = text[p.span.begin];
        bool curly_apostrophe = p.span.size() == 3 && text.compare(p.span.begin, 3, "\xE2\x80\x99") == 0;
        bool curly = text.substr(w.span.begin, w.span.size()).find("\xE2\x80\x99") != std::string_view::npos;
        bool joins = curly_apostrophe ||
                     (!curly && p.span.size() == 1 &&
                      (c == '\'' || c == '-' ||
                       ((c == ',' || c == '.') && IsDigit(text[w.span.end - 1]) && IsDigit(text[q->span.begin]))));
        if (joins) {
          w.lower += curly_apostrophe ? "'" : p.lower;
          w.lower += q->lower;
          w.span.end = q->span.end;
          ++i;
          continue;
        }
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::vector<WordToken> WordsOfTokens(std::string_view text, const std::vector<text::Token>& tokens, Span range) {
  std::vector<WordToken> pieces;
  pieces.reserve(tokens.size() + 4);
  uint32_t at = range.begin;
  for (const text::Token& t : tokens) {
    AddGap(text, at, t.span.begin, &pieces);
    at = t.span.end;
    if (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kNumber) {
      AddWord(text, t.span, &pieces);
      continue;
    }
    WordToken w;
    w.span = t.span;
    w.punct = PunctMark(text.substr(t.span.begin, t.span.size()), &w.lower);
    if (!w.punct) w.lower = std::string(text.substr(t.span.begin, t.span.size()));
    pieces.push_back(std::move(w));
  }
  AddGap(text, at, std::min<uint32_t>(range.end, uint32_t(text.size())), &pieces);
  return JoinPieces(text, pieces);
}

std::vector<WordToken> SentenceWords(const Document& doc, const Sentence& s) {
  return WordsOfTokens(doc.text, syntax::SentenceTokens(doc, s), s.span);
}

std::vector<WordToken> TokenizeWords(std::string_view text, Span span) {
  return WordsOfTokens(text, text::Tokenize(text, span), span);
}

}  // namespace eventmill::code
