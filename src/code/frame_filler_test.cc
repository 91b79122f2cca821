// FrameFiller on trees written by hand (no model): which words fill source and target for
// active and passive clauses, event nouns and light verbs, control and raising, relative clauses,
// coordination, apposition and reported speech; and what FrameRules::Parse refuses.
#include "code/frame_filler.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "code/hand_tree_for_tests.h"

namespace eventmill::code {
namespace {

using W = HandWord;

Document Tree(const std::vector<W>& words) { return HandTree(words); }

const FrameRules& Rules() {
  static const FrameRules kRules = *FrameRules::Parse(
      "*\tnsubj\t*\tsource\n*\tnsubj:pass\t*\ttarget\n*\tobj\t*\ttarget\n*\tobl:agent\t*\tsource\n"
      "*\tobl\tby\tsource\n*\tnmod\tby\tsource\n*\tnmod\tof\ttarget\n*\tnmod:poss\t*\tsource\n"
      "*\tobl\tagainst\ttarget\n*\tnmod\tagainst\ttarget\n*\tobl\ton\ttarget\n*\tnmod\tbetween\tsides\n"
      "173\tnmod:poss\t*\ttarget\n13\tadvcl\tif\ttarget\n10\tccomp\t*\ttarget\n",
      "frames.tsv");
  return kRules;
}

const FrameWords& Words() {
  static const FrameWords kWords{.light_verbs = {"stage", "carry", "launch"}};
  return kWords;
}

// The words filling each slot, as text, for the trigger `trigger` (a word of the sentence).
struct Filled {
  std::vector<std::string> sources, targets;
};
Filled Fill(const Document& doc, const std::string& trigger, const std::string& cameo) {
  size_t at = doc.text.find(trigger);
  EXPECT_NE(at, std::string::npos) << trigger;
  FrameReading r = ReadFrame(doc, 0, static_cast<uint32_t>(at), cameo, Rules(), Words());
  EXPECT_TRUE(r.parsed);
  Filled f;
  for (const auto& a : r.sources) f.sources.emplace_back(doc[doc.tokens[a.word].span]);
  for (const auto& a : r.targets) f.targets.emplace_back(doc[doc.tokens[a.word].span]);
  return f;
}

using V = std::vector<std::string>;

TEST(FrameFiller, ActiveClauseSubjectActsOnObject) {
  Document doc = Tree({{"Troops", "NOUN", "NNS", "troop", 2, "nsubj"},
                       {"shelled", "VERB", "VBD", "shell", 0, "root"},
                       {"villages", "NOUN", "NNS", "village", 2, "obj"}});
  Filled f = Fill(doc, "shelled", "195");
  EXPECT_EQ(f.sources, V{"Troops"});
  EXPECT_EQ(f.targets, V{"villages"});
}

TEST(FrameFiller, PassiveSubjectIsTargetAndByAgentIsSource) {
  Document doc = Tree({{"Students", "NOUN", "NNS", "student", 3, "nsubj:pass"},
                       {"were", "AUX", "VBD", "be", 3, "aux:pass"},
                       {"detained", "VERB", "VBN", "detain", 0, "root"},
                       {"by", "ADP", "IN", "by", 5, "case"},
                       {"guards", "NOUN", "NNS", "guard", 3, "obl:agent"}});
  Filled f = Fill(doc, "detained", "173");
  EXPECT_EQ(f.sources, V{"guards"});
  EXPECT_EQ(f.targets, V{"Students"});
}

TEST(FrameFiller, LightVerbLendsItsSubjectToTheEventNoun) {
  // "Farmers staged a protest against the tax"
  Document doc = Tree({{"Farmers", "NOUN", "NNS", "farmer", 2, "nsubj"},
                       {"staged", "VERB", "VBD", "stage", 0, "root"},
                       {"a", "DET", "DT", "a", 4, "det"},
                       {"protest", "NOUN", "NN", "protest", 2, "obj"},
                       {"against", "ADP", "IN", "against", 7, "case"},
                       {"the", "DET", "DT", "the", 7, "det"},
                       {"tax", "NOUN", "NN", "tax", 4, "nmod"}});
  Filled f = Fill(doc, "protest", "141");
  EXPECT_EQ(f.sources, V{"Farmers"});
  EXPECT_EQ(f.targets, V{"tax"});
}

TEST(FrameFiller, OtherVerbsDoNotLendTheirSubjectToAnEventNoun) {
  // "Ministers condemned the attack": the ministers did not attack.
  Document doc = Tree({{"Ministers", "NOUN", "NNS", "minister", 2, "nsubj"},
                       {"condemned", "VERB", "VBD", "condemn", 0, "root"},
                       {"the", "DET", "DT", "the", 4, "det"},
                       {"attack", "NOUN", "NN", "attack", 2, "obj"}});
  Filled f = Fill(doc, "attack", "190");
  EXPECT_TRUE(f.sources.empty());
}

TEST(FrameFiller, EventNounTakesOfAndByDependents) {
  // "the arrest of 20 activists by police"
  Document doc = Tree({{"the", "DET", "DT", "the", 2, "det"},
                       {"arrest", "NOUN", "NN", "arrest", 0, "root"},
                       {"of", "ADP", "IN", "of", 5, "case"},
                       {"20", "NUM", "CD", "20", 5, "nummod"},
                       {"activists", "NOUN", "NNS", "activist", 2, "nmod"},
                       {"by", "ADP", "IN", "by", 7, "case"},
                       {"police", "NOUN", "NNS", "police", 2, "nmod"}});
  Filled f = Fill(doc, "arrest", "173");
  EXPECT_EQ(f.sources, V{"police"});
  EXPECT_EQ(f.targets, V{"activists"});
}

TEST(FrameFiller, PossessiveOfAnArrestIsTheOneHeldButOfAnOffensiveTheOneWhoLaunchesIt) {
  Document held = Tree({{"Smith", "PROPN", "NNP", "Smith", 3, "nmod:poss"},
                        {"'s", "PART", "POS", "'s", 1, "case"},
                        {"arrest", "NOUN", "NN", "arrest", 0, "root"}});
  EXPECT_EQ(Fill(held, "arrest", "173").targets, V{"Smith"});
  Document acts = Tree({{"Ruritania", "PROPN", "NNP", "Ruritania", 3, "nmod:poss"},
                        {"'s", "PART", "POS", "'s", 1, "case"},
                        {"offensive", "NOUN", "NN", "offensive", 0, "root"}});
  EXPECT_EQ(Fill(acts, "offensive", "190").sources, V{"Ruritania"});
}

TEST(FrameFiller, ControlVerbGivesItsSubjectToTheInfinitive) {
  // "Rebels vowed to attack the town"
  Document doc = Tree({{"Rebels", "NOUN", "NNS", "rebel", 2, "nsubj"},
                       {"vowed", "VERB", "VBD", "vow", 0, "root"},
                       {"to", "PART", "TO", "to", 4, "mark"},
                       {"attack", "VERB", "VB", "attack", 2, "xcomp"},
                       {"the", "DET", "DT", "the", 6, "det"},
                       {"town", "NOUN", "NN", "town", 4, "obj"}});
  Filled f = Fill(doc, "attack", "190");
  EXPECT_EQ(f.sources, V{"Rebels"});
  EXPECT_EQ(f.targets, V{"town"});
}

TEST(FrameFiller, ObjectControlGivesTheObject) {
  // "Officers ordered the crowd to attack" (the crowd attacks)
  Document doc = Tree({{"Officers", "NOUN", "NNS", "officer", 2, "nsubj"},
                       {"ordered", "VERB", "VBD", "order", 0, "root"},
                       {"the", "DET", "DT", "the", 4, "det"},
                       {"crowd", "NOUN", "NN", "crowd", 2, "obj"},
                       {"to", "PART", "TO", "to", 6, "mark"},
                       {"attack", "VERB", "VB", "attack", 2, "xcomp"}});
  EXPECT_EQ(Fill(doc, "attack", "190").sources, V{"crowd"});
}

TEST(FrameFiller, RaisingThroughAPassiveReportingVerb) {
  // "The gunmen were reported to have fled"
  Document doc = Tree({{"The", "DET", "DT", "the", 2, "det"},
                       {"gunmen", "NOUN", "NNS", "gunman", 4, "nsubj:pass"},
                       {"were", "AUX", "VBD", "be", 4, "aux:pass"},
                       {"reported", "VERB", "VBN", "report", 0, "root"},
                       {"to", "PART", "TO", "to", 7, "mark"},
                       {"have", "AUX", "VB", "have", 7, "aux"},
                       {"fled", "VERB", "VBN", "flee", 4, "xcomp"}});
  EXPECT_EQ(Fill(doc, "fled", "0233").sources, V{"gunmen"});
}

TEST(FrameFiller, RelativeClauseActorIsTheNounItModifies) {
  // "soldiers who fired on protesters"
  Document doc = Tree({{"soldiers", "NOUN", "NNS", "soldier", 0, "root"},
                       {"who", "PRON", "WP", "who", 3, "nsubj"},
                       {"fired", "VERB", "VBD", "fire", 1, "acl:relcl"},
                       {"on", "ADP", "IN", "on", 5, "case"},
                       {"protesters", "NOUN", "NNS", "protester", 3, "obl"}});
  Filled f = Fill(doc, "fired", "190");
  EXPECT_EQ(f.sources, V{"soldiers"});
  EXPECT_EQ(f.targets, V{"protesters"});
}

TEST(FrameFiller, RelativeClauseHungAsASecondClauseStillActsForTheNounBeforeIt) {
  // "guards shot at miners , who hurled rocks at police": the parser hangs the "who" clause on
  // "shot" as a conjunct; the rock-hurlers are the miners, not the guards.
  Document doc = Tree({{"guards", "NOUN", "NNS", "guard", 2, "nsubj"},
                       {"shot", "VERB", "VBD", "shoot", 0, "root"},
                       {"at", "ADP", "IN", "at", 4, "case"},
                       {"miners", "NOUN", "NNS", "miner", 2, "obl"},
                       {",", "PUNCT", ",", ",", 7, "punct"},
                       {"who", "PRON", "WP", "who", 7, "nsubj"},
                       {"hurled", "VERB", "VBD", "hurl", 2, "conj"},
                       {"rocks", "NOUN", "NNS", "rock", 7, "obj"},
                       {"at", "ADP", "IN", "at", 10, "case"},
                       {"police", "NOUN", "NNS", "police", 7, "obl"}});
  Filled f = Fill(doc, "hurled", "145");
  EXPECT_EQ(f.sources, V{"miners"});
  EXPECT_EQ(f.targets, V{"rocks"});
}

TEST(FrameFiller, QuestionWordAfterAVerbStandsForNoNoun) {
  // "police asked who hurled rocks": "who" has no antecedent; no noun is made the source.
  Document doc = Tree({{"police", "NOUN", "NNS", "police", 2, "nsubj"},
                       {"asked", "VERB", "VBD", "ask", 0, "root"},
                       {"who", "PRON", "WP", "who", 4, "nsubj"},
                       {"hurled", "VERB", "VBD", "hurl", 2, "ccomp"},
                       {"rocks", "NOUN", "NNS", "rock", 4, "obj"}});
  Filled f = Fill(doc, "hurled", "145");
  EXPECT_EQ(f.sources, V{"who"});
}

TEST(FrameFiller, ReducedRelativeParticipleMakesTheNounItsTarget) {
  // "activists detained by guards"
  Document doc = Tree({{"activists", "NOUN", "NNS", "activist", 0, "root"},
                       {"detained", "VERB", "VBN", "detain", 1, "acl"},
                       {"by", "ADP", "IN", "by", 4, "case"},
                       {"guards", "NOUN", "NNS", "guard", 2, "obl:agent"}});
  Filled f = Fill(doc, "detained", "173");
  EXPECT_EQ(f.sources, V{"guards"});
  EXPECT_EQ(f.targets, V{"activists"});
}

TEST(FrameFiller, ConjoinedVerbsShareTheSubjectAndConjoinedNounsBothAct) {
  // "Police and soldiers arrived and detained students"
  Document doc = Tree({{"Police", "NOUN", "NNS", "police", 4, "nsubj"},
                       {"and", "CCONJ", "CC", "and", 3, "cc"},
                       {"soldiers", "NOUN", "NNS", "soldier", 1, "conj"},
                       {"arrived", "VERB", "VBD", "arrive", 0, "root"},
                       {"and", "CCONJ", "CC", "and", 6, "cc"},
                       {"detained", "VERB", "VBD", "detain", 4, "conj"},
                       {"students", "NOUN", "NNS", "student", 6, "obj"}});
  Filled f = Fill(doc, "detained", "173");
  EXPECT_EQ(f.sources, (V{"Police", "soldiers"}));
  EXPECT_EQ(f.targets, V{"students"});
}

TEST(FrameFiller, SpeakerOfAReportIsNoActorOfWhatItReports) {
  // "The ministry said the convoy was attacked"
  Document doc = Tree({{"The", "DET", "DT", "the", 2, "det"},
                       {"ministry", "NOUN", "NN", "ministry", 3, "nsubj"},
                       {"said", "VERB", "VBD", "say", 0, "root"},
                       {"the", "DET", "DT", "the", 5, "det"},
                       {"convoy", "NOUN", "NN", "convoy", 7, "nsubj:pass"},
                       {"was", "AUX", "VBD", "be", 7, "aux:pass"},
                       {"attacked", "VERB", "VBN", "attack", 3, "ccomp"}});
  Filled f = Fill(doc, "attacked", "190");
  EXPECT_TRUE(f.sources.empty());
  EXPECT_EQ(f.targets, V{"convoy"});
}

TEST(FrameFiller, BetweenNamesBothSides) {
  // "clashes between police and miners"
  Document doc = Tree({{"clashes", "NOUN", "NNS", "clash", 0, "root"},
                       {"between", "ADP", "IN", "between", 3, "case"},
                       {"police", "NOUN", "NNS", "police", 1, "nmod"},
                       {"and", "CCONJ", "CC", "and", 5, "cc"},
                       {"miners", "NOUN", "NNS", "miner", 3, "conj"}});
  Filled f = Fill(doc, "clashes", "190");
  EXPECT_EQ(f.sources, V{"police"});
  EXPECT_EQ(f.targets, V{"miners"});
}

TEST(FrameFiller, ApposedNameIsLookedInAfterItsTitle) {
  // "the spokesman, Jones, denied": Jones is where the actor's name is.
  Document doc = Tree({{"the", "DET", "DT", "the", 2, "det"},
                       {"spokesman", "NOUN", "NN", "spokesman", 6, "nsubj"},
                       {",", "PUNCT", ",", ",", 4, "punct"},
                       {"Jones", "PROPN", "NNP", "Jones", 2, "appos"},
                       {",", "PUNCT", ",", ",", 4, "punct"},
                       {"denied", "VERB", "VBD", "deny", 0, "root"}});
  FrameReading r = ReadFrame(doc, 0, doc.tokens[5].span.begin, "016", Rules(), Words());
  ASSERT_EQ(r.sources.size(), 1u);
  ASSERT_GE(r.sources[0].look_in.size(), 2u);
  EXPECT_EQ(doc[doc.tokens[r.sources[0].look_in[1]].span], "Jones");
}

TEST(FrameFiller, WhatTheSourceOwnsIsNoTarget) {
  // "Ruritania withdrew its troops from the border"
  Document doc = Tree({{"Ruritania", "PROPN", "NNP", "Ruritania", 2, "nsubj"},
                       {"withdrew", "VERB", "VBD", "withdraw", 0, "root"},
                       {"its", "PRON", "PRP$", "its", 4, "nmod:poss"},
                       {"troops", "NOUN", "NNS", "troop", 2, "obj"}});
  size_t at = doc.text.find("withdrew");
  FrameReading r = ReadFrame(doc, 0, static_cast<uint32_t>(at), "0873", Rules(), Words());
  EXPECT_TRUE(r.targets.empty());
  ASSERT_FALSE(r.not_actors.empty());
  EXPECT_EQ(doc[doc.tokens[r.not_actors[0]].span], "troops");
}

TEST(FrameFiller, UnparsedSentenceIsLeftToTheWordOrderReading) {
  Document doc = Tree({{"Troops", "NOUN", "NNS", "troop", 2, "nsubj"}, {"fired", "VERB", "VBD", "fire", 0, "root"}});
  doc.sentences[0].parsed = false;
  EXPECT_FALSE(ReadFrame(doc, 0, 7, "190", Rules(), Words()).parsed);
}

TEST(FrameRules, LongestFamilyThenNamedMarkerWins) {
  auto rules = FrameRules::Parse("*\tobl\t*\tnone\n*\tobl\twith\ttarget\n19\tobl\twith\tsource\n", "t.tsv");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_EQ(rules->SlotOf("190", Deprel::kObl, "with"), FrameSlot::kSource);
  EXPECT_EQ(rules->SlotOf("040", Deprel::kObl, "with"), FrameSlot::kTarget);
  EXPECT_EQ(rules->SlotOf("040", Deprel::kObl, "in"), FrameSlot::kNone);
  EXPECT_EQ(rules->SlotOf("040", Deprel::kObj, ""), FrameSlot::kNone);
}

TEST(FrameRules, RefusesUnknownRelationsAndSlotsNamingTheLine) {
  auto bad_relation = FrameRules::Parse("# rules\n*\tsubject\t*\tsource\n", "frames.tsv");
  ASSERT_FALSE(bad_relation.ok());
  EXPECT_NE(bad_relation.status().message().find("frames.tsv:2"), std::string::npos)
      << bad_relation.status().message();
  EXPECT_FALSE(FrameRules::Parse("*\tnsubj\t*\tagent\n", "frames.tsv").ok());
  EXPECT_FALSE(FrameRules::Parse("*\tnsubj\t*\n", "frames.tsv").ok());
}

TEST(FrameRules, UnnamedTargetRowsGiveARolePerFamily) {
  auto rules = FrameRules::Parse("14\tunnamed\tGOV\ttarget\n145\tunnamed\tCOP\ttarget\n", "t.tsv");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_EQ(rules->UnnamedTargetRole("141"), "GOV");
  EXPECT_EQ(rules->UnnamedTargetRole("145"), "COP");
  EXPECT_EQ(rules->UnnamedTargetRole("190"), "");
  EXPECT_FALSE(FrameRules::Parse("14\tunnamed\t*\ttarget\n", "t.tsv").ok());
  EXPECT_FALSE(FrameRules::Parse("14\tunnamed\tGOV\tsource\n", "t.tsv").ok());
}

TEST(FrameRules, SceneRowsGiveARolePerFamilyAndSlot) {
  auto rules = FrameRules::Parse("08\tscene\tGOV\ttarget\n0814\tscene\tJUD\ttarget\n", "t.tsv");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_EQ(rules->SceneTargetRole("0813"), "GOV");
  EXPECT_EQ(rules->SceneTargetRole("0814"), "JUD");
  EXPECT_EQ(rules->SceneTargetRole("183"), "");
  EXPECT_EQ(rules->UnnamedTargetRole("0813"), "");  // a scene row is no unnamed-target row
  EXPECT_FALSE(FrameRules::Parse("08\tscene\t*\ttarget\n", "t.tsv").ok());
  EXPECT_FALSE(FrameRules::Parse("18\tscene\tUAF\tsource\n", "t.tsv").ok());
}

}  // namespace
}  // namespace eventmill::code

