// Sentence boundaries: '.', '!', '?', '…' (and "...") followed by optional closing quotes and
// brackets, white space and a sentence opener (capital letter, digit, opening quote). A dot
// after a known abbreviation, an initial ("Todd D. Kresin") or a decimal does not end a
// sentence unless the next word is a common sentence opener. Paragraph breaks and line breaks
// always end a sentence. A dot glued between a lower-case word and a capitalised word
// ("meth lab.Commercial") ends one too.
#include "text/sentence_splitter.h"

#include <string>

#include "text/tokenizer.h"
#include "text/utf8.h"
#include "text/word_lists.h"

namespace eventmill::text {

Result<Abbreviations> Abbreviations::Load(const DataFiles& files) {
  constexpr std::string_view kFile = "text/abbreviations.txt";
  EM_ASSIGN_OR_RETURN(WordLists lists, ReadWordLists(files, kFile));
  EM_RETURN_IF_ERROR(RequireSections(lists, files.PathOf(kFile), {"titles", "may_end", "starters"}));
  Abbreviations a;
  for (const auto& e : lists["titles"]) a.titles.insert(e.key);
  for (const auto& e : lists["may_end"]) a.may_end.insert(e.key);
  for (const auto& e : lists["starters"]) a.starters.insert(e.key);
  return a;
}

namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsSpaceByte(std::string_view t, size_t i) {
  char c = t[i];
  if (c == ' ' || c == '\t' || c == '\r') return true;
  // U+00A0 no-break space
  return static_cast<unsigned char>(c) == 0xC2 && i + 1 < t.size() &&
         static_cast<unsigned char>(t[i + 1]) == 0xA0;
}

size_t SpaceLen(std::string_view t, size_t i) {
  return static_cast<unsigned char>(t[i]) == 0xC2 ? 2 : 1;
}

// Code point at i and its length; 0 when i is out of range.
uint32_t CpAt(std::string_view t, size_t i, size_t end, size_t* len) {
  if (i >= end) {
    *len = 0;
    return 0;
  }
  size_t j = i;
  uint32_t cp = DecodeUtf8(t, &j);
  *len = j - i;
  return cp;
}

bool IsClosing(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == ')' || cp == ']' ||
         cp == 0xBB;
}

bool IsOpeningQuote(uint32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == '\'' || cp == '(' ||
         cp == '[';
}

bool IsUpperCp(uint32_t cp) { return IsUpperLetter(cp); }

// The word that ends at `end` (exclusive), dots inside included ("U.S", "a.m").
std::string_view WordBefore(std::string_view t, size_t begin, size_t end) {
  size_t b = end;
  // Abbreviations are short: looking back 64 bytes at most keeps the splitter linear.
  if (end > begin + 64) begin = end - 64;
  while (b > begin) {
    char c = t[b - 1];
    if (IsAsciiUpper(c) || IsAsciiLower(c) || IsAsciiDigit(c) || c == '.' || c == '\'' ||
        static_cast<unsigned char>(c) >= 0x80)
      --b;
    else
      break;
  }
  // Multi-byte punctuation such as "…" or "”" is not part of a word.
  std::string_view w = t.substr(b, end - b);
  while (!w.empty() && static_cast<unsigned char>(w.front()) >= 0x80) {
    size_t j = 0;
    uint32_t cp = DecodeUtf8(w, &j);
    if (cp >= 0x2000 && cp <= 0x2BFF)
      w.remove_prefix(j);
    else
      break;
  }
  return w;
}

// The word that starts at `i` (letters only).
std::string_view WordAt(std::string_view t, size_t i, size_t end) {
  size_t j = i;
  while (j < end && (IsAsciiUpper(t[j]) || IsAsciiLower(t[j]) || t[j] == '\'')) ++j;
  return t.substr(i, j - i);
}

}  // namespace

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Span> out;
  bool has_blank_line = text.find("\n\n") != std::string_view::npos ||
                        text.find("\r\n\r\n") != std::string_view::npos;
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= n) break;
    size_t start = i;
    size_t end;
    if (has_blank_line) {
      end = start;
      while (true) {
        end = text.find('\n', end);
        if (end == std::string_view::npos) {
          end = n;
          break;
        }
        size_t k = end + 1;
        while (k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
        if (k >= n || text[k] == '\n') break;
        end = k;
      }
    } else {
      end = text.find('\n', i);
      if (end == std::string_view::npos) end = n;
    }
    size_t e = end;
    while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\n' ||
                         text[e - 1] == '\t'))
      --e;
    out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(e)});
    i = end;
  }
  return out;
}

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Span>& paragraphs,
                                     const Abbreviations& abbr) {
  std::vector<Sentence> out;
  auto emit = [&](size_t b, size_t e, uint32_t p) {
    while (b < e && (IsSpaceByte(text, b) || text[b] == '\n')) b += text[b] == '\n' ? 1 : SpaceLen(text, b);
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\r' || text[e - 1] == '\t'))
      --e;
    if (e > b) out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, p});
  };
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    size_t pb = paragraphs[p].begin, pe = std::min<size_t>(paragraphs[p].end, text.size());
    size_t start = pb;
    size_t i = pb;
    while (i < pe) {
      char c = text[i];
      if (c == '\n') {
        emit(start, i, p);
        start = i + 1;
        ++i;
        continue;
      }
      size_t len;
      uint32_t cp = CpAt(text, i, pe, &len);
      bool ellipsis = cp == 0x2026 || (c == '.' && i + 2 < pe && text[i + 1] == '.' && text[i + 2] == '.');
      if (!(c == '.' || c == '!' || c == '?' || ellipsis)) {
        i += len;
        continue;
      }
      size_t term_begin = i;
      size_t j = i + (cp == 0x2026 ? len : 1);
      while (j < pe && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
      // Glued sentences: "lab.Commercial".
      if (c == '.' && j < pe && IsAsciiUpper(text[j]) && j + 1 < pe && IsAsciiLower(text[j + 1])) {
        std::string_view prev = WordBefore(text, pb, term_begin);
        bool lower_word = prev.size() >= 3;
        for (char ch : prev) lower_word = lower_word && IsAsciiLower(ch);
        if (lower_word) {
          emit(start, j, p);
          start = j;
          i = j;
          continue;
        }
      }
      // Closing quotes and brackets belong to the sentence they close.
      size_t k = j;
      while (k < pe) {
        size_t l;
        uint32_t q = CpAt(text, k, pe, &l);
        if (!IsClosing(q)) break;
        // A straight quote followed directly by a letter opens the next quote instead.
        if ((q == '"' || q == '\'') && k + 1 < pe && !IsSpaceByte(text, k + 1) && text[k + 1] != '\n') break;
        k += l;
      }
      if (k >= pe || !(IsSpaceByte(text, k) || text[k] == '\n')) {
        i = j;
        continue;
      }
      size_t next = k;
      while (next < pe && IsSpaceByte(text, next)) next += SpaceLen(text, next);
      if (next >= pe) {
        i = next;
        continue;
      }
      size_t l;
      uint32_t opener = CpAt(text, next, pe, &l);
      size_t word_start = next;
      if (IsOpeningQuote(opener)) {
        word_start = next + l;
        while (word_start < pe) {
          size_t l2;
          uint32_t q = CpAt(text, word_start, pe, &l2);
          if (!IsOpeningQuote(q)) break;
          word_start += l2;
        }
      }
      size_t l3;
      uint32_t first = CpAt(text, word_start, pe, &l3);
      bool opens = IsUpperCp(first) || (first >= '0' && first <= '9') || text[next] == '\n' ||
                   (IsOpeningQuote(opener) && word_start < pe);
      if (!opens) {
        i = j;
        continue;
      }
      if (c == '.' && j == term_begin + 1) {
        std::string_view prev = WordBefore(text, pb, term_begin);
        std::string_view next_word = WordAt(text, word_start, pe);
        bool starter = abbr.starters.count(next_word) > 0;
        bool initial = prev.size() == 1 && IsAsciiUpper(prev[0]);
        bool decimal_like = !prev.empty() && IsAsciiDigit(prev.back()) && first >= '0' && first <= '9';
        if (abbr.titles.count(prev) || decimal_like) {
          i = j;
          continue;
        }
        if ((abbr.may_end.count(prev) || initial) && !starter) {
          i = j;
          continue;
        }
      }
      emit(start, k, p);
      start = next;
      i = next;
    }
    emit(start, pe, p);
  }
  return out;
}

}  // namespace eventmill::text
