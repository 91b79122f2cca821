#include "text/phrase_set.h"

#include <gtest/gtest.h>

namespace eventmill::text {
namespace {

TEST(PhraseSet, FindsTheLongestPhraseAtAndBeforeAPosition) {
  PhraseSet set;
  set.Add({"custody"}, "arrested");
  set.Add({"taken", "into", "custody"}, "arrested-long");
  set.Add({"more", "than"}, "more_than");
  std::vector<std::string> words = {"were", "taken", "into", "custody", "more", "than"};
  auto m = set.LongestAt(words, 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m.length, 3u);
  EXPECT_EQ(*m.label, "arrested-long");
  EXPECT_FALSE(set.LongestAt(words, 0));
  auto e = set.LongestEndingAt(words, 4);
  ASSERT_TRUE(e);
  EXPECT_EQ(*e.label, "arrested-long");
  EXPECT_EQ(set.LongestEndingAt(words, 6).length, 2u);
  EXPECT_FALSE(set.LongestAt(words, 6));
  EXPECT_FALSE(set.LongestEndingAt(words, 0));
}

}  // namespace
}  // namespace eventmill::text
