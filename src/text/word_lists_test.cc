#include "text/word_lists.h"

#include <gtest/gtest.h>

namespace eventmill::text {
namespace {

TEST(WordLists, ReadsSectionsKeysAndValues) {
  WordLists lists = ParseWordLists("# c\nloose\n[verbs]\nkilled = killed | slain  # x\n\n[nouns]\npeople\n");
  ASSERT_EQ(lists[""].size(), 1u);
  EXPECT_EQ(lists[""][0].key, "loose");
  ASSERT_EQ(lists["verbs"].size(), 1u);
  EXPECT_EQ(lists["verbs"][0].key, "killed");
  EXPECT_EQ(lists["verbs"][0].values, (std::vector<std::string>{"killed", "slain"}));
  EXPECT_EQ(lists["nouns"][0].key, "people");
}

TEST(WordLists, MissingFileIsAnErrorNamingIt) {
  auto r = ReadWordLists("/nonexistent/x.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/x.txt"), std::string::npos);
}

}  // namespace
}  // namespace eventmill::text
