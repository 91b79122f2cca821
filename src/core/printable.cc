#include "eventmill/printable.h"

namespace eventmill::core {

std::string Printable(std::string_view s, Newlines newlines) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  const bool keep = newlines == Newlines::kKeep;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      if (keep && (c == '\n' || c == '\t')) {
        out.push_back(static_cast<char>(c));
      } else if (keep && c == '\r') {
        continue;
      } else if (!keep && (c == '\n' || c == '\t' || c == '\r')) {
        out.push_back(' ');
      } else {
        out.append(kReplacement);
      }
      continue;
    }
    // C1 controls U+0080..U+009F (CSI is U+009B) are C2 80..C2 9F in UTF-8.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F &&
        static_cast<unsigned char>(s[i + 1]) >= 0x80) {
      out.append(kReplacement);
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace eventmill::core
