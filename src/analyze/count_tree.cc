// How a figure is bound through the tree (count_tree.h); the figure itself is read from the
// words (count_figures.h). For the nominal N a figure numbers (its nummod head, or the figure
// itself: "16 were killed", "dozens of people"), climbed to the first of its conjuncts P:
//   1. P is the subject of a kind cue, or of a verb joined to one ("was shot and killed") or
//      governing one ("were reported killed"): the cue's kind, unless the verb is active with an
//      object of its own (the counted are its agents: "two gunmen killed three people");
//   2. P is the object of a kind cue ("killing at least 12", "detained 40 protesters"), or is
//      "of" a kind noun ("the arrest of 5,000 people");
//   3. N names the fate ("16 dead", "225 deaths", "1 fatality.", "7 total fatalities");
//   4. a participle or adjective cue modifies N ("12 people killed in the blast", "3 dead soldiers");
//   5. P states a toll's value: "the death toll rose to 225", "fatalities coded as 20", "the
//      toll is 12".
// A nominal named as a part of another ("including two children", "among them 3 women") is not
// counted on its own. Conjuncts give one count each and one for their sum ("2 men and 3 women").
// "a man", "another soldier" count one when their verb is a kind cue.
#include "analyze/count_tree.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "analyze/count_figures.h"

namespace eventmill::analyze {
namespace {

// Words that link a toll to its value ("rose to 225", "stands at 12", "coded as 20").
const std::set<std::string, std::less<>> kTollCases = {"to", "at", "as", "of", "by"};
// A crowd figure read from its noun alone ("5,000 protesters") must be at least this big.
constexpr double kMinCrowd = 100;

// The sentence's tree, indexed by word of the clause (0 = the sentence's first word).
class Tree {
 public:
  Tree(const Document& doc, const Sentence& s) : doc_(doc), begin_(s.token_begin), n_(int(s.token_end - s.token_begin)) {
    kids_.resize(n_);
    for (int i = 0; i < n_; ++i)
      if (int h = Head(i); h >= 0) kids_[h].push_back(i);
  }
  int size() const { return n_; }
  int Head(int i) const {
    int32_t h = Tok(i).head;
    return h < int32_t(begin_) || h >= int32_t(begin_) + n_ ? -1 : int(h - begin_);
  }
  Deprel Rel(int i) const { return UniversalDeprel(Tok(i).deprel); }
  Deprel FullRel(int i) const { return Tok(i).deprel; }
  Upos Pos(int i) const { return Tok(i).upos; }
  const std::string& Xpos(int i) const { return Tok(i).xpos; }
  const std::string& Lemma(int i) const { return Tok(i).lemma; }
  const std::vector<int>& Kids(int i) const { return kids_[i]; }
  int Kid(int i, Deprel rel) const {
    for (int k : kids_[i])
      if (Rel(k) == rel) return k;
    return -1;
  }
  bool Nominal(int i) const {
    Upos p = Pos(i);
    return p == Upos::kNoun || p == Upos::kPropn || p == Upos::kNum || p == Upos::kPron || p == Upos::kAdj;
  }

 private:
  const Token& Tok(int i) const { return doc_.tokens[begin_ + i]; }
  const Document& doc_;
  uint32_t begin_;
  int n_;
  std::vector<std::vector<int>> kids_;
};

// One conjunct of a counted subject or object: its noun and its figure.
struct Member {
  int noun = -1;         // the word that names the counted (-1: the figure stands alone)
  int at = -1;           // the member's place in the tree (the noun, or the figure's head)
  std::optional<Figure> figure;
};

class TreeBinder {
 public:
  TreeBinder(const CountLexicon& lex, const Clause& c, const Tree& t) : lex_(lex), c_(c), t_(t), reader_(lex, c) {}

  // The counts; *undecided: the first tokens of figures the tree could not bind (no kind told).
  // *finals: the spans of recorders' final tallies among them.
  std::vector<Count> Run(std::vector<size_t>* undecided, std::vector<Span>* finals) {
    finals_ = finals;
    ReadFigures();
    std::vector<Count> out;
    for (size_t k = 0; k < figures_.size(); ++k) {
      if (!usable_[k]) continue;
      int n = NominalOf(heads_[k]);
      // Four digits that read as a year count only people: "1500 soldiers", not "in 1993".
      if (figures_[k].digits_year && (n == heads_[k] || !IsPerson(n))) continue;
      if (!Bind(n, &out)) undecided->push_back(figures_[k].begin);
    }
    // "a man", "another soldier": one person, counted when the verb tells a fate.
    for (int i = 0; i < t_.size(); ++i)
      if (figure_at_[i] < 0 && OneByDeterminer(i, /*in_group=*/false)) Bind(i, &out);
    return out;
  }

