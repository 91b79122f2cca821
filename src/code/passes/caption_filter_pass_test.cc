#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(CaptionFilterPass, ShortLinesTellNoEvent) {
  Document doc = Doc("Two killed.\n\nGunmen attacked a bus near the border on Monday.");
  DocumentState d = StartStory(Data(), doc);
  EXPECT_TRUE(IsSkippedSentence(Data(), doc, OpenSentence(Data(), d, 0).s));
  EXPECT_FALSE(IsSkippedSentence(Data(), doc, OpenSentence(Data(), d, 1).s));
}

TEST(CaptionFilterPass, AVerbWithACapitalInsideABodySentenceIsAName) {
  Document doc = Doc("A neighbour, Sue Griffin, told reporters that the family was safe.");
  DocumentState d = StartStory(Data(), doc);
  SentenceState st = OpenSentence(Data(), d, 0);
  Pattern verb;  // a verb pattern ("{sue}") that fires on "Sue"
  PatternMatch m;
  m.pattern = &verb;
  for (size_t k = 0; k < st.s.tokens.size(); ++k) {
    if (st.s.tokens[k].lower == "sue") m.first = m.last = m.trigger = k;
  }
  ASSERT_GT(m.trigger, 0u);
  EXPECT_TRUE(ReadsAsName(doc, st, m));
  Pattern noun;
  noun.nominal = true;  // a noun may be capitalised in a name ("the Sue Ryder Foundation")
  m.pattern = &noun;
  EXPECT_FALSE(ReadsAsName(doc, st, m));
  st.s.title = true;  // a headline in title case
  m.pattern = &verb;
  EXPECT_FALSE(ReadsAsName(doc, st, m));
}

TEST(CaptionFilterPass, TriggersInsideACaptionClauseAreDropped) {
  SentenceState st;
  st.caption_clauses = {{0, 6}};
  PatternMatch inside, outside;
  inside.trigger = 3;
  outside.trigger = 6;
  EXPECT_TRUE(InCaption(st, inside));
  EXPECT_FALSE(InCaption(st, outside));
}

}  // namespace
}  // namespace eventmill::code
