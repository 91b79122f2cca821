// ReactingSubjects on trees written by hand (no model).
#include "code/reaction_reading.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "code/hand_tree_for_tests.h"

namespace eventmill::code {
namespace {

struct W {
  std::string form, upos;
  int head;  // 1-based, 0 = root
  std::string deprel;
};

Document Tree(const std::vector<W>& words) {
  std::vector<HandWord> hand;
  for (const W& w : words) hand.push_back({w.form, w.upos, "", "", w.head, w.deprel});
  return HandTree(hand);
}

uint32_t At(const Document& doc, const std::string& word) { return static_cast<uint32_t>(doc.text.find(word)); }

TEST(ReactingSubjects, TheSubjectOfAFeelingAboutTheActDidNotDoIt) {
  // "Prison guards were upset over the release of two inmates"
  Document doc = Tree({{"Prison", "NOUN", 2, "compound"},
                       {"guards", "NOUN", 4, "nsubj"},
                       {"were", "AUX", 4, "cop"},
                       {"upset", "ADJ", 0, "root"},
                       {"over", "ADP", 7, "case"},
                       {"the", "DET", 7, "det"},
                       {"release", "NOUN", 4, "obl"},
                       {"of", "ADP", 10, "case"},
                       {"two", "NUM", 10, "nummod"},
                       {"inmates", "NOUN", 7, "nmod"}});
  std::vector<Span> words = ReactingSubjects(doc, 0, At(doc, "release"));
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(doc[words[0]], "guards");
  EXPECT_EQ(doc[words[1]], "Prison");
}

TEST(ReactingSubjects, AHeadlinesAdjectiveOnItsNounFeelsToo) {
  // "Guards upset with release of inmate", parsed with "upset" on "Guards".
  Document doc = Tree({{"Guards", "NOUN", 0, "root"},
                       {"upset", "ADJ", 1, "amod"},
                       {"with", "ADP", 4, "case"},
                       {"release", "NOUN", 2, "obl"},
                       {"of", "ADP", 6, "case"},
                       {"inmate", "NOUN", 4, "nmod"}});
  std::vector<Span> words = ReactingSubjects(doc, 0, At(doc, "release"));
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(doc[words[0]], "Guards");
}

TEST(ReactingSubjects, TheSubjectOfAVerbThatTakesTheActAsObjectMayHaveDoneIt) {
  // "Guards announced the release of two inmates": the guards may well have released them.
  Document doc = Tree({{"Guards", "NOUN", 2, "nsubj"},
                       {"announced", "VERB", 0, "root"},
                       {"the", "DET", 4, "det"},
                       {"release", "NOUN", 2, "obj"},
                       {"of", "ADP", 7, "case"},
                       {"two", "NUM", 7, "nummod"},
                       {"inmates", "NOUN", 4, "nmod"}});
  EXPECT_TRUE(ReactingSubjects(doc, 0, At(doc, "release")).empty());
}

TEST(ReactingSubjects, AnUnparsedSentenceTellsNothing) {
  Document doc = Tree({{"Guards", "NOUN", 2, "nsubj"}, {"upset", "ADJ", 0, "root"}});
  doc.sentences[0].parsed = false;
  EXPECT_TRUE(ReactingSubjects(doc, 0, 0).empty());
}

}  // namespace
}  // namespace eventmill::code
