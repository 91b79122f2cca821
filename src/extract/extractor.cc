// Placeholder extractor until the HTML extractor lands (issue 2): plain text passes through,
// HTML is reduced to its text with tags removed.
#include "eventmill/extract.h"

#include "text/utf8.h"

namespace eventmill {

struct Extractor::Impl {
  ExtractOptions options;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Result<Extractor> Extractor::Create(ExtractOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  return Extractor(std::move(impl));
}

Result<Document> Extractor::Extract(const RawPage& page) const {
  if (page.bytes.empty()) return Status::InvalidInput(page.source, "empty input");
  Document doc;
  doc.source = page.source;
  doc.url = page.url;
  doc.input_id = page.input_id;
  doc.title = page.title;
  if (!page.published.empty()) doc.published = page.published;
  if (page.is_text) {
    doc.text = text::RepairUtf8(page.bytes);
    doc.plain_text_input = true;
  } else {
    std::string out;
    bool in_tag = false;
    for (char c : page.bytes) {
      if (c == '<') in_tag = true;
      else if (c == '>') in_tag = false;
      else if (!in_tag) out.push_back(c);
    }
    doc.text = text::RepairUtf8(out);
  }
  doc.id = DocumentId(doc);
  return doc;
}

}  // namespace eventmill
