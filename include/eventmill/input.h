// Reading inputs: files, directories (recursive), '-' for stdin, .txt plain text, JSONL records,
// WARC / WARC.gz response records. Every page read becomes a RawPage named by its `source`.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eventmill/status.h"

namespace eventmill {

// One page as read, before extraction. Bytes are as found (any charset); extraction converts.
struct RawPage {
  std::string source;        // input path as given, "#N" appended for the Nth record of a WARC/JSONL
  std::string bytes;         // HTML, or plain text when is_text
  bool is_text = false;      // .txt file or JSONL "text" record: no boilerplate removal
  std::string content_type;  // HTTP Content-Type of a WARC response ("text/html; charset=...")
  std::string url;           // WARC-Target-URI or JSONL "url"
  std::string input_id;      // JSONL "id", carried through
  std::string title;         // JSONL "title": overrides what extraction finds
  std::string published;     // JSONL "published": overrides what extraction finds
};

struct InputOptions {
  size_t max_page_bytes = size_t{50} << 20;     // larger pages are an error for that page alone
  size_t max_record_bytes = size_t{64} << 20;   // one JSONL line / WARC record, decompressed
};

// Streams RawPages from a list of inputs, in order. Not thread-safe: one reader per run.
class InputReader {
 public:
  InputReader(std::vector<std::string> inputs, InputOptions options = {});
  ~InputReader();
  InputReader(InputReader&&) noexcept;
  InputReader& operator=(InputReader&&) noexcept;

  // The next page; a non-OK Result for an input (or one record) that could not be read, whose
  // message names it ("a.warc.gz#17: corrupt gzip member"); std::nullopt once all inputs are done.
  // Reading continues after an error with the next record or input.
  std::optional<Result<RawPage>> Next();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventmill
