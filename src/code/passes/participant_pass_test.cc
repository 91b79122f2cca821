#include "code/hand_tree_for_tests.h"
#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

// Whether the participants pass keeps the trigger `word` of the hand-parsed sentence.
bool Kept(Document doc, const std::string& word) {
  doc.published = "2023-05-10";
  Reading r = Read(doc, word);
  if (!r.found) return true;
  return HasHumanParticipants(Data(), r.d, r.st, r.t);
}

TEST(ParticipantPass, AHazardThatKillsIsNoAssailant) {
  Document quake = HandTree({{"The", "DET", "DT", "the", 2, "det"},
                             {"earthquake", "NOUN", "NN", "earthquake", 3, "nsubj"},
                             {"killed", "VERB", "VBD", "kill", 0, "root"},
                             {"many", "ADJ", "JJ", "many", 5, "amod"},
                             {"villagers", "NOUN", "NNS", "villager", 3, "obj"}});
  EXPECT_FALSE(Kept(quake, "killed"));
  // A strain is read by its shape, through the relative pronoun standing for it.
  Document strain = HandTree({{"a", "DET", "DT", "a", 3, "det"},
                              {"H7N9", "PROPN", "NNP", "H7N9", 3, "compound"},
                              {"strain", "NOUN", "NN", "strain", 0, "root"},
                              {"that", "PRON", "WDT", "that", 5, "nsubj"},
                              {"killed", "VERB", "VBD", "kill", 3, "acl:relcl"},
                              {"farmers", "NOUN", "NNS", "farmer", 5, "obj"}});
  EXPECT_FALSE(Kept(strain, "killed"));
  // A conjunct of a relative clause shares its "which", and the noun the "which" stands for.
  Document cyclone = HandTree({{"a", "DET", "DT", "a", 2, "det"},
                               {"cyclone", "NOUN", "NN", "cyclone", 0, "root"},
                               {"which", "PRON", "WDT", "which", 4, "nsubj"},
                               {"hit", "VERB", "VBD", "hit", 2, "acl:relcl"},
                               {"the", "DET", "DT", "the", 6, "det"},
                               {"coast", "NOUN", "NN", "coast", 4, "obj"},
                               {"and", "CCONJ", "CC", "and", 8, "cc"},
                               {"killed", "VERB", "VBD", "kill", 4, "conj"},
                               {"farmers", "NOUN", "NNS", "farmer", 8, "obj"}});
  EXPECT_FALSE(Kept(cyclone, "killed"));
  Document gunmen = HandTree({{"Gunmen", "NOUN", "NNS", "gunman", 2, "nsubj"},
                              {"killed", "VERB", "VBD", "kill", 0, "root"},
                              {"many", "ADJ", "JJ", "many", 4, "amod"},
                              {"villagers", "NOUN", "NNS", "villager", 2, "obj"}});
  EXPECT_TRUE(Kept(gunmen, "killed"));
}

TEST(ParticipantPass, AnimalsKilledOrRoundedUpAreNoVictims) {
  Document birds = HandTree({{"Thousands", "NOUN", "NNS", "thousand", 5, "nsubj:pass"},
                             {"of", "ADP", "IN", "of", 3, "case"},
                             {"geese", "NOUN", "NNS", "goose", 1, "nmod"},
                             {"were", "AUX", "VBD", "be", 5, "aux:pass"},
                             {"killed", "VERB", "VBN", "kill", 0, "root"}});
  EXPECT_FALSE(Kept(birds, "killed"));
  // The name of a country is no animal, whatever its spelling.
  Document country = HandTree({{"Rebels", "NOUN", "NNS", "rebel", 2, "nsubj"},
                               {"attacked", "VERB", "VBD", "attack", 0, "root"},
                               {"Turkey", "PROPN", "NNP", "Turkey", 2, "obj"}});
  EXPECT_TRUE(Kept(country, "attacked"));
}

