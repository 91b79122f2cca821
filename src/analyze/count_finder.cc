// CountFinder: a parsed sentence is bound through its tree (count_tree.cc); this file holds the
// lexicon, the document loop and the binder along the words, which reads sentences without a
// parse, headlines in title case and the figures the tree binds to no kind.
//
// How a figure is read (all word knowledge comes from data/counts/; count_figures.cc):
//   figure  := [qualifier] number [multiplier...] [("to"|"-"|"or") number]   "more than 1.3 thousand"
//            | vague                                                        "dozens", "tens of thousands"
//   number  := digits ("5,135", "5 135", "1.3") | words ("sixteen", "twenty-five", "a dozen")
// and bound along the words, within its clause, by the first of:
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

#include "analyze/count_figures.h"
#include "analyze/count_tree.h"

#include <algorithm>
#include <cctype>
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

void AddCues(const std::vector<text::WordListEntry>& entries, text::PatternSet* out) {
  for (const auto& e : entries)
    for (const auto& v : e.values) out->AddPhrase(PhraseWords(v), e.key);
}

void AddPlain(const std::vector<text::WordListEntry>& entries, text::PatternSet* out) {
  for (const auto& e : entries)
    for (const auto& v : text::KeyAlternatives(e)) out->AddPhrase(PhraseWords(v), "");
}

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

  bool InList(size_t i, const text::PatternSet& phrases) const { return bool(phrases.LongestAt(c_.lw, i)); }


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
    if (NeverACount(lex_, c_, f)) return f.end;
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
      if (!g || NeverACount(lex_, c_, *g)) break;
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

// A headline in title case ("Ten Sent to Pre-Trial Custody"): most of its words (of three
// letters or more, past the first) capitalised. The treebank's tagger misreads such lines.
bool TitleCase(const Document& doc, const Sentence& s) {
  int words = 0, caps = 0;
  for (uint32_t i = s.token_begin + 1; i < s.token_end && i < doc.tokens.size(); ++i) {
    std::string_view w = doc[doc.tokens[i].span];
    if (w.size() < 3 || !std::isalpha(static_cast<unsigned char>(w[0]))) continue;
    ++words;
    caps += std::isupper(static_cast<unsigned char>(w[0])) ? 1 : 0;
  }
  return words >= 3 && caps * 10 >= words * 7;
}

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
  EM_RETURN_IF_ERROR(text::RequireSections(kinds, files.PathOf("counts/kinds.txt"), {"verbs", "nouns", "tolls", "parts", "final"}));
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
    for (const auto& w : text::KeyAlternatives(e)) lex.people.insert(text::AsciiLower(w));
  for (const auto& e : people["suffixes"])
    for (const auto& w : text::KeyAlternatives(e)) lex.people_suffixes.push_back(w);
  AddCues(kinds["verbs"], &lex.verb_cues);
  AddCues(kinds["nouns"], &lex.noun_cues);
  AddCues(kinds["tolls"], &lex.toll_cues);
  for (const auto& e : kinds["parts"])
    for (const auto& w : text::KeyAlternatives(e)) lex.parts.insert(text::AsciiLower(w));
  for (const auto& e : kinds["final"])
    for (const auto& w : text::KeyAlternatives(e)) lex.final_tallies.insert(text::AsciiLower(w));
  AddPlain(never["before"], &lex.never_before);
  AddPlain(never["after"], &lex.never_after);
  AddPlain(never["negations"], &lex.negations);
  for (const auto& e : never["money"])
    for (const auto& w : text::KeyAlternatives(e)) lex.money.insert(text::AsciiLower(w));
  for (const auto* m : {&lex.units, &lex.tens, &lex.multipliers})
    for (const auto& [w, v] : *m) lex.figure_words.insert(w);
  // A vague figure by its first word past an article ("a few" -> "few"); a kind cue by its
  // longest word ("custody" of "in custody", "death" of "death toll").
  for (const auto& v : lex.vague) {
    size_t k = !v.words.empty() && (v.words[0] == "a" || v.words[0] == "an") ? 1 : 0;
    if (k < v.words.size()) lex.figure_words.insert(v.words[k]);
  }
  for (const auto* cues : {&kinds["verbs"], &kinds["nouns"], &kinds["tolls"]})
    for (const auto& e : *cues)
      for (const auto& v : e.values) {
        std::string longest;
        for (std::string& w : PhraseWords(v))
          if (w.size() > longest.size()) longest = std::move(w);
        if (!longest.empty()) lex.cue_words.insert(longest);
      }
  return lex;
}

