// WARC / WARC.gz reader (ISO 28500, WARC 1.0 and 1.1, as written by Common Crawl for CC-NEWS).
//
// Layering, bottom up:
//   RawBytes      compressed (or plain) bytes by offset: a file read with pread, or a buffer.
//   RecordStream  decompresses gzip member by member (or passes a plain file through), keeps only
//                 a window of output, and after a corrupt member finds the next good member.
//   WarcReader    parses one record at a time from the stream: WARC header, block, then for
//                 `response` records the HTTP message (status, Content-Type, chunked transfer
//                 coding, gzip/deflate content coding) -> RawPage.
// Memory: one record (bounded by InputOptions::max_record_bytes) plus fixed buffers.
#include "io/warc_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

namespace eventmill::io {
namespace {

constexpr size_t kChunk = size_t{1} << 16;          // compressed input read / output produced per step
constexpr size_t kMaxHeaderBytes = size_t{1} << 20;  // a WARC or HTTP header block
constexpr size_t kProbeBytes = size_t{1} << 16;      // compressed bytes tried when resynchronising

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Raw bytes by offset.

class RawBytes {
 public:
  virtual ~RawBytes() = default;
  // Up to n bytes at `offset` into buf: the count, 0 at the end, -1 on error (*err set).
  virtual long ReadAt(uint64_t offset, char* buf, size_t n, std::string* err) = 0;
};

class FileBytes : public RawBytes {
 public:
  FileBytes(int fd, bool seekable) : fd_(fd), seekable_(seekable) {}
  ~FileBytes() override { close(fd_); }
  long ReadAt(uint64_t offset, char* buf, size_t n, std::string* err) override {
    for (;;) {
      ssize_t got;
      if (seekable_) {
        got = pread(fd_, buf, n, static_cast<off_t>(offset));
      } else {
        // A pipe reads forward only: resynchronising backwards is not possible there.
        if (offset != pos_) {
          *err = "cannot seek back in a pipe to resynchronise";
          return -1;
        }
        got = read(fd_, buf, n);
        if (got > 0) pos_ += static_cast<uint64_t>(got);
      }
      if (got >= 0) return static_cast<long>(got);
      if (errno == EINTR) continue;
      *err = std::strerror(errno);
      return -1;
    }
  }

 private:
  int fd_;
  bool seekable_;
  uint64_t pos_ = 0;
};

class MemoryBytes : public RawBytes {
 public:
  explicit MemoryBytes(std::string data) : data_(std::move(data)) {}
  long ReadAt(uint64_t offset, char* buf, size_t n, std::string*) override {
    if (offset >= data_.size()) return 0;
    size_t k = std::min<uint64_t>(n, data_.size() - offset);
    std::memcpy(buf, data_.data() + offset, k);
    return static_cast<long>(k);
  }

 private:
  std::string data_;
};

// ---------------------------------------------------------------------------------------------
// Decompressed stream with member boundaries and resynchronisation.

enum class StreamState { kOk, kEnd, kCorrupt, kTruncated, kIoError };

class RecordStream {
 public:
  explicit RecordStream(std::unique_ptr<RawBytes> raw) : raw_(std::move(raw)), in_(kChunk, '\0') {
    std::memset(&zs_, 0, sizeof zs_);
    inflateInit2(&zs_, 15 + 16);
  }
  ~RecordStream() { inflateEnd(&zs_); }
  RecordStream(const RecordStream&) = delete;
  RecordStream& operator=(const RecordStream&) = delete;

  StreamState state() const { return state_; }
  const std::string& error() const { return error_; }
  bool gzip() const { return gzip_; }

  std::string_view Available() const { return std::string_view(out_).substr(pos_); }

  // Makes at least n bytes available; false when the stream stops first (see state()).
  bool Fill(size_t n) {
    if (pos_ > 0 && pos_ >= out_.size() / 2) {
      out_.erase(0, pos_);
      out_base_ += pos_;
      pos_ = 0;
    }
    while (out_.size() - pos_ < n) {
      if (state_ != StreamState::kOk || !Produce()) return false;
    }
    return true;
  }

  void Consume(size_t n) { pos_ += std::min(n, out_.size() - pos_); }