namespace eventmill::code {
namespace {

TEST(FrameFiller, AModalTriggerStandsForTheClauseItHelpsWhereAGovernedClausesSubjectIsTheTarget) {
  // "The envoy said the militia must disarm"
  Document doc = Tree({{"The", "DET", "DT", "the", 2, "det"},
                       {"envoy", "NOUN", "NN", "envoy", 3, "nsubj"},
                       {"said", "VERB", "VBD", "say", 0, "root"},
                       {"the", "DET", "DT", "the", 5, "det"},
                       {"militia", "NOUN", "NN", "militia", 7, "nsubj"},
                       {"must", "AUX", "MD", "must", 7, "aux"},
                       {"disarm", "VERB", "VB", "disarm", 3, "ccomp"}});
  auto rules = FrameRules::Parse("*\tnsubj\t*\tsource\n10\tccomp\t*\ttarget\n", "t.tsv");
  ASSERT_TRUE(rules.ok());
  uint32_t at = static_cast<uint32_t>(doc.text.find("must"));
  FrameReading r = ReadFrame(doc, 0, at, "100", *rules, Words());
  ASSERT_EQ(r.sources.size(), 1u);
  ASSERT_EQ(r.targets.size(), 1u);
  EXPECT_EQ(doc[doc.tokens[r.sources[0].word].span], "envoy");
  EXPECT_EQ(doc[doc.tokens[r.targets[0].word].span], "militia");
  EXPECT_TRUE(r.sources[0].direct);
  // A family whose rows give a governed clause no slot reads the modal as any other word.
  FrameReading other = ReadFrame(doc, 0, at, "190", *rules, Words());
  EXPECT_TRUE(other.targets.empty());
}

TEST(FrameFiller, PassiveTakesAByAgentThatAnAsideCutOff) {
  // "The judge was threatened , witnesses said , by armed men" with "men" under "said".
  Document doc = Tree({{"The", "DET", "DT", "the", 2, "det"},
                       {"judge", "NOUN", "NN", "judge", 4, "nsubj:pass"},
                       {"was", "AUX", "VBD", "be", 4, "aux:pass"},
                       {"threatened", "VERB", "VBN", "threaten", 0, "root"},
                       {",", "PUNCT", ",", ",", 7, "punct"},
                       {"witnesses", "NOUN", "NNS", "witness", 7, "nsubj"},
                       {"said", "VERB", "VBD", "say", 4, "parataxis"},
                       {",", "PUNCT", ",", ",", 11, "punct"},
                       {"by", "ADP", "IN", "by", 11, "case"},
                       {"armed", "ADJ", "JJ", "armed", 11, "amod"},
                       {"men", "NOUN", "NNS", "man", 7, "obl"}});
  Filled f = Fill(doc, "threatened", "138");
  EXPECT_EQ(f.sources, V{"men"});
  EXPECT_EQ(f.targets, V{"judge"});
}

// "Ruritania threatened to close the border if Freedonia moves troops", the condition "moves"
// under the word at 1-based `condition_head` ("threatened" 2, "close" 4).
Document ThreatWithCondition(int condition_head) {
  return Tree({{"Ruritania", "PROPN", "NNP", "Ruritania", 2, "nsubj"},
               {"threatened", "VERB", "VBD", "threaten", 0, "root"},
               {"to", "PART", "TO", "to", 4, "mark"},
               {"close", "VERB", "VB", "close", 2, "xcomp"},
               {"the", "DET", "DT", "the", 6, "det"},
               {"border", "NOUN", "NN", "border", 4, "obj"},
               {"if", "SCONJ", "IN", "if", 9, "mark"},
               {"Freedonia", "PROPN", "NNP", "Freedonia", 9, "nsubj"},
               {"moves", "VERB", "VBZ", "move", condition_head, "advcl"},
               {"troops", "NOUN", "NNS", "troop", 9, "obj"}});
}

TEST(FrameFiller, AThreatIsAimedAtTheSubjectOfItsCondition) {
  Document doc = ThreatWithCondition(2);
  Filled f = Fill(doc, "threatened", "130");
  EXPECT_EQ(f.sources, V{"Ruritania"});
  EXPECT_EQ(f.targets, V{"Freedonia"});
  // A clause of time is no condition: "when Freedonia moves troops" names no target.
  Document when = doc;
  when.text.replace(when.text.find("if"), 2, "as");
  EXPECT_TRUE(Fill(when, "threatened", "130").targets.empty());
}

TEST(FrameFiller, AThreatsConditionMayHangFromTheVerbThatCompletesIt) {
  Document doc = ThreatWithCondition(4);
  EXPECT_EQ(Fill(doc, "threatened", "130").targets, V{"Freedonia"});
  // Other families name no row for it.
  EXPECT_TRUE(Fill(doc, "threatened", "010").targets.empty());
}

TEST(FrameFiller, TheAgentOfADemandedActIsWhomTheDemandIsMadeOf) {
  // "Unions demanded an apology by the minister"
  Document doc = Tree({{"Unions", "NOUN", "NNS", "union", 2, "nsubj"},
                       {"demanded", "VERB", "VBD", "demand", 0, "root"},
                       {"an", "DET", "DT", "a", 4, "det"},
                       {"apology", "NOUN", "NN", "apology", 2, "obj"},
                       {"by", "ADP", "IN", "by", 7, "case"},
                       {"the", "DET", "DT", "the", 7, "det"},
                       {"minister", "NOUN", "NN", "minister", 4, "nmod"}});
  Filled f = Fill(doc, "demanded", "100");
  EXPECT_EQ(f.sources, V{"Unions"});
  EXPECT_EQ(f.targets, (V{"apology", "minister"}));
  // A family without the row: the "by" phrase of an object is no target.
  EXPECT_EQ(Fill(doc, "demanded", "040").targets, V{"apology"});
}

}  // namespace
}  // namespace eventmill::code
