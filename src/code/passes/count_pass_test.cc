#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

// The sentence's events, as the driver leaves them before the count pass.
void Events(const Document& doc, DocumentState& d, SentenceState& st) {
  st.first_of_sentence = d.events.size();
  for (const PatternMatch& m : FindTriggers(Data(), st)) {
    TriggerState t;
    t.m = m;
    t.p = m.pattern;
    if (!ReadModality(Data(), d, st, t) || IsConsequence(Data(), d, st, t)) continue;
    FillFrame(Data(), d, st, t);
    StartEvent(Data(), st, t);
    EmitEvents(d, t);
  }
  (void)doc;
}

TEST(CountPass, AFigureGoesToTheEventThatTakesItsKind) {
  Document doc = Doc("Police arrested 40 protesters after the march on Sunday.");
  AddCount(doc, "40 protesters", "arrested", 40);
  DocumentState d = StartStory(Data(), doc);
  SentenceState st = OpenSentence(Data(), d, 0);
  Events(doc, d, st);
  ASSERT_FALSE(d.events.empty());
  BindCounts(Data(), d, st);
  const Event* arrest = nullptr;
  for (const EventCandidate& c : d.events) {
    if (CameoCode(c.event.cameo).HasRoot(17)) arrest = &c.event;
  }
  ASSERT_NE(arrest, nullptr);
  ASSERT_EQ(arrest->counts.size(), 1u);
  EXPECT_EQ(arrest->counts[0].value, 40);
  EXPECT_TRUE(Explains(arrest->explain, pass::kCounts, "in the clause"));
}

TEST(CountPass, AHeadlineFigureNoHeadlineEventTakesWaitsForTheBody) {
  Document doc = Doc("Nine dead in Kisumu\n\nGunmen killed the villagers on Monday.");
  doc.title = "Nine dead in Kisumu";
  AddCount(doc, "Nine dead", "killed", 9);
  DocumentState d = StartStory(Data(), doc);
  SentenceState head = OpenSentence(Data(), d, 0);
  ASSERT_TRUE(head.s.title);
  Events(doc, d, head);
  BindCounts(Data(), d, head);
  ASSERT_EQ(d.title_counts.size(), 1u);
  MergeSentence(Data(), d, head);
  SentenceState body = OpenSentence(Data(), d, 1);
  Events(doc, d, body);
  ASSERT_FALSE(d.events.empty());
  BindCounts(Data(), d, body);
  EXPECT_TRUE(d.title_counts.empty());
  EXPECT_TRUE(Explains(d.events[0].event.explain, pass::kCounts, "from the headline"));
}

}  // namespace
}  // namespace eventmill::code
