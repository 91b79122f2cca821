#include "extract/metadata_reader.h"

#include <gtest/gtest.h>

#include "extract/extract_data.h"

namespace eventmill::extract {
namespace {

PageMetadata Read(const std::string& html) {
  auto tree = html::HtmlTree::Parse(html);
  EXPECT_TRUE(tree.ok());
  return ReadMetadata(*tree);
}

TEST(MetadataReader, JsonLdIsTrustedOverOpenGraph) {
  PageMetadata md = Read(R"(<html lang="en-GB"><head>
    <meta property="og:title" content="OG title | Site">
    <meta property="article:published_time" content="2020-05-05T10:00:00Z">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"The Site"},
      {"@type":"NewsArticle","headline":"JSON-LD headline","datePublished":"2021-03-04T05:06:07+02:00",
       "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],
       "publisher":{"@type":"Organization","name":"Daily Example"}}]}</script>
    </head><body><h1>Body headline</h1></body></html>)");
  EXPECT_EQ(md.title, "JSON-LD headline");
  // JSON-LD and article:published_time disagree by a year: both strong, so no date (a wrong one
  // is worse than none); both stay candidates.
  EXPECT_EQ(md.published, std::nullopt);
  ASSERT_EQ(md.dates.size(), 2u);
  EXPECT_EQ(md.dates[0].value, "2021-03-04T05:06:07+02:00");
  EXPECT_EQ(md.authors, (std::vector<std::string>{"Ann Lee", "Bo Chan"}));
  EXPECT_EQ(md.site_name, "Daily Example");
  EXPECT_EQ(md.language, "en");
  EXPECT_EQ(md.h1, "Body headline");
}

