// The per-word facts both the tagger and the parser build their features from: hashes of the
// lower-cased word, its exact form, affixes and shape. Computed once per word.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace eventmill::syntax {

struct WordFacts {
  uint64_t lower = 0, form = 0, shape = 0;
  uint64_t suffix[4] = {0, 0, 0, 0};        // last 1..4 bytes of the lower-cased word
  uint64_t prefix[3] = {0, 0, 0};           // first 1..3 bytes
  uint32_t fine = 0xffff, coarse = 0xffff;  // word clusters (word_clusters.h); 0xffff = none
};

class WordClusters;

// Facts of each form; lower-casing is ASCII (other bytes pass through). With `clusters`, each
// word's fine and coarse clusters too.
void ComputeWordFacts(const std::vector<std::string_view>& forms, std::vector<WordFacts>* facts,
                      const WordClusters* clusters = nullptr);

// "Kassym-Jomart" -> "Xx-Xx", "5,135" -> "d,d", "U.S." -> "X.X.": upper X, lower x, digit d, runs of
// the same class collapsed.
void WordShape(std::string_view form, std::string* shape);

}  // namespace eventmill::syntax
