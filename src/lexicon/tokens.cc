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
    "iiiijjkkklllllll"  // 130-13F (132/133 IJ ligature folded to i, 138 kra to k)
    "lllnnnnnnnnnoooo"  // 140-14F
    "oooorrrrrrssssss"  // 150-15F (152/153 OE folded to o)
    "ssttttttuuuuuuuu"  // 160-16F
    "uuuuwwyyyzzzzzzs"; // 170-17F

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

namespace {

// Byte classes for the tokenizer's fast path.
enum ByteClass : uint8_t { kOther = 0, kLower, kUpper, kDigit, kMark /* ' and . */, kHigh /* >= 0x80 */ };
struct ByteClasses {
  uint8_t c[256];
  constexpr ByteClasses() : c() {
    for (int b = 0; b < 256; ++b) {
      c[b] = b >= 0x80                 ? kHigh
             : (b >= 'a' && b <= 'z') ? kLower
             : (b >= 'A' && b <= 'Z') ? kUpper
             : (b >= '0' && b <= '9') ? kDigit
             : (b == '\'' || b == '.') ? kMark
                                       : kOther;
    }
  }
};
constexpr ByteClasses kClasses;
constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL, kFnvPrime = 0x100000001b3ULL;

}  // namespace

// One pass: each token's key is hashed (FNV-1a, as TokenHash) while its bytes are folded, with
// no normalised copy; ASCII letters and digits take a table-driven fast path.
void Tokenize(std::string_view text, std::vector<Token>* out, uint32_t base) {
  std::string folded;  // one non-ASCII code point, folded
  size_t i = 0;
  const size_t n = text.size();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const uint8_t* cls = kClasses.c;
  while (i < n) {
    // Skip to the next word character.
    const uint8_t c0 = cls[p[i]];
    if (c0 == kOther || c0 == kMark) {
      ++i;
      continue;
    }
    if (c0 == kHigh) {
      size_t j = i;
      uint32_t cp = text::DecodeUtf8(text, &j);
      if (!IsWordCodePoint(cp)) {
        i = j;
        continue;
      }
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    if (c0 == kUpper) t.flags |= kUpperInitial;
    uint64_t h = kFnvOffset;
    bool has_dot = false;
    int letters = 0, uppers = 0;
    size_t k = i;
    while (k < n) {
      const unsigned char c = p[k];
      const uint8_t cl = cls[c];
      if (cl == kLower) {
        // A run of lower-case letters, the bulk of a text, in a loop of its own.
        const size_t run = k;
        do {
          h = (h ^ p[k]) * kFnvPrime;
          ++k;
        } while (k < n && cls[p[k]] == kLower);
        letters += static_cast<int>(k - run);
        continue;
      }
      if (cl == kUpper) {
        h = (h ^ (c + 32u)) * kFnvPrime;
        ++letters, ++uppers, ++k;
        continue;
      }
      if (cl == kDigit) {
        t.flags |= kHasDigit;
        h = (h ^ c) * kFnvPrime;
        ++k;
        continue;
      }
      if (cl == kOther) break;
      // An apostrophe, a dot or a non-ASCII code point.
      size_t j = k;
      uint32_t cp = cl == kMark ? (j = k + 1, c) : text::DecodeUtf8(text, &j);
      if (cl == kHigh && IsWordCodePoint(cp)) {
        ++letters;
        bool up = IsUpperCodePoint(cp);
        if (up) ++uppers;
        if (k == t.begin && up) t.flags |= kUpperInitial;
        folded.clear();
        FoldCodePoint(cp, &folded);
        for (unsigned char f : folded) h = (h ^ f) * kFnvPrime;
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
          h = (h ^ static_cast<unsigned char>('\'')) * kFnvPrime;
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
          h = (h ^ static_cast<unsigned char>('.')) * kFnvPrime;
          has_dot = true;
          k = j;
          continue;
        }
      }
      break;
    }
    t.end = static_cast<uint32_t>(k);
    // A dotted abbreviation keeps its final dot in the span ("U.S."), not in the key.
    if (has_dot && k < n && p[k] == '.') t.end = static_cast<uint32_t>(k + 1);
    if (letters > 0) t.flags |= kHasLetter;
    if (letters >= 2 && uppers == letters) t.flags |= kAllUpper;
    if (letters == 1 && uppers == 1 && has_dot) t.flags |= kAllUpper;
    t.letters = static_cast<uint8_t>(letters > 255 ? 255 : letters);
    t.hash = h | 1;
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

void WordKeys(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out) {
  // With the byte after the word when it is ASCII punctuation or space: the look-ahead Tokenize has
  // in running text ("U.S billionaire" is one dotted abbreviation, "U.S." keeps its final dot).
  // No token starts there.
  if (end < text.size()) {
    const auto c = static_cast<unsigned char>(text[end]);
    if (c < 0x80 && kClasses.c[c] != kLower && kClasses.c[c] != kUpper && kClasses.c[c] != kDigit) ++end;
  }
  Tokenize(text.substr(begin, end - begin), out, begin);
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
