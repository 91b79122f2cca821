#include "syntax/model.h"

#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "syntax/punct_attachment.h"
#include "syntax/serial.h"

namespace eventmill::syntax {

namespace {

// Format 2 stores the body as it is: on the EWT model zlib saved 19% of 15 MB and cost 80-100 ms
// of inflating at every load (feature fingerprints do not compress). Format 1 (zlib) still loads.
// Format 3 is format 2 with the word clusters before the tagger; format 2 (no clusters) still loads.
constexpr std::string_view kMagic = "EMSYNTAX3\n";
constexpr std::string_view kMagic2 = "EMSYNTAX2\n";
constexpr std::string_view kMagicZlib = "EMSYNTAX1\n";

ParserInput InputOf(const std::vector<WordFacts>& facts, const std::vector<int>& tags, bool clusters) {
  ParserInput in;
  in.words.reserve(facts.size());
  for (const auto& f : facts) in.words.push_back(f.lower);
  in.tags = tags;
  if (clusters) {
    in.clusters.reserve(facts.size());
    for (const auto& f : facts) in.clusters.push_back(f.coarse << 16 | f.fine);
  }
  return in;
}

std::vector<std::string_view> FormsOf(const ConlluSentence& s) {
  std::vector<std::string_view> forms;
  for (const auto& w : s.words) forms.push_back(w.form);
  return forms;
}

}  // namespace

SyntaxModel SyntaxModel::Train(const std::vector<ConlluSentence>& train, const TrainOptions& options) {
  SyntaxModel model;
  model.clusters_ = options.clusters;
  const WordClusters* clusters = model.clusters_.empty() ? nullptr : &model.clusters_;
  TaggerTrainOptions tagger_options{.clusters = clusters,
                                    .epochs = options.tagger_epochs,
                                    .seed = options.seed,
                                    .prune = options.tagger_prune,
                                    .verbose = options.verbose};
  model.tagger_ = Tagger::Train(train, tagger_options);
  model.lemmatizer_ = Lemmatizer::Train(train);

  // Tags for the parser's training sentences: jackknifed, so they are as wrong as at run time.
  std::vector<std::vector<int>> tags(train.size());
  std::vector<std::vector<WordFacts>> facts(train.size());
  for (size_t s = 0; s < train.size(); ++s) ComputeWordFacts(FormsOf(train[s]), &facts[s], clusters);
  const int folds = std::max(1, options.jackknife_folds);
  std::map<std::pair<std::string, std::string>, int> class_of;
  for (int c = 0; c < model.tagger_.num_classes(); ++c) class_of[{model.tagger_.xpos(c), model.tagger_.upos(c)}] = c;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<ConlluSentence> rest;
    if (folds > 1) {
      for (size_t s = 0; s < train.size(); ++s)
        if (int(s % folds) != fold) rest.push_back(train[s]);
    }
    TaggerTrainOptions fold_options = tagger_options;
    fold_options.verbose = false;
    Tagger fold_tagger = folds > 1 ? Tagger::Train(rest, fold_options) : model.tagger_;
    for (size_t s = fold; s < train.size(); s += folds) {
      std::vector<int> fold_classes;
      fold_tagger.Tag(FormsOf(train[s]), facts[s], &fold_classes);
      // The fold tagger's classes, renumbered as the full tagger's (a pair it never saw stays as is).
      for (int& c : fold_classes) {
        auto it = class_of.find({fold_tagger.xpos(c), fold_tagger.upos(c)});
        c = it == class_of.end() ? 0 : it->second;
      }
      tags[s] = std::move(fold_classes);
    }
    if (options.verbose) std::fprintf(stderr, "jackknife fold %d of %d tagged\n", fold + 1, folds);
  }

  std::set<std::string> label_set;
  for (const auto& s : train)
    for (const auto& w : s.words) label_set.insert(w.deprel);
  label_set.insert("root");
  label_set.insert("dep");
  std::vector<std::string> labels(label_set.begin(), label_set.end());
  std::map<std::string, int> label_id;
  for (size_t i = 0; i < labels.size(); ++i) label_id[labels[i]] = int(i);
  std::vector<ParserExample> examples;
  examples.reserve(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    ParserExample ex;
    ex.input = InputOf(facts[s], tags[s], clusters != nullptr);
    bool complete = true;
    for (const auto& w : train[s].words) {
      if (w.head < 0) complete = false;
      ex.heads.push_back(w.head - 1);
      ex.labels.push_back(label_id[w.deprel]);
    }
    if (complete) examples.push_back(std::move(ex));
  }
  ParserTrainOptions parser_options{.epochs = options.parser_epochs,
                                    .seed = options.seed,
                                    .explore = 0.9f,
                                    .prune = options.parser_prune,
                                    .beam_size = options.beam_size,
                                    .early_update = options.early_update,
                                    .verbose = options.verbose};
  if (options.after_parser_epoch) {
    parser_options.after_epoch = [&](int epoch, const DependencyParser& parser) {
      SyntaxModel snapshot = model;
      snapshot.parser_ = parser;
      options.after_parser_epoch(epoch, snapshot);
    };
  }
  model.parser_ = DependencyParser::Train(examples, labels, parser_options);
  return model;
}

