// Tagging + parsing throughput (one thread) and model load time. Reads the English Web Treebank's
// dev set (../shared/treebank/en-ewt, gold words) and the geoparsing dev set's texts (tokenized by
// the syntax stage itself); skips (exit 77) without them or without data/syntax/en_ewt.model. The
// answer is checked first: tags and attachments on the dev set must stay above fixed floors, so a
// fast wrong path fails.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eventmill/lexicon.h"
#include "eventmill/syntax.h"
#include "syntax/conllu.h"
#include "syntax/model.h"

namespace {

using eventmill::syntax::ConlluSentence;
using eventmill::syntax::SyntaxModel;

std::string Shared() {
  const char* env = std::getenv("EVENTMILL_SHARED");
  return env && *env ? env : "../shared";
}

std::string ModelPath() { return eventmill::DataDir() + "/syntax/en_ewt.model"; }

const std::vector<ConlluSentence>& DevSet() {
  static std::vector<ConlluSentence> dev = [] {
    auto r = eventmill::syntax::ReadConlluFile(Shared() + "/treebank/en-ewt/en_ewt-ud-dev.conllu");
    return r.ok() ? std::move(*r) : std::vector<ConlluSentence>();
  }();
  return dev;
}

const SyntaxModel* TheModel() {
  static auto* model = new eventmill::Result<SyntaxModel>(SyntaxModel::Load(ModelPath()));
  return model->ok() ? &model->value() : nullptr;
}

std::vector<std::string> GeoTexts() {
  std::vector<std::string> texts;
  std::ifstream in(Shared() + "/devsets/geo/articles.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded() && j.contains("text") && j["text"].is_string()) texts.push_back(j["text"].get<std::string>());
    if (texts.size() == 100) break;  // enough for a stable figure
  }
  return texts;
}

// The answer check: UPOS and UAS on the dev set's first 500 sentences.
bool AnswersRight(const SyntaxModel& model, std::string* why) {
  size_t n = 0, upos = 0, uas = 0;
  for (size_t i = 0; i < DevSet().size() && i < 500; ++i) {
    ConlluSentence s = DevSet()[i];
    model.AnnotateConllu(&s);
    for (size_t w = 0; w < s.words.size(); ++w) {
      ++n;
      upos += s.words[w].upos == DevSet()[i].words[w].upos;
      uas += s.words[w].head == DevSet()[i].words[w].head;
    }
  }
  double u = double(upos) / n, a = double(uas) / n;
  *why = "dev UPOS " + std::to_string(u) + ", UAS " + std::to_string(a);
  return u >= 0.93 && a >= 0.83;
}

void BM_SyntaxModelLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto model = SyntaxModel::Load(ModelPath());
    if (!model.ok()) {
      state.SkipWithError(model.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(model->parser().num_features());
  }
}
BENCHMARK(BM_SyntaxModelLoad)->Unit(benchmark::kMillisecond);

void BM_TagParse_EwtDev(benchmark::State& state) {
  const SyntaxModel& model = *TheModel();
  std::vector<std::vector<std::string_view>> sentences;
  size_t words = 0;
  for (const auto& s : DevSet()) {
    sentences.emplace_back();
    for (const auto& w : s.words) sentences.back().push_back(w.form);
    words += s.words.size();
  }
  std::vector<eventmill::syntax::AnalyzedWord> analyzed;
  for (auto _ : state) {
    for (const auto& forms : sentences) {
      model.Analyze(forms, &analyzed, nullptr);
      benchmark::DoNotOptimize(analyzed.data());
    }
  }
  state.counters["tokens_per_s"] = benchmark::Counter(double(words) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagParse_EwtDev)->Unit(benchmark::kMillisecond);

// The same with the parser decoding with a beam of state.range(0) (1: greedy), whatever beam the
// model was trained with, dropping the states that trail the best by more than state.range(1)
// (0: none); counters: words/s and dev UAS / LAS (universal relations) at that beam.
void BM_TagParse_EwtDev_Beam(benchmark::State& state) {
  SyntaxModel model = *TheModel();
  model.set_parser_beam(int(state.range(0)), state.range(1));
  std::vector<std::vector<std::string_view>> sentences;
  size_t words = 0, uas = 0, las = 0;
  for (const auto& s : DevSet()) {
    sentences.emplace_back();
    for (const auto& w : s.words) sentences.back().push_back(w.form);
    words += s.words.size();
    ConlluSentence parsed = s;
    model.AnnotateConllu(&parsed);
    for (size_t i = 0; i < s.words.size(); ++i) {
      const auto &a = parsed.words[i], &b = s.words[i];
      if (a.head != b.head) continue;
      ++uas;
      las += a.deprel.substr(0, a.deprel.find(':')) == b.deprel.substr(0, b.deprel.find(':'));
    }
  }
  std::vector<eventmill::syntax::AnalyzedWord> analyzed;
  for (auto _ : state) {
    for (const auto& forms : sentences) {
      model.Analyze(forms, &analyzed, nullptr);
      benchmark::DoNotOptimize(analyzed.data());
    }
  }
  state.counters["tokens_per_s"] = benchmark::Counter(double(words) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["dev_uas"] = double(uas) / double(std::max<size_t>(1, words));
  state.counters["dev_las"] = double(las) / double(std::max<size_t>(1, words));
}
BENCHMARK(BM_TagParse_EwtDev_Beam)
    ->Args({1, 0})
    ->Args({2, 0})
    ->Args({4, 0})
    ->Args({8, 0})
    ->Args({8, 51200})
    ->Unit(benchmark::kMillisecond);

void BM_Parser_GeoDevSet(benchmark::State& state) {
  auto parser = eventmill::Parser::Load({.model_path = ModelPath(), .scope = eventmill::ParseScope::kAll});
  if (!parser.ok()) {
    state.SkipWithError(parser.status().message().c_str());
    return;
  }
  static const std::vector<std::string> texts = GeoTexts();
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      eventmill::Document doc;
      doc.text = t;
      benchmark::DoNotOptimize(parser->Parse(doc).ok());
      tokens += doc.tokens.size();
    }
  }
  state.counters["tokens_per_s"] = benchmark::Counter(double(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Parser_GeoDevSet)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (!TheModel()) {
    std::fprintf(stderr, "skip: %s not loadable\n", ModelPath().c_str());
    return 77;
  }
  if (DevSet().empty()) {
    std::fprintf(stderr, "skip: %s/treebank/en-ewt/en_ewt-ud-dev.conllu not found\n", Shared().c_str());
    return 77;
  }
  std::string why;
  if (!AnswersRight(*TheModel(), &why)) {
    std::fprintf(stderr, "wrong answer: %s\n", why.c_str());
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
