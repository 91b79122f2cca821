#include "extract/html/html_tree.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace eventmill::extract::html {
namespace {

std::string AllText(const HtmlTree& t) {
  std::string s;
  t.AppendAllText(0, &s);
  return s;
}

// Issue 18.1: the markup budget cuts a page of millions of elements before the parser sees it
// (the parser's memory is a few hundred bytes per element, unchecked), and says so.
TEST(HtmlTree, MarkupLimitCutsThePageAndSaysSo) {
  std::string page;
  for (int i = 0; i < 5000; ++i) page += "<p>a";
  ParseOptions options;
  options.max_markup_items = 1000;
  auto tree = HtmlTree::Parse(page, options);
  ASSERT_TRUE(tree.ok());
  EXPECT_TRUE(tree->truncated());
  EXPECT_LE(tree->size(), 2100u);
  EXPECT_EQ(AllText(*tree), std::string(1000, 'a'));
  // Attributes and comments count too.
  std::string attrs = "<p " + std::string(0, ' ');
  for (int i = 0; i < 3000; ++i) attrs += " a" + std::to_string(i) + "=x";
  attrs += ">text</p><!-- c --><p>after</p>";
  auto a = HtmlTree::Parse(attrs, options);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->truncated());
  EXPECT_TRUE(a->attributes().size() < 1000u);
  // Under the budget nothing changes.
  auto small = HtmlTree::Parse("<p a=1 b='2>3'>x</p><!-- y --><p>z", options);
  ASSERT_TRUE(small.ok());
  EXPECT_FALSE(small->truncated());
  EXPECT_EQ(AllText(*small), "xz");
}

TEST(HtmlTree, ParsesElementsAttributesAndDecodedText) {
  auto tree = HtmlTree::Parse("<html lang=en><body><p class='lead x'>Fish &amp; chips</p></body></html>");
  ASSERT_TRUE(tree.ok());
  bool found = false;
  for (const Node& n : tree->nodes()) {
    if (n.tag == Tag::kP) {
      found = true;
      EXPECT_EQ(tree->Attr(n, "class"), "lead x");
      EXPECT_TRUE(tree->HasAttr(n, "class"));
      EXPECT_FALSE(tree->HasAttr(n, "id"));
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(AllText(*tree), "Fish & chips");
}

TEST(HtmlTree, NodesAreInDocumentOrderWithSubtreeRanges) {
  auto tree = HtmlTree::Parse("<div><p>a</p><p>b</p></div><p>c</p>");
  ASSERT_TRUE(tree.ok());
  const auto& nodes = tree->nodes();
  uint32_t div = 0;
  for (uint32_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].tag == Tag::kDiv) div = i;
  ASSERT_NE(div, 0u);
  std::string inside;
  tree->AppendAllText(div, &inside);
  EXPECT_EQ(inside, "ab");
  for (uint32_t i = div + 1; i < nodes[div].end; ++i) EXPECT_GT(nodes[i].depth, nodes[div].depth);
}

TEST(HtmlTree, RepairsTruncatedAndUnclosedHtml) {
  auto tree = HtmlTree::Parse("<html><body><div><p>first<p>second<table><tr><td>cell");
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(AllText(*tree), "firstsecondcell");
}

TEST(HtmlTree, DeepNestingIsFlattenedQuicklyAndKeepsText) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  auto start = std::chrono::steady_clock::now();
  auto tree = HtmlTree::Parse(html, ParseOptions{.max_depth = 256});
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(tree.ok());
  EXPECT_TRUE(tree->depth_limited());
  EXPECT_EQ(AllText(*tree), "deep text");
  for (const Node& n : tree->nodes()) EXPECT_LE(n.depth, 260u);
  EXPECT_LT(secs, 2.0);  // quadratic behaviour would take many seconds
}

TEST(HtmlTree, DeepFormattingNestingIsBounded) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<b><span>";
  html += "x";
  auto start = std::chrono::steady_clock::now();
  auto tree = HtmlTree::Parse(html);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(tree.ok());
  EXPECT_LT(secs, 3.0);
}

TEST(PrescanHtml, LeavesOrdinaryPagesUntouched) {
  std::string out = "unchanged";
  EXPECT_FALSE(PrescanHtml("<div><p>a<p>b</div><script>if (a<b) x='<div>'</script>", 4, &out));
  EXPECT_EQ(out, "unchanged");
}

TEST(PrescanHtml, DropsTagsBeyondTheDepthButKeepsText) {
  std::string out;
  ASSERT_TRUE(PrescanHtml("<div><div><div>x</div></div></div>", 2, &out));
  EXPECT_EQ(out, "<div><div>x</div></div>");
}

TEST(PrescanHtml, RemovesNoscriptSoAnUnclosedDivInsideCannotSwallowThePage) {
  std::string out;
  ASSERT_TRUE(PrescanHtml("<body><noscript><div id=x></noscript><p>text</p></body>", 512, &out));
  EXPECT_EQ(out, "<body><p>text</p></body>");
  auto tree = HtmlTree::Parse("<body><noscript><div id=x></noscript><p>text</p></body>");
  ASSERT_TRUE(tree.ok());
  for (const Node& n : tree->nodes()) EXPECT_NE(n.tag, Tag::kDiv);
}

}  // namespace
}  // namespace eventmill::extract::html
