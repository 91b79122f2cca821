// The Coder on Documents built by hand (entities, counts, dates filled here), so the code stage
// is tested apart from the analyzer.
#include "eventmill/code.h"

#include <gtest/gtest.h>

#include "core/data_files.h"
#include "text/sentence_splitter.h"

namespace eventmill {
namespace {

const text::Abbreviations& Abbr() {
  static const text::Abbreviations* abbr = [] {
    auto r = text::Abbreviations::Load(DataFiles(DataDir()));
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return new text::Abbreviations(std::move(*r));
  }();
  return *abbr;
}

const Coder& TheCoder() {
  static Lexicon* lexicon = new Lexicon(*Lexicon::Load());
  static Coder* coder = [] {
    auto c = Coder::Create(*lexicon);
    if (!c.ok()) {
      ADD_FAILURE() << c.status().message();
      std::abort();
    }
    return new Coder(std::move(*c));
  }();
  return *coder;
}

Span Find(const Document& doc, const std::string& s, size_t from = 0) {
  size_t at = doc.text.find(s, from);
  EXPECT_NE(at, std::string::npos) << s;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
}

Document Doc(const std::string& text, const std::string& published = "2022-01-09") {
  Document doc;
  doc.id = "test";
  doc.text = text;
  doc.published = published;
  doc.paragraphs = text::SplitParagraphs(doc.text);
  doc.sentences = text::SplitSentences(doc.text, doc.paragraphs, Abbr());
  return doc;
}

void AddActor(Document& doc, const std::string& mention, const std::string& code, const std::string& cc,
              EntityType type = EntityType::kGroup) {
  for (size_t at = doc.text.find(mention); at != std::string::npos; at = doc.text.find(mention, at + 1)) {
    Entity e;
    e.type = type;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
    e.text = mention;
    e.actor = Actor{.text = mention, .span = e.span, .code = code, .country = cc, .role = code.substr(3, 3)};
    doc.entities.push_back(e);
  }
}

void AddPlace(Document& doc, const std::string& mention, const std::string& name, const std::string& cc,
              const std::string& precision) {
  for (size_t at = doc.text.find(mention); at != std::string::npos; at = doc.text.find(mention, at + 1)) {
    Entity e;
    e.type = precision == "country" ? EntityType::kCountry : EntityType::kPlace;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
    e.text = mention;
    e.place = Place{.name = name, .country = cc, .precision = precision};
    doc.entities.push_back(e);
  }
}

void SortEntities(Document& doc) {
  std::sort(doc.entities.begin(), doc.entities.end(),
            [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
}

TEST(Coder, NoEntitiesStillCodesTheEventWithoutActors) {
  Document doc = Doc("Hundreds of people were arrested after the protest.");
  ASSERT_TRUE(TheCoder().Code(doc).ok());
  ASSERT_FALSE(doc.events.empty());
  EXPECT_EQ(doc.events[0].cameo, "173");
  EXPECT_FALSE(doc.events[0].source);
  EXPECT_EQ(doc.events[0].date.value, "2022-01-09");
  EXPECT_EQ(doc.events[0].date.basis, "published");
}

TEST(Coder, EmptyDocumentHasNoEvents) {
  Document doc;
  ASSERT_TRUE(TheCoder().Code(doc).ok());
  EXPECT_TRUE(doc.events.empty());
}

TEST(Coder, FillsEveryContractField) {
  Document doc = Doc("Police arrested 40 protesters in Almaty on Sunday.");
  AddActor(doc, "Police", "KAZCOP", "KZ");
  AddActor(doc, "protesters", "KAZPRO", "KZ");
  AddPlace(doc, "Almaty", "Almaty", "KZ", "city");
  SortEntities(doc);
  doc.counts.push_back(Count{.kind = "arrested", .value = 40, .qualifier = "exact", .text = "40 protesters",
                             .span = Find(doc, "40 protesters")});
  doc.dates.push_back(DateMention{.span = Find(doc, "on Sunday"), .date = {"2022-01-09", "day", "relative"}});
  ASSERT_TRUE(TheCoder().Code(doc).ok());
  ASSERT_EQ(doc.events.size(), 1u);
  const Event& e = doc.events[0];
  EXPECT_EQ(e.cameo, "173");
  EXPECT_EQ(e.cameo_root, "17");
  EXPECT_EQ(e.quad_class, 4);
  EXPECT_EQ(e.plover, "COERCE");
  // ACLED codes protesters arrested by the police as a protest with intervention, not as arrests.
  EXPECT_EQ(e.acled_sub_event_type, "Protest with intervention");
  ASSERT_TRUE(e.source && e.target);
  EXPECT_EQ(e.source->code, "KAZCOP");
  EXPECT_EQ(e.target->code, "KAZPRO");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->place.name, "Almaty");
  EXPECT_EQ(e.location->span, Find(doc, "Almaty"));
  EXPECT_EQ(e.date.basis, "relative");
  ASSERT_EQ(e.counts.size(), 1u);
  EXPECT_EQ(e.counts[0].value, 40);
  EXPECT_EQ(e.modality, "asserted");
  EXPECT_EQ(e.evidence, doc.sentences[0].span);
  EXPECT_GT(e.confidence, 0.5);
  EXPECT_EQ(e.id.size(), 16u);
  EXPECT_FALSE(e.pattern.empty());
  EXPECT_GE(e.explain.size(), 4u);
}

TEST(Coder, HeadlineAndBodyTellOneEvent) {
  Document doc = Doc(
      "Authorities report the arrest of more than 5,000 people\n\n"
      "5,135 people were arrested throughout Kazakhstan, the ministry said. About 300 people were arrested at the "
      "border.");
  doc.title = "Authorities report the arrest of more than 5,000 people";
  AddPlace(doc, "Kazakhstan", "Kazakhstan", "KZ", "country");
  AddActor(doc, "ministry", "KAZGOV", "KZ", EntityType::kOrg);
  SortEntities(doc);
  doc.counts.push_back(Count{.kind = "arrested", .value = 5000, .qualifier = "more_than", .span = Find(doc, "5,000")});
  doc.counts.push_back(Count{.kind = "arrested", .value = 5135, .qualifier = "exact", .span = Find(doc, "5,135")});
  doc.counts.push_back(Count{.kind = "arrested", .value = 300, .qualifier = "about", .span = Find(doc, "About 300")});
  ASSERT_TRUE(TheCoder().Code(doc).ok());
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].counts.at(0).value, 5135);  // the exact figure wins
  EXPECT_EQ(doc.events[0].location->place.name, "Kazakhstan");
  ASSERT_TRUE(doc.events[0].source);
  EXPECT_EQ(doc.events[0].source->code, "KAZGOV");  // no agent named: the authority
  EXPECT_EQ(doc.events[1].counts.at(0).value, 300);
  // The second arrest names no place: the article's main place stands in, with no span.
  ASSERT_TRUE(doc.events[1].location);
  EXPECT_TRUE(doc.events[1].location->span.empty());
}

TEST(Coder, PronounRefersBackToTheLastPerson) {
  Document doc = Doc("Durr fled the scene. Later he stabbed Davis in Chiefland.", "2009-03-23");
  AddActor(doc, "Durr", "USACRM", "US", EntityType::kPerson);
  AddActor(doc, "Davis", "USACVL", "US", EntityType::kPerson);
  AddPlace(doc, "Chiefland", "Chiefland", "US", "city");
  SortEntities(doc);
  ASSERT_TRUE(TheCoder().Code(doc).ok());
  ASSERT_EQ(doc.events.size(), 1u);
  ASSERT_TRUE(doc.events[0].source);
  EXPECT_EQ(doc.events[0].source->text, "Durr");
  EXPECT_EQ(doc.events[0].target->text, "Davis");
}

TEST(Coder, SubjectThatOnlyWitnessesIsNotTheSourceOfANoun) {
  Document doc = Doc("Kazakhstan has witnessed massive demonstrations since January.");
  AddPlace(doc, "Kazakhstan", "Kazakhstan", "KZ", "country");
  SortEntities(doc);
  ASSERT_TRUE(TheCoder().Code(doc).ok());
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].cameo_root, "14");
  EXPECT_FALSE(doc.events[0].source);
}

TEST(Coder, BoilerplateSentencesAreSkipped) {
  Document doc = Doc("Source: RT reports police detain 40 in raid\n\nRead more: gunmen kill seven in ambush");
  ASSERT_TRUE(TheCoder().Code(doc).ok());
  EXPECT_TRUE(doc.events.empty());
}

TEST(Coder, SameInputSameIds) {
  Document a = Doc("Gunmen attacked a checkpoint.");
  Document b = Doc("Gunmen attacked a checkpoint.");
  ASSERT_TRUE(TheCoder().Code(a).ok());
  ASSERT_TRUE(TheCoder().Code(b).ok());
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].id, b.events[0].id);
}

TEST(Coder, MissingPatternsDirectoryIsAnError) {
  auto lexicon = Lexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  auto c = Coder::Create(*lexicon, CodeOptions{.patterns_dir = "/nonexistent/patterns"});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("/nonexistent/patterns"), std::string::npos);
}

}  // namespace
}  // namespace eventmill
