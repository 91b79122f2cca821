// libFuzzer target: arbitrary bytes as a WARC / WARC.gz file. The reader must end, without a
// crash or sanitizer report, whatever the bytes. Build and run: fuzz/run.sh warc
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  eventmill::InputOptions options{.max_page_bytes = 1 << 20, .max_record_bytes = 1 << 20};
  auto reader = eventmill::io::OpenWarcReaderFromBytes(
      "fuzz.warc.gz", std::string(reinterpret_cast<const char*>(data), size), options);
  if (!reader.ok()) return 0;
  for (int i = 0; i < 100000; ++i) {
    auto page = (*reader)->Next();
    if (!page) break;
  }
  return 0;
}
