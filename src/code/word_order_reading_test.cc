// The word-order steps (word_order_reading.h), one by one, on sentences built by hand: entities
// given, no lexicon, no parse.
#include "code/word_order_reading.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <memory>

namespace eventmill::code::word_order {
namespace {

Inflector TestInflector() { return *Inflector::Parse("shoot shot shot\nsend sent sent\n", "t"); }

// One sentence, its entities ({mention, code, country}; a code without a role is a country) and
// the first match of `pattern_lines` in it.
struct Case {
  Document doc;
  std::vector<const Entity*> entities;
  SentenceView view;
  PatternSet patterns;
  PatternMatch m;
  bool matched = false;

  std::vector<const EntityRef*> Refs(size_t from, size_t to) const { return view.EntitiesIn(from, to); }
  std::string TextOf(const EntityRef* r) const { return r ? r->entity->text : ""; }
};

std::unique_ptr<Case> Build(const std::string& text, const std::vector<std::array<std::string, 3>>& actors,
                            const std::string& pattern_lines) {
  auto c = std::make_unique<Case>();
  c->doc.text = text;
  c->doc.paragraphs = {{0, static_cast<uint32_t>(text.size())}};
  c->doc.sentences = {{{0, static_cast<uint32_t>(text.size())}, 0}};
  for (const auto& [mention, code, cc] : actors) {
    size_t at = text.find(mention);
    EXPECT_NE(at, std::string::npos) << mention;
    Entity e;
    e.type = code.size() > 3 ? EntityType::kGroup : EntityType::kCountry;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
    e.text = mention;
    if (code.size() > 3) {
      e.actor = Actor{.text = mention, .span = e.span, .code = code, .country = cc, .role = code.substr(3, 3)};
    } else {
      e.place = Place{.name = mention, .country = cc, .precision = "country"};
    }
    c->doc.entities.push_back(e);
  }
  std::sort(c->doc.entities.begin(), c->doc.entities.end(),
            [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
  for (const Entity& e : c->doc.entities) c->entities.push_back(&e);
  c->view = BuildSentenceView(c->doc, 0, c->entities);
  Inflector inflector = TestInflector();
  auto patterns = PatternSet::Parse(pattern_lines, "t.patterns", inflector);
  EXPECT_TRUE(patterns.ok()) << patterns.status().message();
  if (!patterns.ok()) return c;
  c->patterns = std::move(*patterns);
  auto matches = c->patterns.MatchAll(c->view.tokens);
  EXPECT_FALSE(matches.empty()) << text;
  if (!matches.empty()) {
    c->m = matches[0];
    c->matched = true;
  }
  return c;
}

TEST(WordOrderReading, AVerbAfterAnArticleOrBeforeOfReadsAsANoun) {
  auto noun = Build("Police ended the raid at dawn.", {{"Police", "KAZCOP", "KZ"}}, "190 raid\n");
  ASSERT_TRUE(noun->matched);
  EXPECT_TRUE(ReadsAsNoun(noun->view, noun->m));
  auto of = Build("Activists demanded release of Olson.", {{"Activists", "KAZOPP", "KZ"}}, "173 release\n");
  ASSERT_TRUE(of->matched);
  EXPECT_TRUE(ReadsAsNoun(of->view, of->m));
  auto verb = Build("Police raid homes at dawn.", {{"Police", "KAZCOP", "KZ"}}, "190 raid\n");
  ASSERT_TRUE(verb->matched);
  EXPECT_FALSE(ReadsAsNoun(verb->view, verb->m));
}

TEST(WordOrderReading, AHarmParticipleBeforeANounNamesTheVictim) {
  auto c = Build("They found the wounded Kazakh soldiers near the road.", {{"Kazakh soldiers", "KAZMIL", "KZ"}},
                 "183 wounded\n");
  ASSERT_TRUE(c->matched);
  AdjectivalParticiple a = ReadAdjectivalParticiple(c->view, c->m, {});
  EXPECT_TRUE(a.adjectival);
  EXPECT_EQ(c->TextOf(a.victim), "Kazakh soldiers");
  auto verb = Build("Rebels wounded Kazakh soldiers near the road.",
                    {{"Rebels", "KAZREB", "KZ"}, {"Kazakh soldiers", "KAZMIL", "KZ"}}, "183 wounded\n");
  ASSERT_TRUE(verb->matched);
  EXPECT_FALSE(ReadAdjectivalParticiple(verb->view, verb->m, {}).adjectival);
}

TEST(WordOrderReading, TheByAgentIsTheActorAfterBy) {
  auto c = Build("Activists were arrested in Almaty by Kazakh police.",
                 {{"Activists", "KAZOPP", "KZ"}, {"Kazakh police", "KAZCOP", "KZ"}}, "173 {arrest}\n");
  ASSERT_TRUE(c->matched);
  EXPECT_EQ(c->TextOf(ByAgent(c->Refs(c->m.trigger + 1, c->view.tokens.size()))), "Kazakh police");
  EXPECT_EQ(ByAgent(c->Refs(0, c->m.trigger)), nullptr);
}

TEST(WordOrderReading, BetweenNamesBothSidesButNoPlaceAfterIn) {
  auto c = Build("Fighting broke out between Kazakh police in Kyrgyzstan and armed rebels.",
                 {{"Kazakh police", "KAZCOP", "KZ"}, {"Kyrgyzstan", "KGZ", "KG"}, {"armed rebels", "KAZREB", "KZ"}},
                 "190 fighting ; noun mutual\n");
  ASSERT_TRUE(c->matched);
  RefsIn refs = [&](size_t from, size_t to, bool) { return c->Refs(from, to); };
  Sides sides = SidesBetween(c->view, c->m, c->view.tokens.size(), refs);
  EXPECT_EQ(c->TextOf(sides.a), "Kazakh police");
  EXPECT_EQ(c->TextOf(sides.b), "armed rebels");
}

TEST(WordOrderReading, AReporterAfterACommaIsNoObject) {
  auto c = Build("Rebels attacked Kazakh soldiers, Kazakh police said.",
                 {{"Rebels", "KAZREB", "KZ"}, {"Kazakh soldiers", "KAZMIL", "KZ"}, {"Kazakh police", "KAZCOP", "KZ"}},
                 "190 {attack}\n");
  ASSERT_TRUE(c->matched);
  auto objects = ObjectCandidates(c->view, c->m, c->Refs(c->m.trigger + 1, c->view.tokens.size()), nullptr);
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(c->TextOf(objects[0]), "Kazakh soldiers");
}

TEST(WordOrderReading, AReporterPastAnAdverbIsNoObjectEither) {
  auto c = Build("Rebels attacked Kazakh soldiers, Kazakh police here said.",
                 {{"Rebels", "KAZREB", "KZ"}, {"Kazakh soldiers", "KAZMIL", "KZ"}, {"Kazakh police", "KAZCOP", "KZ"}},
                 "190 {attack}\n");
  ASSERT_TRUE(c->matched);
  auto objects = ObjectCandidates(c->view, c->m, c->Refs(c->m.trigger + 1, c->view.tokens.size()), nullptr);
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(c->TextOf(objects[0]), "Kazakh soldiers");
  // Not past a noun: "Kazakh police units said" is another subject.
  auto units = Build("Rebels attacked Kazakh soldiers, Kazakh police units said.",
                     {{"Rebels", "KAZREB", "KZ"}, {"Kazakh soldiers", "KAZMIL", "KZ"}, {"Kazakh police", "KAZCOP", "KZ"}},
                     "190 {attack}\n");
  const EntityRef* police = c->Refs(0, c->view.tokens.size()).back();
  EXPECT_FALSE(ReportsAfter(units->view, units->view.entities.back().last));
  EXPECT_TRUE(ReportsAfter(c->view, police->last));
}

TEST(WordOrderReading, TheHeadOfXOfYIsTheSubject) {
  auto c = Build(
      "Kazakh supporters of the former Kazakh president attacked Kazakh police.",
      {{"Kazakh supporters", "KAZOPP", "KZ"}, {"Kazakh president", "KAZGOV", "KZ"}, {"Kazakh police", "KAZCOP", "KZ"}},
      "190 {attack}\n");
  ASSERT_TRUE(c->matched);
  EXPECT_EQ(c->TextOf(SubjectOf(c->view, c->Refs(0, c->m.trigger))), "Kazakh supporters");
}

TEST(WordOrderReading, CoordinatedSubjectsJoinButAdjacentNamesDoNot) {
  auto c = Build(
      "Russian troops, Belarusian troops and Armenian troops attacked.",
      {{"Russian troops", "RUSMIL", "RU"}, {"Belarusian troops", "BLRMIL", "BY"}, {"Armenian troops", "ARMMIL", "AM"}},
      "190 {attack}\n");
  ASSERT_TRUE(c->matched);
  auto before = c->Refs(0, c->m.trigger);
  auto chain = CoordinatedWith(c->view, before, before.back());
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(c->TextOf(chain[0]), "Russian troops");
  EXPECT_EQ(c->TextOf(chain[2]), "Armenian troops");
  auto verb_between =
      Build("Russian troops said Belarusian troops attacked.",
            {{"Russian troops", "RUSMIL", "RU"}, {"Belarusian troops", "BLRMIL", "BY"}}, "190 {attack}\n");
  ASSERT_TRUE(verb_between->matched);
  auto b2 = verb_between->Refs(0, verb_between->m.trigger);
  EXPECT_EQ(CoordinatedWith(verb_between->view, b2, b2.back()).size(), 1u);
}

TEST(WordOrderReading, AParticipleAfterACommaIsAnAdjunct) {
  auto c = Build("Rebels stormed the town, attacking Kazakh police.",
                 {{"Rebels", "KAZREB", "KZ"}, {"Kazakh police", "KAZCOP", "KZ"}}, "190 attacking\n");
  ASSERT_TRUE(c->matched);
  EXPECT_TRUE(IsParticipleAdjunct(c->view, c->m, c->view.ClauseBegin(c->m.trigger), false));
  EXPECT_FALSE(IsParticipleAdjunct(c->view, c->m, c->view.ClauseBegin(c->m.trigger), true));
  auto joined = Build("Rebels stormed the town, burning homes and attacking Kazakh police.",
                      {{"Rebels", "KAZREB", "KZ"}, {"Kazakh police", "KAZCOP", "KZ"}}, "190 attacking\n");
  ASSERT_TRUE(joined->matched);
  EXPECT_TRUE(IsParticipleAdjunct(joined->view, joined->m, joined->view.ClauseBegin(joined->m.trigger), false));
}

TEST(WordOrderReading, AnActorRightBeforeANounModifiesIt) {
  auto c = Build("A Kazakh police raid ended.", {{"Kazakh police", "KAZCOP", "KZ"}}, "190 raid ; noun\n");
  ASSERT_TRUE(c->matched);
  auto before = c->Refs(0, c->m.trigger);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_TRUE(ModifiesNoun(c->view, c->m, *before[0], {}, {}));
  auto far = Build("Kazakh police spoke of the raid.", {{"Kazakh police", "KAZCOP", "KZ"}}, "190 raid ; noun\n");
  ASSERT_TRUE(far->matched);
  auto b2 = far->Refs(0, far->m.trigger);
  EXPECT_FALSE(ModifiesNoun(far->view, far->m, *b2[0], {}, {}));
}

TEST(WordOrderReading, TheSubjectOfALightVerbBeforeTheNoun) {
  auto c = Build("Kazakh police carried out a raid.", {{"Kazakh police", "KAZCOP", "KZ"}}, "190 raid ; noun\n");
  ASSERT_TRUE(c->matched);
  EXPECT_EQ(c->TextOf(LightVerbSubject(c->view, c->m, c->Refs(0, c->m.trigger), {"carried"})), "Kazakh police");
  EXPECT_EQ(LightVerbSubject(c->view, c->m, c->Refs(0, c->m.trigger), {"staged"}), nullptr);
}

TEST(WordOrderReading, ACommaEndsTheNounsComplement) {
  auto c = Build("After the raid on Kazakh rebels, Kazakh police left.",
                 {{"Kazakh rebels", "KAZREB", "KZ"}, {"Kazakh police", "KAZCOP", "KZ"}}, "190 raid ; noun\n");
  ASSERT_TRUE(c->matched);
  auto after = c->Refs(c->m.trigger + 1, c->view.tokens.size());
  ASSERT_EQ(after.size(), 2u);
  EXPECT_TRUE(ComplementOfNoun(c->view, c->m, *after[0]));
  EXPECT_FALSE(ComplementOfNoun(c->view, c->m, *after[1]));
}

TEST(WordOrderReading, ALaterClauseSharesTheSubjectUnlessReportedOrWithItsOwn) {
  auto c = Build("Kazakh rebels entered the town and attacked.", {{"Kazakh rebels", "KAZREB", "KZ"}}, "190 {attack}\n");
  ASSERT_TRUE(c->matched);
  auto earlier = c->Refs(0, c->m.trigger);
  ASSERT_EQ(earlier.size(), 1u);
  EXPECT_TRUE(SharesEarlierSubject(c->view, c->m, c->m.trigger, *earlier[0]));
  auto reported =
      Build("Kazakh police said that unknown men attacked.", {{"Kazakh police", "KAZCOP", "KZ"}}, "190 {attack}\n");
  ASSERT_TRUE(reported->matched);
  auto e2 = reported->Refs(0, reported->m.trigger);
  EXPECT_FALSE(SharesEarlierSubject(reported->view, reported->m, reported->m.trigger, *e2[0]));
  auto own =
      Build("Kazakh police left a day after the men attacked.", {{"Kazakh police", "KAZCOP", "KZ"}}, "190 {attack}\n");
  ASSERT_TRUE(own->matched);
  auto e3 = own->Refs(0, own->m.trigger);
  size_t after_word = 0;
  while (own->view.tokens[after_word].lower != "after") ++after_word;
  EXPECT_FALSE(SharesEarlierSubject(own->view, own->m, after_word + 1, *e3[0]));
}

}  // namespace
}  // namespace eventmill::code::word_order
