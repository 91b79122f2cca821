#include "syntax/word_splitter.h"

#include <gtest/gtest.h>

#include <string>

namespace eventmill::syntax {
namespace {

std::string Words(std::string_view text) {
  std::vector<Span> spans;
  SplitWords(text, Span{0, uint32_t(text.size())}, &spans);
  std::string out;
  for (Span s : spans) out += (out.empty() ? "" : "|") + std::string(text.substr(s.begin, s.size()));
  return out;
}

TEST(WordSplitter, SplitsCliticsTheTreebankWay) {
  EXPECT_EQ(Words("Police didn't say."), "Police|did|n't|say|.");
  EXPECT_EQ(Words("The city's mayor can't go"), "The|city|'s|mayor|ca|n't|go");
  EXPECT_EQ(Words("We cannot and they’ll"), "We|can|not|and|they|’ll");
}

TEST(WordSplitter, SplitsHyphensKeepsAbbreviations) {
  EXPECT_EQ(Words("a 24-year-old man"), "a|24|-|year|-|old|man");
  EXPECT_EQ(Words("Mr. Smith left the U.S. on Monday."), "Mr.|Smith|left|the|U.S.|on|Monday|.");
  EXPECT_EQ(Words("5,135 people"), "5,135|people");
}

// JoinWords(SplitWords(x)) gives back text::Tokenize(x), token for token (span, kind, capitals, digits).
void ExpectJoinedBack(std::string_view text) {
  Span all{0, uint32_t(text.size())};
  std::vector<Span> spans;
  SplitWords(text, all, &spans);
  std::vector<text::Token> joined = JoinWords(text, spans.data(), spans.size());
  std::vector<text::Token> tokens = text::Tokenize(text, all);
  ASSERT_EQ(joined.size(), tokens.size()) << text;
  for (size_t i = 0; i < tokens.size(); ++i) {
    SCOPED_TRACE(std::string(text) + " token " + std::to_string(i));
    EXPECT_EQ(joined[i].span.begin, tokens[i].span.begin);
    EXPECT_EQ(joined[i].span.end, tokens[i].span.end);
    EXPECT_EQ(int(joined[i].kind), int(tokens[i].kind));
    EXPECT_EQ(joined[i].capitalized, tokens[i].capitalized);
    EXPECT_EQ(joined[i].has_digit, tokens[i].has_digit);
  }
}

TEST(WordSplitter, JoinWordsGivesBackTheTokenizersTokens) {
  for (std::string_view text : {
           "Police didn't say.", "The city's mayor can't go", "We cannot and they’ll", "a 24-year-old man",
           "Mr. Smith left the U.S. on Monday.", "5,135 people", "the U.S.-led force", "Gen. J. Doe (AP) said:",
           "“We won’t go,” he said — 3,000-strong, 1.5-2 km", "x-cannot don't-care city's-best", "5,1234 people; 1990's",
           "Ms. Łódź-Škoda's 10 a.m. talks", "e.g. a.b.c-d. 'quoted' ‘single’ «guillemets»", "", "  \xE2\x80\x99s it",
           "Ten Sent to Pre-Trial Custody...", "St. Louis-based Dr. No's men 7-Eleven G20 3rd"}) {
    ExpectJoinedBack(text);
  }
}

TEST(WordSplitter, SentenceTokensReadsDocTokens) {
  Document doc;
  doc.text = "He didn't go. Mr. Lee's 24-year-old son";
  doc.sentences = {Sentence{.span = {0, 13}}, Sentence{.span = {14, uint32_t(doc.text.size())}}};
  std::vector<text::Token> before = SentenceTokens(doc, doc.sentences[1]);  // no doc.tokens: tokenized
  for (Sentence& s : doc.sentences) {
    std::vector<Span> spans;
    SplitWords(doc.text, s.span, &spans);
    s.token_begin = uint32_t(doc.tokens.size());
    for (Span w : spans) doc.tokens.push_back(Token{.span = w});
    s.token_end = uint32_t(doc.tokens.size());
  }
  std::vector<text::Token> after = SentenceTokens(doc, doc.sentences[1]);
  ASSERT_EQ(after.size(), before.size());
  ASSERT_EQ(after.size(), 5u);  // Mr . Lee's 24-year-old son
  for (size_t i = 0; i < after.size(); ++i) EXPECT_EQ(doc[after[i].span], doc[before[i].span]);
  EXPECT_EQ(SentenceTokens(doc, doc.sentences[0]).size(), 4u);  // He didn't go .
}

}  // namespace
}  // namespace eventmill::syntax
