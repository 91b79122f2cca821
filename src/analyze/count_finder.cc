// How a figure is read (all word knowledge comes from data/counts/):
//   figure  := [qualifier] number [multiplier...] [("to"|"-"|"or") number]   "more than 1.3 thousand"
//            | vague                                                        "dozens", "tens of thousands"
//   number  := digits ("5,135", "5 135", "1.3") | words ("sixteen", "twenty-five", "a dozen")
// and bound, within its clause, by the first of:
//   1. a kind cue right before it (an active verb or a noun, "of" allowed between):
//      "killing dozens of people", "detained 40 protesters", "the arrest of 5,000 people"
//   2. a predicate after its noun phrase (auxiliaries and adverbs skipped, an appositive
//      between commas skipped): "5,135 people were arrested", "16 were killed",
//      "Four people, all of whom live at 44 Hungerford St., were arrested", "2 held"
//   3. its noun naming the fate: "16 dead", "x bodies", "300 arrests", "5,000 protesters"
//   4. a toll noun earlier in the clause with "to"/"of"/"at"/"is" before the figure:
//      "the death toll rose to 225", "the number of detainees has risen to 5,100"
// Figures joined by "and" under one predicate ("Two servicemen and one resident were injured")
// give one count each and one for their sum.
#include "analyze/count_finder.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <tuple>

#include "eventmill/lexicon.h"
#include "text/grammar_words.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/word_lists.h"

