// PlaceResolver on mentions built from the compiled lexicon: one name alone, a name among its
// neighbours, a hint written beside it, one sense per discourse, the article's countries.
#include "analyze/place_resolver.h"

#include <gtest/gtest.h>

#include "lexicon/lexicon_impl.h"
#include "lexicon/tokens.h"

namespace eventmill::analyze {
namespace {

const Lexicon* TheLexicon() {
  static Result<Lexicon>* lex = new Result<Lexicon>(Lexicon::Load());
  return lex->ok() ? &**lex : nullptr;
}

// A mention of `name` with every gazetteer reading the lexicon has for it.
PlaceMention Mention(const Lexicon& lexicon, std::string_view name, bool demonym = false) {
  const auto& lex = lexicon.impl();
  PlaceMention m;
  m.demonym = demonym;
  if (const lexicon::Slot* slot = lex.Find(lexicon::PhraseKey(name))) {
    for (const lexicon::Posting& p : lex.PostingsOf(*slot)) {
      if (!lex.Place(p) || bool(p.flags & lexicon::kDemonym) != demonym) continue;
      m.candidates.push_back(p.target);
      m.alternate.push_back(p.flags & lexicon::kAlternate ? 1 : 0);
    }
  }
  return m;
}

std::string CountryOf(const Lexicon& lexicon, int64_t place) {
  if (place < 0) return "";
  const auto& p = lexicon.impl().places[place];
  return std::string(p.country, 2);
}

std::string NameOf(const Lexicon& lexicon, int64_t place) {
  return place < 0 ? "" : std::string(lexicon.impl().Str(lexicon.impl().places[place].name));
}

class PlaceResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    lex_ = TheLexicon();
    if (!lex_ || lex_->impl().places.size() < 10000) GTEST_SKIP() << "no compiled gazetteer (run make build)";
  }
  const Lexicon* lex_ = nullptr;
};

TEST_F(PlaceResolverTest, ANameAloneIsItsBestKnownPlace) {
  std::vector<PlaceMention> mentions = {Mention(*lex_, "Paris")};
  ASSERT_GT(mentions[0].candidates.size(), 1u);
  PlaceContext ctx = PlaceResolver(*lex_).Resolve(&mentions);
  EXPECT_EQ(CountryOf(*lex_, mentions[0].chosen), "FR");
  EXPECT_EQ(ctx.dominant_country, "FR");
}

TEST_F(PlaceResolverTest, NeighboursPickTheReadingAmongThem) {
  std::vector<PlaceMention> mentions = {Mention(*lex_, "Paris"), Mention(*lex_, "Dallas"), Mention(*lex_, "Texas"),
                                        Mention(*lex_, "Tyler")};
  PlaceContext ctx = PlaceResolver(*lex_).Resolve(&mentions);
  EXPECT_EQ(CountryOf(*lex_, mentions[0].chosen), "US") << NameOf(*lex_, mentions[0].chosen);
  EXPECT_EQ(ctx.dominant_country, "US");
  ASSERT_FALSE(ctx.countries.empty());
  EXPECT_EQ(ctx.countries[0], "US");
}

TEST_F(PlaceResolverTest, AHintBesideTheNameDecides) {
  std::vector<PlaceMention> mentions = {Mention(*lex_, "Paris"), Mention(*lex_, "Texas")};
  PlaceResolver resolver(*lex_);
  // Resolve "Texas" first, then give it to "Paris" as the region written after it.
  std::vector<PlaceMention> texas = {mentions[1]};
  resolver.Resolve(&texas);
  ASSERT_GE(texas[0].chosen, 0);
  mentions[0].hint = texas[0].chosen;
  resolver.Resolve(&mentions, /*explain=*/true);
  EXPECT_EQ(CountryOf(*lex_, mentions[0].chosen), "US");
  EXPECT_NE(mentions[0].why.find("inside the region written after it"), std::string::npos) << mentions[0].why;
}

TEST_F(PlaceResolverTest, OneNameIsOnePlaceThroughTheArticle) {
  std::vector<PlaceMention> mentions = {Mention(*lex_, "Almaty"), Mention(*lex_, "Kazakhstan"), Mention(*lex_, "Almaty")};
  PlaceContext ctx = PlaceResolver(*lex_).Resolve(&mentions);
  EXPECT_EQ(mentions[0].chosen, mentions[2].chosen);
  EXPECT_EQ(CountryOf(*lex_, mentions[0].chosen), "KZ");
  EXPECT_EQ(ctx.dominant_country, "KZ");
}

TEST_F(PlaceResolverTest, ExplainingSaysWhy) {
  std::vector<PlaceMention> mentions = {Mention(*lex_, "Almaty"), Mention(*lex_, "Kazakhstan")};
  PlaceResolver(*lex_).Resolve(&mentions, /*explain=*/true);
  EXPECT_NE(mentions[0].why.find("base "), std::string::npos) << mentions[0].why;
  EXPECT_NE(mentions[0].why.find("candidates)"), std::string::npos) << mentions[0].why;
}

TEST_F(PlaceResolverTest, AStrayNamesakeIsLeftUnresolved) {
  // "El Centro" has readings in the US and Mexico, none in Colombia: beside two Colombian
  // names it is a place the gazetteer lacks, not the Californian town.
  std::vector<PlaceMention> mentions = {Mention(*lex_, "El Centro"), Mention(*lex_, "Bucaramanga"),
                                        Mention(*lex_, "Santander")};
  ASSERT_FALSE(mentions[0].candidates.empty());
  PlaceContext ctx = PlaceResolver(*lex_).Resolve(&mentions, /*explain=*/true);
  EXPECT_EQ(mentions[0].chosen, -1) << NameOf(*lex_, mentions[0].chosen) << " " << mentions[0].why;
  EXPECT_EQ(CountryOf(*lex_, mentions[1].chosen), "CO");
  EXPECT_EQ(ctx.dominant_country, "CO");
  // The same without explaining.
  std::vector<PlaceMention> quiet = {Mention(*lex_, "El Centro"), Mention(*lex_, "Bucaramanga"),
                                     Mention(*lex_, "Santander")};
  PlaceResolver(*lex_).Resolve(&quiet);
  EXPECT_EQ(quiet[0].chosen, -1);
}