TEST(MetadataReader, FallsBackToMetaTimeAndTitle) {
  PageMetadata md = Read(R"(<html><head><title>Plain title - Example News</title>
    <meta property="og:site_name" content="Example News">
    <link rel="canonical" href="https://example.org/a">
    <meta name="author" content="By Jo Doe">
    <script type="application/ld+json">{ broken json</script>
    </head><body><time datetime="2019-07-01">1 July</time></body></html>)");
  EXPECT_EQ(md.title, "Plain title - Example News");
  EXPECT_EQ(StripSiteName(md.title, md.site_name), "Plain title");
  EXPECT_EQ(md.canonical_url, "https://example.org/a");
  EXPECT_EQ(md.authors, (std::vector<std::string>{"Jo Doe"}));
  EXPECT_EQ(md.published, "2019-07-01");
  EXPECT_EQ(md.language, "");
}

TEST(MetadataReader, HeadlineIsTheH1ThatRepeatsTheHeadTitle) {
  PageMetadata md = Read(R"(<html><head><title>Kazakhstan clashes leave dozens dead | Wire</title>
    <meta property="og:title" content="Kazakhstan clashes leave dozens dead"></head>
    <body><h1><a href="/">Wire</a></h1><h1><span>World</span>Kazakhstan clashes leave dozens dead</h1>
    <h1>Most read: markets rally</h1></body></html>)");
  EXPECT_EQ(md.title, "Kazakhstan clashes leave dozens dead");
  EXPECT_EQ(md.title_source, "h1 without its kicker 'World'");
  // No heading repeats the head's title: the head's title stands.
  PageMetadata other = Read(R"(<html><head><meta property="og:title" content="Talks resume in Geneva"></head>
    <body><h1>Newsroom</h1></body></html>)");
  EXPECT_EQ(other.title, "Talks resume in Geneva");
  EXPECT_EQ(other.title_source, "og:title");
  // Text nodes split by inline elements at punctuation join; a blog's logo <h1> links home.
  PageMetadata joined = Read(R"(<html><head><title>Frauen im THW: Vergangenheit und Zukunft | THW Blog</title></head>
    <body><h1><a href="https://thw.example/">THW Blog</a></h1>
    <h1><em>Frauen im THW</em>: Vergangenheit und Zukunft</h1></body></html>)");
  EXPECT_EQ(joined.title, "Frauen im THW: Vergangenheit und Zukunft");
}

TEST(MetadataReader, CollectsEveryDateSource) {
  ExtractData data = ExtractData::FromStrings("remove comments\n", "change: updated\n", "");
  auto tree = html::HtmlTree::Parse(R"(<html><head>
    <meta name="parsely-pub-date" content="2022-01-09T10:00:00Z">
    <meta property="article:modified_time" content="2022-02-01T10:00:00Z">
    <meta name="DC.date" content="2022-01-08">
    <script type="application/ld+json">[{"@context":"https://schema.org","@graph":[{"@type":"WebPage",
      "mainEntity":{"@type":"NewsArticle","datePublished":"2022-01-09","dateModified":"2022-02-02",
      "review":{"datePublished":"2020-01-01"}}}]}]</script></head>
    <body><span itemprop="datePublished" content="2022-01-09"></span>
    <p>Updated <time datetime="2022-02-03">3 Feb</time></p>
    <div class="comments"><time datetime="2022-03-01">1 Mar</time></div>
    <time datetime="2022-01-09T11:00">9 Jan</time></body></html>)");
  ASSERT_TRUE(tree.ok());
  PageMetadata md = ReadMetadata(*tree, &data);
  std::vector<std::string> got;
  for (const DateCandidate& c : md.dates) got.push_back(c.value + " " + c.source);
  EXPECT_EQ(got, (std::vector<std::string>{"2022-01-09 json-ld NewsArticle.datePublished",
                                           "2022-01-09T10:00:00Z meta parsely-pub-date", "2022-01-08 meta dc.date",
                                           "2022-01-09 itemprop datePublished (span)",
                                           "2022-01-09T11:00:00 the first <time> of the page"}));
  EXPECT_EQ(md.published, "2022-01-09T10:00:00Z");  // the day settled, with the time a strong source gives
}

TEST(MetadataReader, DatesFromScriptStateLabelsAndDateElements) {
  ExtractData data = ExtractData::FromStrings("", "published: veröffentlicht am\npublished: datum:\n", "");
  auto tree = html::HtmlTree::Parse(R"(<html><head>
    <script>window.state = {"review":{"publishedDate":"2016-11-04T20:37:27Z"}};</script></head>
    <body><div class="meta-date">12.01.22</div><h1>A headline</h1>
    <p>Veröffentlicht am 16.08.2019</p><h5>Datum:</h5> 03.11.2021</body></html>)");
  ASSERT_TRUE(tree.ok());
  PageMetadata md = ReadMetadata(*tree, &data);
  std::vector<std::string> got;
  for (const DateCandidate& c : md.dates) got.push_back(c.value + " " + c.source);
  // The date right below the headline is the date element; the one above it then is not needed.
  EXPECT_EQ(got, (std::vector<std::string>{"2016-11-04T20:37:27Z a script's publishedDate",
                                           "2019-08-16 a date element by the headline (p)",
                                           "2019-08-16 a date labelled as published in the text"}));
  // Above the headline, close to it, when nothing below says a date.
  auto above = html::HtmlTree::Parse(R"(<html><body><div class="meta-date">12.01.22</div><h1>A headline</h1>
    <p>Police detained dozens of people on Sunday as protests over fuel prices spread to other cities.</p>
    </body></html>)");
  ASSERT_TRUE(above.ok());
  PageMetadata md2 = ReadMetadata(*above, &data);
  ASSERT_EQ(md2.dates.size(), 1u);
  EXPECT_EQ(md2.dates[0].value + " " + md2.dates[0].source, "2022-01-12 a date element by the headline (div)");
}

// Issue 17: a date line close above the headline beats a teaser's date further down; a date in a
// list item that links to another story is that story's; a byline in the page's text is an author.
TEST(MetadataReader, TheHeadlinesDateNotATeasersAndBylinesInTheText) {
  ExtractData data = ExtractData::FromStrings("", "byline: Von\nbyline: Autor:\n", "");
  std::string filler;
  for (int k = 0; k < 10; ++k) filler += "<p>Police detained dozens of people on Sunday as protests spread.</p>";
  auto tree = html::HtmlTree::Parse("<html><body><span class='date'>01.12.2022</span><h1>A headline</h1>" + filler +
                                    "<div class='box'><span class='date'>06.12.2022</span><a href='/x'>Another story "
                                    "of the week in the region</a></div></body></html>");
  ASSERT_TRUE(tree.ok());
  PageMetadata md = ReadMetadata(*tree, &data);
  ASSERT_EQ(md.dates.size(), 1u);
  EXPECT_EQ(md.dates[0].value, "2022-12-01");
  auto list = html::HtmlTree::Parse(
      "<html><body><h1>A headline</h1><p>Police detained dozens of people on Sunday as protests spread.</p>"
      "<ul><li><span class='datum'>29.02.2020</span> <a href='/events/1'>Wine tasting in the old town "
      "hall</a></li></ul>"
      "<p>Von <a href='/team/jana'>Jana Beispiel</a></p></body></html>");
  ASSERT_TRUE(list.ok());
  PageMetadata md2 = ReadMetadata(*list, &data);
  EXPECT_TRUE(md2.dates.empty());
  // A teaser whose link holds a picture: the headline is the link's title.
  auto pictured = html::HtmlTree::Parse(
      "<html><body><h1>A headline</h1><ul><li><a href='/story/2' title='Another story of the week in the "
      "region'><img src='/a.jpg'></a><p><span class='date'>21.01.2022</span>A short lead.</p></li></ul>"
      "</body></html>");
  ASSERT_TRUE(pictured.ok());
  EXPECT_TRUE(ReadMetadata(*pictured, &data).dates.empty());
  ASSERT_FALSE(md2.author_candidates.empty());
  EXPECT_EQ(md2.author_candidates.back().names, (std::vector<std::string>{"Jana Beispiel"}));
  EXPECT_EQ(md2.author_candidates.back().source, "a byline in the page");
  // "von" in small letters labels a name only in an element of its own, not in running text.
  auto running = html::HtmlTree::Parse(
      "<html><body><h1>A headline</h1><p>Die Stadt wird von <a href='/x'>Berlin</a> "
      "aus verwaltet, sagte der Sprecher am Montag.</p></body></html>");
  ASSERT_TRUE(running.ok());
  EXPECT_TRUE(ReadMetadata(*running, &data).author_candidates.empty());
  auto own = html::HtmlTree::Parse(
      "<html><body><h1>A headline</h1><div class='x'>von <a href='/u/jana'>Jana</a></div>"
      "</body></html>");
  ASSERT_TRUE(own.ok());
  PageMetadata md3 = ReadMetadata(*own, &data);
  ASSERT_FALSE(md3.author_candidates.empty());
  EXPECT_EQ(md3.author_candidates.back().names, (std::vector<std::string>{"Jana"}));
}

TEST(MetadataReader, TheStorysOwnFooterHoldsItsBylineThePagesDoesNot) {
  ExtractData data = ExtractData::FromStrings("", "byline: Posted by\n", "");
  const std::string story =
      "<html><body><article><h1>A headline</h1><p>Police detained dozens of people on Sunday as protests "
      "spread.</p>";
  auto own = html::HtmlTree::Parse(story + "<footer class='entry-footer'>Posted by <a href='/u/jo'>Jo Roe</a></footer>"
                                           "</article></body></html>");
  ASSERT_TRUE(own.ok());
  PageMetadata md = ReadMetadata(*own, &data);
  ASSERT_FALSE(md.author_candidates.empty());
  EXPECT_EQ(md.author_candidates.back().names, (std::vector<std::string>{"Jo Roe"}));
  auto site = html::HtmlTree::Parse(story + "</article><footer class='site-footer'>Posted by <a href='/u/jo'>Jo "
                                            "Roe</a></footer></body></html>");
  ASSERT_TRUE(site.ok());
  EXPECT_TRUE(ReadMetadata(*site, &data).author_candidates.empty());
}

TEST(MetadataReader, TheDateBelowTheSitesLogoIsNotTheHeadlines) {
  ExtractData data = ExtractData::FromStrings("", "", "");
  std::string filler;
  for (int k = 0; k < 20; ++k) filler += "<li><a href='/s" + std::to_string(k) + "'>Section</a></li>";
  // Today's date in the page's header, under an <h1> that is the logo; the story's headline further down.
  auto tree = html::HtmlTree::Parse(
      "<html><body><h1><a href='/'>Radio One</a></h1><span class='site-date'>26.02.2020</span>"
      "<ul>" +
      filler +
      "</ul><h1>A headline of the story</h1><p>Police detained dozens "
      "of people on Sunday as protests over fuel prices spread.</p></body></html>");
  ASSERT_TRUE(tree.ok());
  PageMetadata md = ReadMetadata(*tree, &data);
  EXPECT_TRUE(md.dates.empty());
}

TEST(MetadataReader, AuthorsFromEverySourceInOrder) {
  // Yoast's @graph: the article names its author by @id; the Person node holds the name. A raw
  // line break inside a string (invalid JSON) does not lose the block.
  PageMetadata md = Read("<html><head><script type=\"application/ld+json\">{\"@graph\":["
                         "{\"@type\":\"Article\",\"headline\":\"Line\nbreak\",\"articleBody\":\"Mangled\nbody\","
                         "\"author\":{\"@id\":\"#p1\"}},"
                         "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ann Lee\"}]}</script>"
                         "<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Bo Chan\">"
                         "</head><body><p class=\"post-byline\">By <span class=\"author vcard\">Cy Dee</span></p>"
                         "<div class=\"comments\"><span class=\"comment-author\">Troll</span></div></body></html>");
  ASSERT_GE(md.author_candidates.size(), 3u);
  EXPECT_EQ(md.author_candidates[0].names, (std::vector<std::string>{"Ann Lee"}));
  EXPECT_EQ(md.author_candidates[0].source, "json-ld author");
  EXPECT_EQ(md.article_body, "");  // repaired JSON gives metadata, not the text
  EXPECT_EQ(md.author_candidates[1].names, (std::vector<std::string>{"Bo Chan"}));
  EXPECT_EQ(md.author_candidates[2].names, (std::vector<std::string>{"By Cy Dee"}));
  for (const AuthorCandidate& c : md.author_candidates)
    for (const std::string& n : c.names) EXPECT_EQ(n.find("Troll"), std::string::npos);
  // A WebPage that names the author, when no article object does.
  PageMetadata page = Read(R"(<html><head><script type="application/ld+json">{"@type":"WebPage",
    "author":{"@type":"Person","name":"Dee Eff"}}</script></head><body></body></html>)");
  ASSERT_FALSE(page.author_candidates.empty());
  EXPECT_EQ(page.author_candidates[0].names, (std::vector<std::string>{"Dee Eff"}));
}

