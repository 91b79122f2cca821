#include "lexicon/tokens.h"

#include <gtest/gtest.h>

namespace eventmill::lexicon {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<std::string> out;
  for (const auto& t : toks) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

TEST(Tokens, WordKeysReadOneWordOfTheDocument) {
  const std::string text = "U.S.-led 5,135 city's -";
  auto keys = [&](uint32_t b, uint32_t e) {
    std::vector<Token> out;
    WordKeys(text, b, e, &out);
    return out;
  };
  auto us = keys(0, 4);  // "U.S." keeps its dot in the span, not in the key
  ASSERT_EQ(us.size(), 1u);
  EXPECT_EQ(us[0].end, 4u);
  EXPECT_EQ(us[0].hash, TokenHash("u.s"));
  EXPECT_TRUE(us[0].flags & kAllUpper);
  EXPECT_EQ(keys(9, 14).size(), 2u);  // "5,135": the lexicon's two tokens
  auto city = keys(15, 21);           // "city's" read together: the possessive's word
  ASSERT_EQ(city.size(), 1u);
  EXPECT_EQ(city[0].end, 19u);
  EXPECT_TRUE(city[0].flags & kPossessive);
  EXPECT_TRUE(keys(22, 23).empty());  // "-"
  EXPECT_EQ(keys(5, 8)[0].begin, 5u);  // spans index the text
  const std::string bare = "the U.S billionaire";  // the dotted abbreviation without its final dot
  std::vector<Token> us_bare;
  WordKeys(bare, 4, 7, &us_bare);
  ASSERT_EQ(us_bare.size(), 1u);
  EXPECT_EQ(us_bare[0].hash, TokenHash("u.s"));
}

TEST(Tokens, HyphenAndSpaceSpellingsShareOneKey) {
  EXPECT_EQ(PhraseKey("Alma-Ata"), PhraseKey("Alma Ata"));
  EXPECT_EQ(PhraseKey("alma ata"), PhraseKey("ALMA-ATA"));
  EXPECT_NE(PhraseKey("Almaty"), PhraseKey("Alma Ata"));
}

TEST(Tokens, FoldsLatinDiacritics) {
  EXPECT_EQ(NormalizeToken("Almatý"), "almaty");
  EXPECT_EQ(NormalizeToken("Türkiye"), "turkiye");
  EXPECT_EQ(NormalizeToken("Médecins"), "medecins");
  // Latin Extended-A, each letter to its base (as ICU's NFKD gives it; bench/unicode_bench).
  EXPECT_EQ(NormalizeToken("Łódź"), "lodz");
  EXPECT_EQ(NormalizeToken("Toruń"), "torun");
  EXPECT_EQ(NormalizeToken("Źródło"), "zrodlo");
  EXPECT_EQ(NormalizeToken("Kėdainiai"), "kedainiai");
  EXPECT_EQ(NormalizeToken("Ķekava"), "kekava");
  EXPECT_EQ(NormalizeToken("Ľubochňa"), "lubochna");
  EXPECT_EQ(NormalizeToken("Ōsaka"), "osaka");
  EXPECT_EQ(NormalizeToken("Kraków"), "krakow");
  EXPECT_EQ(NormalizeToken("Śląsk"), "slask");
  EXPECT_EQ(NormalizeToken("Târgu"), "targu");
  EXPECT_EQ(NormalizeToken("Ţara"), "tara");
  EXPECT_EQ(NormalizeToken("Ũbe"), "ube");
  EXPECT_EQ(NormalizeToken("Ŵales"), "wales");
  EXPECT_EQ(NormalizeToken("Ŷnys"), "ynys");
  EXPECT_EQ(NormalizeToken("Żory"), "zory");
  EXPECT_EQ(PhraseKey("Zürich"), PhraseKey("Zurich"));
}

TEST(Tokens, PossessiveIsNotPartOfTheWord) {
  EXPECT_EQ(Words("the city's deputy mayor"), (std::vector<std::string>{"the", "city", "deputy", "mayor"}));
  EXPECT_EQ(Words("Kazakhstan’s police"), (std::vector<std::string>{"Kazakhstan", "police"}));
  std::vector<Token> toks;
  Tokenize("Kazakhstan's police", &toks);
  EXPECT_TRUE(toks[0].flags & kPossessive);
}

TEST(Tokens, ApostropheInsideANameStays) {
  EXPECT_EQ(Words("O'Hare airport"), (std::vector<std::string>{"O'Hare", "airport"}));
}

TEST(Tokens, AnElidedArticleBeforeACapitalCountsAsCapitalised) {
  std::vector<Token> toks;
  Tokenize("d'Ivoire l'Aquila don't", &toks);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_TRUE(toks[0].flags & kUpperInitial);
  EXPECT_TRUE(toks[1].flags & kUpperInitial);
  EXPECT_FALSE(toks[2].flags & kUpperInitial);
}

TEST(Tokens, DottedAbbreviationIsOneToken) {
  EXPECT_EQ(Words("the U.S. said"), (std::vector<std::string>{"the", "U.S.", "said"}));
  EXPECT_EQ(PhraseKey("U.S."), PhraseKey("u.s."));
  EXPECT_NE(PhraseKey("U.S."), PhraseKey("US"));
  std::vector<Token> toks;
  Tokenize("U.S.", &toks);
  ASSERT_EQ(toks.size(), 1u);
  EXPECT_TRUE(toks[0].flags & kAllUpper);
}

TEST(Tokens, CaseFlags) {
  std::vector<Token> toks;
  Tokenize("NATO police Almaty 24", &toks);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_TRUE(toks[0].flags & kAllUpper);
  EXPECT_FALSE(toks[1].flags & kUpperInitial);
  EXPECT_TRUE(toks[2].flags & kUpperInitial);
  EXPECT_FALSE(toks[2].flags & kAllUpper);
  EXPECT_TRUE(toks[3].flags & kHasDigit);
}

TEST(Tokens, SpansIndexTheText) {
  std::string text = "«Алма-Ата» and Almaty";
  std::vector<Token> toks;
  Tokenize(text, &toks);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(text.substr(toks[3].begin, toks[3].end - toks[3].begin), "Almaty");
  EXPECT_EQ(text.substr(toks[0].begin, toks[0].end - toks[0].begin), "Алма");
}

}  // namespace
}  // namespace eventmill::lexicon
