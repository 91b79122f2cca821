#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

EventCandidate Arrest(size_t sentence) {
  EventCandidate c;
  c.event.cameo = "173";
  c.event.source = MakeActor("KENCOP", "KE", "COP");
  c.sentence = sentence;
  return c;
}

TEST(MergePass, EachSourceIsAnEventOfItsOwn) {
  Document doc = Doc("Police and soldiers arrested forty people.");
  DocumentState d = StartStory(Data(), doc);
  TriggerState t;
  t.base.event.cameo = "173";
  t.who.sources = {MakeActor("KENCOP"), MakeActor("KENMIL")};
  t.who.explain = {"frames: two sources"};
  EmitEvents(d, t);
  ASSERT_EQ(d.events.size(), 2u);
  EXPECT_EQ(d.events[1].event.source->code, "KENMIL");
  EXPECT_EQ(d.events[1].event.explain.back(), "frames: two sources");
}

TEST(MergePass, ARestatementJoinsTheEventItRestates) {
  Document doc = Doc("Police arrested forty people. The police arrested them on Sunday.");
  DocumentState d = StartStory(Data(), doc);
  SentenceState st;
  st.first_of_sentence = 0;
  d.events.push_back(Arrest(0));
  MergeSentence(Data(), d, st);
  d.events.push_back(Arrest(1));
  MergeSentence(Data(), d, st);
  ASSERT_EQ(d.merged.size(), 1u);
  EXPECT_EQ(d.merged[0].restatements, 1);
  EXPECT_TRUE(d.events.empty());
}

TEST(MergePass, WhatTheHeadlineDeniesIsDropped) {
  Document doc = Doc("x");
  DocumentState d = StartStory(Data(), doc);
  d.merged.push_back(Arrest(0));
  EventCandidate other = Arrest(1);
  other.event.cameo = "190";
  d.merged.push_back(other);
  d.headline_denies = {"173"};
  DropDenied(d);
  ASSERT_EQ(d.merged.size(), 1u);
  EXPECT_EQ(d.merged[0].event.cameo, "190");
}

}  // namespace
}  // namespace eventmill::code
