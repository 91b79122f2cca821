#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

namespace eventmill::syntax {
namespace {

TEST(Lemmatizer, SuffixRulesByTag) {
  EXPECT_EQ(Lemmatizer::RuleLemma("protesters", "NNS"), "protester");
  EXPECT_EQ(Lemmatizer::RuleLemma("casualties", "NNS"), "casualty");
  EXPECT_EQ(Lemmatizer::RuleLemma("stopped", "VBD"), "stop");
  EXPECT_EQ(Lemmatizer::RuleLemma("injured", "VBN"), "injure");
  EXPECT_EQ(Lemmatizer::RuleLemma("killing", "VBG"), "kill");
  EXPECT_EQ(Lemmatizer::RuleLemma("Almaty", "NNP"), "Almaty");
  EXPECT_EQ(Lemmatizer::RuleLemma("The", "DT"), "the");
}

TEST(Lemmatizer, TreebankExceptionsWin) {
  ConlluSentence s;
  ConlluWord w;
  w.form = "children", w.xpos = "NNS", w.lemma = "child";
  s.words.push_back(w);
  w.form = "went", w.xpos = "VBD", w.lemma = "go";
  s.words.push_back(w);
  Lemmatizer lemmatizer = Lemmatizer::Train({s});
  EXPECT_EQ(lemmatizer.num_exceptions(), 2u);
  EXPECT_EQ(lemmatizer.Lemma("children", "NNS"), "child");
  EXPECT_EQ(lemmatizer.Lemma("Went", "VBD"), "go");
  EXPECT_EQ(lemmatizer.Lemma("soldiers", "NNS"), "soldier");
}

}  // namespace
}  // namespace eventmill::syntax
