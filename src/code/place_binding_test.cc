// Place and date binding on trees written by hand (the parser's accuracy is not under test here;
// tests/e2e/place_binding_test.sh runs the same kinds of sentences through the whole program).
#include "code/place_binding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "code/hand_tree_for_tests.h"

namespace eventmill::code {
namespace {

Span SpanOf(const Document& doc, const std::string& words) {
  size_t at = doc.text.find(words);
  EXPECT_NE(at, std::string::npos) << words;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
}

// "Teachers from Oldtown protested in Newport city to demand better pay in Capitalia ."
Document Protest() {
  return HandTree({{"Teachers", "NOUN", "", "", 4, "nsubj"},
                   {"from", "ADP", "", "", 3, "case"},
                   {"Oldtown", "PROPN", "", "", 1, "nmod"},
                   {"protested", "VERB", "", "", 0, "root"},
                   {"in", "ADP", "", "", 7, "case"},
                   {"Newport", "PROPN", "", "", 7, "compound"},
                   {"city", "NOUN", "", "", 4, "obl"},
                   {"to", "PART", "", "", 9, "mark"},
                   {"demand", "VERB", "", "", 4, "advcl"},
                   {"better", "ADJ", "", "", 11, "amod"},
                   {"pay", "NOUN", "", "", 9, "obj"},
                   {"in", "ADP", "", "", 13, "case"},
                   {"Capitalia", "PROPN", "", "", 11, "nmod"},
                   {".", "PUNCT", "", "", 4, "punct"}});
}

TEST(PlaceBinding, AnObliqueOfTheTriggerIsTheScene) {
  Document doc = Protest();
  TreeBinding b = BindToTrigger(doc, 0, SpanOf(doc, "Newport"), SpanOf(doc, "protested"));
  EXPECT_EQ(b.attachment, Attachment::kScene);
  EXPECT_EQ(b.hops, 2);  // Newport -> city -> protested: a compound of a kind of place stands for it
}

TEST(PlaceBinding, APlaceInAPurposeClauseIsNotTheScene) {
  Document doc = Protest();
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Capitalia"), SpanOf(doc, "protested")).attachment,
            Attachment::kOtherClause);
  // The scene outscores it whatever the words before them.
  EXPECT_GT(AttachmentScore(BindToTrigger(doc, 0, SpanOf(doc, "Newport"), SpanOf(doc, "protested"))),
            AttachmentScore(BindToTrigger(doc, 0, SpanOf(doc, "Capitalia"), SpanOf(doc, "protested"))) + 8);
}

TEST(PlaceBinding, APlaceInsideTheSubjectSaysWhoNotWhere) {
  Document doc = Protest();
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Oldtown"), SpanOf(doc, "protested")).attachment, Attachment::kSubject);
}

TEST(PlaceBinding, ACompoundOfAnotherNameIsPartOfThatName) {
  // "Workers of Eastland Railways marched ."
  Document doc = HandTree({{"Workers", "NOUN", "", "", 5, "nsubj"},
                           {"of", "ADP", "", "", 4, "case"},
                           {"Eastland", "PROPN", "", "", 4, "compound"},
                           {"Railways", "PROPN", "", "", 1, "nmod"},
                           {"marched", "VERB", "", "", 0, "root"},
                           {".", "PUNCT", "", "", 5, "punct"}});
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Eastland"), SpanOf(doc, "marched")).attachment,
            Attachment::kNameModifier);
  // "Workers of Eastland - Railways marched .": a dash makes two names.
  Document dashed = HandTree({{"Workers", "NOUN", "", "", 6, "nsubj"},
                              {"of", "ADP", "", "", 5, "case"},
                              {"Eastland", "PROPN", "", "", 5, "compound"},
                              {"-", "PUNCT", "", "", 5, "punct"},
                              {"Railways", "PROPN", "", "", 1, "nmod"},
                              {"marched", "VERB", "", "", 0, "root"}});
  EXPECT_NE(BindToTrigger(dashed, 0, SpanOf(dashed, "Eastland"), SpanOf(dashed, "marched")).attachment,
            Attachment::kNameModifier);
}

TEST(PlaceBinding, APlaceOfTheMainClauseFramesASubordinateEvent) {
  // "In Rivertown , police dispersed crowds that gathered ."
  Document doc = HandTree({{"In", "ADP", "", "", 2, "case"},
                           {"Rivertown", "PROPN", "", "", 5, "obl"},
                           {",", "PUNCT", "", "", 5, "punct"},
                           {"police", "NOUN", "", "", 5, "nsubj"},
                           {"dispersed", "VERB", "", "", 0, "root"},
                           {"crowds", "NOUN", "", "", 5, "obj"},
                           {"that", "PRON", "", "", 8, "nsubj"},
                           {"gathered", "VERB", "", "", 6, "acl:relcl"},
                           {".", "PUNCT", "", "", 5, "punct"}});
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Rivertown"), SpanOf(doc, "dispersed")).attachment, Attachment::kScene);
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Rivertown"), SpanOf(doc, "gathered")).attachment,
            Attachment::kOuterClause);
}