TEST_F(PlaceResolverTest, ANamesakeInACountryTheArticleNamesStays) {
  // Alone, or where the article names its country, the town keeps its reading.
  std::vector<PlaceMention> alone = {Mention(*lex_, "El Centro")};
  PlaceResolver(*lex_).Resolve(&alone);
  EXPECT_EQ(CountryOf(*lex_, alone[0].chosen), "US");
  std::vector<PlaceMention> named = {Mention(*lex_, "El Centro"), Mention(*lex_, "Bucaramanga"),
                                     Mention(*lex_, "Santander"), Mention(*lex_, "California")};
  PlaceResolver(*lex_).Resolve(&named);
  EXPECT_EQ(CountryOf(*lex_, named[0].chosen), "US");
  // Where the story is said to happen ("in El Centro"), beside names only mentioned, it stays too.
  std::vector<PlaceMention> scene = {Mention(*lex_, "El Centro"), Mention(*lex_, "Bucaramanga"),
                                     Mention(*lex_, "Santander")};
  scene[0].locative = true;
  PlaceResolver(*lex_).Resolve(&scene);
  EXPECT_EQ(CountryOf(*lex_, scene[0].chosen), "US");
  // ... unless one of them is a scene as well.
  scene[2].locative = true;
  PlaceResolver(*lex_).Resolve(&scene);
  EXPECT_EQ(scene[0].chosen, -1);
}

TEST_F(PlaceResolverTest, ACountryNameBeatsATownOfItsNameWhereOnlyACountryNamesTheOther) {
  // "The United States sent aid to Macedonia": the other country is named, none of its towns:
  // the country, not the Ohio town. Beside a town of that state the town wins.
  std::vector<PlaceMention> countries = {Mention(*lex_, "United States"), Mention(*lex_, "Macedonia")};
  ASSERT_GT(countries[1].candidates.size(), 1u);
  PlaceResolver(*lex_).Resolve(&countries);
  EXPECT_EQ(CountryOf(*lex_, countries[1].chosen), "MK") << NameOf(*lex_, countries[1].chosen);
  std::vector<PlaceMention> towns = {Mention(*lex_, "Cleveland"), Mention(*lex_, "Akron"), Mention(*lex_, "Ohio"),
                                     Mention(*lex_, "Macedonia")};
  PlaceResolver(*lex_).Resolve(&towns);
  EXPECT_EQ(CountryOf(*lex_, towns[3].chosen), "US") << NameOf(*lex_, towns[3].chosen);
}

TEST_F(PlaceResolverTest, NoCandidatesNoChoice) {
  std::vector<PlaceMention> mentions(1);
  PlaceContext ctx = PlaceResolver(*lex_).Resolve(&mentions);
  EXPECT_EQ(mentions[0].chosen, -1);
  EXPECT_TRUE(ctx.countries.empty());
  EXPECT_EQ(ctx.dominant_country, "");
}

TEST(BoundedEditDistance, CountsEditsAndGivesUpPastTheLimit) {
  EXPECT_EQ(BoundedEditDistance("almaty", "almaty", 2), 0);
  EXPECT_EQ(BoundedEditDistance("almaty", "almati", 2), 1);
  EXPECT_EQ(BoundedEditDistance("aktau", "aqtau", 2), 1);
  EXPECT_EQ(BoundedEditDistance("kyiv", "kiev", 2), 2);
  EXPECT_EQ(BoundedEditDistance("kyiv", "moscow", 2), 3);
}

TEST_F(PlaceResolverTest, FindInRegionFindsTheTownOfThatNameInTheRegion) {
  PlaceResolver resolver(*lex_);
  const auto& lex = lex_->impl();
  // Turkey has a Yenisehir in Bursa and one in Diyarbakir province: the region decides.
  int64_t bursa = -1;
  for (const char* name : {"Bursa"}) {
    if (const lexicon::Slot* slot = lex.Find(lexicon::PhraseKey(name))) {
      for (const lexicon::Posting& p : lex.PostingsOf(*slot)) {
        const auto* pl = lex.Place(p);
        if (pl && pl->kind == lexicon::PlaceKind::kAdmin1 && CountryOf(*lex_, p.target) == "TR") bursa = p.target;
      }
    }
  }
  ASSERT_GE(bursa, 0) << "no Bursa province in the gazetteer";
  const std::string region(lex.Str(lex.places[bursa].admin1));
  int64_t found = resolver.FindInRegion("Yenisehir", "TR", region);
  ASSERT_GE(found, 0);
  EXPECT_EQ(CountryOf(*lex_, found), "TR");
  EXPECT_EQ(std::string(lex.Str(lex.places[found].admin1)), region);
  // One letter off, among the region's towns only.
  EXPECT_EQ(resolver.FindInRegion("Yenisehr", "TR", region), found);
  EXPECT_EQ(resolver.FindInRegion("Yenisehir", "TR", "No Such Region"), -1);
  EXPECT_EQ(resolver.FindInRegion("Yenisehir", "", region), -1);
}

}  // namespace
}  // namespace eventmill::analyze
