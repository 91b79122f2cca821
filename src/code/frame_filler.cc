#include "code/frame_filler.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>

#include "code/detached_agent.h"
#include "code/sentence_view.h"
#include "core/data_files.h"
#include "text/grammar_words.h"

namespace eventmill::code {
namespace {

FrameSlot SlotFromName(std::string_view name) {
  if (name == "source") return FrameSlot::kSource;
  if (name == "target") return FrameSlot::kTarget;
  if (name == "sides") return FrameSlot::kSides;
  return FrameSlot::kNone;
}

// The words of one sentence's tree, with each word's dependents.
class Tree {
 public:
  Tree(const Document& doc, const Sentence& s)
      : doc_(doc), sentence_(s), begin_(s.token_begin), end_(s.token_end) {
    kids_.resize(end_ - begin_);
    for (uint32_t i = begin_; i < end_; ++i) {
      int32_t h = doc.tokens[i].head;
      if (h >= static_cast<int32_t>(begin_) && h < static_cast<int32_t>(end_)) kids_[h - begin_].push_back(i);
    }
  }
  const Token& at(uint32_t i) const { return doc_.tokens[i]; }
  const Document& doc() const { return doc_; }
  const Sentence& sentence() const { return sentence_; }
  bool Inside(int32_t i) const { return i >= static_cast<int32_t>(begin_) && i < static_cast<int32_t>(end_); }
  const std::vector<uint32_t>& Children(uint32_t i) const { return kids_[i - begin_]; }
  // The head of i inside the sentence, or -1.
  int32_t Head(uint32_t i) const { return Inside(at(i).head) ? at(i).head : -1; }
  std::string Lower(uint32_t i) const {
    std::string w(doc_[at(i).span]);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
  }
  // The case word of a prepositional dependent ("against" in "against the reform"); "by" for
  // obl:agent; "" for none.
  std::string Marker(uint32_t i) const {
    for (uint32_t c : Children(i)) {
      if (at(c).deprel == Deprel::kCase) return Lower(c);
    }
    return at(i).deprel == Deprel::kOblAgent ? "by" : "";
  }
  int32_t Child(uint32_t i, std::initializer_list<Deprel> rels) const {
    for (uint32_t c : Children(i)) {
      if (std::find(rels.begin(), rels.end(), at(c).deprel) != rels.end()) return static_cast<int32_t>(c);
    }
    return -1;
  }
  bool IsRelativePronoun(uint32_t i) const {
    if (at(i).upos != Upos::kPron && at(i).upos != Upos::kDet) return false;
    std::string w = Lower(i);
    return text::grammar::IsIn(text::grammar::kRelativePronouns, w) || w == "that";
  }
  // The noun a relative pronoun stands for, or -1. Under a relative clause (acl:relcl), the noun
  // the clause modifies. A "who"/"which" clause set off after a noun that the parser hung
  // elsewhere ("fired at protesters, who threw stones" read as a second clause of "fired") still
  // describes the noun just before it: a wh-pronoun after a noun and a comma opens no new clause.
  int32_t Antecedent(uint32_t rel) const {
    if (!IsRelativePronoun(rel)) return -1;
    int32_t clause = Head(rel);
    if (clause >= 0 && at(clause).deprel == Deprel::kAclRelcl) return Head(static_cast<uint32_t>(clause));
    std::string w = Lower(rel);
    if ((w != "who" && w != "which") || rel < begin_ + 2) return -1;
    if (at(rel - 1).upos != Upos::kPunct || Lower(rel - 1) != ",") return -1;
    uint32_t noun = rel - 2;
    if (at(noun).upos != Upos::kNoun && at(noun).upos != Upos::kPropn) return -1;
    return static_cast<int32_t>(noun);
  }
  // Passive: "was arrested" (aux:pass), or a bare past participle hanging from a noun or a clause
  // ("activists arrested by police", "Arrested in May, he ...").
  bool IsPassive(uint32_t i) const {
    if (Child(i, {Deprel::kAuxPass}) >= 0) return true;
    Deprel d = at(i).deprel;
    return at(i).xpos == "VBN" && (d == Deprel::kAcl || d == Deprel::kAdvcl) && Child(i, {Deprel::kAux}) < 0;
  }

