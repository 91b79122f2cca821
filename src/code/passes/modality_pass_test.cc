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
