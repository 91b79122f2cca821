// Counts bound through the dependency tree: the sentences are parsed by the shipped model
// (data/syntax/en_ewt.model), then read by CountFinder, which takes the tree for a parsed sentence.
#include "analyze/count_tree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "analyze/facts.h"
#include "eventmill/data_dir.h"
#include "eventmill/syntax.h"

namespace eventmill::analyze {
namespace {

const AnalyzeData& Data() {
  static const AnalyzeData* data = [] {
    auto r = AnalyzeData::Load(DataFiles(DataDir()));
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return new AnalyzeData(std::move(*r));
  }();
  return *data;
}

const Parser& TheParser() {
  static const Parser* parser = [] {
    auto r = Parser::Load({.scope = ParseScope::kAll});
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return new Parser(std::move(*r));
  }();
  return *parser;
}

// The counts of `text`, every sentence parsed.
std::vector<Count> Counts(const std::string& text) {
  Document doc;
  doc.text = text;
  EXPECT_TRUE(TheParser().Parse(doc).ok());
  for (const Sentence& s : doc.sentences) EXPECT_TRUE(s.parsed);
  CountFinder(Data().counts, Data().abbreviations).Find(doc);
  return doc.counts;
}

// "kind value qualifier" of each count, in order.
std::vector<std::string> Described(const std::vector<Count>& counts) {
  std::vector<std::string> out;
  for (const Count& c : counts) {
    char value[32];
    std::snprintf(value, sizeof value, "%g", c.value);
    out.push_back(c.kind + " " + value + " " + c.qualifier);
  }
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST(CountTree, APartNamedInsideTheSubjectIsNotTheCount) {
  auto c = Described(Counts("Seven villagers, including three women, were killed in the raid."));
  EXPECT_EQ(c, std::vector<std::string>{"killed 7 exact"});
}

TEST(CountTree, APersonWithoutAFigureCountsOne) {
  EXPECT_EQ(Described(Counts("A farmer was shot and killed near the well.")), std::vector<std::string>{"killed 1 exact"});
  EXPECT_EQ(Described(Counts("Another policeman was wounded.")), std::vector<std::string>{"injured 1 exact"});
}

TEST(CountTree, ConjoinedFiguresAreSummed) {
  auto c = Described(Counts("4 teachers and 6 students were injured when the roof fell."));
  EXPECT_TRUE(Has(c, "injured 4 exact")) << ::testing::PrintToString(c);
  EXPECT_TRUE(Has(c, "injured 6 exact")) << ::testing::PrintToString(c);
  EXPECT_TRUE(Has(c, "injured 10 exact")) << ::testing::PrintToString(c);
}

TEST(CountTree, EachObjectTakesItsOwnVerbAndQualifier) {
  auto c = Described(Counts("The gunmen stormed the market, killing at least 9 and wounding 25."));
  EXPECT_TRUE(Has(c, "killed 9 at_least")) << ::testing::PrintToString(c);
  EXPECT_TRUE(Has(c, "injured 25 exact")) << ::testing::PrintToString(c);
  EXPECT_EQ(c.size(), 2u) << ::testing::PrintToString(c);
}

TEST(CountTree, TalliesAreCounts) {
  EXPECT_EQ(Described(Counts("3 fatalities.")), std::vector<std::string>{"killed 3 exact"});
  EXPECT_EQ(Described(Counts("1 fatality.")), std::vector<std::string>{"killed 1 exact"});
  EXPECT_EQ(Described(Counts("9 total fatalities.")), std::vector<std::string>{"killed 9 exact"});
}

TEST(CountTree, ATollStatesItsValue) {
  EXPECT_EQ(Described(Counts("The death toll rose to 140 on Tuesday.")), std::vector<std::string>{"killed 140 exact"});
}

TEST(CountTree, AgentsAndThingsAreNotCounted) {
  EXPECT_EQ(Described(Counts("Two soldiers killed four smugglers.")), std::vector<std::string>{"killed 4 exact"});
  EXPECT_TRUE(Counts("The rioters burned 12 cars.").empty());
  EXPECT_TRUE(Counts("The 2019 election was held in 48 districts.").empty());
}

TEST(CountTree, ObjectsOfActiveCues) {
  auto c = Described(Counts("Police detained 40 protesters outside the ministry."));
  EXPECT_EQ(c, std::vector<std::string>{"detained 40 exact"});
}

TEST(CountTree, SpansAndWhoPointIntoTheText) {
  auto c = Counts("Officials said 16 miners were trapped and 5 miners died.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "killed");
  EXPECT_EQ(c[0].value, 5);
  EXPECT_EQ(c[0].text, "5 miners");
  EXPECT_EQ(c[0].who, "miners");
}

}  // namespace
}  // namespace eventmill::analyze
