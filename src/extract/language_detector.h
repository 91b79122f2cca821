// LanguageDetector: the language of a text as an ISO 639-1 code, by CLD2 (Debian libcld2).
#pragma once

#include <string>
#include <string_view>

namespace eventmill::extract {

struct DetectedLanguage {
  std::string code;       // "en", "de", ...; empty when unknown
  int percent = 0;        // share of the text in that language
  bool reliable = false;
};

// Detects the main language of UTF-8 text (at most the first 8 KiB, cut at a word, are read). Thread-safe.
// `sample_bytes` sets how much is read instead (a quick first look).
DetectedLanguage DetectLanguage(std::string_view utf8_text, size_t sample_bytes = size_t{8} << 10);

}  // namespace eventmill::extract