 private:
  const Document& doc_;
  const Sentence& sentence_;
  uint32_t begin_, end_;
  std::vector<std::vector<uint32_t>> kids_;
};

bool IsSubjectRelation(Deprel d) { return d == Deprel::kNsubj || d == Deprel::kNsubjPass || d == Deprel::kCsubj; }

class FrameReader {
 public:
  FrameReader(const Tree& tree, std::string_view cameo, const FrameRules& rules, const FrameWords& words,
              FrameReading& out)
      : t_(tree), cameo_(cameo), rules_(rules), words_(words), out_(out) {}

  // The speakers of the verbs that report the trigger's clause, and "according to X".
  void FindReporters(uint32_t trigger) {
    auto add = [&](uint32_t w) {
      for (uint32_t c : Conjuncts(w)) {
        for (uint32_t x : LookIn(c)) out_.not_actors.push_back(x);
      }
    };
    uint32_t cur = trigger;
    for (int depth = 0; depth < 6; ++depth) {
      for (uint32_t c : t_.Children(cur)) {
        if (t_.at(c).deprel == Deprel::kObl && t_.Marker(c) == "according") add(c);
      }
      int32_t h = t_.Head(cur);
      Deprel d = t_.at(cur).deprel;
      // "X said (that) Y attacked", "Y attacked, X said" (the parser hangs the attack on "said" as
      // its ccomp, or "said" on the attack as parataxis).
      for (uint32_t c : t_.Children(cur)) {
        if (t_.at(c).deprel == Deprel::kParataxis && IsReportingVerb(t_.Lower(c))) {
          int32_t subj = t_.Child(c, {Deprel::kNsubj});
          if (subj >= 0) add(static_cast<uint32_t>(subj));
        }
      }
      if (h < 0) return;
      // An adjunct (", vowing to ...") may belong to the main clause whatever the parser hung it
      // on: no reporter is read across one.
      if (d != Deprel::kCcomp && d != Deprel::kParataxis && d != Deprel::kConj && d != Deprel::kXcomp) return;
      if ((d == Deprel::kCcomp || d == Deprel::kParataxis) && IsReportingVerb(t_.Lower(static_cast<uint32_t>(h)))) {
        int32_t subj = t_.Child(static_cast<uint32_t>(h), {Deprel::kNsubj});
        if (subj >= 0) add(static_cast<uint32_t>(subj));
      }
      cur = static_cast<uint32_t>(h);
    }
  }

  void Read(uint32_t trigger, Span phrase) {
    if (ReadModalClause(trigger)) return;
    if (ReadConditionClause(trigger)) return;
    FindReporters(trigger);
    uint32_t predicate = trigger;
    BeginCoreReading(trigger);
    TakeDependents(trigger, trigger);
    direct_ = false;
    TakeDetachedAgent(trigger);
    TakeConditionOfComplement(trigger);
    TakeAgentOfDemandedAct(trigger);
    // "vowed to attack the town": the verb the phrase holds completes the trigger; its subject is
    // the trigger's (control), its objects are the event's.
    for (uint32_t at = trigger, depth = 0; depth < 3; ++depth) {
      int32_t next = -1;
      for (uint32_t c : t_.Children(at)) {
        if (t_.at(c).deprel == Deprel::kXcomp && phrase.Contains(t_.at(c).span)) next = static_cast<int32_t>(c);
      }
      if (next < 0) break;
      at = static_cast<uint32_t>(next);
      out_.explain.push_back("\"" + t_.Lower(at) + "\" completes \"" + t_.Lower(trigger) + "\"");
      TakeDependents(at, at, Take::kObjectsOnly);
    }
    // "staged a protest", "carried out an attack", "went on strike": the light verb's dependents
    // belong to the event its noun names.
    if (IsNoun(trigger)) {
      Deprel d = t_.at(trigger).deprel;
      int32_t h = t_.Head(trigger);
      if (h >= 0 && (d == Deprel::kObj || d == Deprel::kNsubjPass || d == Deprel::kObl) &&
          words_.light_verbs.count(t_.at(h).lemma)) {
        out_.explain.push_back("\"" + t_.Lower(trigger) + "\" is carried by the light verb \"" + t_.Lower(h) + "\"");
        // The light verb's own subject and object are the event's core arguments.
        BeginCoreReading(static_cast<uint32_t>(h));
        TakeDependents(static_cast<uint32_t>(h), trigger);
        direct_ = false;
        predicate = static_cast<uint32_t>(h);
      } else {
        return;  // an event noun takes its own dependents only
      }
    }
    if (t_.Child(predicate, {Deprel::kNsubj, Deprel::kNsubjPass, Deprel::kCsubj}) < 0) {
      InheritSubject(predicate);
    } else if (t_.at(predicate).deprel == Deprel::kAclRelcl && t_.Child(predicate, {Deprel::kObj}) < 0 &&
               !t_.IsPassive(predicate) && t_.Head(predicate) >= 0) {
      // "the man police arrested": a relative clause with a subject of its own lacks its object,
      // the noun it modifies.
      uint32_t noun = static_cast<uint32_t>(t_.Head(predicate));
      if (!t_.IsRelativePronoun(
              static_cast<uint32_t>(t_.Child(predicate, {Deprel::kNsubj, Deprel::kNsubjPass, Deprel::kCsubj})))) {
        FrameSlot slot = rules_.SlotOf(cameo_, Deprel::kObj, "");
        if (slot == FrameSlot::kSource || slot == FrameSlot::kTarget) {
          for (uint32_t w : Conjuncts(noun))
            Add(slot, w, noun, Deprel::kObj, "obj: the noun \"" + t_.Lower(noun) + "\" the relative clause modifies");
        }
      }
    }
  }

