#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(TollPass, AKillingAfterACommaIsTheTollOfTheAttack) {
  Document doc = Doc("Gunmen attacked a bus near the border, killing nine passengers.");
  AddActor(doc, "Gunmen", "NGAREB", "NG");
  AddActor(doc, "passengers", "NGACVL", "NG");
  DocumentState d = StartStory(Data(), doc);
  SentenceState st = OpenSentence(Data(), d, 0);
  st.first_of_sentence = 0;
  std::vector<PatternMatch> found = FindTriggers(Data(), st);
  int events = 0, tolls = 0;
  for (const PatternMatch& m : found) {
    TriggerState t;
    t.m = m;
    t.p = m.pattern;
    if (IsConsequence(Data(), d, st, t)) {
      ++tolls;
      continue;
    }
    FillFrame(Data(), d, st, t);
    StartEvent(Data(), st, t);
    EmitEvents(d, t);
    ++events;
  }
  EXPECT_EQ(events, 1);
  EXPECT_EQ(tolls, 1);
  ASSERT_FALSE(d.events.empty());
  ASSERT_TRUE(d.events[0].event.target);
  EXPECT_EQ(d.events[0].event.target->code, "NGACVL");
}

TEST(TollPass, ALoneTollGoesToTheLatestEventThatTakesIt) {
  Document doc = Doc("Gunmen attacked a bus near the border on Monday.\n\n2 fatalities.");
  AddCount(doc, "2 fatalities", "killed", 2);
  DocumentState d = StartStory(Data(), doc);
  EventCandidate attack;
  attack.event.cameo = "180";
  d.merged.push_back(attack);
  SentenceState st = OpenSentence(Data(), d, 1);
  ASSERT_TRUE(IsSkippedSentence(Data(), doc, st.s));
  GiveLoneToll(Data(), d, st);
  ASSERT_EQ(d.merged[0].event.counts.size(), 1u);
  EXPECT_TRUE(Explains(d.merged[0].event.explain, pass::kTolls, "a toll told on its own"));
  GiveLoneToll(Data(), d, st);  // one toll of a kind per event
  EXPECT_EQ(d.merged[0].event.counts.size(), 1u);
}

}  // namespace
}  // namespace eventmill::code