TEST(PlaceBinding, AClauseThatDescribesTheTriggerNounTellsItsScene) {
  // "a bomb killed 20 in Alexandria", parsed as a reduced relative: "killed" an acl of "bomb".
  Document doc = HandTree({{"a", "DET", "", "", 2, "det"},
                           {"bomb", "NOUN", "", "", 0, "root"},
                           {"killed", "VERB", "", "", 2, "acl"},
                           {"20", "NUM", "", "", 3, "obj"},
                           {"in", "ADP", "", "", 6, "case"},
                           {"Alexandria", "PROPN", "", "", 3, "obl"}});
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Alexandria"), SpanOf(doc, "bomb")).attachment, Attachment::kScene);
  // A clause under a verb trigger is another clause.
  doc.tokens[1].upos = Upos::kVerb;
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Alexandria"), SpanOf(doc, "bomb")).attachment, Attachment::kOtherClause);
}

TEST(PlaceBinding, UnparsedSentencesAreLeftToTheWordRules) {
  Document doc = Protest();
  doc.sentences[0].parsed = false;
  TreeBinding b = BindToTrigger(doc, 0, SpanOf(doc, "Newport"), SpanOf(doc, "protested"));
  EXPECT_EQ(b.attachment, Attachment::kUnparsed);
  EXPECT_EQ(AttachmentScore(b), 0.0);
  EXPECT_TRUE(DateBindsToTrigger(doc, 0, SpanOf(doc, "Capitalia"), SpanOf(doc, "protested")));
}

TEST(DateBinding, ATimeOnAnotherClauseDoesNotDateTheEvent) {
  // "Trees planted 100 years ago were cut down ."
  Document doc = HandTree({{"Trees", "NOUN", "", "", 7, "nsubj:pass"},
                           {"planted", "VERB", "", "", 1, "acl"},
                           {"100", "NUM", "", "", 4, "nummod"},
                           {"years", "NOUN", "", "", 5, "obl"},
                           {"ago", "ADV", "", "", 2, "advmod"},
                           {"were", "AUX", "", "", 7, "aux:pass"},
                           {"cut", "VERB", "", "", 0, "root"},
                           {"down", "ADP", "", "", 7, "compound:prt"},
                           {".", "PUNCT", "", "", 7, "punct"}});
  EXPECT_FALSE(DateBindsToTrigger(doc, 0, SpanOf(doc, "100 years ago"), SpanOf(doc, "cut")));
  EXPECT_TRUE(DateBindsToTrigger(doc, 0, SpanOf(doc, "100 years ago"), SpanOf(doc, "planted")));
  // The same words hung on the main verb by the parser: right after the participle, still its.
  doc.tokens[3].head = 6;
  doc.tokens[4].head = 6;
  EXPECT_FALSE(DateBindsToTrigger(doc, 0, SpanOf(doc, "100 years ago"), SpanOf(doc, "cut")));
}

TEST(DateBinding, AnOpeningDateFramesTheWholeSentence) {
  // "On 16 March 2022 , troops shelled the town and residents fled ." (fled: a conjoined clause)
  Document doc = HandTree({{"On", "ADP", "", "", 2, "case"},
                           {"16", "NUM", "", "", 7, "obl"},
                           {"March", "PROPN", "", "", 2, "flat"},
                           {"2022", "NUM", "", "", 2, "nummod"},
                           {",", "PUNCT", "", "", 7, "punct"},
                           {"troops", "NOUN", "", "", 7, "nsubj"},
                           {"shelled", "VERB", "", "", 0, "root"},
                           {"the", "DET", "", "", 9, "det"},
                           {"town", "NOUN", "", "", 7, "obj"},
                           {"and", "CCONJ", "", "", 12, "cc"},
                           {"residents", "NOUN", "", "", 12, "nsubj"},
                           {"fled", "VERB", "", "", 7, "conj"},
                           {".", "PUNCT", "", "", 7, "punct"}});
  Span date = SpanOf(doc, "16 March 2022");
  EXPECT_TRUE(DateFramesSentence(doc, 0, date));
  EXPECT_TRUE(DateBindsToTrigger(doc, 0, date, SpanOf(doc, "fled")));
  EXPECT_FALSE(DateFramesSentence(doc, 0, SpanOf(doc, "town")));
}

TEST(DateBinding, TheDayAnEventIsReportedBoundsIt) {
  // "Officers seized guns in raids , police said Thursday ."
  Document doc = HandTree({{"Officers", "NOUN", "", "", 2, "nsubj"},
                           {"seized", "VERB", "", "", 0, "root"},
                           {"guns", "NOUN", "", "", 2, "obj"},
                           {"in", "ADP", "", "", 5, "case"},
                           {"raids", "NOUN", "", "", 2, "obl"},
                           {",", "PUNCT", "", "", 8, "punct"},
                           {"police", "NOUN", "", "", 8, "nsubj"},
                           {"said", "VERB", "", "", 2, "parataxis"},
                           {"Thursday", "PROPN", "", "", 8, "obl:unmarked"},
                           {".", "PUNCT", "", "", 2, "punct"}});
  EXPECT_TRUE(DateBindsToTrigger(doc, 0, SpanOf(doc, "Thursday"), SpanOf(doc, "seized")));
  // A time on another verb that only reports nothing ("police arrived Thursday") still does not.
  doc.text.replace(doc.text.find("said"), 4, "came");
  EXPECT_FALSE(DateBindsToTrigger(doc, 0, SpanOf(doc, "Thursday"), SpanOf(doc, "seized")));
}

