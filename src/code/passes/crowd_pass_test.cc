#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(CrowdPass, ACrowdCountedByANumberProtests) {
  Document doc = Doc("Police detained dozens of people in Nairobi as thousands marched through the city.");
  AddActor(doc, "Police", "KENCOP", "KE");
  AddPlace(doc, "Nairobi", "KE", "city");
  Reading r = Read(doc, "marched");
  ASSERT_TRUE(r.found);
  ASSERT_TRUE(CameoCode(r.t.p->cameo).HasRoot(14));
  CrowdsProtest(r.d, r.st, r.t);
  ASSERT_EQ(r.t.who.sources.size(), 1u);
  EXPECT_EQ(r.t.who.sources[0].code, "KENPRO");
  EXPECT_EQ(r.t.who.sources[0].text, "thousands");
  EXPECT_TRUE(Explains(r.t.who.explain, pass::kCrowds, "a crowd counted by a number"));
}

TEST(CrowdPass, NoCrowdNoChange) {
  Document doc = Doc("Students marched through Nairobi on Monday.");
  AddActor(doc, "Students", "KENEDU", "KE");
  AddPlace(doc, "Nairobi", "KE", "city");
  Reading r = Read(doc, "marched");
  ASSERT_TRUE(r.found);
  CrowdsProtest(r.d, r.st, r.t);
  ASSERT_EQ(r.t.who.sources.size(), 1u);
  EXPECT_EQ(r.t.who.sources[0].code, "KENEDU");
}

}  // namespace
}  // namespace eventmill::code
