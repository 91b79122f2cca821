// Extraction throughput, one thread, on the extraction dev-set pages (../shared/devsets/extraction/
// trafilatura/pages): MB/s of HTML in and pages/s. Also the seed page alone.
// Before timing, the output is checked (most pages give text; the seed gives its known sentence),
// so a fast wrong path fails instead of reporting a figure. Skips (exit 77) without ../shared.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "eventmill/extract.h"

namespace {

namespace fs = std::filesystem;
using eventmill::Extractor;
using eventmill::RawPage;

struct Corpus {
  std::vector<RawPage> pages;
  size_t total_bytes = 0;
};

std::string SharedDir() {
  for (const char* c : {"../shared", "../../shared", "../../../shared"})
    if (fs::is_directory(c)) return c;
  return {};
}

RawPage ReadPage(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  RawPage page;
  page.source = path.string();
  page.bytes = ss.str();
  return page;
}

const Corpus& DevSet() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::string shared = SharedDir();
    if (shared.empty()) return c;
    fs::path dir = fs::path(shared) / "devsets/extraction/trafilatura/pages";
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".html") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      c->pages.push_back(ReadPage(f));
      c->total_bytes += c->pages.back().bytes.size();
    }
    return c;
  }();
  return *corpus;
}

const Extractor& TheExtractor() {
  static Extractor* e = [] {
    auto r = Extractor::Create();
    if (!r.ok()) {
      std::fprintf(stderr, "extract_bench: %s\n", r.status().message().c_str());
      std::exit(1);
    }
    return new Extractor(std::move(*r));
  }();
  return *e;
}

void BM_Extract_DevSet(benchmark::State& state) {
  const Corpus& corpus = DevSet();
  const Extractor& extractor = TheExtractor();
  for (auto _ : state) {
    for (const RawPage& page : corpus.pages) {
      auto doc = extractor.Extract(page);
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.total_bytes));
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations() * corpus.pages.size()),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Extract_DevSet)->Unit(benchmark::kMillisecond);

void BM_Extract_Seed(benchmark::State& state) {
  static const RawPage seed = ReadPage(fs::path(SharedDir()) / "seed/kazakhstan-2022-01-09.html");
  const Extractor& extractor = TheExtractor();
  for (auto _ : state) {
    auto doc = extractor.Extract(seed);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * seed.bytes.size()));
}
BENCHMARK(BM_Extract_Seed)->Unit(benchmark::kMicrosecond);

// The answers a correct extractor gives; a wrong fast path fails here.
bool CheckOutput() {
  const Corpus& corpus = DevSet();
  size_t with_text = 0;
  for (const RawPage& page : corpus.pages) {
    auto doc = TheExtractor().Extract(page);
    if (doc.ok() && doc->text.size() >= 200) ++with_text;
  }
  if (with_text * 10 < corpus.pages.size() * 9) {
    std::fprintf(stderr, "extract_bench: only %zu of %zu dev-set pages gave text\n", with_text, corpus.pages.size());
    return false;
  }
  auto seed = TheExtractor().Extract(ReadPage(fs::path(SharedDir()) / "seed/kazakhstan-2022-01-09.html"));
  if (!seed.ok() || seed->text.find("5,135 people were arrested throughout Kazakhstan") == std::string::npos ||
      seed->text.find("Please enter your comment!") != std::string::npos) {
    std::fprintf(stderr, "extract_bench: the seed page's main text is wrong\n");
    return false;
  }
  std::printf("extract_bench: %zu pages, %.1f MB; %zu pages gave text; seed text checked\n", corpus.pages.size(),
              corpus.total_bytes / 1e6, with_text);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (SharedDir().empty() || DevSet().pages.empty()) {
    std::printf("skip: ../shared/devsets/extraction is not beside the checkout\n");
    return 77;
  }
  if (!CheckOutput()) return 1;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
