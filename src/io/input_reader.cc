// InputReader: expands directories, picks a record reader per input (plain file, JSONL, WARC),
// and hands out RawPages in input order. Errors are per input or per record; reading goes on.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "eventmill/input.h"
#include "io/charset.h"
#include "io/record_readers.h"

namespace eventmill {

namespace fs = std::filesystem;

struct InputReader::Impl {
  InputOptions options;
  std::deque<std::string> pending;  // inputs not yet opened, in order
  std::unique_ptr<io::RecordReader> current;
  std::string current_name;  // the input `current` reads
};

InputReader::InputReader(std::vector<std::string> inputs, InputOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->pending.assign(inputs.begin(), inputs.end());
}
InputReader::~InputReader() = default;
InputReader::InputReader(InputReader&&) noexcept = default;
InputReader& InputReader::operator=(InputReader&&) noexcept = default;

namespace {

// Files of a directory, recursively, sorted by path so runs are reproducible; hidden entries skipped.
Status ListDirectory(const std::string& dir, std::vector<std::string>* out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) return Status::IoError(dir, ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::IoError(dir, ec.message());
    const fs::path& p = it->path();
    if (!p.filename().empty() && p.filename().string()[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out->push_back(p.string());
  }
  std::sort(out->begin(), out->end());
  return Status::Ok();
}

}  // namespace

std::optional<Result<RawPage>> InputReader::Next() {
  Impl& s = *impl_;
  for (;;) {
    if (s.current) {
      std::optional<Result<RawPage>> page;
      try {
        page = s.current->Next();
      } catch (const std::exception& e) {
        // A reader bug must not end the run: that input stops, the next one is read.
        s.current.reset();
        return Result<RawPage>(Status::Internal(s.current_name, std::string("internal error while reading: ") + e.what()));
      }
      if (page && page->ok()) {
        // Empty and binary pages stop here, whatever reader they came from.
        Status st = io::CheckLooksLikeText((*page)->bytes, (*page)->source);
        if (!st.ok()) return Result<RawPage>(st);
        if ((*page)->bytes.size() > s.options.max_page_bytes) {  // a JSONL "html" field, say
          return Result<RawPage>(Status::LimitExceeded(
              (*page)->source, "larger than the " + io::LimitText(s.options.max_page_bytes) + " page limit"));
        }
      }
      if (page) return page;
      s.current.reset();
    }
    if (s.pending.empty()) return std::nullopt;
    std::string input = std::move(s.pending.front());
    s.pending.pop_front();
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      std::vector<std::string> files;
      Status st = ListDirectory(input, &files);
      if (st.ok() && files.empty()) st = Status::NotFound(input, "directory holds no input files");
      s.pending.insert(s.pending.begin(), files.begin(), files.end());
      if (!st.ok()) return Result<RawPage>(st);
      continue;
    }
    auto reader = io::OpenRecordReader(input, s.options);
    s.current_name = input;
    if (!reader.ok()) return Result<RawPage>(reader.status());
    s.current = std::move(reader).value();
  }
}

}  // namespace eventmill
