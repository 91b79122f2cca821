#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(StoryPass, TheDatelineSetsTheMainPlaceAndTheStoryCountry) {
  Document doc = Doc("NAIROBI - Police arrested two men on Tuesday. The men were taken to Mombasa.");
  AddPlace(doc, "NAIROBI", "KE", "city");
  AddPlace(doc, "Mombasa", "KE", "city");
  DocumentState d = StartStory(Data(), doc);
  ASSERT_TRUE(d.main_place);
  EXPECT_EQ(d.main_place->place.name, "NAIROBI");
  EXPECT_EQ(d.story_country, "KE");
  EXPECT_EQ(d.story_alpha3, "KEN");
}

TEST(StoryPass, WithoutPlacesTheActorsCountryIsTheStorys) {
  Document doc = Doc("The ministry said soldiers fired on a crowd.");
  AddActor(doc, "ministry", "UKRGOV", "UA");
  AddActor(doc, "soldiers", "UKRMIL", "UA");
  DocumentState d = StartStory(Data(), doc);
  EXPECT_FALSE(d.main_place);
  EXPECT_EQ(d.story_country, "UA");
  EXPECT_EQ(d.story_alpha3, "UKR");
  EXPECT_EQ(d.alpha3_of.at("UA"), "UKR");
}

}  // namespace
}  // namespace eventmill::code
