// Part-of-speech tagger: an averaged perceptron over word, affix, shape and context features,
// tagging left to right with the two previous tags as context (Collins 2002). One class is a
// (Penn XPOS, UPOS) pair seen in the treebank, so both tags come from one decision; frequent words
// that the treebank tags one way only are looked up, not scored.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/perceptron.h"
#include "syntax/word_features.h"

namespace eventmill::syntax {

class WordClusters;

struct TaggerTrainOptions {
  const WordClusters* clusters = nullptr;  // when set, the words' clusters are features
  int epochs = 10;
  uint32_t seed = 1;
  int prune = 1;  // weights below this (of 32000 for the largest) are dropped
  bool verbose = false;
};

class Tagger {
 public:
  // Learns from the words of `train` (forms, XPOS, UPOS). Deterministic given the same data.
  static Tagger Train(const std::vector<ConlluSentence>& train, const TaggerTrainOptions& options);

  // Class of each word (see xpos()/upos()). Thread-safe. `facts` from ComputeWordFacts(forms).
  void Tag(const std::vector<std::string_view>& forms, const std::vector<WordFacts>& facts,
           std::vector<int>* classes) const;

  int num_classes() const { return int(xpos_.size()); }
  const std::string& xpos(int cls) const { return xpos_[cls]; }
  const std::string& upos(int cls) const { return upos_[cls]; }
  size_t num_features() const { return weights_.num_features(); }

  // Drops the weights below min_abs (see Weights::Pruned).
  void Prune(int min_abs) { weights_ = weights_.Pruned(min_abs); }
  size_t num_weights() const { return weights_.num_weights(); }

  void AppendTo(std::string* out) const;
  bool ReadFrom(std::string_view data, size_t* pos);

 private:
  static constexpr int kMaxFeatures = 48;
  // Features of word i given the classes of the words before it.
  static int Features(const std::vector<WordFacts>& facts, const std::vector<int>& classes, size_t i, uint64_t* out);

  std::vector<std::string> xpos_, upos_;
  std::unordered_map<std::string, int> dictionary_;       // exact form -> its only class
  std::unordered_map<uint64_t, int> dictionary_by_hash_;  // the same by WordFacts::form, for Tag
  void HashDictionary();
  Weights weights_;
};

}  // namespace eventmill::syntax
