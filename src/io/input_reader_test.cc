#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "eventmill/input.h"

namespace eventmill {
namespace {

namespace fs = std::filesystem;

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

class InputReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("input_reader_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  // "source" for pages, "!message" for errors, in order.
  std::vector<std::string> ReadAll(std::vector<std::string> inputs) {
    std::vector<std::string> out;
    InputReader reader(std::move(inputs));
    while (auto r = reader.Next()) out.push_back(r->ok() ? (*r)->source : "!" + r->status().message());
    return out;
  }
  fs::path dir_;
};

TEST_F(InputReaderTest, ReadsGzipJsonlMembersAndIgnoresTrailingBytes) {
  std::string a = Write("a.jsonl.gz", Gzip("{\"text\":\"one\"}\n") + Gzip("{\"text\":\"two\"}\n") + "junk\n");
  EXPECT_EQ(ReadAll({a}), (std::vector<std::string>{a + "#1", a + "#2"}));
}

TEST_F(InputReaderTest, ATruncatedGzipPageIsOneErrorNamingIt) {
  std::string gz = Gzip("<html><body><p>" + std::string(5000, 'x') + "</p></body></html>");
  std::string p = Write("cut.html.gz", gz.substr(0, gz.size() / 2));
  std::string ok = Write("ok.html", "<p>fine</p>");
  auto got = ReadAll({p, ok});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "!" + p + ": corrupt gzip data: unexpected end of file");
  EXPECT_EQ(got[1], ok);
}

TEST_F(InputReaderTest, RejectsEmptyAndBinaryPagesWhateverTheReader) {
  std::string empty = Write("empty.html", "");
  std::string png = Write("logo.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string jsonl = Write("r.jsonl", "{\"text\":\"\"}\n{\"text\":\"fine\"}\n");
  auto got = ReadAll({empty, png, jsonl});
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0], "!" + empty + ": empty input");
  EXPECT_EQ(got[1], "!" + png + ": binary content, not text (PNG)");
  EXPECT_EQ(got[2], "!" + jsonl + "#1: empty input");
  EXPECT_EQ(got[3], jsonl + "#2");
}

TEST_F(InputReaderTest, AppliesThePageLimitToEveryReader) {
  std::string big = "<p>" + std::string(3000, 'x') + "</p>";
  std::string page = Write("big.html", big);
  std::string jsonl = Write("big.jsonl", "{\"html\":\"" + big + "\"}\n{\"html\":\"<p>small</p>\"}\n");
  std::vector<std::string> got;
  InputReader reader({page, jsonl}, {.max_page_bytes = 2000, .max_record_bytes = 1 << 20});
  while (auto r = reader.Next()) got.push_back(r->ok() ? (*r)->source : "!" + r->status().message());
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "!" + page + ": larger than the 2000 bytes page limit");
  EXPECT_EQ(got[1], "!" + jsonl + "#1: larger than the 2000 bytes page limit");
  EXPECT_EQ(got[2], jsonl + "#2");
}

TEST_F(InputReaderTest, WalksDirectoriesInPathOrderAndNamesEmptyOnes) {
  Write("site/b.html", "<p>b</p>");
  Write("site/a/z.html", "<p>z</p>");
  Write("site/.hidden/x.html", "<p>x</p>");
  fs::create_directories(dir_ / "nothing");
  auto got = ReadAll({(dir_ / "site").string(), (dir_ / "nothing").string()});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], (dir_ / "site/a/z.html").string());
  EXPECT_EQ(got[1], (dir_ / "site/b.html").string());
  EXPECT_EQ(got[2], "!" + (dir_ / "nothing").string() + ": directory holds no input files");
}

TEST_F(InputReaderTest, RecognisesAWarcByItsFirstBytes) {
  std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>hi</p></html>";
  std::string rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/\r\nContent-Length: " +
                    std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  std::string p = Write("download-1", Gzip(rec));
  EXPECT_EQ(ReadAll({p}), (std::vector<std::string>{p + "#1"}));
}

TEST_F(InputReaderTest, AMissingPathOrDanglingLinkIsNamed) {
  fs::create_symlink(dir_ / "nowhere.html", dir_ / "link.html");
  std::string link = (dir_ / "link.html").string();
  auto got = ReadAll({link});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "!" + link + ": no such file or directory");
}

}  // namespace
}  // namespace eventmill