  // Appends the next n bytes to *out (or drops them when out is null). False if the stream
  // stopped first.
  bool Take(size_t n, std::string* out) {
    while (n > 0) {
      if (pos_ == out_.size() && !Fill(1)) return false;
      size_t k = std::min(n, out_.size() - pos_);
      if (out) out->append(out_, pos_, k);
      pos_ += k;
      n -= k;
    }
    return true;
  }

  // Offset in the decompressed stream of the next unread byte.
  uint64_t Offset() const { return out_base_ + pos_; }
  // Where a record starts: remembered so that a plain file can resynchronise after it.
  void MarkRecordStart() { record_start_ = Offset(); }
  // Byte offset in the file of the gzip member being read (gzip), or of the record (plain).
  uint64_t RecordFileOffset() const { return gzip_ ? member_start_ : record_start_; }

  // After an error: drops what is buffered and moves to the next gzip member (or, in a plain
  // file, the next "WARC/1." line) that starts a WARC record. False at the end of the file.
  bool Resync() {
    uint64_t from = (gzip_ ? member_start_ : record_start_) + 1;
    out_.clear();
    pos_ = 0;
    in_pos_ = in_len_ = 0;
    in_member_ = false;
    state_ = StreamState::kOk;
    error_.clear();
    std::string buf(kChunk + 8, '\0'), err;
    for (uint64_t off = from;;) {
      long got = raw_->ReadAt(off, buf.data(), buf.size(), &err);
      if (got <= 0) break;
      std::string_view b(buf.data(), static_cast<size_t>(got));
      for (size_t i = 0; i < b.size(); ++i) {
        if (gzip_) {
          if (b[i] == '\x1f' && i + 3 < b.size() && b[i + 1] == '\x8b' && b[i + 2] == '\x08' &&
              (static_cast<unsigned char>(b[i + 3]) & 0xE0) == 0 && Probe(off + i)) {
            return Restart(off + i);
          }
        } else if (b.substr(i, 7) == "WARC/1." && (off + i == 0 || (i > 0 && b[i - 1] == '\n'))) {
          return Restart(off + i);
        }
      }
      if (static_cast<size_t>(got) < buf.size()) break;
      off += static_cast<uint64_t>(got) - 8;  // overlap so a header across two reads is seen
    }
    state_ = StreamState::kEnd;
    return false;
  }

 private:
  // Moves the reading position to `offset` in the file, at a member (or record) start.
  bool Restart(uint64_t offset) {
    raw_off_ = offset;
    out_base_ = gzip_ ? 0 : offset;
    return true;
  }

  // True when a gzip member at `offset` inflates to something starting with "WARC/".
  bool Probe(uint64_t offset) {
    std::string in(kProbeBytes, '\0'), err;
    long got = raw_->ReadAt(offset, in.data(), in.size(), &err);
    if (got <= 0) return false;
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 16) != Z_OK) return false;
    char out[5];
    zs.next_in = reinterpret_cast<Bytef*>(in.data());
    zs.avail_in = static_cast<uInt>(got);
    zs.next_out = reinterpret_cast<Bytef*>(out);
    zs.avail_out = sizeof out;
    int rc = inflate(&zs, Z_NO_FLUSH);
    bool ok = (rc == Z_OK || rc == Z_STREAM_END) && zs.avail_out == 0 && std::memcmp(out, "WARC/", 5) == 0;
    inflateEnd(&zs);
    return ok;
  }

