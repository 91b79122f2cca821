// Entity recognition throughput on plain text (one thread), lexicon load time and resident
// memory. Reads the geoparsing dev set (../shared/devsets/geo/articles.jsonl) and the seed
// article; skips (exit 77) without them or without the compiled lexicon. Each bench checks its
// answer (places found in the seed article), so a fast wrong path fails.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/entity_finder.h"
#include "eventmill/lexicon.h"
#include "lexicon/lexicon_impl.h"

namespace {

using eventmill::Document;
using eventmill::Lexicon;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Shared() {
  const char* env = std::getenv("EVENTMILL_SHARED");
  return env && *env ? env : "../shared";
}

struct Corpus {
  std::vector<std::string> texts;
  size_t bytes = 0;
};

const Corpus& GeoCorpus() {
  static Corpus c = [] {
    Corpus c;
    std::ifstream in(Shared() + "/devsets/geo/articles.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
      c.texts.push_back(j["text"].get<std::string>());
      c.bytes += c.texts.back().size();
    }
    return c;
  }();
  return c;
}

const Lexicon* TheLexicon() {
  static auto* lex = new eventmill::Result<Lexicon>(Lexicon::Load());
  return lex->ok() ? &lex->value() : nullptr;
}

double ResidentMb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return 0;
}

void BM_LexiconLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto lex = Lexicon::Load();
    if (!lex.ok()) {
      state.SkipWithError(lex.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(lex->impl().places.size());
  }
}
BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMillisecond);

void BM_EntityFinder_GeoDevSet(benchmark::State& state) {
  const Lexicon* lex = TheLexicon();
  const Corpus& corpus = GeoCorpus();
  if (!lex || corpus.texts.empty()) {
    state.SkipWithError("needs the compiled lexicon and ../shared/devsets/geo");
    return;
  }
  eventmill::analyze::EntityFinder finder(*lex);
  // The answer check: the seed article's places are found and resolved.
  Document seed;
  seed.text = ReadAll(Shared() + "/seed/kazakhstan-2022-01-09.txt");
  finder.Find(seed);
  int kz = 0;
  for (const auto& e : seed.entities) kz += e.place && e.place->country == "KZ";
  if (kz < 8) {
    state.SkipWithError("wrong answer: the seed article's Kazakh places were not found");
    return;
  }
  size_t entities = 0;
  for (auto _ : state) {
    for (const auto& t : corpus.texts) {
      Document doc;
      doc.text = t;
      finder.Find(doc);
      entities += doc.entities.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["entities_per_doc"] = static_cast<double>(entities) / (state.iterations() * corpus.texts.size());
  state.counters["rss_mb"] = ResidentMb();
}
BENCHMARK(BM_EntityFinder_GeoDevSet)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (!TheLexicon()) {
    std::fprintf(stderr, "skip: compiled lexicon missing (eventmill dict build)\n");
    return 77;
  }
  if (GeoCorpus().texts.empty()) {
    std::fprintf(stderr, "skip: %s/devsets/geo/articles.jsonl not found\n", Shared().c_str());
    return 77;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
