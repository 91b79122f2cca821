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

// Teaser cards (a linked headline over a one-line summary) inside the article's own wrapper,
// with class names that say nothing: the structure alone marks them.
TEST(BoilerplateScorer, DropsTeaserCardsByTheirShape) {
  auto card = [](const std::string& head, const std::string& summary) {
    return "<div class='x-unit'><a href='/n'><p class='x-h'>" + head + "</p></a><p class='x-s'>" + summary +
           "</p></div>";
  };
  std::string html =
      std::string("<body><div class='x-page'><div class='x-body'><p>") + kPara1 + "</p><p>" + kPara2 + "</p><p>" +
      kPara1 + "</p></div><div class='x-more'><p>Elsewhere</p>" +
      card("Flooding forces thousands from their homes",
           "Rivers burst their banks after a week of heavy rain across the north of the country, officials said.") +
      card("Parliament approves the new budget after long night",
           "The vote followed a marathon session in which the opposition tabled more than two hundred amendments.") +
      card("Talks on the border dispute resume in Geneva",
           "Delegations from both countries met for the first time since the ceasefire collapsed in the spring.") +
      "</div></div></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("Officials in the city"), std::string::npos);
  EXPECT_NE(text.find("more than five thousand"), std::string::npos);
  EXPECT_EQ(text.find("Rivers burst"), std::string::npos) << text;
  EXPECT_EQ(text.find("marathon session"), std::string::npos) << text;
  EXPECT_EQ(text.find("Geneva"), std::string::npos) << text;
}

// One teaser after the story's last paragraph, inside the story's own element.
TEST(BoilerplateScorer, DropsALoneTeaserAfterTheStory) {
  std::string html = std::string("<body><div class='x-page'><div class='x-text'><p>") + kPara1 + "</p><p>" + kPara2 +
                     "</p><div class='x-unit'><h2><a href='/n'>Flooding forces thousands from their homes</a></h2>"
                     "<p>Rivers burst their banks after a week of heavy rain across the north of the country, "
                     "officials said.</p></div></div></div></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("more than five thousand"), std::string::npos);
  EXPECT_EQ(text.find("Rivers burst"), std::string::npos) << text;
}

// A short post whose last line is a link is not a teaser card: the card's headline comes first.
TEST(BoilerplateScorer, KeepsAShortPostEndingInALinkLine) {
  std::string html = std::string("<body><div class='x-page'><div class='x-post'><p>") + kPara1 +
                     "</p><p><a href='/l'>Link: the full report of the commission</a></p></div>"
                     "<ul class='x-nav'><li><a href='/p'>Previous: the earlier report on this</a></li>"
                     "<li><a href='/n'>Next: the follow-up report on this</a></li></ul></div></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("Officials in the city"), std::string::npos) << text;
}

// A heading over a cut link list introduced boilerplate; a heading that is a sentence stays,
// even at the end.
TEST(BoilerplateScorer, DropsHeadingsOverCutLinkListsKeepsSentenceHeadings) {
  std::string html = std::string("<body><article><p>") + kPara1 + "</p><h3>More on the protests:</h3>" +
                     "<ul><li><a href='/1'>Live updates</a></li><li><a href='/2'>Timeline of events</a></li>"
                     "<li><a href='/3'>Who are the protesters</a></li></ul><p>" +
                     kPara2 + "</p><h4>The minister denied it. The police did not comment.</h4></article></body>";
  std::string text = MainText(html);
  EXPECT_EQ(text.find("More on the protests"), std::string::npos) << text;
  EXPECT_NE(text.find("more than five thousand"), std::string::npos);
  EXPECT_NE(text.find("The minister denied it."), std::string::npos) << text;
}

// The standfirst sits in the article header above the byline and share bar, outside the body's
// wrapper; it is part of the article, the headline and the byline are not.
TEST(BoilerplateScorer, TakesTheStandfirstAboveTheBody) {
  std::string html =
      std::string("<body><nav><a href='/'>Home</a></nav><div class='x-article'><div class='x-head'>"
                  "<h1>Curfew declared in the capital</h1>"
                  "<h2 class='x-sub'>The government ordered a curfew after a third night of clashes, and the army "
                  "was deployed at checkpoints</h2></div>"
                  "<div class='x-meta'><span>By Jane Roe</span> <span>9 January 2022</span></div>"
                  "<div class='x-tools'><a href='/s'>Share</a></div><div class='x-text'><p>") +
      kPara1 + "</p><p>" + kPara2 + "</p></div></div></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("The government ordered a curfew"), std::string::npos) << text;
  EXPECT_LT(text.find("The government ordered"), text.find("Officials in the city"));
  EXPECT_EQ(text.find("Curfew declared"), std::string::npos) << text;
  EXPECT_EQ(text.find("Jane Roe"), std::string::npos) << text;
}