  // "The minister said that the rebels must disarm": a modal that the pattern takes as its
  // trigger stands for the clause it helps. Where the family's rows make the subject of a governed
  // clause the target ("10 ccomp * target": whom a demand is made of), that subject is the
  // target and the subject of the verb that governs the clause is the source (who demands it).
  bool ReadModalClause(uint32_t trigger) {
    int32_t clause = t_.Head(trigger);
    if (t_.at(trigger).deprel != Deprel::kAux || clause < 0 || t_.at(clause).deprel != Deprel::kCcomp) return false;
    int32_t governor = t_.Head(static_cast<uint32_t>(clause));
    if (governor < 0 || rules_.SlotOf(cameo_, Deprel::kCcomp, "") != FrameSlot::kTarget) return false;
    int32_t target = t_.Child(static_cast<uint32_t>(clause), {Deprel::kNsubj, Deprel::kNsubjPass});
    int32_t source = t_.Child(static_cast<uint32_t>(governor), {Deprel::kNsubj});
    if (target < 0 || source < 0) return false;
    uint32_t c = static_cast<uint32_t>(clause), g = static_cast<uint32_t>(governor);
    out_.explain.push_back("\"" + t_.Lower(trigger) + "\" stands for the clause \"" + t_.Lower(c) + "\" that \"" +
                           t_.Lower(g) + "\" governs");
    direct_ = true;
    trigger_ = trigger;
    for (uint32_t w : Conjuncts(static_cast<uint32_t>(source))) {
      Add(FrameSlot::kSource, w, static_cast<uint32_t>(source), Deprel::kNsubj, "nsubj of \"" + t_.Lower(g) + "\"");
    }
    for (uint32_t w : Conjuncts(static_cast<uint32_t>(target))) {
      Add(FrameSlot::kTarget, w, static_cast<uint32_t>(target), Deprel::kNsubj,
          "subject of the clause \"" + t_.Lower(c) + "\" that \"" + t_.Lower(g) + "\" governs");
    }
    direct_ = false;
    return true;
  }

  // "The rebels will attack unless the army withdraws": a subordinator that the pattern takes as
  // its trigger stands for the condition it opens. The subject of the clause the condition hangs
  // from sets it (the source); the subject of the condition is whom it is set for (the target).
  bool ReadConditionClause(uint32_t trigger) {
    int32_t clause = t_.Head(trigger);
    if (t_.at(trigger).deprel != Deprel::kMark || clause < 0 || t_.at(clause).deprel != Deprel::kAdvcl) return false;
    int32_t governor = t_.Head(static_cast<uint32_t>(clause));
    if (governor < 0) return false;
    uint32_t c = static_cast<uint32_t>(clause), g = static_cast<uint32_t>(governor);
    int32_t source = t_.Child(g, {Deprel::kNsubj});
    int32_t target = t_.Child(c, {Deprel::kNsubj, Deprel::kNsubjPass});
    if (source < 0) return false;
    out_.explain.push_back("\"" + t_.Lower(trigger) + "\" opens the condition \"" + t_.Lower(c) + "\" set by \"" +
                           t_.Lower(g) + "\"");
    direct_ = true;
    trigger_ = trigger;
    for (uint32_t w : Conjuncts(static_cast<uint32_t>(source))) {
      Add(FrameSlot::kSource, w, static_cast<uint32_t>(source), Deprel::kNsubj, "nsubj of \"" + t_.Lower(g) + "\"");
    }
    if (target >= 0) {
      for (uint32_t w : Conjuncts(static_cast<uint32_t>(target))) {
        Add(FrameSlot::kTarget, w, static_cast<uint32_t>(target), Deprel::kNsubj,
            "subject of the condition \"" + t_.Lower(c) + "\"");
      }
    }
    direct_ = false;
    return true;
  }

