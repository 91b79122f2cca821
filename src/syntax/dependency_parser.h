// Labelled dependency parser: the arc-eager transition system (Nivre 2003) with the root token at
// the end of the buffer (Ballesteros & Nivre 2013), scored by an averaged perceptron over the rich
// feature set of Zhang & Nivre (2011: distance, valency, children's label sets, second-order
// children and grand-heads), trained with the dynamic oracle of Goldberg & Nivre (2012) so it
// learns to recover from its own mistakes. Greedy decoding: linear in the sentence length.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/perceptron.h"

namespace eventmill::syntax {

// A sentence as the parser sees it: word hashes (WordFacts::lower), tag classes and, when the
// model has word clusters, each word's clusters (coarse << 16 | fine; empty = none).
struct ParserInput {
  std::vector<uint64_t> words;
  std::vector<int> tags;
  std::vector<uint32_t> clusters;
};

// A training sentence: the input plus the gold tree (heads 0-based, -1 = root; label ids).
struct ParserExample {
  ParserInput input;
  std::vector<int> heads, labels;
};

struct ParserTrainOptions {
  int epochs = 15;
  uint32_t seed = 1;
  float explore = 0.9f;  // from the second epoch, follow the model's own move with this chance
  int prune = 1;         // weights below this (of 32000 for the largest) are dropped
  // 1: greedy, trained with the dynamic oracle. More: beam search trained globally on the
  // oracle's move sequence (Zhang & Clark 2008), updating at the step where the beam's best
  // outscores the gold prefix by the most (max-violation, Huang, Fayong & Guo 2012), or with
  // `early_update` where the gold prefix first falls off the beam (Collins & Roark 2004).
  int beam_size = 1;
  bool early_update = false;
  bool verbose = false;
  // Called after every epoch of beam training with the parser averaged so far (the parser a
  // training of that many epochs gives): for learning curves on held-out sentences.
  std::function<void(int epoch, const class DependencyParser&)> after_epoch;
};

class DependencyParser {
 public:
  // `labels` are the relation names (label id = index); one of them must be "root".
  static DependencyParser Train(const std::vector<ParserExample>& examples, const std::vector<std::string>& labels,
                                const ParserTrainOptions& options);

  // Heads (0-based, -1 = the root) and label ids of the words. Thread-safe.
  void Parse(const ParserInput& input, std::vector<int>* heads, std::vector<int>* labels) const;

  const std::vector<std::string>& labels() const { return labels_; }
  int beam_size() const { return beam_size_; }
  // Decodes with another beam than the one trained with (1: greedy; for measuring speed and accuracy).
  void set_beam_size(int beam_size) { beam_size_ = beam_size < 1 ? 1 : beam_size > 64 ? 64 : beam_size; }
  // Beam decoding drops the states that trail the best by more than `margin` (in the weights'
  // quantized units; 0: none dropped), so a confident beam does the work of a narrower one.
  void set_beam_margin(int64_t margin) { beam_margin_ = margin; }
  size_t num_features() const { return weights_.num_features(); }

  // Drops the weights below min_abs (see Weights::Pruned).
  void Prune(int min_abs) { weights_ = weights_.Pruned(min_abs); }
  size_t num_weights() const { return weights_.num_weights(); }

  void AppendTo(std::string* out) const;
  bool ReadFrom(std::string_view data, size_t* pos);

 private:
  std::vector<std::string> labels_;
  void ParseGreedy(const ParserInput& input, std::vector<int>* heads, std::vector<int>* labels) const;
  void ParseBeam(const ParserInput& input, std::vector<int>* heads, std::vector<int>* labels) const;
  static void TrainBeam(DependencyParser* parser, const std::vector<ParserExample>& examples,
                        const ParserTrainOptions& options, class PerceptronTrainer* trainer);

  int root_label_ = 0, dep_label_ = 0, beam_size_ = 1;
  int64_t beam_margin_ = 0;
  Weights weights_;
};

}  // namespace eventmill::syntax
