#include "syntax/punct_attachment.h"

#include <gtest/gtest.h>

namespace eventmill::syntax {
namespace {

std::vector<bool> PunctOf(const std::vector<std::string_view>& forms) {
  std::vector<bool> out;
  for (auto f : forms) out.push_back(f == "." || f == "," || f == "\"" || f == "(" || f == ")" || f == "!");
  return out;
}

TEST(ReattachPunctuation, QuotesGoToTheHeadOfWhatTheyEnclose) {
  //                                    0      1       2     3         4      5      6
  std::vector<std::string_view> forms{"They", "said", "\"", "enough", "now", "\"", "."};
  // The parser hung both quotes on "said"; the quoted clause is headed by "enough".
  std::vector<int> heads{1, -1, 1, 1, 3, 1, 1};
  ReattachPunctuation(forms, PunctOf(forms), &heads);
  EXPECT_EQ(heads[2], 3);
  EXPECT_EQ(heads[5], 3);
  EXPECT_EQ(heads[6], 1);  // already on the climbing path from "now": kept
}

TEST(ReattachPunctuation, BracketsWithTwoHeadsInsideTakeTheNearestEach) {
  //                                    0       1    2     3      4      5     6
  std::vector<std::string_view> forms{"Troops", "(", "two", "units", "and", ")", "left"};
  // Inside the brackets "units" hangs on "Troops" and "and" on "left": two heads inside.
  std::vector<int> heads{6, 6, 3, 0, 6, 6, -1};
  ReattachPunctuation(forms, PunctOf(forms), &heads);
  EXPECT_EQ(heads[1], 3);
  EXPECT_EQ(heads[5], 4);
}

TEST(ReattachPunctuation, FinalStopClimbsToTheClauseHead) {
  //                                    0       1         2      3        4
  std::vector<std::string_view> forms{"Police", "arrested", "five", "people", "."};
  // The parser hung the stop on "people"; the clause head is "arrested".
  std::vector<int> heads{1, -1, 3, 1, 3};
  ReattachPunctuation(forms, PunctOf(forms), &heads);
  EXPECT_EQ(heads[4], 1);
}

TEST(ReattachPunctuation, CommasAndProjectivityAreLeftAlone) {
  //                                    0      1     2    3       4       5
  std::vector<std::string_view> forms{"Yes", ",", "they", "came", "back", "!"};
  std::vector<int> heads{3, 0, 3, -1, 3, 4};
  ReattachPunctuation(forms, PunctOf(forms), &heads);
  EXPECT_EQ(heads[1], 0);  // a comma keeps the parser's head
  EXPECT_EQ(heads[5], 3);  // "back" → "came" (root): the highest step left of "!"
  // A stop that has a dependent is not moved (punctuation should be a leaf; leave the parse be).
  std::vector<int> odd{1, -1, 3, 4, 1};
  std::vector<std::string_view> forms2{"A", "b", "c", "d", "."};
  ReattachPunctuation(forms2, PunctOf(forms2), &odd);
  EXPECT_EQ(odd[4], 1);
  EXPECT_EQ(odd[3], 4);
}

TEST(ReattachPunctuation, MismatchedSizesChangeNothing) {
  std::vector<std::string_view> forms{"Go", "."};
  std::vector<int> heads{-1};
  ReattachPunctuation(forms, PunctOf(forms), &heads);
  EXPECT_EQ(heads, std::vector<int>{-1});
}

}  // namespace
}  // namespace eventmill::syntax