 private:
  // From here on, what TakeDependents reads of `verb` is a core reading (FrameArgument::direct)
  // when the verb's tree looks sound.
  void BeginCoreReading(uint32_t verb) {
    // A past participle with a subject but no auxiliary ("The minister, accused of fraud, fled"
    // parsed with "accused" as the main verb) is a reading the parser is often wrong about.
    bool bare_participle = t_.at(verb).xpos == "VBN" && t_.Child(verb, {Deprel::kAux, Deprel::kAuxPass}) < 0;
    // Two subjects on one verb: a misparse.
    int subjects = 0;
    for (uint32_t c : t_.Children(verb)) subjects += IsSubjectRelation(t_.at(c).deprel);
    direct_ = t_.at(verb).upos == Upos::kVerb && !bare_participle && subjects <= 1;
    trigger_ = verb;
  }
  bool OwnedBySubject(uint32_t word) const {
    for (uint32_t c : t_.Children(word)) {
      if (t_.at(c).deprel != Deprel::kNmodPoss || t_.at(c).upos != Upos::kPron) continue;
      std::string w = t_.Lower(c);
      if (w == "its" || w == "their" || w == "his" || w == "her" || w == "our") return true;
    }
    return false;
  }
  bool HasAgent(uint32_t i) const {
    for (uint32_t c : t_.Children(i)) {
      if (t_.at(c).deprel == Deprel::kOblAgent || (t_.at(c).deprel == Deprel::kObl && t_.Marker(c) == "by"))
        return true;
    }
    return false;
  }
  // "was accused of fraud, much of it hidden abroad, by his successors": the "by" phrase an
  // aside cut off from the passive trigger is its agent (detached_agent.h).
  void TakeDetachedAgent(uint32_t verb) {
    if (!t_.IsPassive(verb) || HasAgent(verb)) return;
    std::optional<uint32_t> agent = DetachedAgent(t_.doc(), t_.sentence(), verb);
    if (!agent) return;
    FrameSlot slot = rules_.SlotOf(cameo_, Deprel::kOblAgent, "by");
    if (slot != FrameSlot::kSource && slot != FrameSlot::kTarget) return;
    std::string how = "obl:agent \"by\" of \"" + t_.Lower(verb) + "\" past an aside";
    for (uint32_t w : Conjuncts(*agent)) Add(slot, w, *agent, Deprel::kOblAgent, how);
  }
  // "threatened to close the border if the rebels refused", "threatened to stop talks to cut
  // arms if the neighbour goes ahead": the condition may hang from a verb that completes the
  // trigger (xcomp) or from a purpose clause of it; its subject fills the slot frames.tsv gives an
  // "advcl if" of the trigger's family. Searched below the trigger, three clauses deep at most.
  void TakeConditionOfComplement(uint32_t verb) {
    std::vector<std::pair<uint32_t, int>> open = {{verb, 0}};
    for (size_t at = 0; at < open.size(); ++at) {
      auto [v, depth] = open[at];
      for (uint32_t k : t_.Children(v)) {
        Deprel d = t_.at(k).deprel;
        if (d == Deprel::kXcomp || (d == Deprel::kAdvcl && Subordinator(k) != "if" && Subordinator(k) != "unless")) {
          if (depth < 3) open.push_back({k, depth + 1});
          continue;
        }
        if (d != Deprel::kAdvcl || v == verb) continue;  // the trigger's own: TakeDependents read it
        std::string mark = Subordinator(k);
        FrameSlot slot = rules_.SlotOf(cameo_, Deprel::kAdvcl, mark);
        if (slot != FrameSlot::kSource && slot != FrameSlot::kTarget) continue;
        int32_t subj = t_.Child(k, {Deprel::kNsubj, Deprel::kNsubjPass});
        if (subj < 0) continue;
        std::string how = "subject of the condition \"" + mark + " ... " + t_.Lower(k) + "\" under \"" + t_.Lower(v) + "\"";
        for (uint32_t w : Conjuncts(static_cast<uint32_t>(subj))) Add(slot, w, static_cast<uint32_t>(subj), Deprel::kAdvcl, how);
        return;
      }
    }
  }
  // "demanded an admission by the ministry" says what "demanded that the ministry admit" says:
  // where frames.tsv makes the subject of a demanded clause the target ("10 ccomp * target"), the
  // "by" agent of the demanded act (the trigger's object noun) is the target too.
  void TakeAgentOfDemandedAct(uint32_t verb) {
    if (rules_.SlotOf(cameo_, Deprel::kCcomp, "") != FrameSlot::kTarget) return;
    for (uint32_t c : t_.Children(verb)) {
      if (t_.at(c).deprel != Deprel::kObj || !IsNoun(c)) continue;
      for (uint32_t k : t_.Children(c)) {
        if (t_.at(k).deprel != Deprel::kNmod || t_.Marker(k) != "by" || !IsNominal(k)) continue;
        std::string how = "nmod \"by\" of \"" + t_.Lower(c) + "\", the act \"" + t_.Lower(verb) + "\" asks for";
        for (uint32_t w : Conjuncts(k)) Add(FrameSlot::kTarget, w, k, Deprel::kNmod, how);
      }
    }
  }
  // The subordinator of clause `c` ("if" in "if the army advances"), lower case; "" for none.
  std::string Subordinator(uint32_t c) const {
    for (uint32_t k : t_.Children(c)) {
      if (t_.at(k).deprel == Deprel::kMark) return t_.Lower(k);
    }
    return "";
  }
  bool IsNoun(uint32_t i) const { return t_.at(i).upos == Upos::kNoun || t_.at(i).upos == Upos::kPropn; }

