// Word tokens as the lexicon sees them: the key of a dictionary phrase and the units the phrase
// matcher walks. Both the compiler (phrases from data files) and the matcher (article text) use
// this one tokenizer, so a phrase matches exactly when its normalised tokens are equal:
// case and Latin diacritics are folded ("Almatý" = "almaty"), hyphens and spaces separate tokens
// ("Alma-Ata" = "Alma Ata"), dotted abbreviations stay one token ("U.S."), and a possessive "'s"
// is not part of the word ("city's" = "city").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventmill::lexicon {

enum TokenFlag : uint8_t {
  kUpperInitial = 1,   // first letter is upper case ("Almaty", "U.S.", "iPhone" is not)
  kAllUpper = 2,       // every letter upper case and at least two letters ("NATO", "U.S.")
  kHasDigit = 4,
  kPossessive = 8,     // followed by 's / ’s
  kHasLetter = 16,
};

struct Token {
  uint32_t begin = 0, end = 0;  // byte span in the text
  uint64_t hash = 0;            // hash of the normalised form
  uint8_t flags = 0;
  uint8_t letters = 0;          // number of letters, capped at 255
};

// Appends the tokens of `text` (spans offset by `base`) to `out`. Linear; allocates only `out`.
// The lexicon compiler's tokenizer of data phrases; a document's words come from doc.tokens
// through WordKeys.
void Tokenize(std::string_view text, std::vector<Token>* out, uint32_t base = 0);

// The lexicon's tokens (keys, flags) of words of a document's tokenization written together,
// text[begin, end): one for most words, none for punctuation, two for a word the lexicon splits
// ("5,135", "Kassym-Jomart"); "city" "'s" passed together give "city" with kPossessive. Reads
// those bytes and the punctuation right after them.
void WordKeys(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out);

// The normalised form of one token's bytes: lower case, Latin diacritics folded.
std::string NormalizeToken(std::string_view token);
// Normalised tokens of a phrase joined by single spaces ("Alma-Ata" -> "alma ata").
std::string NormalizePhrase(std::string_view phrase);

// Hash of a normalised token, and the hash of a token sequence built one token at a time:
// PhraseHash(PhraseHash(kPhraseSeed, a), b) is the key of the phrase "a b".
uint64_t TokenHash(std::string_view normalized);
inline constexpr uint64_t kPhraseSeed = 0x6a09e667f3bcc908ULL;
inline uint64_t PhraseHash(uint64_t h, uint64_t token_hash) {
  h ^= token_hash + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}
// Key of a whole phrase (tokenized as above); 0 tokens gives kPhraseSeed.
uint64_t PhraseKey(std::string_view phrase, int* token_count = nullptr);

// Folds one code point: ASCII and Latin-1/Latin Extended-A letters to lower-case ASCII
// (ß -> "ss", æ -> "ae"); other letters to their lower case where simple; appends to out.
void FoldCodePoint(uint32_t cp, std::string* out);
// True for code points that are part of words (letters, digits, marks; not punctuation/space).
bool IsWordCodePoint(uint32_t cp);
bool IsUpperCodePoint(uint32_t cp);

}  // namespace eventmill::lexicon
