#include "extract/headline_kicker.h"

#include <gtest/gtest.h>

namespace eventmill::extract {
namespace {

// The split of the page's first <h1>.
std::optional<KickerSplit> Split(const std::string& body) {
  auto tree = html::HtmlTree::Parse("<html><body>" + body + "</body></html>");
  EXPECT_TRUE(tree.ok());
  for (uint32_t i = 0; i < tree->nodes().size(); ++i)
    if (tree->nodes()[i].tag == html::Tag::kH1) return SplitKicker(*tree, i);
  ADD_FAILURE() << "no h1";
  return std::nullopt;
}

TEST(HeadlineKicker, KickerInASpanWithAHiddenSeparator) {
  auto s = Split(R"(<h1><span class="k">Harbour</span><span class="sr-only">: </span>
                   <span class="t">New cranes arrive from the north</span></h1>)");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->kicker, "Harbour");
  EXPECT_EQ(s->headline, "New cranes arrive from the north");
}

TEST(HeadlineKicker, KickerBeforeLooseHeadlineText) {
  auto s = Split(R"(<h1> <span>After the storm</span> Ferries run again on Monday </h1>)");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->kicker, "After the storm");
  EXPECT_EQ(s->headline, "Ferries run again on Monday");
}

TEST(HeadlineKicker, InsideALinkThatWrapsTheHeading) {
  auto s = Split(R"(<h1><a href="/story"><small>Budget</small> <b>Council agrees on the plan</b></a></h1>)");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->headline, "Council agrees on the plan");
}

TEST(HeadlineKicker, OnePieceOrAHeadlineThatContinuesIsNotSplit) {
  EXPECT_FALSE(Split("<h1>Ferries run again on Monday</h1>"));
  EXPECT_FALSE(Split("<h1><span>Ferries run again on Monday</span></h1>"));
  // A title in italics opening the headline: the rest continues the sentence.
  EXPECT_FALSE(Split("<h1><em>Northern Lights</em> returns for a second season</h1>"));
  // The first piece is loose text: a headline with a subline after it.
  EXPECT_FALSE(Split("<h1>Ferries run again <span>Timetable for the week</span></h1>"));
  // A first piece longer than the rest is the headline, the rest a tag.
  EXPECT_FALSE(Split("<h1><span>Ferries run again on Monday after the storm</span> Update</h1>"));
}

}  // namespace
}  // namespace eventmill::extract