TEST(DateBinding, AWordOfTheTriggersOwnPhraseOpensNoClause) {
  // "in the mass shooting on March 10": the parser made "shooting" a clause (acl) of "mass".
  Document doc = HandTree({{"in", "ADP", "", "", 3, "case"},
                           {"the", "DET", "", "", 3, "det"},
                           {"mass", "NOUN", "", "", 0, "root"},
                           {"shooting", "VERB", "", "", 3, "acl"},
                           {"on", "ADP", "", "", 7, "case"},
                           {"March", "PROPN", "", "", 7, "nmod:unmarked"},
                           {"10", "NUM", "", "", 4, "obl"}});
  EXPECT_TRUE(DateBindsToTrigger(doc, 0, SpanOf(doc, "March 10"), SpanOf(doc, "mass shooting")));
  // Were "mass" a verb, "shooting" would open a clause of its own, with its own time.
  doc.tokens[2].upos = Upos::kVerb;
  EXPECT_FALSE(DateBindsToTrigger(doc, 0, SpanOf(doc, "March 10"), SpanOf(doc, "mass")));
}

TEST(DateBinding, SinceOpensAPeriod) {
  Document doc;
  doc.text = "The war has killed 900 people since 2015, and shelling resumed in 2019.";
  EXPECT_TRUE(OpensPeriod(doc, SpanOf(doc, "2015")));
  EXPECT_FALSE(OpensPeriod(doc, SpanOf(doc, "2019")));
}

TEST(PlaceBinding, AForeignTownBeforeAFeatureWordIsTheFeature) {
  Document doc;
  doc.text = "Protests spread along the Eastmere coast and reached Eastmere city.";
  Entity coast;
  coast.span = SpanOf(doc, "Eastmere");
  coast.place = Place{.name = "Eastmere", .country = "US", .precision = "city"};
  EXPECT_TRUE(TownMisreadsFeature(doc, coast, "KZ"));
  EXPECT_FALSE(TownMisreadsFeature(doc, coast, "US"));  // a town of the story's own country stays
  EXPECT_FALSE(TownMisreadsFeature(doc, coast, ""));
  // No story country, but the other places or demonyms of the article are all elsewhere.
  Entity demonym;
  demonym.span = {0, 8};
  demonym.kind = "demonym";
  demonym.place = Place{.name = "Kazakhstan", .country = "KZ", .precision = "country"};
  doc.entities.push_back(demonym);
  EXPECT_TRUE(TownMisreadsFeature(doc, coast, ""));
  Entity home = coast;  // ... unless another place of the article is in the town's country
  home.span = {9, 15};
  home.place->name = "Westmere";
  doc.entities.push_back(home);
  EXPECT_FALSE(TownMisreadsFeature(doc, coast, ""));
  Entity town = coast;  // "reached Eastmere city": the word after is no feature
  town.span.begin = static_cast<uint32_t>(doc.text.rfind("Eastmere"));
  town.span.end = town.span.begin + 8;
  EXPECT_FALSE(TownMisreadsFeature(doc, town, "KZ"));
  Entity region = coast;
  region.place->precision = "region";
  EXPECT_FALSE(TownMisreadsFeature(doc, region, "KZ"));
}

TEST(PlaceBinding, ACountryAsAPlace) {
  auto lexicon = Lexicon::Load();
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  std::optional<Place> kz = CountryAsPlace(*lexicon, "KZ");
  ASSERT_TRUE(kz.has_value());
  EXPECT_EQ(kz->country, "KZ");
  EXPECT_EQ(kz->precision, "country");
  EXPECT_FALSE(CountryAsPlace(*lexicon, "").has_value());
  EXPECT_FALSE(CountryAsPlace(*lexicon, "QQ").has_value());
}

TEST(PlaceBinding, AHyphenatedModifierSaysWhoseNotWhere) {
  Document doc;
  doc.text = "A Northland-led coalition struck Eastport; Westland-Eastport talks.";
  Entity led;
  led.span = SpanOf(doc, "Northland");
  Entity port;
  port.span = SpanOf(doc, "Eastport");
  Entity pair;
  pair.span = SpanOf(doc, "Westland");
  EXPECT_TRUE(HyphenModifier(doc, led));
  EXPECT_FALSE(HyphenModifier(doc, port));
  EXPECT_FALSE(HyphenModifier(doc, pair));
}

TEST(PlaceBinding, KindsOfPlaces) {
  EXPECT_TRUE(IsPlaceKindWord("township"));
  EXPECT_TRUE(IsPlaceKindWord("governorate"));
  EXPECT_FALSE(IsPlaceKindWord("railways"));
}

}  // namespace
}  // namespace eventmill::code