TEST(MetadataReader, DecodesEntitiesLeftInMeta) {
  EXPECT_EQ(DecodeLeftoverEntities("Olive &#038; Herb &#8222;Bread&#8220; &amp; more"),
            "Olive & Herb \xE2\x80\x9E" "Bread\xE2\x80\x9C & more");
  EXPECT_EQ(DecodeLeftoverEntities("AT&T; & co"), "AT&T; & co");
}

TEST(StripSiteName, RemovesSuffixAndPrefixOnly) {
  EXPECT_EQ(StripSiteName("Kazakhstan clashes | World Daily Wire", "World Daily Wire"), "Kazakhstan clashes");
  EXPECT_EQ(StripSiteName("WDW - Kazakhstan clashes", "WDW"), "Kazakhstan clashes");
  EXPECT_EQ(StripSiteName("Kazakhstan - what next for the region", "World Daily Wire"),
            "Kazakhstan - what next for the region");
  EXPECT_EQ(StripSiteName("A long headline about the talks in Geneva | Wire", ""), "A long headline about the talks in Geneva");
}

TEST(MetadataReader, TheHeadlineWithoutItsKicker) {
  PageMetadata md = Read(R"(<html><head><title>Harbour: New cranes arrive | Port News</title>
    <meta property="og:title" content="Harbour: New cranes arrive"></head><body>
    <h1><span class="overline">Harbour</span><span hidden>: </span><span>New cranes arrive</span></h1>
    <p>Text.</p></body></html>)");
  EXPECT_EQ(md.title, "New cranes arrive");
  EXPECT_EQ(md.title_source, "h1 without its kicker 'Harbour'");
}

