#include "code/origin_mention.h"

#include <gtest/gtest.h>

#include "code/hand_tree_for_tests.h"

namespace eventmill::code {
namespace {

Entity Country(const Document& doc, const std::string& mention) {
  Entity e;
  e.type = EntityType::kCountry;
  size_t at = doc.text.find(mention);
  e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
  e.text = mention;
  return e;
}

TEST(OriginMention, ACountryAfterFromSaysWhereSomethingComes) {
  Document doc = HandTree({{"imports", "NOUN", "NNS", "import", 0, "root"},
                           {"from", "ADP", "IN", "from", 3, "case"},
                           {"Brazil", "PROPN", "NNP", "Brazil", 1, "nmod"}});
  EXPECT_TRUE(OnlySaysOrigin(doc, Country(doc, "Brazil")));
}

TEST(OriginMention, ACountryBeforeANounIsNoSign) {
  Document doc = HandTree({{"the", "DET", "DT", "the", 3, "det"},
                           {"Chad", "PROPN", "NNP", "Chad", 3, "compound"},
                           {"war", "NOUN", "NN", "war", 0, "root"}});
  EXPECT_FALSE(OnlySaysOrigin(doc, Country(doc, "Chad")));
}

TEST(OriginMention, ADemonymIsLeftToItsOwnRule) {
  Document doc = HandTree({{"aid", "NOUN", "NN", "aid", 0, "root"},
                           {"from", "ADP", "IN", "from", 3, "case"},
                           {"Japan", "PROPN", "NNP", "Japan", 1, "nmod"}});
  Entity demonym = Country(doc, "Japan");
  demonym.kind = "demonym";
  EXPECT_FALSE(OnlySaysOrigin(doc, demonym));
  EXPECT_TRUE(OnlySaysOrigin(doc, Country(doc, "Japan")));
}

TEST(OriginMention, ACountryAfterInIsAScene) {
  Document doc = HandTree({{"Troops", "NOUN", "NNS", "troop", 2, "nsubj"},
                           {"clashed", "VERB", "VBD", "clash", 0, "root"},
                           {"in", "ADP", "IN", "in", 4, "case"},
                           {"Chad", "PROPN", "NNP", "Chad", 2, "obl"}});
  EXPECT_FALSE(OnlySaysOrigin(doc, Country(doc, "Chad")));
}

TEST(OriginMention, NamesInOneCoordinationAreFoundFromAnyOfThem) {
  Document doc = HandTree({{"Chad", "PROPN", "NNP", "Chad", 6, "nsubj"},
                           {",", "PUNCT", ",", ",", 3, "punct"},
                           {"Mali", "PROPN", "NNP", "Mali", 1, "conj"},
                           {"and", "CCONJ", "CC", "and", 5, "cc"},
                           {"Niger", "PROPN", "NNP", "Niger", 1, "conj"},
                           {"sent", "VERB", "VBD", "send", 0, "root"},
                           {"aid", "NOUN", "NN", "aid", 6, "obj"}});
  auto at = [&](const std::string& w) { return static_cast<uint32_t>(doc.text.find(w)); };
  std::vector<uint32_t> want = {at("Chad"), at("Mali"), at("Niger")};
  EXPECT_EQ(CoordinatedWith(doc, at("Niger")), want);
  EXPECT_EQ(CoordinatedWith(doc, at("Chad")), want);
  EXPECT_EQ(CoordinatedWith(doc, at("aid")), std::vector<uint32_t>{at("aid")});
}

}  // namespace
}  // namespace eventmill::code
