// People's roles and organisations read from the structure around names. The sentences are
// tokenized and parsed by the shipped model (data/syntax/en_ewt.model); the people the
// EntityFinder would have found are given as entities, so these tests read this pass alone.
#include "analyze/entity_structure.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "analyze/facts.h"
#include "core/load_once_for_tests.h"
#include "eventmill/data_dir.h"
#include "eventmill/syntax.h"

namespace eventmill::analyze {
namespace {

const EntityStructureLexicon& Lex() {
  return LoadOnce<EntityStructureLexicon>([] { return EntityStructureLexicon::Load(DataFiles(DataDir())); });
}

const Parser& TheParser() {
  return LoadOnce<Parser>([] { return Parser::Load({.scope = ParseScope::kAll}); });
}

// The entities of `text` after this pass, given the people already found ("Name" each); each
// described as "TYPE text|role".
// `orgs` are organisations the dictionary would have found; `parser` parses every sentence
// unless given another.
std::vector<std::string> Read(const std::string& text, const std::vector<std::string>& people = {},
                              const std::vector<std::string>& orgs = {}, const Parser* parser = nullptr) {
  Document doc;
  doc.text = text;
  EXPECT_TRUE((parser ? *parser : TheParser()).Parse(doc).ok());
  std::vector<std::pair<std::string, EntityType>> given;
  for (const std::string& p : people) given.emplace_back(p, EntityType::kPerson);
  for (const std::string& o : orgs) given.emplace_back(o, EntityType::kOrg);
  for (const auto& [p, type] : given) {
    size_t at = 0;
    while ((at = text.find(p, at)) != std::string::npos) {
      Entity e;
      e.type = type;
      e.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + p.size())};
      e.text = e.canonical = p;
      doc.entities.push_back(e);
      at += p.size();
    }
  }
  std::sort(doc.entities.begin(), doc.entities.end(), [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
  ReadEntityStructure(doc, Lex());
  std::vector<std::string> out;
  for (const Entity& e : doc.entities) {
    EXPECT_EQ(doc[e.span], e.text);
    out.push_back(std::string(EntityTypeName(e.type)) + " " + e.text + "|" + e.role);
  }
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(EntityStructure, RolesRightBeforeTheNameOneAfterAnother) {
  auto e = Read("The harbour police said Chief Inspector Mara Quill was leading the search.", {"Mara Quill"});
  EXPECT_TRUE(Has(e, "PERSON Mara Quill|Chief Inspector")) << ::testing::PrintToString(e);
  e = Read("The county's spokesman Sgt. Orrin Vale said the road was closed.", {"Orrin Vale"});
  EXPECT_TRUE(Has(e, "PERSON Orrin Vale|spokesman Sgt.")) << ::testing::PrintToString(e);
}

// The apposition makes a person of a name nothing read before (the EntityFinder's own apposition
// heuristic is gone); the role ends at its last role noun; a name right after the role is the
// role's, and a day is no name.
TEST(EntityStructure, AppositionWithARoleMakesAPerson) {
  auto e = Read("Tamsin Orrell, a spokeswoman for the harbour board, said the pier was shut.");
  EXPECT_TRUE(Has(e, "PERSON Tamsin Orrell|spokeswoman")) << ::testing::PrintToString(e);
  e = Read("Brannoch Vell, a journalist jailed in the capital, was freed.");
  EXPECT_TRUE(Has(e, "PERSON Brannoch Vell|journalist")) << ::testing::PrintToString(e);
  e = Read("On Last Thursday, the mayor spoke. Quill, Deputy Mayor Ansel Dorr and two aides left.");
  for (const std::string& x : e) {
    EXPECT_EQ(x.find("Thursday"), std::string::npos) << x;
    EXPECT_EQ(x.find("Quill|"), std::string::npos) << x;
  }
}

TEST(EntityStructure, AppositionAfterASurnameIsTheFullNamesRole) {
  auto e = Read("Delia Marsh visited the port on Monday. Marsh, a former Ruritanian trade minister and author, spoke later.",
                {"Delia Marsh"});
  EXPECT_TRUE(Has(e, "PERSON Delia Marsh|former Ruritanian trade minister")) << ::testing::PrintToString(e);
  EXPECT_TRUE(Has(e, "PERSON Marsh|former Ruritanian trade minister")) << ::testing::PrintToString(e);
  e = Read("Olek Varga, the town's deputy mayor, was not hurt.", {"Olek Varga"});
  EXPECT_TRUE(Has(e, "PERSON Olek Varga|deputy mayor")) << ::testing::PrintToString(e);
  // A figure is an age, no role.
  e = Read("Police arrested Tom Reddle, 45, on Friday.", {"Tom Reddle"});
  EXPECT_TRUE(Has(e, "PERSON Tom Reddle|")) << ::testing::PrintToString(e);
}

TEST(EntityStructure, AppositionBeforeTheNameMakesAPersonWithItsRole) {
  auto e = Read("The union's press coordinator, Ivo Brandt, said the talks had failed.");
  EXPECT_TRUE(Has(e, "PERSON Ivo Brandt|press coordinator")) << ::testing::PrintToString(e);
}

TEST(EntityStructure, PeopleByTheirStructure) {
  auto e = Read("Officers said Kettering and Dallow were hurt in the crash.", {"Kettering"});
  EXPECT_TRUE(Has(e, "PERSON Dallow|")) << ::testing::PrintToString(e);
  e = Read("The men were caught on Thursday, with 22-year-old Marlo Fenwick driving the van.");
  EXPECT_TRUE(Has(e, "PERSON Marlo Fenwick|")) << ::testing::PrintToString(e);
  // No person in a street's name, nor before an organisation's noun.
  e = Read("He was found near Grand Avenue on Tuesday, with 40-year-old Mill Road neighbours watching.");
  for (const auto& s : e) EXPECT_EQ(s.rfind("PERSON", 0), std::string::npos) << s;
}

TEST(EntityStructure, AcronymsOfOrganisations) {
  auto e = Read("The Northern Ruritania Relief Force (NRRF) sent a convoy. Later the NRRF withdrew.");
  EXPECT_EQ(std::count(e.begin(), e.end(), "ORG NRRF|"), 2) << ::testing::PrintToString(e);
  e = Read("Officers fired at the car, QPX said on Tuesday.");
  EXPECT_TRUE(Has(e, "ORG QPX|")) << ::testing::PrintToString(e);
  // A word in capitals that neither speaks nor is defined stays nothing.
  e = Read("He was charged with DUI and released.");
  EXPECT_TRUE(e.empty()) << ::testing::PrintToString(e);
}

TEST(EntityStructure, OrganisationsByHeadAndMemberWords) {
  auto e = Read("On Monday, Kestrel-9 television showed the footage.");
  EXPECT_TRUE(Has(e, "ORG Kestrel-9|")) << ::testing::PrintToString(e);
  e = Read("Fighters of the Red Valley Brotherhood crossed the river.");
  EXPECT_TRUE(Has(e, "ORG Red Valley Brotherhood|")) << ::testing::PrintToString(e);
  e = Read("He met leaders of the Sunrise Front for the Liberation of Ruritania in Paris.");
  EXPECT_TRUE(Has(e, "ORG Sunrise Front for the Liberation of Ruritania|")) << ::testing::PrintToString(e);
  e = Read("The blast was reported by the regional news agency, Velopress, on Sunday.");
  EXPECT_TRUE(Has(e, "ORG Velopress|")) << ::testing::PrintToString(e);
  e = Read("The city's Rapid Intervention Team searched the building.");
  EXPECT_TRUE(Has(e, "ORG Rapid Intervention Team|")) << ::testing::PrintToString(e);
  e = Read("A Harbor Freight Inspection officer stopped the truck.");
  EXPECT_TRUE(Has(e, "ORG Harbor Freight Inspection|")) << ::testing::PrintToString(e);
  // A sentence's first word is no name by its capital: "Two officers" holds no organisation.
  e = Read("Two officers stopped the truck.");
  EXPECT_TRUE(e.empty()) << ::testing::PrintToString(e);
}

// Organisations read from the tree: the whole proper-noun phrase under one head, "of"/"for"
// phrases and a place at its end included.
TEST(EntityStructure, TheWholeNameUnderOneHead) {
  auto e = Read("Gunmen from the Popular Front for the Liberation of Ruritania attacked a checkpoint on Monday.");
  EXPECT_TRUE(Has(e, "ORG Popular Front for the Liberation of Ruritania|")) << ::testing::PrintToString(e);
  EXPECT_FALSE(Has(e, "ORG Popular Front|")) << ::testing::PrintToString(e);
  // The dictionary's "Popular Front" read from the name's first words gives way to the whole name.
  e = Read("Gunmen from the Popular Front for the Liberation of Ruritania attacked a checkpoint on Monday.", {},
           {"Popular Front"});
  EXPECT_TRUE(Has(e, "ORG Popular Front for the Liberation of Ruritania|")) << ::testing::PrintToString(e);
  EXPECT_FALSE(Has(e, "ORG Popular Front|")) << ::testing::PrintToString(e);
  // ... but an organisation of the dictionary inside a longer compound stays itself.
  e = Read("The Ruritanian Salvation Army Naval Command said the ships had left.", {}, {"Ruritanian Salvation Army"});
  EXPECT_TRUE(Has(e, "ORG Ruritanian Salvation Army|")) << ::testing::PrintToString(e);
  // The "the" of the phrase the name sits in is not the name's, wherever the parser hangs it.
  e = Read("The ducklings swam near the Heron Conservation Center.");
  EXPECT_TRUE(Has(e, "ORG Heron Conservation Center|")) << ::testing::PrintToString(e);
  e = Read("Members of the Umbra Patriotic Alliance marched in the capital on Sunday.");
  EXPECT_TRUE(Has(e, "ORG Umbra Patriotic Alliance|")) << ::testing::PrintToString(e);
}

// The dictionary's actor of the first words goes to the whole name only where a place in the name
// confirms its country.
TEST(EntityStructure, TheWholeNameKeepsTheActorItsPlaceConfirms) {
  for (const std::string country : {"RU", "XX"}) {
    Document doc;
    doc.text = "Gunmen from the Popular Front for the Liberation of Ruritania attacked a checkpoint on Monday.";
    ASSERT_TRUE(TheParser().Parse(doc).ok());
    auto entity = [&](std::string_view words, EntityType type, std::string code, std::string cc) {
      Entity e;
      e.type = type;
      const size_t at = doc.text.find(words);
      e.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
      e.text = e.canonical = std::string(words);
      e.actor = Actor{e.text, e.span, std::move(code), cc, "PTY", e.text};
      if (type == EntityType::kCountry) e.place = Place{e.text, cc};
      return e;
    };
    doc.entities = {entity("Popular Front", EntityType::kOrg, country + "PTY", country),
                    entity("Ruritania", EntityType::kCountry, "RUSGOV", "RU")};
    ReadEntityStructure(doc, Lex());
    const Entity* whole = nullptr;
    for (const Entity& e : doc.entities) {
      EXPECT_NE(e.text, "Popular Front");
      if (e.text == "Popular Front for the Liberation of Ruritania") whole = &e;
    }
    ASSERT_NE(whole, nullptr);
    if (country == "RU") {
      ASSERT_TRUE(whole->actor.has_value());
      EXPECT_EQ(whole->actor->code, "RUPTY");
      EXPECT_EQ(whole->actor->text, whole->text);
    } else {
      EXPECT_FALSE(whole->actor.has_value());
    }
  }
}

TEST(EntityStructure, GroupNounsWithAProperModifierOrPossessor) {
  auto e = Read("Police detained five NCP members after the rally on Tuesday.");
  EXPECT_TRUE(Has(e, "ORG NCP|")) << ::testing::PrintToString(e);
  e = Read("Troops arrested three militants of Harrowgate in the raid.");
  EXPECT_TRUE(Has(e, "ORG Harrowgate|")) << ::testing::PrintToString(e);
  e = Read("The Ruritanian Salvation Army's fighters shelled the town overnight.");
  EXPECT_TRUE(Has(e, "ORG Ruritanian Salvation Army|")) << ::testing::PrintToString(e);
  e = Read("Witnesses said Velpar Kiro militants stormed the village on Friday.");
  EXPECT_TRUE(Has(e, "ORG Velpar Kiro|")) << ::testing::PrintToString(e);
  // A capitalised word before a noun that is no group's is no organisation; nor is a name
  // without a head word.
  e = Read("Officials in Dremmel Heights said the Tarvo Summit ended on Sunday.");
  for (const auto& s : e) EXPECT_EQ(s.rfind("ORG", 0), std::string::npos) << s;
}

// A sentence the syntax stage did not parse has no tree: no organisation is read from its name
// structure (the acronyms that speak or are defined are read along its words).
TEST(EntityStructure, NoTreeNoOrganisationFromStructure) {
  static const Parser& words_only = LoadOnce<Parser>([] { return Parser::Load({.scope = ParseScope::kNone}); });
  auto e = Read("Fighters of the Red Valley Brotherhood crossed the river.", {}, {}, &words_only);
  EXPECT_TRUE(e.empty()) << ::testing::PrintToString(e);
  e = Read("Officers fired at the car, QPX said on Tuesday.", {}, {}, &words_only);
  EXPECT_TRUE(Has(e, "ORG QPX|")) << ::testing::PrintToString(e);
}

}  // namespace
}  // namespace eventmill::analyze
