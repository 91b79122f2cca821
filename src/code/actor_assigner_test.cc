// ActorAssigner on sentences built by hand (entities given, no lexicon): the subject before the
// trigger and the object after it, passives and "by" agents, back-references, and what Parse
// refuses.
#include "code/actor_assigner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <optional>

namespace eventmill::code {
namespace {

Inflector TestInflector() { return *Inflector::Parse("shoot shot shot\nsend sent sent\n", "t"); }

struct Sentence1 {
  Document doc;
  std::vector<const Entity*> entities;
  SentenceView view;
};

// One sentence with the named groups as entities: {mention, code, country}.
Sentence1 Build(const std::string& text, const std::vector<std::array<std::string, 3>>& actors) {
  Sentence1 s;
  s.doc.text = text;
  s.doc.paragraphs = {{0, static_cast<uint32_t>(text.size())}};
  s.doc.sentences = {{{0, static_cast<uint32_t>(text.size())}, 0}};
  for (const auto& [mention, code, cc] : actors) {
    size_t at = text.find(mention);
    EXPECT_NE(at, std::string::npos) << mention;
    Entity e;
    e.type = EntityType::kGroup;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
    e.text = mention;
    e.actor = Actor{.text = mention, .span = e.span, .code = code, .country = cc, .role = code.substr(3, 3)};
    s.doc.entities.push_back(e);
  }
  std::sort(s.doc.entities.begin(), s.doc.entities.end(),
            [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
  for (const Entity& e : s.doc.entities) s.entities.push_back(&e);
  s.view = BuildSentenceView(s.doc, 0, s.entities);
  return s;
}

class ActorAssignerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inflector_ = TestInflector();
    auto patterns = PatternSet::Parse("173 {arrest}\n190 {attack}\n", "t.patterns", inflector_);
    ASSERT_TRUE(patterns.ok()) << patterns.status().message();
    patterns_ = std::move(*patterns);
    auto assigner = ActorAssigner::Parse("he\tPERSON\tpronoun\ngroup\tORG,GROUP\n", "carry\n", inflector_);
    ASSERT_TRUE(assigner.ok()) << assigner.status().message();
    assigner_.emplace(std::move(*assigner));
    assigner_->SetVerbForms(patterns_.VerbForms());
  }
  // The actors of the first pattern match in `s`.
  ActorChoice Assign(const Sentence1& s) {
    auto matches = patterns_.MatchAll(s.view.tokens);
    EXPECT_FALSE(matches.empty()) << s.doc.text;
    if (matches.empty()) return {};
    DocumentContext ctx;
    ctx.doc = &s.doc;
    ctx.entities = s.entities;
    return assigner_->Assign(ctx, s.view, matches[0]);
  }
  std::string Source(const ActorChoice& c) { return c.sources.empty() ? "" : c.sources[0].code; }
  std::string Target(const ActorChoice& c) { return c.target ? c.target->code : ""; }

  Inflector inflector_ = TestInflector();
  PatternSet patterns_;
  std::optional<ActorAssigner> assigner_;
};

TEST_F(ActorAssignerTest, SubjectBeforeAndObjectAfterTheTrigger) {
  Sentence1 s = Build("Kazakh police arrested opposition activists in Almaty.",
                      {{"Kazakh police", "KAZCOP", "KZ"}, {"opposition activists", "KAZOPP", "KZ"}});
  ActorChoice c = Assign(s);
  EXPECT_EQ(Source(c), "KAZCOP");
  EXPECT_EQ(Target(c), "KAZOPP");
}

TEST_F(ActorAssignerTest, APassiveTakesItsAgentFromBy) {
  Sentence1 s = Build("Opposition activists were arrested by Kazakh police on Monday.",
                      {{"Opposition activists", "KAZOPP", "KZ"}, {"Kazakh police", "KAZCOP", "KZ"}});
  ActorChoice c = Assign(s);
  EXPECT_EQ(Source(c), "KAZCOP");
  EXPECT_EQ(Target(c), "KAZOPP");
}

TEST_F(ActorAssignerTest, CoordinatedSubjectsAreSourcesEach) {
  Sentence1 s = Build("Russian troops and Belarusian troops attacked Ukrainian soldiers.",
                      {{"Russian troops", "RUSMIL", "RU"}, {"Belarusian troops", "BLRMIL", "BY"},
                       {"Ukrainian soldiers", "UKRMIL", "UA"}});
  ActorChoice c = Assign(s);
  ASSERT_EQ(c.sources.size(), 2u);
  EXPECT_EQ(c.sources[0].code, "RUSMIL");
  EXPECT_EQ(c.sources[1].code, "BLRMIL");
  EXPECT_EQ(Target(c), "UKRMIL");
}

TEST_F(ActorAssignerTest, PeopleNamedByTheirNationalityProtestAtTheirGovernment) {
  auto patterns = PatternSet::Parse("141 {protest}\n", "t.patterns", inflector_);
  ASSERT_TRUE(patterns.ok());
  patterns_ = std::move(*patterns);
  auto rules = FrameRules::Parse("14\tunnamed\tGOV\ttarget\n", "t.tsv");
  ASSERT_TRUE(rules.ok());
  assigner_->SetFrameRules(std::move(*rules));
  Sentence1 s = Build("Kenyans protested on Sunday.", {});
  Entity e;
  e.type = EntityType::kCountry;
  e.text = "Kenyans";
  e.span = {0, 7};
  e.place = Place{.name = "Kenya", .country = "KE", .precision = "country"};
  s.doc.entities = {e};
  s.entities = {&s.doc.entities[0]};
  s.view = BuildSentenceView(s.doc, 0, s.entities);
  ActorChoice c = Assign(s);
  EXPECT_EQ(Source(c), "KE");  // a bare country: the frame pass gives it its alpha-3 code
  ASSERT_TRUE(c.target);
  EXPECT_EQ(c.target->code, "KE");
  EXPECT_EQ(c.target->role, "GOV");
  EXPECT_EQ(c.target->country, "KE");
}

TEST_F(ActorAssignerTest, ActorOfAnEntityWithoutActorIsItsCountry) {
  Entity e;
  e.type = EntityType::kCountry;
  e.text = "Kazakhstan";
  e.place = Place{.name = "Kazakhstan", .country = "KZ", .precision = "country"};
  Actor a = ActorAssigner::ActorOf(e);
  EXPECT_EQ(a.country, "KZ");
  EXPECT_EQ(a.code, "KZ");
  EXPECT_EQ(a.name, "Kazakhstan");
}

TEST(ActorAssignerParse, AMalformedReferenceLineIsAnError) {
  Inflector inflector = TestInflector();
  EXPECT_FALSE(ActorAssigner::Parse("he\n", "", inflector).ok());
}

}  // namespace
}  // namespace eventmill::code
