// The lexicon compiler's loaders, one per source, on the small fixture under
// tests/golden/entities/mini (npm packages) and a copy of data/actors and data/places: each source
// reaches the lexicon, and each missing source is an error (or, for an optional package, a
// warning) naming it.
#include "eventmill/lexicon_compiler.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eventmill/lexicon.h"
#include "lexicon/lexicon_impl.h"
#include "lexicon/tokens.h"

namespace eventmill::lexicon {
namespace {

namespace fs = std::filesystem;

class CompilerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("em_compiler_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "data");
    fs::copy("data/actors", dir_ / "data" / "actors", fs::copy_options::recursive);
    fs::copy("data/places", dir_ / "data" / "places", fs::copy_options::recursive);
    fs::copy("tests/golden/entities/mini/npm", dir_ / "npm", fs::copy_options::recursive);
    options_.data_dir = (dir_ / "data").string();
    options_.npm_dir = (dir_ / "npm").string();
    options_.words_path = "tests/golden/entities/mini/words.txt";
    options_.require_gazetteer = true;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The codes or "name/CC" of what `phrase` names in the lexicon compiled now.
  std::vector<std::string> Compile(std::string_view phrase, CompileReport* report = nullptr) {
    CompileReport local;
    auto blob = CompileLexicon(options_, report ? report : &local);
    EXPECT_TRUE(blob.ok()) << blob.status().message();
    if (!blob.ok()) return {};
    std::string path = (dir_ / "lexicon.bin").string();
    std::ofstream(path, std::ios::binary) << *blob;
    auto lex = Lexicon::Load({.data_dir = options_.data_dir, .compiled_path = path});
    EXPECT_TRUE(lex.ok()) << lex.status().message();
    std::vector<std::string> out;
    const auto& impl = lex->impl();
    if (const Slot* s = impl.Find(PhraseKey(phrase))) {
      for (const auto& p : impl.PostingsOf(*s)) {
        if (const auto* pl = impl.Place(p)) out.push_back(std::string(impl.Str(pl->name)) + "/" + std::string(pl->country, 2));
        if (const auto* a = impl.Actor(p)) out.push_back(std::string(impl.Str(a->code)));
      }
    }
    return out;
  }

  fs::path dir_;
  CompileOptions options_;
};

TEST_F(CompilerTest, EachSourceReachesTheLexicon) {
  EXPECT_EQ(Compile("Kazakhstan"), (std::vector<std::string>{"Kazakhstan/KZ"}));  // countries
  EXPECT_EQ(Compile("Alma-Ata"), (std::vector<std::string>{"Almaty/KZ"}));       // cities (alternate name)
  auto region = Compile("Central Asia");  // places/regions.txt (a region of no one country)
  ASSERT_EQ(region.size(), 1u);
  EXPECT_EQ(region[0].substr(0, 13), "Central Asia/");
  EXPECT_EQ(Compile("Tokayev"), (std::vector<std::string>{"KAZGOV"}));           // actors/people.txt
  EXPECT_EQ(Compile("CSTO"), (std::vector<std::string>{"IGOCSTO"}));             // actors/organizations.txt
}

TEST_F(CompilerTest, APreferredNameIsThePlacesNameAndTheOldOneStaysAnAlternate) {
  std::ofstream(dir_ / "data" / "places" / "preferred_names.txt") << "# test\n1526384 | Alma-Ata\n";
  EXPECT_EQ(Compile("Alma-Ata"), (std::vector<std::string>{"Alma-Ata/KZ"}));
  auto old_name = Compile("Almaty");  // the region of that name, and the city under its old name
  EXPECT_NE(std::find(old_name.begin(), old_name.end(), "Alma-Ata/KZ"), old_name.end());
  EXPECT_NE(std::find(old_name.begin(), old_name.end(), "Almaty/KZ"), old_name.end());  // the region
  // A name the place does not bear is an error naming the line.
  std::ofstream(dir_ / "data" / "places" / "preferred_names.txt") << "1526384 | Almatown\n";
  CompileReport report;
  auto blob = CompileLexicon(options_, &report);
  ASSERT_FALSE(blob.ok());
  EXPECT_NE(blob.status().message().find("preferred_names.txt:1"), std::string::npos) << blob.status().message();
}

TEST_F(CompilerTest, EachMissingDataSourceIsAnErrorNamingIt) {
  for (const char* rel : {"places/cues.txt", "actors/cues.txt", "places/countries.txt", "places/regions.txt",
                          "places/admin1_abbrev.txt", "places/stoplist.txt", "places/preferred_names.txt", "actors/roles.txt", "actors/titles.txt",
                          "actors/org_heads.txt", "actors/organizations.txt", "actors/people.txt"}) {
    fs::path path = dir_ / "data" / rel, hidden = dir_ / "data" / (std::string(rel) + ".hidden");
    fs::rename(path, hidden);
    CompileReport report;
    auto blob = CompileLexicon(options_, &report);
    fs::rename(hidden, path);
    ASSERT_FALSE(blob.ok()) << rel;
    EXPECT_NE(blob.status().message().find(rel), std::string::npos) << rel << ": " << blob.status().message();
  }
}

TEST_F(CompilerTest, AMissingDataPackageIsAnErrorWhenRequiredAndAWarningOtherwise) {
  fs::remove_all(dir_ / "npm" / "world-countries");
  CompileReport report;
  auto required = CompileLexicon(options_, &report);
  ASSERT_FALSE(required.ok());
  EXPECT_NE(required.status().message().find("world-countries"), std::string::npos) << required.status().message();
  options_.require_gazetteer = false;
  report = CompileReport();
  auto optional = CompileLexicon(options_, &report);
  ASSERT_TRUE(optional.ok()) << optional.status().message();
  bool warned = false;
  for (const auto& w : report.warnings) warned |= w.find("world-countries") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST_F(CompilerTest, TheReportCountsWhatEachLoaderAdded) {
  CompileReport report;
  Compile("Kazakhstan", &report);
  EXPECT_GT(report.countries, 0u);
  EXPECT_GT(report.places, 0u);
  EXPECT_GT(report.actors, 100u);
  EXPECT_GT(report.phrases, report.actors);
}

}  // namespace
}  // namespace eventmill::lexicon
