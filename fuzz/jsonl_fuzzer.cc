// libFuzzer target: arbitrary bytes as a .jsonl input file (and, with the first byte odd, the same
// bytes gzip-named: the reader sniffs the gzip magic) through InputReader. Every record ends as a
// page or an error naming it; the reader ends.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "eventmill/input.h"
#include "fuzz/fuzz_util.h"

using namespace eventmill;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/eventmill-fuzz-XXXXXX";
    const char* d = mkdtemp(tmpl);
    fuzz::Check(d != nullptr, "temporary directory");
    return std::string(d);
  }();
  const bool gz = size > 0 && (data[0] & 1);
  const std::string path = dir + (gz ? "/in.jsonl.gz" : "/in.jsonl");
  FILE* f = std::fopen(path.c_str(), "wb");
  fuzz::Check(f != nullptr, "temporary file");
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  InputReader reader({path}, InputOptions{.max_page_bytes = 1 << 16, .max_record_bytes = 1 << 16});
  for (int i = 0; i < 100000; ++i) {
    auto page = reader.Next();
    if (!page) break;
    if (page->ok()) {
      fuzz::Check((*page)->bytes.size() <= (1 << 16), "page within max_page_bytes");
      fuzz::Check((*page)->source.rfind(path + "#", 0) == 0, "page named by its record");
    } else {
      fuzz::Check(page->status().message().rfind(path, 0) == 0, "error names the input");
    }
  }
  unlink(path.c_str());
  return 0;
}