 private:
  void ReadFigures() {
    figure_at_.assign(t_.size(), -1);
    for (size_t i = 0; i < c_.size();) {
      std::optional<Figure> f = reader_.Read(i);
      if (!f) {
        ++i;
        continue;
      }
      size_t k = figures_.size();
      figures_.push_back(*f);
      for (size_t j = f->begin; j < f->end; ++j) figure_at_[j] = int(k);
      // The figure's head: its word whose head lies outside it.
      int head = int(f->end) - 1;
      for (size_t j = f->number_begin; j < f->end; ++j) {
        int h = t_.Head(int(j));
        if (h < int(f->begin) || h >= int(f->end)) {
          head = int(j);
          break;
        }
      }
      heads_.push_back(head);
      usable_.push_back(!NeverACount(lex_, c_, *f));
      i = f->end;
    }
    // The figure each word is numbered by (its first), so a lookup is O(1) however many figures
    // a sentence holds.
    numbered_by_.assign(t_.size(), -1);
    for (size_t k = 0; k < figures_.size(); ++k) {
      int n = NominalOf(heads_[k]);
      if (n != heads_[k] && numbered_by_[n] < 0) numbered_by_[n] = int(k);
    }
  }

  // The nominal a figure headed at h numbers: its head noun when it modifies one ("5 people";
  // a number word the tagger took for a name, "Seven villagers", hangs as a compound), else the
  // figure itself ("16 were killed").
  int NominalOf(int h) const {
    int head = t_.Head(h);
    if (head < 0) return h;
    Deprel r = t_.Rel(h);
    if (r == Deprel::kNummod) return PhraseHead(head);
    Upos hp = t_.Pos(head);
    bool before_noun = head > h && (hp == Upos::kNoun || hp == Upos::kPropn || hp == Upos::kAdj);
    if (before_noun && (r == Deprel::kCompound || r == Deprel::kAmod || r == Deprel::kDet || r == Deprel::kDep))
      return PhraseHead(head);
    return h;
  }

  // The head of the noun phrase a modifier word opens: "1 QSD fighter" numbers "fighter", on
  // which "QSD" hangs as a compound.
  int PhraseHead(int n) const {
    for (int steps = 0; steps < 4; ++steps) {
      int up = t_.Head(n);
      Deprel r = t_.Rel(n);
      if (up <= n || (r != Deprel::kCompound && r != Deprel::kAmod && r != Deprel::kFlat)) break;
      if (t_.Pos(up) != Upos::kNoun && t_.Pos(up) != Upos::kPropn) break;
      n = up;
    }
    return n;
  }

  bool IsPerson(int i) const {
    return i >= 0 && (lex_.IsPersonNoun(c_.lw[i]) || (!t_.Lemma(i).empty() && lex_.IsPersonNoun(t_.Lemma(i))));
  }

  // "a man", "another soldier" (and, inside a group with figures, "the leader", "his son"): one
  // person named without a figure.
  bool OneByDeterminer(int i, bool in_group) const {
    if (!IsPerson(i) || t_.Pos(i) == Upos::kPropn || t_.Xpos(i) == "NNS" || t_.Xpos(i) == "NNPS") return false;
    if (numbered_by_[i] >= 0) return false;
    for (int k : t_.Kids(i)) {
      const std::string& w = c_.lw[k];
      if (t_.Rel(k) == Deprel::kDet && (w == "a" || w == "an" || w == "another")) return true;
      if (in_group && ((t_.Rel(k) == Deprel::kDet && w == "the") || t_.FullRel(k) == Deprel::kNmodPoss)) return true;
    }
    return false;
  }

  // The figure that numbers tree word i: a figure whose head is i, or one that is its nummod.
  std::optional<Figure> FigureOf(int i, bool in_group, int* noun) const {
    *noun = i;
    if (int k = figure_at_[i]; k >= 0 && heads_[k] == i) {
      if (!usable_[k]) return std::nullopt;
      *noun = -1;
      // "dozens of people", "one of his companions": the people are named after "of".
      if (int of = t_.Kid(i, Deprel::kNmod); of >= 0 && of > i) {
        int cs = t_.Kid(of, Deprel::kCase);
        if (cs >= 0 && c_.lw[cs] == "of") *noun = of;
      }
      return figures_[k];
    }
    if (int k = numbered_by_[i]; k >= 0) {
      if (!usable_[k]) return std::nullopt;
      return figures_[k];
    }
    if (OneByDeterminer(i, in_group)) {
      Figure one;
      one.begin = one.number_begin = size_t(i);
      one.end = size_t(i) + 1;
      one.value = 1;
      one.implicit = true;
      for (int k : t_.Kids(i))
        if (t_.Rel(k) == Deprel::kDet || t_.FullRel(k) == Deprel::kNmodPoss) one.begin = std::min(one.begin, size_t(k));
      return one;
    }
    return std::nullopt;
  }

