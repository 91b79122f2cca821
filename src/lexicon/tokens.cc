#include "lexicon/tokens.h"

#include "text/utf8.h"

namespace eventmill::lexicon {
namespace {

// Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), lower case.
// '*' marks code points handled separately or not letters.
constexpr char kLatinFold[] =
    "aaaaaaaceeeeiiii"  // C0-CF (C6 = AE handled separately)
    "dnooooo*ouuuuyts"  // D0-DF (D7 multiplication sign, DE thorn, DF sharp s)
    "aaaaaaaceeeeiiii"  // E0-EF
    "dnooooo*ouuuuyty"  // F0-FF
    "aaaaaaccccccccdd"  // 100-10F
    "ddeeeeeeeeeegggg"  // 110-11F
    "gggghhhhiiiiiiii"  // 120-12F
    "iiiijjjjkkklllll"  // 130-13F (132/133 IJ ligature folded to i)
    "lllllnnnnnnnnnoo"  // 140-14F
    "oooooorrrrrrssss"  // 150-15F (152/153 OE folded to o)
    "ssssttttttuuuuuu"  // 160-16F
    "uuuuuuwwyyyzzzzs"; // 170-17F

// A token's normalised form as it is built: a fixed buffer (tokens are short), growing into a
// string only for very long ones.
class NormBuf {
 public:
  void clear() { n_ = 0, dots_ = false, long_.clear(); }
  bool empty() const { return n_ == 0 && long_.empty(); }
  bool has_dot() const { return dots_; }
  // A letter or digit: never a dot.
  void push_word_char(char c) {
    if (n_ < sizeof(buf_)) {
      buf_[n_++] = c;
    } else {
      push_back(c);
    }
  }
  void push_back(char c) {
    if (c == '.') dots_ = true;
    if (n_ < sizeof(buf_)) {
      buf_[n_++] = c;
    } else {
      if (long_.empty()) long_.assign(buf_, n_);
      long_.push_back(c);
    }
  }
  void append(const std::string& s) {
    for (char c : s) push_back(c);
  }
  std::string_view view() const { return long_.empty() ? std::string_view(buf_, n_) : std::string_view(long_); }

 private:
  char buf_[120];
  size_t n_ = 0;
  bool dots_ = false;
  std::string long_;
};

}  // namespace

bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation: quotes, dashes, spaces
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp == 0xFEFF || cp == text::kReplacementChar) return false;
  if (cp >= 0x2100 && cp <= 0x2BFF) return false;  // symbols, arrows, shapes
  return true;
}

bool IsUpperCodePoint(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A alternates upper/lower, with a shift between 0x138 and 0x149 and after 0x178.
    if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
    if (cp >= 0x179 && cp <= 0x17E) return cp % 2 == 1;
    if (cp == 0x178) return true;
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
    return cp % 2 == 0;
  }
  if (cp >= 0x391 && cp <= 0x3AB) return true;   // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;   // Cyrillic
  return false;
}

void FoldCodePoint(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  if (cp >= 0xC0 && cp <= 0x17F) {
    if (cp == 0xC6 || cp == 0xE6) {
      out->append("ae");
      return;
    }
    if (cp == 0xDF) {
      out->append("ss");
      return;
    }
    if (cp == 0xDE || cp == 0xFE) {
      out->append("th");
      return;
    }
    char c = kLatinFold[cp - 0xC0];
    if (c != '*') {
      out->push_back(c);
      return;
    }
  }
  switch (cp) {
    case 0x2BB: case 0x2BC: case 0x2BF: case 0x2BE: return;  // modifier letter apostrophes (Tashkent "Oʻzbekiston")
    case 0x18F: case 0x259: out->push_back('a'); return;     // schwa (Azerbaijani)
    case 0x1A0: case 0x1A1: out->push_back('o'); return;
    case 0x1AF: case 0x1B0: out->push_back('u'); return;
    case 0x218: case 0x219: out->push_back('s'); return;     // comma-below s/t (Romanian)
    case 0x21A: case 0x21B: out->push_back('t'); return;
    default: break;
  }
  if (cp >= 0x391 && cp <= 0x3AB) cp += 0x20;          // Greek capitals
  else if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;     // Cyrillic capitals
  else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
  else if (cp >= 0x300 && cp <= 0x36F) return;         // combining marks: dropped
  text::AppendUtf8(cp, out);
}

