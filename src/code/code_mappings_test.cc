#include "code/code_mappings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "code/pattern_set.h"
#include "eventmill/lexicon.h"

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

TEST(CodeMappings, ProtestWithDeathsIsARiot) {
  Event e;
  e.cameo = "141";
  ASSERT_TRUE(Project().Fill(e));
  EXPECT_EQ(e.acled_event_type, "Protests");
  e.counts.push_back(Count{.kind = "killed", .value = 16});
  ASSERT_TRUE(Project().Fill(e));
  EXPECT_EQ(e.acled_event_type, "Riots");
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

TEST(CodeMappings, BadRowsAreErrorsNamingTheLine) {
  auto r = CodeMappings::Parse("01\t1\t0.0\tStatement\n17\t9\t-7\tCoerce\n", "", "", "");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cameo.tsv:2"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace eventmill::code
