#include "eventmill/extract.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

namespace eventmill {
namespace {

const Extractor& TheExtractor() {
  static Extractor* e = [] {
    auto r = Extractor::Create();
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return new Extractor(std::move(*r));
  }();
  return *e;
}

RawPage Html(std::string html, std::string source = "page.html") {
  RawPage p;
  p.source = std::move(source);
  p.bytes = std::move(html);
  return p;
}

// Issue 18.1: the main text is cut at the text limit, at a paragraph end, and says so; spans
// stay inside it. Plain text is cut before it is read.
TEST(Extractor, TextLimitCutsAtAParagraphAndSaysSo) {
  ExtractOptions options;
  options.max_text_bytes = 4000;
  auto e = Extractor::Create(options);
  ASSERT_TRUE(e.ok());
  std::string html = "<html><body><article>";
  for (int i = 0; i < 200; ++i) html += "<p>Police detained forty protesters in the capital on Sunday, number " + std::to_string(i) + ".</p>";
  html += "</article></body></html>";
  auto doc = e->Extract(Html(html));
  ASSERT_TRUE(doc.ok());
  EXPECT_LE(doc->text.size(), 4000u);
  EXPECT_GT(doc->text.size(), 3000u);
  EXPECT_EQ(doc->text.back(), '.');
  for (Span s : doc->paragraphs) EXPECT_LE(s.end, doc->text.size());
  bool said = false;
  for (const auto& d : doc->diagnostics) said |= d.message.find("truncated: main text") != std::string::npos;
  EXPECT_TRUE(said);
  RawPage text;
  text.source = "big.txt";
  text.is_text = true;
  for (int i = 0; i < 300; ++i) text.bytes += "A paragraph of plain text, number " + std::to_string(i) + ".\n\n";
  auto plain = e->Extract(text);
  ASSERT_TRUE(plain.ok());
  EXPECT_LE(plain->text.size(), 4000u);
  EXPECT_FALSE(plain->diagnostics.empty());
}

// Issue 18.4: a JSONL `published` that is not a real date is dropped, with a diagnostic.
// A date line labelled as the date of something else ("Deadline: ...") is not the page's date.
TEST(Extractor, ALabelledDateOfSomethingElseIsNotThePagesDate) {
  // The first paragraph's links keep the dated line below out of the headline's own elements.
  const std::string body =
      "<p>The <a href='/c'>council</a> will <a href='/o'>open</a> the <a href='/l'>new library</a> to the "
      "<a href='/p'>public</a> next <a href='/s'>spring</a>, the <a href='/m'>mayor</a> said on "
      "<a href='/d'>Monday</a> after a <a href='/b'>long debate</a> about its cost and its place in the old "
      "town.</p>";
  auto doc = TheExtractor().Extract(Html("<html><body><article><h1>A library for the old town</h1>" + body +
                                         "<p>Deadline: 21.02.2020</p>" + body + "</article></body></html>"));
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->published);
  auto dated = TheExtractor().Extract(Html("<html><body><article><h1>A library for the old town</h1>" + body +
                                           "<p>21.02.2020</p>" + body + "</article></body></html>"));
  ASSERT_TRUE(dated.ok());
  ASSERT_TRUE(dated->published);
  EXPECT_EQ(*dated->published, "2020-02-21");
}

TEST(Extractor, ImpossiblePublishedDateIsDropped) {
  for (const char* bad : {"2022-02-30", "2022-13-45", "0000-00-00", "yesterday"}) {
    RawPage p = Html("<html><body><p>Police detained forty protesters in the capital on Sunday.</p></body></html>");
    p.published = bad;
    auto doc = TheExtractor().Extract(p);
    ASSERT_TRUE(doc.ok());
    EXPECT_FALSE(doc->published) << bad << " -> " << *doc->published;
  }
  RawPage good = Html("<html><body><p>Police detained forty protesters in the capital on Sunday.</p></body></html>");
  good.published = "2024-02-29";
  auto doc = TheExtractor().Extract(good);
  ASSERT_TRUE(doc.ok());
  ASSERT_TRUE(doc->published);
  EXPECT_EQ(doc->published->substr(0, 10), "2024-02-29");
}

const char kArticle[] =
    "<html lang='en'><head><title>Clashes in the capital | Example Wire</title>"
    "<meta property='og:site_name' content='Example Wire'></head><body>"
    "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
    "<article><h1>Clashes in the capital</h1>"
    "<p>KYIV, Jan 9, 2022 (Reuters) - Police detained at least 40 people after clashes in the capital on Sunday, "
    "officials said, as protests over fuel prices spread to several other cities.</p>"
    "<p>Witnesses said riot police used tear gas to disperse crowds gathered outside the parliament building "
    "late in the evening, and several people were taken to hospital.</p>"
    "<p>Source: Reuters, AFP</p><p><a href='https://x.invalid/'>Source link</a></p></article>"
    "<div class='comments'><p>Please enter your comment!</p></div></body></html>";

TEST(Extractor, HtmlPageGivesTextAndMetadata) {
  auto doc = TheExtractor().Extract(Html(kArticle));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->title, "Clashes in the capital");
  EXPECT_EQ(doc->site_name, "Example Wire");
  EXPECT_EQ(doc->language, "en");
  EXPECT_EQ(doc->published, "2022-01-09");
  EXPECT_EQ(doc->attributed_sources, (std::vector<std::string>{"Reuters", "AFP"}));
  EXPECT_EQ(doc->text.rfind("KYIV, Jan 9, 2022 (Reuters)", 0), 0u) << doc->text;
  EXPECT_EQ(doc->text.find("Source"), std::string::npos);
  EXPECT_EQ(doc->text.find("Please enter"), std::string::npos);
  EXPECT_EQ(doc->text.find("Home"), std::string::npos);
  ASSERT_EQ(doc->paragraphs.size(), 2u);
  EXPECT_EQ((*doc)[doc->paragraphs[1]].rfind("Witnesses said", 0), 0u);
  EXPECT_EQ(doc->text.substr(doc->paragraphs[0].end, 2), "\n\n");
  EXPECT_EQ(doc->id.size(), 16u);
}

