#include "text/pattern_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "eventmill/data_dir.h"

namespace eventmill::text {
namespace {

Inflector TestInflector() {
  return *Inflector::Parse("shoot shot shot\nkidnap kidnapped kidnapped kidnapping\nsend sent sent\n", "t");
}

// Words as the coder makes them (code/word_tokens.h), enough for these sentences: split at
// spaces, the punctuation at a word's end its own token, lower case.
std::vector<WordToken> Tok(const std::string& s) {
  std::vector<WordToken> out;
  auto add = [&](size_t b, size_t e, bool punct) {
    std::string lower = s.substr(b, e - b);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.push_back({{uint32_t(b), uint32_t(e)}, lower, punct});
  };
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    size_t end = std::min(s.find(' ', i), s.size());
    size_t word_end = end;
    while (word_end > i && std::string_view(".,;:!?").find(s[word_end - 1]) != std::string_view::npos) --word_end;
    if (word_end > i) add(i, word_end, false);
    for (size_t k = word_end; k < end; ++k) add(k, k + 1, true);
    i = end;
  }
  return out;
}

TEST(TestWords, SplitLikeTheCoder) {
  auto t = Tok("A Mt. Vernon man, he said.");
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(t[1].lower, "mt");
  EXPECT_TRUE(t[2].punct);
  EXPECT_EQ(t[1].span.end, t[2].span.begin);
  EXPECT_EQ(t[5].lower, ",");
}

bool Has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST(Inflector, RegularAndIrregularForms) {
  Inflector inf = TestInflector();
  auto arrest = inf.Forms("arrest");
  EXPECT_TRUE(Has(arrest, "arrests") && Has(arrest, "arrested") && Has(arrest, "arresting"));
  auto stab = inf.Forms("stab");
  EXPECT_TRUE(Has(stab, "stabbed") && Has(stab, "stabbing"));
  auto rally = inf.Forms("rally");
  EXPECT_TRUE(Has(rally, "rallied") && Has(rally, "rallies") && Has(rally, "rallying"));
  auto storm = inf.Forms("storm");
  EXPECT_TRUE(Has(storm, "stormed") && !Has(storm, "stormmed"));
  auto shoot = inf.Forms("shoot");
  EXPECT_TRUE(Has(shoot, "shot") && Has(shoot, "shooting") && !Has(shoot, "shooted"));
  auto kidnap = inf.Forms("kidnap");
  EXPECT_TRUE(Has(kidnap, "kidnapped") && Has(kidnap, "kidnapping"));
  auto seize = inf.Forms("seize");
  EXPECT_TRUE(Has(seize, "seized") && Has(seize, "seizing"));
}

TEST(PatternSet, MatchesInflectionsGapsAndMultiWordAlternatives) {
  auto set = PatternSet::Parse(
      "173 {arrest}\n"
      "0234 {ask} ~6 to send ~3 (peacekeep*|troops)\n"
      "1724 {impose|declare} ~3 (state of emergency|martial law)\n",
      "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok()) << set.status().message();
  auto m = set->Match(Tok("The president asked the CSTO to send peacekeeping forces."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].pattern->cameo, "0234");
  EXPECT_EQ(m[0].trigger, 2u);
  m = set->Match(Tok("He declared a state of emergency."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].pattern->cameo, "1724");
}

TEST(PatternSet, GapRunsAcrossAnAbbreviationButNotASentenceEnd) {
  auto set = PatternSet::Parse("173 {charge} ~6 with\n", "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->Match(Tok("Police charged a Mt. Vernon man with theft.")).size(), 1u);
  // (the splitter decides where sentences end; a period it left after a long word still ends a clause)
  EXPECT_EQ(set->Match(Tok("Police charged the suspect. Later he left with friends.")).size(), 0u);
}

TEST(PatternSet, DetectsPassiveVoice) {
  auto set = PatternSet::Parse("173 {arrest}\n115 {charge} with\n", "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok());
  auto m = set->Match(Tok("Five men were reportedly arrested and charged with theft."));
  ASSERT_EQ(m.size(), 2u);
  EXPECT_TRUE(m[0].passive);
  EXPECT_TRUE(m[1].passive);  // coordinated with a passive participle
  m = set->Match(Tok("Police arrested five men."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(m[0].passive);
}

TEST(PatternSet, LongerMatchAndStopPhrasesWin) {
  auto set = PatternSet::Parse(
      "1823 {kill}\n138 {vow} to ~2 (liquidate|kill) ; modality=threatened\n- {kill} ~3 in ~2 (crash|accident)\n",
      "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok());
  auto m = set->Match(Tok("He vowed to kill the rebels."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].pattern->cameo, "138");
  EXPECT_EQ(m[0].pattern->modality, "threatened");
  EXPECT_TRUE(set->Match(Tok("Two were killed in a crash.")).empty());
}

TEST(PatternSet, APatternHoldingAWholeStopPhraseIsNotStopped) {
  auto set = PatternSet::Parse("183 bomb ; noun\n- bomb (threat|threats)\n1383 (death|bomb) (threat|threats) ; noun\n",
                               "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok()) << set.status().message();
  auto m = set->Match(Tok("The school got bomb threats."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].pattern->cameo, "1383");
  // the stop phrase still stops the shorter pattern inside it
  set = PatternSet::Parse("183 bomb ; noun\n- bomb (threat|threats)\n", "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok());
  EXPECT_TRUE(set->Match(Tok("The school got bomb threats.")).empty());
  // a verb pattern over the same words is a misreading the stop phrase is there to stop
  set = PatternSet::Parse("172 {fire} ~3 chief\n- fire chief ; noun\n", "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok());
  EXPECT_TRUE(set->Match(Tok("The fire chief said so.")).empty());
}

TEST(PatternSet, MayMatchOnlyWhenEveryNeededElementHasItsWords) {
  auto set = PatternSet::Parse("173 {arrest} ~3 (protesters|riot police)\n"
                               "081 ^peacekeep* ~2 withdrew\n"
                               "192 cease-fire ; noun\n"
                               "- arrest warrant\n",
                               "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_TRUE(set->MayMatch({"Protesters", "were", "ARRESTED"}));        // any case, any order
  EXPECT_TRUE(set->MayMatch({"they", "arrested", "riot", "police"}));     // a phrase's words
  EXPECT_FALSE(set->MayMatch({"they", "arrested", "the", "police"}));     // "riot" is missing
  EXPECT_FALSE(set->MayMatch({"Police", "arrested", "them"}));            // no object word
  EXPECT_TRUE(set->MayMatch({"the", "Peacekeepers", "withdrew"}));         // a prefix
  EXPECT_FALSE(set->MayMatch({"the", "peacekeepers", "stayed"}));
  EXPECT_TRUE(set->MayMatch({"a", "cease", "-", "fire", "held"}));         // a word the treebank splits
  EXPECT_TRUE(set->MayMatch({"the", "cease-fire", "held"}));
  EXPECT_FALSE(set->MayMatch({"the", "warrant", "for", "arrest"}));       // a stop phrase makes no event
  EXPECT_FALSE(set->MayMatch({}));
  // A trigger that is a number: checked for every sentence, by its other words.
  auto figures = PatternSet::Parse("173 ^<n> ~2 (protesters|activists) ~2 {arrest}\n", "t.patterns", TestInflector());
  ASSERT_TRUE(figures.ok()) << figures.status().message();
  EXPECT_TRUE(figures->MayMatch({"12", "activists", "arrested"}));
  EXPECT_FALSE(figures->MayMatch({"activists", "arrested"}));
  EXPECT_FALSE(figures->MayMatch({"it", "rained"}));
}

TEST(PatternSet, MayMatchForgetsTheSentenceBefore) {
  // MayMatch keeps its word buffers from one call to the next: a long sentence's words must not
  // be read as part of a shorter one after it.
  auto set = PatternSet::Parse("173 {arrest} ~3 (protesters|riot police)\n"
                               "081 ^peacekeep* ~2 withdrew\n"
                               "145 ^<n> ~2 *-strong ~2 crowd\n",
                               "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_TRUE(set->MayMatch({"Riot", "police", "arrested", "the", "peacekeepers", "who", "withdrew", "and", "a",
                             "5000", "10,000-strong", "crowd"}));
  EXPECT_FALSE(set->MayMatch({"they", "arrested", "the", "police"}));
  EXPECT_FALSE(set->MayMatch({"they", "withdrew"}));
  EXPECT_FALSE(set->MayMatch({"a", "crowd", "gathered"}));
  EXPECT_FALSE(set->MayMatch({"a", "strong", "crowd", "of", "5000"}));  // no word ends "-strong"
  EXPECT_TRUE(set->MayMatch({"some", "500", "1,000-strong", "crowd"}));
  EXPECT_TRUE(set->MayMatch({"PEACEKEEPING", "troops", "withdrew"}));  // a prefix, any case
  EXPECT_FALSE(set->MayMatch({"peace", "troops", "withdrew"}));        // shorter than the prefix
}

TEST(PatternSet, ReportsBadLinesWithTheirPlace) {
  auto bad = PatternSet::Parse("# ok\n17x {arrest}\n", "bad.patterns", TestInflector());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.patterns:2"), std::string::npos);
  EXPECT_FALSE(PatternSet::Parse("173 {arrest\n", "b", TestInflector()).ok());
  EXPECT_FALSE(PatternSet::Parse("173 ~ arrest\n", "b", TestInflector()).ok());
  EXPECT_FALSE(PatternSet::Parse("173 arrest ; modality=maybe\n", "b", TestInflector()).ok());
}

TEST(PatternSet, ProjectPatternsLoad) {
  auto set = PatternSet::Load(DataFiles(DataDir() + "/patterns"));
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_GT(set->size(), 300u);
}

TEST(PatternSet, SuffixWildcardAndForcedPassive) {
  auto set = PatternSet::Parse(
      "182 {stab}\n"
      "112 accused of ; passive\n"
      "- *-year-old\n",
      "t.patterns", TestInflector());
  ASSERT_TRUE(set.ok()) << set.status().message();
  // "*-year-old" matches a word ending so, and only such a word.
  auto all = set->MatchAll(Tok("A 16-year-old was stabbed."));
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const PatternMatch& m) { return m.pattern->cameo == "-"; }));
  EXPECT_TRUE(set->MatchAll(Tok("A year-old case.")).empty());  // the suffix alone is no match
  auto m = set->Match(Tok("The minister, accused of fraud, resigned."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].passive);
  // A participle with its "by" agent reads passive without "be".
  m = set->Match(Tok("Two men stabbed by a neighbour survived."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].passive);
  m = set->Match(Tok("He stabbed a neighbour."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(m[0].passive);
}

TEST(PatternSet, FindsTheLongestPhraseAtAndBeforeAPosition) {
  PatternSet set;
  EXPECT_TRUE(set.empty());
  set.AddPhrase({"custody"}, "arrested");
  set.AddPhrase({"taken", "into", "custody"}, "arrested-long");
  set.AddPhrase({"more", "than"}, "more_than");
  set.AddPhrase({"into", "custody"}, "second");
  set.AddPhrase({"into", "custody"}, "third");  // the same phrase again: the first one added wins
  set.AddPhrase({}, "nothing");
  EXPECT_EQ(set.size(), 5u);
  std::vector<std::string> words = {"were", "taken", "into", "custody", "more", "than"};
  auto m = set.LongestAt(words, 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m.length, 3u);
  EXPECT_EQ(*m.label, "arrested-long");
  EXPECT_EQ(*set.LongestAt(words, 2).label, "second");
  EXPECT_FALSE(set.LongestAt(words, 0));
  auto e = set.LongestEndingAt(words, 4);
  ASSERT_TRUE(e);
  EXPECT_EQ(*e.label, "arrested-long");
  EXPECT_EQ(set.LongestEndingAt(words, 6).length, 2u);
  EXPECT_FALSE(set.LongestAt(words, 6));
  EXPECT_FALSE(set.LongestEndingAt(words, 0));
  EXPECT_FALSE(set.LongestEndingAt(words, 3));  // "taken into" ends no phrase
  std::vector<std::string> short_words = {"into"};
  EXPECT_FALSE(set.LongestAt(short_words, 0));  // a phrase runs past the words' end: no match
}

TEST(PatternSet, LongestAtReadsPatternsOnBareWords) {
  auto set = PatternSet::Parse("KILLED {kill}\nHELD (taken|held) into? custody\nGAP shot ~2 dead\n", "t.cues", TestInflector(),
                               /*labelled=*/true);
  ASSERT_TRUE(set.ok()) << set.status().message();
  std::vector<std::string> words = {"two", "were", "held", "custody", "and", "one", "shot", "and", "left", "dead"};
  EXPECT_EQ(*set->LongestAt(words, 2).label, "HELD");
  EXPECT_EQ(set->LongestAt(words, 2).length, 2u);  // the optional word left out
  EXPECT_EQ(set->LongestAt(words, 6).length, 4u);   // across the gap
  EXPECT_EQ(set->LongestEndingAt(words, 10).length, 4u);
  EXPECT_FALSE(set->LongestEndingAt(words, 9));
  std::vector<std::string> killed = {"they", "killed", "him"};
  EXPECT_EQ(*set->LongestAt(killed, 1).label, "KILLED");
  // Phrases added word by word live beside parsed patterns; a new generation each time.
  uint64_t before = set->generation();
  set->AddPhrase({"they"}, "THEY");
  EXPECT_NE(set->generation(), before);
  EXPECT_EQ(*set->LongestEndingAt(killed, 1).label, "THEY");
}

}  // namespace
}  // namespace eventmill::text
