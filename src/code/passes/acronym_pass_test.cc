#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

void AddOrg(Document& doc, const std::string& mention) {
  for (size_t at = doc.text.find(mention); at != std::string::npos; at = doc.text.find(mention, at + 1)) {
    Entity e;
    e.type = EntityType::kOrg;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
    e.text = mention;
    doc.entities.push_back(e);
  }
  std::sort(doc.entities.begin(), doc.entities.end(),
            [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
}

const Entity* EntityAt(const Document& doc, const std::string& text, size_t nth) {
  for (const Entity& e : doc.entities) {
    if (e.text == text && nth-- == 0) return &e;
  }
  return nullptr;
}

TEST(AcronymPass, AnAcronymTakesTheActorOfItsLongForm) {
  Document doc = Doc("The African Union Mission in Somalia (AUMIS) sent patrols. AUMIS's spokesman, Ali Noor, said so.");
  AddActor(doc, "African Union", "IGOAFU", "", EntityType::kOrg);
  AddOrg(doc, "AUMIS");
  ExpandAcronyms(doc);
  for (size_t k = 0; k < 2; ++k) {
    const Entity* e = EntityAt(doc, "AUMIS", k);
    ASSERT_NE(e, nullptr);
    ASSERT_TRUE(e->actor) << k;
    EXPECT_EQ(e->actor->code, "IGOAFU");
    EXPECT_EQ(e->actor->span, e->span);
  }
}

TEST(AcronymPass, InitialsThatDoNotSpellItLeaveItAlone) {
  Document doc = Doc("The African Union said the group (WXYZ) would talk.");
  AddActor(doc, "African Union", "IGOAFU", "", EntityType::kOrg);
  AddOrg(doc, "WXYZ");
  ExpandAcronyms(doc);
  EXPECT_FALSE(EntityAt(doc, "WXYZ", 0)->actor);
}

TEST(AcronymPass, TheLongFormMustOpenWithTheCodedEntity) {
  // "Kenya" inside the long form is not what the acronym names.
  Document doc = Doc("The Independent Electoral Commission of Kenya (IECK) met.");
  AddActor(doc, "Kenya", "KENGOV", "KE", EntityType::kCountry);
  AddOrg(doc, "IECK");
  ExpandAcronyms(doc);
  EXPECT_FALSE(EntityAt(doc, "IECK", 0)->actor);
}

}  // namespace
}  // namespace eventmill::code
