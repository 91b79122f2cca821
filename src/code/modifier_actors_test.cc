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

}  // namespace
}  // namespace eventmill::code
