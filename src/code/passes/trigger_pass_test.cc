#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(TriggerPass, FindsTheEventPatternsOfASentence) {
  Document doc = Doc("Police arrested forty protesters in the capital on Sunday.");
  DocumentState d = StartStory(Data(), doc);
  SentenceState st = OpenSentence(Data(), d, 0);
  std::vector<PatternMatch> found = FindTriggers(Data(), st);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(st.s.tokens[found[0].trigger].lower, "arrested");
  EXPECT_EQ(found[0].pattern->cameo.substr(0, 2), "17");
}

TEST(TriggerPass, TheHeadlineRepeatedAtTheTopIsMarked) {
  Document doc = Doc("Troops shell border town\n\nTroops shell border town. Residents fled on Monday.");
  doc.title = "Troops shell border town";
  DocumentState d = StartStory(Data(), doc);
  EXPECT_TRUE(OpenSentence(Data(), d, 0).s.title);
  EXPECT_FALSE(OpenSentence(Data(), d, 1).s.title);
}

TEST(TriggerPass, CuesBeforeTheTriggerNameWhoActs) {
  Document doc = Doc("A mob attacked a police post with machetes.");
  Reading r = Read(doc, "attacked");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  ReadCues(Data(), r.st, r.t);
  const auto& cues = r.t.base.cues;
  EXPECT_NE(std::find(cues.begin(), cues.end(), "pre:mob"), cues.end()) << ::testing::PrintToString(cues);
}

}  // namespace
}  // namespace eventmill::code