// A headline repeated above the text with a date or kicker, and an image caption with its
// credit, are not text.
TEST(Extractor, DropsRepeatedHeadlineAndCaptions) {
  std::string html =
      "<html lang='en'><head><title>Curfew declared in the capital - Example Wire</title></head><body>"
      "<div class='x-article'><div class='x-kicker'>News | 09.01.2022 Curfew declared in the capital</div>"
      "<div class='x-text'><p>Officials in the city said on Sunday that the situation is stable, but that armed "
      "groups are still resisting the security forces deployed throughout the city.</p>"
      "<div class='x-img'>Soldiers at a checkpoint on Sunday. (Photo: Jane Roe/Reuters)</div>"
      "<p>The ministry said in a statement that more than five thousand people had been detained, among them "
      "foreigners, and that the operation would go on.</p></div></div></body></html>";
  auto doc = TheExtractor().Extract(Html(html));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text.rfind("Officials in the city", 0), 0u) << doc->text;
  EXPECT_EQ(doc->text.find("Soldiers at a checkpoint"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("five thousand"), std::string::npos);
}

// A box the page carries twice (mobile and desktop copies) is text once; a comment section
// labelled in German is not text.
TEST(Extractor, RepeatedBoxIsTextOnceAndKommentareAreNotText) {
  const std::string box = "<div class='x-box'><p>The commission was founded in 1998 and has nine members appointed "
                          "by parliament for six years.</p></div>";
  std::string html =
      "<html lang='en'><head><title>Curfew declared</title></head><body><div class='x-article'><div class='x-text'>"
      "<p>Officials in the city said on Sunday that the situation is stable, but that armed groups are still "
      "resisting the security forces deployed throughout the city.</p>" + box +
      "<p>The ministry said in a statement that more than five thousand people had been detained, among them "
      "foreigners, and that the operation would go on.</p>" + box +
      "</div><div class='kommentare'><div class='x-item'><p>Ich finde das alles übertrieben, die Lage war doch "
      "schon seit Tagen ruhig und niemand hat etwas davon gemerkt.</p></div></div></div></body></html>";
  auto doc = TheExtractor().Extract(Html(html));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const size_t first = doc->text.find("The commission was founded");
  ASSERT_NE(first, std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("The commission was founded", first + 1), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("übertrieben"), std::string::npos) << doc->text;
}

// Paragraphs of non-breaking spaces or rules and copyright lines are not text.
TEST(Extractor, DropsEmptyLookingParagraphsAndCopyrightLines) {
  std::string html =
      "<html lang='en'><head><title>Curfew declared</title></head><body><div class='x-text'>"
      "<p>Officials in the city said on Sunday that the situation is stable, but that armed groups are still "
      "resisting the security forces deployed throughout the city.</p><p>\xC2\xA0</p><p>------</p>"
      "<p>The ministry said in a statement that more than five thousand people had been detained, among them "
      "foreigners, and that the operation would go on.</p>"
      "<p>Copyright 2024 Example Television. All rights reserved. This material may not be published.</p>"
      "</div></body></html>";
  auto doc = TheExtractor().Extract(Html(html));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->paragraphs.size(), 2u) << doc->text;
  EXPECT_EQ(doc->text.find("Copyright"), std::string::npos) << doc->text;
}

