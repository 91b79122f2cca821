#include "syntax/conllu.h"

#include <gtest/gtest.h>

namespace eventmill::syntax {
namespace {

constexpr char kTwoSentences[] =
    "# text = They didn't go.\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"
    "\n";

TEST(Conllu, ReadsWordsAndKeepsMultiwordLines) {
  auto sentences = ParseConllu(kTwoSentences, "test.conllu");
  ASSERT_TRUE(sentences.ok()) << sentences.status().message();
  ASSERT_EQ(sentences->size(), 2u);
  const ConlluSentence& s = (*sentences)[0];
  ASSERT_EQ(s.words.size(), 5u);
  EXPECT_EQ(s.words[1].form, "did");
  EXPECT_EQ(s.words[1].head, 4);
  EXPECT_EQ(s.words[3].deprel, "root");
  ASSERT_EQ(s.multiwords.size(), 1u);
  EXPECT_EQ(s.multiwords[0].first, 1);
  EXPECT_EQ(s.comments[0], "# text = They didn't go.");
}

TEST(Conllu, WritesWhatItRead) {
  auto sentences = ParseConllu(kTwoSentences, "test.conllu");
  ASSERT_TRUE(sentences.ok());
  std::string out;
  for (const auto& s : *sentences) AppendConllu(s, &out);
  EXPECT_EQ(out, kTwoSentences);
}

TEST(Conllu, RejectsABadLineNamingIt) {
  auto sentences = ParseConllu("1\tHi\thi\n", "bad.conllu");
  ASSERT_FALSE(sentences.ok());
  EXPECT_EQ(sentences.status().message(), "bad.conllu:1: not 10 tab-separated columns");
}

}  // namespace
}  // namespace eventmill::syntax
