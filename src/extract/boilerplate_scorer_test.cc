#include "extract/boilerplate_scorer.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace eventmill::extract {
namespace {

const ExtractData& Data() {
  static const ExtractData* data = [] {
    const char* dir = std::getenv("EVENTMILL_DATA");
    auto d = ExtractData::Load(std::string(dir ? dir : "data") + "/extract");
    return new ExtractData(d.ok() ? std::move(*d) : ExtractData::FromStrings("", "", ""));
  }();
  return *data;
}

std::string MainText(const std::string& html) {
  auto tree = html::HtmlTree::Parse(html);
  EXPECT_TRUE(tree.ok());
  BoilerplateScorer scorer(Data());
  std::string out;
  for (const ContentBlock& b : scorer.FindMainText(*tree)) out += b.text + "\n";
  return out;
}

const char kPara1[] = "Officials in the city said on Sunday that the situation is stable, but that armed groups are still "
                      "resisting the security forces that were deployed throughout the city to restore order.";
const char kPara2[] = "The ministry said in a statement that more than five thousand people had been detained, among them "
                      "foreigners, and that the operation would go on until calm had returned to all districts.";

TEST(BoilerplateScorer, KeepsArticleDropsMenusTeasersAndCommentForm) {
  std::string html = std::string("<body><ul class='menu'><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul>") +
                     "<div class='post'><p>" + kPara1 + "</p><p>" + kPara2 + "</p></div>" +
                     "<div class='related-posts'><h3>Related</h3><a href='/x'>Gunmen kill seven in village raid</a></div>" +
                     "<div id='respond'><form><textarea></textarea><div>Please enter your comment!</div></form></div>"
                     "<footer>All rights reserved</footer></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("Officials in the city"), std::string::npos);
  EXPECT_NE(text.find("more than five thousand"), std::string::npos);
  EXPECT_EQ(text.find("Home"), std::string::npos);
  EXPECT_EQ(text.find("Gunmen"), std::string::npos);
  EXPECT_EQ(text.find("Please enter"), std::string::npos);
  EXPECT_EQ(text.find("rights reserved"), std::string::npos);
}

TEST(BoilerplateScorer, JoinsAnArticleSplitAcrossDivs) {
  std::string html = std::string("<body><div class='wrap'><div class='part'><p>") + kPara1 + "</p></div>" +
                     "<div class='ad-slot'><a href='/ad'>Buy now</a></div>" + "<div class='part'><p>" + kPara2 +
                     "</p></div></div><aside><p>Subscribe to our newsletter for the latest news every day.</p></aside></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("Officials in the city"), std::string::npos);
  EXPECT_NE(text.find("more than five thousand"), std::string::npos);
  EXPECT_EQ(text.find("Buy now"), std::string::npos);
  EXPECT_EQ(text.find("Subscribe"), std::string::npos);
}

TEST(BoilerplateScorer, KeepsSubheadsListsAndQuotes) {
  std::string html = std::string("<body><article><p>") + kPara1 + "</p><h2>What happened next</h2><p>" + kPara2 +
                     "</p><ul><li>Curfew from 11 pm to 7 am in all districts</li><li>Checkpoints on every main road</li></ul>"
                     "<blockquote>We will restore order, the minister said to reporters on Sunday.</blockquote></article></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("What happened next"), std::string::npos);
  EXPECT_NE(text.find("Curfew from 11 pm"), std::string::npos);
  EXPECT_NE(text.find("We will restore order"), std::string::npos);
}

TEST(BoilerplateScorer, HiddenElementsAreNotText) {
  std::string html = std::string("<body><article><p>") + kPara1 + "</p><p style='display: none'>" + kPara2 +
                     "</p><div hidden>secret</div></article></body>";
  std::string text = MainText(html);
  EXPECT_EQ(text.find("five thousand"), std::string::npos);
  EXPECT_EQ(text.find("secret"), std::string::npos);
}

TEST(BoilerplateScorer, EmptyBodyGivesNoBlocks) { EXPECT_EQ(MainText("<html><body></body></html>"), ""); }

}  // namespace
}  // namespace eventmill::extract
