// The figures of a sentence (count_figures.h).
#include "analyze/count_figures.h"

#include <cctype>
#include <cstdlib>
#include <set>

#include "syntax/word_splitter.h"
#include "text/grammar_words.h"
#include "text/tokenizer.h"
#include "text/word_lists.h"

namespace eventmill::analyze {

using text::Token;
using text::TokenKind;

const std::set<std::string, std::less<>> kClauseBreaks = {".", ";", ":", "!", "?", "(", ")",
                                                          "\xE2\x80\x94", "\xE2\x80\x93"};

namespace {
using WordSet = std::set<std::string, std::less<>>;
namespace grammar = text::grammar;
const WordSet kMonths = text::grammar::GrammarWords<WordSet>({grammar::kMonths, grammar::kMonthAbbreviations});

// Lower case, curly apostrophes read as straight ones ("o’clock").
std::string LowerWord(std::string_view w) {
  std::string s = text::AsciiLower(w);
  size_t pos;
  while ((pos = s.find("\xE2\x80\x99")) != std::string::npos) s.replace(pos, 3, "'");
  return s;
}
}  // namespace

namespace {
Clause ClauseOf(const Document& doc, std::vector<Token> toks) {
  Clause c;
  c.doc = &doc;
  c.toks = std::move(toks);
  c.lw.reserve(c.toks.size());
  for (const Token& t : c.toks) c.lw.push_back(LowerWord(doc[t.span]));
  return c;
}
}  // namespace

Clause ClauseOfSentence(const Document& doc, const Sentence& sentence) {
  return ClauseOf(doc, syntax::SentenceTokens(doc, sentence));
}

Clause ClauseOfTokens(const Document& doc, const Sentence& sentence) {
  Clause c;
  c.doc = &doc;
  for (uint32_t i = sentence.token_begin; i < sentence.token_end && i < doc.tokens.size(); ++i) {
    Token t;
    t.span = doc.tokens[i].span;
    std::string_view w = doc[t.span];
    unsigned char first = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
    bool alnum = false;
    for (char ch : w) alnum = alnum || std::isalnum(static_cast<unsigned char>(ch)) || (ch & 0x80);
    t.has_digit = w.find_first_of("0123456789") != std::string_view::npos;
    t.capitalized = std::isupper(first);
    t.kind = std::isdigit(first) ? TokenKind::kNumber
             : (w.size() == 1 && (w[0] == '"' || w[0] == '\'')) || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D"
                 ? TokenKind::kQuote
             : alnum ? TokenKind::kWord
                     : TokenKind::kPunct;
    c.toks.push_back(t);
    c.lw.push_back(LowerWord(w));
  }
  return c;
}

// Length in tokens of `phrase` matched at i, or 0.
size_t MatchAt(const Clause& c, size_t i, const std::vector<std::string>& phrase) {
  if (phrase.empty() || i + phrase.size() > c.size()) return 0;
  for (size_t k = 0; k < phrase.size(); ++k)
    if (c.lw[i + k] != phrase[k]) return 0;
  return phrase.size();
}

// The label of the longest cue starting at i (nullptr when none); *len its length.
const std::string* CueAt(const Clause& c, size_t i, const text::PatternSet& cues, size_t* len) {
  text::PhraseHit m = cues.LongestAt(c.lw, i);
  *len = m.length;
  return m.label;
}

// The label of the longest cue ending right before token `end`.
const std::string* CueEndingAt(const Clause& c, size_t end, const text::PatternSet& cues) {
  return cues.LongestEndingAt(c.lw, end).label;
}

std::optional<Figure> FigureReader::Read(size_t i) const {
  Figure f;
  f.begin = i;
  size_t j = i;
  if (text::PhraseHit q = lex_.qualifiers.LongestAt(c_.lw, i)) {
    f.qualifier = *q.label;
    j = i + q.length;
  }
  bool between = false;
  if (c_.Is(j, "between")) {
    between = true;
    ++j;
  }
  f.number_begin = j;
  size_t end;
  std::string vague_q;
  std::optional<double> v = Number(j, &end, &vague_q);
  if (!v) return std::nullopt;
  f.value = *v;
  f.one_word = c_.Is(j, "one") && end == j + 1;
  f.digits_year = c_.toks[j].kind == TokenKind::kNumber && end == j + 1 && c_.Text(j).size() == 4 &&
                  *v >= 1800 && *v <= 2100;
  if (!vague_q.empty()) f.qualifier = vague_q;
  // Ranges: "10 to 15", "10-15", "one or two", "between 10 and 15".
  if (end + 1 < c_.size() && (c_.Is(end, "to") || c_.Is(end, "-") || c_.Is(end, "or") ||
                              c_.Is(end, "\xE2\x80\x93") || (between && c_.Is(end, "and")))) {
    size_t end2;
    std::string q2;
    if (std::optional<double> hi = Number(end + 1, &end2, &q2); hi && *hi > f.value) {
      end = end2;
      if (f.qualifier == "exact") f.qualifier = "at_least";
    }
  }
  if (between && f.qualifier == "exact") f.qualifier = "at_least";
  f.end = end;
  if (f.value <= 0) return std::nullopt;
  return f;
}

std::optional<double> FigureReader::Number(size_t j, size_t* end, std::string* vague_q) const {
  if (j >= c_.size()) return std::nullopt;
  const Token& t = c_.toks[j];
  double value = 0;
  size_t k = j + 1;
  if (t.kind == TokenKind::kNumber) {
    std::string digits;
    for (char ch : c_.Text(j)) {
      // "5th", "21st": an ordinal names a rank, not a number of people.
      if (std::isalpha(static_cast<unsigned char>(ch))) return std::nullopt;
      if (ch != ',') digits += ch;
    }
    value = std::strtod(digits.c_str(), nullptr);
    // "5 135": groups of three digits separated by one space.
    bool plain = digits.find('.') == std::string::npos && digits.size() <= 3;
    while (plain && k < c_.size() && c_.toks[k].kind == TokenKind::kNumber && c_.Text(k).size() == 3 &&
           c_.Text(k).find_first_of(",.") == std::string_view::npos) {
      std::string_view gap = c_.doc->text;
      gap = gap.substr(c_.toks[k - 1].span.end, c_.toks[k].span.begin - c_.toks[k - 1].span.end);
      if (gap != " " && gap != "\xC2\xA0" && gap != "\xE2\x80\xAF" && gap != "\xE2\x80\x89") break;
      value = value * 1000 + std::strtod(std::string(c_.Text(k)).c_str(), nullptr);
      ++k;
    }
  } else if (t.kind == TokenKind::kWord) {
    // Vague plurals: "dozens", "tens of thousands".
    for (const auto& vg : lex_.vague) {
      if (size_t n = MatchAt(c_, j, vg.words)) {
        *end = j + n;
        *vague_q = vg.qualifier;
        return vg.value;
      }
    }
    const std::string& w = c_.lw[j];
    if ((w == "a" || w == "an") && k < c_.size() && lex_.multipliers.count(c_.lw[k])) {
      value = 1;
    } else if ((w == "several" || w == "few") && k < c_.size() && lex_.multipliers.count(c_.lw[k])) {
      value = 2;
      *vague_q = "approx";
    } else if (auto u = lex_.units.find(w); u != lex_.units.end()) {
      value = u->second;
    } else if (auto te = lex_.tens.find(w); te != lex_.tens.end()) {
      value = te->second;
      if (k < c_.size())
        if (auto u2 = lex_.units.find(c_.lw[k]); u2 != lex_.units.end() && u2->second < 10) {
          value += u2->second;
          ++k;
        }
      // "twenty-five" split into three words (the treebank's tokens).
      if (k + 1 < c_.size() && c_.lw[k] == "-" && c_.toks[k].span.begin == c_.toks[k - 1].span.end &&
          c_.toks[k + 1].span.begin == c_.toks[k].span.end)
        if (auto u3 = lex_.units.find(c_.lw[k + 1]); u3 != lex_.units.end() && u3->second < 10) {
          value += u3->second;
          k += 2;
        }
    } else if (size_t dash = w.find('-'); dash != std::string::npos) {
      auto te2 = lex_.tens.find(w.substr(0, dash));
      auto u3 = lex_.units.find(w.substr(dash + 1));
      if (te2 == lex_.tens.end() || u3 == lex_.units.end() || u3->second >= 10) return std::nullopt;
      value = te2->second + u3->second;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  // Multipliers: "5.1 thousand", "two dozen", "three hundred thousand".
  while (k < c_.size()) {
    auto m = lex_.multipliers.find(c_.lw[k]);
    if (m == lex_.multipliers.end()) break;
    value *= m->second;
    ++k;
  }
  // An absurd figure (hundreds of digits, "a billion billion") is not a count of people.
  if (!(value >= 0 && value <= kMaxCountValue)) return std::nullopt;
  *end = k;
  return value;
}

bool NeverACount(const CountLexicon& lex, const Clause& c, const Figure& f) {
  size_t b = f.number_begin, e = f.end;
  const std::string& first = c.lw[b];
  // Glued to a time, score, date or phone number: "4:30", "3-1", "24/7", "(888)".
  auto glued = [&](size_t i) {
    return i < c.size() && (c.lw[i] == ":" || c.lw[i] == "/" || c.lw[i] == "-");
  };
  if ((b > 0 && glued(b - 1) && c.toks[b - 1].span.end == c.toks[b].span.begin) ||
      (glued(e) && c.toks[e].span.begin == c.toks[e - 1].span.end))
    return true;
  if (b > 0 && e < c.size() && c.lw[b - 1] == "(" && c.lw[e] == ")") return true;
  // Money: "$150,000", "USD 5 million".
  if (f.begin > 0 && lex.money.count(c.lw[f.begin - 1])) return true;
  if (b > 0 && lex.money.count(c.lw[b - 1])) return true;
  // Units, ages, times after the figure.
  if (lex.never_after.LongestAt(c.lw, e)) return true;
  // Cues before: "mother of four", "aged 24", "Route 66", "no one".
  if (lex.never_before.LongestEndingAt(c.lw, f.begin)) return true;
  if (lex.negations.LongestEndingAt(c.lw, f.begin)) return true;
  // Dates: "March 21", "21 March", "Jan. 5".
  if (e < c.size() && kMonths.count(c.lw[e])) return true;
  if (f.begin > 0 && kMonths.count(c.lw[f.begin - 1])) return true;
  if (f.begin > 1 && c.lw[f.begin - 1] == "." && kMonths.count(c.lw[f.begin - 2])) return true;
  // A name: "Khabar 24 TV", "Protocol 14", "KY 80" (a capitalised word before the figure that
  // does not open the sentence and is not a cue such as "Kills" or a qualifier).
  if (f.begin == b && b > 0 && c.toks[b - 1].kind == TokenKind::kWord && c.toks[b - 1].capitalized &&
      b - 1 > 0 && !CueEndingAt(c, b, lex.verb_cues) && !CueEndingAt(c, b, lex.noun_cues) &&
      c.lw[b - 1] != "the" && c.lw[b - 1] != "and") {
    // Headline case: a run of capitalised words before, from the sentence start ("At Least 17
    // Slain") is a title, not a name, when the figure is followed by a cue.
    return true;
  }
  // An age in apposition: "Bonilla, 23,", "Tessie Garner, 88;", "Johnson, 41, was".
  if (f.begin == b && b >= 2 && c.lw[b - 1] == "," && c.toks[b - 2].kind == TokenKind::kWord &&
      c.toks[b - 2].capitalized && (e >= c.size() || c.lw[e] == "," || c.lw[e] == ";" ||
                                     c.lw[e] == ")" || c.lw[e] == "." || c.lw[e] == "and"))
    return true;
  (void)first;
  return false;
}

}  // namespace eventmill::analyze
