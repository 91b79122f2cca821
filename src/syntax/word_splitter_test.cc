#include "syntax/word_splitter.h"

#include <gtest/gtest.h>

#include <string>

namespace eventmill::syntax {
namespace {

std::string Words(std::string_view text) {
  std::vector<Span> spans;
  SplitWords(text, Span{0, uint32_t(text.size())}, &spans);
  std::string out;
  for (Span s : spans) out += (out.empty() ? "" : "|") + std::string(text.substr(s.begin, s.size()));
  return out;
}

TEST(WordSplitter, SplitsCliticsTheTreebankWay) {
  EXPECT_EQ(Words("Police didn't say."), "Police|did|n't|say|.");
  EXPECT_EQ(Words("The city's mayor can't go"), "The|city|'s|mayor|ca|n't|go");
  EXPECT_EQ(Words("We cannot and they’ll"), "We|can|not|and|they|’ll");
}

TEST(WordSplitter, SplitsHyphensKeepsAbbreviations) {
  EXPECT_EQ(Words("a 24-year-old man"), "a|24|-|year|-|old|man");
  EXPECT_EQ(Words("Mr. Smith left the U.S. on Monday."), "Mr.|Smith|left|the|U.S.|on|Monday|.");
  EXPECT_EQ(Words("5,135 people"), "5,135|people");
}

}  // namespace
}  // namespace eventmill::syntax
