// Placeholder until the WARC reader lands (issue 2): WARC inputs fail with a clear message.
#include "io/warc_reader.h"

namespace eventmill::io {

Result<std::unique_ptr<RecordReader>> OpenWarcReader(const std::string& path, const InputOptions&) {
  return Status::Unavailable(path, "WARC input is not supported yet");
}
Result<std::unique_ptr<RecordReader>> OpenWarcReaderFromBytes(const std::string& source, std::string,
                                                              const InputOptions&) {
  return Status::Unavailable(source, "WARC input is not supported yet");
}

}  // namespace eventmill::io
