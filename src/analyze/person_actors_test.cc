// PersonRoleTable (CAMEO roles of role phrases, from an in-memory titles file) and
// GivePeopleActors on hand-made documents (the alpha-3 codes from the compiled lexicon; those
// tests skip when build/lexicon.bin has not been built).
#include "analyze/person_actors.h"

#include <gtest/gtest.h>

namespace eventmill::analyze {
namespace {

PersonRoleTable Table() {
  auto r = PersonRoleTable::Load(DataFiles::FromStrings(
      {{"actors/titles.txt",
        "# titles | ROLE | kind\n"
        "Minister; foreign minister; Prime Minister | GOV | government\n"
        "Judge; judge; chief judge | JUD | government\n"
        "Sgt.; sergeant | COP | security\n"}}));
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(*r) : PersonRoleTable();
}

TEST(PersonRoleTable, TheRoleHeadGivesTheCameoRole) {
  PersonRoleTable t = Table();
  EXPECT_EQ(t.CameoRole("former Greek foreign minister"), "GOV");
  EXPECT_EQ(t.CameoRole("the county's chief judge"), "JUD");
  EXPECT_EQ(t.CameoRole("Sgt."), "COP");
  EXPECT_EQ(t.CameoRole("PRIME MINISTER"), "GOV");
  // The first of several roles that has one.
  EXPECT_EQ(t.CameoRole("a father of three, a retired judge"), "JUD");
  // The head must be a title: "minister's aide" is an aide.
  EXPECT_EQ(t.CameoRole("the minister's aide"), "");
  EXPECT_EQ(t.CameoRole("a neighbour"), "");
  EXPECT_EQ(t.CameoRole(""), "");
}

TEST(PersonRoleTable, MalformedLineNamesFileAndLine) {
  auto r = PersonRoleTable::Load(DataFiles::FromStrings({{"actors/titles.txt", "# c\nMinister | GOV | government\nJudge\n"}}));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("titles.txt:3"), std::string::npos) << r.status().message();
}

const Lexicon* FullLexicon() {
  static Result<Lexicon>* lex = new Result<Lexicon>(Lexicon::Load());
  return lex->ok() ? &lex->value() : nullptr;
}

Entity Make(EntityType type, const std::string& text, const std::string& word, std::string role = "") {
  Entity e;
  e.type = type;
  size_t at = text.find(word);
  e.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
  e.text = word;
  e.canonical = word;
  e.role = std::move(role);
  return e;
}

TEST(GivePeopleActors, RoleAndCountryFromTheRolePhrase) {
  const Lexicon* lex = FullLexicon();
  if (!lex) GTEST_SKIP() << "compiled lexicon missing: run `eventmill dict build` first";
  Document doc;
  doc.text = "Anna Petrova, a former Bulgarian foreign minister, met the judge Tom Reed and Ivo Marin, a farmer.";
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Anna Petrova", "former Bulgarian foreign minister"));
  Entity bg = Make(EntityType::kCountry, doc.text, "Bulgarian");
  bg.place = Place{};
  bg.place->country = "BG";
  doc.entities.push_back(bg);
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Tom Reed", "judge"));
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Ivo Marin", "farmer"));
  GivePeopleActors(doc, Table(), *lex);
  ASSERT_TRUE(doc.entities[0].actor);
  EXPECT_EQ(doc.entities[0].actor->code, "BGRGOV");
  EXPECT_EQ(doc.entities[0].actor->country, "BG");
  // No country in the role: the role alone (the coder gives the story's country).
  ASSERT_TRUE(doc.entities[2].actor);
  EXPECT_EQ(doc.entities[2].actor->code, "JUD");
  EXPECT_EQ(doc.entities[2].actor->country, "");
  EXPECT_FALSE(doc.entities[3].actor);  // no title: a private person
}

TEST(GivePeopleActors, ThePossessorBeforeOrTheCountryAfterTheRoleGivesTheCountry) {
  const Lexicon* lex = FullLexicon();
  if (!lex) GTEST_SKIP() << "compiled lexicon missing: run `eventmill dict build` first";
  Document doc;
  doc.text = "Chile's foreign minister, Rosa Vidal, met Juan Soto, the prime minister of Peru.";
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Rosa Vidal", "foreign minister"));
  Entity cl = Make(EntityType::kCountry, doc.text, "Chile");
  cl.place = Place{};
  cl.place->country = "CL";
  cl.actor = Actor{};
  doc.entities.push_back(cl);
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Juan Soto", "prime minister"));
  Entity pe = Make(EntityType::kCountry, doc.text, "Peru");
  pe.place = Place{};
  pe.place->country = "PE";
  pe.actor = Actor{};
  doc.entities.push_back(pe);
  GivePeopleActors(doc, Table(), *lex);
  ASSERT_TRUE(doc.entities[0].actor);
  EXPECT_EQ(doc.entities[0].actor->code, "CHLGOV");
  ASSERT_TRUE(doc.entities[2].actor);
  EXPECT_EQ(doc.entities[2].actor->code, "PERGOV");  // "of Peru" after the role
}

TEST(GivePeopleActors, ASurnameAloneTakesTheFullNamesActor) {
  const Lexicon* lex = FullLexicon();
  if (!lex) GTEST_SKIP() << "compiled lexicon missing: run `eventmill dict build` first";
  Document doc;
  doc.text = "President Lina Berg spoke. Later Berg left, and Ola Dahl met Dahl's aide.";
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Lina Berg", "President"));
  Actor a;
  a.code = "NORGOV", a.country = "NO", a.role = "GOV";
  doc.entities[0].actor = a;
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Berg"));
  doc.entities[1].span.begin = static_cast<uint32_t>(doc.text.find("Berg left")), doc.entities[1].span.end = doc.entities[1].span.begin + 4;
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Ola Dahl"));
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Dahl's"));
  GivePeopleActors(doc, Table(), *lex);
  ASSERT_TRUE(doc.entities[1].actor);
  EXPECT_EQ(doc.entities[1].actor->code, "NORGOV");
  EXPECT_EQ(doc.entities[1].actor->span.begin, doc.entities[1].span.begin);
  EXPECT_FALSE(doc.entities[2].actor);  // a full name without an actor shares none
}

TEST(GivePeopleActors, AnActorAlreadyGivenStays) {
  const Lexicon* lex = FullLexicon();
  if (!lex) GTEST_SKIP() << "compiled lexicon missing: run `eventmill dict build` first";
  Document doc;
  doc.text = "Judge Tom Reed ruled.";
  doc.entities.push_back(Make(EntityType::kPerson, doc.text, "Tom Reed", "Judge"));
  Actor a;
  a.code = "USAJUD";
  doc.entities[0].actor = a;
  GivePeopleActors(doc, Table(), *lex);
  EXPECT_EQ(doc.entities[0].actor->code, "USAJUD");
}

}  // namespace
}  // namespace eventmill::analyze
