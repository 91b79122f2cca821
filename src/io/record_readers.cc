#include "io/record_readers.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "io/jsonl_record.h"
#include "io/warc_reader.h"

namespace eventmill::io {
namespace {

constexpr size_t kMaxStdinWarcBytes = size_t{4} << 30;  // a WARC on stdin is buffered whole

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A gzip-or-plain byte stream over a file or stdin (zlib reads plain files transparently).
class Stream {
 public:
  static Result<std::unique_ptr<Stream>> Open(const std::string& input) {
    gzFile f = input == "-" ? gzdopen(dup(0), "rb") : gzopen(input.c_str(), "rb");
    if (!f) return Status::IoError(input, std::strerror(errno ? errno : EIO));
    gzbuffer(f, 1 << 17);
    return std::make_unique<Stream>(f);
  }
  explicit Stream(gzFile f) : f_(f) {}
  ~Stream() { gzclose(f_); }
  // Buffered bytes not yet consumed, filled with at least n bytes where the input has them.
  std::string_view Peek(size_t n, std::string* err) {
    while (buf_.size() - pos_ < n) {
      if (Read(&buf_, n, err) <= 0) break;
    }
    return std::string_view(buf_).substr(pos_);
  }
  // Everything left, past the peeked bytes; fails past `limit`.
  Result<std::string> ReadRest(const std::string& name, size_t limit) {
    std::string out = buf_.substr(pos_), err;
    buf_.clear(), pos_ = 0;
    for (;;) {
      long got = Read(&out, 1 << 20, &err);
      if (got < 0) return Status::CorruptData(name, err);
      if (got == 0) return out;
      if (out.size() > limit) return Status::LimitExceeded(name, "larger than the " + std::to_string(limit >> 20) + " MB limit");
    }
  }
  // Appends up to n bytes; returns bytes read, 0 at end, -1 on error (message in *err).
  long Read(std::string* out, size_t n, std::string* err) {
    size_t old = out->size();
    out->resize(old + n);
    int got = gzread(f_, out->data() + old, static_cast<unsigned>(n));
    if (got < 0) {
      int code;
      const char* m = gzerror(f_, &code);
      *err = code == Z_ERRNO ? std::strerror(errno) : std::string("corrupt gzip data: ") + (m ? m : "");
      out->resize(old);
      return -1;
    }
    out->resize(old + got);
    return got;
  }
  // Reads one line (without '\n'). false at end of input. A line longer than `limit` is skipped
  // to its end and reported through *too_long.
  bool ReadLine(std::string* line, size_t limit, bool* too_long, std::string* err) {
    line->clear();
    *too_long = false;
    for (;;) {
      if (pos_ == buf_.size()) {
        buf_.clear();
        pos_ = 0;
        long got = Read(&buf_, 1 << 16, err);
        if (got < 0) return false;
        if (got == 0) return !line->empty() || *too_long;
      }
      const char* start = buf_.data() + pos_;
      const void* nl = std::memchr(start, '\n', buf_.size() - pos_);
      size_t take = nl ? static_cast<const char*>(nl) - start : buf_.size() - pos_;
      if (!*too_long) {
        if (line->size() + take > limit) {
          *too_long = true;
          line->clear();
        } else {
          line->append(start, take);
        }
      }
      pos_ += take;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }

 private:
  gzFile f_;
  std::string buf_;
  size_t pos_ = 0;
};

class SinglePageReader : public RecordReader {
 public:
  SinglePageReader(std::string input, bool is_text, InputOptions options, std::unique_ptr<Stream> stream = nullptr)
      : input_(std::move(input)), is_text_(is_text), options_(options), stream_(std::move(stream)) {}
  std::optional<Result<RawPage>> Next() override {
    if (done_) return std::nullopt;
    done_ = true;
    auto bytes = stream_ ? stream_->ReadRest(input_, options_.max_page_bytes)
                         : ReadWholeInput(input_, options_.max_page_bytes);
    if (!bytes.ok()) return Result<RawPage>(bytes.status());
    RawPage page;
    page.source = input_;
    page.bytes = std::move(bytes).value();
    page.is_text = is_text_;
    return Result<RawPage>(std::move(page));
  }

