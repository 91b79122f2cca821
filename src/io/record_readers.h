// Record readers behind InputReader: one per input file. Each yields RawPages until done.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "eventmill/input.h"

namespace eventmill::io {

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Next page, an error naming the record, or nullopt at the end of the input.
  virtual std::optional<Result<RawPage>> Next() = 0;
};

// Picks the reader from the name and the first bytes: "-" is stdin; .jsonl/.ndjson (or content
// starting with '{') JSONL; .warc/.warc.gz, or any file but .txt whose first decompressed bytes are
// "WARC/", WARC; .txt plain text; else one HTML page. A .gz file is decompressed first.
Result<std::unique_ptr<RecordReader>> OpenRecordReader(const std::string& input, const InputOptions& options);

// A size limit for messages: "50 MB" (MiB, as the limits are set), or "2000 bytes" below 1 MiB.
std::string LimitText(size_t bytes);

// Reads a whole file ("-" = stdin), decompressing .gz; fails past `limit` bytes.
Result<std::string> ReadWholeInput(const std::string& input, size_t limit);

}  // namespace eventmill::io
