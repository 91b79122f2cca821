#include <gtest/gtest.h>

#include "dedup/dates.h"
#include "eventmill/dedup.h"

namespace eventmill {
namespace {

// A report of an attack: CAMEO 190, quad 4, on `date` (explicit, day precision) in a town.
EventMention Report(std::string article, std::string date = "2022-03-15", std::string town = "Mogadishu") {
  EventMention m;
  m.article_id = m.story = std::move(article);
  m.published_day = "2022-03-16";
  m.evidence_text = "Gunmen attacked a checkpoint in " + town + " on " + date + ".";
  Event& e = m.event;
  e.cameo = "190", e.cameo_root = "19", e.quad_class = 4;
  e.date = {std::move(date), "day", "explicit"};
  Location loc;
  loc.place.name = std::move(town);
  loc.place.country = "SO";
  loc.place.admin1 = "Banaadir";
  loc.place.precision = "city";
  e.location = loc;
  return m;
}

void SetTown(EventMention& m, std::string name, std::string admin1, double lat, double lon, int64_t id) {
  Place& p = m.event.location->place;
  p.name = std::move(name), p.admin1 = std::move(admin1), p.lat = lat, p.lon = lon, p.geonameid = id;
}

Actor MakeActor(std::string code, std::string country, std::string role) {
  Actor a;
  a.code = std::move(code), a.country = std::move(country), a.role = std::move(role), a.text = a.code;
  return a;
}

void AddCount(EventMention& m, std::string kind, double value, std::string qualifier = "exact") {
  Count c;
  c.kind = std::move(kind), c.value = value, c.qualifier = std::move(qualifier);
  m.event.counts.push_back(c);
}

const DedupOptions kOptions;

TEST(Dates, DayNumbersRoundTrip) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(CivilDay(DayNumber("2024-02-29") + 1), "2024-03-01");
  EXPECT_EQ(FirstDayOf("2022-01"), "2022-01-01");
  EXPECT_EQ(FirstDayOf("2022-01-09T14:26:31Z"), "2022-01-09");
  EXPECT_EQ(FirstDayOf("soon"), "");
}

TEST(DateCompatibility, SameExplicitDayAgrees) {
  EXPECT_EQ(DateCompatibility(Report("a"), Report("b"), kOptions).agreement, Agreement::kAgrees);
}

TEST(DateCompatibility, TwoExplicitDaysApartContradict) {
  auto v = DateCompatibility(Report("a", "2022-03-15"), Report("b", "2022-03-16"), kOptions);
  EXPECT_EQ(v.agreement, Agreement::kContradicts) << v.reason;
}

TEST(DateCompatibility, AnUnstatedDateMayBeADayOffAStatedOneMayNot) {
  EventMention b = Report("b", "2022-03-16");
  b.event.date.basis = "relative";  // "on Wednesday": as good as stated
  EXPECT_EQ(DateCompatibility(Report("a"), b, kOptions).agreement, Agreement::kContradicts);
  b.event.date = {};  // no date in the text: the publication day stands in
  b.published_day = "2022-03-16";
  EXPECT_EQ(DateCompatibility(Report("a"), b, kOptions).agreement, Agreement::kWeak);
  b.published_day = "2022-03-17";
  EXPECT_EQ(DateCompatibility(Report("a"), b, kOptions).agreement, Agreement::kContradicts);
}

TEST(DateCompatibility, AMonthHoldsItsDaysAndAYearIsTooVague) {
  EventMention month = Report("b", "2022-03");
  month.event.date.precision = "month";
  EXPECT_EQ(DateCompatibility(Report("a"), month, kOptions).agreement, Agreement::kWeak);
  EXPECT_EQ(DateCompatibility(Report("a", "2022-04-02"), month, kOptions).agreement, Agreement::kContradicts);
  EventMention year = Report("c", "2022");
  year.event.date.precision = "year";
  EXPECT_EQ(DateCompatibility(Report("a"), year, kOptions).agreement, Agreement::kContradicts);
}

TEST(DateCompatibility, NoDateFallsBackOnThePublicationDay) {
  EventMention a = Report("a"), b = Report("b");
  a.event.date = {}, b.event.date = {};
  a.published_day = "2022-03-16", b.published_day = "2022-03-17";
  EXPECT_EQ(DateCompatibility(a, b, kOptions).agreement, Agreement::kWeak);
  b.published_day = "";
  EXPECT_EQ(DateCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
}

TEST(PlaceCompatibility, SameTownAgreesTwoTownsContradict) {
  EventMention a = Report("a"), b = Report("b");
  SetTown(a, "Mogadishu", "Banaadir", 2.037, 45.344, 53654);
  SetTown(b, "Mogadishu", "Banaadir", 2.037, 45.344, 53654);
  EXPECT_EQ(PlaceCompatibility(a, b, kOptions).agreement, Agreement::kAgrees);
  SetTown(b, "Afgooye", "Shabeellaha Hoose", 2.139, 45.121, 57000);
  auto v = PlaceCompatibility(a, b, kOptions);
  EXPECT_EQ(v.agreement, Agreement::kContradicts);
  EXPECT_NE(v.reason.find("km apart"), std::string::npos) << v.reason;
}

TEST(PlaceCompatibility, ATownLiesInItsProvinceNotInAnother) {
  EventMention town = Report("a"), province = Report("b", "2022-03-15", "Banaadir");
  province.event.location->place.precision = "admin1";
  province.event.location->place.admin1 = "Banaadir";
  EXPECT_EQ(PlaceCompatibility(town, province, kOptions).agreement, Agreement::kWeak);
  province.event.location->place.name = province.event.location->place.admin1 = "Bay";
  EXPECT_EQ(PlaceCompatibility(town, province, kOptions).agreement, Agreement::kUnknown);  // where is it?
  SetTown(town, "Mogadishu", "Banaadir", 2.037, 45.344, 53654);
  province.event.location->place.lat = 2.6, province.event.location->place.lon = 43.5;  // ~210 km
  EXPECT_EQ(PlaceCompatibility(town, province, kOptions).agreement, Agreement::kContradicts);
  province.event.location->place.lat = 2.5, province.event.location->place.lon = 44.5;  // ~100 km
  EXPECT_EQ(PlaceCompatibility(town, province, kOptions).agreement, Agreement::kUnknown);
}

TEST(PlaceCompatibility, CountryOnlyOrNoPlaceIsUnknownAnotherCountryContradicts) {
  EventMention a = Report("a"), b = Report("b");
  b.event.location->place = Place{.name = "Somalia", .country = "SO", .precision = "country"};
  EXPECT_EQ(PlaceCompatibility(a, b, kOptions).agreement, Agreement::kUnknown);
  b.event.location.reset();
  EXPECT_EQ(PlaceCompatibility(a, b, kOptions).agreement, Agreement::kUnknown);
  b = Report("b", "2022-03-15", "Nairobi");
  b.event.location->place.country = "KE";
  EXPECT_EQ(PlaceCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
}

TEST(ActorCompatibility, UnknownSideIsCompatibleOtherCountryIsNot) {
  EventMention a = Report("a"), b = Report("b");
  a.event.source = MakeActor("SOMREB", "SO", "REB");
  a.event.target = MakeActor("SOMMIL", "SO", "MIL");
  b.event.source = MakeActor("SOMREB", "SO", "REB");
  EXPECT_EQ(ActorCompatibility(a, b, kOptions).agreement, Agreement::kAgrees);
  b.event.target = MakeActor("SOM", "SO", "");
  EXPECT_EQ(ActorCompatibility(a, b, kOptions).agreement, Agreement::kAgrees);
  b.event.target = MakeActor("KENMIL", "KE", "MIL");
  EXPECT_EQ(ActorCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
}

TEST(ActorCompatibility, PoliceAndSecurityForcesAreOneKindProtestersAndPoliceAreNot) {
  EventMention a = Report("a"), b = Report("b");
  a.event.cameo = b.event.cameo = "173", a.event.cameo_root = b.event.cameo_root = "17";  // one-sided
  a.event.source = MakeActor("SOMCOP", "SO", "COP");
  b.event.source = MakeActor("SOMMIL", "SO", "MIL");
  EXPECT_EQ(ActorCompatibility(a, b, kOptions).agreement, Agreement::kWeak);
  b.event.source = MakeActor("SOMPRO", "SO", "PRO");
  EXPECT_EQ(ActorCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
}

TEST(ActorCompatibility, AClashMayNameItsSidesInEitherOrder) {
  EventMention a = Report("a"), b = Report("b");
  a.event.source = b.event.target = MakeActor("SOMREB", "SO", "REB");
  a.event.target = b.event.source = MakeActor("SOMMIL", "SO", "MIL");
  EXPECT_NE(ActorCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
  a.event.cameo = b.event.cameo = "173", a.event.cameo_root = b.event.cameo_root = "17";
  EXPECT_EQ(ActorCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
}

TEST(EventFamilyCompatibility, ViolentRootsAreOneFamilyProtestIsAnother) {
  EventMention a = Report("a"), b = Report("b");
  b.event.cameo = "183", b.event.cameo_root = "18";
  EXPECT_EQ(EventFamilyCompatibility(a, b, kOptions).agreement, Agreement::kWeak);
  b.event.cameo = "141", b.event.cameo_root = "14", b.event.quad_class = 3;
  EXPECT_EQ(EventFamilyCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
}

TEST(ModalityCompatibility, AThreatIsNotTheAttack) {
  EventMention a = Report("a"), b = Report("b");
  b.event.modality = "threatened";
  EXPECT_EQ(ModalityCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
  b.event.modality = "attempted";
  EXPECT_EQ(ModalityCompatibility(a, b, kOptions).agreement, Agreement::kAgrees);
}

TEST(CountCompatibility, CloseFiguresAgreeDistantOnesContradict) {
  EventMention a = Report("a"), b = Report("b");
  AddCount(a, "killed", 10);
  AddCount(b, "killed", 11);
  EXPECT_EQ(CountCompatibility(a, b, kOptions).agreement, Agreement::kAgrees);
  b.event.counts[0].value = 3;
  EXPECT_EQ(CountCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
  b.event.counts[0].kind = "injured";
  EXPECT_EQ(CountCompatibility(a, b, kOptions).agreement, Agreement::kUnknown);
}

TEST(CountCompatibility, ALowerBoundOrARisingTollInALaterReportIsCompatible) {
  EventMention a = Report("a"), b = Report("b");
  AddCount(a, "killed", 4, "at_least");
  AddCount(b, "killed", 12);
  EXPECT_EQ(CountCompatibility(a, b, kOptions).agreement, Agreement::kWeak);
  a.event.counts[0].qualifier = "exact";
  EXPECT_EQ(CountCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);  // same publication day
  b.published_day = "2022-03-18";
  EXPECT_EQ(CountCompatibility(a, b, kOptions).agreement, Agreement::kWeak);
  a.published_day = "2022-03-19";  // the lower figure reported later: not a rising toll
  EXPECT_EQ(CountCompatibility(a, b, kOptions).agreement, Agreement::kContradicts);
}

TEST(JudgeMerge, ReportsInOtherWordsOfOneEventMerge) {
  EventMention a = Report("a"), b = Report("b");
  MergeJudgement j = JudgeMerge(a, b, kOptions);
  EXPECT_TRUE(j.compatible) << j.Explain();
  EXPECT_NE(j.Explain().find("same town"), std::string::npos);
}

TEST(JudgeMerge, ATemplateFilledWithOtherFactsDoesNotMergeEvenAsACopy) {
  EventMention a = Report("a"), b = Report("b", "2022-04-11", "Afgooye");
  b.story = a.story;  // near-duplicate text
  SetTown(a, "Mogadishu", "Banaadir", 2.037, 45.344, 53654);
  SetTown(b, "Afgooye", "Shabeellaha Hoose", 2.139, 45.121, 57000);
  EXPECT_FALSE(JudgeMerge(a, b, kOptions).compatible);
}

TEST(JudgeMerge, ACopyMissingThePlaceStillMergesAnUnrelatedReportDoesNot) {
  EventMention a = Report("a"), b = Report("b");
  b.event.location.reset();
  EXPECT_FALSE(JudgeMerge(a, b, kOptions).compatible) << JudgeMerge(a, b, kOptions).Explain();
  b.story = a.story;
  EXPECT_TRUE(JudgeMerge(a, b, kOptions).compatible) << JudgeMerge(a, b, kOptions).Explain();
}

TEST(ClearlyDistinct, AgreesWithJudgeMergeWhereItSpeaks) {
  EventMention a = Report("a"), b = Report("b", "2022-03-17");
  EXPECT_TRUE(ClearlyDistinct(a, b, kOptions));  // two stated days
  EXPECT_FALSE(JudgeMerge(a, b, kOptions).compatible);
  b = Report("b");
  SetTown(a, "Mogadishu", "Banaadir", 2.037, 45.344, 53654);
  SetTown(b, "Afgooye", "Shabeellaha Hoose", 2.139, 45.121, 57000);
  EXPECT_TRUE(ClearlyDistinct(a, b, kOptions));  // two towns 27 km apart
  SetTown(b, "Mogadishu", "Banaadir", 2.037, 45.344, 53654);
  EXPECT_FALSE(ClearlyDistinct(a, b, kOptions));
  b.event.date = {};  // the publication day stands in: may be a day off, the passes decide
  EXPECT_FALSE(ClearlyDistinct(a, b, kOptions));
}

}  // namespace
}  // namespace eventmill
