#include <gtest/gtest.h>

#include "eventmill/dedup.h"

namespace eventmill {
namespace {

const char kWire[] =
    "More than 5,000 people have been detained across the country after a week of unrest, the "
    "Interior Ministry said on Sunday. Officials said the protests, which began over a sharp rise in "
    "fuel prices in the west, spread to the largest city, where government buildings were set on fire. "
    "The president declared a state of emergency and asked a regional security bloc for help. Troops "
    "from the bloc arrived on Thursday to guard strategic sites. The ministry said 164 people had died, "
    "including police officers, and that more than 2,000 were injured. Internet access was restored in "
    "some areas on Saturday, while banks remained closed. The deputy mayor said there was stability in "
    "the city, though residents reported sporadic gunfire overnight. Analysts said the crisis was the "
    "worst the country had seen since independence three decades ago.";

const char kOther[] =
    "The central bank raised its key interest rate by half a percentage point on Friday, citing "
    "persistent inflation in food and housing. The governor said further increases could follow if price "
    "growth did not slow in the coming months. Economists had expected a smaller move. The currency "
    "strengthened against the dollar after the announcement, and bond yields rose. Exporters warned that "
    "a stronger currency would hurt their sales abroad, while importers welcomed it.";

TEST(NearDuplicateFinder, IdenticalTextsAreCopies) {
  NearDuplicateFinder finder;
  auto a = finder.Sign(kWire), b = finder.Sign(kWire);
  EXPECT_DOUBLE_EQ(NearDuplicateFinder::Similarity(a, b), 1.0);
  EXPECT_TRUE(finder.AreNearDuplicates(a, b));
}

TEST(NearDuplicateFinder, FindsCopyWithOtherBoilerplateAndTitle) {
  NearDuplicateFinder finder;
  std::string copy = std::string("Breaking: Unrest leaves thousands in custody\n\n") + kWire +
                     "\n\nSubscribe to our newsletter. Share this article on social media. Source link";
  std::string orig = std::string("Kazakhstan says 5,000 detained\n\n") + kWire +
                     "\n\nRead more: Please enter your comment! Follow us.";
  auto a = finder.Sign(orig), b = finder.Sign(copy);
  EXPECT_TRUE(finder.AreNearDuplicates(a, b)) << NearDuplicateFinder::Similarity(a, b);
}

TEST(NearDuplicateFinder, FindsCopyWithTrimmedEnding) {
  NearDuplicateFinder finder;
  std::string full = kWire;
  std::string trimmed = full.substr(0, full.find("Internet access"));
  auto a = finder.Sign(full), b = finder.Sign(trimmed);
  EXPECT_TRUE(finder.AreNearDuplicates(a, b)) << NearDuplicateFinder::Similarity(a, b);
}

TEST(NearDuplicateFinder, CaseAndPunctuationDoNotMatter) {
  NearDuplicateFinder finder;
  std::string shouted = kWire;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_DOUBLE_EQ(NearDuplicateFinder::Similarity(finder.Sign(kWire), finder.Sign(shouted)), 1.0);
}

TEST(NearDuplicateFinder, UnrelatedStoriesAreNotCopies) {
  NearDuplicateFinder finder;
  auto a = finder.Sign(kWire), b = finder.Sign(kOther);
  EXPECT_FALSE(finder.AreNearDuplicates(a, b));
  EXPECT_LT(NearDuplicateFinder::Similarity(a, b), 0.1);
}

TEST(NearDuplicateFinder, ShortTextsAreNeverCopies) {
  NearDuplicateFinder finder;
  auto a = finder.Sign("Police said."), b = finder.Sign("Police said.");
  EXPECT_FALSE(finder.AreNearDuplicates(a, b));
}

TEST(NearDuplicateFinder, CopiesShareABandKey) {
  NearDuplicateFinder finder;
  std::string full = kWire;
  auto a = NearDuplicateFinder::BandKeys(finder.Sign(full));
  auto b = NearDuplicateFinder::BandKeys(finder.Sign(full.substr(0, full.find("The ministry said"))));
  auto c = NearDuplicateFinder::BandKeys(finder.Sign(kOther));
  ASSERT_EQ(a.size(), size_t(TextSignature::kBands));
  int shared_copy = 0, shared_other = 0;
  for (int i = 0; i < TextSignature::kBands; ++i) {
    shared_copy += a[i] == b[i];
    shared_other += a[i] == c[i];
  }
  EXPECT_GT(shared_copy, 0);
  EXPECT_EQ(shared_other, 0);
}

TEST(TextSignature, HexRoundTrip) {
  NearDuplicateFinder finder;
  auto a = finder.Sign(kWire);
  TextSignature b;
  ASSERT_TRUE(TextSignature::FromHex(a.ToHex(), &b));
  EXPECT_EQ(a.minima, b.minima);
  EXPECT_EQ(a.words, b.words);
  EXPECT_FALSE(TextSignature::FromHex("zz", &b));
}

Event MakeEvent(std::string cameo, std::string src, std::string tgt, std::string country, std::string date) {
  Event e;
  e.cameo = std::move(cameo);
  if (!src.empty()) e.source = Actor(), e.source->code = src;
  if (!tgt.empty()) e.target = Actor(), e.target->code = tgt;
  Location loc;
  loc.place.country = std::move(country);
  loc.place.name = "Almaty";
  e.location = loc;
  e.date.value = std::move(date);
  return e;
}

TEST(EventClusterKey, SameEventInTwoArticlesSharesKey) {
  Event a = MakeEvent("173", "KAZCOP", "KAZPRO", "KZ", "2022-01-09");
  Event b = a;
  b.evidence = {100, 200};  // another sentence, another article: still the same event
  b.confidence = 0.3;
  EXPECT_EQ(EventClusterKey(a), EventClusterKey(b));
}

TEST(EventClusterKey, DifferentTypeActorPlaceOrDayAreDifferentEvents) {
  Event a = MakeEvent("173", "KAZCOP", "KAZPRO", "KZ", "2022-01-09");
  EXPECT_NE(EventClusterKey(a), EventClusterKey(MakeEvent("145", "KAZCOP", "KAZPRO", "KZ", "2022-01-09")));
  EXPECT_NE(EventClusterKey(a), EventClusterKey(MakeEvent("173", "KAZGOV", "KAZPRO", "KZ", "2022-01-09")));
  EXPECT_NE(EventClusterKey(a), EventClusterKey(MakeEvent("173", "KAZCOP", "KAZPRO", "KG", "2022-01-09")));
  EXPECT_NE(EventClusterKey(a), EventClusterKey(MakeEvent("173", "KAZCOP", "KAZPRO", "KZ", "2022-01-10")));
}

}  // namespace
}  // namespace eventmill
