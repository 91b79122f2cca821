// Word clusters: classes of words that occur in similar contexts, learned from unlabelled text with
// the exchange algorithm (Kneser & Ney 1993) on the predictive class bigram model of Uszkoreit &
// Brants (2008). The tagger and the parser use a word's cluster as a feature beside the word itself
// (Koo, Carreras & Collins 2008), so a word seen rarely in the treebank borrows from the words it
// clusters with. Two granularities: fine (e.g. 256 classes) and coarse (e.g. 32).
// File form (data/syntax/en_clusters.tsv): '#' comment lines, then "word<TAB>fine<TAB>coarse".
// Sits in src/syntax/, under word_features.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::syntax {

class WordClusters {
 public:
  static constexpr uint32_t kNone = 0xffff;  // a word outside the clustered vocabulary

  // Reads the TSV form; a malformed line is an error naming file:line.
  static Result<WordClusters> ReadTsv(const std::string& path);

  bool empty() const { return fine_.empty(); }
  size_t size() const { return fine_.size(); }
  // Clusters of a word by the hash of its lower-cased form (WordFacts::lower); kNone when unknown.
  uint32_t Fine(uint64_t lower_hash) const {
    auto it = fine_.find(lower_hash);
    return it == fine_.end() ? kNone : it->second & 0xffff;
  }
  uint32_t Coarse(uint64_t lower_hash) const {
    auto it = fine_.find(lower_hash);
    return it == fine_.end() ? kNone : it->second >> 16;
  }
  // Both at once: coarse << 16 | fine (kNone << 16 | kNone when unknown).
  uint32_t Both(uint64_t lower_hash) const {
    auto it = fine_.find(lower_hash);
    return it == fine_.end() ? (kNone << 16 | kNone) : it->second;
  }
  void Add(uint64_t lower_hash, uint32_t fine, uint32_t coarse) { fine_[lower_hash] = coarse << 16 | fine; }

  void AppendTo(std::string* out) const;
  bool ReadFrom(std::string_view data, size_t* pos);

 private:
  std::unordered_map<uint64_t, uint32_t> fine_;  // lower hash -> coarse << 16 | fine
};

struct ClusterLearnOptions {
  int fine_classes = 256, coarse_classes = 32;
  int min_count = 3;  // words seen fewer times are not clustered
  int passes = 10;    // exchange passes over the vocabulary (stops early when no word moves)
  bool verbose = false;
};

// Learns clusters from sentences of lower-cased words; returns "word\tfine\tcoarse" lines in a fixed
// order (most frequent first). Deterministic.
std::string LearnWordClusters(const std::vector<std::vector<std::string>>& sentences,
                              const ClusterLearnOptions& options);

// The exchange algorithm itself: a class (0..classes-1) for each word id 0..num_words-1 of the
// sentences (ids, most frequent first; id 0 may be the boundary). Exposed for the tests.
std::vector<int> ExchangeClusters(const std::vector<std::vector<int>>& sentences, int num_words, int classes,
                                  int passes, bool verbose);

// The objective the exchange algorithm raises: the log-likelihood of the sentences under the
// predictive class bigram model P(w | v) = P(class(w) | v) P(w | class(w)), in nats.
double ClassBigramLogLikelihood(const std::vector<std::vector<int>>& sentences, int num_words,
                                const std::vector<int>& cls);

}  // namespace eventmill::syntax
