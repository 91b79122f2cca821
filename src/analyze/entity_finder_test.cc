// EntityFinder and PlaceResolver against the full compiled lexicon (build/lexicon.bin; the tests
// skip when it has not been built) and the tricky-case tables in tests/golden/entities/*.cases.
#include "analyze/entity_finder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "analyze/entity_structure.h"
#include "analyze/facts.h"
#include "analyze/person_actors.h"
#include "analyze/place_resolver.h"
#include "core/load_once_for_tests.h"
#include "eventmill/data_dir.h"
#include "syntax/word_splitter.h"
#include "text/sentence_splitter.h"

namespace eventmill::analyze {
namespace {

const Lexicon* FullLexicon() {
  static Result<Lexicon>* lex = new Result<Lexicon>(Lexicon::Load());
  return lex->ok() ? &lex->value() : nullptr;
}

#define NEED_LEXICON()                                                                  \
  const Lexicon* lex = FullLexicon();                                                   \
  if (!lex) GTEST_SKIP() << "compiled lexicon missing: run `eventmill dict build` first"

// "LAT,LON" within `km` of (lat, lon), great-circle.
bool WithinKm(const std::string& spec, double lat, double lon, double km) {
  double a = 0, o = 0;
  if (std::sscanf(spec.c_str(), "%lf,%lf", &a, &o) != 2) return false;
  const double r = M_PI / 180;
  double x = std::sin((lat - a) * r / 2), y = std::sin((lon - o) * r / 2);
  double h = x * x + std::cos(a * r) * std::cos(lat * r) * y * y;
  return 12742.0 * std::asin(std::min(1.0, std::sqrt(h))) <= km;
}

std::string Describe(const Entity& e) {
  std::string s = std::string(EntityTypeName(e.type)) + " \"" + e.text + "\"";
  if (!e.role.empty()) s += " role=" + e.role;
  if (e.actor) s += " actor=" + e.actor->code;
  if (e.place) s += " place=" + e.place->name + "/" + e.place->country;
  return s;
}

std::vector<Entity> Find(const Lexicon& lex, std::string text, std::string title = "") {
  Document doc;
  doc.text = std::move(text);
  doc.title = std::move(title);
  EntityFinder(lex).Find(doc);
  return doc.entities;
}

// The finder reads the document's words off doc.tokens (one tokenization per document): words
// that are not on it are not read, and a document without tokens gets the same words split.
TEST(EntityFinder, ReadsTheWordsOnDocTokens) {
  NEED_LEXICON();
  Document doc;
  doc.text = "Kazakh President Kassym-Jomart Tokayev visited Almaty. Then he flew to Paris.";
  const uint32_t second = static_cast<uint32_t>(doc.text.find("Then"));
  Document plain = doc;
  // The tokens of the first sentence only, as the syntax stage splits words.
  for (std::string_view w : {"Kazakh", "President", "Kassym", "-", "Jomart", "Tokayev", "visited", "Almaty", "."}) {
    const uint32_t b = static_cast<uint32_t>(doc.text.find(w, doc.tokens.empty() ? 0 : doc.tokens.back().span.end));
    doc.tokens.emplace_back().span = Span{b, b + static_cast<uint32_t>(w.size())};
  }
  // plain is read first, on the same thread: nothing of its words may reach doc's reading.
  EntityFinder(*lex).Find(plain);
  EntityFinder(*lex).Find(doc);
  size_t first_sentence = 0;
  bool paris = false;
  for (const Entity& e : plain.entities) {
    if (e.span.end <= second) ++first_sentence;
    paris |= e.text == "Paris";
  }
  EXPECT_TRUE(paris);  // read from the words split when the document has no tokens
  ASSERT_EQ(doc.entities.size(), first_sentence);
  for (size_t i = 0; i < doc.entities.size(); ++i) EXPECT_EQ(Describe(doc.entities[i]), Describe(plain.entities[i]));
  bool tokayev = false;
  for (const Entity& e : doc.entities) tokayev |= e.text == "Kassym-Jomart Tokayev" && e.type == EntityType::kPerson;
  EXPECT_TRUE(tokayev);
}

// The entity reading of the Analyzer: the finder's dictionary pass, then the structure around
// names (entity_structure: appositions, roles) and the people's actors from their roles.
std::vector<Entity> FindWithStructure(const Lexicon& lex, std::string text, std::string title = "") {
  const AnalyzeData& data = LoadOnce<AnalyzeData>([] { return AnalyzeData::Load(DataFiles(DataDir())); });
  Document doc;
  doc.text = std::move(text);
  doc.title = std::move(title);
  doc.paragraphs = text::SplitParagraphs(doc.text);
  doc.sentences = text::SplitSentences(doc.text, doc.paragraphs, data.abbreviations);
  for (Sentence& s : doc.sentences) {
    std::vector<Span> words;
    syntax::SplitWords(doc.text, s.span, &words);
    s.token_begin = static_cast<uint32_t>(doc.tokens.size());
    for (Span w : words) doc.tokens.emplace_back().span = w;
    s.token_end = static_cast<uint32_t>(doc.tokens.size());
  }
  EntityFinder(lex).Find(doc);
  ReadEntityStructure(doc, data.entity_structure);
  GivePeopleActors(doc, data.person_roles, lex);
  return doc.entities;
}

// The entities of `doc` as the Analyzer reads them (finder, structure, people's actors), one
// line each with its span.
std::vector<std::string> ReadEntities(const Lexicon& lex, Document doc) {
  const AnalyzeData& data = LoadOnce<AnalyzeData>([] { return AnalyzeData::Load(DataFiles(DataDir())); });
  EntityFinder(lex).Find(doc);
  ReadEntityStructure(doc, data.entity_structure);
  GivePeopleActors(doc, data.person_roles, lex);
  std::vector<std::string> lines;
  for (const Entity& e : doc.entities) {
    lines.push_back(Describe(e) + " [" + std::to_string(e.span.begin) + "," + std::to_string(e.span.end) + ")");
  }
  return lines;
}

// A document's entities do not depend on the documents read before it on the same thread (the
// finder and the place resolver keep working memory per thread): documents A, B, A' read in turn,
// A' a copy of A, each give what a first reading on a thread of its own gives. A has words on
// doc.tokens for its first sentence only, B (longer, other places and people) none: A' must not
// get B's words, nor A's second sentence, from memory left by the reading before.
TEST(EntityFinder, ReadsEachDocumentAsIfAlone) {
  NEED_LEXICON();
  Document a;
  a.text = "Kazakh President Kassym-Jomart Tokayev visited Almaty. Then he flew to Paris and Lyon.";
  for (std::string_view w : {"Kazakh", "President", "Kassym", "-", "Jomart", "Tokayev", "visited", "Almaty", "."}) {
    const uint32_t b = static_cast<uint32_t>(a.text.find(w, a.tokens.empty() ? 0 : a.tokens.back().span.end));
    a.tokens.emplace_back().span = Span{b, b + static_cast<uint32_t>(w.size())};
  }
  Document b;
  b.text = "BAMAKO, Mali (Reuters) - Soldiers clashed with rebels near Gao and Timbuktu on Sunday, the army said. "
           "Mali's defence minister, Sadio Camara, told reporters in Bamako that 14 rebels were killed. "
           "Residents of Kidal fled towards Algeria, the city's deputy mayor said, and police in Niamey, Niger, "
           "arrested two men. French President Emmanuel Macron spoke with Nigerien officials in Paris.";
  {  // B's sentences and words as the Analyzer puts them when no syntax stage ran
    const AnalyzeData& data = LoadOnce<AnalyzeData>([] { return AnalyzeData::Load(DataFiles(DataDir())); });
    b.paragraphs = text::SplitParagraphs(b.text);
    b.sentences = text::SplitSentences(b.text, b.paragraphs, data.abbreviations);
    for (Sentence& s : b.sentences) {
      std::vector<Span> words;
      syntax::SplitWords(b.text, s.span, &words);
      s.token_begin = static_cast<uint32_t>(b.tokens.size());
      for (Span w : words) b.tokens.emplace_back().span = w;
      s.token_end = static_cast<uint32_t>(b.tokens.size());
    }
  }
  const std::vector<const Document*> order = {&a, &b, &a};
  std::vector<std::vector<std::string>> alone(order.size()), in_turn(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    std::thread([&, i] { alone[i] = ReadEntities(*lex, *order[i]); }).join();
  }
  std::thread([&] {
    for (size_t i = 0; i < order.size(); ++i) in_turn[i] = ReadEntities(*lex, *order[i]);
  }).join();
  for (size_t i = 0; i < order.size(); ++i) {
    EXPECT_EQ(in_turn[i], alone[i]) << "document " << i << " read after " << i << " others";
  }
  EXPECT_FALSE(alone[1].empty());
  for (const std::string& line : alone[0]) EXPECT_EQ(line.find("Paris"), std::string::npos) << line;
}

TEST(EntityFinder, SpansIndexTheTextAndAreSorted) {
  NEED_LEXICON();
  std::string text = "«Президент» Kazakh President Kassym-Jomart Tokayev visited Almaty.";
  auto ents = Find(*lex, text);
  ASSERT_FALSE(ents.empty());
  for (size_t i = 0; i < ents.size(); ++i) {
    EXPECT_EQ(text.substr(ents[i].span.begin, ents[i].span.size()), ents[i].text);
    if (i) {
      EXPECT_LE(ents[i - 1].span.begin, ents[i].span.begin);
    }
  }
}

TEST(EntityFinder, EmptyAndPunctuationOnlyTextGiveNothing) {
  NEED_LEXICON();
  EXPECT_TRUE(Find(*lex, "").empty());
  EXPECT_TRUE(Find(*lex, "... ,,, !!! \n\n").empty());
}

TEST(EntityFinder, UnqualifiedPoliceTakeTheDominantCountry) {
  NEED_LEXICON();
  auto ents = Find(*lex, "Clashes spread across Kazakhstan and Almaty. Police fired tear gas.");
  bool found = false;
  for (const auto& e : ents) {
    if (e.text == "Police") {
      found = true;
      ASSERT_TRUE(e.actor);
      EXPECT_EQ(e.actor->code, "KAZCOP");
      EXPECT_EQ(e.type, EntityType::kGroup);
    }
  }
  EXPECT_TRUE(found);
}

// A text over 1 MB is read in parts at paragraph breaks: the same entities as each paragraph
// alone gives, in order, with spans into the whole text, and a Diagnostic that says so.
TEST(EntityFinder, LongTextIsReadInPartsWithTheSameEntities) {
  NEED_LEXICON();
  const std::string para = "Police in Almaty detained forty protesters on Sunday, Kazakh officials said.\n\n";
  Document one;
  one.text = para;
  EntityFinder(*lex).Find(one);
  ASSERT_FALSE(one.entities.empty());
  Document doc;
  const size_t copies = (size_t{5} << 20) / para.size() / 2;  // about 2.5 MB
  for (size_t i = 0; i < copies; ++i) doc.text += para;
  EntityFinder(*lex).Find(doc);
  ASSERT_EQ(doc.entities.size(), one.entities.size() * copies);
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    const Entity& want = one.entities[i % one.entities.size()];
    ASSERT_EQ(e.text, want.text) << i;
    ASSERT_EQ(e.span.begin, want.span.begin + (i / one.entities.size()) * para.size()) << i;
    ASSERT_EQ(e.actor.has_value(), want.actor.has_value()) << i;
    if (e.actor) {
      ASSERT_EQ(e.actor->code, want.actor->code) << i;
    }
  }
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_EQ(doc.diagnostics[0].stage, "analyze");
}

// Runs every case of tests/golden/entities/*.cases.
TEST(EntityFinder, TrickyCaseTables) {
  NEED_LEXICON();
  namespace fs = std::filesystem;
  int cases = 0;
  for (const auto& f : fs::directory_iterator("tests/golden/entities")) {
    if (f.path().extension() != ".cases") continue;
    std::ifstream in(f.path());
    std::string line, text, title;
    std::vector<std::pair<bool, std::string>> checks;
    int line_no = 0, case_line = 0;
    auto run = [&] {
      if (text.empty()) return;
      ++cases;
      auto ents = FindWithStructure(*lex, text, title);
      std::string got;
      for (const auto& e : ents) got += "    " + Describe(e) + "\n";
      for (const auto& [expect, spec] : checks) {
        // TYPE "text" key=value...
        size_t q1 = spec.find('"'), q2 = spec.rfind('"');
        std::string type = spec.substr(0, q1 - 1), etext = spec.substr(q1 + 1, q2 - q1 - 1);
        size_t nl;
        while ((nl = etext.find("\\n")) != std::string::npos) etext.replace(nl, 2, "\n");
        std::map<std::string, std::string> want;
        std::string rest = spec.substr(q2 + 1);
        // values may hold spaces ("role=deputy mayor"): split at " key=".
        size_t pos = 0;
        while ((pos = rest.find('=', pos)) != std::string::npos) {
          size_t ks = rest.rfind(' ', pos) + 1;
          size_t next = rest.find('=', pos + 1);
          size_t ve = next == std::string::npos ? rest.size() : rest.rfind(' ', next);
          want[rest.substr(ks, pos - ks)] = rest.substr(pos + 1, ve - pos - 1);
          pos = ve;
        }
        bool hit = false;
        for (const auto& e : ents) {
          if (EntityTypeName(e.type) != type || e.text != etext) continue;
          bool ok = true;
          for (const auto& [k, v] : want) {
            if (k == "role") ok &= e.role == v;
            else if (k == "actor") ok &= e.actor && e.actor->code == v;
            else if (k == "country") ok &= (e.place && e.place->country == v) || (e.actor && e.actor->country == v);
            else if (k == "canonical") ok &= e.canonical == v;
            else if (k == "kind") ok &= e.kind == v;
            else if (k == "admin1") ok &= e.place && e.place->admin1 == v;
            else if (k == "precision") ok &= e.place && e.place->precision == v;
            else if (k == "near") ok &= e.place && e.place->lat && e.place->lon && WithinKm(v, *e.place->lat, *e.place->lon, 161);
            else ok = false;  // an unknown key never passes
          }
          hit |= ok;
        }
        if (expect) {
          EXPECT_TRUE(hit) << f.path().string() << ":" << case_line << ": expected " << spec << "\n  in: " << text << "\n  got:\n" << got;
        } else {
          EXPECT_FALSE(hit) << f.path().string() << ":" << case_line << ": unexpected " << spec << "\n  in: " << text << "\n  got:\n" << got;
        }
      }
    };
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      if (line == "----") {
        run();
        text.clear();
        title.clear();
        checks.clear();
      } else if (line.rfind("title: ", 0) == 0) {
        title = line.substr(7);
      } else if (line.rfind("text: ", 0) == 0) {
        text = line.substr(6);
        size_t nl;
        while ((nl = text.find("\\n")) != std::string::npos) text.replace(nl, 2, "\n");
        case_line = line_no;
      } else if (line.rfind("expect: ", 0) == 0) {
        checks.push_back({true, line.substr(8)});
      } else if (line.rfind("reject: ", 0) == 0) {
        checks.push_back({false, line.substr(8)});
      } else {
        ADD_FAILURE() << f.path().string() << ":" << line_no << ": cannot read '" << line << "'";
      }
    }
    run();
  }
  EXPECT_GT(cases, 10);
}

