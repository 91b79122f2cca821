#include "io/record_readers.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
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

// A gzip-or-plain byte stream over a file or stdin: concatenated gzip members are read as one
// stream (as `gzip -d` does), bytes after the last member that are not gzip are ignored, and a
// file that does not start with the gzip magic is read as it is. `raw_prefix` holds bytes already
// read from the descriptor (stdin sniffing).
class Stream {
 public:
  static Result<std::unique_ptr<Stream>> Open(const std::string& input, std::string raw_prefix = "") {
    int fd = input == "-" ? dup(0) : open(input.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::IoError(input, std::strerror(errno ? errno : EIO));
    return std::make_unique<Stream>(fd, std::move(raw_prefix));
  }
  Stream(int fd, std::string raw_prefix) : fd_(fd), in_(std::move(raw_prefix)) {
    std::memset(&zs_, 0, sizeof zs_);
    inflateInit2(&zs_, 15 + 16);
  }
  ~Stream() {
    inflateEnd(&zs_);
    close(fd_);
  }
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  // Appends up to n bytes; returns bytes read, 0 at end, -1 on error (message in *err).
  long Read(std::string* out, size_t n, std::string* err) {
    size_t old = out->size();
    out->resize(old + n);
    size_t produced = 0;
    while (produced == 0 && !done_) {
      if (in_pos_ == in_.size() || (!sniffed_ && in_.size() - in_pos_ < 2 && !eof_)) {
        long got = ReadRaw(err);
        if (got < 0) return out->resize(old), -1;
        if (got == 0 && in_pos_ == in_.size()) {
          done_ = true;
          if (in_member_) {
            *err = "corrupt gzip data: unexpected end of file";
            return out->resize(old), -1;
          }
          break;
        }
        continue;
      }
      if (!sniffed_) {
        sniffed_ = true;
        gzip_ = in_.compare(in_pos_, 2, "\x1f\x8b") == 0;
      }
      size_t avail = in_.size() - in_pos_;
      if (!gzip_) {
        produced = std::min(n, avail);
        std::memcpy(out->data() + old, in_.data() + in_pos_, produced);
        in_pos_ += produced;
        continue;
      }
      if (!in_member_) {
        if (avail < 2 && !eof_) {
          if (ReadRaw(err) < 0) return out->resize(old), -1;
          continue;
        }
        if (in_.compare(in_pos_, 2, "\x1f\x8b") != 0) {
          done_ = true;  // trailing bytes after the last member
          break;
        }
        inflateReset(&zs_);
        in_member_ = true;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      zs_.avail_in = static_cast<uInt>(std::min<size_t>(avail, 1u << 30));
      zs_.next_out = reinterpret_cast<Bytef*>(out->data() + old);
      zs_.avail_out = static_cast<uInt>(n);
      int rc = inflate(&zs_, Z_NO_FLUSH);
      in_pos_ += std::min<size_t>(avail, 1u << 30) - zs_.avail_in;
      produced = n - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        *err = std::string("corrupt gzip data: ") + (zs_.msg ? zs_.msg : "invalid data");
        done_ = true;
        return out->resize(old), -1;
      }
    }
    out->resize(old + produced);
    return static_cast<long>(produced);
  }
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
      if (out.size() > limit) return Status::LimitExceeded(name, "larger than the " + LimitText(limit) + " page limit");
    }
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
  // Reads more raw bytes into in_ (dropping consumed ones); 0 at the end of the descriptor.
  long ReadRaw(std::string* err) {
    if (eof_) return 0;
    in_.erase(0, in_pos_);
    in_pos_ = 0;
    size_t old = in_.size();
    in_.resize(old + (size_t{1} << 17));
    for (;;) {
      ssize_t got = ::read(fd_, in_.data() + old, in_.size() - old);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        in_.resize(old);
        *err = std::strerror(errno);
        return -1;
      }
      in_.resize(old + static_cast<size_t>(got));
      if (got == 0) eof_ = true;
      return got;
    }
  }

  int fd_;
  z_stream zs_;
  std::string in_;  // raw bytes; in_[in_pos_..] not yet consumed
  size_t in_pos_ = 0;
  bool sniffed_ = false, gzip_ = false, in_member_ = false, eof_ = false, done_ = false;
  std::string buf_;  // decompressed bytes for Peek / ReadLine; buf_[pos_..] not yet consumed
  size_t pos_ = 0;
};

