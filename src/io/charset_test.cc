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
  // 0xFF is not defined in ISO 8859-7; a truncated Shift_JIS pair ends the second input.
  auto r = Decode("<p>\xD0\xF1\xFF\xE9</p>", "text/html; charset=iso-8859-7");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "<p>Πρ\xEF\xBF\xBDι</p>");
  // windows-1251 0x98 is U+0098 in the WHATWG index (as browsers read it), not a replacement.
  auto w = Decode("<p>\xCF\xF0\x98\xE8</p>", "text/html; charset=windows-1251");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->text, "<p>Пр\xC2\x98и</p>");
  auto s = Decode("<p>\x93\xFA\x96", "text/html; charset=shift_jis");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(text::IsValidUtf8(s->text));
  EXPECT_EQ(s->text, "<p>日\xEF\xBF\xBD");
}

// Our own sentences, each in the legacy charsets that carry its script, declared as pages do.
TEST(DecodeToUtf8, ReadsOurSentencesInEachDeclaredLegacyCharset) {
  struct Case {
    const char* encode_as;  // glibc iconv name that builds the input
    const char* label;      // what the page declares
    std::string sentence;
  };
  const std::string polish = "Demonstranci zebrali się przed sądem w Łodzi; policja użyła gazu.";
  const std::string greek = "Διαδηλωτές συγκεντρώθηκαν έξω από το δικαστήριο της Αθήνας.";
  const std::string turkish = "Göstericiler perşembe günü İzmir'de adliye önünde toplandı.";
  const std::string hebrew = "מפגינים התאספו מול בית המשפט בחיפה.";
  const std::string arabic = "تجمع المتظاهرون أمام مبنى المحكمة في حلب.";
  const std::string latvian = "Protestētāji pulcējās pie tiesas ēkas Rīgā.";
  const std::string ukrainian = "Протестувальники зібралися біля будівлі суду в Києві та Львові.";
  const std::string chinese_s = "抗议者周四聚集在首都的法院前，警方逮捕了十二人。";
  const std::string chinese_t = "抗議者週四聚集在首都的法院前，警方逮捕了十二人。";
  const std::string korean = "시위대가 목요일 수도의 법원 앞에 모였고 경찰은 열두 명을 체포했다.";
  const std::string thai = "ผู้ประท้วงรวมตัวกันหน้าศาลเมื่อวันพฤหัสบดี";
  const std::string french = "Les manifestants ont payé 50 € devant l'hôtel de ville à Besançon.";
  const Case cases[] = {
      {"CP1250", "windows-1250", polish},      {"ISO-8859-2", "latin2", polish},
      {"CP1253", "windows-1253", greek},       {"ISO-8859-7", "greek", greek},
      {"CP1254", "iso-8859-9", turkish},       {"CP1255", "windows-1255", hebrew},
      {"CP1256", "windows-1256", arabic},      {"ISO-8859-6", "iso-8859-6", arabic},
      {"CP1257", "windows-1257", latvian},     {"KOI8-U", "koi8-u", ukrainian},
      {"CP1251", "cp1251", kRussian},          {"KOI8-R", "koi8-r", kRussian},
      {"ISO-8859-5", "iso-8859-5", kRussian},  {"IBM866", "cp866", kRussian},
      {"GB18030", "gb2312", chinese_s},        {"GB18030", "gb18030", chinese_s + " 😀"},
      {"BIG5-HKSCS", "big5", chinese_t},       {"CP949", "euc-kr", korean},
      {"EUC-JP", "euc-jp", kJapanese},         {"CP932", "shift_jis", kJapanese},
      {"ISO-2022-JP", "iso-2022-jp", kJapanese}, {"CP874", "tis-620", thai},
      {"ISO-8859-15", "iso-8859-15", french},  {"MACINTOSH", "mac", french},
  };
  for (const Case& c : cases) {
    std::string page = Page("", c.sentence);
    auto r = Decode(Encode(page, c.encode_as), std::string("text/html; charset=") + c.label);
    ASSERT_TRUE(r.ok()) << c.label;
    EXPECT_EQ(r->text, page) << c.label;
    EXPECT_TRUE(text::IsValidUtf8(r->text)) << c.label;
  }
}

TEST(DecodeToUtf8, ReadsHandWrittenLegacyBytes) {
  // Bytes written out by hand, so that no converter checks itself.
  auto koi = Decode("<p>\xED\xC9\xD2</p>", "text/html; charset=koi8-r");
  ASSERT_TRUE(koi.ok());
  EXPECT_EQ(koi->text, "<p>Мир</p>");
  auto greek = Decode("<p>\xC1\xE8\xDE\xED\xE1</p>", "text/html; charset=iso-8859-7");
  ASSERT_TRUE(greek.ok());
  EXPECT_EQ(greek->text, "<p>Αθήνα</p>");
  auto big5 = Decode("<p>\xA4\xA4\xA4\xE5</p>", "text/html; charset=big5");
  ASSERT_TRUE(big5.ok());
  EXPECT_EQ(big5->text, "<p>中文</p>");
  auto korean = Decode("<p>\xC7\xD1\xB1\xB9</p>", "text/html; charset=euc-kr");
  ASSERT_TRUE(korean.ok());
  EXPECT_EQ(korean->text, "<p>한국</p>");
  auto quotes = Decode("<p>\x93Peace\x94 \x96 now\x85</p>", "text/html; charset=windows-1252");
  ASSERT_TRUE(quotes.ok());
  EXPECT_EQ(quotes->text, "<p>“Peace” – now…</p>");
}

TEST(DecodeToUtf8, AStatefulCharsetStartsAfreshOnEachPage) {
  // The first page ends inside an ISO-2022-JP kanji shift; the next page's ASCII must read as ASCII.
  auto first = Decode("<p>\x1B$BF|\x4B\x5C", "text/html; charset=iso-2022-jp");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->text, "<p>日本");
  auto second = Decode("<p>Tokyo</p>", "text/html; charset=iso-2022-jp");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->text, "<p>Tokyo</p>");
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
