#include "io/charset.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <random>
#include <string>

#include "text/utf8.h"

namespace eventmill::io {
namespace {

// UTF-8 text -> bytes in `charset` (test input built with glibc iconv).
std::string Encode(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << charset;
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* o = out.data();
  size_t o_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &o, &o_left), static_cast<size_t>(-1)) << charset;
  iconv(cd, nullptr, nullptr, &o, &o_left);
  iconv_close(cd);
  out.resize(out.size() - o_left);
  return out;
}

const std::string kRussian =
    "Полиция задержала более пяти тысяч человек после беспорядков в Алматы, сообщило министерство "
    "внутренних дел. По словам заместителя акима города, в центре сожжены здания и автомобили, "
    "а жители просят восстановить порядок и связь. Власти объявили режим чрезвычайного положения.";
const std::string kJapanese =
    "警察は日曜日、首都で抗議者四十人を拘束したと発表した。政府は非常事態を宣言し、通信は一時的に遮断された。"
    "市民は商店の前に長い列を作り、価格の上昇に抗議している。";

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "<title>t</title></head><body><p>" + body + "</p></body></html>";
}

Result<DecodedText> Decode(const std::string& bytes, std::string_view content_type = "", bool is_html = true) {
  return DecodeToUtf8(bytes, content_type, is_html, "page.html");
}

TEST(DecodeToUtf8, RejectsEmptyInputNamingTheSource) {
  auto r = Decode("");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(r.status().message(), "page.html: empty input");
}

TEST(DecodeToUtf8, RejectsBinaryByMagicAndByControlBytes) {
  for (std::string bytes : {std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), std::string("\x89PNG\r\n\x1a\nIHDR"),
                            std::string("\xFF\xD8\xFF\xE0JFIF"), std::string("PK\x03\x04\x14\x00", 6),
                            std::string("\x1F\x8B\x08\x00\x00\x00", 6)}) {
    auto r = Decode(bytes);
    ASSERT_FALSE(r.ok()) << bytes;
    EXPECT_NE(r.status().message().find("page.html: binary content, not text"), std::string::npos)
        << r.status().message();
  }
  std::string noisy;
  for (int i = 0; i < 4000; ++i) noisy.push_back(static_cast<char>((i * 37) % 256));
  EXPECT_FALSE(Decode(noisy).ok());
  EXPECT_FALSE(Decode(std::string("<html>\0\0\0\0<body>", 16)).ok());  // 16 bytes: the literal has no more
}

TEST(DecodeToUtf8, KeepsUtf8AndDropsItsBom) {
  auto r = Decode("\xEF\xBB\xBF" + Page("", kRussian));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->charset, "utf-8");
  EXPECT_EQ(r->text, Page("", kRussian));
}

TEST(DecodeToUtf8, ReadsUtf16WithByteOrderMarks) {
  std::string page = Page("", kRussian);
  auto le = Decode("\xFF\xFE" + Encode(page, "UTF-16LE"));
  ASSERT_TRUE(le.ok()) << le.status().message();
  EXPECT_EQ(le->charset, "utf-16le");
  EXPECT_EQ(le->text, page);
  auto be = Decode("\xFE\xFF" + Encode(page, "UTF-16BE"));
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(be->charset, "utf-16be");
  EXPECT_EQ(be->text, page);
}

TEST(DecodeToUtf8, FollowsTheHttpHeaderCharset) {
  std::string page = Page("", kRussian);
  auto r = Decode(Encode(page, "KOI8-R"), "text/html; charset=KOI8-R");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->charset, "koi8-r");
  EXPECT_EQ(r->text, page);
}

TEST(DecodeToUtf8, HttpHeaderWinsOverMeta) {
  std::string page = Page("<meta charset=\"koi8-r\">", kRussian);
  auto r = Decode(Encode(page, "CP1251"), "text/html;charset=\"windows-1251\"");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->charset, "windows-1251");
  EXPECT_EQ(r->text, page);
}

