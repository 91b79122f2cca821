// One JSONL input record: {"id"?, "url"?, "html"?, "text"?, "title"?, "published"?} -> RawPage.
#pragma once

#include <string>
#include <string_view>

#include "eventmill/input.h"

namespace eventmill::io {

// `source` names the record ("file.jsonl#3") in errors and in the page.
Result<RawPage> ParseJsonlRecord(std::string_view line, const std::string& source);

}  // namespace eventmill::io
