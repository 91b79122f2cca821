#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

// The name of the place BindPlace gives the event of `trigger` in sentence `si`; what went
// missing otherwise, so a failing test says which step found nothing.
std::string SceneOf(Document& doc, const std::string& trigger, size_t si = 0) {
  Reading r = Read(doc, trigger, si);
  if (!r.found) return "(no event at '" + trigger + "')";
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  return r.t.base.event.location ? r.t.base.event.location->place.name : "(no place)";
}

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
  EXPECT_EQ(SceneOf(doc, "attacked"), "Bari");
}

TEST(PlacePass, ATownWhoseRegionIsAnotherCountrysIsANamesake) {
  // "Kale (Sagaing)" read as a French town: its region, written after it, is in Myanmar.
  Document doc = Doc("Soldiers clashed with rebels in Kale (Sagaing) on Monday.");
  AddPlace(doc, "Kale", "FR", "city");
  AddPlace(doc, "Sagaing", "MM", "admin1");
  EXPECT_EQ(SceneOf(doc, "clashed"), "Sagaing");
}

TEST(PlacePass, ARegionAfterAKnownTownOnlySaysWhereTheTownIs) {
  Document doc = Doc("Rebels shelled positions around Vostok, Zapadna on Monday.");
  AddPlace(doc, "Vostok", "UA", "city");
  AddPlace(doc, "Zapadna", "UA", "admin1");
  for (Entity& e : doc.entities) e.place->admin1 = "Zapadna";
  EXPECT_EQ(SceneOf(doc, "shelled"), "Vostok");
}

TEST(PlacePass, ADestinationIsNoScene) {
  Document doc = Doc("Drivers gathered in Lyon and, in a convoy heading to Paris, blocked a motorway.");
  AddPlace(doc, "Lyon", "FR", "city");
  AddPlace(doc, "Paris", "FR", "city");
  EXPECT_EQ(SceneOf(doc, "blocked"), "Lyon");
}

// Sets where a place added by AddPlace lies (every mention of it).
void Locate(Document& doc, const std::string& mention, const std::string& admin1, double lat, double lon) {
  for (Entity& e : doc.entities) {
    if (e.text != mention || !e.place) continue;
    e.place->admin1 = admin1;
    e.place->lat = lat;
    e.place->lon = lon;
  }
}

Location Bound(Document& doc, const std::string& trigger) {
  Reading r = Read(doc, trigger);
  EXPECT_TRUE(r.found) << trigger;
  if (!r.found) return {};
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  EXPECT_TRUE(r.t.base.event.location);
  return r.t.base.event.location.value_or(Location{});
}

TEST(PlacePass, ATownOfAnotherRegionThanTheOneWrittenAfterItIsANamesake) {
  // The gazetteer's only "Qzorvel" lies in another region, far away: the town written here is
  // one the gazetteer lacks, in Westmark; its name stays, at Westmark's point.
  Document doc = Doc("Police arrested two men in Qzorvel town, Westmark on Monday.");
  AddPlace(doc, "Qzorvel", "UA", "city");
  AddPlace(doc, "Westmark", "UA", "admin1");
  Locate(doc, "Qzorvel", "Eastmark", 50.0, 36.0);
  Locate(doc, "Westmark", "Westmark", 48.0, 25.0);
  Location loc = Bound(doc, "arrested");
  EXPECT_EQ(loc.place.name, "Qzorvel");
  EXPECT_EQ(loc.place.admin1, "Westmark");
  ASSERT_TRUE(loc.place.lat);
  EXPECT_DOUBLE_EQ(*loc.place.lat, 48.0);
}

TEST(PlacePass, ATownNearTheRegionWrittenAfterItKeepsItsReading) {
  // Sources name regions differently: a town near the region's point is taken at its word.
  Document doc = Doc("Police arrested two men in Qzorvel town, Westmark on Monday.");
  AddPlace(doc, "Qzorvel", "UA", "city");
  AddPlace(doc, "Westmark", "UA", "admin1");
  Locate(doc, "Qzorvel", "West Mark Oblast", 48.2, 25.1);
  Locate(doc, "Westmark", "Westmark", 48.0, 25.0);
  Location loc = Bound(doc, "arrested");
  EXPECT_EQ(loc.place.name, "Qzorvel");
  ASSERT_TRUE(loc.place.lat);
  EXPECT_DOUBLE_EQ(*loc.place.lat, 48.2);
}

