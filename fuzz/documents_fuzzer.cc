// libFuzzer target: arbitrary bytes as one line of `ingest --documents` (the output contract's
// JSON). A document that is accepted has every span inside its text, coordinates on the globe,
// counts within kMaxCountValue and real dates.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eventmill/civil_date.h"
#include "eventmill/store.h"
#include "fuzz/fuzz_util.h"

using namespace eventmill;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = ParseDocumentJson(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.jsonl#1");
  if (!doc.ok()) {
    fuzz::Check(doc.status().message().rfind("fuzz.jsonl#1", 0) == 0, "error names the record");
    return 0;
  }
  fuzz::CheckSpans(*doc);
  if (doc->published) fuzz::Check(core::IsValidIsoDate(*doc->published), "published is a real date");
  auto on_globe = [](const Place& p) {
    return (!p.lat || (*p.lat >= -90 && *p.lat <= 90)) && (!p.lon || (*p.lon >= -180 && *p.lon <= 180));
  };
  for (const auto& e : doc->entities)
    if (e.place) fuzz::Check(on_globe(*e.place), "entity place on the globe");
  for (const auto& e : doc->events) {
    if (e.location) fuzz::Check(on_globe(e.location->place), "event place on the globe");
    fuzz::Check(e.date.value.empty() || core::IsValidIsoDate(e.date.value), "event date is real");
    for (const auto& c : e.counts) fuzz::Check(c.value >= 0 && c.value <= kMaxCountValue, "event count bounded");
  }
  return 0;
}
