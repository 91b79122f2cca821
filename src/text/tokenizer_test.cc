#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace eventmill::text {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text, {0, static_cast<uint32_t>(text.size())}))
    out.emplace_back(text.substr(t.span.begin, t.span.size()));
  return out;
}

TEST(Tokenizer, KeepsNumbersWithGroupsAndDecimals) {
  EXPECT_EQ(Words("5,135 people and 1.3 thousand, 300."),
            (std::vector<std::string>{"5,135", "people", "and", "1.3", "thousand", ",", "300", "."}));
}

TEST(Tokenizer, JoinsHyphensApostrophesAndDottedAbbreviations) {
  EXPECT_EQ(Words("a 24-year-old from the U.S. met Kassym-Jomart's 7-Eleven clerk"),
            (std::vector<std::string>{"a", "24-year-old", "from", "the", "U.S.", "met", "Kassym-Jomart's",
                                      "7-Eleven", "clerk"}));
}

TEST(Tokenizer, MarksNumbersAndQuotes) {
  std::string text = "\xE2\x80\x9C" "16 killed" "\xE2\x80\x9D";
  auto tokens = Tokenize(text, {0, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kQuote);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[3].kind, TokenKind::kQuote);
}

TEST(Tokenizer, NumberFollowedByLettersIsAWord) {
  auto words = Words("G20 1970s 3rd 4:30");
  EXPECT_EQ(words, (std::vector<std::string>{"G20", "1970s", "3rd", "4", ":", "30"}));
  std::string t = "1970s";
  EXPECT_EQ(Tokenize(t, {0, 5})[0].kind, TokenKind::kWord);
}

TEST(Tokenizer, CommaNotFollowedByThreeDigitsSplits) {
  EXPECT_EQ(Words("Bonilla, 23, and 1,2"), (std::vector<std::string>{"Bonilla", ",", "23", ",", "and", "1", ",", "2"}));
}

TEST(Tokenizer, CapitalizedFlag) {
  std::string t = "Police said";
  auto tokens = Tokenize(t, {0, static_cast<uint32_t>(t.size())});
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[1].capitalized);
}

TEST(Tokenizer, CapitalizedBeyondLatin1) {
  // Latin Extended-A/B, Greek, Cyrillic, Armenian and full-width capitals; their lower cases not.
  std::string t = "Łódź Škoda İzmir Ørsted Ελλάδα Киев Հայաստան Ｔｏｋｙｏ łódź škoda ελλάδα киев";
  auto tokens = Tokenize(t, {0, static_cast<uint32_t>(t.size())});
  ASSERT_EQ(tokens.size(), 12u);
  for (size_t i = 0; i < 8; ++i) EXPECT_TRUE(tokens[i].capitalized) << i;
  for (size_t i = 8; i < 12; ++i) EXPECT_FALSE(tokens[i].capitalized) << i;
}

TEST(Tokenizer, UpperLetterClass) {
  EXPECT_TRUE(IsUpperLetter('Q'));
  EXPECT_TRUE(IsUpperLetter(0xC9));    // É
  EXPECT_FALSE(IsUpperLetter(0xD7));   // ×
  EXPECT_TRUE(IsUpperLetter(0x141));   // Ł
  EXPECT_FALSE(IsUpperLetter(0x142));  // ł
  EXPECT_TRUE(IsUpperLetter(0x1C5));   // ǅ, title case
  EXPECT_FALSE(IsUpperLetter(0x4E2D)); // 中: no case
  EXPECT_TRUE(IsWordLetter(0x4E2D));
  EXPECT_FALSE(IsWordLetter(0x2014));  // —
}

}  // namespace
}  // namespace eventmill::text
