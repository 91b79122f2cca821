// End-to-end throughput of `eventmill code` on one thread: the dev-set articles
// (../shared/devsets/geo/articles.jsonl, 523 news articles) through extract, analyze and code,
// held in memory so the figure is the engine's, not the disk's. Prints articles/s (items/s) and
// MB/s; the target is at least 500 articles/s. Like DuckDB's benchmarks it checks its answer:
// every article must come through and the coder must find events, so a fast wrong path fails.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <vector>

#include "eventmill/input.h"
#include "eventmill/pipeline.h"

namespace eventmill {
namespace {

struct Corpus {
  std::vector<RawPage> pages;
  size_t bytes = 0;
  std::string error;

  static const Corpus& DevSet() {
    static Corpus* c = [] {
      auto* corpus = new Corpus;
      std::string path = "../shared/devsets/geo/articles.jsonl";
      if (!std::filesystem::exists(path)) {
        corpus->error = path + " not found (run from the checkout, ../shared beside it)";
        return corpus;
      }
      InputReader reader({path});
      while (auto page = reader.Next()) {
        if (!page->ok()) continue;
        corpus->bytes += (*page)->bytes.size();
        corpus->pages.push_back(std::move(**page));
      }
      return corpus;
    }();
    return *c;
  }
};

void BM_Code_DevSet_OneThread(benchmark::State& state) {
  const Corpus& corpus = Corpus::DevSet();
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  auto pipeline = Pipeline::Create({.threads = 1, .through = Stage::kCode});
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().message().c_str());
    return;
  }
  size_t events = 0, documents = 0;
  for (auto _ : state) {
    events = documents = 0;
    for (const RawPage& page : corpus.pages) {
      Result<Document> doc = pipeline->Process(page);
      if (doc.ok()) {
        ++documents;
        events += doc->events.size();
      }
      benchmark::DoNotOptimize(doc);
    }
  }
  if (documents != corpus.pages.size() || corpus.pages.size() < 500 || events < corpus.pages.size() / 2) {
    state.SkipWithError("wrong answer: articles lost or no events coded");
    return;
  }
  state.SetItemsProcessed(state.iterations() * corpus.pages.size());
  state.SetBytesProcessed(state.iterations() * corpus.bytes);
  state.counters["events_per_article"] = static_cast<double>(events) / corpus.pages.size();
}
BENCHMARK(BM_Code_DevSet_OneThread)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace eventmill

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (!std::filesystem::exists("../shared/devsets/geo/articles.jsonl")) {
    std::printf("skip: ../shared/devsets/geo/articles.jsonl is not beside the checkout\n");
    return 77;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
