// The JSON form of a Document: exactly the output contract (docs/output-contract.md), one line.
#pragma once

#include <string>

#include "eventmill/document.h"

namespace eventmill {

struct JsonOptions {
  bool explain = false;  // add "pattern" and "explain" to events
};

// Appends the document as one JSON object (no trailing newline) to *out. Never fails; strings are
// escaped and invalid UTF-8 is replaced by U+FFFD.
void AppendDocumentJson(const Document& doc, std::string* out, const JsonOptions& options = {});

// Appends `s` as a JSON string literal (with quotes).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace eventmill
