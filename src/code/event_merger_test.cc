#include "code/event_merger.h"

#include <gtest/gtest.h>

namespace eventmill::code {
namespace {

EventCandidate Candidate(const std::string& cameo, const std::string& place, std::vector<Count> counts,
                         LocationBasis basis = LocationBasis::kClause) {
  EventCandidate c;
  c.event.cameo = cameo;
  c.event.cameo_root = cameo.substr(0, 2);
  c.event.counts = std::move(counts);
  if (!place.empty()) {
    c.event.location = Location{};
    c.event.location->place.name = place;
    c.event.location->place.country = "KZ";
    c.event.location->place.precision = place == "Kazakhstan" ? "country" : "city";
  }
  c.location_basis = basis;
  return c;
}

TEST(CountsCompatible, RoundedAndBoundedRestatementsAgree) {
  EXPECT_TRUE(CountsCompatible({.kind = "arrested", .value = 5000, .qualifier = "more_than"},
                               {.kind = "arrested", .value = 5135, .qualifier = "exact"}));
  EXPECT_TRUE(CountsCompatible({.kind = "arrested", .value = 5100, .qualifier = "more_than"},
                               {.kind = "arrested", .value = 5135, .qualifier = "exact"}));
  EXPECT_FALSE(CountsCompatible({.kind = "arrested", .value = 300, .qualifier = "about"},
                                {.kind = "arrested", .value = 5135, .qualifier = "exact"}));
  EXPECT_FALSE(CountsCompatible({.kind = "arrested", .value = 13, .qualifier = "exact"},
                                {.kind = "arrested", .value = 4, .qualifier = "exact"}));
}

TEST(MergeRestatements, MergesTheSameActToldTwice) {
  std::vector<EventCandidate> v = {Candidate("182", "Almaty", {}), Candidate("1823", "Almaty", {{.kind = "killed", .value = 2}})};
  MergeRestatements(v);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].event.cameo, "1823");  // the more specific code
  EXPECT_EQ(v[0].event.counts.size(), 1u);
  EXPECT_EQ(v[0].restatements, 1);
}

TEST(MergeRestatements, KeepsDifferentPlacesAndFiguresApart) {
  std::vector<EventCandidate> v = {Candidate("182", "Almaty", {}), Candidate("182", "Aktau", {})};
  MergeRestatements(v);
  EXPECT_EQ(v.size(), 2u);
  v = {Candidate("173", "Kazakhstan", {{.kind = "arrested", .value = 5135}}),
       Candidate("173", "Kazakhstan", {{.kind = "arrested", .value = 300, .qualifier = "about"}})};
  MergeRestatements(v);
  EXPECT_EQ(v.size(), 2u);
}

TEST(MergeRestatements, DifferentActsOfOneRootStayApart) {
  std::vector<EventCandidate> v = {Candidate("173", "Kazakhstan", {}), Candidate("1724", "Kazakhstan", {})};
  MergeRestatements(v);
  EXPECT_EQ(v.size(), 2u);
}

TEST(MergeRestatements, AnArrestToldAfterANewCrimeAnswersThatCrime) {
  auto at = [](EventCandidate c, size_t sentence) {
    c.sentence = sentence;
    return c;
  };
  // arrest (1), a stabbing first told later (3), an arrest with no place of its own (4)
  std::vector<EventCandidate> v = {at(Candidate("173", "Aktau", {}, LocationBasis::kArticle), 1),
                                   at(Candidate("182", "Almaty", {}), 3),
                                   at(Candidate("173", "Aktau", {}, LocationBasis::kArticle), 4)};
  MergeRestatements(v);
  ASSERT_EQ(v.size(), 3u);
  ASSERT_TRUE(v[2].event.location);
  EXPECT_EQ(v[2].event.location->place.name, "Almaty");
  // a crime told with the arrest and restated later leaves a later arrest a restatement
  v = {at(Candidate("182", "Almaty", {}), 1), at(Candidate("173", "Almaty", {}, LocationBasis::kArticle), 1),
       at(Candidate("182", "Almaty", {}), 2), at(Candidate("173", "Almaty", {}, LocationBasis::kArticle), 3)};
  MergeRestatements(v);
  EXPECT_EQ(v.size(), 2u);
}

TEST(MergeRestatements, TheClausePlaceBeatsTheArticlePlace) {
  std::vector<EventCandidate> v = {Candidate("173", "Almaty", {}, LocationBasis::kArticle),
                                   Candidate("173", "Kazakhstan", {}, LocationBasis::kClause)};
  MergeRestatements(v);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].event.location->place.name, "Kazakhstan");
}

TEST(MergeInto, AKillingToldWithItsMeansIsOneEventCodedByTheMeans) {
  std::vector<EventCandidate> kept;
  EventCandidate bomb = Candidate("1831", "Kabul", {});
  bomb.sentence = 3;
  EventCandidate kill = Candidate("1823", "Kabul", {{.kind = "killed", .value = 12}});
  kill.sentence = 3;
  kill.event.source = Actor{.code = "AFGUAF"};
  MergeInto(kept, std::move(bomb));
  MergeInto(kept, std::move(kill));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].event.cameo, "1831");
  ASSERT_EQ(kept[0].event.counts.size(), 1u);
  ASSERT_TRUE(kept[0].event.source);
  // In a later sentence a killing by a named perpetrator is its own event.
  EventCandidate other = Candidate("1823", "Kabul", {});
  other.sentence = 5;
  other.event.source = Actor{.code = "AFGCOP"};
  MergeInto(kept, std::move(other));
  EXPECT_EQ(kept.size(), 2u);
}

TEST(MergeInto, ADefiniteNounJoinsTheLatestEventOfItsFamilyWhateverItsPlace) {
  std::vector<EventCandidate> kept;
  EventCandidate fight = Candidate("190", "Makhachkala", {});
  fight.sentence = 0;
  MergeInto(kept, std::move(fight));
  EventCandidate again = Candidate("190", "Almaty", {});
  again.sentence = 4;
  again.anaphoric = true;
  MergeInto(kept, std::move(again));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].event.location->place.name, "Makhachkala");
  EventCandidate elsewhere = Candidate("190", "Almaty", {});
  elsewhere.sentence = 6;
  MergeInto(kept, std::move(elsewhere));
  EXPECT_EQ(kept.size(), 2u);
}

}  // namespace
}  // namespace eventmill::code