void SyntaxModel::Analyze(const std::vector<std::string_view>& forms, std::vector<AnalyzedWord>* words,
                          std::vector<std::string>* lemmas) const {
  std::vector<WordFacts> facts;
  ComputeWordFacts(forms, &facts, clusters_.empty() ? nullptr : &clusters_);
  std::vector<int> tags;
  tagger_.Tag(forms, facts, &tags);
  std::vector<int> heads, labels;
  parser_.Parse(InputOf(facts, tags, !clusters_.empty()), &heads, &labels);
  std::vector<bool> is_punct(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) is_punct[i] = tagger_.upos(tags[i]) == "PUNCT";
  ReattachPunctuation(forms, is_punct, &heads);
  words->resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) (*words)[i] = AnalyzedWord{tags[i], heads[i], labels[i]};
  if (lemmas) {
    lemmas->resize(forms.size());
    for (size_t i = 0; i < forms.size(); ++i) (*lemmas)[i] = lemmatizer_.Lemma(forms[i], tagger_.xpos(tags[i]));
  }
}

void SyntaxModel::AnnotateConllu(ConlluSentence* sentence) const {
  std::vector<AnalyzedWord> words;
  std::vector<std::string> lemmas;
  Analyze(FormsOf(*sentence), &words, &lemmas);
  for (size_t i = 0; i < words.size(); ++i) {
    ConlluWord& w = sentence->words[i];
    w.lemma = lemmas[i];
    w.upos = tagger_.upos(words[i].tag);
    w.xpos = tagger_.xpos(words[i].tag);
    w.feats = "_";
    w.head = words[i].head + 1;
    w.deprel = parser_.labels()[words[i].label];
    w.deps = "_";
  }
}

std::string SyntaxModel::ToBytes() const {
  std::string out(kMagic);
  clusters_.AppendTo(&out);
  tagger_.AppendTo(&out);
  lemmatizer_.AppendTo(&out);
  parser_.AppendTo(&out);
  return out;
}

Status SyntaxModel::Save(const std::string& path) const {
  std::string bytes = ToBytes();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError(path, "cannot write");
  out.write(bytes.data(), std::streamsize(bytes.size()));
  out.close();
  if (!out) return Status::IoError(path, "write failed");
  return Status::Ok();
}

Result<SyntaxModel> SyntaxModel::FromBytes(std::string_view bytes, std::string_view where) {
  std::string inflated;
  std::string_view body;
  bool has_clusters = false;
  if (bytes.substr(0, kMagic.size()) == kMagic) {
    body = bytes.substr(kMagic.size());
    has_clusters = true;
  } else if (bytes.substr(0, kMagic2.size()) == kMagic2) {
    body = bytes.substr(kMagic2.size());
  } else if (bytes.substr(0, kMagicZlib.size()) == kMagicZlib) {
    size_t pos = kMagicZlib.size();
    uint32_t size = 0;
    if (!GetU32(bytes, &pos, &size) || size > (1u << 30)) return Status::CorruptData(where, "truncated syntax model");
    inflated.assign(size, '\0');
    uLongf inflated_size = size;
    if (uncompress(reinterpret_cast<Bytef*>(inflated.data()), &inflated_size,
                   reinterpret_cast<const Bytef*>(bytes.data() + pos), bytes.size() - pos) != Z_OK ||
        inflated_size != size)
      return Status::CorruptData(where, "corrupt compressed syntax model");
    body = inflated;
  } else {
    return Status::CorruptData(where, "not an eventmill syntax model");
  }
  SyntaxModel model;
  size_t pos = 0;
  if (has_clusters && !model.clusters_.ReadFrom(body, &pos))
    return Status::CorruptData(where, "bad word clusters in syntax model");
  if (!model.tagger_.ReadFrom(body, &pos)) return Status::CorruptData(where, "bad tagger in syntax model");
  if (!model.lemmatizer_.ReadFrom(body, &pos)) return Status::CorruptData(where, "bad lemmas in syntax model");
  if (!model.parser_.ReadFrom(body, &pos)) return Status::CorruptData(where, "bad parser in syntax model");
  if (pos != body.size()) return Status::CorruptData(where, "trailing bytes in syntax model");
  return model;
}

Result<SyntaxModel> SyntaxModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::NotFound(path, "cannot open the syntax model");
  std::string bytes(size_t(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), std::streamsize(bytes.size())))
    return Status::IoError(path, "cannot read the syntax model");
  return FromBytes(bytes, path);
}

}  // namespace eventmill::syntax