// A label left at the very end, its content cut ("Sources:"), is not text; a label before the list
// it introduces is.
TEST(Extractor, DropsALabelLeftAtTheEnd) {
  const std::string body =
      "<p>Officials in the city said on Sunday that the situation is stable, but that armed groups are still "
      "resisting the security forces deployed throughout the city.</p>"
      "<p>The ministry said in a statement that more than five thousand people had been detained, among them "
      "foreigners, and that the operation would go on.</p>";
  auto doc = TheExtractor().Extract(Html("<html lang='en'><head><title>Curfew</title></head><body><div class='x'>" +
                                         body + "<p><strong>Sources:</strong></p></div></body></html>"));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text.find("Sources:"), std::string::npos) << doc->text;
  auto listed = TheExtractor().Extract(Html("<html lang='en'><head><title>Curfew</title></head><body><div class='x'>" +
                                            body + "<p>The ministry named three districts:</p><ul><li>Almaly, "
                                            "where the crowds gathered</li><li>Bostandyk, near the square</li>"
                                            "</ul></div></body></html>"));
  ASSERT_TRUE(listed.ok());
  EXPECT_NE(listed->text.find("three districts:"), std::string::npos) << listed->text;
}

// A script-rendered page whose article only readers without scripts see, in <noscript>.
TEST(Extractor, ReadsTheNoscriptArticleOfAnEmptyScriptPage) {
  std::string html =
      "<html lang='en'><head><title>Safer browsing</title></head><body><div class='x-post'>"
      "<script type='text/template'><p>template</p></script><noscript><p>Officials in the city said on Sunday "
      "that the situation is stable, but that armed groups are still resisting the security forces deployed "
      "throughout the city.</p><p>The ministry said in a statement that more than five thousand people had been "
      "detained, among them foreigners, and that the operation would go on.</p></noscript></div></body></html>";
  auto doc = TheExtractor().Extract(Html(html));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text.rfind("Officials in the city", 0), 0u) << doc->text;
  EXPECT_NE(doc->text.find("five thousand"), std::string::npos);
  // A page with its own text ignores its <noscript> (tracking pixels, "enable JavaScript").
  auto plain = TheExtractor().Extract(Html(kArticle + std::string("<noscript><p>Please enable JavaScript to view the "
                                                                    "comments powered by a service.</p></noscript>")));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->text.find("enable JavaScript"), std::string::npos);
}

TEST(Extractor, PlainTextPassesThroughByteForByte) {
  RawPage p;
  p.source = "a.txt";
  p.is_text = true;
  p.bytes = "Headline here\n\n  First paragraph, with  odd   spacing.\r\nSecond line.\n\n\nLast one.\n";
  auto doc = TheExtractor().Extract(p);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, p.bytes);
  EXPECT_TRUE(doc->plain_text_input);
  ASSERT_EQ(doc->paragraphs.size(), 3u);
  EXPECT_EQ((*doc)[doc->paragraphs[1]], "First paragraph, with  odd   spacing.\r\nSecond line.");
  EXPECT_EQ(doc->title, "Headline here");
}

TEST(Extractor, RecordTitleAndDateOverrideThePage) {
  RawPage p = Html(kArticle);
  p.title = "Given title";
  p.published = "2023-02-03";
  p.url = "https://example.org/x";
  auto doc = TheExtractor().Extract(p);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "Given title");
  EXPECT_EQ(doc->published, "2023-02-03");
  EXPECT_EQ(doc->url, "https://example.org/x");
}

TEST(Extractor, EmptyAndBinaryInputsAreErrorsNamingTheInput) {
  auto empty = TheExtractor().Extract(Html("", "empty.html"));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message().rfind("empty.html: ", 0), 0u);
  std::string binary(4096, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 7);
  auto bin = TheExtractor().Extract(Html(binary, "blob.html"));
  if (!bin.ok()) EXPECT_EQ(bin.status().message().rfind("blob.html: ", 0), 0u);
}

TEST(Extractor, OversizedPageIsLimitExceeded) {
  auto small = Extractor::Create(ExtractOptions{.max_page_bytes = 100});
  ASSERT_TRUE(small.ok());
  auto doc = small->Extract(Html(kArticle, "big.html"));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(doc.status().message().find("big.html"), std::string::npos);
}

