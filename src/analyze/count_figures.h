// The figures of a sentence and what a figure can never be: the part of count finding that reads
// words, shared by the two ways a figure is bound to its people and their fate (count_finder.cc
// along the words of a sentence without a parse, count_tree.cc along its dependency tree).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/count_finder.h"
#include "eventmill/document.h"
#include "text/tokenizer.h"

namespace eventmill::analyze {

// One sentence, tokenized, with lower-case token texts.
struct Clause {
  const Document* doc;
  std::vector<text::Token> toks;
  std::vector<std::string> lw;
  size_t size() const { return toks.size(); }
  bool Is(size_t i, std::string_view w) const { return i < lw.size() && lw[i] == w; }
  bool IsWord(size_t i) const { return i < toks.size() && toks[i].kind == text::TokenKind::kWord; }
  std::string_view Text(size_t i) const { return (*doc)[toks[i].span]; }
};

struct Figure {
  size_t begin = 0, end = 0;  // tokens, the qualifier included
  size_t number_begin = 0;
  double value = 0;
  std::string qualifier = "exact";
  bool implicit = false;      // "a nurse": one person without a figure (used only in sums)
  bool one_word = false;      // the figure is the word "one"
  bool digits_year = false;   // four digits that read as a year (1800-2100)
};

// The tokenizer's words of a sentence read off doc.tokens (syntax::SentenceTokens; tokenized from
// its text only when the document has no tokens).
Clause ClauseOfSentence(const Document& doc, const Sentence& sentence);
Clause ClauseOfTokens(const Document& doc, const Sentence& sentence);

// Length in tokens of `phrase` matched at i, or 0.
size_t MatchAt(const Clause& c, size_t i, const std::vector<std::string>& phrase);
// The label of the longest cue starting at i (nullptr when none); *len its length.
const std::string* CueAt(const Clause& c, size_t i, const text::PatternSet& cues, size_t* len);
// The label of the longest cue ending right before token `end`.
const std::string* CueEndingAt(const Clause& c, size_t end, const text::PatternSet& cues);

// Reads a figure at a token: [qualifier] number [multiplier...] [range], or a vague plural.
class FigureReader {
 public:
  FigureReader(const CountLexicon& lex, const Clause& c) : lex_(lex), c_(c) {}
  std::optional<Figure> Read(size_t i) const;

 private:
  std::optional<double> Number(size_t j, size_t* end, std::string* vague_q) const;
  const CountLexicon& lex_;
  const Clause& c_;
};

// A figure that is a time, score, date, phone number, money, a measure, an age, part of a name
// ("Route 66") or negated ("no one"): never a count of people.
bool NeverACount(const CountLexicon& lex, const Clause& c, const Figure& f);

// Tokens that end a clause.
extern const std::set<std::string, std::less<>> kClauseBreaks;

}  // namespace eventmill::analyze