  // The dependents of `p` that the frame rules give a slot (not `skip`: the event noun itself).
  enum class Take { kAll, kObjectsOnly };  // kObjectsOnly: not the subject (a controlled verb's)
  void TakeDependents(uint32_t p, uint32_t skip, Take take = Take::kAll) {
    for (uint32_t c : t_.Children(p)) {
      if (c == skip) continue;
      Deprel d = t_.at(c).deprel;
      if (take == Take::kObjectsOnly && IsSubjectRelation(d)) continue;
      // "35 people were wounded" read as an adjective after "were": its subject suffers the
      // act, as a passive subject does.
      // ("ready to", "willing to": an adjective completed by an infinitive is the subject's own.)
      if (d == Deprel::kNsubj && (t_.at(p).upos == Upos::kAdj || t_.Child(p, {Deprel::kCop}) >= 0) &&
          t_.Child(p, {Deprel::kXcomp}) < 0) {
        d = Deprel::kNsubjPass;
      }
      // An adverbial clause is marked by its subordinator ("if", "unless"), not a case word.
      std::string marker = d == Deprel::kAdvcl ? Subordinator(c) : t_.Marker(c);
      FrameSlot slot = rules_.SlotOf(cameo_, d, marker);
      if (slot == FrameSlot::kNone) continue;
      std::string how =
          std::string(DeprelName(d)) + (marker.empty() ? "" : " \"" + marker + "\"") + " of \"" + t_.Lower(p) + "\"";
      uint32_t word = c;
      if (d == Deprel::kCcomp || d == Deprel::kAdvcl) {
        // "demanded that the government resign": the subject of the demanded clause; "threatened
        // to cut supplies if the neighbour goes ahead": the subject of the condition (frames.tsv
        // "13 advcl if target").
        int32_t subj = t_.Child(c, {Deprel::kNsubj, Deprel::kNsubjPass});
        if (subj < 0) continue;
        word = static_cast<uint32_t>(subj);
        how = "subject of the clause \"" + t_.Lower(c) + "\" that \"" + t_.Lower(p) + "\" governs";
      }
      // "the soldiers who fired": the relative pronoun stands for the noun the clause modifies.
      if (int32_t noun = t_.Antecedent(c); noun >= 0) {
        word = static_cast<uint32_t>(noun);
        how += ", the noun its relative clause modifies";
      }
      // "withdrew its troops", "offered their help": what the source owns is what it acts with,
      // not whom it acts on.
      if (slot == FrameSlot::kTarget && OwnedBySubject(word)) {
        for (uint32_t x : LookIn(word)) out_.not_actors.push_back(x);
        out_.explain.push_back("\"" + t_.Lower(word) + "\" belongs to the source: no target");
        continue;
      }
      if (slot == FrameSlot::kSides) {
        std::vector<uint32_t> sides = Conjuncts(word);
        if (sides.size() < 2) continue;
        Add(FrameSlot::kSource, sides[0], sides[0], d, how + " (first side)");
        Add(FrameSlot::kTarget, sides[1], sides[1], d, how + " (second side)");
        continue;
      }
      for (uint32_t w : Conjuncts(word)) Add(slot, w, word, d, w == word ? how : how + ", coordinated");
    }
  }

