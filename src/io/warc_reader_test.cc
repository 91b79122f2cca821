#include "io/warc_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <vector>

namespace eventmill::io {
namespace {

std::string Gzip(const std::string& data) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Record(const std::string& type, const std::string& uri, const std::string& block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:x>\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string Http(const std::string& body, const std::string& headers = "Content-Type: text/html; charset=utf-8\r\n",
                 int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\n" + headers + "\r\n" + body;
}

// A warcinfo, then a request and a response per page: pages are records 3, 5, 7, ...
std::vector<std::string> Crawl(int pages) {
  std::vector<std::string> records = {Record("warcinfo", "", "software: test\r\n")};
  for (int i = 0; i < pages; ++i) {
    std::string uri = "http://news.test/" + std::to_string(i);
    records.push_back(Record("request", uri, "GET / HTTP/1.1\r\n\r\n"));
    records.push_back(Record("response", uri, Http("<html><body><p>Page " + std::to_string(i) + "</p></body></html>")));
  }
  return records;
}

std::string Members(const std::vector<std::string>& records) {
  std::string out;
  for (const auto& r : records) out += Gzip(r);
  return out;
}

struct Read {
  std::vector<RawPage> pages;
  std::vector<std::string> errors;
};

Read ReadAll(std::string bytes, InputOptions options = {}) {
  Read out;
  auto reader = OpenWarcReaderFromBytes("crawl.warc.gz", std::move(bytes), options);
  EXPECT_TRUE(reader.ok());
  for (int guard = 0; guard < 10000; ++guard) {
    auto r = (*reader)->Next();
    if (!r) return out;
    if (r->ok()) out.pages.push_back(std::move(**r));
    else out.errors.push_back(r->status().message());
  }
  ADD_FAILURE() << "reader does not end";
  return out;
}

TEST(WarcReader, YieldsHtmlResponsesNamedByRecordOrdinal) {
  Read r = ReadAll(Members(Crawl(3)));
  ASSERT_EQ(r.pages.size(), 3u);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.pages[0].source, "crawl.warc.gz#3");
  EXPECT_EQ(r.pages[2].source, "crawl.warc.gz#7");
  EXPECT_EQ(r.pages[1].url, "http://news.test/1");
  EXPECT_EQ(r.pages[1].content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.pages[1].bytes, "<html><body><p>Page 1</p></body></html>");
}

// Issue 18.2: a Content-Length longer than its record must not take the next record's header and
// story into this page; the error names this record, and the next record is read as usual.
TEST(WarcReader, TooLongContentLengthDoesNotSwallowTheNextRecord) {
  std::vector<std::string> records = Crawl(3);  // pages #3, #5, #7
  std::string& bad = records[2];                // the response #3
  const std::string declared = "Content-Length: ";
  size_t at = bad.find(declared) + declared.size();
  size_t end = bad.find("\r\n", at);
  const size_t real = std::stoul(bad.substr(at, end - at));
  bad.replace(at, end - at, std::to_string(real + 400));
  for (bool gzip : {false, true}) {
    std::string bytes;
    for (const auto& rec : records) bytes += gzip ? Gzip(rec) : rec;
    Read r = ReadAll(bytes);
    ASSERT_EQ(r.errors.size(), 1u) << gzip;
    EXPECT_NE(r.errors[0].find("crawl.warc.gz#3: WARC Content-Length"), std::string::npos) << r.errors[0];
    ASSERT_EQ(r.pages.size(), 2u) << gzip;
    EXPECT_EQ(r.pages[0].source, "crawl.warc.gz#5");
    EXPECT_EQ(r.pages[0].bytes, "<html><body><p>Page 1</p></body></html>");
    EXPECT_EQ(r.pages[1].source, "crawl.warc.gz#7");
  }
  // Also when the declared length runs past the end of the file.
  std::vector<std::string> last = Crawl(2);
  std::string& tail = last[2];
  at = tail.find(declared) + declared.size();
  end = tail.find("\r\n", at);
  tail.replace(at, end - at, "999999");
  std::string bytes;
  for (const auto& rec : last) bytes += rec;
  Read r = ReadAll(bytes);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("crawl.warc.gz#3:"), std::string::npos) << r.errors[0];
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].source, "crawl.warc.gz#5");
}