// A menu built of custom elements with an href is a link list, however long: it is not the
// article, even when its entries outweigh the story in number.
TEST(BoilerplateScorer, CustomElementsWithHrefAreLinks) {
  std::string menu = "<div class='x-menu'>";
  for (int i = 0; i < 120; ++i)
    menu += "<x-link href='/s/" + std::to_string(i) + "'><p class='text'>Overview of the programme number " +
            std::to_string(i) + "</p></x-link>";
  menu += "</div>";
  std::string html = "<body>" + menu + "<div class='x-text'><p>" + kPara1 + "</p><p>" + kPara2 + "</p></div></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("Officials in the city"), std::string::npos) << text.substr(0, 300);
  EXPECT_EQ(text.find("Overview of the programme"), std::string::npos) << text.substr(0, 300);
}

// A one-sentence standfirst, shorter than a paragraph, is still the lead.
TEST(BoilerplateScorer, TakesAShortSentenceStandfirst) {
  std::string html = std::string("<body><div class='x-article'><div class='x-head'><h1>Curfew declared</h1>"
                                 "<p class='x-sub'>The army was deployed at checkpoints overnight.</p></div>"
                                 "<div class='x-meta'>By Jane Roe</div><div class='x-tools'><span>Print</span> "
                                 "<span>Email</span></div><div class='x-text'><p>") +
                     kPara1 + "</p><p>" + kPara2 + "</p></div></div></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("The army was deployed"), std::string::npos) << text;
  EXPECT_LT(text.find("The army was deployed"), text.find("Officials in the city"));
  EXPECT_EQ(text.find("Jane Roe"), std::string::npos) << text;
}

// A standfirst in a deep header, over a byline of linked names and a photo caption, inside a
// header whose class names a caption style (not a caption).
TEST(BoilerplateScorer, TakesTheStandfirstOverLinkedBylinesAndCaptions) {
  std::string html = std::string("<body><article class='story'><div class='lede'><header class='hdr hdr__caption-style--x'>"
                                 "<div class='hdr__row'><div class='hdr__inner'>") +
                     "<h1>Clashes in the capital</h1><p class='dek'>Police detained dozens as protests over fuel prices "
                     "spread to several other cities.</p></div></div>"
                     "<div class='by'><a href='/a/1'>Jane Roe</a>, <a href='/a/2'>John Moe</a></div></header></div>"
                     "<div class='media'><div class='image__caption'>Police at the square on Sunday, where the crowd "
                     "gathered in the morning. Photo: Jane Roe</div></div>"
                     "<div class='bg'><div><div class='chunks'><div class='grid'><div class='body'><p>" +
                     kPara1 + "</p><p>" + kPara2 + "</p></div></div></div></div></div></article></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("Police detained dozens"), std::string::npos) << text;
  EXPECT_EQ(text.find("Jane Roe"), std::string::npos) << text;
  EXPECT_EQ(text.find("Photo:"), std::string::npos) << text;
}

// A standfirst heading of 15 words and more over a linked byline and a linked date is the lead,
// not the label of a link list; after the body, a heading over cut links goes whatever its length.
TEST(BoilerplateScorer, KeepsAStandfirstHeadingOverLinkedBylineAndDate) {
  std::string html =
      std::string("<body><div class='x-article'><header><h1>Record heat in the south</h1>"
                  "<h2 class='x-sub'>Scientists doubt the new temperature record and warn that what matters is the slow "
                  "warming trend of the last sixty years</h2></header>"
                  "<div class='x-by'><a href='/a/1'>Jane Roe</a> <a href='/t/1'>Twitter</a></div>"
                  "<div class='x-date'><a href='/d/1'>19 FEB 2020 - 18:37 CET</a></div><div class='x-text'><p>") +
      kPara1 + "</p><p>" + kPara2 + "</p>" +
      "<h4>Because many eyes see more, we want to build a better site for you and invite you to report errors to us</h4>"
      "<ul><li><a href='/r'>Report an error in this story</a></li><li><a href='/i'>Add information to this "
      "story</a></li></ul></div></div></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("Scientists doubt the new temperature record"), std::string::npos) << text;
  EXPECT_LT(text.find("Scientists doubt"), text.find("Officials in the city"));
  EXPECT_EQ(text.find("Jane Roe"), std::string::npos) << text;
  EXPECT_EQ(text.find("many eyes see more"), std::string::npos) << text;
}

