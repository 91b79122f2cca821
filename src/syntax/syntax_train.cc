// TrainSyntaxModel and AnnotateConlluFile (include/eventmill/syntax_train.h).
#include "eventmill/syntax_train.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "syntax/cluster_text.h"
#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/word_clusters.h"

namespace eventmill {
namespace {

namespace fs = std::filesystem;

std::string FindSplit(const std::string& dir, std::string_view suffix) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return entry.path().string();
  }
  return "";
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Accuracy of the model on gold sentences: UPOS, XPOS, UAS, LAS (universal relation).
void Score(const syntax::SyntaxModel& model, const std::vector<syntax::ConlluSentence>& gold, const char* name) {
  size_t n = 0, upos = 0, xpos = 0, uas = 0, las = 0, words = 0;
  auto start = std::chrono::steady_clock::now();
  for (const auto& g : gold) {
    syntax::ConlluSentence s = g;
    model.AnnotateConllu(&s);
    for (size_t i = 0; i < s.words.size(); ++i) {
      const auto &a = s.words[i], &b = g.words[i];
      ++n;
      upos += a.upos == b.upos;
      xpos += a.xpos == b.xpos;
      if (a.head == b.head) {
        ++uas;
        las += a.deprel.substr(0, a.deprel.find(':')) == b.deprel.substr(0, b.deprel.find(':'));
      }
    }
    words += s.words.size();
  }
  if (n == 0) return;
  double secs = Seconds(start);
  std::fprintf(stderr, "%s: upos=%.4f xpos=%.4f uas=%.4f las=%.4f words=%zu (%.0f words/s)\n", name, double(upos) / n,
               double(xpos) / n, double(uas) / n, double(las) / n, n, double(words) / secs);
}

}  // namespace

Status TrainSyntaxModel(const SyntaxTrainOptions& o) {
  std::string train_path = FindSplit(o.treebank_dir, "-ud-train.conllu");
  if (train_path.empty()) return Status::NotFound(o.treebank_dir, "no *-ud-train.conllu");
  EM_ASSIGN_OR_RETURN(std::vector<syntax::ConlluSentence> train, syntax::ReadConlluFile(train_path));
  syntax::TrainOptions options;
  if (!o.clusters_path.empty()) {
    EM_ASSIGN_OR_RETURN(options.clusters, syntax::WordClusters::ReadTsv(o.clusters_path));
    if (o.verbose)
      std::fprintf(stderr, "word clusters: %zu words from %s\n", options.clusters.size(), o.clusters_path.c_str());
  }
  options.tagger_epochs = o.tagger_epochs;
  options.parser_epochs = o.parser_epochs;
  options.beam_size = o.beam_size;
  options.early_update = o.early_update;
  options.verbose = o.verbose;
  std::vector<syntax::ConlluSentence> dev;
  if (std::string dev_path = FindSplit(o.treebank_dir, "-ud-dev.conllu"); !dev_path.empty() && o.verbose) {
    auto read = syntax::ReadConlluFile(dev_path);
    if (read.ok()) dev = std::move(*read);
  }
  if (o.epoch_snapshots) {
    options.after_parser_epoch = [&](int epoch, const syntax::SyntaxModel& snapshot) {
      std::string path = o.out_path + ".epoch" + std::to_string(epoch);
      if (Status s = snapshot.Save(path); !s.ok()) std::fprintf(stderr, "%s\n", s.message().c_str());
      std::string name = "dev after epoch " + std::to_string(epoch);
      Score(snapshot, dev, name.c_str());
    };
  }
  auto start = std::chrono::steady_clock::now();
  syntax::SyntaxModel model = syntax::SyntaxModel::Train(train, options);
  if (o.verbose)
    std::fprintf(stderr,
                 "trained on %zu sentences in %.1f s: tagger %zu features, parser %zu features, %zu lemma exceptions\n",
                 train.size(), Seconds(start), model.tagger().num_features(), model.parser().num_features(),
                 model.lemmatizer().num_exceptions());
  EM_RETURN_IF_ERROR(model.Save(o.out_path));
  std::error_code ec;
  if (o.verbose)
    std::fprintf(stderr, "wrote %s (%.1f MB)\n", o.out_path.c_str(), double(fs::file_size(o.out_path, ec)) / 1e6);
  if (o.verbose) Score(model, dev, "dev");
  return Status::Ok();
}

Status BuildWordClusters(const SyntaxClusterOptions& o) {
  std::vector<std::vector<std::string>> sentences;
  syntax::ClusterTextReader reader;
  for (const auto& path : o.inputs) EM_RETURN_IF_ERROR(reader.Read(path, &sentences));
  size_t words = 0;
  for (const auto& s : sentences) words += s.size();
  if (o.verbose) std::fprintf(stderr, "word clusters: %zu sentences, %zu words\n", sentences.size(), words);
  auto start = std::chrono::steady_clock::now();
  syntax::ClusterLearnOptions options{.fine_classes = o.fine_classes,
                                      .coarse_classes = o.coarse_classes,
                                      .min_count = o.min_count,
                                      .verbose = o.verbose};
  std::string body = syntax::LearnWordClusters(sentences, options);
  std::string out =
      "# Word clusters learned by `eventmill syntax clusters` (exchange algorithm, predictive class\n"
      "# bigrams) from " +
      std::to_string(words) + " words: word, fine cluster (of " + std::to_string(o.fine_classes) +
      "), coarse cluster (of " + std::to_string(o.coarse_classes) + ").\n";
  out += body;
  std::ofstream f(o.out_path, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IoError(o.out_path, "cannot write");
  f << out;
  f.close();
  if (!f) return Status::IoError(o.out_path, "write failed");
  if (o.verbose) std::fprintf(stderr, "wrote %s in %.1f s\n", o.out_path.c_str(), Seconds(start));
  return Status::Ok();
}

Status AnnotateConlluFile(const std::string& model_path, const std::string& conllu_path,
                          const std::function<void(std::string_view)>& write) {
  EM_ASSIGN_OR_RETURN(syntax::SyntaxModel model, syntax::SyntaxModel::Load(model_path));
  EM_ASSIGN_OR_RETURN(std::vector<syntax::ConlluSentence> sentences, syntax::ReadConlluFile(conllu_path));
  std::string out;
  for (auto& s : sentences) {
    model.AnnotateConllu(&s);
    syntax::AppendConllu(s, &out);
    if (out.size() > (1 << 16)) {
      write(out);
      out.clear();
    }
  }
  if (!out.empty()) write(out);
  return Status::Ok();
}

}  // namespace eventmill
