// DetachedAgent on trees written by hand (no model): a "by" phrase after a comma, hung by the
// parser from a word of an aside, is found for the passive verb the aside interrupts; a "by"
// phrase inside the aside, or outside the verb's subtree, is not.
#include "code/detached_agent.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "code/hand_tree_for_tests.h"

namespace eventmill::code {
namespace {

using W = HandWord;

std::string AgentOf(const Document& doc, uint32_t verb) {
  auto agent = DetachedAgent(doc, doc.sentences[0], verb);
  return agent ? std::string(doc[doc.tokens[*agent].span]) : "";
}

// "The judge was threatened , witnesses said , by armed men ." with "men" under "said".
Document Reported() {
  return HandTree({{"The", "DET", "DT", "the", 2, "det"},
                   {"judge", "NOUN", "NN", "judge", 4, "nsubj:pass"},
                   {"was", "AUX", "VBD", "be", 4, "aux:pass"},
                   {"threatened", "VERB", "VBN", "threaten", 0, "root"},
                   {",", "PUNCT", ",", ",", 7, "punct"},
                   {"witnesses", "NOUN", "NNS", "witness", 7, "nsubj"},
                   {"said", "VERB", "VBD", "say", 4, "parataxis"},
                   {",", "PUNCT", ",", ",", 11, "punct"},
                   {"by", "ADP", "IN", "by", 11, "case"},
                   {"armed", "ADJ", "JJ", "armed", 11, "amod"},
                   {"men", "NOUN", "NNS", "man", 7, "obl"},
                   {".", "PUNCT", ".", ".", 4, "punct"}});
}

TEST(DetachedAgent, ByPhraseAfterAnAsideGoesBackToThePassiveVerb) {
  Document doc = Reported();
  EXPECT_EQ(AgentOf(doc, 3), "men");
}

TEST(DetachedAgent, ByPhraseWithoutACommaBelongsToTheWordBeforeIt) {
  // "The ship was seized near a port run by rebels": "by rebels" is the port's, no comma.
  Document doc = HandTree({{"The", "DET", "DT", "the", 2, "det"},
                           {"ship", "NOUN", "NN", "ship", 4, "nsubj:pass"},
                           {"was", "AUX", "VBD", "be", 4, "aux:pass"},
                           {"seized", "VERB", "VBN", "seize", 0, "root"},
                           {"near", "ADP", "IN", "near", 7, "case"},
                           {"a", "DET", "DT", "a", 7, "det"},
                           {"port", "NOUN", "NN", "port", 4, "obl"},
                           {"run", "VERB", "VBN", "run", 7, "acl"},
                           {"by", "ADP", "IN", "by", 10, "case"},
                           {"rebels", "NOUN", "NNS", "rebel", 8, "obl:agent"}});
  EXPECT_EQ(AgentOf(doc, 3), "");
}

TEST(DetachedAgent, ByPhraseOutsideTheVerbsSubtreeIsNotItsAgent) {
  // "Smith was detained , and the ruling was praised , by lawyers": "praised" heads the second
  // clause; read for "detained" only when the second clause hangs from it.
  Document doc = HandTree({{"Smith", "PROPN", "NNP", "Smith", 3, "nsubj:pass"},
                           {"was", "AUX", "VBD", "be", 3, "aux:pass"},
                           {"detained", "VERB", "VBN", "detain", 0, "root"},
                           {",", "PUNCT", ",", ",", 9, "punct"},
                           {"and", "CCONJ", "CC", "and", 9, "cc"},
                           {"the", "DET", "DT", "the", 7, "det"},
                           {"ruling", "NOUN", "NN", "ruling", 9, "nsubj:pass"},
                           {"was", "AUX", "VBD", "be", 9, "aux:pass"},
                           {"praised", "VERB", "VBN", "praise", 0, "root"},
                           {",", "PUNCT", ",", ",", 12, "punct"},
                           {"by", "ADP", "IN", "by", 12, "case"},
                           {"lawyers", "NOUN", "NNS", "lawyer", 9, "obl"}});
  EXPECT_EQ(AgentOf(doc, 2), "");
  // For "praised" the phrase is its own obl: not detached.
  EXPECT_EQ(AgentOf(doc, 8), "");
}

}  // namespace
}  // namespace eventmill::code