TEST(PlacePass, APartOfACityAfterADashFarFromItIsANamesake) {
  // (Nearer the trigger, the part would be the scene.)
  Document doc = Doc("In front of the office (Brenholt City - Vask), protesters rallied on Monday.");
  AddPlace(doc, "Brenholt", "KR", "city");
  AddPlace(doc, "Vask", "KR", "city");
  Locate(doc, "Brenholt", "Brenholt", 37.5, 127.0);
  Locate(doc, "Vask", "Southland", 35.0, 129.5);
  EXPECT_EQ(Bound(doc, "rallied").place.name, "Brenholt");
}

TEST(PlacePass, APartOfACityAfterADashNearItIsTheScene) {
  Document doc = Doc("In front of the office (Brenholt City - Vask), protesters rallied on Monday.");
  AddPlace(doc, "Brenholt", "KR", "city");
  AddPlace(doc, "Vask", "KR", "city");
  Locate(doc, "Brenholt", "Brenholt", 37.5, 127.0);
  Locate(doc, "Vask", "Brenholt", 37.53, 127.02);
  EXPECT_EQ(Bound(doc, "rallied").place.name, "Vask");
}

TEST(PlacePass, ANeighbourhoodReadAsATownFarAwayIsANamesake) {
  Document doc = Doc("In Tarvon (Esk), gunmen shot a man in the Mirel neighborhood on Monday.");
  AddPlace(doc, "Tarvon", "BR", "city");
  AddPlace(doc, "Esk", "BR", "admin1");
  AddPlace(doc, "Mirel", "BR", "city");
  Locate(doc, "Tarvon", "Esk", -20.0, -40.3);
  Locate(doc, "Esk", "Esk", -19.5, -40.6);
  Locate(doc, "Mirel", "Norte", -3.0, -60.0);
  EXPECT_EQ(Bound(doc, "shot").place.name, "Tarvon");
}

TEST(PlacePass, ANeighbourhoodInTheTownIsTheScene) {
  Document doc = Doc("In Tarvon (Esk), gunmen shot a man in the Mirel neighborhood on Monday.");
  AddPlace(doc, "Tarvon", "BR", "city");
  AddPlace(doc, "Esk", "BR", "admin1");
  AddPlace(doc, "Mirel", "BR", "city");
  Locate(doc, "Tarvon", "Esk", -20.0, -40.3);
  Locate(doc, "Esk", "Esk", -19.5, -40.6);
  Locate(doc, "Mirel", "Esk", -20.02, -40.31);
  EXPECT_EQ(Bound(doc, "shot").place.name, "Mirel");
}

TEST(PlacePass, ATownOfTheChosenRegionNamedAsASceneIsFiner) {
  Document doc = Doc("Students protested across Velmar state, including in Ostrel city, on Monday.");
  AddPlace(doc, "Velmar", "IN", "admin1");
  AddPlace(doc, "Ostrel", "IN", "city");
  Locate(doc, "Velmar", "Velmar", 26.0, 92.0);
  Locate(doc, "Ostrel", "Velmar", 25.9, 93.4);
  EXPECT_EQ(Bound(doc, "protested").place.name, "Ostrel");
}

TEST(PlacePass, ANoteFilesItsEventUnderThePlaceAfterCodedTo) {
  Document doc = Doc("Gunmen attacked a farm in Kolvo village, coded to Drenna (Sarn), on Monday.");
  AddPlace(doc, "Drenna", "NG", "city");
  AddPlace(doc, "Sarn", "NG", "admin1");
  Locate(doc, "Drenna", "Sarn", 10.0, 8.0);
  Locate(doc, "Sarn", "Sarn", 10.4, 8.2);
  Reading r = Read(doc, "attacked");
  ASSERT_TRUE(r.found);
  ASSERT_FALSE(r.st.filed_at.empty()) << "scope.cues has no \"coded to\"";
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.base.event.location);
  EXPECT_EQ(r.t.base.event.location->place.name, "Drenna");
  EXPECT_TRUE(Explains(r.t.base.event.explain, pass::kPlaces, "files the event under it"));
}