// One test per step of EntityFinder::Pass (entity_finder.cc), in the order Run calls them.
const Entity* FindEntity(const std::vector<Entity>& ents, EntityType type, const std::string& text) {
  for (const auto& e : ents)
    if (e.type == type && e.text == text) return &e;
  return nullptr;
}

TEST(EntityFinderSteps, NamedActorsFromTheDictionary) {  // 1.
  NEED_LEXICON();
  auto ents = Find(*lex, "CSTO troops arrived in Kazakhstan.");
  const Entity* e = FindEntity(ents, EntityType::kOrg, "CSTO");
  ASSERT_TRUE(e);
  ASSERT_TRUE(e->actor);
  EXPECT_EQ(e->actor->code, "IGOCSTO");
}

TEST(EntityFinderSteps, OrganisationsByTheirHeadWord) {  // 2.
  NEED_LEXICON();
  auto ents = Find(*lex, "The Interior Ministry of Kazakhstan said on Monday.");
  const Entity* e = FindEntity(ents, EntityType::kOrg, "Interior Ministry");
  ASSERT_TRUE(e);
  ASSERT_TRUE(e->actor);
  EXPECT_EQ(e->actor->code, "KAZCOP");
}

TEST(EntityFinderSteps, PeopleByTitleAndLaterBySurname) {  // 3.
  NEED_LEXICON();
  auto ents = Find(*lex, "Kazakh President Kassym-Jomart Tokayev spoke. Later Tokayev said more.");
  const Entity* full = FindEntity(ents, EntityType::kPerson, "Kassym-Jomart Tokayev");
  ASSERT_TRUE(full);
  EXPECT_EQ(full->role, "President");
  const Entity* surname = FindEntity(ents, EntityType::kPerson, "Tokayev");
  ASSERT_TRUE(surname);
  EXPECT_EQ(surname->canonical, "Kassym-Jomart Tokayev");
  ASSERT_TRUE(surname->actor);
  EXPECT_EQ(surname->actor->code, "KAZGOV");
}

