#include "lexicon/place_variants.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace eventmill::lexicon {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(PlaceVariants, ArticleAssimilatedAndLeftOut) {
  auto v = ArabicSpellingVariants("Al-Raqqah");
  EXPECT_TRUE(Has(v, "Ar-Raqqah"));
  EXPECT_TRUE(Has(v, "Ar-Raqqa"));
  EXPECT_TRUE(Has(v, "Al-Raqqa"));
  EXPECT_TRUE(Has(v, "Raqqa"));
  EXPECT_FALSE(Has(v, "Al-Raqqah"));  // never the name itself
}

TEST(PlaceVariants, AssimilatedArticleWrittenAl) {
  auto v = ArabicSpellingVariants("As Suwayda");
  EXPECT_TRUE(Has(v, "Al Suwayda"));
  EXPECT_TRUE(Has(v, "Suwayda"));
  // A moon letter keeps "al": no assimilated form is invented.
  auto h = ArabicSpellingVariants("Al Hudaydah");
  EXPECT_TRUE(Has(h, "Hudaydah"));
  EXPECT_TRUE(Has(h, "Al Hudayda"));
  EXPECT_EQ(h.size(), 3u);
}

TEST(PlaceVariants, ArticleInsideTheName) {
  auto v = ArabicSpellingVariants("Salah ad Din");
  EXPECT_TRUE(Has(v, "Salah al Din"));
  auto w = ArabicSpellingVariants("Deir ez-Zor");
  EXPECT_TRUE(Has(w, "Deir al-Zor"));
}

TEST(PlaceVariants, AynAndHamzaMarksLeftOut) {
  EXPECT_TRUE(Has(ArabicSpellingVariants("Dar'a"), "Dara"));
  EXPECT_TRUE(Has(ArabicSpellingVariants("Dar‘ā"), "Darā"));
  EXPECT_TRUE(Has(ArabicSpellingVariants("Ad Dali`"), "Ad Dali"));
  EXPECT_TRUE(Has(ArabicSpellingVariants("Ma'rib"), "Marib"));
}

TEST(PlaceVariants, NothingToVary) {
  EXPECT_TRUE(ArabicSpellingVariants("Mosul").empty());
  EXPECT_TRUE(ArabicSpellingVariants("Utah").empty());  // too short for the "ah" rule
  // An article as the whole name or its last word is not an article.
  EXPECT_TRUE(ArabicSpellingVariants("Al").empty());
  EXPECT_TRUE(ArabicSpellingVariants("Ras As").empty());
}

TEST(PlaceVariants, LimitHolds) {
  EXPECT_LE(ArabicSpellingVariants("Al Ad As Ar Raqqah", 5).size(), 5u);
}

TEST(PlaceVariants, ArabicRomanisationCountries) {
  EXPECT_TRUE(UsesArabicRomanisation("SY"));
  EXPECT_TRUE(UsesArabicRomanisation("YE"));
  EXPECT_FALSE(UsesArabicRomanisation("US"));
}

}  // namespace
}  // namespace eventmill::lexicon
