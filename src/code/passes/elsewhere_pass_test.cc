#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

EventCandidate Marked(const std::string& text, const std::string& word) {
  Document doc = Doc(text);
  Reading r = Read(doc, word);
  if (!r.found) return {};
  StartEvent(Data(), r.st, r.t);
  MarkElsewhere(r.st, r.t);
  MarkBackReference(r.st, r.t);
  return r.t.base;
}

TEST(ElsewherePass, ASeparateIncidentIsAnotherEvent) {
  EventCandidate c = Marked("Elsewhere, gunmen attacked a checkpoint on Monday.", "attacked");
  EXPECT_TRUE(c.separate);
  EXPECT_TRUE(Explains(c.event.explain, pass::kElsewhere, "another event"));
  EXPECT_TRUE(Marked("Another bomb exploded near the market on Monday.", "exploded").separate);
  EXPECT_FALSE(Marked("Gunmen attacked a checkpoint on Monday.", "attacked").separate);
}

TEST(ElsewherePass, ADefiniteNounRefersBack) {
  EXPECT_TRUE(Marked("The governor condemned the attack on Monday.", "attack").anaphoric);
  EXPECT_FALSE(Marked("Gunmen attacked a checkpoint on Monday.", "attacked").anaphoric);
}

}  // namespace
}  // namespace eventmill::code
