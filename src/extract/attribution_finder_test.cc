#include "extract/attribution_finder.h"

#include <gtest/gtest.h>

namespace eventmill::extract {
namespace {


ExtractData Agencies() {
  return ExtractData::FromStrings("", "",
                                  "Reuters\nAFP|Agence France-Presse\nTASS|ITAR-TASS\nRIA Novosti|RIA\nRT|Russia Today\n");
}

TEST(AttributionFinder, SourceLineIsMetadata) {
  ExtractData d = Agencies();
  AttributionFinder f(d);
  Attribution a = f.Find({"Officials said the city is calm.", "Source: RT, RIA Novosti"});
  EXPECT_EQ(a.sources, (std::vector<std::string>{"RT", "RIA Novosti"}));
  EXPECT_EQ(a.attribution_lines, (std::vector<size_t>{1}));
}

TEST(AttributionFinder, WireCreditsInTheLeadAndAtTheEnd) {
  ExtractData d = Agencies();
  AttributionFinder f(d);
  Attribution a = f.Find({"KYIV, Jan 9 (Reuters) - Shelling hit the city.", "Police said 40 people were held, AFP reported.",
                          "The talks will resume on Monday — TASS"});
  EXPECT_EQ(a.sources, (std::vector<std::string>{"Reuters", "AFP", "TASS"}));
  EXPECT_TRUE(a.attribution_lines.empty());
}

TEST(AttributionFinder, MentionsWithoutCreditDoNotCount) {
  ExtractData d = Agencies();
  AttributionFinder f(d);
  Attribution a = f.Find({"The ARTS festival opened.", "Reuters is a company founded in London in 1851."});
  EXPECT_TRUE(a.sources.empty());
}

TEST(AttributionFinder, LongSourceSentenceIsText) {
  ExtractData d = Agencies();
  AttributionFinder f(d);
  Attribution a = f.Find({"Source: a senior official who asked not to be named because he was not authorised to speak said so."});
  EXPECT_TRUE(a.attribution_lines.empty());
}

}  // namespace
}  // namespace eventmill::extract