TEST(HeadlineAmong, AHeadingThatOpensTheTitleBeforeASeparator) {
  // Too few of the title's words for agreement, but the title is the heading and the site's name.
  EXPECT_EQ(HeadlineAmong({"Fair Supply Chains"}, {"Fair Supply Chains - Youth Work in the Valley (YWV) - YWV"}),
            "Fair Supply Chains");
  // Not a heading that merely starts like the title, nor one word.
  EXPECT_EQ(HeadlineAmong({"Fair Supply"}, {"Fair Supply Chains - Youth Work in the Valley (YWV) - YWV"}), "");
  EXPECT_EQ(HeadlineAmong({"Fair"}, {"Fair - Youth Work in the Valley (YWV) - YWV and more words here"}), "");
}

TEST(MetadataReader, TheSiteNameFromItsFeed) {
  auto site = [](const std::string& links) {
    return Read("<html><head><title>Spring cleaning | Lakeside Library Notes</title>" + links +
                "</head><body><p>Text.</p></body></html>")
        .site_name;
  };
  EXPECT_EQ(site(R"(<link rel="alternate" type="application/rss+xml" title="Lakeside Library Notes &raquo; Feed" href="/feed/">)"),
            "Lakeside Library Notes");
  EXPECT_EQ(site(R"(<link rel="alternate" type="application/rss+xml" title="Lakeside Library Notes RSS Feed" href="/feed/">)"),
            "Lakeside Library Notes");
  // A comment feed, a story's feed, a feed without a name, another link: no site name.
  EXPECT_EQ(site(R"(<link rel="alternate" type="application/rss+xml" title="Lakeside &raquo; Kommentar-Feed" href="/c/">)"), "");
  EXPECT_EQ(site(R"(<link rel="alternate" type="application/rss+xml" title="Lakeside &raquo; Spring cleaning Feed" href="/s/">)"), "");
  EXPECT_EQ(site(R"(<link rel="alternate" type="application/rss+xml" title=" &raquo; Feed" href="/feed/">)"), "");
  EXPECT_EQ(site(R"(<link rel="alternate" hreflang="de" title="Lakeside Feed" href="/de/">)"), "");
  // The page's own word comes first.
  EXPECT_EQ(site(R"(<meta property="og:site_name" content="Lakeside">
                    <link rel="alternate" type="application/rss+xml" title="Lakeside Library Notes &raquo; Feed">)"),
            "Lakeside");
}

TEST(MetadataReader, ADateAloneRightAboveTheHeadline) {
  auto read = [](const std::string& above) {
    auto tree = html::HtmlTree::Parse("<html><body><div>" + above +
                                      "<h1>New cranes arrive</h1><p>The board met.</p></div></body></html>");
    EXPECT_TRUE(tree.ok());
    return ReadMetadata(*tree).published;
  };
  EXPECT_EQ(read("<h3>12.03.2021</h3>"), "2021-03-12");
  // A line that says more than a date is not a date line.
  EXPECT_EQ(read("<h3>Concert on 12.03.2021 in the park</h3>"), std::nullopt);
  EXPECT_EQ(read("<p>Nothing</p>"), std::nullopt);
}

TEST(NormalizeLanguage, KeepsThePrimaryTag) {
  EXPECT_EQ(NormalizeLanguage("en-US"), "en");
  EXPECT_EQ(NormalizeLanguage("de_DE"), "de");
  EXPECT_EQ(NormalizeLanguage("x1"), "");
}

}  // namespace
}  // namespace eventmill::extract
