// WARC / WARC.gz reading (ISO 28500; CC-NEWS): each `response` record with an HTML payload
// becomes a RawPage "file.warc.gz#N" with its URL and HTTP Content-Type.
#pragma once

#include <memory>
#include <string>

#include "eventmill/input.h"
#include "io/record_readers.h"

namespace eventmill::io {

Result<std::unique_ptr<RecordReader>> OpenWarcReader(const std::string& path, const InputOptions& options);
Result<std::unique_ptr<RecordReader>> OpenWarcReaderFromBytes(const std::string& source, std::string bytes,
                                                              const InputOptions& options);

}  // namespace eventmill::io
