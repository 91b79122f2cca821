// libFuzzer target: arbitrary bytes as an HTML page through Extractor::Extract (charset decoding,
// the HTML prescan and its limits, the HTML5 parser, boilerplate scoring, metadata). The result,
// when there is one, must have valid UTF-8 text, spans inside it and a real published date.
#include <cstddef>
#include <cstdint>
#include <string>

#include "eventmill/civil_date.h"
#include "eventmill/extract.h"
#include "fuzz/fuzz_util.h"
#include "text/utf8.h"

using namespace eventmill;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Extractor* extractor = [] {
    ExtractOptions options;
    options.max_markup_items = 20000;  // small limits, so that the limits' paths are reached too
    options.max_text_bytes = 16384;
    auto e = Extractor::Create(options);
    fuzz::Check(e.ok(), "extractor set-up (is EVENTMILL_DATA or the source tree's data/ there?)");
    return new Extractor(std::move(*e));
  }();
  RawPage page;
  page.source = "fuzz.html";
  page.bytes.assign(reinterpret_cast<const char*>(data), size);
  page.url = "https://news.test/2022/01/09/story.html";
  auto doc = extractor->Extract(page);
  if (!doc.ok()) return 0;
  fuzz::Check(text::IsValidUtf8(doc->text), "text is valid UTF-8");
  fuzz::Check(doc->text.size() <= 16384, "text within max_text_bytes");
  fuzz::CheckSpans(*doc);
  if (doc->published) fuzz::Check(core::IsValidIsoDate(*doc->published), "published is a real date");
  return 0;
}
