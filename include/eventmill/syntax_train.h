// Training the syntax model on a UD treebank, and annotating CoNLL-U files with a model: what
// `eventmill syntax train` and `eventmill parse FILE.conllu` run. Layer: syntax (see syntax.h).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/status.h"

namespace eventmill {

struct SyntaxTrainOptions {
  std::string treebank_dir;  // holds *-ud-train.conllu (and *-ud-dev.conllu, scored when present)
  std::string out_path;      // the model file written
  int tagger_epochs = 8, parser_epochs = 15;
  int beam_size = 1;             // the parser's beam (1: greedy, dynamic oracle; more: trained globally)
  bool early_update = false;     // beam: early update instead of max-violation
  bool epoch_snapshots = false;  // beam: after each parser epoch, score dev and write out_path.epochN
  bool verbose = true;           // progress and the dev scores on stderr
  std::string clusters_path;     // word clusters (BuildWordClusters) as features; empty: none
};

// Trains the tagger, lemmatizer and parser and writes options.out_path. Deterministic: the same
// treebank and options give the same file. Minutes of CPU on EWT.
Status TrainSyntaxModel(const SyntaxTrainOptions& options);

// Learning word clusters from unlabelled English (`eventmill syntax clusters`).
struct SyntaxClusterOptions {
  // .conllu files (their words), WordNet data files named data.* (their glosses and examples),
  // Brown-tagged text (word/tag), mail messages (their plain-text bodies) or plain text (one or more
  // sentences a line); a directory stands for its *.txt files (syntax/cluster_text.h).
  std::vector<std::string> inputs;
  std::string out_path;  // "word<TAB>fine<TAB>coarse" lines
  int fine_classes = 256, coarse_classes = 32, min_count = 3;
  bool verbose = true;
};

// Tokenizes the inputs the treebank's way, learns the clusters and writes options.out_path.
// Deterministic: the same inputs and options give the same file.
Status BuildWordClusters(const SyntaxClusterOptions& options);

// Tags and parses every sentence of a CoNLL-U file with the model at model_path, keeping the file's
// words and sentence breaks, and hands the CoNLL-U out in chunks to `write`.
Status AnnotateConlluFile(const std::string& model_path, const std::string& conllu_path,
                          const std::function<void(std::string_view)>& write);

}  // namespace eventmill