// A sentence of the story with most of its words linked is text; a link line in the body is not.
TEST(BoilerplateScorer, KeepsSentencesWhoseWordsAreMostlyLinked) {
  std::string html = std::string("<body><div class='story'><div class='p'>") + kPara1 +
                     "</div><div class='p'>The 99-year-old husband of the Queen has <a href='/x'>spent three weeks "
                     "in hospital and has undergone a heart procedure</a>.</div>"
                     "<div class='p'><a href='/y'>MORE: Rebels seize second town in the north as talks stall</a></div>"
                     "<div class='p'>Tip for all our readers: <a href='/z'>Are you an expert on the region? Test your knowledge in our quiz.</a></div>"
                     "<div class='p'>News and politics for children › <a href='/t'>Topics › Environment › Where does the smog come from?</a></div>"
                     "<div class='p'>" + kPara2 + "</div><div class='p'>" + kPara1 + "</div><div class='p'>" + kPara2 +
                     "</div></div></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("The 99-year-old husband"), std::string::npos) << text;
  EXPECT_EQ(text.find("MORE: Rebels"), std::string::npos) << text;
  EXPECT_EQ(text.find("Test your knowledge"), std::string::npos) << text;
  EXPECT_EQ(text.find("Topics"), std::string::npos) << text;
}

// Subheads of a story in the box of an anchor (<h2><div><a name=...>) are headings, not links; a
// link without an address is no link.
TEST(BoilerplateScorer, AnchorSubheadsAreHeadingsNotLinks) {
  std::string html = std::string("<body><article><div class='a'><p>") + kPara1 + "</p></div>" +
                     "<div class='b'><h2><div><a name='next'>What happened next</a></div></h2><p>" + kPara2 +
                     "</p></div><div class='c'><h2><div><a href='/more'>More from the region</a></div></h2>"
                     "<ul><li><a href='/1'>Gunmen kill seven in a village raid</a></li></ul></div></article></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("What happened next"), std::string::npos) << text;
  EXPECT_NE(text.find("more than five thousand"), std::string::npos) << text;
  EXPECT_EQ(text.find("More from the region"), std::string::npos) << text;
}

// A teaser inside the story, headline and summary linking to the same page ("... mehr"), is not
// the story; a subhead over a paragraph with a link of its own is.
TEST(BoilerplateScorer, DropsATeaserThatLinksTwiceInsideTheStory) {
  std::string html = std::string("<body><div class='copytext'><p>") + kPara1 +
                     "</p><div class='box'><h2><a href='/a.html'>The ministry's statement</a></h2><p>The ministry said "
                     "the figures were provisional and would be revised next week, when the regional "
                     "offices have counted the detainees of the last two nights, <a href='/b.html'>as the "
                     "agency reported</a>.</p></div>"
                     "<div class='box'><h2><a href='/podcast.html'>The podcast with the virologist</a></h2>"
                     "<p>What is new about the virus? Every day the researcher answers questions and explains the "
                     "background. <a href='/podcast.html'>more</a></p></div><p>" + kPara2 + "</p></div></body>";
  std::string text = MainText(html);
  EXPECT_EQ(text.find("The podcast with"), std::string::npos) << text;
  EXPECT_EQ(text.find("Every day the researcher"), std::string::npos) << text;
  EXPECT_NE(text.find("more than five thousand"), std::string::npos) << text;
  EXPECT_NE(text.find("figures were provisional"), std::string::npos) << text;
}

// Short steps of a story whose every paragraph has a wrapper of its own stay; a short line in a
// box after the story does not.
TEST(BoilerplateScorer, KeepsShortStepsOfParagraphsInWrappers) {
  std::string html = std::string("<body><div class='story'><div class='paragraph'><p>") + kPara1 +
                     "</p></div><div class='paragraph'><p>1. Choose the right pot</p></div><div class='paragraph'><p>" +
                     kPara2 + "</p></div><div class='paragraph'><p>2. Plant</p></div><div class='paragraph'><p>" + kPara1 +
                     " Again.</p></div></div><div class='contact'><div>Call us today</div></div></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("1. Choose the right pot"), std::string::npos) << text;
  EXPECT_NE(text.find("2. Plant"), std::string::npos) << text;
  EXPECT_EQ(text.find("Call us today"), std::string::npos) << text;
}

// A non-breaking space is a space of the text.
TEST(BoilerplateScorer, NonBreakingSpacesAreSpaces) {
  std::string html = std::string("<body><article><p>Stopa bezrobocia w\u00a0Polsce wynios\u0142a 3,1 proc. "
                                 "w\u00a0marcu i\u00a0nadal jest najni\u017csza w\u00a0Unii.</p><p>") + kPara1 +
                     "</p></article></body>";
  std::string text = MainText(html);
  EXPECT_NE(text.find("w Polsce"), std::string::npos) << text;
  EXPECT_EQ(text.find("\xC2\xA0"), std::string::npos) << text;
}

TEST(BoilerplateScorer, EmptyBodyGivesNoBlocks) { EXPECT_EQ(MainText("<html><body></body></html>"), ""); }

}  // namespace
}  // namespace eventmill::extract
