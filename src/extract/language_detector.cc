#include "extract/language_detector.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "text/utf8.h"

namespace CLD2 {
const char* LanguageCode(Language lang);  // in libcld2, declared in an internal header
}

namespace eventmill::extract {

DetectedLanguage DetectLanguage(std::string_view text) {
  DetectedLanguage out;
  if (text.empty()) return out;
  constexpr size_t kMax = 64 << 10;
  std::string_view part = text.substr(0, kMax);
  // Do not cut a UTF-8 sequence in half: CLD2 rejects invalid UTF-8.
  while (part.size() < text.size() && !part.empty() && (static_cast<unsigned char>(text[part.size()]) & 0xC0) == 0x80)
    part.remove_suffix(1);
  CLD2::Language langs[3];
  int percents[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguageSummary(part.data(), static_cast<int>(part.size()),
                                                    /*is_plain_text=*/true, langs, percents, &text_bytes,
                                                    &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return out;
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 writes a few languages with region or script ("zh-Hant", "sr-ME"); keep the language.
  size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  if (code == "iw") code = "he";
  if (code == "in") code = "id";
  if (code == "xxx" || code == "un") return out;
  out.code = code;
  out.percent = percents[0];
  out.reliable = reliable;
  return out;
}

}  // namespace eventmill::extract
