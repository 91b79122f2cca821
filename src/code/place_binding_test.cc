// Place and date binding on trees written by hand (the parser's accuracy is not under test here;
// tests/e2e/place_binding_test.sh runs the same kinds of sentences through the whole program).
#include "code/place_binding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace eventmill::code {
namespace {

struct W {
  const char* word;
  int head;  // 1-based within the sentence, 0 = root (CoNLL-U style)
  Deprel rel;
  Upos upos;
};

// One parsed sentence made of `words` joined by spaces.
Document Parsed(const std::vector<W>& words) {
  Document doc;
  for (const W& w : words) {
    if (!doc.text.empty()) doc.text += ' ';
    Token t;
    t.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + std::string(w.word).size())};
    doc.text += w.word;
    t.head = w.head - 1;
    t.deprel = w.rel;
    t.upos = w.upos;
    doc.tokens.push_back(t);
  }
  Sentence s;
  s.span = {0, static_cast<uint32_t>(doc.text.size())};
  s.token_begin = 0;
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  s.parsed = true;
  doc.sentences.push_back(s);
  return doc;
}

Span SpanOf(const Document& doc, const std::string& words) {
  size_t at = doc.text.find(words);
  EXPECT_NE(at, std::string::npos) << words;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
}

using D = Deprel;
using U = Upos;

// "Teachers from Oldtown protested in Newport city to demand better pay in Capitalia ."
Document Protest() {
  return Parsed({{"Teachers", 4, D::kNsubj, U::kNoun},
                 {"from", 3, D::kCase, U::kAdp},
                 {"Oldtown", 1, D::kNmod, U::kPropn},
                 {"protested", 0, D::kRoot, U::kVerb},
                 {"in", 7, D::kCase, U::kAdp},
                 {"Newport", 7, D::kCompound, U::kPropn},
                 {"city", 4, D::kObl, U::kNoun},
                 {"to", 9, D::kMark, U::kPart},
                 {"demand", 4, D::kAdvcl, U::kVerb},
                 {"better", 11, D::kAmod, U::kAdj},
                 {"pay", 9, D::kObj, U::kNoun},
                 {"in", 13, D::kCase, U::kAdp},
                 {"Capitalia", 11, D::kNmod, U::kPropn},
                 {".", 4, D::kPunct, U::kPunct}});
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
  Document doc = Parsed({{"Workers", 5, D::kNsubj, U::kNoun},
                         {"of", 4, D::kCase, U::kAdp},
                         {"Eastland", 4, D::kCompound, U::kPropn},
                         {"Railways", 1, D::kNmod, U::kPropn},
                         {"marched", 0, D::kRoot, U::kVerb},
                         {".", 5, D::kPunct, U::kPunct}});
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Eastland"), SpanOf(doc, "marched")).attachment,
            Attachment::kNameModifier);
  // "Workers of Eastland - Railways marched .": a dash makes two names.
  Document dashed = Parsed({{"Workers", 6, D::kNsubj, U::kNoun},
                            {"of", 5, D::kCase, U::kAdp},
                            {"Eastland", 5, D::kCompound, U::kPropn},
                            {"-", 5, D::kPunct, U::kPunct},
                            {"Railways", 1, D::kNmod, U::kPropn},
                            {"marched", 0, D::kRoot, U::kVerb}});
  EXPECT_NE(BindToTrigger(dashed, 0, SpanOf(dashed, "Eastland"), SpanOf(dashed, "marched")).attachment,
            Attachment::kNameModifier);
}

TEST(PlaceBinding, APlaceOfTheMainClauseFramesASubordinateEvent) {
  // "In Rivertown , police dispersed crowds that gathered ."
  Document doc = Parsed({{"In", 2, D::kCase, U::kAdp},
                         {"Rivertown", 5, D::kObl, U::kPropn},
                         {",", 5, D::kPunct, U::kPunct},
                         {"police", 5, D::kNsubj, U::kNoun},
                         {"dispersed", 0, D::kRoot, U::kVerb},
                         {"crowds", 5, D::kObj, U::kNoun},
                         {"that", 8, D::kNsubj, U::kPron},
                         {"gathered", 6, D::kAclRelcl, U::kVerb},
                         {".", 5, D::kPunct, U::kPunct}});
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Rivertown"), SpanOf(doc, "dispersed")).attachment, Attachment::kScene);
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Rivertown"), SpanOf(doc, "gathered")).attachment,
            Attachment::kOuterClause);
}