  // Produces more output (possibly none); false when the stream stops (state_ says why).
  bool Produce() {
    if (in_pos_ == in_len_) {
      std::string err;
      long got = raw_->ReadAt(raw_off_, in_.data(), in_.size(), &err);
      if (got < 0) {
        state_ = StreamState::kIoError;
        error_ = err;
        return false;
      }
      if (got == 0) {
        if (in_member_) {
          state_ = StreamState::kTruncated;
          error_ = "truncated gzip member at byte offset " + std::to_string(member_start_) + " (the file ends inside it)";
        } else {
          state_ = StreamState::kEnd;
        }
        return false;
      }
      in_base_ = raw_off_;
      raw_off_ += static_cast<uint64_t>(got);
      in_len_ = static_cast<size_t>(got);
      in_pos_ = 0;
      if (!sniffed_) {
        sniffed_ = true;
        gzip_ = in_len_ >= 2 && in_[0] == '\x1f' && in_[1] == '\x8b';
      }
    }
    if (!gzip_) {
      out_.append(in_, in_pos_, in_len_ - in_pos_);
      in_pos_ = in_len_;
      return true;
    }
    if (!in_member_) {
      inflateReset(&zs_);
      member_start_ = in_base_ + in_pos_;
      in_member_ = true;
    }
    size_t old = out_.size();
    out_.resize(old + kChunk);
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    zs_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
    zs_.next_out = reinterpret_cast<Bytef*>(out_.data() + old);
    zs_.avail_out = static_cast<uInt>(kChunk);
    int rc = inflate(&zs_, Z_NO_FLUSH);
    in_pos_ = in_len_ - zs_.avail_in;
    out_.resize(old + kChunk - zs_.avail_out);
    if (rc == Z_STREAM_END) {
      in_member_ = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      // What this step produced came from the damaged data: drop it, so that nothing read ahead
      // (a record's look at what follows it) can take it for the next record.
      out_.resize(old);
      state_ = StreamState::kCorrupt;
      error_ = "corrupt gzip member at byte offset " + std::to_string(member_start_) + ": " +
               (zs_.msg ? zs_.msg : "invalid data");
      return false;
    }
    return true;
  }

  std::unique_ptr<RawBytes> raw_;
  z_stream zs_;
  std::string in_;            // compressed input window
  size_t in_pos_ = 0, in_len_ = 0;
  uint64_t in_base_ = 0;      // file offset of in_[0]
  uint64_t raw_off_ = 0;      // file offset of the next read
  bool sniffed_ = false, gzip_ = false, in_member_ = false;
  uint64_t member_start_ = 0;
  std::string out_;           // decompressed window; out_[pos_..] unread
  size_t pos_ = 0;
  uint64_t out_base_ = 0;     // stream offset of out_[0]
  uint64_t record_start_ = 0;
  StreamState state_ = StreamState::kOk;
  std::string error_;
};

// ---------------------------------------------------------------------------------------------
// HTTP payload.

// Header fields of a WARC or HTTP header block: the first value of each name, names lowercased.
struct HeaderFields {
  std::vector<std::pair<std::string, std::string>> fields;
  std::string_view Get(std::string_view name) const {
    for (const auto& [k, v] : fields) {
      if (k == name) return v;
    }
    return {};
  }
};

