// The syntax model: tagger, lemmatizer and dependency parser in one file
// (data/syntax/en_ewt.model: the line EMSYNTAX3, then the parts), and the training recipe
// that builds it from a UD treebank (`eventmill syntax train`).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/status.h"
#include "syntax/conllu.h"
#include "syntax/dependency_parser.h"
#include "syntax/lemmatizer.h"
#include "syntax/tagger.h"
#include "syntax/word_clusters.h"

namespace eventmill::syntax {

// One analysed word, as the model gives it.
struct AnalyzedWord {
  int tag = 0;    // tagger class: Tagger::xpos(tag), Tagger::upos(tag)
  int head = -1;  // 0-based index in the sentence, -1 = the root
  int label = 0;  // DependencyParser::labels()[label]
};

struct TrainOptions {
  WordClusters clusters;  // empty: no cluster features
  int tagger_epochs = 8;
  int parser_epochs = 15;
  int beam_size = 1;          // the parser's beam (1 = greedy with the dynamic oracle)
  bool early_update = false;  // beam: early update instead of max-violation (ParserTrainOptions)
  // Weights below these (of 32000 for the largest) are dropped: on EWT dev, pruning the parser at
  // 500 keeps UAS within 0.001 and cuts its weights from 4.5 to 1.3 million.
  int tagger_prune = 200, parser_prune = 500;
  int jackknife_folds = 5;  // the parser learns on tags predicted by taggers that did not see the sentence
  uint32_t seed = 1;
  bool verbose = false;
  // Beam training: called after every parser epoch with the model a training of that many epochs
  // gives (for learning curves on held-out sentences).
  std::function<void(int epoch, const class SyntaxModel&)> after_parser_epoch;
};

class SyntaxModel {
 public:
  // Trains every part on `train`. Deterministic given the same sentences and options.
  static SyntaxModel Train(const std::vector<ConlluSentence>& train, const TrainOptions& options);
  static Result<SyntaxModel> Load(const std::string& path);
  static Result<SyntaxModel> FromBytes(std::string_view bytes, std::string_view where);
  Status Save(const std::string& path) const;
  std::string ToBytes() const;

  // Tags, lemmatizes (when `lemmas` is not null) and parses one sentence. Thread-safe.
  void Analyze(const std::vector<std::string_view>& forms, std::vector<AnalyzedWord>* words,
               std::vector<std::string>* lemmas) const;
  // Fills LEMMA, UPOS, XPOS, HEAD and DEPREL of each word of the sentence from its forms.
  void AnnotateConllu(ConlluSentence* sentence) const;

  void Prune(int tagger_min_abs, int parser_min_abs) {
    tagger_.Prune(tagger_min_abs);
    parser_.Prune(parser_min_abs);
  }

  // Decodes with another parser beam than the model's (see DependencyParser::set_beam_size).
  void set_parser_beam(int beam_size, int64_t margin = 0) {
    parser_.set_beam_size(beam_size);
    parser_.set_beam_margin(margin);
  }

  const Tagger& tagger() const { return tagger_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const DependencyParser& parser() const { return parser_; }
  const WordClusters& clusters() const { return clusters_; }

 private:
  WordClusters clusters_;
  Tagger tagger_;
  Lemmatizer lemmatizer_;
  DependencyParser parser_;
};

}  // namespace eventmill::syntax