  // The label of the cue (verb cues, then noun cues) starting at word i; *len its length.
  const std::string* CueOf(int i, size_t* len, bool nouns_too = true) const {
    // "fatally shot", "critically injured": a cue may open with the adverb before the word.
    if (i > 0 && t_.Head(i - 1) == i && t_.Rel(i - 1) == Deprel::kAdvmod)
      if (const std::string* cue = CueAt(c_, size_t(i - 1), lex_.verb_cues, len); cue && *len > 1) {
        --*len;
        return cue;
      }
    const std::string* cue = CueAt(c_, size_t(i), lex_.verb_cues, len);
    if (!cue && nouns_too) cue = CueAt(c_, size_t(i), lex_.noun_cues, len);
    return cue;
  }

  bool Passive(int v) const {
    for (int k : t_.Kids(v))
      if (t_.FullRel(k) == Deprel::kAuxPass || t_.Rel(k) == Deprel::kCop) return true;
    return false;
  }

  // The kind a verb (or predicate) tells of its subject: its own cue, or that of a verb it
  // governs (xcomp: "were reported killed") or shares its subject with (conj: "shot and killed").
  const std::string* VerbKind(int v, bool passive, int depth) const {
    size_t len = 0;
    if (const std::string* cue = CueOf(v, &len)) {
      passive = passive || Passive(v);
      int obj = t_.Kid(v, Deprel::kObj);
      // "two gunmen killed three people": the subject did it; "lost their lives" is one cue.
      if (!passive && obj >= 0 && obj >= v + int(len)) return nullptr;
      return cue;
    }
    if (depth >= 2) return nullptr;
    for (int k : t_.Kids(v)) {
      Deprel r = t_.Rel(k);
      bool shares = r == Deprel::kXcomp || (r == Deprel::kConj && t_.Kid(k, Deprel::kNsubj) < 0 && k > v);
      if (!shares) continue;
      if (const std::string* cue = VerbKind(k, passive || Passive(k), depth + 1)) return cue;
    }
    return nullptr;
  }

  // Whether the words of the subtree of i hold a toll ("the death toll") or a fate noun
  // ("fatalities", "the number of deaths"); its label.
  const std::string* TollIn(int i, int depth = 0) const {
    size_t len = 0;
    if (const std::string* toll = CueAt(c_, size_t(i), lex_.toll_cues, &len)) return toll;
    if (const std::string* fate = CueAt(c_, size_t(i), lex_.noun_cues, &len)) return fate;
    if (depth >= 3) return nullptr;
    for (int k : t_.Kids(i)) {
      Deprel r = t_.Rel(k);
      if (r != Deprel::kCompound && r != Deprel::kNmod && r != Deprel::kAmod) continue;
      if (const std::string* toll = TollIn(k, depth + 1)) return toll;
    }
    // "the death toll": a toll cue may start at the compound before its head.
    for (int k : t_.Kids(i))
      if (k < i && t_.Rel(k) == Deprel::kCompound)
        if (const std::string* toll = CueAt(c_, size_t(k), lex_.toll_cues, &len)) return toll;
    return nullptr;
  }

  // A nominal named as a part of another: "including two children", "among them 3 women".
  bool NamedAsPart(int p) const {
    Deprel r = t_.Rel(p);
    if (r == Deprel::kAppos) return true;
    if (r != Deprel::kNmod && r != Deprel::kObl && r != Deprel::kAcl) return false;
    for (int k : t_.Kids(p))
      if ((t_.Rel(k) == Deprel::kCase || t_.Rel(k) == Deprel::kMark) && lex_.parts.count(c_.lw[k])) return true;
    return false;
  }

