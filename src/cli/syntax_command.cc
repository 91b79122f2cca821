// `eventmill syntax train`: builds the tagger + parser model from a UD treebank (deterministic), and
// `eventmill parse`: prints CoNLL-U for .conllu inputs (their tokens and sentences kept) or for
// pages, text and JSONL (extracted and tokenized by the pipeline). Thin shells over src/syntax.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/command.h"
#include "eventmill/data_dir.h"
#include "eventmill/input.h"
#include "eventmill/pipeline.h"
#include "eventmill/syntax_train.h"

namespace eventmill::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kTrainUsage[] =
    "usage: eventmill syntax train --treebank DIR [--out FILE] [--clusters TSV|none] [--tagger-epochs N]\n"
    "                              [--parser-epochs N] [--beam N] [--early-update] [--epoch-snapshots]\n"
    "                              [--quiet]\n"
    "  DIR holds a UD treebank's *-ud-train.conllu (and *-ud-dev.conllu, scored when present);\n"
    "  FILE defaults to data/syntax/en_ewt.model; TSV (word clusters, features of the tagger and the\n"
    "  parser) defaults to data/syntax/en_clusters.tsv when it exists. The same data and options give\n"
    "  the same file.\n"
    "usage: eventmill syntax clusters --out TSV [--fine N] [--coarse N] [--min-count N] INPUT...\n"
    "  learns word clusters from .conllu words, WordNet data.* glosses, Brown-tagged text (word/tag),\n"
    "  mail messages (plain-text bodies) or plain text; a directory INPUT stands for its *.txt files.\n";

