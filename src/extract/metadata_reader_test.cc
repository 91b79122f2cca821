#include "extract/metadata_reader.h"

#include <gtest/gtest.h>

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
  EXPECT_EQ(md.published, "2021-03-04T05:06:07+02:00");
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

TEST(StripSiteName, RemovesSuffixAndPrefixOnly) {
  EXPECT_EQ(StripSiteName("Kazakhstan clashes | World Daily Wire", "World Daily Wire"), "Kazakhstan clashes");
  EXPECT_EQ(StripSiteName("WDW - Kazakhstan clashes", "WDW"), "Kazakhstan clashes");
  EXPECT_EQ(StripSiteName("Kazakhstan - what next for the region", "World Daily Wire"),
            "Kazakhstan - what next for the region");
  EXPECT_EQ(StripSiteName("A long headline about the talks in Geneva | Wire", ""), "A long headline about the talks in Geneva");
}

TEST(NormalizeLanguage, KeepsThePrimaryTag) {
  EXPECT_EQ(NormalizeLanguage("en-US"), "en");
  EXPECT_EQ(NormalizeLanguage("de_DE"), "de");
  EXPECT_EQ(NormalizeLanguage("x1"), "");
}

}  // namespace
}  // namespace eventmill::extract
