#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(PlaceActorPass, APlaceRightAfterAVerbalActStandsForItsGovernment) {
  Document doc = Doc("The minister urged Tehran to release the sailors.");
  AddActor(doc, "minister", "GBRGOV", "GB", EntityType::kPerson);
  AddPlace(doc, "Tehran", "IR", "city");
  Reading r = Read(doc, "urged");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  ASSERT_TRUE(CameoCode(r.t.base.event.cameo).IsShortOfCoercion());
  PlaceAsTarget(Data(), r.st, r.t);
  ASSERT_TRUE(r.t.who.target);
  EXPECT_EQ(r.t.who.target->code, "IRNGOV");
  EXPECT_TRUE(Explains(r.t.who.explain, pass::kPlaceActors, "stands for its government"));
}

TEST(PlaceActorPass, APlaceOpeningTheClauseSpeaksForItsGovernment) {
  Document doc = Doc("Tbilisi has denied the claims. Georgian officials met on Monday.");
  AddPlace(doc, "Tbilisi", "GE", "city");
  AddActor(doc, "Georgian officials", "GEOGOV", "GE");
  DocumentState d = StartStory(Data(), doc);
  EventCandidate c;
  c.event.cameo = "016";
  c.subject_place = &doc.entities[0];
  PlaceAsSource(Data(), d, c);
  ASSERT_TRUE(c.event.source);
  EXPECT_EQ(c.event.source->code, "GEOGOV");
  EventCandidate force;
  force.event.cameo = "190";  // force is done by someone, not by a capital's name
  force.subject_place = &doc.entities[0];
  PlaceAsSource(Data(), d, force);
  EXPECT_FALSE(force.event.source);
}

TEST(PlaceActorPass, ACapitalSpeaksForItsGovernmentWhereTheStoryNamesNoActorOfItsCountry) {
  Document doc = Doc("Ottawa rejected the proposal on Tuesday.");
  AddPlace(doc, "Ottawa", "CA", "city");
  DocumentState d = StartStory(Data(), doc);
  EventCandidate c;
  c.event.cameo = "12";
  c.subject_place = &doc.entities[0];
  PlaceAsSource(Data(), d, c);
  ASSERT_TRUE(c.event.source);
  EXPECT_EQ(c.event.source->code, "CANGOV");  // the lexicon's alpha-3 code, not the story's
  EXPECT_EQ(c.event.source->country, "CA");
}

TEST(PlaceActorPass, AConcessionWithItsSceneButNoTargetIsAimedAtTheScenesGovernment) {
  Document doc = Doc("Kenyan troops eased the curfew in Mombasa on Saturday.");
  AddActor(doc, "Kenyan troops", "KENMIL", "KE");
  AddPlace(doc, "Mombasa", "KE", "city");
  Reading r = Read(doc, "eased");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.in_clause);
  r.t.who.target.reset();
  SceneActors(Data(), r.t);
  ASSERT_TRUE(r.t.who.target);
  EXPECT_EQ(r.t.who.target->code, "KENGOV");
  EXPECT_TRUE(Explains(r.t.who.explain, pass::kPlaceActors, "where they happen"));
}

TEST(PlaceActorPass, AnAttackWithItsSceneButNoAuthorKeepsNoSourceAndItsVictims) {
  // The contract leaves a source the text does not name null; an attack's target is its victims.
  Document doc = Doc("A bomb killed four soldiers in Mosul on Monday.");
  AddActor(doc, "soldiers", "IRQMIL", "IQ");
  AddPlace(doc, "Mosul", "IQ", "city");
  Reading r = Read(doc, "killed");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  r.t.who.sources.clear();
  r.t.who.target.reset();
  SceneActors(Data(), r.t);
  EXPECT_TRUE(r.t.who.sources.empty());
  EXPECT_FALSE(r.t.who.target);
}

}  // namespace
}  // namespace eventmill::code