// Parses "Name: value" lines (continuation lines folded in). `block` excludes the first line.
HeaderFields ParseFields(std::string_view block) {
  HeaderFields h;
  while (!block.empty()) {
    size_t nl = block.find('\n');
    std::string_view line = block.substr(0, nl);
    block = nl == std::string_view::npos ? std::string_view() : block.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !h.fields.empty()) {
      h.fields.back().second += ' ';
      h.fields.back().second += Trim(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    h.fields.emplace_back(Lower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
  return h;
}

// End of a header block ("\r\n\r\n" or "\n\n"): the offset of the first body byte, or npos.
size_t HeaderEnd(std::string_view s, size_t from = 0) {
  for (size_t i = s.find('\n', from); i != std::string_view::npos; i = s.find('\n', i + 1)) {
    if (i + 1 < s.size() && s[i + 1] == '\n') return i + 2;
    if (i + 2 < s.size() && s[i + 1] == '\r' && s[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

// WHATWG MIME sniffing for HTML: after whitespace, one of these tags followed by space or '>'.
bool SniffsAsHtml(std::string_view body) {
  static constexpr std::string_view kTags[] = {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1",
                                               "<div", "<font", "<table", "<a", "<style", "<title", "<b",
                                               "<body", "<br", "<p", "<!--"};
  size_t i = 0;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' || body[i] == '\f')) ++i;
  std::string head = Lower(body.substr(i, 16));
  for (std::string_view tag : kTags) {
    if (head.size() > tag.size() && head.compare(0, tag.size(), tag) == 0) {
      char next = head[tag.size()];
      if (next == ' ' || next == '>' || tag == "<!--") return true;
    }
  }
  return false;
}

// Removes the HTTP chunked transfer coding. A body that does not parse as chunked is left as it
// is (crawlers often store the payload already de-chunked but keep the header); a body cut short
// keeps the chunks that arrived.
void Dechunk(std::string* body) {
  std::string out;
  std::string_view s(*body);
  size_t i = 0;
  bool first = true;
  while (i < s.size()) {
    size_t nl = s.find('\n', i);
    if (nl == std::string_view::npos) break;
    std::string_view line = Trim(s.substr(i, nl - i));
    line = line.substr(0, line.find(';'));
    size_t size = 0, digits = 0;
    for (char c : line) {
      int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (v < 0 || digits > 12) {
        digits = 0;
        break;
      }
      size = size * 16 + static_cast<size_t>(v);
      ++digits;
    }
    if (digits == 0) {
      if (first) return;  // not chunked after all
      break;
    }
    first = false;
    i = nl + 1;
    if (size == 0) break;
    if (size > s.size() - i) {  // cut short: keep what arrived
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, size));
    i += size;
    if (s.substr(i, 2) == "\r\n") {
      i += 2;
    } else if (s.substr(i, 1) == "\n") {
      i += 1;
    }
  }
  *body = std::move(out);
}

// Inflates a gzip / zlib / raw-deflate body. kLimitExceeded past `limit`, kCorruptData if broken.
Status Inflate(std::string* body, int window_bits, size_t limit, const std::string& source, bool* failed_at_start) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, window_bits) != Z_OK) return Status::Internal(source, "zlib initialisation failed");
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(body->data());
  zs.avail_in = static_cast<uInt>(body->size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    size_t old = out.size();
    out.resize(old + kChunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + old);
    zs.avail_out = static_cast<uInt>(kChunk);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.resize(old + kChunk - zs.avail_out);
    if (out.size() > limit) {
      inflateEnd(&zs);
      return Status::LimitExceeded(source, "page larger than the " + LimitText(limit) + " page limit once decompressed");
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) rc = Z_STREAM_END;  // cut short: keep what arrived
  }
  *failed_at_start = rc != Z_STREAM_END && out.empty();
  std::string msg = zs.msg ? zs.msg : "invalid data";
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) return Status::CorruptData(source, "corrupt compressed HTTP payload: " + msg);
  *body = std::move(out);
  return Status::Ok();
}

enum class Outcome { kPage, kSkip };

// The HTTP response in a WARC `response` block -> page (HTML, 2xx) or skip; an error for a page
// that cannot be decoded or is over the limit.
Result<Outcome> ReadHttpResponse(std::string block, const InputOptions& options, RawPage* page) {
  if (block.compare(0, 5, "HTTP/") != 0) return Outcome::kSkip;  // dns:, ftp: and other non-HTTP records
  size_t body_at = HeaderEnd(std::string_view(block).substr(0, kMaxHeaderBytes));
  if (body_at == std::string::npos) return Outcome::kSkip;  // no header end: no payload
  std::string_view head(block.data(), body_at);
  size_t eol = head.find('\n');
  std::string_view status_line = head.substr(0, eol);
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos || sp + 1 >= status_line.size() || status_line[sp + 1] != '2') return Outcome::kSkip;
  HeaderFields fields = ParseFields(head.substr(eol + 1));
  std::string content_type(fields.Get("content-type"));
  std::string media = Lower(Trim(std::string_view(content_type).substr(0, content_type.find(';'))));
  std::string transfer = Lower(fields.Get("transfer-encoding"));
  std::string coding = Lower(Trim(fields.Get("content-encoding")));

  block.erase(0, body_at);
  if (transfer.find("chunked") != std::string::npos) Dechunk(&block);
  if (!coding.empty() && coding != "identity") {
    bool failed_at_start = false;
    Status st;
    if (coding == "gzip" || coding == "x-gzip") {
      st = Inflate(&block, 15 + 32, options.max_page_bytes, page->source, &failed_at_start);
    } else if (coding == "deflate") {
      st = Inflate(&block, 15 + 32, options.max_page_bytes, page->source, &failed_at_start);
      if (!st.ok() && failed_at_start) st = Inflate(&block, -15, options.max_page_bytes, page->source, &failed_at_start);
    } else if (!SniffsAsHtml(block)) {
      return Status::InvalidInput(page->source, "unsupported HTTP Content-Encoding '" + coding + "'");
    }
    // Servers do send plain pages labelled as compressed: keep those as they are.
    if (!st.ok() && !(failed_at_start && SniffsAsHtml(block))) return st;
  }
  if (block.empty()) return Outcome::kSkip;
  if (media.empty() ? !SniffsAsHtml(block) : (media != "text/html" && media != "application/xhtml+xml")) {
    return Outcome::kSkip;
  }
  if (block.size() > options.max_page_bytes) {
    return Status::LimitExceeded(page->source, "page larger than the " + LimitText(options.max_page_bytes) + " page limit");
  }
  page->bytes = std::move(block);
  page->content_type = std::move(content_type);
  return Outcome::kPage;
}

// ---------------------------------------------------------------------------------------------
// Records.

// When `a` (a record's block and what follows it) does not continue after `length` bytes with
// the record separator and then the next record (or the end), the offset in `a` of the first
// "WARC/1." line inside the declared block, which is where the record really ended; otherwise
// nullopt (also when no record header is found: then the length is taken as declared).
std::optional<size_t> NextRecordInside(std::string_view a, uint64_t length) {
  if (a.size() >= length) {
    std::string_view after = a.substr(length);
    size_t k = 0;
    while (k < after.size() && k < 4 && (after[k] == '\r' || after[k] == '\n')) ++k;
    after.remove_prefix(k);
    const size_t n = std::min<size_t>(after.size(), 5);
    if (after.substr(0, n) == std::string_view("WARC/").substr(0, n)) return std::nullopt;
  }
  std::string_view block = a.substr(0, static_cast<size_t>(std::min<uint64_t>(length, a.size())));
  for (size_t at = block.find("\nWARC/1."); at != std::string_view::npos; at = block.find("\nWARC/1.", at + 1)) {
    // A record header follows a blank line (the separator "\r\n\r\n" of the record before).
    if (at >= 1 && (block[at - 1] == '\n' || (at >= 2 && block[at - 1] == '\r' && block[at - 2] == '\n'))) {
      return at + 1;
    }
  }
  return std::nullopt;
}

class WarcReader : public RecordReader {
 public:
  WarcReader(std::string name, std::unique_ptr<RawBytes> raw, InputOptions options)
      : name_(std::move(name)), stream_(std::move(raw)), options_(options) {}

  std::optional<Result<RawPage>> Next() override {
    while (!done_) {
      std::optional<Result<RawPage>> r = ReadRecord();
      if (r) return r;
    }
    return std::nullopt;
  }

 private:
  std::string Source() const { return name_ + "#" + std::to_string(n_); }

  // An error for the current record (counted now if its header was not read), then the stream
  // moves to the next record it can find.
  Result<RawPage> FailAndResync(StatusCode code, const std::string& what, bool counted) {
    if (!counted) ++n_;
    Status st(code, Source() + ": " + what);
    if (!stream_.Resync()) done_ = true;
    return st;
  }

  // The stream stopped inside a record: an error (or nothing at a clean end).
  std::optional<Result<RawPage>> StreamStopped(bool counted) {
    switch (stream_.state()) {
      case StreamState::kCorrupt:
        return FailAndResync(StatusCode::kCorruptData, stream_.error(), counted);
      case StreamState::kTruncated:
        done_ = true;
        if (!counted) ++n_;
        return Result<RawPage>(Status::CorruptData(Source(), stream_.error()));
      case StreamState::kIoError:
        done_ = true;
        return Result<RawPage>(Status::IoError(name_, stream_.error()));
      default:
        done_ = true;
        if (!counted) ++n_;
        return Result<RawPage>(Status::CorruptData(Source(), "truncated WARC record (the file ends inside it)"));
    }
  }

  // One record: a page, an error, or nullopt for a record skipped (or the end: see done_).
  std::optional<Result<RawPage>> ReadRecord() {
    // Records are separated by CRLF CRLF; tolerate any run of blank lines.
    for (;;) {
      std::string_view a = stream_.Available();
      size_t skip = 0;
      while (skip < a.size() && (a[skip] == '\r' || a[skip] == '\n')) ++skip;
      stream_.Consume(skip);
      if (skip < a.size()) break;
      if (!stream_.Fill(1)) {
        if (stream_.state() == StreamState::kEnd) {
          done_ = true;
          return std::nullopt;
        }
        return StreamStopped(false);
      }
    }
    stream_.MarkRecordStart();
    uint64_t record_offset = stream_.Offset();
    size_t header_len = std::string_view::npos;
    for (size_t scanned = 0;;) {
      std::string_view a = stream_.Available();
      if (a.size() >= 5 && a.substr(0, 5) != "WARC/") {
        return FailAndResync(StatusCode::kCorruptData,
                             "not a WARC record at byte offset " +
                                 std::to_string(stream_.gzip() ? stream_.RecordFileOffset() : record_offset) +
                                 (stream_.gzip() ? " (gzip member)" : ""),
                             false);
      }
      header_len = HeaderEnd(a, scanned);
      if (header_len != std::string_view::npos) break;
      if (a.size() > kMaxHeaderBytes) {
        return FailAndResync(StatusCode::kCorruptData, "WARC header longer than " + LimitText(kMaxHeaderBytes), false);
      }
      scanned = a.size() > 2 ? a.size() - 2 : 0;
      if (!stream_.Fill(a.size() + 1)) return StreamStopped(false);
    }
    ++n_;
    std::string_view a = stream_.Available();
    std::string_view first_line = a.substr(0, a.find('\n'));
    HeaderFields fields = ParseFields(a.substr(first_line.size() + 1, header_len - first_line.size() - 1));
    std::string type = Lower(fields.Get("warc-type"));
    std::string url(fields.Get("warc-target-uri"));
    if (url.size() >= 2 && url.front() == '<' && url.back() == '>') url = url.substr(1, url.size() - 2);
    std::string_view length_field = fields.Get("content-length");
    uint64_t length = 0;
    bool length_ok = !length_field.empty() && length_field.size() <= 18;
    for (char c : length_field) {
      if (!std::isdigit(static_cast<unsigned char>(c))) length_ok = false;
      else length = length * 10 + static_cast<uint64_t>(c - '0');
    }
    stream_.Consume(header_len);
    if (!length_ok) {
      return FailAndResync(StatusCode::kCorruptData, "WARC record without a valid Content-Length", true);
    }

    bool wanted = type == "response";
    if (length > options_.max_record_bytes) {
      if (!stream_.Take(length, nullptr)) return StreamStopped(true);
      if (!wanted) return std::nullopt;
      return Result<RawPage>(Status::LimitExceeded(
          Source(), "WARC record over the " + LimitText(options_.max_record_bytes) + " record limit (" +
                        std::to_string(length) + " bytes)"));
    }
    // A Content-Length longer than the record would take the next record's header and block into
    // this one: look at what follows the declared block, and when it is not the record
    // separator, end this record at the next record header inside it (an error for this record).
    stream_.Fill(length + 4 + 5);
    if (std::optional<size_t> next = NextRecordInside(stream_.Available(), length)) {
      stream_.Consume(*next);
      return Result<RawPage>(Status::CorruptData(
          Source(), "WARC Content-Length (" + std::to_string(length) +
                        " bytes) runs past the end of the record (the next record starts after " +
                        std::to_string(*next) + " bytes)"));
    }
    if (!wanted) {
      if (!stream_.Take(length, nullptr)) return StreamStopped(true);
      return std::nullopt;
    }
    std::string block;
    block.reserve(length);
    if (!stream_.Take(length, &block)) return StreamStopped(true);

    RawPage page;
    page.source = Source();
    page.url = std::move(url);
    Result<Outcome> outcome = ReadHttpResponse(std::move(block), options_, &page);
    if (!outcome.ok()) return Result<RawPage>(outcome.status());
    if (*outcome == Outcome::kSkip) return std::nullopt;
    return Result<RawPage>(std::move(page));
  }

  std::string name_;
  RecordStream stream_;
  InputOptions options_;
  size_t n_ = 0;  // records started so far, every WARC-Type counted
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<RecordReader>> OpenWarcReader(const std::string& path, const InputOptions& options) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path, std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    return Status::IoError(path, std::strerror(e));
  }
  if (S_ISDIR(st.st_mode)) {
    close(fd);
    return Status::InvalidInput(path, "is a directory, not a WARC file");
  }
  auto raw = std::make_unique<FileBytes>(fd, S_ISREG(st.st_mode));
  return std::unique_ptr<RecordReader>(std::make_unique<WarcReader>(path, std::move(raw), options));
}

Result<std::unique_ptr<RecordReader>> OpenWarcReaderFromBytes(const std::string& source, std::string bytes,
                                                              const InputOptions& options) {
  auto raw = std::make_unique<MemoryBytes>(std::move(bytes));
  return std::unique_ptr<RecordReader>(std::make_unique<WarcReader>(source, std::move(raw), options));
}

}  // namespace eventmill::io