TEST(PlaceBinding, AClauseThatDescribesTheTriggerNounTellsItsScene) {
  // "a bomb killed 20 in Alexandria", parsed as a reduced relative: "killed" an acl of "bomb".
  Document doc = Parsed({{"a", 2, D::kDet, U::kDet},
                         {"bomb", 0, D::kRoot, U::kNoun},
                         {"killed", 2, D::kAcl, U::kVerb},
                         {"20", 3, D::kObj, U::kNum},
                         {"in", 6, D::kCase, U::kAdp},
                         {"Alexandria", 3, D::kObl, U::kPropn}});
  EXPECT_EQ(BindToTrigger(doc, 0, SpanOf(doc, "Alexandria"), SpanOf(doc, "bomb")).attachment, Attachment::kScene);
  // A clause under a verb trigger is another clause.
  doc.tokens[1].upos = U::kVerb;
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
  Document doc = Parsed({{"Trees", 7, D::kNsubjPass, U::kNoun},
                         {"planted", 1, D::kAcl, U::kVerb},
                         {"100", 4, D::kNummod, U::kNum},
                         {"years", 5, D::kObl, U::kNoun},
                         {"ago", 2, D::kAdvmod, U::kAdv},
                         {"were", 7, D::kAuxPass, U::kAux},
                         {"cut", 0, D::kRoot, U::kVerb},
                         {"down", 7, D::kCompoundPrt, U::kAdp},
                         {".", 7, D::kPunct, U::kPunct}});
  EXPECT_FALSE(DateBindsToTrigger(doc, 0, SpanOf(doc, "100 years ago"), SpanOf(doc, "cut")));
  EXPECT_TRUE(DateBindsToTrigger(doc, 0, SpanOf(doc, "100 years ago"), SpanOf(doc, "planted")));
  // The same words hung on the main verb by the parser: right after the participle, still its.
  doc.tokens[3].head = 6;
  doc.tokens[4].head = 6;
  EXPECT_FALSE(DateBindsToTrigger(doc, 0, SpanOf(doc, "100 years ago"), SpanOf(doc, "cut")));
}

TEST(DateBinding, AnOpeningDateFramesTheWholeSentence) {
  // "On 16 March 2022 , troops shelled the town and residents fled ." (fled: a conjoined clause)
  Document doc = Parsed({{"On", 2, D::kCase, U::kAdp},
                         {"16", 7, D::kObl, U::kNum},
                         {"March", 2, D::kFlat, U::kPropn},
                         {"2022", 2, D::kNummod, U::kNum},
                         {",", 7, D::kPunct, U::kPunct},
                         {"troops", 7, D::kNsubj, U::kNoun},
                         {"shelled", 0, D::kRoot, U::kVerb},
                         {"the", 9, D::kDet, U::kDet},
                         {"town", 7, D::kObj, U::kNoun},
                         {"and", 12, D::kCc, U::kCconj},
                         {"residents", 12, D::kNsubj, U::kNoun},
                         {"fled", 7, D::kConj, U::kVerb},
                         {".", 7, D::kPunct, U::kPunct}});
  Span date = SpanOf(doc, "16 March 2022");
  EXPECT_TRUE(DateFramesSentence(doc, 0, date));
  EXPECT_TRUE(DateBindsToTrigger(doc, 0, date, SpanOf(doc, "fled")));
  EXPECT_FALSE(DateFramesSentence(doc, 0, SpanOf(doc, "town")));
}

TEST(DateBinding, TheDayAnEventIsReportedBoundsIt) {
  // "Officers seized guns in raids , police said Thursday ."
  Document doc = Parsed({{"Officers", 2, D::kNsubj, U::kNoun},
                         {"seized", 0, D::kRoot, U::kVerb},
                         {"guns", 2, D::kObj, U::kNoun},
                         {"in", 5, D::kCase, U::kAdp},
                         {"raids", 2, D::kObl, U::kNoun},
                         {",", 8, D::kPunct, U::kPunct},
                         {"police", 8, D::kNsubj, U::kNoun},
                         {"said", 2, D::kParataxis, U::kVerb},
                         {"Thursday", 8, D::kOblUnmarked, U::kPropn},
                         {".", 2, D::kPunct, U::kPunct}});
  EXPECT_TRUE(DateBindsToTrigger(doc, 0, SpanOf(doc, "Thursday"), SpanOf(doc, "seized")));
  // A time on another verb that only reports nothing ("police arrived Thursday") still does not.
  doc.text.replace(doc.text.find("said"), 4, "came");
  EXPECT_FALSE(DateBindsToTrigger(doc, 0, SpanOf(doc, "Thursday"), SpanOf(doc, "seized")));
}

TEST(DateBinding, AWordOfTheTriggersOwnPhraseOpensNoClause) {
  // "in the mass shooting on March 10": the parser made "shooting" a clause (acl) of "mass".
  Document doc = Parsed({{"in", 3, D::kCase, U::kAdp},
                         {"the", 3, D::kDet, U::kDet},
                         {"mass", 0, D::kRoot, U::kNoun},
                         {"shooting", 3, D::kAcl, U::kVerb},
                         {"on", 7, D::kCase, U::kAdp},
                         {"March", 7, D::kNmodUnmarked, U::kPropn},
                         {"10", 4, D::kObl, U::kNum}});
  EXPECT_TRUE(DateBindsToTrigger(doc, 0, SpanOf(doc, "March 10"), SpanOf(doc, "mass shooting")));
  // Were "mass" a verb, "shooting" would open a clause of its own, with its own time.
  doc.tokens[2].upos = U::kVerb;
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