TEST(WarcReader, ReadsPlainAndSingleMemberFiles) {
  std::string plain;
  for (const auto& rec : Crawl(2)) plain += rec;
  Read a = ReadAll(plain);
  ASSERT_EQ(a.pages.size(), 2u);
  EXPECT_EQ(a.pages[1].source, "crawl.warc.gz#5");
  Read b = ReadAll(Gzip(plain));
  ASSERT_EQ(b.pages.size(), 2u);
  EXPECT_EQ(b.pages[1].bytes, a.pages[1].bytes);
}

TEST(WarcReader, SkipsNonHtmlFailedAndNonResponseRecords) {
  std::vector<std::string> records = {
      Record("response", "http://a.test/img", Http("\x89PNG....", "Content-Type: image/png\r\n")),
      Record("response", "http://a.test/gone", Http("<html>gone</html>", "Content-Type: text/html\r\n", 404)),
      Record("response", "http://a.test/moved", Http("", "Location: /x\r\n", 301)),
      Record("metadata", "http://a.test/", "fetchTimeMs: 10\r\n"),
      Record("revisit", "http://a.test/", Http("")),
      Record("response", "http://a.test/xhtml", Http("<html/>", "Content-Type: application/xhtml+xml\r\n")),
      Record("response", "http://a.test/sniffed", Http("\n  <!DOCTYPE html><html></html>", "Server: x\r\n")),
  };
  Read r = ReadAll(Members(records));
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0].source, "crawl.warc.gz#6");
  EXPECT_EQ(r.pages[1].source, "crawl.warc.gz#7");
  EXPECT_EQ(r.pages[1].content_type, "");
}

TEST(WarcReader, DecodesChunkedAndGzipPayloads) {
  std::string html = "<html><body><p>" + std::string(3000, 'x') + "</p></body></html>";
  std::string chunked;
  for (size_t i = 0; i < html.size(); i += 1000) {
    std::string part = html.substr(i, 1000);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    chunked += std::string(size) + ";ext=1\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::vector<std::string> records = {
      Record("response", "http://a.test/c", Http(chunked, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n")),
      Record("response", "http://a.test/g", Http(Gzip(html), "Content-Type: text/html\r\nContent-Encoding: gzip\r\n")),
      Record("response", "http://a.test/cg",
             Http(Gzip(html), "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")),
  };
  Read r = ReadAll(Members(records));
  EXPECT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.pages.size(), 3u);
  for (const auto& p : r.pages) EXPECT_EQ(p.bytes, html) << p.source;
}

// Regression: a chunk size past the end of the payload read out of range (found by fuzzing).
TEST(WarcReader, KeepsWhatArrivedOfAChunkedBodyCutShort) {
  std::string body = "f\r\n<html><p>Hello \r\nffff\r\nworld</p></html>";
  Read r = ReadAll(Members({Record(
      "response", "http://a.test/cut", Http(body, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"))}));
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].bytes, "<html><p>Hello world</p></html>");
}

TEST(WarcReader, ResynchronisesAfterACorruptMember) {
  std::vector<std::string> records = Crawl(3);  // pages at records 3, 5, 7
  std::string bytes;
  size_t corrupt_at = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    std::string member = Gzip(records[i]);
    if (i == 4) {  // the response of record 5
      corrupt_at = bytes.size();
      for (size_t j = member.size() / 2; j < member.size() / 2 + 8; ++j) member[j] ^= 0x5A;
    }
    bytes += member;
  }
  Read r = ReadAll(bytes);
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0].source, "crawl.warc.gz#3");
  EXPECT_EQ(r.pages[1].source, "crawl.warc.gz#7");
  EXPECT_EQ(r.pages[1].url, "http://news.test/2");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("crawl.warc.gz#5: corrupt gzip member at byte offset " + std::to_string(corrupt_at)),
            std::string::npos)
      << r.errors[0];
}

