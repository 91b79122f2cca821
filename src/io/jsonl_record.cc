#include "io/jsonl_record.h"

#include <nlohmann/json.hpp>

namespace eventmill::io {

Result<RawPage> ParseJsonlRecord(std::string_view line, const std::string& source) {
  nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput(source, "not a JSON object (bad JSONL line)");
  if (!j.is_object()) return Status::InvalidInput(source, "JSONL record is not an object");
  auto str = [&](const char* key) -> std::string {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    return it->dump();
  };
  RawPage page;
  page.source = source;
  page.input_id = str("id");
  page.url = str("url");
  page.title = str("title");
  page.published = str("published");
  if (j.contains("html") && j["html"].is_string()) {
    page.bytes = j["html"].get<std::string>();
  } else if (j.contains("text") && j["text"].is_string()) {
    page.bytes = j["text"].get<std::string>();
    page.is_text = true;
  } else {
    return Status::InvalidInput(source, "JSONL record has neither \"html\" nor \"text\"");
  }
  return page;
}

}  // namespace eventmill::io
