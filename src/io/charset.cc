// First cut: BOM and UTF-8 only; other bytes are replaced. (The io work on issue 2 replaces this
// with header/meta/detection and iconv conversion.)
#include "io/charset.h"

#include "text/utf8.h"

namespace eventmill::io {

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view content_type, bool is_html,
                                 const std::string& source) {
  if (bytes.empty()) return Status::InvalidInput(source, "empty input");
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return DecodedText{text::RepairUtf8(bytes), "utf-8"};
}

}  // namespace eventmill::io