TEST(EntityFinderSteps, AnUnknownNameOfTwoWordsIsAPerson) {  // 3.
  NEED_LEXICON();
  auto ents = Find(*lex, "Davinio Catbagan, 34, was detained in Almaty.");
  EXPECT_TRUE(FindEntity(ents, EntityType::kPerson, "Davinio Catbagan"));
}

TEST(EntityFinderSteps, NamesListedBeforeCountiesAreCounties) {  // 4.
  NEED_LEXICON();
  auto ents = Find(*lex, "Flooding hit Geauga and Medina counties in Ohio.");
  for (const char* name : {"Geauga", "Medina"}) {
    const Entity* e = FindEntity(ents, EntityType::kPlace, name);
    ASSERT_TRUE(e && e->place) << name;
    EXPECT_EQ(e->place->name, std::string(name) + " County");
    EXPECT_EQ(e->place->country, "US");
  }
}

TEST(EntityFinderSteps, APlaceTakesTheRegionWrittenAfterIt) {  // 4. and 5.
  NEED_LEXICON();
  auto ents = Find(*lex, "He lives in Paris, Texas, with his family.");
  const Entity* e = FindEntity(ents, EntityType::kPlace, "Paris");
  ASSERT_TRUE(e && e->place);
  EXPECT_EQ(e->place->country, "US");
}

