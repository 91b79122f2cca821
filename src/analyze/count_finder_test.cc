#include "analyze/count_finder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/load_once_for_tests.h"
#include "analyze/facts.h"
#include "eventmill/data_dir.h"

namespace eventmill::analyze {
namespace {

// The project's analyze data, loaded once for the tests of this file.
const AnalyzeData& Data() {
  return LoadOnce<AnalyzeData>([] { return AnalyzeData::Load(DataFiles(DataDir())); });
}

std::vector<Count> Counts(const std::string& text) {
  Document doc;
  doc.text = text;
  CountFinder(Data().counts, Data().abbreviations).Find(doc);
  return doc.counts;
}

TEST(CountFinder, LoadsItsDataAndNamesAMissingDirectory) {
  ASSERT_TRUE(CountLexicon::Load(DataFiles(DataDir())).ok());
  auto missing = CountLexicon::Load(DataFiles("/nonexistent"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/counts/"), std::string::npos);
  // Every file there, but numbers.txt without its [tens], [multipliers] and [vague] sections.
  auto empty = CountLexicon::Load(DataFiles::FromStrings({
      {"counts/numbers.txt", "[units]\none = 1\n"},
      {"counts/qualifiers.txt", "about = approx\n"},
      {"counts/people.txt", "[nouns]\npeople\n[suffixes]\nists\n"},
      {"counts/kinds.txt", "[verbs]\nkilled = killed\n[nouns]\ndead = killed\n[tolls]\ndeath toll = killed\n"},
      {"counts/never.txt", "[before]\nage\n[after]\nyears\n[negations]\nno\n[money]\ndollars\n"}}));
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("counts/numbers.txt: no [tens] section"), std::string::npos)
      << empty.status().message();
}

TEST(CountFinder, MayHoldCountLooksForAFigureAndAFate) {
  const CountLexicon& lex = Data().counts;
  EXPECT_TRUE(lex.MayHoldCount({"Officials", "counted", "12", "bodies"}));    // digits
  EXPECT_TRUE(lex.MayHoldCount({"Seventeen", "people", "died"}));           // a number word
  EXPECT_TRUE(lex.MayHoldCount({"Dozens", "were", "arrested"}));            // a vague figure
  EXPECT_TRUE(lex.MayHoldCount({"a", "handful", "were", "injured"}));       // past its article
  EXPECT_TRUE(lex.MayHoldCount({"a", "guard", "was", "KILLED"}));           // one person
  EXPECT_TRUE(lex.MayHoldCount({"the", "death", "toll", "reached", "40"}));  // a toll
  EXPECT_TRUE(lex.MayHoldCount({"7", "remain", "in", "custody"}));          // a cue's longest word
  EXPECT_FALSE(lex.MayHoldCount({"the", "talks", "went", "on", "for", "3", "days"}));  // no fate
  EXPECT_FALSE(lex.MayHoldCount({"the", "guards", "were", "killed"}));                 // no figure
  std::vector<std::string_view> far{"3", "ministers", "met"};
  for (int i = 0; i < 12; ++i) far.push_back("and");
  far.push_back("killed");
  EXPECT_FALSE(lex.MayHoldCount(far));  // the figure and the cue are in different clauses
  EXPECT_FALSE(lex.MayHoldCount({}));
}

TEST(CountFinder, ReadsThousandsWithComma) {
  auto c = Counts("5,135 people were arrested throughout Kazakhstan.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "arrested");
  EXPECT_EQ(c[0].value, 5135);
  EXPECT_EQ(c[0].qualifier, "exact");
  EXPECT_EQ(c[0].who, "people");
  EXPECT_EQ(c[0].text, "5,135 people");
}

// Issue 18.5: an absurd figure is never a count (no 1e300 arrests), whatever its form.
TEST(CountFinder, AbsurdFiguresAreNotCounts) {
  EXPECT_TRUE(Counts("Police arrested " + std::string(300, '9') + " people on Monday.").empty());
  EXPECT_TRUE(Counts("Police arrested 5 billion billion people on Monday.").empty());
  auto big = Counts("Police arrested 2,000,000 people on Monday.");
  ASSERT_EQ(big.size(), 1u);
  EXPECT_EQ(big[0].value, 2000000);
  for (const Count& c : Counts("Police arrested " + std::string(12, '7') + " protesters.")) EXPECT_LE(c.value, kMaxCountValue);
}

TEST(CountFinder, SpanIndexesTheText) {
  std::string text = "Officials said that 16 were killed on Friday.";
  auto c = Counts(text);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(text.substr(c[0].span.begin, c[0].span.size()), c[0].text);
  EXPECT_EQ(c[0].text, "16");
}

TEST(CountFinder, ReadsDecimalThousandsAsAWholeFigure) {
  auto c = Counts("More than 1.3 thousand officers were injured.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 1300);
  EXPECT_EQ(c[0].qualifier, "more_than");
}

TEST(CountFinder, VaguePluralsAreApproximate) {
  auto c = Counts("Clashes erupted, killing dozens of people and wounding thousands.");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].value, 24);
  EXPECT_EQ(c[0].qualifier, "approx");
  EXPECT_EQ(c[1].kind, "injured");
  EXPECT_EQ(c[1].value, 2000);
}

TEST(CountFinder, OneFactStatedTwiceIsOneCountWithTheExactFigure) {
  auto c = Counts("The number of detainees has risen to more than 5.1 thousand people. "
                  "5,135 people were arrested, the statement said.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 5135);
}

TEST(CountFinder, MergeKeepsFiguresThatDisagree) {
  Count a{"killed", 14, "exact", "", "", {}};
  Count b{"killed", 12, "about", "", "", {}};
  Count c{"killed", 6000, "more_than", "", "", {}};
  Count d{"killed", 5900, "exact", "", "", {}};  // "more than 6,000" is not 5,900
  auto merged = MergeRestatedCounts({a, b, c, d});
  EXPECT_EQ(merged.size(), 4u);
  auto dup = MergeRestatedCounts({a, a, Count{"arrested", 14, "exact", "", "", {}},
                                  Count{"detained", 14, "exact", "", "", {}}});
  EXPECT_EQ(dup.size(), 2u);  // killed 14 twice is one; detained and arrested are one kind
}

TEST(CountFinder, OneFigureCountingTwoNounsIsTwoFacts) {
  Count men{"killed", 4, "exact", "men", "four men", {}};
  Count gunmen{"killed", 4, "exact", "gunmen", "four gunmen", {}};
  Count people{"killed", 4, "exact", "people", "four people", {}};
  Count bare{"killed", 4, "exact", "", "four", {}};
  EXPECT_EQ(MergeRestatedCounts({men, gunmen}).size(), 2u);
  EXPECT_EQ(MergeRestatedCounts({men, men}).size(), 1u);
  // A generic noun, or none, restates either.
  EXPECT_EQ(MergeRestatedCounts({men, gunmen, people, bare}).size(), 2u);
  EXPECT_EQ(MergeRestatedCounts({people, men, gunmen}).size(), 1u);
}

TEST(CountFinder, NumbersInNamesDatesAgesAndMoneyAreNeverCounts) {
  for (const char* text : {"Khabar 24 TV reported on Sunday.", "The G20 met on March 21, 2009.",
                           "A 24-year-old was arrested.", "Bond was set at $150,000.",
                           "He was sentenced to 17 years on two counts of fraud.",
                           "Turnout was 36 percent.", "Johnson, 41, was arrested."})
    EXPECT_TRUE(Counts(text).empty()) << text;
}

TEST(CountFinder, AgentsAreNotVictims) {
  auto c = Counts("Two gunmen killed three people.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 3);
}

TEST(CountFinder, HugePageStaysFast) {
  std::string para = "Police detained forty protesters in the capital on Sunday, the ministry said. ";
  std::string text;
  for (int i = 0; i < 20000; ++i) text += para;
  auto start = std::chrono::steady_clock::now();
  auto c = Counts(text);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(c.size(), 1u);  // one fact, stated 20,000 times
  EXPECT_LT(secs, 5.0);
}

}  // namespace
}  // namespace eventmill::analyze