TEST(DecodeToUtf8, ReadsMetaCharsetAndHttpEquiv) {
  std::string a = Page("<meta charset=windows-1251>", kRussian);
  auto ra = Decode(Encode(a, "CP1251"));
  ASSERT_TRUE(ra.ok());
  EXPECT_EQ(ra->charset, "windows-1251");
  EXPECT_EQ(ra->text, a);

  std::string b = Page("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">", kJapanese);
  auto rb = Decode(Encode(b, "SHIFT_JIS"));
  ASSERT_TRUE(rb.ok());
  EXPECT_EQ(rb->charset, "shift_jis");
  EXPECT_EQ(rb->text, b);
}

TEST(DecodeToUtf8, IgnoresCharsetInCommentsAndContentWithoutHttpEquiv) {
  std::string page = Page("<!-- <meta charset=koi8-r> --><meta name=x content=\"charset=koi8-r\">"
                          "<meta charset='windows-1251'>",
                          kRussian);
  auto r = Decode(Encode(page, "CP1251"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->charset, "windows-1251");
  EXPECT_EQ(r->text, page);
}

TEST(DecodeToUtf8, ReadsLatin1LabelAsWindows1252) {
  // 0x80 is the euro sign in windows-1252, a C1 control in ISO 8859-1: browsers show the euro.
  auto r = Decode("<p>Caf\xE9 costs 5\x80</p>", "text/html; charset=ISO-8859-1");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->charset, "windows-1252");
  EXPECT_EQ(r->text, "<p>Café costs 5€</p>");
}

TEST(DecodeToUtf8, DetectsUndeclaredCyrillicAndJapanese) {
  std::string page = Page("", kRussian + " " + kRussian);
  auto w = Decode(Encode(page, "CP1251"));
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->charset, "windows-1251");
  EXPECT_EQ(w->text, page);
  auto k = Decode(Encode(page, "KOI8-R"));
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->charset, "koi8-r");
  EXPECT_EQ(k->text, page);
  std::string jp = Page("", kJapanese + kJapanese);
  auto s = Decode(Encode(jp, "SHIFT_JIS"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->charset, "shift_jis");
  EXPECT_EQ(s->text, jp);
}

TEST(DecodeToUtf8, PrefersValidUtf8OverAStaleLegacyLabel) {
  std::string page = Page("<meta charset=iso-8859-1>", kRussian);
  auto r = Decode(page, "text/html; charset=iso-8859-1");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->charset, "utf-8");
  EXPECT_EQ(r->text, page);
}

TEST(DecodeToUtf8, ReplacesInvalidUtf8Bytes) {
  std::string bytes = "<p>Алматы \xFF\xFE горит, \xC3 заявил \xE2\x82 министр</p>";
  auto r = Decode(bytes);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->charset, "utf-8");
  EXPECT_TRUE(text::IsValidUtf8(r->text));
  EXPECT_NE(r->text.find("Алматы \xEF\xBF\xBD\xEF\xBF\xBD горит"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("министр"), std::string::npos);

  auto declared = Decode("<meta charset=utf-8><p>bad \xC0\xAF byte</p>");
  ASSERT_TRUE(declared.ok());
  EXPECT_TRUE(text::IsValidUtf8(declared->text));
  EXPECT_NE(declared->text.find("bad \xEF\xBF\xBD"), std::string::npos);
}

TEST(DecodeToUtf8, ReplacesBytesTheDeclaredCharsetDoesNotDefine) {
  // 0x98 is unassigned in windows-1251; a truncated Shift_JIS pair ends the second input.
  auto r = Decode("<p>\xCF\xF0\x98\xE8</p>", "text/html; charset=windows-1251");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "<p>Пр\xEF\xBF\xBDи</p>");
  auto s = Decode("<p>\x93\xFA\x96", "text/html; charset=shift_jis");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(text::IsValidUtf8(s->text));
  EXPECT_EQ(s->text, "<p>日\xEF\xBF\xBD");
}

TEST(DecodeToUtf8, PlainTextSkipsTheMetaPrescan) {
  std::string text = "Not HTML: <meta charset=koi8-r> is only text here. " + kRussian;
  auto r = Decode(text, "", /*is_html=*/false);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->charset, "utf-8");
  EXPECT_EQ(r->text, text);
}

TEST(DecodeToUtf8, AlwaysGivesValidUtf8ForArbitraryBytes) {
  std::mt19937 rng(7);
  const char* types[] = {"", "text/html; charset=shift_jis", "text/html; charset=utf-16", "text/html; charset=euc-kr",
                         "text/html; charset=iso-2022-jp", "text/html; charset=bogus"};
  for (int round = 0; round < 600; ++round) {
    std::string bytes = "<html><head><meta charset=gb18030></head><body>";
    size_t n = 1 + rng() % 3000;
    for (size_t i = 0; i < n; ++i) {
      // Mostly high bytes and text, few control bytes, so that most inputs pass the binary check.
      unsigned v = rng() % 256;
      bytes.push_back(static_cast<char>(v < 32 && v != 10 ? 'a' + v % 26 : v));
    }
    if (round % 5 == 0) bytes = "\xFF\xFE" + bytes;
    auto r = DecodeToUtf8(bytes, types[round % 6], round % 2 == 0, "fuzz");
    if (r.ok()) {
      EXPECT_TRUE(text::IsValidUtf8(r->text)) << r->charset;
      EXPECT_EQ(r->text.find('\0'), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace eventmill::io