TEST(PlacePass, APlaceFiledFarFromTheSentencesOtherPlacesIsANamesake) {
  Document doc = Doc("Gunmen attacked a farm in Kolvo village in Sarn, coded to Drenna, on Monday.");
  AddPlace(doc, "Drenna", "DZ", "city");
  AddPlace(doc, "Sarn", "NG", "admin1");
  Locate(doc, "Drenna", "Oued", 33.0, 7.0);
  Locate(doc, "Sarn", "Sarn", 10.4, 8.2);
  EXPECT_EQ(Bound(doc, "attacked").place.name, "Sarn");
}

TEST(PlacePass, TheRegionAfterAPlaceTheActorsComeFromIsNoScene) {
  // "from Qzorvel" says where the gunmen come from; "Westmark" only says where Qzorvel lies.
  Document doc = Doc("Gunmen from Qzorvel, Westmark attacked a checkpoint on Monday.");
  AddPlace(doc, "Qzorvel", "UA", "city");
  AddPlace(doc, "Westmark", "UA", "admin1");
  Reading r = Read(doc, "attacked");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindPlace(Data(), r.d, r.st, r.t);
  ASSERT_TRUE(r.t.base.event.location);
  EXPECT_NE(r.t.base.location_basis, LocationBasis::kClause);
  EXPECT_NE(r.t.base.event.location->place.name, "Westmark");
}


TEST(PlacePass, ARegionsNameBeforeACityDistrictDashIsTheCity) {
  // "City - District (Region)": the name before the dash is the city, even where the mention
  // was read as the region that bears its name; the gazetteer's town of that name in the region.
  Document doc = Doc("Residents marched in Sao Paulo - East Zone (Sao Paulo) on Monday.");
  AddPlace(doc, "Sao Paulo", "BR", "admin1");
  Locate(doc, "Sao Paulo", "São Paulo", -22.3, -48.7);
  Location loc = Bound(doc, "marched");
  EXPECT_EQ(loc.place.precision, "city");
  ASSERT_TRUE(loc.place.lat);
  EXPECT_NEAR(*loc.place.lat, -23.55, 0.2);  // the city, not the state's point
}

TEST(PlacePass, ARegionsNameWithoutADashStaysTheRegion) {
  Document doc = Doc("Residents marched across Sao Paulo on Monday.");
  AddPlace(doc, "Sao Paulo", "BR", "admin1");
  Locate(doc, "Sao Paulo", "São Paulo", -22.3, -48.7);
  EXPECT_EQ(Bound(doc, "marched").place.precision, "admin1");
}

TEST(PlacePass, ADemonymInAnOrganisationsNameGivesWayToTheStorysTown) {
  // "Petrosur (Paraguayan Oil Company)" says whose company, not where: the story's town is the
  // scene of the demand in the second sentence.
  Document doc = Doc(
      "Truck drivers blocked a road in Itaugua on Monday. Farmers have been demanding that Petrosur "
      "(Paraguayan Oil Company) cut its prices.");
  AddPlace(doc, "Itaugua", "PY", "city");
  AddPlace(doc, "Paraguayan", "PY", "country");
  for (Entity& e : doc.entities) {
    if (e.text == "Paraguayan") e.kind = "demonym";
  }
  EXPECT_EQ(SceneOf(doc, "demanding", 1), "Itaugua");
}

TEST(PlacePass, ACountryClosingAnOrganisationsNameGivesWayToATownOfIt) {
  Document doc = Doc(
      "Near Otavalo (Imbabura), supporters of the Confederation of Indigenous Nationalities of Ecuador "
      "blocked a highway on Monday.");
  AddPlace(doc, "Otavalo", "EC", "city");
  AddPlace(doc, "Imbabura", "EC", "admin1");
  AddPlace(doc, "Ecuador", "EC", "country");
  EXPECT_EQ(SceneOf(doc, "blocked"), "Otavalo");
}