int RunTrain(const std::vector<std::string>& args) {
  std::string treebank, out = DataDir() + "/syntax/en_ewt.model";
  SyntaxTrainOptions options;
  if (std::error_code ec; fs::exists(DataDir() + "/syntax/en_clusters.tsv", ec))
    options.clusters_path = DataDir() + "/syntax/en_clusters.tsv";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string { return i + 1 < args.size() ? args[++i] : std::string(); };
    if (a == "--treebank") {
      treebank = value();
    } else if (a == "--out") {
      out = value();
    } else if (a == "--clusters") {
      options.clusters_path = value();
      if (options.clusters_path == "none") options.clusters_path.clear();
    } else if (a == "--tagger-epochs") {
      options.tagger_epochs = std::atoi(value().c_str());
    } else if (a == "--parser-epochs") {
      options.parser_epochs = std::atoi(value().c_str());
    } else if (a == "--beam") {
      options.beam_size = std::atoi(value().c_str());
    } else if (a == "--early-update") {
      options.early_update = true;
    } else if (a == "--epoch-snapshots") {
      options.epoch_snapshots = true;
    } else if (a == "--quiet") {
      options.verbose = false;
    } else if (a == "--help" || a == "-h") {
      std::printf("%s", kTrainUsage);
      return 0;
    } else {
      std::fprintf(stderr, "eventmill syntax train: unknown option '%s'\n%s", a.c_str(), kTrainUsage);
      return 2;
    }
  }
  if (treebank.empty() || out.empty() || options.tagger_epochs < 1 || options.parser_epochs < 1 ||
      options.beam_size < 1 || options.beam_size > 64) {
    std::fprintf(stderr, "%s", kTrainUsage);
    return 2;
  }
  options.treebank_dir = treebank;
  options.out_path = out;
  if (Status s = TrainSyntaxModel(options); !s.ok()) {
    std::fprintf(stderr, "eventmill syntax train: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}

int RunClusters(const std::vector<std::string>& args) {
  SyntaxClusterOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string { return i + 1 < args.size() ? args[++i] : std::string(); };
    if (a == "--out") {
      options.out_path = value();
    } else if (a == "--fine") {
      options.fine_classes = std::atoi(value().c_str());
    } else if (a == "--coarse") {
      options.coarse_classes = std::atoi(value().c_str());
    } else if (a == "--min-count") {
      options.min_count = std::atoi(value().c_str());
    } else if (a == "--quiet") {
      options.verbose = false;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "eventmill syntax clusters: unknown option '%s'\n%s", a.c_str(), kTrainUsage);
      return 2;
    } else {
      options.inputs.push_back(a);
    }
  }
  if (options.out_path.empty() || options.inputs.empty() || options.fine_classes < 2 || options.fine_classes > 4096 ||
      options.coarse_classes < 2 || options.coarse_classes > 4096 || options.min_count < 1) {
    std::fprintf(stderr, "%s", kTrainUsage);
    return 2;
  }
  if (Status s = BuildWordClusters(options); !s.ok()) {
    std::fprintf(stderr, "eventmill syntax clusters: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}

int RunSyntax(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "train") return RunTrain(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!args.empty() && args[0] == "clusters")
    return RunClusters(std::vector<std::string>(args.begin() + 1, args.end()));
  std::fprintf(stderr, "%s", kTrainUsage);
  return args.empty() || args[0] == "--help" ? 0 : 2;
}

constexpr char kParseUsage[] =
    "usage: eventmill parse [--model FILE] [--threads N] INPUT...\n"
    "  prints CoNLL-U (lemma, UPOS, XPOS, head, UD relation) for every sentence.\n"
    "  A .conllu INPUT keeps its own words and sentences (so the output can be scored with\n"
    "  conllu_score.py); any other INPUT (HTML, .txt, .jsonl, WARC, a directory, '-') is extracted,\n"
    "  split into sentences and tokenized by eventmill itself.\n";

bool IsConllu(const std::string& path) { return path.size() > 7 && path.compare(path.size() - 7, 7, ".conllu") == 0; }

// The CoNLL-U of a parsed Document: one block per sentence; heads count from the sentence's first word.
void AppendDocumentConllu(const Document& doc, std::string* out) {
  int n = 0;
  for (const Sentence& s : doc.sentences) {
    if (s.token_begin == s.token_end) continue;
    std::string text(doc[s.span]);
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    *out += "# sent_id = " + doc.id + "-" + std::to_string(++n) + "\n# text = " + text + "\n";
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const Token& tok = doc.tokens[t];
      bool space_after = t + 1 >= s.token_end || doc.tokens[t + 1].span.begin > tok.span.end;
      *out += std::to_string(t - s.token_begin + 1) + "\t" + std::string(doc[tok.span]) + "\t" +
              (tok.lemma.empty() ? "_" : tok.lemma) + "\t" + std::string(UposName(tok.upos)) + "\t" +
              (tok.xpos.empty() ? "_" : tok.xpos) + "\t_\t" +
              (s.parsed ? std::to_string(tok.head < 0 ? 0 : tok.head - int32_t(s.token_begin) + 1) : "_") + "\t" +
              std::string(DeprelName(tok.deprel)) + "\t_\t" + (space_after ? "_" : "SpaceAfter=No") + "\n";
    }
    *out += "\n";
  }
}

int RunParse(const std::vector<std::string>& args) {
  std::string model_path = DataDir() + "/syntax/en_ewt.model";
  std::vector<std::string> inputs;
  int threads = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--model" && i + 1 < args.size()) {
      model_path = args[++i];
    } else if (args[i] == "--threads" && i + 1 < args.size()) {
      threads = std::atoi(args[++i].c_str());
    } else if (args[i] == "--help" || args[i] == "-h") {
      std::printf("%s", kParseUsage);
      return 0;
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      std::fprintf(stderr, "eventmill parse: unknown option '%s'\n%s", args[i].c_str(), kParseUsage);
      return 2;
    } else {
      inputs.push_back(args[i]);
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "%s", kParseUsage);
    return 2;
  }
  std::unique_ptr<Pipeline> pipeline;
  int rc = 0;
  std::string out;
  auto flush = [&] {
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
  };
  for (const auto& input : inputs) {
    if (!IsConllu(input)) {
      if (!pipeline) {
        PipelineOptions options{.threads = threads, .through = Stage::kSyntax};
        options.syntax = SyntaxOptions{.model_path = model_path, .scope = ParseScope::kAll};
        auto created = Pipeline::Create(options);
        if (!created.ok()) {
          std::fprintf(stderr, "eventmill parse: %s\n", created.status().message().c_str());
          return 1;
        }
        pipeline = std::make_unique<Pipeline>(std::move(*created));
      }
      InputReader reader({input});
      RunSummary summary = pipeline->Run(
          reader,
          [&](Document& doc) {
            AppendDocumentConllu(doc, &out);
            flush();
          },
          [&](const Status& status) {
            std::fflush(stdout);
            std::fprintf(stderr, "eventmill parse: %s\n", status.message().c_str());
          });
      if (summary.failures) rc = 1;
      continue;
    }
    Status s = AnnotateConlluFile(model_path, input,
                                  [](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); });
    if (!s.ok()) {
      std::fflush(stdout);
      std::fprintf(stderr, "eventmill parse: %s\n", s.message().c_str());
      rc = 1;
    }
  }
  std::fflush(stdout);
  return rc;
}

EM_REGISTER_COMMAND("parse", "print part-of-speech tags and dependency trees as CoNLL-U", RunParse);
EM_REGISTER_COMMAND("syntax", "train the tagger and dependency parser on a UD treebank", RunSyntax);

}  // namespace
}  // namespace eventmill::cli
