// First cut: sentences end at ". ", "! ", "? " followed by an upper-case letter or a quote.
#include "text/sentence_splitter.h"

namespace eventmill::text {

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Span> out;
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= n) break;
    size_t start = i;
    size_t end = text.find("\n\n", i);
    if (end == std::string_view::npos) end = n;
    size_t e = end;
    while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\n')) --e;
    out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(e)});
    i = end;
  }
  return out;
}

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Span>& paragraphs) {
  std::vector<Sentence> out;
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    Span para = paragraphs[p];
    uint32_t start = para.begin;
    for (uint32_t i = para.begin; i + 1 < para.end; ++i) {
      char c = text[i];
      if ((c == '.' || c == '!' || c == '?') && text[i + 1] == ' ' && i + 2 < para.end &&
          (std::isupper(static_cast<unsigned char>(text[i + 2])) || text[i + 2] == '"')) {
        out.push_back({{start, i + 1}, p});
        start = i + 2;
      }
    }
    if (start < para.end) out.push_back({{start, para.end}, p});
  }
  return out;
}

}  // namespace eventmill::text