TEST(EntityFinderSteps, GroupsTakeTheCountryOfTheirModifier) {  // 7.
  NEED_LEXICON();
  auto ents = Find(*lex, "Kazakh security forces clashed with protesters in Almaty.");
  const Entity* forces = FindEntity(ents, EntityType::kGroup, "Kazakh security forces");
  ASSERT_TRUE(forces && forces->actor);
  EXPECT_EQ(forces->actor->code, "KAZCOP");
  const Entity* protesters = FindEntity(ents, EntityType::kGroup, "protesters");
  ASSERT_TRUE(protesters && protesters->actor);
  EXPECT_EQ(protesters->actor->code, "KAZPRO");
}

TEST(EntityFinderSteps, ASpellingTheGazetteerLacksIsMatchedAmongTheArticlesPlaces) {  // 6.
  NEED_LEXICON();
  auto ents = Find(*lex, "Protests spread from Almaty to Zhanauzen and Aktau in Kazakhstan.");
  const Entity* e = FindEntity(ents, EntityType::kPlace, "Zhanauzen");
  ASSERT_TRUE(e && e->place);
  EXPECT_EQ(e->canonical, "Zhanaozen");
  EXPECT_EQ(e->place->country, "KZ");
}

TEST(EntityFinderSteps, BareActorsTakeTheArticlesCountry) {  // 5. and 8.
  NEED_LEXICON();
  auto ents = Find(*lex, "Police in Almaty said the city's mayor resigned.");
  const Entity* e = FindEntity(ents, EntityType::kGroup, "Police");
  ASSERT_TRUE(e && e->actor);
  EXPECT_EQ(e->actor->code, "KAZCOP");
}

TEST(PlaceResolver, BoundedEditDistance) {
  EXPECT_EQ(BoundedEditDistance("zhanauzen", "zhanaozen", 2), 1);
  EXPECT_EQ(BoundedEditDistance("almaty", "almaty", 1), 0);
  EXPECT_GT(BoundedEditDistance("almaty", "astana", 1), 1);
  EXPECT_EQ(BoundedEditDistance("", "abc", 5), 3);
}

TEST(PlaceResolver, FuzzyFindStaysInTheGivenCountries) {
  NEED_LEXICON();
  PlaceResolver r(*lex);
  int64_t kz = r.FuzzyFind("zhanauzen", {"KZ"});
  ASSERT_GE(kz, 0);
  EXPECT_EQ(r.ToPlace(static_cast<uint32_t>(kz)).name, "Zhanaozen");
  EXPECT_LT(r.FuzzyFind("zhanauzen", {"FR"}), 0);
  EXPECT_LT(r.FuzzyFind("abc", {"KZ"}), 0) << "short words are never fuzzy-matched";
}

}  // namespace
}  // namespace eventmill::analyze
