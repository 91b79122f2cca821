// Extraction: from a RawPage (HTML or plain text) to a Document with clean main text and metadata
// (title, published, language, site_name, authors, attributed_sources, url, canonical_url).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "eventmill/document.h"
#include "eventmill/input.h"
#include "eventmill/status.h"

namespace eventmill {

struct ExtractOptions {
  size_t max_page_bytes = size_t{50} << 20;  // bigger pages fail with kLimitExceeded
  size_t max_depth = 512;                     // deeper elements are flattened into their ancestor
  // Memory bounds (docs/limits.md); over them the result is cut and says so in its diagnostics.
  size_t max_markup_items = 250'000;          // tags, comments, attributes read from one page
  size_t max_text_bytes = size_t{2} << 20;    // main text kept, cut at a paragraph end
  std::string data_dir;                       // hints, phrases, agencies; empty: DataDir() + "/extract"
};

class Extractor {
 public:
  static Result<Extractor> Create(ExtractOptions options = {});
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Thread-safe (const). Fails with a one-line Status naming page.source for empty, binary or
  // oversized input; a truncated or odd page gives a best-effort Document with diagnostics.
  Result<Document> Extract(const RawPage& page) const;

  struct Impl;

 private:
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventmill
