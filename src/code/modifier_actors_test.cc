// Role words read as adjectives (modifier_actors.h), on sentences and trees built by hand.
#include "code/modifier_actors.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace eventmill::code {
namespace {

// A word of the hand-built tree: its text, tag, head (index into the words, -1 the root) and relation.
struct Word {
  std::string text;
  Upos upos;
  int head;
  Deprel deprel;
};

struct Case {
  Document doc;
  std::vector<const Entity*> entities;
  SentenceView view;
};

// The words joined by spaces; `actors` ({mention, role, type}) become entities with actors.
std::unique_ptr<Case> Build(const std::vector<Word>& words,
                            const std::vector<std::tuple<std::string, std::string, EntityType>>& actors,
                            bool parsed = true) {
  auto c = std::make_unique<Case>();
  for (const Word& w : words) {
    if (!c->doc.text.empty()) c->doc.text += ' ';
    Token t;
    t.span = {static_cast<uint32_t>(c->doc.text.size()), static_cast<uint32_t>(c->doc.text.size() + w.text.size())};
    t.upos = w.upos;
    t.head = w.head;
    t.deprel = w.deprel;
    c->doc.text += w.text;
    c->doc.tokens.push_back(t);
  }
  const uint32_t n = static_cast<uint32_t>(c->doc.text.size());
  c->doc.paragraphs = {{0, n}};
  Sentence s;
  s.span = {0, n};
  s.token_begin = 0;
  s.token_end = static_cast<uint32_t>(words.size());
  s.parsed = parsed;
  c->doc.sentences = {s};
  for (const auto& [mention, role, type] : actors) {
    size_t at = c->doc.text.find(mention);
    EXPECT_NE(at, std::string::npos) << mention;
    Entity e;
    e.type = type;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
    e.text = mention;
    e.actor = Actor{.text = mention, .span = e.span, .code = "USA" + role, .country = "US", .role = role};
    c->doc.entities.push_back(e);
  }
  for (const auto& e : c->doc.entities) c->entities.push_back(&e);
  c->view = BuildSentenceView(c->doc, 0, c->entities);
  return c;
}

// "Washington sent military aid to Jordan": "military" (amod of "aid") is what kind of aid.
std::vector<Word> MilitaryAid() {
  return {{"Washington", Upos::kPropn, 1, Deprel::kNsubj}, {"sent", Upos::kVerb, -1, Deprel::kRoot},
          {"military", Upos::kAdj, 3, Deprel::kAmod},      {"aid", Upos::kNoun, 1, Deprel::kObj},
          {"to", Upos::kAdp, 5, Deprel::kCase},            {"Jordan", Upos::kPropn, 1, Deprel::kObl}};
}

TEST(RoleWordsAsModifiers, ARoleWordModifyingAThingIsNoActor) {
  auto c = Build(MilitaryAid(), {{"military", "MIL", EntityType::kGroup}});
  auto spans = RoleWordsAsModifiers(c->doc, c->view);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], c->doc.entities[0].span);
}

TEST(RoleWordsAsModifiers, ARoleWordModifyingAnActorStays) {
  // "military officials": the officials are an actor, "military" says which.
  auto c = Build({{"military", Upos::kAdj, 1, Deprel::kAmod},
                  {"officials", Upos::kNoun, 2, Deprel::kNsubj},
                  {"met", Upos::kVerb, -1, Deprel::kRoot}},
                 {{"military", "MIL", EntityType::kGroup}, {"officials", "GOV", EntityType::kGroup}});
  EXPECT_TRUE(RoleWordsAsModifiers(c->doc, c->view).empty());
}

TEST(RoleWordsAsModifiers, ADemonymStaysAnActor) {
  // "Israeli strikes": who strikes.
  auto c = Build({{"Israeli", Upos::kAdj, 1, Deprel::kAmod},
                  {"strikes", Upos::kNoun, 2, Deprel::kNsubj},
                  {"continued", Upos::kVerb, -1, Deprel::kRoot}},
                 {{"Israeli", "", EntityType::kCountry}});
  EXPECT_TRUE(RoleWordsAsModifiers(c->doc, c->view).empty());
}

TEST(RoleWordsAsModifiers, ARoleWordAsTheNounItselfStays) {
  // "the military seized power": the subject, no modifier.
  auto c = Build({{"military", Upos::kNoun, 1, Deprel::kNsubj},
                  {"seized", Upos::kVerb, -1, Deprel::kRoot},
                  {"power", Upos::kNoun, 1, Deprel::kObj}},
                 {{"military", "MIL", EntityType::kGroup}});
  EXPECT_TRUE(RoleWordsAsModifiers(c->doc, c->view).empty());
}

TEST(RoleWordsAsModifiers, NothingWithoutAParse) {
  auto c = Build(MilitaryAid(), {{"military", "MIL", EntityType::kGroup}}, /*parsed=*/false);
  EXPECT_TRUE(RoleWordsAsModifiers(c->doc, c->view).empty());
}

TEST(StanceModifiers, ACountryAfterAntiOrProNamesNoActor) {
  // "an anti-Ruritania writer was shot", "pro-Ruritanian militias gathered"
  auto c = Build({{"an", Upos::kDet, 2, Deprel::kDet},
                  {"anti-Ruritania", Upos::kAdj, 2, Deprel::kAmod},
                  {"writer", Upos::kNoun, 4, Deprel::kNsubjPass},
                  {"was", Upos::kAux, 4, Deprel::kAuxPass},
                  {"shot", Upos::kVerb, -1, Deprel::kRoot}},
                 {{"Ruritania", "", EntityType::kCountry}});
  ASSERT_EQ(StanceModifiers(c->doc, c->view).size(), 1u);
  auto p = Build({{"pro-Ruritanian", Upos::kAdj, 1, Deprel::kAmod},
                  {"militias", Upos::kNoun, 2, Deprel::kNsubj},
                  {"gathered", Upos::kVerb, -1, Deprel::kRoot}},
                 {{"Ruritanian", "", EntityType::kCountry}});
  EXPECT_EQ(StanceModifiers(p->doc, p->view).size(), 1u);
}

TEST(StanceModifiers, APlainDemonymOrAWordEndingInProStays) {
  // "Ruritanian troops", "Expro-Ruritania talks": no stance prefix before the country.
  auto c = Build({{"Ruritanian", Upos::kAdj, 1, Deprel::kAmod},
                  {"troops", Upos::kNoun, 2, Deprel::kNsubj},
                  {"left", Upos::kVerb, -1, Deprel::kRoot}},
                 {{"Ruritanian", "", EntityType::kCountry}});
  EXPECT_TRUE(StanceModifiers(c->doc, c->view).empty());
  auto d = Build({{"Expro-Ruritania", Upos::kPropn, 1, Deprel::kCompound},
                  {"talks", Upos::kNoun, 2, Deprel::kNsubj},
                  {"ended", Upos::kVerb, -1, Deprel::kRoot}},
                 {{"Ruritania", "", EntityType::kCountry}});
  EXPECT_TRUE(StanceModifiers(d->doc, d->view).empty());
}

// "Ruritanian-led forces shelled camps" with "forces" a group of the article's country and
// "Ruritanian" a demonym of RU.
std::unique_ptr<Case> LedForces(const std::string& first_word) {
  auto c = Build({{first_word, Upos::kAdj, 1, Deprel::kAmod},
                  {"forces", Upos::kNoun, 2, Deprel::kNsubj},
                  {"shelled", Upos::kVerb, -1, Deprel::kRoot},
                  {"camps", Upos::kNoun, 2, Deprel::kObj}},
                 {{"Ruritanian", "", EntityType::kCountry}, {"forces", "MIL", EntityType::kGroup}});
  c->doc.entities[0].actor->country = "RU";
  return c;
}

TEST(ModifierCountry, ADemonymOrAnXLedModifierSaysWhoseTheNounIs) {
  auto plain = LedForces("Ruritanian");
  EXPECT_EQ(ModifierCountry(plain->doc, plain->view, 1), "RU");
  auto led = LedForces("Ruritanian-led");
  EXPECT_EQ(ModifierCountry(led->doc, led->view, 1), "RU");
}

TEST(ModifierCountry, BackedOrAntiNamesSomeoneElse) {
  auto backed = LedForces("Ruritanian-backed");
  EXPECT_EQ(ModifierCountry(backed->doc, backed->view, 1), "");
  auto anti = LedForces("anti-Ruritanian");
  EXPECT_EQ(ModifierCountry(anti->doc, anti->view, 1), "");
  // Not a modifier of the word asked about.
  auto other = LedForces("Ruritanian");
  EXPECT_EQ(ModifierCountry(other->doc, other->view, 3), "");
}

TEST(IsPartisanNoun, PeopleWhoSideWithSomeone) {
  EXPECT_TRUE(IsPartisanNoun("supporter"));
  EXPECT_TRUE(IsPartisanNoun("loyalist"));
  EXPECT_FALSE(IsPartisanNoun("minister"));
  EXPECT_FALSE(IsPartisanNoun("supporters"));  // lemmas only
}

TEST(ModifierCountry, ForcesLoyalToSomeoneAreOfTheirCountry) {
  // "forces loyal to Ruritania mutinied"
  auto c = Build({{"forces", Upos::kNoun, 4, Deprel::kNsubj},
                  {"loyal", Upos::kAdj, 0, Deprel::kAmod},
                  {"to", Upos::kAdp, 3, Deprel::kCase},
                  {"Ruritania", Upos::kPropn, 1, Deprel::kObl},
                  {"mutinied", Upos::kVerb, -1, Deprel::kRoot}},
                 {{"forces", "MIL", EntityType::kGroup}, {"Ruritania", "", EntityType::kCountry}});
  c->doc.tokens[1].lemma = "loyal";
  c->doc.entities[1].actor->country = "RU";
  EXPECT_EQ(ModifierCountry(c->doc, c->view, 0), "RU");
}

TEST(ModifierCountry, ACountryUnderLedCountsToo) {
  // "forces led by Ruritania attacked": "Ruritania" hangs from "led", "led" from "forces".
  auto c = Build({{"forces", Upos::kNoun, 4, Deprel::kNsubj},
                  {"led", Upos::kVerb, 0, Deprel::kAcl},
                  {"by", Upos::kAdp, 3, Deprel::kCase},
                  {"Ruritania", Upos::kPropn, 1, Deprel::kOblAgent},
                  {"attacked", Upos::kVerb, -1, Deprel::kRoot}},
                 {{"forces", "MIL", EntityType::kGroup}, {"Ruritania", "", EntityType::kCountry}});
  c->doc.tokens[1].lemma = "lead";
  c->doc.entities[1].actor->country = "RU";
  EXPECT_EQ(ModifierCountry(c->doc, c->view, 0), "RU");
}

TEST(StanceModifiers, AnEthnicDemonymNamesAPeopleNotAState) {
  // "ethnic Ruritanian fighters clashed"
  auto c = Build({{"ethnic", Upos::kAdj, 2, Deprel::kAmod},
                  {"Ruritanian", Upos::kAdj, 2, Deprel::kAmod},
                  {"fighters", Upos::kNoun, 3, Deprel::kNsubj},
                  {"clashed", Upos::kVerb, -1, Deprel::kRoot}},
                 {{"Ruritanian", "", EntityType::kCountry}});
  EXPECT_EQ(StanceModifiers(c->doc, c->view).size(), 1u);
}

}  // namespace
}  // namespace eventmill::code