 private:
  std::string input_;
  bool is_text_;
  InputOptions options_;
  std::unique_ptr<Stream> stream_;
  bool done_ = false;
};

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::string input, std::unique_ptr<Stream> stream, InputOptions options)
      : input_(std::move(input)), stream_(std::move(stream)), options_(options) {}
  std::optional<Result<RawPage>> Next() override {
    for (;;) {
      if (done_) return std::nullopt;
      std::string line, err;
      bool too_long = false;
      if (!stream_->ReadLine(&line, options_.max_record_bytes, &too_long, &err)) {
        done_ = true;
        if (!err.empty()) return Result<RawPage>(Status::CorruptData(input_ + "#" + std::to_string(n_ + 1), err));
        return std::nullopt;
      }
      size_t first = line.find_first_not_of(" \t\r");
      if (first == std::string::npos && !too_long) continue;  // blank lines are not records
      ++n_;
      std::string source = input_ + "#" + std::to_string(n_);
      if (too_long) {
        return Result<RawPage>(Status::LimitExceeded(
            source, "record longer than " + std::to_string(options_.max_record_bytes >> 20) + " MB"));
      }
      return Result<RawPage>(ParseJsonlRecord(line, source));
    }
  }

 private:
  std::string input_;
  std::unique_ptr<Stream> stream_;
  InputOptions options_;
  size_t n_ = 0;
  bool done_ = false;
};

}  // namespace

Result<std::string> ReadWholeInput(const std::string& input, size_t limit) {
  EM_ASSIGN_OR_RETURN(std::unique_ptr<Stream> stream, Stream::Open(input));
  std::string out, err;
  for (;;) {
    long got = stream->Read(&out, 1 << 20, &err);
    if (got < 0) return Status::CorruptData(input, err);
    if (got == 0) break;
    if (out.size() > limit) {
      return Status::LimitExceeded(input, "larger than the " + std::to_string(limit >> 20) + " MB page limit");
    }
  }
  return out;
}

Result<std::unique_ptr<RecordReader>> OpenRecordReader(const std::string& input, const InputOptions& options) {
  std::string name = Lower(input);
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  std::error_code ec;
  if (input != "-") {
    auto st = std::filesystem::status(input, ec);
    if (ec || !std::filesystem::exists(st)) return Status::NotFound(input, "no such file or directory");
    if (!std::filesystem::is_regular_file(st) && !std::filesystem::is_fifo(st) &&
        !std::filesystem::is_character_file(st)) {
      return Status::InvalidInput(input, "not a regular file");
    }
  }
  if (EndsWith(name, ".warc") || EndsWith(name, ".arc")) {
    EM_ASSIGN_OR_RETURN(std::unique_ptr<RecordReader> r, OpenWarcReader(input, options));
    return r;
  }
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson") || EndsWith(name, ".json")) {
    EM_ASSIGN_OR_RETURN(std::unique_ptr<Stream> s, Stream::Open(input));
    return std::unique_ptr<RecordReader>(std::make_unique<JsonlReader>(input, std::move(s), options));
  }
  if (input == "-") {
    // stdin: sniff the (decompressed) content to tell WARC and JSONL from a page
    EM_ASSIGN_OR_RETURN(std::unique_ptr<Stream> s, Stream::Open(input));
    std::string err;
    std::string_view head = s->Peek(4096, &err);
    if (head.substr(0, 5) == "WARC/") {
      EM_ASSIGN_OR_RETURN(std::string bytes, s->ReadRest(input, kMaxStdinWarcBytes));
      EM_ASSIGN_OR_RETURN(std::unique_ptr<RecordReader> r, OpenWarcReaderFromBytes(input, std::move(bytes), options));
      return r;
    }
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && head[first] == '{') {
      return std::unique_ptr<RecordReader>(std::make_unique<JsonlReader>(input, std::move(s), options));
    }
    return std::unique_ptr<RecordReader>(std::make_unique<SinglePageReader>(input, false, options, std::move(s)));
  }
  return std::unique_ptr<RecordReader>(std::make_unique<SinglePageReader>(input, EndsWith(name, ".txt"), options));
}

}  // namespace eventmill::io
