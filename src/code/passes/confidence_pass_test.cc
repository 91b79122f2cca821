#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

double Scored(const std::string& text, const std::string& word) {
  Document doc = Doc(text);
  Reading r = Read(doc, word);
  if (!r.found) return 0;
  StartEvent(Data(), r.st, r.t);
  ScoreMention(r.st, r.t);
  return r.t.base.event.confidence - r.t.p->confidence;
}

TEST(ConfidencePass, TheLeadsMainClauseTellsTheNews) {
  EXPECT_NEAR(Scored("Police arrested forty protesters on Sunday.", "arrested"), 0.06, 1e-9);
}

TEST(ConfidencePass, AnActNamedAsTheReasonForAnotherIsBackground) {
  EXPECT_LT(Scored("Students marched on Sunday against the killing of a driver.", "killing"), 0.0);
}

TEST(ConfidencePass, FinishedEventsGetCodebookFieldsAndIds) {
  Document doc = Doc("Police arrested forty protesters on Sunday.");
  DocumentState d = StartStory(Data(), doc);
  EventCandidate c;
  c.event.cameo = "173";
  c.event.confidence = 0.8;
  c.event.source = MakeActor("KENCOP");
  d.merged.push_back(c);
  FinishEvents(Data(), d);
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].quad_class, 4);
  // 0.8, +0.05 for a source, +0.1 for an act ACLED codes
  EXPECT_NEAR(doc.events[0].confidence, doc.events[0].acled_event_type.empty() ? 0.85 : 0.95, 1e-9);
  EXPECT_EQ(doc.events[0].id.size(), 16u);
}

}  // namespace
}  // namespace eventmill::code