namespace eventmill::analyze {
namespace {

using text::Token;
using text::TokenKind;

// Grammar words of the clause: the closed classes (text/grammar_words.h) and the adverbs and
// verbs of report that may stand between a figure and its verb ("12 were reportedly killed").
using text::grammar::GrammarWords;
using WordSet = std::set<std::string, std::less<>>;
namespace grammar = text::grammar;
const WordSet kAuxiliaries = GrammarWords<WordSet>(
    {grammar::kBeForms, grammar::kHaveForms, grammar::kModals},
    {"also", "reportedly", "allegedly", "later", "all", "both", "each", "still", "already", "now", "then",
     "subsequently", "reported", "believed", "said", "to", "get", "got", "remain", "remained", "officially",
     "eventually", "finally", "since", "just", "apparently", "initially", "confirmed", "feared", "thought",
     "presumed", "either"});
const WordSet kNounPhraseStops = GrammarWords<WordSet>(
    {grammar::kLocatives, grammar::kRelatives, grammar::kCoordinators, grammar::kBeForms, grammar::kHaveForms,
     grammar::kModals, grammar::kSubjectPronouns, grammar::kDemonstratives, grammar::kArticles,
     // time words end a noun phrase: "12 died Friday", "two dead overnight"
     grammar::kWeekdays},
    {"on", "from", "during", "after", "before", "by", "with", "for", "to", "since", "while", "when", "as",
     "among", "including", "of", "into", "onto", "over", "under", "than", "so", "because", "if", "about",
     "all", "most", "some", "many", "both", "each", "none", "there", "here", "said", "says", "say", "told",
     "its", "their", "his", "her", "our", "also", "not", "reportedly", "allegedly", "later", "yesterday",
     "today", "per", "tonight", "overnight", "morning", "evening", "night", "afternoon", "earlier", "last",
     "recently", "early", "late", "next", "following", "amid", "despite", "against",
     // copulas and verbs of state end it too: "3 people remain hospitalized"
     "remain", "remained", "remains", "stay", "stayed", "still", "seem", "appear", "became", "become", "got",
     "get"});
const std::set<std::string, std::less<>> kTollLinks = {"to", "of", "at", "is", "was", "reached",
                                                       "hit", "passed", "exceeded", "topped",
                                                       "stood", "stands", "now", "are", "were", "by"};
const WordSet kMonths = GrammarWords<WordSet>({grammar::kMonths, grammar::kMonthAbbreviations});
const std::set<std::string, std::less<>> kClauseBreaks = {".", ";", ":", "!", "?", "(", ")",
                                                          "\xE2\x80\x94", "\xE2\x80\x93"};

// A crowd figure read from its noun alone ("5,000 protesters") must be at least this big: small
// numbers of protesters are usually the subject of something the clause does not say.
constexpr double kMinCrowdFromNounAlone = 100;
// How far back (tokens) a toll noun may stand from its figure; bounds the work on endless
// sentences.
constexpr size_t kMaxTollDistance = 40;

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::string p(phrase);
  std::vector<std::string> out;
  for (const Token& t : text::Tokenize(p, {0, static_cast<uint32_t>(p.size())}))
    out.push_back(text::AsciiLower(std::string_view(p).substr(t.span.begin, t.span.size())));
  return out;
}

std::vector<std::string> SplitBars(const text::WordListEntry& e) {
  std::vector<std::string> out;
  std::string_view k = e.key;
  while (!k.empty()) {
    size_t bar = k.find('|');
    std::string_view v = k.substr(0, bar);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    if (!v.empty()) out.emplace_back(v);
    if (bar == std::string_view::npos) break;
    k = k.substr(bar + 1);
  }
  return out;
}

void AddCues(const std::vector<text::WordListEntry>& entries, text::PhraseSet* out) {
  for (const auto& e : entries)
    for (const auto& v : e.values) out->Add(PhraseWords(v), e.key);
}

void AddPlain(const std::vector<text::WordListEntry>& entries, text::PhraseSet* out) {
  for (const auto& e : entries)
    for (const auto& v : SplitBars(e)) out->Add(PhraseWords(v), "");
}

// One sentence, tokenized, with lower-case token texts.
struct Clause {
  const Document* doc;
  std::vector<Token> toks;
  std::vector<std::string> lw;
  size_t size() const { return toks.size(); }
  bool Is(size_t i, std::string_view w) const { return i < lw.size() && lw[i] == w; }
  bool IsWord(size_t i) const { return i < toks.size() && toks[i].kind == TokenKind::kWord; }
  std::string_view Text(size_t i) const { return (*doc)[toks[i].span]; }
};

// Length in tokens of `phrase` matched at i, or 0.
size_t MatchAt(const Clause& c, size_t i, const std::vector<std::string>& phrase) {
  if (phrase.empty() || i + phrase.size() > c.size()) return 0;
  for (size_t k = 0; k < phrase.size(); ++k)
    if (c.lw[i + k] != phrase[k]) return 0;
  return phrase.size();
}

// The label of the longest cue starting at i (nullptr when none); *len its length.
const std::string* CueAt(const Clause& c, size_t i, const text::PhraseSet& cues, size_t* len) {
  text::PhraseSet::Match m = cues.LongestAt(c.lw, i);
  *len = m.length;
  return m.label;
}

// The label of the longest cue ending right before token `end`.
const std::string* CueEndingAt(const Clause& c, size_t end, const text::PhraseSet& cues) {
  return cues.LongestEndingAt(c.lw, end).label;
}

struct Figure {
  size_t begin = 0, end = 0;  // tokens, the qualifier included
  size_t number_begin = 0;
  double value = 0;
  std::string qualifier = "exact";
  bool implicit = false;      // "a nurse": one person without a figure (used only in sums)
  bool one_word = false;      // the figure is the word "one"
  bool digits_year = false;   // four digits that read as a year (1800-2100)
};

class FigureReader {
 public:
  FigureReader(const CountLexicon& lex, const Clause& c) : lex_(lex), c_(c) {}

