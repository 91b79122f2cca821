// libFuzzer target: arbitrary text through every date reader: ParseDateValue (metadata and JSONL
// `published`), FindDateInText, FindDateInUrl, the calendar check, and the analyzer's date
// resolution against a publication date. Every date that comes out must exist.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyze/facts.h"
#include "eventmill/civil_date.h"
#include "extract/date_parser.h"
#include "fuzz/fuzz_util.h"
#include "text/utf8.h"

using namespace eventmill;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string s(reinterpret_cast<const char*>(data), size);
  core::IsValidIsoDate(s);
  if (auto d = extract::ParseDateValue(s)) fuzz::Check(core::IsValidIsoDate(*d), "ParseDateValue gives a real date");
  if (auto d = extract::FindDateInText(s)) fuzz::Check(core::IsValidIsoDate(*d), "FindDateInText gives a real date");
  if (auto d = extract::FindDateInUrl(s)) fuzz::Check(core::IsValidIsoDate(*d), "FindDateInUrl gives a real date");
  if (!text::IsValidUtf8(s)) return 0;  // documents hold UTF-8 only
  Document doc;
  doc.text = s;
  doc.published = "2022-01-09";
  analyze::FindDates(doc);
  for (const auto& m : doc.dates) {
    fuzz::Check(m.span.begin <= m.span.end && m.span.end <= doc.text.size(), "date span inside the text");
    fuzz::Check(core::IsValidIsoDate(m.date.value), "resolved date is real");
  }
  return 0;
}
