// Input throughput, one thread: reading a WARC.gz (one gzip member per record, as CC-NEWS) built in
// memory from the extraction dev-set pages, and decoding those pages to UTF-8. Each benchmark checks
// its answer (page count, valid UTF-8) so that a fast wrong path fails. Skips (exit 77) without
// ../shared. Run: build/bench/io_bench
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "io/charset.h"
#include "io/warc_reader.h"
#include "text/utf8.h"

namespace {

namespace fs = std::filesystem;
using eventmill::RawPage;

constexpr char kPagesDir[] = "../shared/devsets/extraction/trafilatura/pages";
constexpr size_t kMaxPages = 200;

std::string Gzip(const std::string& data) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Record(const std::string& type, const std::string& uri, const std::string& block) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

struct Corpus {
  std::vector<std::string> pages;
  size_t page_bytes = 0;
  std::string warc_gz;  // warcinfo, then request + response per page
  size_t warc_bytes = 0;  // decompressed
};

const Corpus& LoadCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kPagesDir)) {
      if (e.path().extension() == ".html") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    if (files.size() > kMaxPages) files.resize(kMaxPages);
    std::string info = Record("warcinfo", "", "software: io_bench\r\n");
    c->warc_gz = Gzip(info);
    c->warc_bytes = info.size();
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      c->pages.push_back(ss.str());
      c->page_bytes += c->pages.back().size();
      std::string uri = "http://devset.test/" + f.filename().string();
      for (const std::string& rec :
           {Record("request", uri, "GET / HTTP/1.1\r\n\r\n"),
            Record("response", uri, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + c->pages.back())}) {
        c->warc_gz += Gzip(rec);
        c->warc_bytes += rec.size();
      }
    }
    return c;
  }();
  return *corpus;
}

void BM_WarcRead_DevSet(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  for (auto _ : state) {
    auto reader = eventmill::io::OpenWarcReaderFromBytes("bench.warc.gz", c.warc_gz, {});
    size_t pages = 0;
    while (auto r = (*reader)->Next()) {
      if (!r->ok()) {
        state.SkipWithError(r->status().message().c_str());
        break;
      }
      benchmark::DoNotOptimize((*r)->bytes.data());
      ++pages;
    }
    if (pages != c.pages.size()) state.SkipWithError("wrong page count from the WARC reader");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.warc_bytes));
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations() * c.pages.size()),
                                                 benchmark::Counter::kIsRate);
  state.counters["compressed_MB"] = static_cast<double>(c.warc_gz.size()) / 1e6;
}
BENCHMARK(BM_WarcRead_DevSet)->Unit(benchmark::kMillisecond);

void BM_DecodeToUtf8_DevSet(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  for (auto _ : state) {
    for (const auto& page : c.pages) {
      auto r = eventmill::io::DecodeToUtf8(page, "", true, "bench");
      if (!r.ok() || !eventmill::text::IsValidUtf8(r->text)) {
        state.SkipWithError("decoding failed");
        break;
      }
      benchmark::DoNotOptimize(r->text.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.page_bytes));
}
BENCHMARK(BM_DecodeToUtf8_DevSet)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (!fs::is_directory(kPagesDir)) {
    std::printf("skip: %s is absent (../shared beside the checkout)\n", kPagesDir);
    return 77;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
