#include "code/word_tokens.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/word_splitter.h"

namespace eventmill::code {
namespace {

std::string Words(std::string_view text) {
  std::string out;
  for (const WordToken& w : TokenizeWords(text, {0, uint32_t(text.size())}))
    out += (out.empty() ? "" : "|") + w.lower + (w.punct ? "/p" : "");
  return out;
}

TEST(WordTokens, TheCodersConventionsOverTheSharedTokenizer) {
  EXPECT_EQ(Words("The U.S. said it didn't."), "the|u|./p|s|./p|said|it|didn't|./p");
  EXPECT_EQ(Words("a 24-year-old, 5,135 people and magnitude-7.9"), "a|24-year-old|,/p|5,135|people|and|magnitude-7.9");
  EXPECT_EQ(Words("the 1990's cost £5 («a» fine)"), "the|1990's|cost|£5|(/p|«a»|fine|)/p");
  EXPECT_EQ(Words("“Here’s” — O’Neil-Smith said…"), "\"/p|here's|\"/p|-/p|o'neil|-/p|smith|said|.../p");
  EXPECT_EQ(Words("10\xC2\xA0km ‘Gaz was here’’ and"), "10\xC2\xA0km|'/p|gaz|was|here'|'/p|and");
}

TEST(WordTokens, SentenceWordsReadDocTokensAsTokenizingWould) {
  Document doc;
  doc.text = "Mr. O’Neil’s 24-year-old son can't go. The U.S.-led force cannot stay.";
  doc.sentences = {Sentence{.span = {0, 38}}, Sentence{.span = {39, uint32_t(doc.text.size())}}};
  for (Sentence& s : doc.sentences) {
    std::vector<Span> spans;
    syntax::SplitWords(doc.text, s.span, &spans);
    s.token_begin = uint32_t(doc.tokens.size());
    for (Span w : spans) doc.tokens.push_back(Token{.span = w});
    s.token_end = uint32_t(doc.tokens.size());
  }
  for (const Sentence& s : doc.sentences) {
    std::vector<WordToken> read = SentenceWords(doc, s), tokenized = TokenizeWords(doc.text, s.span);
    ASSERT_EQ(read.size(), tokenized.size()) << doc[s.span];
    for (size_t i = 0; i < read.size(); ++i) {
      EXPECT_EQ(read[i].lower, tokenized[i].lower);
      EXPECT_EQ(read[i].span.begin, tokenized[i].span.begin);
      EXPECT_EQ(read[i].punct, tokenized[i].punct);
    }
  }
  EXPECT_EQ(SentenceWords(doc, doc.sentences[0])[5].lower, "can't");
}

}  // namespace
}  // namespace eventmill::code
