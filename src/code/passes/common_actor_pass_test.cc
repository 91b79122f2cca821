#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(CommonActorPass, ACommonNounActorTakesTheStorysCountry) {
  Document doc = Doc("The suspect stabbed a guard in Kisumu on Friday.");
  AddPlace(doc, "Kisumu", "KE", "city");
  DocumentState d = StartStory(Data(), doc);
  SentenceState st = OpenSentence(Data(), d, 0);
  AddCommonActors(Data(), d, st);
  auto suspect = std::find_if(st.s.entities.begin(), st.s.entities.end(),
                              [](const EntityRef& r) { return r.entity->kind == "common" && r.entity->text == "suspect"; });
  ASSERT_NE(suspect, st.s.entities.end());
  ASSERT_TRUE(suspect->entity->actor);
  EXPECT_EQ(suspect->entity->actor->country, "KE");
  EXPECT_EQ(suspect->entity->actor->code.substr(0, 3), "KEN");
  // (and it is one of the article's entities, for back-references)
  EXPECT_NE(std::find(d.ctx.entities.begin(), d.ctx.entities.end(), suspect->entity), d.ctx.entities.end());
}

TEST(CommonActorPass, AModifierOfANameIsNoActorOfItsOwn) {
  Document doc = Doc("Police arrested suspect John Mwangi in Kisumu on Friday.");
  AddActor(doc, "John Mwangi", "KENCVL", "KE", EntityType::kPerson);
  AddPlace(doc, "Kisumu", "KE", "city");
  DocumentState d = StartStory(Data(), doc);
  SentenceState st = OpenSentence(Data(), d, 0);
  AddCommonActors(Data(), d, st);
  EXPECT_TRUE(std::none_of(st.s.entities.begin(), st.s.entities.end(),
                           [](const EntityRef& r) { return r.entity->kind == "common"; }));
}

}  // namespace
}  // namespace eventmill::code
