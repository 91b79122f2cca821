#include "analyze/quote_attributor.h"

#include <gtest/gtest.h>

#include "core/load_once_for_tests.h"
#include "analyze/facts.h"
#include "eventmill/data_dir.h"
#include "text/sentence_splitter.h"

namespace eventmill::analyze {
namespace {

// The project's analyze data, loaded once for the tests of this file.
const AnalyzeData& Data() {
  return LoadOnce<AnalyzeData>([] { return AnalyzeData::Load(DataFiles(DataDir())); });
}

std::vector<Quote> Quotes(Document& doc) {
  doc.paragraphs = text::SplitParagraphs(doc.text);
  doc.sentences = text::SplitSentences(doc.text, doc.paragraphs, Data().abbreviations);
  QuoteAttributor(Data().quotes, Data().abbreviations).Attribute(doc);
  return doc.quotes;
}

TEST(QuoteAttributor, FindsCurlyAndStraightQuotesWithSpansInsideTheMarks) {
  std::string text = "\xE2\x80\x9CWe are safe,\xE2\x80\x9D said Ann Lee. \"Go home,\" Bob Smith said.";
  auto spans = FindQuotedSpans(text, text::SplitParagraphs(text));
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].size()), "We are safe,");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "Go home,");
}

TEST(QuoteAttributor, NamesSpeakerAndRoleFromAnAppositive) {
  Document doc;
  doc.text = "\xE2\x80\x9CThere is stability,\xE2\x80\x9D said Yerzan Babakomarov, the city\xE2\x80\x99s deputy mayor.";
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Yerzan Babakomarov");
  EXPECT_EQ(q[0].speaker_role, "deputy mayor");
  EXPECT_EQ(doc[q[0].span], "There is stability,");
}

TEST(QuoteAttributor, HeAddedIsTheLastSpeaker) {
  Document doc;
  doc.text = "The ministry of the interior said little.\n\n\"We detained 40,\" Interior Minister Ivan Petrov said.\n\n"
             "He added, \"Others fled.\"";
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].speaker, "Ivan Petrov");
  EXPECT_EQ(q[0].speaker_role, "Interior Minister");
}

TEST(QuoteAttributor, UsesEntitiesForNamesRolesAndActors) {
  Document doc;
  doc.text = "\"We will win,\" said Tokayev.";
  Entity e;
  e.type = EntityType::kPerson;
  e.text = "Tokayev";
  e.span = {20, 27};
  e.role = "President";
  Actor a;
  a.code = "KAZGOV";
  e.actor = a;
  doc.entities.push_back(e);
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Tokayev");
  EXPECT_EQ(q[0].speaker_role, "President");
  ASSERT_TRUE(q[0].speaker_actor.has_value());
  EXPECT_EQ(q[0].speaker_actor->code, "KAZGOV");
}

TEST(QuoteAttributor, QuoteRunsOnIntoTheNextParagraph) {
  Document doc;
  doc.text = "\xE2\x80\x9CWe lost everything.\n\n\xE2\x80\x9CNobody came,\xE2\x80\x9D said Maria Lopez.";
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "We lost everything. Nobody came,");
  EXPECT_EQ(q[0].speaker, "Maria Lopez");
}

TEST(QuoteAttributor, NoQuoteMarksNoQuotes) {
  Document doc;
  doc.text = "The Smiths' 4\" pipe burst, the city's engineer said.";
  EXPECT_TRUE(Quotes(doc).empty());
}

}  // namespace
}  // namespace eventmill::analyze