  // A clause without a subject of its own takes one from the clause it hangs from.
  void InheritSubject(uint32_t p) {
    bool passive = t_.IsPassive(p);
    Deprel as = passive ? Deprel::kNsubjPass : Deprel::kNsubj;
    uint32_t cur = p;
    for (int depth = 0; depth < 5; ++depth) {
      int32_t h = t_.Head(cur);
      if (h < 0) return;
      Deprel d = t_.at(cur).deprel;
      if (d == Deprel::kXcomp) {
        // "ordered the crowd to disperse": object control; "vowed to attack", "were reported to
        // have fled": the subject of the verb it completes.
        int32_t obj = t_.Child(h, {Deprel::kObj});
        if (obj >= 0) return Inherit(static_cast<uint32_t>(obj), as, "object of \"" + t_.Lower(h) + "\" (control)");
        int32_t subj = t_.Child(h, {Deprel::kNsubj, Deprel::kNsubjPass});
        if (subj >= 0)
          return Inherit(static_cast<uint32_t>(subj), as, "subject of \"" + t_.Lower(h) + "\" (control/raising)");
        cur = static_cast<uint32_t>(h);
        continue;
      }
      if (d == Deprel::kConj) {
        // "arrived and opened fire": conjoined verbs share the first one's subject.
        int32_t subj = t_.Child(h, {Deprel::kNsubj, Deprel::kNsubjPass});
        if (subj >= 0) {
          // "was arrested and charged" shares a passive subject; "arrived and attacked" an active one.
          return Inherit(static_cast<uint32_t>(subj), as, "subject shared with \"" + t_.Lower(h) + "\"");
        }
        cur = static_cast<uint32_t>(h);
        continue;
      }
      if (d == Deprel::kAclRelcl) {
        // "the soldiers who fired".
        return Inherit(static_cast<uint32_t>(h), as, "the noun \"" + t_.Lower(h) + "\" the clause modifies");
      }
      if (d == Deprel::kAcl) {
        // "troops firing on crowds", "activists arrested by police" (a participle on a noun).
        // A past form on a noun that stands where a clause should ("A minister threatened to
        // ...": the tagger read the past tense as a participle) is the noun's act when it has
        // an object or a complement, and undecided without an agent: left to the word order.
        bool clause_slot = t_.at(h).deprel == Deprel::kRoot || t_.at(h).deprel == Deprel::kCcomp ||
                           t_.at(h).deprel == Deprel::kParataxis || t_.Head(h) < 0;
        if (t_.at(cur).xpos == "VBN" && clause_slot && !HasAgent(cur)) {
          if (t_.Child(cur, {Deprel::kObj, Deprel::kXcomp, Deprel::kCcomp, Deprel::kAdvcl}) < 0) return;
          as = Deprel::kNsubj;
        }
        return Inherit(static_cast<uint32_t>(h), as, "the noun \"" + t_.Lower(h) + "\" the clause modifies");
      }
      if (d == Deprel::kAdvcl) {
        // ", vowing to retaliate", "after attacking the base": a participle adjunct has the
        // main clause's subject.
        int32_t subj = t_.Child(h, {Deprel::kNsubj});
        if (subj >= 0)
          return Inherit(static_cast<uint32_t>(subj), as, "subject of the main clause \"" + t_.Lower(h) + "\"");
        return;
      }
      return;  // ccomp ("said ... attacked") and the rest: a clause of its own; its speaker is no actor
    }
  }