TEST(Extractor, HundredThousandNestedElementsAreFastAndSafe) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep inside the page there is a paragraph of text that is long enough to count as an article.</p>";
  auto start = std::chrono::steady_clock::now();
  auto doc = TheExtractor().Extract(Html(html, "deep.html"));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("Deep inside"), std::string::npos);
  EXPECT_FALSE(doc->diagnostics.empty());
  EXPECT_LT(secs, 3.0);
}

TEST(Extractor, TruncatedHtmlAndInvalidUtf8GiveBestEffortText) {
  std::string html = std::string(kArticle).substr(0, 600) + "\xFF\xFE caf\xE9";
  auto doc = TheExtractor().Extract(Html(html, "cut.html"));
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("Police detained"), std::string::npos);
}

TEST(Extractor, LanguageIsDetectedWhenThePageDoesNotSay) {
  std::string html =
      "<html><body><article><p>Die Polizei nahm nach den Zusammenstößen in der Hauptstadt am Sonntag mindestens "
      "vierzig Menschen fest, teilten die Behörden mit, während sich die Proteste auf weitere Städte ausweiteten.</p>"
      "</article></body></html>";
  auto doc = TheExtractor().Extract(Html(html));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->language, "de");
}

// Dates and bylines between the standfirst and the body are metadata; the dates of a table of
// results further down are text.
TEST(Extractor, MetadataLinesAfterTheStandfirstGoTableCellsStay) {
  std::string html =
      "<html><body><article><h1>Regional championships</h1>"
      "<p>Athletes from twelve clubs met in the city stadium on Saturday for the regional youth championships, the "
      "first of the season, and several of them set new personal bests in front of five hundred spectators.</p>"
      "<ul class='info'><li>By Jane Roe</li><li>20.05.2007, 18:30</li></ul>"
      "<table><tr><td>19.05.2007</td><td>100 m</td><td>12,94</td></tr>"
      "<tr><td>20.05.2007</td><td>200 m</td><td>26,10</td></tr></table></article></body></html>";
  auto doc = TheExtractor().Extract(Html(html));
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("Athletes from twelve clubs"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Jane Roe"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("20.05.2007, 18:30"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("19.05.2007"), std::string::npos) << doc->text;
}

// The site named as the author yields to a person a later source names; alone, it stays. The date
// comes with its source and precision, and --explain says why.
TEST(Extractor, SiteAsAuthorYieldsToAPersonAndTheDateSaysWhereItCameFrom) {
  const std::string head =
      "<html lang='en'><head><title>Clashes in the capital | Example Wire</title>"
      "<meta property='og:site_name' content='Example Wire'><meta name='author' content='Example Wire'>"
      "<meta property='article:published_time' content='2022-01-09T14:26:31+02:00'>"
      "<link rel='canonical' href='https://example-wire.invalid/2022/01/09/clashes/'></head><body><article>"
      "<h1>Clashes in the capital</h1>";
  const std::string body =
      "<p>Police detained at least 40 people after clashes in the capital on Sunday, officials said, as "
      "protests over fuel prices spread to several other cities.</p></article></body></html>";
  auto doc = TheExtractor().Extract(Html(head + "<p class='byline'>By Jane Roe</p>" + body));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->authors, (std::vector<std::string>{"Jane Roe"}));
  EXPECT_EQ(doc->published, "2022-01-09T14:26:31+02:00");
  EXPECT_EQ(doc->published_precision, "time");
  EXPECT_EQ(doc->published_source, "meta article:published_time");
  bool explained = false;
  for (const std::string& x : doc->extract_explain) explained = explained || x.rfind("date: chose 2022-01-09", 0) == 0;
  EXPECT_TRUE(explained);
  auto alone = TheExtractor().Extract(Html(head + body));
  ASSERT_TRUE(alone.ok());
  EXPECT_EQ(alone->authors, (std::vector<std::string>{"Example Wire"}));
}