  // The kind the tree tells of the counted at p (the first conjunct), whose noun is `noun`.
  // *from_noun: the kind is read from the noun alone (rule 3).
  // `implicit`: one person named without a figure ("a gunman"), whose fate a participle on it
  // does not tell ("a gunman accused of killing eight").
  // *final: a recorder's final tally ("fatalities coded as 20", data/counts/kinds.txt [final]).
  const std::string* KindAt(int p, int noun, int members, bool implicit, bool* from_noun, bool* final) const {
    *from_noun = false;
    *final = false;
    Deprel r = t_.Rel(p);
    int head = t_.Head(p);
    size_t len = 0;
    if (r == Deprel::kNsubj && head >= 0) {
      bool passive = t_.FullRel(p) == Deprel::kNsubjPass || Passive(head);
      // One person without a figure counts only as the one it happened to ("a man was
      // arrested"), never as the active subject ("a gunman accused of killing eight").
      if (!implicit || passive)
        if (const std::string* k = VerbKind(head, passive, 0)) return k;
    }
    // An object, or a figure right after its verb however the parser hung it ("killed
    // seventeen" as xcomp or dep).
    bool object = r == Deprel::kObj || r == Deprel::kIobj ||
                  ((r == Deprel::kXcomp || r == Deprel::kDep || r == Deprel::kCcomp) && head >= 0 && head < p);
    // A passive verb takes no object: one hung on it is a misparse, and tells nothing.
    if (object && head >= 0 && !Passive(head)) {
      if (const std::string* k = CueOf(head, &len, /*nouns_too=*/false)) return k;
    }
    if (r == Deprel::kNmod && head >= 0) {
      int cs = t_.Kid(p, Deprel::kCase);
      // "the arrest of 5,000 people", "the deaths of 12 soldiers", "claimed the lives of 12".
      if (cs >= 0 && c_.lw[cs] == "of")
        if (const std::string* k = CueOf(head, &len)) return k;
    }
    // The noun names the fate: "16 dead", "1 fatality.", "300 arrests", "5,000 protesters".
    if (members == 1 && noun >= 0) {
      if (const std::string* k = CueAt(c_, size_t(noun), lex_.noun_cues, &len)) {
        *from_noun = true;
        return k;
      }
    }
    // A participle or adjective cue on the noun: "12 people killed in the blast", "3 dead soldiers".
    for (int at : {noun, p}) {
      if (at < 0 || implicit) continue;
      for (int k : t_.Kids(at)) {
        Deprel kr = t_.Rel(k);
        if (kr != Deprel::kAcl && kr != Deprel::kAmod) continue;
        if (kr == Deprel::kAcl && t_.Kid(k, Deprel::kObj) >= 0) continue;  // "gunmen killing civilians"
        if (const std::string* cue = CueOf(k, &len, /*nouns_too=*/false)) return cue;
      }
    }
    // A toll's value: "the death toll rose to 225", "fatalities coded as 20".
    if ((r == Deprel::kObl || r == Deprel::kNmod) && head >= 0) {
      int cs = t_.Kid(p, Deprel::kCase);
      if (cs >= 0 && kTollCases.count(c_.lw[cs])) {
        if (r == Deprel::kNmod)  // "a toll of 12"
          if (const std::string* toll = TollIn(head)) return toll;
        // The toll is the subject of the verb, or of a verb above it the clause hangs on
        // ("90 fatalities spread across 5 events coded as 18").
        for (int v = head, steps = 0; v >= 0 && steps < 3; v = t_.Head(v), ++steps) {
          int subject = t_.Kid(v, Deprel::kNsubj);
          if (subject < 0 && t_.Rel(v) == Deprel::kAcl) subject = t_.Head(v);
          if (subject >= 0)
            if (const std::string* toll = TollIn(subject)) {
              *final = lex_.final_tallies.count(c_.lw[head]) > 0 && c_.lw[cs] == "as";
              return toll;
            }
          Deprel vr = t_.Rel(v);
          if (vr != Deprel::kAcl && vr != Deprel::kAdvcl && vr != Deprel::kObl && vr != Deprel::kNmod) break;
        }
      }
    }
    // "the toll is 12": the figure is the predicate, the toll its subject.
    if (int subject = t_.Kid(p, Deprel::kNsubj); subject >= 0 && t_.Kid(p, Deprel::kCop) >= 0)
      if (const std::string* toll = TollIn(subject)) return toll;
    return nullptr;
  }