  void Inherit(uint32_t word, Deprel as, const std::string& how) {
    // "police, who were accused of beating": the pronoun's own antecedent.
    if (int32_t noun = t_.Antecedent(word); noun >= 0) word = static_cast<uint32_t>(noun);
    FrameSlot slot = rules_.SlotOf(cameo_, as, "");
    if (slot == FrameSlot::kNone || slot == FrameSlot::kSides) return;
    for (uint32_t w : Conjuncts(word)) Add(slot, w, word, as, std::string(DeprelName(as)) + " from the " + how);
  }

  // `w` and the words coordinated with it ("police and soldiers").
  std::vector<uint32_t> Conjuncts(uint32_t w) const {
    std::vector<uint32_t> out = {w};
    for (size_t k = 0; k < out.size() && out.size() < 8; ++k) {
      for (uint32_t c : t_.Children(out[k])) {
        if (t_.at(c).deprel == Deprel::kConj && IsNominal(c)) out.push_back(c);
      }
    }
    return out;
  }
  bool IsNominal(uint32_t i) const {
    Upos u = t_.at(i).upos;
    return u == Upos::kNoun || u == Upos::kPropn || u == Upos::kPron || u == Upos::kNum || u == Upos::kAdj;
  }

  void Add(FrameSlot slot, uint32_t word, uint32_t group, Deprel relation, std::string how) {
    auto& list = slot == FrameSlot::kSource ? out_.sources : out_.targets;
    for (const auto& a : list) {
      if (a.word == word) return;
    }
    // "Rebel leaders said they would attack": a pronoun subject of a reported clause is its
    // speaker.
    if (t_.at(word).upos == Upos::kPron && IsSubjectRelation(t_.at(word).deprel)) {
      std::string w = t_.Lower(word);
      int32_t speaker = (w == "he" || w == "she" || w == "they" || w == "it") ? SpeakerOf(word) : -1;
      if (speaker >= 0) {
        how += "; \"" + w + "\" is the speaker of \"" +
               t_.Lower(static_cast<uint32_t>(t_.Head(static_cast<uint32_t>(speaker)))) + "\"";
        word = static_cast<uint32_t>(speaker);
      }
    }
    FrameArgument a;
    a.slot = slot;
    a.word = word;
    a.group = group;
    // A subject after its verb ("Smith met President X" with "Smith" misread) or an object
    // before it is no sure reading either.
    bool subject = relation == Deprel::kNsubj || relation == Deprel::kNsubjPass;
    a.direct = direct_ && (subject || relation == Deprel::kObj || relation == Deprel::kOblAgent) &&
               (subject ? word < trigger_ : word > trigger_);
    a.relation = relation;
    a.pronoun = t_.at(word).upos == Upos::kPron;
    a.how = std::move(how);
    a.look_in = LookIn(word);
    list.push_back(std::move(a));
  }

  // The subject of the reporting verb whose reported clause `pronoun` is the subject of, or -1.
  int32_t SpeakerOf(uint32_t pronoun) const {
    int32_t clause = t_.Head(pronoun);
    for (int depth = 0; clause >= 0 && depth < 3; ++depth) {
      Deprel d = t_.at(clause).deprel;
      int32_t h = t_.Head(clause);
      if (h < 0) return -1;
      if (d == Deprel::kCcomp && IsReportingVerb(t_.Lower(h))) {
        int32_t subj = t_.Child(h, {Deprel::kNsubj});
        return subj >= 0 && t_.at(subj).upos != Upos::kPron ? subj : -1;
      }
      if (d != Deprel::kConj && d != Deprel::kXcomp) return -1;
      clause = h;
    }
    return -1;
  }

  // Where an actor of the word may be named: itself, then its name parts and modifiers, nearest
  // first ("the ministry's spokesman, X": spokesman, X, ministry; "dozens of protesters").
  std::vector<uint32_t> LookIn(uint32_t word) const {
    std::vector<uint32_t> out = {word};
    for (size_t k = 0; k < out.size() && k < 3; ++k) {
      for (Deprel want :
           {Deprel::kAppos, Deprel::kFlat, Deprel::kCompound, Deprel::kNmod, Deprel::kNmodPoss, Deprel::kAmod}) {
        for (uint32_t c : t_.Children(out[k])) {
          if (t_.at(c).deprel != want) continue;
          // "dozens of protesters", "calls by the rulers", "an offer from the neighbours".
          if (want == Deprel::kNmod) {
            std::string marker = t_.Marker(c);
            if (marker != "of" && marker != "by" && marker != "from") continue;
          }
          if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
        }
      }
    }
    return out;
  }

