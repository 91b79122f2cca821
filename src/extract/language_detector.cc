#include "extract/language_detector.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "text/utf8.h"

namespace CLD2 {
const char* LanguageCode(Language lang);  // in libcld2, declared in an internal header
}

namespace eventmill::extract {

DetectedLanguage DetectLanguage(std::string_view text, size_t sample_bytes) {
  DetectedLanguage out;
  if (text.empty()) return out;
  // CLD2's verdict settles within a few KB of text and its cost grows with the length: read a
  // sample, cut at a word boundary (docs/extraction.md, speed: the sample size was chosen where the
  // language of every dev page stayed the same as on the whole text).
  std::string_view part = text.substr(0, sample_bytes);
  if (part.size() < text.size()) {
    // Do not cut a UTF-8 sequence in half (CLD2 rejects invalid UTF-8) nor a word.
    while (!part.empty() && (static_cast<unsigned char>(text[part.size()]) & 0xC0) == 0x80) part.remove_suffix(1);
    size_t space = part.find_last_of(" \n\t");
    if (space != std::string_view::npos && space > 0) part = part.substr(0, space);
  }
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
