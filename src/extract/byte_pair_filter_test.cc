#include "extract/byte_pair_filter.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace eventmill::extract {
namespace {

TEST(BytePairFilter, NeverRejectsASubstring) {
  const std::string text = "Reuters reported on Tuesday (AFP) that the talks -- in Zürich -- went on.";
  BytePairFilter f;
  f.Reset(text);
  for (size_t b = 0; b < text.size(); ++b)
    for (size_t n = 0; b + n <= text.size(); ++n) EXPECT_TRUE(f.MayContain(std::string_view(text).substr(b, n)));
}

TEST(BytePairFilter, RejectsNeedlesWithAMissingPair) {
  BytePairFilter f;
  f.Reset("the talks went on");
  EXPECT_FALSE(f.MayContain("Reuters"));
  EXPECT_FALSE(f.MayContain("xq"));
  EXPECT_TRUE(f.MayContain("x"));  // too short to judge
  EXPECT_TRUE(f.MayContain(""));
}

TEST(BytePairFilter, ResetForgetsTheEarlierText) {
  BytePairFilter f;
  f.Reset("according to AFP");
  EXPECT_TRUE(f.MayContain("AFP"));
  f.Reset("according to Reuters");
  EXPECT_FALSE(f.MayContain("AFP"));
  EXPECT_TRUE(f.MayContain("Reuters"));
}

// Against std::string::find on random texts over a small alphabet (many shared pairs): a "no" of
// the filter is always a miss of find.
TEST(BytePairFilter, AgreesWithFindOnRandomTexts) {
  std::mt19937 rng(17);
  const std::string alphabet = "abcdeAB -\xC3\xA9";
  auto random_string = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    return s;
  };
  BytePairFilter f;
  for (int round = 0; round < 200; ++round) {
    const std::string text = random_string(rng() % 300);
    f.Reset(text);
    for (int k = 0; k < 50; ++k) {
      const std::string needle = random_string(1 + rng() % 6);
      if (!f.MayContain(needle)) EXPECT_EQ(text.find(needle), std::string::npos) << text << " / " << needle;
    }
  }
}

}  // namespace
}  // namespace eventmill::extract
