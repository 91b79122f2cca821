#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eventmill/data_dir.h"

namespace eventmill::text {
namespace {

const Abbreviations& Abbr() {
  static const Abbreviations abbr = [] {
    auto r = Abbreviations::Load(DataFiles(DataDir()));
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : Abbreviations();
  }();
  return abbr;
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text, SplitParagraphs(text), Abbr()))
    out.emplace_back(text.substr(s.span.begin, s.span.size()));
  return out;
}

TEST(SentenceSplitter, SplitsBeforeCapitalsBeyondLatin1) {
  EXPECT_EQ(Split("Police came to Warsaw. Łódź stayed calm. Škoda workers marched."),
            (std::vector<std::string>{"Police came to Warsaw.", "Łódź stayed calm.", "Škoda workers marched."}));
}

TEST(SentenceSplitter, SplitsAtFullStops) {
  EXPECT_EQ(Split("Police came. They left! Why? Nobody knows."),
            (std::vector<std::string>{"Police came.", "They left!", "Why?", "Nobody knows."}));
}

TEST(SentenceSplitter, KeepsTitlesAndInitialsInside) {
  EXPECT_EQ(Split("Mr. Smith met Gov. Schwarzenegger. Todd D. Kresin, 38, was held."),
            (std::vector<std::string>{"Mr. Smith met Gov. Schwarzenegger.", "Todd D. Kresin, 38, was held."}));
}

TEST(SentenceSplitter, KeepsDottedAbbreviationsInside) {
  EXPECT_EQ(Split("The U.S. Embassy said on Jan. 5 that 3 Ind. fugitives fled to La. Monroe was calm."),
            (std::vector<std::string>{"The U.S. Embassy said on Jan. 5 that 3 Ind. fugitives fled to La. Monroe was calm."}));
}

TEST(SentenceSplitter, AbbreviationEndsSentenceBeforeAStarter) {
  EXPECT_EQ(Split("He arrived at 7 p.m. The police left at 9 a.m. on Sunday."),
            (std::vector<std::string>{"He arrived at 7 p.m.", "The police left at 9 a.m. on Sunday."}));
  EXPECT_EQ(Split("They live in the U.S. He does not."),
            (std::vector<std::string>{"They live in the U.S.", "He does not."}));
}

TEST(SentenceSplitter, KeepsDecimalsAndNumbersInside) {
  EXPECT_EQ(Split("More than 1.3 thousand were hurt. 5,135 people were arrested."),
            (std::vector<std::string>{"More than 1.3 thousand were hurt.", "5,135 people were arrested."}));
}

TEST(SentenceSplitter, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(Split("\"We are safe.\" Police said so. \"Why?\" he asked."),
            (std::vector<std::string>{"\"We are safe.\"", "Police said so.", "\"Why?\" he asked."}));
  EXPECT_EQ(Split("\xE2\x80\x9CIt is over.\xE2\x80\x9D He left."),
            (std::vector<std::string>{"\xE2\x80\x9CIt is over.\xE2\x80\x9D", "He left."}));
}

TEST(SentenceSplitter, EllipsisBeforeCapitalEndsSentence) {
  EXPECT_EQ(Split("There is stability\xE2\x80\xA6 Despite that, clashes go on."),
            (std::vector<std::string>{"There is stability\xE2\x80\xA6", "Despite that, clashes go on."}));
  EXPECT_EQ(Split("Wait... and see."), (std::vector<std::string>{"Wait... and see."}));
}

TEST(SentenceSplitter, ParagraphAndLineBreaksEndSentences) {
  EXPECT_EQ(Split("Headline without stop\n\nFirst para. Second\n\nThird"),
            (std::vector<std::string>{"Headline without stop", "First para.", "Second", "Third"}));
  std::string text = "a.\n\nb.";
  auto sentences = SplitSentences(text, SplitParagraphs(text), Abbr());
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].paragraph, 0u);
  EXPECT_EQ(sentences[1].paragraph, 1u);
}

TEST(SentenceSplitter, SplitsGluedSentences) {
  EXPECT_EQ(Split("a rolling meth lab.Commercial Vehicle Officer Rogers stopped it."),
            (std::vector<std::string>{"a rolling meth lab.", "Commercial Vehicle Officer Rogers stopped it."}));
}

TEST(SentenceSplitter, LowerCaseAfterStopDoesNotSplit) {
  EXPECT_EQ(Split("\"Why not?\" he asked. Fine."),
            (std::vector<std::string>{"\"Why not?\" he asked.", "Fine."}));
}

TEST(SentenceSplitter, PlainTextLinesArePara) {
  auto paras = SplitParagraphs("one\ntwo\nthree");
  EXPECT_EQ(paras.size(), 3u);
}

TEST(SentenceSplitter, SpansIndexTheText) {
  std::string text = "  Alpha beta.  Gamma.  ";
  for (const Sentence& s : SplitSentences(text, SplitParagraphs(text), Abbr())) {
    EXPECT_NE(text[s.span.begin], ' ');
    EXPECT_NE(text[s.span.end - 1], ' ');
  }
}

}  // namespace
}  // namespace eventmill::text
