#include "code/match_memo.h"

#include <gtest/gtest.h>

namespace eventmill::code {
namespace {

Inflector TestInflector() { return *Inflector::Parse("send sent sent\n", "t"); }

std::vector<WordToken> Tok(const std::string& s) { return TokenizeWords(s, {0, static_cast<uint32_t>(s.size())}); }

PatternSet Set(const std::string& text) {
  auto set = PatternSet::Parse(text, "t.patterns", TestInflector());
  EXPECT_TRUE(set.ok()) << set.status().message();
  return std::move(*set);
}

TEST(MatchMemo, TakesWhatWasKeptForTheSameSetAndTokensOnce) {
  PatternSet set = Set("173 {arrest} ~3 protesters\n");
  std::vector<WordToken> words = Tok("Police arrested 12 protesters on Monday.");
  std::vector<PatternMatch> found = set.Match(words);
  ASSERT_EQ(found.size(), 1u);
  MatchMemo::Keep(set, words, found);
  auto taken = MatchMemo::Take(set, words);
  ASSERT_TRUE(taken.has_value());
  ASSERT_EQ(taken->size(), 1u);
  EXPECT_EQ((*taken)[0].pattern, found[0].pattern);
  EXPECT_EQ((*taken)[0].trigger, found[0].trigger);
  EXPECT_FALSE(MatchMemo::Take(set, words).has_value());  // taken once
}

TEST(MatchMemo, MissesOnOtherTokensOrAnotherSet) {
  PatternSet set = Set("173 {arrest} ~3 protesters\n");
  PatternSet other = Set("173 {arrest} ~3 protesters\n");
  std::vector<WordToken> words = Tok("Police arrested 12 protesters on Monday.");
  // A kept entry that is wrong on purpose: found only for exactly these tokens of this set.
  MatchMemo::Keep(set, words, {});
  EXPECT_FALSE(MatchMemo::Take(other, words).has_value());
  EXPECT_FALSE(MatchMemo::Take(set, Tok("Police arrested 12 protesters on Sunday.")).has_value());
  std::vector<WordToken> moved = words;  // the same words at other offsets
  for (WordToken& w : moved) w.span = {w.span.begin + 1, w.span.end + 1};
  EXPECT_FALSE(MatchMemo::Take(set, moved).has_value());
  std::vector<WordToken> cased = words;  // the same spans, another word
  cased[1].lower = "detained";
  EXPECT_FALSE(MatchMemo::Take(set, cased).has_value());
  EXPECT_TRUE(MatchMemo::Take(set, words).has_value());
}

TEST(MatchMemo, AddMakesANewGeneration) {
  PatternSet set = Set("173 {arrest} ~3 protesters\n");
  std::vector<WordToken> words = Tok("Police arrested 12 protesters and sent them home.");
  MatchMemo::Keep(set, words, set.Match(words));
  uint64_t before = set.generation();
  set.Add(Set("- {send} them home\n"));
  EXPECT_NE(set.generation(), before);
  EXPECT_FALSE(MatchMemo::Take(set, words).has_value());  // the old set's matches are not the new one's
}

TEST(MatchMemo, MatchEqualsTheSetsOwnMatchWithOrWithoutAnEntry) {
  PatternSet set = Set("173 {arrest} ~3 protesters\n- arrest warrant\n");
  for (const char* text : {"Police arrested 12 protesters.", "An arrest warrant for protesters.", "It rained."}) {
    std::vector<WordToken> words = Tok(text);
    std::vector<PatternMatch> direct = set.Match(words);
    std::vector<PatternMatch> cold = MatchMemo::Match(set, words);
    MatchMemo::Keep(set, words, set.Match(words));
    size_t held = MatchMemo::Size();
    std::vector<PatternMatch> warm = MatchMemo::Match(set, words);
    EXPECT_EQ(MatchMemo::Size(), held - 1) << text;
    ASSERT_EQ(cold.size(), direct.size()) << text;
    ASSERT_EQ(warm.size(), direct.size()) << text;
    for (size_t i = 0; i < direct.size(); ++i) {
      EXPECT_EQ(warm[i].pattern, direct[i].pattern);
      EXPECT_EQ(warm[i].first, direct[i].first);
      EXPECT_EQ(warm[i].last, direct[i].last);
      EXPECT_EQ(warm[i].trigger, direct[i].trigger);
      EXPECT_EQ(warm[i].passive, direct[i].passive);
    }
  }
}

TEST(MatchMemo, HoldsAtMostItsCapacity) {
  PatternSet set = Set("173 {arrest} ~3 protesters\n");
  std::vector<WordToken> first = Tok("Police arrested 12 protesters.");
  MatchMemo::Keep(set, first, set.Match(first));
  for (size_t i = 0; i < MatchMemo::kCapacity + 10; ++i) {
    std::string text = "Sentence number " + std::to_string(i) + ".";
    MatchMemo::Keep(set, Tok(text), {});
  }
  EXPECT_EQ(MatchMemo::Size(), MatchMemo::kCapacity);
  EXPECT_FALSE(MatchMemo::Take(set, first).has_value());  // the oldest was dropped
}

}  // namespace
}  // namespace eventmill::code