  bool direct_ = false;  // taking the trigger verb's own dependents
  uint32_t trigger_ = 0;
  const Tree& t_;
  std::string_view cameo_;
  const FrameRules& rules_;
  const FrameWords& words_;
  FrameReading& out_;
};

}  // namespace

Result<FrameRules> FrameRules::Parse(std::string_view tsv, std::string_view name) {
  FrameRules rules;
  EM_RETURN_IF_ERROR(ForEachDataLine(tsv, [&](int number, std::string_view line) {
    std::istringstream f{std::string(line)};
    std::string family, relation, marker, slot;
    if (!(f >> family >> relation >> marker >> slot)) {
      return DataError(name, number, "want four fields: family, relation, marker, slot");
    }
    if (relation == "unnamed" || relation == "scene") {
      // "14 unnamed GOV target": an event of the family that names no target is aimed at that
      // role of its source's country; "08 scene GOV target": of the country where it happens.
      if (slot != "target" || marker.empty() || marker == "-" || marker == "*") {
        return DataError(name, number, "want 'FAMILY " + relation + " ROLE target'");
      }
      (relation == "unnamed" ? rules.unnamed_targets_ : rules.scene_targets_)
          .push_back({family == "*" ? "" : family, marker});
      return Status::Ok();
    }
    Row row;
    row.family = family == "*" ? "" : family;
    row.relation = DeprelFromName(relation);
    if (row.relation == Deprel::kNone || DeprelName(row.relation) != relation) {
      return DataError(name, number, "unknown relation '" + relation + "'");
    }
    row.marker = marker == "-" ? "" : marker;
    row.slot = SlotFromName(slot);
    if (row.slot == FrameSlot::kNone && slot != "none") {
      return DataError(name, number, "unknown slot '" + slot + "' (source, target, sides or none)");
    }
    rules.rows_.push_back(std::move(row));
    return Status::Ok();
  }));
  return rules;
}

namespace {

// The role of the longest family prefix of `cameo` among `rows` (family, role); "" for none.
std::string RoleOfFamily(const std::vector<std::pair<std::string, std::string>>& rows, std::string_view cameo) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& r : rows) {
    if (cameo.substr(0, r.first.size()) == r.first && (!best || r.first.size() > best->first.size())) best = &r;
  }
  return best ? best->second : "";
}

}  // namespace

std::string FrameRules::UnnamedTargetRole(std::string_view cameo) const {
  return RoleOfFamily(unnamed_targets_, cameo);
}

std::string FrameRules::SceneTargetRole(std::string_view cameo) const { return RoleOfFamily(scene_targets_, cameo); }

FrameSlot FrameRules::SlotOf(std::string_view cameo, Deprel relation, std::string_view marker) const {
  const Row* best = nullptr;
  for (const Row& r : rows_) {
    if (r.relation != relation) continue;
    if (r.marker != "*" && r.marker != marker) continue;
    if (cameo.substr(0, r.family.size()) != r.family) continue;
    if (!best || r.family.size() > best->family.size() ||
        (r.family.size() == best->family.size() && best->marker == "*" && r.marker != "*")) {
      best = &r;
    }
  }
  return best ? best->slot : FrameSlot::kNone;
}

FrameReading ReadFrame(const Document& doc, size_t sentence, uint32_t trigger_at, std::string_view cameo,
                       const FrameRules& rules, const FrameWords& words, Span phrase) {
  FrameReading out;
  if (sentence >= doc.sentences.size()) return out;
  const Sentence& s = doc.sentences[sentence];
  if (!s.parsed || s.token_end > doc.tokens.size()) return out;
  uint32_t trigger = s.token_end;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    const Span& sp = doc.tokens[i].span;
    if (sp.begin <= trigger_at && trigger_at < sp.end) {
      trigger = i;
      break;
    }
  }
  if (trigger == s.token_end) return out;
  out.parsed = true;
  out.trigger = trigger;
  Tree tree(doc, s);
  FrameReader(tree, cameo, rules, words, out).Read(trigger, phrase);
  return out;
}

}  // namespace eventmill::code