TEST(WarcReader, GarbageBetweenMembersIsOneErrorThenReadingGoesOn) {
  std::vector<std::string> records = Crawl(2);
  std::string bytes = Gzip(records[0]) + Gzip(records[1]) + Gzip(records[2]) + "garbage\x1f\x8b not a member" +
                      Gzip(records[3]) + Gzip(records[4]);
  Read r = ReadAll(bytes);
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.pages[1].url, "http://news.test/1");
}

TEST(WarcReader, TruncatedFileIsAnErrorAndTheEnd) {
  std::string bytes = Members(Crawl(3));
  bytes.resize(bytes.size() - 20);
  Read r = ReadAll(bytes);
  EXPECT_EQ(r.pages.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("crawl.warc.gz#7: truncated gzip member"), std::string::npos) << r.errors[0];

  std::string plain;
  for (const auto& rec : Crawl(2)) plain += rec;
  plain.resize(plain.size() - 30);
  Read p = ReadAll(plain);
  EXPECT_EQ(p.pages.size(), 1u);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_NE(p.errors[0].find("#5: truncated WARC record"), std::string::npos) << p.errors[0];
}

TEST(WarcReader, RecordsOverTheLimitFailAloneAndPagesOverThePageLimitToo) {
  std::vector<std::string> records = Crawl(2);
  records.insert(records.begin() + 1,
                 Record("response", "http://a.test/big", Http("<html>" + std::string(5000, 'b') + "</html>")));
  Read r = ReadAll(Members(records), {.max_page_bytes = 4000, .max_record_bytes = 1 << 20});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("crawl.warc.gz#2: page larger than"), std::string::npos) << r.errors[0];
  EXPECT_EQ(r.pages.size(), 2u);
  Read s = ReadAll(Members(records), {.max_page_bytes = 4000, .max_record_bytes = 4000});
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_NE(s.errors[0].find("#2: WARC record over the"), std::string::npos) << s.errors[0];
  EXPECT_EQ(s.pages.size(), 2u);
}

TEST(WarcReader, StreamsAFileFromDisk) {
  char path[] = "/tmp/warc_reader_testXXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  {
    std::ofstream f(path, std::ios::binary);
    f << Members(Crawl(200));
  }
  auto reader = OpenWarcReader(path, {});
  ASSERT_TRUE(reader.ok());
  size_t n = 0;
  std::string last;
  while (auto r = (*reader)->Next()) {
    ASSERT_TRUE(r->ok()) << r->status().message();
    last = (*r)->source;
    ++n;
  }
  std::remove(path);
  EXPECT_EQ(n, 200u);
  EXPECT_EQ(last, std::string(path) + "#401");
}

// Random damage (flipped bytes, cut files, spliced garbage) never crashes or loops: the reader
// ends, every error names a record of this file, and pages never exceed the limits.
TEST(WarcReader, SurvivesRandomDamage) {
  const std::string good = Members(Crawl(20));
  std::string plain;
  for (const auto& rec : Crawl(5)) plain += rec;
  std::mt19937 rng(20220109);
  for (int round = 0; round < 400; ++round) {
    std::string bytes = round % 4 == 3 ? plain : good;
    int kind = round % 3;
    if (kind == 0) {
      for (int k = 0; k < 1 + round % 7; ++k) bytes[rng() % bytes.size()] ^= static_cast<char>(1 + rng() % 255);
    } else if (kind == 1) {
      bytes.resize(rng() % bytes.size());
    } else {
      size_t at = rng() % bytes.size();
      std::string junk(1 + rng() % 64, '\0');
      for (char& c : junk) c = static_cast<char>(rng());
      bytes.insert(at, junk);
    }
    Read r = ReadAll(bytes, {.max_page_bytes = 1 << 16, .max_record_bytes = 1 << 17});
    EXPECT_LE(r.pages.size(), 20u);
    for (const auto& e : r.errors) EXPECT_EQ(e.rfind("crawl.warc.gz", 0), 0u) << e;
    for (const auto& p : r.pages) EXPECT_LE(p.bytes.size(), size_t{1} << 16);
  }
}

}  // namespace
}  // namespace eventmill::io