namespace {

inline uint64_t Fnv(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

inline bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

}  // namespace

uint64_t TokenHash(std::string_view normalized) { return Fnv(normalized) | 1; }

void Tokenize(std::string_view text, std::vector<Token>* out, uint32_t base) {
  NormBuf norm;
  std::string folded;  // one non-ASCII code point, folded
  size_t i = 0, n = text.size();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  while (i < n) {
    // Skip to the next word character; ASCII fast path.
    if (p[i] < 0x80) {
      unsigned char c = p[i];
      bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!word) {
        ++i;
        continue;
      }
    } else {
      size_t j = i;
      uint32_t cp = text::DecodeUtf8(text, &j);
      if (!IsWordCodePoint(cp)) {
        i = j;
        continue;
      }
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    norm.clear();
    int letters = 0, uppers = 0;
    bool first = true;
    size_t k = i;
    while (k < n) {
      size_t j = k;
      // ASCII letters and digits, the common case, inline.
      if (p[k] < 0x80) {
        unsigned char c = p[k];
        if (c >= 'a' && c <= 'z') {
          ++letters, first = false, ++k;
          norm.push_word_char(static_cast<char>(c));
          continue;
        }
        if (c >= 'A' && c <= 'Z') {
          ++letters, ++uppers;
          if (first) t.flags |= kUpperInitial;
          first = false, ++k;
          norm.push_word_char(static_cast<char>(c + 32));
          continue;
        }
        if (c >= '0' && c <= '9') {
          t.flags |= kHasDigit;
          first = false, ++k;
          norm.push_word_char(static_cast<char>(c));
          continue;
        }
        // Other ASCII ends the word, except an apostrophe or a dot, which the code below weighs.
        if (c != '\'' && c != '.') break;
      }
      uint32_t cp = p[k] < 0x80 ? (j = k + 1, p[k]) : text::DecodeUtf8(text, &j);
      if (IsWordCodePoint(cp)) {
        bool digit = cp >= '0' && cp <= '9';
        if (digit) {
          t.flags |= kHasDigit;
        } else {
          ++letters;
          bool up = IsUpperCodePoint(cp);
          if (up) ++uppers;
          if (first && up) t.flags |= kUpperInitial;
        }
        first = false;
        folded.clear();
        FoldCodePoint(cp, &folded);
        norm.append(folded);
        k = j;
        continue;
      }
      if (IsApostrophe(cp) && j < n) {
        // Possessive 's ends the word; any other apostrophe between letters is inside it (O'Hare).
        size_t m = j;
        uint32_t next = text::DecodeUtf8(text, &m);
        if (next == 's' || next == 'S') {
          bool word_after = false;
          if (m < n) {
            size_t q = m;
            word_after = IsWordCodePoint(text::DecodeUtf8(text, &q));
          }
          if (!word_after) {
            t.flags |= kPossessive;
            break;
          }
        }
        if (letters > 0 && IsWordCodePoint(next) && !(next >= '0' && next <= '9')) {
          // An elided article before a capital is written lower case in names: "d'Ivoire",
          // "l'Aquila" count as capitalised.
          if (letters == 1 && !(t.flags & kUpperInitial) && IsUpperCodePoint(next)) t.flags |= kUpperInitial;
          norm.push_back('\'');
          k = j;
          continue;
        }
        break;
      }
      // Dotted abbreviation: single letters separated by dots ("U.S.", "U.N.").
      if (cp == '.' && j + 1 < n && letters > 0) {
        bool single = (k >= 1) && (k - 1 == t.begin || p[k - 2] == '.');
        uint32_t next = p[j];
        bool next_letter = (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z');
        bool next_single = j + 1 >= n || !((p[j + 1] >= 'A' && p[j + 1] <= 'Z') || (p[j + 1] >= 'a' && p[j + 1] <= 'z'));
        if (single && next_letter && next_single) {
          norm.push_back('.');
          k = j;
          continue;
        }
      }
      break;
    }
    t.end = static_cast<uint32_t>(k);
    // A dotted abbreviation keeps its final dot in the span ("U.S."), not in the key.
    if (!norm.empty() && norm.has_dot() && k < n && p[k] == '.') t.end = static_cast<uint32_t>(k + 1);
    if (letters > 0) t.flags |= kHasLetter;
    if (letters >= 2 && uppers == letters) t.flags |= kAllUpper;
    if (letters == 1 && uppers == 1 && norm.has_dot()) t.flags |= kAllUpper;
    t.letters = static_cast<uint8_t>(letters > 255 ? 255 : letters);
    t.hash = TokenHash(norm.view());
    t.begin += base;
    t.end += base;
    out->push_back(t);
    i = k;
    if ((t.flags & kPossessive) && i < n) {
      // skip the apostrophe and the s
      size_t j = i;
      text::DecodeUtf8(text, &j);
      i = j + 1;
    }
  }
}

std::string NormalizeToken(std::string_view token) {
  std::string out;
  size_t i = 0;
  while (i < token.size()) {
    uint32_t cp = text::DecodeUtf8(token, &i);
    if (IsWordCodePoint(cp)) FoldCodePoint(cp, &out);
    else if (cp == '.' || IsApostrophe(cp)) out.push_back(cp == '.' ? '.' : '\'');
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

std::string NormalizePhrase(std::string_view phrase) {
  std::vector<Token> toks;
  Tokenize(phrase, &toks);
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out.push_back(' ');
    out += NormalizeToken(phrase.substr(t.begin, t.end - t.begin));
  }
  return out;
}

uint64_t PhraseKey(std::string_view phrase, int* token_count) {
  std::vector<Token> toks;
  Tokenize(phrase, &toks);
  uint64_t h = kPhraseSeed;
  for (const auto& t : toks) h = PhraseHash(h, t.hash);
  if (token_count) *token_count = static_cast<int>(toks.size());
  return h;
}

}  // namespace eventmill::lexicon