// Issue 17: an author named only after the story, by a label or by a signature line; a lone
// first name completed by a later source that gives the whole name.
TEST(Extractor, AuthorsAfterTheStoryAndCompletedFirstNames) {
  const std::string story =
      "<html lang='de'><head><title>Neue Radwege im Kreis</title></head><body><article><h1>Neue Radwege im Kreis</h1>"
      "<p>Der Kreistag hat am Dienstag beschlossen, bis zum kommenden Sommer vier neue Radwege zwischen den "
      "Gemeinden zu bauen, wie die Verwaltung mitteilte.</p>"
      "<p>Die Arbeiten sollen im Frühjahr beginnen; die Kosten trägt zum größten Teil das Land, hieß es weiter "
      "aus dem Landratsamt.</p>";
  auto labelled =
      TheExtractor().Extract(Html(story + "<p>Autorin: Jana Beispiel, Redakteurin</p></article></body></html>"));
  ASSERT_TRUE(labelled.ok());
  EXPECT_EQ(labelled->authors, (std::vector<std::string>{"Jana Beispiel"}));
  auto signed_story = TheExtractor().Extract(Html(story + "<p><b><i>Karl Muster</i></b></p></article></body></html>"));
  ASSERT_TRUE(signed_story.ok());
  EXPECT_EQ(signed_story->authors, (std::vector<std::string>{"Karl Muster"}));
  EXPECT_EQ(signed_story->text.find("Karl Muster"), std::string::npos);  // a signature, not text
  // Two words that are no name ("Mehr lesen") sign nothing.
  auto unsigned_story = TheExtractor().Extract(Html(story + "<p>mehr lesen</p></article></body></html>"));
  ASSERT_TRUE(unsigned_story.ok());
  EXPECT_TRUE(unsigned_story->authors.empty());
  auto first_name = TheExtractor().Extract(
      Html("<html><head><meta name='author' content='Karl'></head><body><article><h1>Neue Radwege im Kreis</h1>"
           "<p>Der Kreistag hat am Dienstag beschlossen, bis zum kommenden Sommer vier neue Radwege zwischen den "
           "Gemeinden zu bauen, wie die Verwaltung mitteilte.</p><p class='author'>Karl "
           "Muster</p></article></body></html>"));
  ASSERT_TRUE(first_name.ok());
  EXPECT_EQ(first_name->authors, (std::vector<std::string>{"Karl Muster"}));
  // A login is the name written without its accents and spaces.
  auto login = TheExtractor().Extract(
      Html("<html><head><meta name='author' content='jose_muller'></head><body><article><h1>Neue Radwege im Kreis</h1>"
           "<p>Der Kreistag hat am Dienstag beschlossen, bis zum kommenden Sommer vier neue Radwege zwischen den "
           "Gemeinden zu bauen, wie die Verwaltung mitteilte.</p><p class='author'>José Müller</p></article></body></html>"));
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->authors, (std::vector<std::string>{"José Müller"}));
  // No source gives the whole name, the page does (a licence line, a credit); a picture credit
  // is no byline.
  auto from_page = TheExtractor().Extract(
      Html("<html><head><meta name='author' content='Karl'></head><body><article><h1>Neue Radwege im Kreis</h1>"
           "<p class='author'>Foto: Hans Bild</p>"
           "<p>Der Kreistag hat am Dienstag beschlossen, bis zum kommenden Sommer vier neue Radwege zwischen den "
           "Gemeinden zu bauen, wie die Verwaltung mitteilte.</p></article>"
           "<footer><p>Text: Karl Muster, 2022</p></footer></body></html>"));
  ASSERT_TRUE(from_page.ok());
  EXPECT_EQ(from_page->authors, (std::vector<std::string>{"Karl Muster"}));
}

TEST(Extractor, ADatelineAfterTheStandfirstIsThePagesDate) {
  const std::string body =
      "<p>Der Kreistag baut vier neue Radwege.</p>"
      "<h2>Beschluss am Dienstag</h2>"
      "<p>22.11.2022 – Der Kreistag hat am Dienstag beschlossen, bis zum kommenden Sommer vier neue Radwege "
      "zwischen den Gemeinden zu bauen, wie die Verwaltung mitteilte; die Kosten trägt das Land.</p>"
      "<p>Die Arbeiten sollen im Frühjahr beginnen, hieß es weiter aus dem Landratsamt.</p>";
  auto alone = TheExtractor().Extract(
      Html("<html><head></head><body><article><h1>Neue Radwege im Kreis</h1>" + body + "</article></body></html>"));
  ASSERT_TRUE(alone.ok());
  EXPECT_EQ(alone->published, "2022-11-22");
  // Further down than the first paragraph, it does not overrule the markup.
  auto marked = TheExtractor().Extract(
      Html("<html><head><meta property='article:published_time' content='2022-11-25T10:00:00+01:00'></head>"
           "<body><article><h1>Neue Radwege im Kreis</h1>" + body + "</article></body></html>"));
  ASSERT_TRUE(marked.ok());
  EXPECT_EQ(marked->published, "2022-11-25T10:00:00+01:00");
}

}  // namespace
}  // namespace eventmill
