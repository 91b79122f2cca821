#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(RecodePass, ADeniedAttackIsADenial) {
  Document doc = Doc("The militia denied shelling the border post on Monday.");
  AddActor(doc, "militia", "SYRREB", "SY");
  Reading r = Read(doc, "shelling");
  ASSERT_TRUE(r.found);
  ASSERT_EQ(r.t.mod.modality, "denied");
  StartEvent(Data(), r.st, r.t);
  EXPECT_EQ(r.t.base.event.cameo, "016");
  EXPECT_EQ(r.t.base.event.modality, "asserted");
  EXPECT_TRUE(Explains(r.t.base.event.explain, pass::kRecodes, "recodes.tsv:"));
}

TEST(RecodePass, AnAssertedAttackKeepsItsCode) {
  Document doc = Doc("The militia shelled the border post on Monday.");
  Reading r = Read(doc, "shelled");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  EXPECT_EQ(r.t.base.event.cameo, r.t.p->cameo);
  EXPECT_TRUE(r.t.base.event.explain.empty());
}

TEST(RecodePass, ProtestersFightingPoliceRiot) {
  EventCandidate c;
  c.event.cameo = "190";
  c.event.source = MakeActor("KENPRO", "KE", "PRO");
  c.event.target = MakeActor("KENCOP", "KE", "COP");
  RecodeBySides(Data(), c);
  EXPECT_EQ(c.event.cameo, "145");
  EventCandidate army;
  army.event.cameo = "190";
  army.event.source = MakeActor("KENMIL", "KE", "MIL");
  army.event.target = MakeActor("KENREB", "KE", "REB");
  RecodeBySides(Data(), army);
  EXPECT_EQ(army.event.cameo, "190");
}

}  // namespace
}  // namespace eventmill::code