bool CountLexicon::MayHoldCount(const std::vector<std::string_view>& words) const {
  // A figure binds to a cue of its own clause: both within kNear words of each other. (A
  // sentence not parsed is still read along its words: this only chooses where the tree helps.)
  constexpr size_t kNear = 12;
  size_t last_figure = SIZE_MAX, last_cue = SIZE_MAX, last_one = SIZE_MAX;
  auto near = [&](size_t a, size_t b) { return a != SIZE_MAX && b != SIZE_MAX && (a > b ? a - b : b - a) <= kNear; };
  std::string lower;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (w.empty()) continue;
    lower.assign(w);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "a" || lower == "an" || lower == "another") last_one = i;
    // One person: "a", "an", "another" shortly before a person noun ("a 30-year-old man").
    bool figure = std::isdigit(static_cast<unsigned char>(w[0])) || figure_words.count(lower) > 0 ||
                  (last_one != SIZE_MAX && i - last_one <= 6 && IsPersonNoun(lower));
    if (figure) {
      if (near(i, last_cue)) return true;
      last_figure = i;
    }
    if (cue_words.count(lower)) {
      if (near(i, last_figure)) return true;
      last_cue = i;
    }
  }
  return false;
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
  std::vector<size_t> undecided;
  std::vector<Span> finals;
  for (const Sentence& s : *sentences) {
    // A parsed sentence is read through its tree; one without a parse along its words.
    std::vector<Count> found;
    if (s.parsed && !TitleCase(doc, s)) {
      found = FindCountsOnTree(*lex_, doc, s, &undecided, &finals);
      if (!undecided.empty()) {
        // A figure the tree binds to no kind: as the words tell it, that figure alone.
        Clause c = ClauseOfTokens(doc, s);
        for (Count& w : Binder(*lex_, c).Run())
          for (size_t u : undecided)
            if (u < c.size() && w.span.begin == c.toks[u].span.begin) found.push_back(std::move(w));
      }
    } else {
      Clause c = ClauseOfSentence(doc, s);
      found = Binder(*lex_, c).Run();
    }
    all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  // A recorder's final tally of a kind replaces the other figures of that kind.
  if (!finals.empty()) {
    std::set<std::string> final_kinds;
    for (const Count& c : all)
      for (Span f : finals)
        if (c.span.begin == f.begin && c.span.end == f.end) final_kinds.insert(c.kind);
    std::erase_if(all, [&](const Count& c) {
      if (!final_kinds.count(c.kind)) return false;
      return std::none_of(finals.begin(), finals.end(),
                          [&](Span f) { return c.span.begin == f.begin && c.span.end == f.end; });
    });
  }
  doc.counts = MergeRestatedCounts(std::move(all));
}

namespace {

// The noun a figure counts, lower case ("gunmen" in "four armed gunmen"); "" when none is named or
// it names anyone ("people", "others").
std::string CountedNoun(const std::string& who) {
  size_t end = who.size();
  while (end > 0 && !std::isalpha(static_cast<unsigned char>(who[end - 1]))) --end;
  size_t begin = end;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(who[begin - 1]))) --begin;
  std::string noun = who.substr(begin, end - begin);
  for (char& ch : noun) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static const std::set<std::string> kAnyone = {"people", "persons", "person", "others", "individuals", "victims"};
  return kAnyone.count(noun) ? "" : noun;
}

}  // namespace

std::vector<Count> MergeRestatedCounts(std::vector<Count> counts) {
  // Exact figures by kind, sorted, so each qualified figure looks only at its neighbours:
  // O(n log n) however many counts a page holds.
  std::map<std::string, std::vector<double>> exact;
  for (const Count& c : counts)
    if (c.qualifier == "exact") exact[SameKind(c.kind, "arrested") ? "arrested" : c.kind].push_back(c.value);
  for (auto& [kind, values] : exact) std::sort(values.begin(), values.end());
  std::set<std::tuple<std::string, double, bool>> seen;
  // Exact figures kept, by kind and value: the nouns they count ("" for a generic one).
  std::map<std::pair<std::string, double>, std::vector<std::string>> nouns;
  std::vector<Count> out;
  for (Count& c : counts) {
    std::string kind = SameKind(c.kind, "arrested") ? "arrested" : c.kind;
    bool is_exact = c.qualifier == "exact";
    if (is_exact) {
      // "police shot four men" and, elsewhere, "left four gunmen killed": the same figure counting
      // two different nouns is two facts; a generic noun ("four people") or none restates either.
      std::string noun = CountedNoun(c.who);
      auto& kept = nouns[{kind, c.value}];
      bool restates = !kept.empty() && (noun.empty() || std::find(kept.begin(), kept.end(), "") != kept.end() ||
                                        std::find(kept.begin(), kept.end(), noun) != kept.end());
      if (restates) continue;
      kept.push_back(noun);
    } else if (!seen.insert({kind, c.value, is_exact}).second) {
      continue;
    }
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