  // Binds the counted at tree word n (the figure's nominal) with its conjuncts.
  // Returns false when the tree tells no kind for the counted (the figure is undecided).
  bool Bind(int n, std::vector<Count>* out) {
    int p = n;
    while (t_.Rel(p) == Deprel::kConj && t_.Head(p) >= 0 && t_.Nominal(t_.Head(p))) p = t_.Head(p);
    if (!bound_.insert(p).second) return true;
    if (NamedAsPart(p)) return true;
    std::vector<int> at{p};
    for (int k : t_.Kids(p))
      if (t_.Rel(k) == Deprel::kConj && t_.Nominal(k)) at.push_back(k);
    bool group = at.size() > 1;
    std::vector<Member> members;
    bool all = true;
    size_t len = 0;
    for (int a : at) {
      Member m;
      m.at = a;
      m.figure = FigureOf(a, group, &m.noun);
      if (!m.figure) {
        all = false;
        continue;
      }
      // A counted noun that is no person ("3 vehicles were burned") ends the group; a noun of
      // fate ("1 fatality", "12 bodies") stands for persons.
      if (m.noun >= 0 && !IsPerson(m.noun) && !CueAt(c_, size_t(m.noun), lex_.noun_cues, &len)) return true;
      members.push_back(std::move(m));
    }
    if (members.empty()) return true;
    if (members.size() == 1 && members[0].figure->implicit && group) return true;
    const Member& first = members[0];
    bool bare = first.noun < 0 && members.size() == 1;
    if (bare && first.figure->one_word) return true;  // "one" alone: "one of the reasons"
    bool from_noun = false, final = false;
    const std::string* kind = KindAt(p, first.noun, int(members.size()), first.figure->implicit, &from_noun, &final);
    if (!kind) return false;
    // Few protesters named alone are the subject of something the sentence tells otherwise.
    if (from_noun && *kind == "participants" && first.figure->value < kMinCrowd) return true;
    size_t before = out->size();
    Emit(*kind, members, all && members.size() > 1, out);
    if (final)
      for (size_t i = before; i < out->size(); ++i) finals_->push_back((*out)[i].span);
    return true;
  }

  // Tokens [begin, end) of a member: its figure and its noun with what stands between.
  std::pair<size_t, size_t> Extent(const Member& m) const {
    size_t b = m.figure->begin, e = m.figure->end;
    if (m.noun >= 0) {
      b = std::min(b, size_t(m.noun));
      e = std::max(e, size_t(m.noun) + 1);
    }
    return {b, e};
  }

  Count Make(const std::string& kind, double value, const std::string& qualifier, size_t b, size_t e,
             size_t who_b) const {
    Count c;
    c.kind = kind;
    c.value = value;
    c.qualifier = qualifier;
    c.span = {c_.toks[b].span.begin, c_.toks[e - 1].span.end};
    c.text = std::string((*c_.doc)[c.span]);
    if (who_b < e) c.who = std::string((*c_.doc)[{c_.toks[who_b].span.begin, c_.toks[e - 1].span.end}]);
    return c;
  }

  void Emit(const std::string& kind, const std::vector<Member>& members, bool sum, std::vector<Count>* out) const {
    double total = 0;
    bool exact = true;
    for (const Member& m : members) {
      total += m.figure->value;
      exact = exact && m.figure->qualifier == "exact";
      if (m.figure->implicit && members.size() > 1) continue;
      auto [b, e] = Extent(m);
      size_t who_b = m.noun < 0 ? e : m.figure->implicit ? size_t(m.noun) : m.figure->end;
      if (m.noun >= 0 && size_t(m.noun) < m.figure->begin) who_b = size_t(m.noun);
      out->push_back(Make(kind, m.figure->value, m.figure->qualifier, b, e, who_b));
    }
    if (!sum || total > kMaxCountValue) return;
    auto [b, unused] = Extent(members.front());
    auto [unused2, e] = Extent(members.back());
    out->push_back(Make(kind, total, exact ? "exact" : "about", b, e, members.front().figure->end));
  }

  const CountLexicon& lex_;
  const Clause& c_;
  const Tree& t_;
  FigureReader reader_;
  std::vector<Figure> figures_;
  std::vector<int> heads_;
  std::vector<bool> usable_;
  std::vector<int> figure_at_;
  std::vector<int> numbered_by_;  // by word: the figure that numbers it, or -1
  std::set<int> bound_;
  std::vector<Span>* finals_ = nullptr;
};

}  // namespace

std::vector<Count> FindCountsOnTree(const CountLexicon& lex, const Document& doc, const Sentence& sentence,
                                    std::vector<size_t>* undecided, std::vector<Span>* finals) {
  undecided->clear();
  Clause c = ClauseOfTokens(doc, sentence);
  Tree tree(doc, sentence);
  if (tree.size() != int(c.size())) return {};
  return TreeBinder(lex, c, tree).Run(undecided, finals);
}

}  // namespace eventmill::analyze
