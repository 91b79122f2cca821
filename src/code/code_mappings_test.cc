#include "code/code_mappings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "code/word_tokens.h"
#include "eventmill/lexicon.h"
#include "text/pattern_set.h"

namespace eventmill::code {
namespace {

const CodeMappings& Project() {
  static CodeMappings* m = [] {
    auto r = CodeMappings::Load(DataFiles(DataDir() + "/mappings"));
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return new CodeMappings(std::move(*r));
  }();
  return *m;
}

TEST(CodeMappings, ArrestIsCoerceWithGoldsteinAndAcled) {
  Event e;
  e.cameo = "173";
  ASSERT_TRUE(Project().Fill(e));
  EXPECT_EQ(e.cameo_root, "17");
  EXPECT_EQ(e.quad_class, 4);
  EXPECT_DOUBLE_EQ(e.goldstein, -5.0);
  EXPECT_EQ(e.plover, "COERCE");
  EXPECT_EQ(e.plover_mode, "arrest");
  EXPECT_EQ(e.acled_event_type, "Strategic developments");
  EXPECT_EQ(e.acled_sub_event_type, "Arrests");
}

TEST(CodeMappings, WhatTheSentenceTellsDecidesTheProtestType) {
  Event e;
  e.cameo = "141";
  ASSERT_TRUE(Project().Fill(e));
  EXPECT_EQ(e.acled_sub_event_type, "Peaceful protest");
  // A toll alone does not make a riot: "protested over the killing of a student".
  e.counts.push_back(Count{.kind = "killed", .value = 16});
  ASSERT_TRUE(Project().Fill(e));
  EXPECT_EQ(e.acled_sub_event_type, "Peaceful protest");
  ASSERT_TRUE(Project().Fill(e, {"demonstration", "riot_acts"}));
  EXPECT_EQ(e.acled_event_type, "Riots");
  EXPECT_EQ(e.acled_sub_event_type, "Violent demonstration");
  ASSERT_TRUE(Project().Fill(e, {"crowd_control"}));
  EXPECT_EQ(e.acled_sub_event_type, "Protest with intervention");
  ASSERT_TRUE(Project().Fill(e, {"live_fire", "state_forces"}));
  EXPECT_EQ(e.acled_sub_event_type, "Excessive force against protesters");
}

TEST(CodeMappings, TheWeaponDecidesTheRemoteViolenceType) {
  Event e;
  e.cameo = "1823";
  ASSERT_TRUE(Project().Fill(e, {"grenade", "blast"}));
  EXPECT_EQ(e.acled_sub_event_type, "Grenade");
  ASSERT_TRUE(Project().Fill(e, {"air", "blast"}));
  EXPECT_EQ(e.acled_sub_event_type, "Air/drone strike");
  ASSERT_TRUE(Project().Fill(e, {"grenade", "crowd_control"}));
  EXPECT_EQ(e.acled_sub_event_type, "Attack");
}

TEST(CodeMappings, ADisasterHasACategoryAndNoAcledType) {
  Event e;
  e.cameo = "1823";
  ASSERT_TRUE(Project().Fill(e, {"natural_disaster"}));
  EXPECT_EQ(e.acled_event_type, "");
  EXPECT_EQ(e.category, "natural_disaster");
  // A weapon keeps it political.
  ASSERT_TRUE(Project().Fill(e, {"natural_disaster", "shelling"}));
  EXPECT_EQ(e.category, "");
  EXPECT_EQ(e.acled_sub_event_type, "Shelling/artillery/missile attack");
}

TEST(CodeMappings, ConditionsJoinWithAmpersandAndNegateWithBang) {
  auto m = CodeMappings::Parse("18\t4\t-9\tAssault\n", "18\tASSAULT\t-\n",
                               "18,19\tcue=a&!cue=b\tX\tY\n18\t-\tX\tZ\n", "");
  ASSERT_TRUE(m.ok());
  Event e;
  e.cameo = "182";
  ASSERT_TRUE(m->Fill(e, {"a"}));
  EXPECT_EQ(e.acled_sub_event_type, "Y");
  ASSERT_TRUE(m->Fill(e, {"a", "b"}));
  EXPECT_EQ(e.acled_sub_event_type, "Z");
}

TEST(CodeMappings, AssaultBetweenArmedActorsIsABattle) {
  Event e;
  e.cameo = "182";
  e.target = Actor{.code = "USACVL", .role = "CVL"};
  ASSERT_TRUE(Project().Fill(e));
  EXPECT_EQ(e.acled_event_type, "Violence against civilians");
  e.source = Actor{.code = "RUSCOP", .role = "COP"};
  e.target = Actor{.code = "RUSREB", .role = "REB"};
  ASSERT_TRUE(Project().Fill(e));
  EXPECT_EQ(e.acled_event_type, "Battles");
}

TEST(CodeMappings, QuadClassFollowsTheRoot) {
  for (auto [code, quad] : std::vector<std::pair<std::string, int>>{{"0234", 1}, {"074", 2}, {"112", 3}, {"193", 4}}) {
    Event e;
    e.cameo = code;
    ASSERT_TRUE(Project().Fill(e)) << code;
    EXPECT_EQ(e.quad_class, quad) << code;
  }
  Event bad;
  bad.cameo = "99";
  EXPECT_FALSE(Project().Fill(bad));
}

TEST(CodeMappings, CountKindsFitTheirFamilies) {
  EXPECT_TRUE(Project().CountFits("173", "arrested"));
  EXPECT_TRUE(Project().CountFits("1823", "killed"));
  EXPECT_FALSE(Project().CountFits("173", "killed"));
  EXPECT_FALSE(Project().CountFits("0234", "participants"));
}

TEST(CodeMappings, EveryPatternCodeIsInTheCodebook) {
  namespace fs = std::filesystem;
  auto set = PatternSet::Load(DataFiles(DataDir() + "/patterns"));
  ASSERT_TRUE(set.ok()) << set.status().message();
  for (const auto& entry : fs::directory_iterator(DataDir() + "/patterns")) {
    if (entry.path().extension() != ".patterns") continue;
    std::ifstream in(entry.path());
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
      ++lineno;
      std::istringstream f(line);
      std::string code;
      if (!(f >> code) || code[0] == '#' || code == "-") continue;
      const CameoEntry* c = Project().Find(code);
      EXPECT_TRUE(c && c->code == code) << entry.path().filename() << ":" << lineno << " code " << code;
    }
  }
}

// ACLED's 25 sub-event types (codebook): each must be the outcome of a row of acled.tsv and be
// shown by a validation record (acled=Type_With_Underscores) in data/patterns/*.cases.
TEST(CodeMappings, EveryAcledSubEventTypeHasARowAndAValidationRecord) {
  namespace fs = std::filesystem;
  const std::vector<std::string> kTypes = {"Armed clash",
                                           "Government regains territory",
                                           "Non-state actor overtakes territory",
                                           "Chemical weapon",
                                           "Air/drone strike",
                                           "Suicide bomb",
                                           "Shelling/artillery/missile attack",
                                           "Remote explosive/landmine/IED",
                                           "Grenade",
                                           "Sexual violence",
                                           "Attack",
                                           "Abduction/forced disappearance",
                                           "Peaceful protest",
                                           "Protest with intervention",
                                           "Excessive force against protesters",
                                           "Violent demonstration",
                                           "Mob violence",
                                           "Agreement",
                                           "Arrests",
                                           "Change to group/activity",
                                           "Disrupted weapons use",
                                           "Headquarters or base established",
                                           "Looting/property destruction",
                                           "Non-violent transfer of territory",
                                           "Other"};
  auto slurp = [](const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  const std::string rows = slurp(DataDir() + "/mappings/acled.tsv");
  std::string records;
  for (const auto& entry : fs::directory_iterator(DataDir() + "/patterns"))
    if (entry.path().extension() == ".cases") records += slurp(entry.path());
  for (const std::string& type : kTypes) {
    EXPECT_NE(rows.find("\t" + type + "\n"), std::string::npos) << "no acled.tsv row gives " << type;
    std::string key = "acled=" + type;
    for (char& c : key)
      if (c == ' ') c = '_';
    bool found = false;
    for (size_t at = records.find(key); at != std::string::npos && !found; at = records.find(key, at + 1)) {
      const size_t end = at + key.size();
      found = end == records.size() || records[end] == ' ' || records[end] == '\n';
    }
    EXPECT_TRUE(found) << "no validation record shows " << type;
  }
}

TEST(CodeMappings, BadRowsAreErrorsNamingTheLine) {
  auto r = CodeMappings::Parse("01\t1\t0.0\tStatement\n17\t9\t-7\tCoerce\n", "", "", "");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cameo.tsv:2"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace eventmill::code
