#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(AuthorityPass, AnArrestWithNoAgentIsMadeByTheStatesPolice) {
  Document doc = Doc("Three men were arrested in Mombasa on Friday.");
  AddPlace(doc, "Mombasa", "KE", "city");
  Reading r = Read(doc, "arrested");
  ASSERT_TRUE(r.found);
  ASSERT_TRUE(r.t.p->authority);
  ASSERT_TRUE(r.t.who.sources.empty());
  ImplyAuthority(r.d, r.t);
  ASSERT_EQ(r.t.who.sources.size(), 1u);
  EXPECT_EQ(r.t.who.sources[0].code, "KENCOP");
  EXPECT_TRUE(Explains(r.t.who.explain, pass::kAuthorities, "no authority named"));
}

TEST(AuthorityPass, ANamedAgentStays) {
  Document doc = Doc("Three men were arrested by soldiers in Mombasa on Friday.");
  AddPlace(doc, "Mombasa", "KE", "city");
  AddActor(doc, "soldiers", "KENMIL", "KE");
  Reading r = Read(doc, "arrested");
  ASSERT_TRUE(r.found);
  ImplyAuthority(r.d, r.t);
  ASSERT_EQ(r.t.who.sources.size(), 1u);
  EXPECT_EQ(r.t.who.sources[0].code, "KENMIL");
}

}  // namespace
}  // namespace eventmill::code
