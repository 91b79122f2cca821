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

}  // namespace
}  // namespace eventmill::code
