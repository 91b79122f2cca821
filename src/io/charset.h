// Bytes of a page in any charset -> valid UTF-8. Order of trust: BOM, HTTP Content-Type header,
// <meta charset> / http-equiv in the head, valid UTF-8 as is, then detection. Invalid bytes are
// replaced by U+FFFD. Rejects empty and binary input with a one-line Status naming `source`.
#pragma once

#include <string>
#include <string_view>

#include "eventmill/status.h"

namespace eventmill::io {

struct DecodedText {
  std::string text;     // valid UTF-8, BOM removed
  std::string charset;  // the charset the bytes were read as ("utf-8", "windows-1251", ...)
};

// OK for bytes that can be text; else InvalidInput naming `source`: "empty input", or "binary
// content, not text (PDF)" for a known binary signature (PDF, PNG, JPEG, GIF, ZIP, gzip, ...), a NUL
// in the first 1 KB or over 5% control bytes in the first 8 KB. A UTF-16 byte order mark passes.
// Reads at most the first 8 KB: cheap enough for the input reader to call on every page.
Status CheckLooksLikeText(std::string_view bytes, const std::string& source);

// `content_type` is the HTTP header value when known ("text/html; charset=koi8-r"), else empty.
// `is_html` enables the <meta> prescan.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view content_type, bool is_html,
                                 const std::string& source);

}  // namespace eventmill::io
