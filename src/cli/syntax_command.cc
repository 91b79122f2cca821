// `eventmill syntax train`: builds the tagger + parser model from a UD treebank (deterministic), and
// `eventmill parse`: prints CoNLL-U for .conllu inputs (their tokens and sentences kept) or for
// pages, text and JSONL (extracted and tokenized by the pipeline). Thin shells over src/syntax.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/command.h"
#include "eventmill/input.h"
#include "eventmill/lexicon.h"
#include "eventmill/pipeline.h"
#include "syntax/conllu.h"
#include "syntax/model.h"

namespace eventmill::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kTrainUsage[] =
    "usage: eventmill syntax train --treebank DIR [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--quiet]\n"
    "  DIR holds a UD treebank's *-ud-train.conllu (and *-ud-dev.conllu, scored when present);\n"
    "  FILE defaults to data/syntax/en_ewt.model. The same data and options give the same file.\n";

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
  double secs = Seconds(start);
  std::fprintf(stderr, "%s: upos=%.4f xpos=%.4f uas=%.4f las=%.4f words=%zu (%.0f words/s)\n", name, double(upos) / n,
               double(xpos) / n, double(uas) / n, double(las) / n, n, double(words) / secs);
}

int RunTrain(const std::vector<std::string>& args) {
  std::string treebank, out = DataDir() + "/syntax/en_ewt.model";
  syntax::TrainOptions options;
  options.verbose = true;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string { return i + 1 < args.size() ? args[++i] : std::string(); };
    if (a == "--treebank") {
      treebank = value();
    } else if (a == "--out") {
      out = value();
    } else if (a == "--tagger-epochs") {
      options.tagger_epochs = std::atoi(value().c_str());
    } else if (a == "--parser-epochs") {
      options.parser_epochs = std::atoi(value().c_str());
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
  if (treebank.empty() || out.empty() || options.tagger_epochs < 1 || options.parser_epochs < 1) {
    std::fprintf(stderr, "%s", kTrainUsage);
    return 2;
  }
  std::string train_path = FindSplit(treebank, "-ud-train.conllu");
  if (train_path.empty()) {
    std::fprintf(stderr, "eventmill syntax train: %s: no *-ud-train.conllu\n", treebank.c_str());
    return 1;
  }
  auto train = syntax::ReadConlluFile(train_path);
  if (!train.ok()) {
    std::fprintf(stderr, "eventmill syntax train: %s\n", train.status().message().c_str());
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  syntax::SyntaxModel model = syntax::SyntaxModel::Train(*train, options);
  std::fprintf(stderr,
               "trained on %zu sentences in %.1f s: tagger %zu features, parser %zu features, %zu lemma exceptions\n",
               train->size(), Seconds(start), model.tagger().num_features(), model.parser().num_features(),
               model.lemmatizer().num_exceptions());
  if (Status s = model.Save(out); !s.ok()) {
    std::fprintf(stderr, "eventmill syntax train: %s\n", s.message().c_str());
    return 1;
  }
  std::error_code ec;
  std::fprintf(stderr, "wrote %s (%.1f MB)\n", out.c_str(), double(fs::file_size(out, ec)) / 1e6);
  if (std::string dev_path = FindSplit(treebank, "-ud-dev.conllu"); !dev_path.empty()) {
    auto dev = syntax::ReadConlluFile(dev_path);
    if (dev.ok()) Score(model, *dev, "dev");
  }
  return 0;
}

int RunSyntax(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "train") return RunTrain(std::vector<std::string>(args.begin() + 1, args.end()));
  std::fprintf(stderr, "usage: eventmill syntax train --treebank DIR [--out FILE]\n");
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
  auto model = syntax::SyntaxModel::Load(model_path);
  if (!model.ok()) {
    std::fprintf(stderr, "eventmill parse: %s\n", model.status().message().c_str());
    return 1;
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
    auto sentences = syntax::ReadConlluFile(input);
    if (!sentences.ok()) {
      std::fprintf(stderr, "eventmill parse: %s\n", sentences.status().message().c_str());
      rc = 1;
      continue;
    }
    for (auto& s : *sentences) {
      model->AnnotateConllu(&s);
      syntax::AppendConllu(s, &out);
      if (out.size() > (1 << 16)) flush();
    }
    flush();
  }
  std::fflush(stdout);
  return rc;
}

EM_REGISTER_COMMAND("parse", "print part-of-speech tags and dependency trees as CoNLL-U", RunParse);
EM_REGISTER_COMMAND("syntax", "train the tagger and dependency parser on a UD treebank", RunSyntax);

}  // namespace
}  // namespace eventmill::cli
