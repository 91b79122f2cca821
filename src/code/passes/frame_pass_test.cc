#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(FramePass, SourceAndTargetFromTheSentence) {
  Document doc = Doc("Police arrested forty protesters in Nairobi on Sunday.");
  AddActor(doc, "Police", "KENCOP", "KE");
  AddActor(doc, "protesters", "KENPRO", "KE");
  Reading r = Read(doc, "arrested");
  ASSERT_TRUE(r.found);
  ASSERT_EQ(r.t.who.sources.size(), 1u);
  EXPECT_EQ(r.t.who.sources[0].code, "KENCOP");
  ASSERT_TRUE(r.t.who.target);
  EXPECT_EQ(r.t.who.target->code, "KENPRO");
  for (const std::string& line : r.t.who.explain) EXPECT_EQ(line.rfind("frames: ", 0), 0u) << line;
}

TEST(FramePass, APrivatePersonTakesTheStorysCountryAndTheRoleOfItsSlot) {
  std::optional<Actor> person = MakeActor("", "", "", "John Mwangi");
  std::vector<std::string> explain;
  CompletePerson(Data(), person, "173", "target", "KE", "KEN", explain);
  EXPECT_EQ(person->country, "KE");
  EXPECT_EQ(person->code.substr(0, 3), "KEN");
  EXPECT_TRUE(Explains(explain, pass::kFrames, "a private person"));
}

TEST(FramePass, ACountryWithoutAnActorIsCodedByItsAlpha3Code) {
  Document doc = Doc("Kenya sent troops.");
  DocumentState d = StartStory(Data(), doc);
  EventCandidate c;
  c.event.cameo = "042";
  c.event.source = MakeActor("KE", "KE", "", "Kenya");
  CompleteActors(Data(), d, c);
  EXPECT_EQ(c.event.source->code, "KEN");
}

}  // namespace
}  // namespace eventmill::code
