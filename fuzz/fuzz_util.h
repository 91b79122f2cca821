// Shared by the libFuzzer harnesses in fuzz/: a failed check aborts with a message, so libFuzzer
// saves the input as a crash artifact.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "eventmill/document.h"

namespace eventmill::fuzz {

inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}

// Every span a Document holds points inside its text.
inline void CheckSpans(const Document& doc) {
  auto in = [&](Span s) { return s.begin <= s.end && s.end <= doc.text.size(); };
  for (Span s : doc.paragraphs) Check(in(s), "paragraph span inside the text");
  for (const auto& s : doc.sentences) Check(in(s.span), "sentence span inside the text");
  for (const auto& e : doc.entities) Check(in(e.span), "entity span inside the text");
  for (const auto& c : doc.counts) {
    Check(in(c.span), "count span inside the text");
    Check(c.value >= 0 && c.value <= kMaxCountValue, "count value within kMaxCountValue");
  }
  for (const auto& q : doc.quotes) Check(in(q.span), "quote span inside the text");
  for (const auto& e : doc.events) Check(in(e.evidence), "event evidence inside the text");
}

}  // namespace eventmill::fuzz
