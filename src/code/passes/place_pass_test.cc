#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(PlacePass, ThePlaceAfterASceneWordIsTheScene) {
  Document doc = Doc("Troops from Ethiopia attacked rebels in Baidoa on Monday.");
  AddPlace(doc, "Ethiopia", "ET", "country");
  AddPlace(doc, "Baidoa", "SO", "city");
  Reading r = Read(doc, "attacked");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.base.event.location);
  EXPECT_EQ(r.t.base.event.location->place.name, "Baidoa");
  EXPECT_EQ(r.t.base.location_basis, LocationBasis::kClause);
  EXPECT_TRUE(Explains(r.t.base.event.explain, pass::kPlaces, "named in the clause"));
}

TEST(PlacePass, WithoutAPlaceInTheSentenceTheArticlesMainPlace) {
  Document doc = Doc("BAIDOA - Gunmen attacked a checkpoint on Monday. Police arrested two men on Tuesday.");
  AddPlace(doc, "BAIDOA", "SO", "city");
  Reading r = Read(doc, "arrested", 1);
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.base.event.location);
  EXPECT_EQ(r.t.base.event.location->place.name, "BAIDOA");
  EXPECT_EQ(r.t.base.location_basis, LocationBasis::kArticle);
}

TEST(PlacePass, AcrossTheCountryTheSceneIsTheCountry) {
  Document doc = Doc("Protests spread in Kenya on Sunday. Police arrested 200 people across the country on Monday.");
  AddPlace(doc, "Kenya", "KE", "country");
  Reading r = Read(doc, "arrested", 1);
  ASSERT_TRUE(r.found);
  ASSERT_FALSE(r.st.scope_at.empty()) << "scope.cues has no \"across the country\"";
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.base.event.location);
  EXPECT_EQ(r.t.base.event.location->place.name, "Kenya");
  EXPECT_EQ(r.t.base.location_basis, LocationBasis::kClause);  // not merely the article's main place
  EXPECT_TRUE(Explains(r.t.base.event.explain, pass::kPlaces, "spans the country"));
}

TEST(PlacePass, ARegionAfterANameTheGazetteerLacksStandsForIt) {
  // "Gorka" is no place the gazetteer knows: "Bari" in the parenthesis says where it is, so it
  // takes the "in" before the village, over a place later in the sentence.
  Document doc = Doc("Gunmen attacked a checkpoint in Gorka village (Bari, Nugaal) after talks in Garowe.");
  AddPlace(doc, "Bari", "SO", "city");
  AddPlace(doc, "Nugaal", "SO", "admin1");
  AddPlace(doc, "Garowe", "SO", "city");
  Reading r = Read(doc, "attacked");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.base.event.location);
  EXPECT_EQ(r.t.base.event.location->place.name, "Bari");
}

TEST(PlacePass, ATownWhoseRegionIsAnotherCountrysIsANamesake) {
  // "Kale (Sagaing)" read as a French town: its region, written after it, is in Myanmar.
  Document doc = Doc("Soldiers clashed with rebels in Kale (Sagaing) on Monday.");
  AddPlace(doc, "Kale", "FR", "city");
  AddPlace(doc, "Sagaing", "MM", "admin1");
  Reading r = Read(doc, "clashed");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.base.event.location);
  EXPECT_EQ(r.t.base.event.location->place.name, "Sagaing");
}

TEST(PlacePass, ARegionAfterAKnownTownOnlySaysWhereTheTownIs) {
  Document doc = Doc("Rebels shelled positions around Vostok, Zapadna on Monday.");
  AddPlace(doc, "Vostok", "UA", "city");
  AddPlace(doc, "Zapadna", "UA", "admin1");
  for (Entity& e : doc.entities) e.place->admin1 = "Zapadna";
  Reading r = Read(doc, "shelled");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.base.event.location);
  EXPECT_EQ(r.t.base.event.location->place.name, "Vostok");
}

TEST(PlacePass, ADestinationIsNoScene) {
  Document doc = Doc("Drivers gathered in Lyon and, in a convoy heading to Paris, blocked a motorway.");
  AddPlace(doc, "Lyon", "FR", "city");
  AddPlace(doc, "Paris", "FR", "city");
  Reading r = Read(doc, "blocked");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.base.event.location);
  EXPECT_EQ(r.t.base.event.location->place.name, "Lyon");
}

}  // namespace
}  // namespace eventmill::code