TEST(ParticipantPass, AVerbOfForceDoneToAPlanOrAChanceIsAFigure) {
  Document warrant = HandTree({{"Police", "NOUN", "NNS", "police", 2, "nsubj"},
                               {"executed", "VERB", "VBD", "execute", 0, "root"},
                               {"a", "DET", "DT", "a", 5, "det"},
                               {"search", "NOUN", "NN", "search", 5, "compound"},
                               {"warrant", "NOUN", "NN", "warrant", 2, "obj"}});
  EXPECT_FALSE(Kept(warrant, "executed"));
  Document prisoner = HandTree({{"Guards", "NOUN", "NNS", "guard", 2, "nsubj"},
                                {"executed", "VERB", "VBD", "execute", 0, "root"},
                                {"a", "DET", "DT", "a", 4, "det"},
                                {"prisoner", "NOUN", "NN", "prisoner", 2, "obj"}});
  EXPECT_TRUE(Kept(prisoner, "executed"));
  // A verb the parse hung on its object as a modifier ("capturing wildlife").
  Document wildlife = HandTree({{"Hunters", "NOUN", "NNS", "hunter", 2, "nsubj"},
                                {"spent", "VERB", "VBD", "spend", 0, "root"},
                                {"years", "NOUN", "NNS", "year", 2, "obl"},
                                {"capturing", "VERB", "VBG", "capture", 5, "compound"},
                                {"wildlife", "NOUN", "NN", "wildlife", 2, "obj"}});
  EXPECT_FALSE(Kept(wildlife, "capturing"));
}

// Whether the trigger `word` of the hand-parsed sentence is told with someone doing it or
// someone it is done to.
bool Attributed(Document doc, const std::string& word) {
  doc.published = "2023-05-10";
  Reading r = Read(doc, word);
  if (!r.found) return true;
  return IsAttributed(r.d, r.st, r.t);
}

TEST(ParticipantPass, ANounThatNoOneDidToNoOneIsNoEvent) {
  Document promise = HandTree({{"He", "PRON", "PRP", "he", 3, "nsubj:pass"},
                               {"was", "AUX", "VBD", "be", 3, "aux:pass"},
                               {"released", "VERB", "VBN", "release", 0, "root"},
                               {"on", "ADP", "IN", "on", 6, "case"},
                               {"a", "DET", "DT", "a", 6, "det"},
                               {"promise", "NOUN", "NN", "promise", 3, "obl"},
                               {"to", "PART", "TO", "to", 8, "mark"},
                               {"appear", "VERB", "VB", "appear", 6, "acl"}});
  EXPECT_FALSE(Attributed(promise, "promise"));
  // The subject of the verb the noun hangs from takes part.
  Document began = HandTree({{"Rebels", "NOUN", "NNS", "rebel", 2, "nsubj"},
                             {"began", "VERB", "VBD", "begin", 0, "root"},
                             {"talks", "NOUN", "NNS", "talk", 2, "obj"},
                             {"on", "ADP", "IN", "on", 5, "case"},
                             {"Monday", "PROPN", "NNP", "Monday", 2, "obl"}});
  EXPECT_TRUE(Attributed(began, "talks"));
  // A noun inside a compound is read from the noun it modifies: "in a phone call, Ana told Ben".
  Document call = HandTree({{"In", "ADP", "IN", "in", 4, "case"},
                            {"a", "DET", "DT", "a", 4, "det"},
                            {"phone", "NOUN", "NN", "phone", 4, "compound"},
                            {"call", "NOUN", "NN", "call", 7, "obl"},
                            {",", "PUNCT", ",", ",", 4, "punct"},
                            {"Ana", "PROPN", "NNP", "Ana", 7, "nsubj"},
                            {"told", "VERB", "VBD", "tell", 0, "root"},
                            {"Ben", "PROPN", "NNP", "Ben", 7, "obj"}});
  EXPECT_TRUE(Attributed(call, "phone"));
  // Without that subject, the same words name no one.
  Document bare = HandTree({{"There", "PRON", "EX", "there", 2, "expl"},
                            {"were", "VERB", "VBD", "be", 0, "root"},
                            {"talks", "NOUN", "NNS", "talk", 2, "nsubj"},
                            {"on", "ADP", "IN", "on", 5, "case"},
                            {"Monday", "PROPN", "NNP", "Monday", 2, "obl"}});
  EXPECT_FALSE(Attributed(bare, "talks"));
  // Told by a verb, the act stands even when its actors are not named.
  Document met = HandTree({{"Delegates", "NOUN", "NNS", "delegate", 2, "nsubj"},
                           {"met", "VERB", "VBD", "meet", 0, "root"},
                           {"again", "ADV", "RB", "again", 2, "advmod"}});
  EXPECT_TRUE(Attributed(met, "met"));
}

TEST(ParticipantPass, LivestockSeizedIsStillLooting) {
  Document seized = HandTree({{"Militants", "NOUN", "NNS", "militant", 2, "nsubj"},
                              {"seized", "VERB", "VBD", "seize", 0, "root"},
                              {"the", "DET", "DT", "the", 4, "det"},
                              {"cattle", "NOUN", "NNS", "cattle", 2, "obj"}});
  EXPECT_TRUE(Kept(seized, "seized"));
}

}  // namespace
}  // namespace eventmill::code
