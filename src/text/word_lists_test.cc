#include "text/word_lists.h"

#include <gtest/gtest.h>

namespace eventmill::text {
namespace {

TEST(WordLists, ReadsSectionsKeysAndValues) {
  auto r = ParseWordLists("# c\nloose\n[verbs]\nkilled = killed | slain  # x\n\n[nouns]\npeople\n", "t.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  WordLists lists = *r;
  ASSERT_EQ(lists[""].size(), 1u);
  EXPECT_EQ(lists[""][0].key, "loose");
  ASSERT_EQ(lists["verbs"].size(), 1u);
  EXPECT_EQ(lists["verbs"][0].key, "killed");
  EXPECT_EQ(lists["verbs"][0].values, (std::vector<std::string>{"killed", "slain"}));
  EXPECT_EQ(lists["nouns"][0].key, "people");
}

TEST(WordLists, MissingFileIsAnErrorNamingIt) {
  auto r = ReadWordLists(DataFiles("/nonexistent"), "x.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/x.txt"), std::string::npos);
}

TEST(WordLists, MalformedLinesAreErrorsNamingFileAndLine) {
  for (const char* bad : {"[verbs\nkilled\n", "[ ]\n", "a\n = slain\n", "a\nkilled = \n", "a\nkilled =\n"}) {
    auto r = ParseWordLists(bad, "data/x.txt");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().message().find("data/x.txt:"), std::string::npos) << r.status().message();
  }
  auto r = ParseWordLists("a\n\n[verbs\n", "data/x.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("data/x.txt:3:"), std::string::npos) << r.status().message();
}

TEST(WordLists, RequiredSectionsMustHoldEntries) {
  auto r = ParseWordLists("[verbs]\nkilled\n[nouns]\n", "x.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(RequireSections(*r, "x.txt", {"verbs"}).ok());
  Status empty = RequireSections(*r, "x.txt", {"verbs", "nouns"});
  EXPECT_FALSE(empty.ok());
  EXPECT_NE(empty.message().find("x.txt: [nouns]"), std::string::npos) << empty.message();
  EXPECT_FALSE(RequireSections(*r, "x.txt", {"adverbs"}).ok());
}

TEST(WordLists, KeyAlternativesAreTrimmedAndSkipEmptyOnes) {
  auto lists = ParseWordLists("[cues]\n killed | dead ||  shot dead \nalone\n", "t.txt");
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  const auto& cues = lists->at("cues");
  ASSERT_EQ(cues.size(), 2u);
  EXPECT_EQ(KeyAlternatives(cues[0]), (std::vector<std::string>{"killed", "dead", "shot dead"}));
  EXPECT_EQ(KeyAlternatives(cues[1]), (std::vector<std::string>{"alone"}));
}

}  // namespace
}  // namespace eventmill::text
