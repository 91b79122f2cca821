#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

bool Kept(const std::string& text, const std::string& word, DocumentState* out = nullptr) {
  Document doc = Doc(text);
  DocumentState d = StartStory(Data(), doc);
  SentenceState st = OpenSentence(Data(), d, 0);
  for (const PatternMatch& m : FindTriggers(Data(), st)) {
    if (st.s.tokens[m.trigger].lower != word) continue;
    TriggerState t;
    t.m = m;
    t.p = m.pattern;
    bool kept = ReadModality(Data(), d, st, t);
    if (out) *out = std::move(d);
    return kept;
  }
  ADD_FAILURE() << "no pattern fires on " << word;
  return false;
}

TEST(ModalityPass, WhatHappenedIsKept) { EXPECT_TRUE(Kept("Soldiers attacked the village on Monday.", "attacked")); }

TEST(ModalityPass, WhatDidNotOrMightHappenIsDropped) {
  EXPECT_FALSE(Kept("Soldiers did not attack the village on Monday.", "attack"));
  EXPECT_FALSE(Kept("The army could attack the village next week.", "attack"));
}

TEST(ModalityPass, AVerbalActSaidOfSomeoneDescribesHim) {
  EXPECT_FALSE(Kept("Reporters met a driver accused of fraud in the city.", "accused"));
  EXPECT_FALSE(Kept("The mayor thanked a nurse praised as a hero by the staff.", "praised"));
  // told of the subject, or as an act with its object, it is an act
  EXPECT_TRUE(Kept("A spokesman accused the minister of fraud.", "accused"));
  EXPECT_TRUE(Kept("A nurse was praised as a hero by the staff.", "praised"));
  // a done act told the same way is still an act
  EXPECT_TRUE(Kept("Police questioned a man arrested in the raid.", "arrested"));
}

TEST(ModalityPass, AChargeNamesTheCrimeUpToTheClausesOwnVerb) {
  EXPECT_FALSE(Kept("He was charged with kidnapping and robbery.", "kidnapping"));
  EXPECT_TRUE(Kept("A man suspected of theft was killed by residents.", "killed"));
}

TEST(ModalityPass, AHeadlineDenialIsRemembered) {
  Document doc = Doc("Soldiers did not attack village\n\nSoldiers did not attack the village. It was calm.");
  doc.title = "Soldiers did not attack village";
  DocumentState d = StartStory(Data(), doc);
  SentenceState st = OpenSentence(Data(), d, 0);
  ASSERT_TRUE(st.s.title);
  for (const PatternMatch& m : FindTriggers(Data(), st)) {
    TriggerState t;
    t.m = m;
    t.p = m.pattern;
    EXPECT_FALSE(ReadModality(Data(), d, st, t));
  }
  EXPECT_FALSE(d.headline_denies.empty());
}

}  // namespace
}  // namespace eventmill::code