  std::optional<Figure> Read(size_t i) const {
    Figure f;
    f.begin = i;
    size_t j = i;
    if (text::PhraseSet::Match q = lex_.qualifiers.LongestAt(c_.lw, i)) {
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

 private:
  std::optional<double> Number(size_t j, size_t* end, std::string* vague_q) const {
    if (j >= c_.size()) return std::nullopt;
    const Token& t = c_.toks[j];
    double value = 0;
    size_t k = j + 1;
    if (t.kind == TokenKind::kNumber) {
      std::string digits;
      for (char ch : c_.Text(j))
        if (ch != ',') digits += ch;
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

  const CountLexicon& lex_;
  const Clause& c_;
};

struct NounPhrase {
  size_t begin = 0, end = 0;  // tokens of the words ("of" and determiners skipped)
  bool person = false;
  bool empty = true;
  std::string head;
};

class Binder {
 public:
  Binder(const CountLexicon& lex, const Clause& c) : lex_(lex), c_(c), reader_(lex, c) {}

  std::vector<Count> Run() {
    std::vector<Count> out;
    size_t i = 0;
    while (i < c_.size()) {
      std::optional<Figure> f = reader_.Read(i);
      if (!f) {
        ++i;
        continue;
      }
      size_t next = Bind(*f, &out);
      i = std::max(next, f->end);
    }
    return out;
  }

 private:
  bool IsFigureAt(size_t i) const { return reader_.Read(i).has_value(); }

  bool InList(size_t i, const text::PhraseSet& phrases) const { return bool(phrases.LongestAt(c_.lw, i)); }

  bool NeverACount(const Figure& f) const {
    size_t b = f.number_begin, e = f.end;
    const std::string& first = c_.lw[b];
    // Glued to a time, score, date or phone number: "4:30", "3-1", "24/7", "(888)".
    auto glued = [&](size_t i) {
      return i < c_.size() && (c_.lw[i] == ":" || c_.lw[i] == "/" || c_.lw[i] == "-");
    };
    if ((b > 0 && glued(b - 1) && c_.toks[b - 1].span.end == c_.toks[b].span.begin) ||
        (glued(e) && c_.toks[e].span.begin == c_.toks[e - 1].span.end))
      return true;
    if (b > 0 && e < c_.size() && c_.lw[b - 1] == "(" && c_.lw[e] == ")") return true;
    // Money: "$150,000", "USD 5 million".
    if (f.begin > 0 && lex_.money.count(c_.lw[f.begin - 1])) return true;
    if (b > 0 && lex_.money.count(c_.lw[b - 1])) return true;
    // Units, ages, times after the figure.
    if (InList(e, lex_.never_after)) return true;
    // Cues before: "mother of four", "aged 24", "Route 66", "no one".
    if (lex_.never_before.LongestEndingAt(c_.lw, f.begin)) return true;
    if (lex_.negations.LongestEndingAt(c_.lw, f.begin)) return true;
    // Dates: "March 21", "21 March", "Jan. 5".
    if (e < c_.size() && kMonths.count(c_.lw[e])) return true;
    if (f.begin > 0 && kMonths.count(c_.lw[f.begin - 1])) return true;
    if (f.begin > 1 && c_.lw[f.begin - 1] == "." && kMonths.count(c_.lw[f.begin - 2])) return true;
    // A name: "Khabar 24 TV", "Protocol 14", "KY 80" (a capitalised word before the figure that
    // does not open the sentence and is not a cue such as "Kills" or a qualifier).
    if (f.begin == b && b > 0 && c_.toks[b - 1].kind == TokenKind::kWord && c_.toks[b - 1].capitalized &&
        b - 1 > 0 && !CueEndingAt(c_, b, lex_.verb_cues) && !CueEndingAt(c_, b, lex_.noun_cues) &&
        c_.lw[b - 1] != "the" && c_.lw[b - 1] != "and") {
      // Headline case: a run of capitalised words before, from the sentence start ("At Least 17
      // Slain") is a title, not a name, when the figure is followed by a cue.
      return true;
    }
    // An age in apposition: "Bonilla, 23,", "Tessie Garner, 88;", "Johnson, 41, was".
    if (f.begin == b && b >= 2 && c_.lw[b - 1] == "," && c_.toks[b - 2].kind == TokenKind::kWord &&
        c_.toks[b - 2].capitalized && (e >= c_.size() || c_.lw[e] == "," || c_.lw[e] == ";" ||
                                       c_.lw[e] == ")" || c_.lw[e] == "." || c_.lw[e] == "and"))
      return true;
    (void)first;
    return false;
  }

  // A kind cue that starts at i, skipping auxiliaries and adverbs ("were later arrested").
  // Rejects a cue used actively with an object after it, which makes the counted people its
  // agents ("two gunmen killed three people", "two Marines held a flag"), and an adjective
  // cue before a noun that is not a person ("4,000 dead wild birds").
  const std::string* PredicateAt(size_t i, bool* plural_aux_ok, size_t* cue_end) const {
    *plural_aux_ok = true;
    bool passive = false;
    for (int skipped = 0; i < c_.size() && skipped <= 5; ++skipped) {
      size_t n;
      const std::string* cue = CueAt(c_, i, lex_.verb_cues, &n);
      if (!cue) cue = CueAt(c_, i, lex_.noun_cues, &n);
      if (cue) {
        *cue_end = i + n;
        size_t k = i + n;
        if (!passive && k < c_.size() && c_.IsWord(k)) {
          static const WordSet kObjectStarts = GrammarWords<WordSet>(
              {grammar::kArticles, grammar::kPossessives, grammar::kDemonstratives, grammar::kObjectPronouns},
              {"some", "several", "many", "dozens", "hundreds"});
          if (kObjectStarts.count(c_.lw[k])) return nullptr;
          if (std::optional<Figure> g = reader_.Read(k)) {
            NounPhrase gnp = ScanNounPhrase(g->end);
            if (gnp.empty || gnp.person) return nullptr;  // "killed three (people)"
          } else {
            NounPhrase after = ScanNounPhrase(k);
            if (!after.empty && after.begin == k && !after.person) return nullptr;
          }
        }
        return cue;
      }
      if (!kAuxiliaries.count(c_.lw[i])) return nullptr;
      if (c_.lw[i] == "was" || c_.lw[i] == "is" || c_.lw[i] == "has") *plural_aux_ok = false;
      static const WordSet kPassiveAux = GrammarWords<WordSet>({grammar::kBeForms}, {"get", "got"});
      if (kPassiveAux.count(c_.lw[i])) passive = true;
      ++i;
    }
    return nullptr;
  }

  bool IsPerson(const std::string& w) const { return lex_.IsPersonNoun(w); }

  NounPhrase ScanNounPhrase(size_t j) const {
    NounPhrase np;
    if (c_.Is(j, "of")) {
      ++j;
      if (c_.Is(j, "them") || c_.Is(j, "us") || c_.Is(j, "whom")) {
        np.begin = j;
        np.end = j + 1;
        np.person = true;
        np.empty = false;
        np.head = c_.lw[j];
        return np;
      }
      if (c_.Is(j, "the") || c_.Is(j, "those") || c_.Is(j, "these")) ++j;
    }
    np.begin = j;
    size_t k = j, last_word = std::string::npos;
    int words = 0;
    while (k < c_.size() && words < 8) {
      const std::string& w = c_.lw[k];
      if (c_.toks[k].kind == TokenKind::kWord) {
        if (kNounPhraseStops.count(w) && !(w == "and" || w == "or")) break;
        if (w == "and" || w == "or") {
          // "police, National Guard and military officers": go on only into more words.
          if (last_word == std::string::npos || k + 1 >= c_.size() || !c_.IsWord(k + 1) ||
              kNounPhraseStops.count(c_.lw[k + 1]) || IsFigureAt(k + 1) || StartsCue(k + 1))
            break;
          ++k;
          continue;
        }
        if (StartsCue(k) || IsFigureAt(k)) break;
        last_word = k;
        ++words;
        ++k;
        continue;
      }
      if (w == "," && last_word != std::string::npos && k + 1 < c_.size() && c_.IsWord(k + 1) &&
          c_.toks[k + 1].capitalized && !kNounPhraseStops.count(c_.lw[k + 1]) && !IsFigureAt(k + 1)) {
        ++k;
        continue;
      }
      break;
    }
    if (last_word != std::string::npos) {
      np.empty = false;
      np.end = last_word + 1;
      np.head = c_.lw[last_word];
      np.person = IsPerson(np.head);
    } else {
      np.end = np.begin;
    }
    return np;
  }

  bool StartsCue(size_t i) const {
    size_t n;
    return CueAt(c_, i, lex_.verb_cues, &n) != nullptr;
  }

  struct Part {
    Figure fig;
    NounPhrase np;
  };

  Count MakeCount(const std::string& kind, const Figure& f, const NounPhrase& np, size_t first_tok,
                  size_t last_tok_end, const std::string& qualifier) const {
    Count c;
    c.kind = kind;
    c.value = f.value;
    c.qualifier = qualifier;
    if (!np.empty) c.who = std::string((*c_.doc)[{c_.toks[np.begin].span.begin, c_.toks[np.end - 1].span.end}]);
    c.span = {c_.toks[first_tok].span.begin, c_.toks[last_tok_end - 1].span.end};
    c.text = std::string((*c_.doc)[c.span]);
    return c;
  }

  // Binds figure f (and figures coordinated with it); returns the token where scanning resumes.
  size_t Bind(const Figure& f, std::vector<Count>* out) {
    if (NeverACount(f)) return f.end;
    NounPhrase np = ScanNounPhrase(f.end);
    if (f.digits_year && !(np.person && np.begin == f.end)) return f.end;
    std::vector<Part> parts{{f, np}};
    size_t p = np.empty ? f.end : np.end;
    // Coordinated figures: "Two servicemen and one local resident", "seven residents and a nurse".
    while (p + 1 < c_.size() && (c_.Is(p, "and") || c_.Is(p, ","))) {
      size_t q = p + 1;
      std::optional<Figure> g = reader_.Read(q);
      if (!g && (c_.Is(q, "a") || c_.Is(q, "an"))) {
        NounPhrase gnp = ScanNounPhrase(q + 1);
        if (gnp.empty || !gnp.person || gnp.begin != q + 1) break;
        Figure one;
        one.begin = one.number_begin = q;
        one.end = q + 1;
        one.value = 1;
        one.implicit = true;
        parts.push_back({one, gnp});
        p = gnp.end;
        continue;
      }
      if (!g || NeverACount(*g)) break;
      NounPhrase gnp = ScanNounPhrase(g->end);
      if (gnp.empty || !gnp.person) break;
      parts.push_back({*g, gnp});
      p = gnp.end;
    }
    // 1. A cue right before the figure: "killing dozens", "the arrest of 5,000 people".
    size_t cue_end = f.begin;
    if (cue_end > 0 && c_.Is(cue_end - 1, "of")) --cue_end;
    const std::string* active = CueEndingAt(c_, cue_end, lex_.verb_cues);
    if (!active && cue_end < f.begin) active = CueEndingAt(c_, cue_end, lex_.noun_cues);
    if (active) {
      if (!AllPeople(parts) || (f.one_word && np.empty)) return f.end;
      Emit(*active, parts, out);
      return p;
    }
    // 2. A predicate after the noun phrase, or after an appositive between commas.
    bool plural_ok;
    size_t pred_end = 0;
    const std::string* pred = PredicateAt(p, &plural_ok, &pred_end);
    if (!pred && c_.Is(p, ",")) {
      for (size_t k = p + 1; k < c_.size() && k < p + 16; ++k) {
        if (kClauseBreaks.count(c_.lw[k]) && c_.lw[k] != ".") break;
        if (c_.lw[k] == ",") {
          pred = PredicateAt(k + 1, &plural_ok, &pred_end);
          break;
        }
      }
    }
    // A singular verb after a plural figure has another subject: "a rally of 2,000 people was
    // held", "mother of four was killed".
    if (pred && f.value > 1 && !plural_ok) pred = nullptr;
    if (pred) {
      bool people = AllPeople(parts);
      bool bare = np.empty && parts.size() == 1;
      if (people || bare) {
        Emit(*pred, parts, out);
        return pred_end;
      }
      return f.end;
    }
    // 3. The noun names the fate: "16 dead", "x bodies", "5,000 protesters".
    if (parts.size() == 1 && !np.empty) {
      size_t n;
      if (const std::string* cue = CueAt(c_, np.end - 1, lex_.noun_cues, &n)) {
        if (*cue != "participants" || f.value >= kMinCrowdFromNounAlone) {
          Emit(*cue, parts, out);
          return p;
        }
      }
    }
    // 4. A toll earlier in the clause: "the death toll rose to 225".
    if (f.begin > 0 && kTollLinks.count(c_.lw[f.begin - 1]) && (np.empty || np.person)) {
      for (size_t k = f.begin; k-- > 0 && k + kMaxTollDistance > f.begin;) {
        if (kClauseBreaks.count(c_.lw[k]) || c_.toks[k].kind == TokenKind::kQuote) break;
        if (k + 1 < f.begin && IsFigureAt(k)) break;
        size_t n;
        if (const std::string* toll = CueAt(c_, k, lex_.toll_cues, &n)) {
          Emit(*toll, {parts[0]}, out);
          return p;
        }
      }
    }
    return f.end;
  }

  bool AllPeople(const std::vector<Part>& parts) const {
    for (const Part& part : parts)
      if (!part.np.empty && !part.np.person) return false;
    if (parts.size() > 1)
      for (const Part& part : parts)
        if (part.np.empty) return false;
    return true;
  }

  void Emit(const std::string& kind, const std::vector<Part>& parts, std::vector<Count>* out) const {
    double sum = 0;
    bool exact = true;
    int explicit_parts = 0;
    for (const Part& part : parts) {
      sum += part.fig.value;
      if (part.fig.qualifier != "exact") exact = false;
      if (part.fig.implicit) continue;
      ++explicit_parts;
      if (part.fig.one_word && part.np.empty) continue;
      size_t end = part.np.empty ? part.fig.end : part.np.end;
      out->push_back(MakeCount(kind, part.fig, part.np, part.fig.begin, end, part.fig.qualifier));
    }
    if (parts.size() > 1 && sum <= kMaxCountValue) {
      Figure total = parts[0].fig;
      total.value = sum;
      const Part& last = parts.back();
      Count c = MakeCount(kind, total, parts[0].np, parts[0].fig.begin, last.np.end, exact ? "exact" : "about");
      c.who = std::string((*c_.doc)[{c_.toks[parts[0].np.begin].span.begin, c_.toks[last.np.end - 1].span.end}]);
      out->push_back(std::move(c));
    }
  }

  const CountLexicon& lex_;
  const Clause& c_;
  FigureReader reader_;
};

bool SameKind(const std::string& a, const std::string& b) {
  auto norm = [](const std::string& k) { return k == "detained" ? std::string("arrested") : k; };
  return norm(a) == norm(b);
}

}  // namespace

bool CountLexicon::IsPersonNoun(const std::string& w) const {
  if (people.count(w)) return true;
  for (const std::string& s : people_suffixes)
    if (w.size() > s.size() + 2 && w.compare(w.size() - s.size(), s.size(), s) == 0) return true;
  return false;
}

Result<CountLexicon> CountLexicon::Load(const DataFiles& files) {
  CountLexicon lex;
  EM_ASSIGN_OR_RETURN(text::WordLists numbers, text::ReadWordLists(files, "counts/numbers.txt"));
  EM_ASSIGN_OR_RETURN(text::WordLists qualifiers, text::ReadWordLists(files, "counts/qualifiers.txt"));
  EM_ASSIGN_OR_RETURN(text::WordLists people, text::ReadWordLists(files, "counts/people.txt"));
  EM_ASSIGN_OR_RETURN(text::WordLists kinds, text::ReadWordLists(files, "counts/kinds.txt"));
  EM_ASSIGN_OR_RETURN(text::WordLists never, text::ReadWordLists(files, "counts/never.txt"));
  EM_RETURN_IF_ERROR(text::RequireSections(numbers, files.PathOf("counts/numbers.txt"), {"units", "tens", "multipliers", "vague"}));
  if (qualifiers.empty()) return DataError(files.PathOf("counts/qualifiers.txt"), 0, "no qualifier");
  EM_RETURN_IF_ERROR(text::RequireSections(people, files.PathOf("counts/people.txt"), {"nouns", "suffixes"}));
  EM_RETURN_IF_ERROR(text::RequireSections(kinds, files.PathOf("counts/kinds.txt"), {"verbs", "nouns", "tolls"}));
  EM_RETURN_IF_ERROR(text::RequireSections(never, files.PathOf("counts/never.txt"), {"before", "after", "negations", "money"}));
  auto read_map = [](const std::vector<text::WordListEntry>& entries, std::map<std::string, double>* m) {
    for (const auto& e : entries)
      if (!e.values.empty()) (*m)[text::AsciiLower(e.key)] = std::strtod(e.values[0].c_str(), nullptr);
  };
  read_map(numbers["units"], &lex.units);
  read_map(numbers["tens"], &lex.tens);
  read_map(numbers["multipliers"], &lex.multipliers);
  for (const auto& e : numbers["vague"]) {
    if (e.values.empty()) continue;
    lex.vague.push_back({PhraseWords(e.key), std::strtod(e.values[0].c_str(), nullptr),
                         e.values.size() > 1 ? e.values[1] : "approx"});
  }
  std::stable_sort(lex.vague.begin(), lex.vague.end(),
                   [](const Vague& a, const Vague& b) { return a.words.size() > b.words.size(); });
  for (const auto& [section, entries] : qualifiers) AddCues(entries, &lex.qualifiers);
  for (const auto& e : people["nouns"])
    for (const auto& w : SplitBars(e)) lex.people.insert(text::AsciiLower(w));
  for (const auto& e : people["suffixes"])
    for (const auto& w : SplitBars(e)) lex.people_suffixes.push_back(w);
  AddCues(kinds["verbs"], &lex.verb_cues);
  AddCues(kinds["nouns"], &lex.noun_cues);
  AddCues(kinds["tolls"], &lex.toll_cues);
  AddPlain(never["before"], &lex.never_before);
  AddPlain(never["after"], &lex.never_after);
  AddPlain(never["negations"], &lex.negations);
  for (const auto& e : never["money"])
    for (const auto& w : SplitBars(e)) lex.money.insert(text::AsciiLower(w));
  return lex;
}

std::vector<Count> CountFinder::FindInSentence(const Document& doc, Span sentence) const {
  Clause c;
  c.doc = &doc;
  c.toks = text::Tokenize(doc.text, sentence);
  c.lw.reserve(c.toks.size());
  for (const Token& t : c.toks) c.lw.push_back(text::AsciiLower(doc[t.span]));
  // Curly apostrophes read as straight ones ("o’clock").
  for (std::string& w : c.lw) {
    size_t pos;
    while ((pos = w.find("\xE2\x80\x99")) != std::string::npos) w.replace(pos, 3, "'");
  }
  Binder binder(*lex_, c);
  return binder.Run();
}

void CountFinder::Find(Document& doc) const {
  std::vector<Sentence> local;
  const std::vector<Sentence>* sentences = &doc.sentences;
  if (sentences->empty() && !doc.text.empty()) {
    std::vector<Span> paras = doc.paragraphs.empty() ? text::SplitParagraphs(doc.text) : doc.paragraphs;
    local = text::SplitSentences(doc.text, paras, *abbreviations_);
    sentences = &local;
  }
  std::vector<Count> all;
  for (const Sentence& s : *sentences) {
    std::vector<Count> found = FindInSentence(doc, s.span);
    all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  doc.counts = MergeRestatedCounts(std::move(all));
}

std::vector<Count> MergeRestatedCounts(std::vector<Count> counts) {
  // Exact figures by kind, sorted, so each qualified figure looks only at its neighbours:
  // O(n log n) however many counts a page holds.
  std::map<std::string, std::vector<double>> exact;
  for (const Count& c : counts)
    if (c.qualifier == "exact") exact[SameKind(c.kind, "arrested") ? "arrested" : c.kind].push_back(c.value);
  for (auto& [kind, values] : exact) std::sort(values.begin(), values.end());
  std::set<std::tuple<std::string, double, bool>> seen;
  std::vector<Count> out;
  for (Count& c : counts) {
    std::string kind = SameKind(c.kind, "arrested") ? "arrested" : c.kind;
    bool is_exact = c.qualifier == "exact";
    if (!seen.insert({kind, c.value, is_exact}).second) continue;
    if (!is_exact) {
      bool restated = false;
      if (auto it = exact.find(kind); it != exact.end()) {
        // Exact values a with |a - v| <= 0.1 * max(a, v) lie in [v / 1.1, v * 1.1].
        auto lo = std::lower_bound(it->second.begin(), it->second.end(), c.value / 1.1 - 1e-9);
        for (auto a = lo; a != it->second.end() && *a <= c.value * 1.1 + 1e-9; ++a) {
          if (std::fabs(*a - c.value) > 0.1 * std::max(*a, c.value)) continue;
          // "more than 5.1 thousand" agrees with 5,135; "more than 6,000" would not.
          if (c.qualifier == "more_than" && *a < c.value) continue;
          if (c.qualifier == "less_than" && *a > c.value) continue;
          restated = true;
          break;
        }
      }
      if (restated) continue;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace eventmill::analyze
