// libFuzzer target: arbitrary UTF-8 text through the count finder. Every count is within
// kMaxCountValue and points inside the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyze/facts.h"
#include "fuzz/fuzz_util.h"
#include "text/utf8.h"

using namespace eventmill;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  if (!text::IsValidUtf8(doc.text)) return 0;  // documents hold UTF-8 only
  analyze::FindCounts(doc);
  fuzz::CheckSpans(doc);
  return 0;
}