// Reads raw stdin bytes until `n` are buffered or stdin ends; false on a read error.
bool ReadRawStdin(int fd, std::string* out, size_t n, std::string* err) {
  while (out->size() < n) {
    size_t old = out->size();
    out->resize(std::min(n, old + (size_t{1} << 20)));
    ssize_t got = ::read(fd, out->data() + old, out->size() - old);
    if (got < 0 && errno == EINTR) {
      out->resize(old);
      continue;
    }
    if (got < 0) {
      out->resize(old);
      *err = std::strerror(errno);
      return false;
    }
    out->resize(old + static_cast<size_t>(got));
    if (got == 0) break;
  }
  return true;
}

// The first decompressed bytes of `raw` (as much as inflates from it), or raw itself when plain.
std::string DecompressedHead(std::string_view raw, size_t n) {
  if (raw.substr(0, 2) != "\x1f\x8b") return std::string(raw.substr(0, n));
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return "";
  std::string out(n, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  zs.avail_in = static_cast<uInt>(raw.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(n);
  inflate(&zs, Z_NO_FLUSH);
  out.resize(n - zs.avail_out);
  inflateEnd(&zs);
  return out;
}

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
            source, "record longer than " + LimitText(options_.max_record_bytes)));
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

// A WARC file without a .warc name (CC-NEWS-*.gz renamed, a download without its suffix): its
// first (decompressed) bytes are "WARC/". Reads at most 4 KB; a file that cannot be read is left
// to the page reader, which reports it.
bool LooksLikeWarc(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);  // never consume a pipe's bytes
  std::string raw(regular ? 4096 : 0, '\0');
  ssize_t got = regular ? pread(fd, raw.data(), raw.size(), 0) : -1;
  close(fd);
  if (got <= 0) return false;
  raw.resize(static_cast<size_t>(got));
  return DecompressedHead(raw, 5) == "WARC/";
}

}  // namespace

std::string LimitText(size_t bytes) {
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MB";
  return std::to_string(bytes) + " bytes";
}

Result<std::string> ReadWholeInput(const std::string& input, size_t limit) {
  EM_ASSIGN_OR_RETURN(std::unique_ptr<Stream> stream, Stream::Open(input));
  std::string out, err;
  for (;;) {
    long got = stream->Read(&out, 1 << 20, &err);
    if (got < 0) return Status::CorruptData(input, err);
    if (got == 0) break;
    if (out.size() > limit) {
      return Status::LimitExceeded(input, "larger than the " + LimitText(limit) + " page limit");
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
    // Regular files only, and the pipes a shell hands over as a path (`<(curl ...)` is
    // /dev/fd/63), already open at their other end. A named FIFO would block until some writer
    // came (forever, often), and a device (/dev/zero, /dev/urandom, a terminal) never ends.
    const bool handed_over_pipe = std::filesystem::is_fifo(st) && (input.rfind("/dev/fd/", 0) == 0 ||
                                                                   input.rfind("/proc/self/fd/", 0) == 0 ||
                                                                   input == "/dev/stdin");
    if (!std::filesystem::is_regular_file(st) && !handed_over_pipe) {
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
    // stdin: sniff the (decompressed) content to tell WARC and JSONL from a page. A WARC is
    // buffered raw, so that its reader can resynchronise after a corrupt gzip member.
    std::string raw, err;
    if (!ReadRawStdin(0, &raw, 1 << 16, &err)) return Status::IoError(input, err);
    std::string head = DecompressedHead(raw, 4096);
    if (head.compare(0, 5, "WARC/") == 0) {
      if (!ReadRawStdin(0, &raw, kMaxStdinWarcBytes + 1, &err)) return Status::IoError(input, err);
      if (raw.size() > kMaxStdinWarcBytes) {
        return Status::LimitExceeded(input, "larger than the " + LimitText(kMaxStdinWarcBytes) +
                                                " limit for a WARC on stdin");
      }
      EM_ASSIGN_OR_RETURN(std::unique_ptr<RecordReader> r, OpenWarcReaderFromBytes(input, std::move(raw), options));
      return r;
    }
    EM_ASSIGN_OR_RETURN(std::unique_ptr<Stream> s, Stream::Open(input, std::move(raw)));
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && head[first] == '{') {
      return std::unique_ptr<RecordReader>(std::make_unique<JsonlReader>(input, std::move(s), options));
    }
    return std::unique_ptr<RecordReader>(std::make_unique<SinglePageReader>(input, false, options, std::move(s)));
  }
  if (!EndsWith(name, ".txt") && LooksLikeWarc(input)) {
    EM_ASSIGN_OR_RETURN(std::unique_ptr<RecordReader> r, OpenWarcReader(input, options));
    return r;
  }
  return std::unique_ptr<RecordReader>(std::make_unique<SinglePageReader>(input, EndsWith(name, ".txt"), options));
}

}  // namespace eventmill::io