TEST(PlacePass, ACountryAfterInStaysTheScene) {
  // Not part of a name: "in Ecuador" says where, even beside a town of it named elsewhere.
  Document doc = Doc("Farmers from Otavalo blocked highways in Ecuador on Monday.");
  AddPlace(doc, "Otavalo", "EC", "city");
  AddPlace(doc, "Ecuador", "EC", "country");
  EXPECT_EQ(SceneOf(doc, "blocked"), "Ecuador");
}


TEST(PlacePass, ARegionWrittenShorterThanTheTownsOwnKeepsTheTown) {
  // "Qzorvel, North Mark" for a town the gazetteer files under "North Mark South": the writer's
  // region begins the town's own, far from the shorter region's point; the town stands.
  Document doc = Doc("Drivers protested in Qzorvel, North Mark on Monday.");
  AddPlace(doc, "Qzorvel", "MX", "city");
  AddPlace(doc, "North Mark", "MX", "admin1");
  Locate(doc, "Qzorvel", "North Mark South", 23.0, -109.7);
  Locate(doc, "North Mark", "North Mark", 30.3, -115.2);
  Location loc = Bound(doc, "protested");
  EXPECT_EQ(loc.place.precision, "city");
  ASSERT_TRUE(loc.place.lat);
  EXPECT_DOUBLE_EQ(*loc.place.lat, 23.0);
}

TEST(PlacePass, ARegionOfTheQualifierListThatAgreesKeepsTheTown) {
  // "Qzorvel (Old Mark, New Mark)": the town lies in New Mark by its own region, whatever Old Mark's point.
  Document doc = Doc("Graduates protested in Qzorvel (Old Mark, New Mark) on Monday.");
  AddPlace(doc, "Qzorvel", "MA", "city");
  AddPlace(doc, "Old Mark", "MA", "admin1");
  AddPlace(doc, "New Mark", "MA", "admin1");
  Locate(doc, "Qzorvel", "New Mark", 33.0, -4.0);
  Locate(doc, "Old Mark", "Old Mark", 33.4, -5.7);
  Locate(doc, "New Mark", "New Mark", 34.6, -4.2);
  Location loc = Bound(doc, "protested");
  EXPECT_EQ(loc.place.name, "Qzorvel");
  ASSERT_TRUE(loc.place.lat);
  EXPECT_DOUBLE_EQ(*loc.place.lat, 33.0);
}

TEST(PlacePass, AHyphenatedDemonymNamesNoName) {
  // "Indian-controlled Kashmir": the demonym glued by a hyphen opens no organisation's name, so
  // it does not give way to the dateline's city.
  Document doc = Doc("NEW DELHI, March 7 -- Two civilians were killed in separate attacks in restive Indian-controlled Kashmir, police said.");
  AddPlace(doc, "NEW DELHI", "IN", "city");
  AddPlace(doc, "Indian", "IN", "country");
  AddPlace(doc, "Kashmir", "", "region");
  for (Entity& e : doc.entities) {
    if (e.text == "Indian") e.kind = "demonym";
  }
  EXPECT_EQ(SceneOf(doc, "killed"), "Indian");
}

TEST(PlacePass, OnATieTheMainPlaceIsTheFinerPlaceOfTheCountry) {
  Document doc = Doc("A fighter of the Qzor Freedom Front attacked a police post in Bagram district, Parwan. Two men were killed.");
  AddPlace(doc, "Qzor", "AF", "country");
  AddPlace(doc, "Bagram", "AF", "city");
  auto loc = MainPlace(doc, [&] {
    std::vector<const Entity*> v;
    for (const Entity& e : doc.entities) v.push_back(&e);
    return v;
  }());
  ASSERT_TRUE(loc);
  EXPECT_EQ(loc->place.name, "Bagram");
}

}  // namespace
}  // namespace eventmill::code
