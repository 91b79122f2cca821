#include "analyze/entity_structure.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "text/grammar_words.h"
#include "text/word_lists.h"

namespace eventmill::analyze {

namespace {

// Lower case, the curly apostrophe as a straight one, a final dot cut ("Capt." = "capt").
std::string Normalized(std::string_view w) {
  std::string s;
  s.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    if (i + 2 < w.size() && static_cast<unsigned char>(w[i]) == 0xE2 && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        static_cast<unsigned char>(w[i + 2]) == 0x99) {
      s += '\'';
      i += 2;
      continue;
    }
    char c = w[i];
    s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (s.size() > 1 && s.back() == '.') s.pop_back();
  return s;
}

// A phrase split into words as doc.tokens splits it: at spaces, hyphens kept as words.
std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(Normalized(cur));
    cur.clear();
  };
  for (char c : phrase) {
    if (c == ' ') {
      flush();
    } else if (c == '-') {
      flush();
      out.push_back("-");
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

struct Word {
  Span span;
  std::string norm;
  uint32_t sentence = 0;
  bool first = false;  // first word of its sentence
  bool cap = false, allcaps = false, digit = false, letter = false;
  bool parsed = false;
  Upos upos = Upos::kX;
  // The tree of a parsed sentence, in word indices: the head (-1 for the root or no tree), the
  // relation to it, the first dependent and the next dependent of the same head (in word order).
  int head = -1, child = -1, sibling = -1;
  Deprel deprel = Deprel::kNone;
  bool plural = false;  // tagged NNS or NNPS
  int entity = -1;  // index into doc.entities
};

class Reader {
 public:
  Reader(Document& doc, const EntityStructureLexicon& lex) : doc_(doc), lex_(lex) {}
  void Run();

 private:
  void ReadWords();
  void RolesBeforeNames();
  void RolesInAppositions();
  void PeopleByStructure();
  void OrganisationsByStructure();
  // Organisations read from the tree (sentences with one): see OrganisationAt.
  bool Namey(size_t i) const;
  bool JoinsName(size_t c) const;
  // Whether noun `n` has only determiners, modifiers and punctuation under it.
  bool Bare(size_t n) const;
  size_t NameCase(size_t c) const;
  size_t Conjunction(size_t c) const;
  void CollectName(size_t x, std::vector<size_t>& out) const;
  bool NameSpan(const std::vector<size_t>& tops, size_t* a, size_t* b) const;
  void OrganisationAt(size_t x);
  void AddOrganisation(size_t a, size_t b);
  void ShareRoles();

  // The run of capitalised words (and "of", "and", "for" between them, a number glued by a hyphen)
  // starting at `a`, none in an entity; its last word, or -1. (People's names; organisations are
  // read from the tree.)
  int CapRunEnd(size_t a) const;
  bool IsPlace(size_t i) const {
    return w_[i].entity >= 0 && (doc_.entities[w_[i].entity].type == EntityType::kPlace ||
                                 doc_.entities[w_[i].entity].type == EntityType::kCountry);
  }
  bool InRun(size_t i) const { return i < w_.size() && w_[i].cap && w_[i].entity < 0 && !(w_[i].first && !Proper(i)); }
  bool Proper(size_t i) const { return w_[i].parsed && w_[i].upos == Upos::kPropn; }
  bool Same(size_t i, size_t j) const { return i < w_.size() && j < w_.size() && w_[i].sentence == w_[j].sentence; }
  bool Is(size_t i, std::string_view s) const { return i < w_.size() && w_[i].norm == s; }
  bool Glued(size_t i) const { return i > 0 && i < w_.size() && w_[i].span.begin == w_[i - 1].span.end; }
  bool Has(const std::set<std::string, std::less<>>& set, size_t i) const { return i < w_.size() && set.count(w_[i].norm); }
  // The longest role phrase ending right before word `end`, within the sentence; its length.
  size_t RoleEndingAt(size_t end) const;
  int Add(EntityType type, size_t a, size_t b, std::string role, std::string kind);
  void AddRole(Entity& e, std::string_view role);
  std::string_view Text(size_t a, size_t b) const {
    return std::string_view(doc_.text).substr(w_[a].span.begin, w_[b].span.end - w_[a].span.begin);
  }
  // The first word of a name of one to three capitalised words ending at `end` that no entity
  // holds and that is no place, organisation or acronym ("Mark Wayda" in "Mark Wayda, a
  // spokesman"), or SIZE_MAX.
  size_t UnreadNameEndingAt(size_t end) const;
  bool IsPerson(size_t i) const { return i < w_.size() && w_[i].entity >= 0 && doc_.entities[w_[i].entity].type == EntityType::kPerson; }

  Document& doc_;
  const EntityStructureLexicon& lex_;
  std::vector<Word> w_;
  std::vector<std::string> norms_;  // w_[i].norm, for the role phrases
  bool added_ = false;              // an entity was added: doc.entities is sorted again
  std::vector<size_t> dropped_;     // entities a longer name took the place of
};

void Reader::ReadWords() {
  auto add = [&](Span span, uint32_t sentence, bool first, bool parsed, Upos upos, int head, Deprel deprel,
                 bool plural) {
    Word w;
    w.plural = plural;
    w.head = head;
    w.deprel = deprel;
    w.span = span;
    std::string_view t = doc_[span];
    w.norm = Normalized(t);
    w.sentence = sentence;
    w.first = first;
    w.parsed = parsed;
    w.upos = upos;
    size_t letters = 0, upper = 0;
    for (char c : t) {
      if (c >= 'A' && c <= 'Z')
        ++letters, ++upper;
      else if (c >= 'a' && c <= 'z')
        ++letters;
      else if (c >= '0' && c <= '9')
        w.digit = true;
      else if (static_cast<unsigned char>(c) >= 0x80)
        ++letters;
    }
    w.letter = letters > 0;
    w.cap = !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
    w.allcaps = upper >= 2 && upper == letters && !w.digit;
    w_.push_back(std::move(w));
  };
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    const Sentence& s = doc_.sentences[si];
    const int base = static_cast<int>(w_.size()) - static_cast<int>(s.token_begin);  // token -> word
    const uint32_t end = std::min<uint32_t>(s.token_end, static_cast<uint32_t>(doc_.tokens.size()));
    for (uint32_t t = s.token_begin; t < end; ++t) {
      const Token& tok = doc_.tokens[t];
      const bool tree = s.parsed && tok.head >= static_cast<int>(s.token_begin) && tok.head < static_cast<int>(end);
      add(tok.span, si, t == s.token_begin, s.parsed, tok.upos, tree ? tok.head + base : -1,
          s.parsed ? tok.deprel : Deprel::kNone, tok.xpos == "NNS" || tok.xpos == "NNPS");
    }
  }
  // Each head's dependents, in word order.
  for (size_t i = w_.size(); i-- > 0;) {
    if (w_[i].head < 0) continue;
    Word& h = w_[w_[i].head];
    w_[i].sibling = h.child;
    h.child = static_cast<int>(i);
  }
  // The entity each word is part of (entities are sorted by span).
  size_t e = 0;
  const auto& ents = doc_.entities;
  for (size_t i = 0; i < w_.size(); ++i) {
    while (e < ents.size() && ents[e].span.end <= w_[i].span.begin) ++e;
    for (size_t k = e; k < ents.size() && ents[k].span.begin < w_[i].span.end; ++k) {
      if (ents[k].span.begin <= w_[i].span.begin && ents[k].span.end >= w_[i].span.end) {
        w_[i].entity = static_cast<int>(k);
        break;
      }
    }
  }
  norms_.reserve(w_.size());
  for (const Word& w : w_) norms_.push_back(w.norm);
}

int Reader::CapRunEnd(size_t a) const {
  if (!InRun(a) || (a > 0 && Same(a - 1, a) && InRun(a - 1) && !w_[a - 1].first) || Has(lex_.stops, a)) return -1;
  // A name that goes on into an entity ("Southwest Conditions Team" after the place) is not read
  // in part.
  auto named_neighbour = [&](size_t k) { return w_[k].cap && w_[k].entity >= 0 && Same(k, a); };
  if (a > 0 && named_neighbour(a - 1)) return -1;
  size_t b = a;
  while (b + 1 < w_.size() && Same(b, b + 1) && b - a < 8) {
    if (InRun(b + 1) && !w_[b + 1].first) {
      ++b;
    } else if (Glued(b + 1) && Is(b + 1, "-") && b + 2 < w_.size() && Glued(b + 2) && Same(b, b + 2) &&
               (InRun(b + 2) || w_[b + 2].digit) && w_[b + 2].entity < 0) {
      b += 2;  // "Vesti-24"
    } else if (Is(b + 1, "of") || Is(b + 1, "and") || Is(b + 1, "for")) {
      size_t c = b + 2;
      if (!Is(b + 1, "and") && Is(c, "the")) ++c;  // "Front for the Liberation"
      if (c >= w_.size() || !Same(b, c)) break;
      if (!InRun(c)) break;
      b = c;
    } else {
      break;
    }
  }
  if (b + 1 < w_.size() && named_neighbour(b + 1)) return -1;
  return static_cast<int>(b);
}

size_t Reader::UnreadNameEndingAt(size_t end) const {
  static const auto kDays = text::grammar::GrammarWords<std::set<std::string, std::less<>>>(
      {text::grammar::kWeekdays, text::grammar::kMonths}, {"last", "next", "this"});
  // A capitalised word, no acronym, no abbreviation ("Va."), no day or month, in no entity.
  auto plain = [&](size_t i) {
    return w_[i].cap && !w_[i].allcaps && !w_[i].digit && w_[i].letter && w_[i].entity < 0 && !Has(lex_.stops, i) &&
           !kDays.count(w_[i].norm) && doc_[w_[i].span].back() != '.';
  };
  if (!plain(end) || Has(lex_.place_words, end) || Has(lex_.org_heads, end)) return SIZE_MAX;
  size_t a = end;
  while (a > 0 && end - a < 2 && Same(a - 1, end) && plain(a - 1) && !w_[a].first) --a;
  // Two words at least (one alone is as often a place or a thing), not part of a longer
  // capitalised run.
  if (a == end || (a > 0 && Same(a - 1, a) && w_[a - 1].cap && !w_[a].first)) return SIZE_MAX;
  return a;
}

size_t Reader::RoleEndingAt(size_t end) const {
  if (end == 0 || end > w_.size()) return 0;
  text::PhraseHit m = lex_.roles.LongestEndingAt(norms_, end);
  if (!m || m.length > end || !Same(end - m.length, end - 1)) return 0;
  return m.length;
}

int Reader::Add(EntityType type, size_t a, size_t b, std::string role, std::string kind) {
  for (size_t k = a; k <= b; ++k) {
    if (w_[k].entity >= 0 && !(type == EntityType::kOrg && k > a && IsPlace(k))) return -1;  // a place ends a name
  }
  Entity e;
  e.type = type;
  e.span = Span{w_[a].span.begin, w_[b].span.end};
  e.text = std::string(doc_[e.span]);
  e.canonical = e.text;
  e.role = std::move(role);
  e.kind = std::move(kind);
  doc_.entities.push_back(std::move(e));
  added_ = true;
  const int index = static_cast<int>(doc_.entities.size() - 1);
  for (size_t k = a; k <= b; ++k) {
    if (w_[k].entity < 0) w_[k].entity = index;
  }
  return index;
}

void Reader::AddRole(Entity& e, std::string_view role) {
  if (role.empty()) return;
  if (Normalized(e.role).find(Normalized(role)) != std::string::npos) return;
  if (!e.role.empty() && Normalized(role).find(Normalized(e.role)) != std::string::npos) {
    e.role = std::string(role);
    return;
  }
  e.role = e.role.empty() ? std::string(role) : e.role + ", " + std::string(role);
}

// "Carthage Police Officer NAME", "the sheriff's spokesman Capt. NAME": role phrases right before
// the name, one after another.
void Reader::RolesBeforeNames() {
  for (size_t i = 1; i < w_.size(); ++i) {
    if (!IsPerson(i) || w_[i - 1].entity == w_[i].entity) continue;
    size_t end = i, begin = i;
    for (int chain = 0; chain < 2; ++chain) {
      size_t e = end;
      if (e > 0 && Is(e - 1, ".") && Glued(e - 1)) --e;  // "Capt" "." as two words
      size_t len = RoleEndingAt(e);
      if (!len || !Same(e - len, i)) break;
      begin = e - len;
      end = begin;
    }
    if (begin == i) continue;
    AddRole(doc_.entities[w_[i].entity], Text(begin, i - 1));
  }
}

// "NAME, a former foreign minister and ...", "the agency's media coordinator, NAME,".
void Reader::RolesInAppositions() {
  // The last words of the people's names: a surname alone before an apposition is that person.
  std::set<std::string, std::less<>> surnames;
  for (const Entity& e : doc_.entities) {
    if (e.type != EntityType::kPerson) continue;
    size_t sp = e.text.rfind(' ');
    surnames.insert(Normalized(sp == std::string::npos ? e.text : e.text.substr(sp + 1)));
  }
  for (size_t k = 0; k + 2 < w_.size(); ++k) {
    if (!Is(k + 1, ",") || !Same(k, k + 2)) continue;
    const bool person_end = IsPerson(k) && (k + 1 >= w_.size() || w_[k + 1].entity != w_[k].entity);
    // (Not "Jr." or "Sr.": a dotted word is no surname.)
    const bool surname = !person_end && w_[k].cap && w_[k].entity < 0 && surnames.count(w_[k].norm) &&
                         doc_[w_[k].span].back() != '.';
    // A name nothing has read yet: "NAME, a spokesman for ...", "NAME, the Environment Minister".
    const size_t name_begin = person_end || surname ? k : UnreadNameEndingAt(k);
    if (!person_end && !surname && name_begin == SIZE_MAX) continue;
    size_t j = k + 2;
    if (Is(j, "a") || Is(j, "an") || Is(j, "the")) ++j;
    // "the city's deputy mayor", "the agency's chief": the role starts after the possessor.
    for (size_t p = j; p < j + 3 && p < w_.size() && Same(p, j); ++p) {
      if (Is(p, "'s")) {
        j = p + 1;
        break;
      }
    }
    size_t stop = j;
    while (stop < w_.size() && Same(j, stop) && stop - j < 6 && !Has(lex_.stops, stop) && !w_[stop].digit &&
           (w_[stop].letter || Is(stop, "-"))) {
      ++stop;
    }
    // The role ends at the last role noun of those words: "a journalist imprisoned ...",
    // "professor emeritus of ...".
    while (stop > j && !RoleEndingAt(stop)) --stop;
    if (stop == j) continue;
    // "Jones, GBI Director Vernon Keenan": a name right after the role is the role's.
    if (stop < w_.size() && Same(j, stop) && w_[stop].cap) continue;
    std::string role(Text(j, stop - 1));
    int index = w_[k].entity;
    if (surname) index = Add(EntityType::kPerson, k, k, "", "");
    else if (!person_end) index = Add(EntityType::kPerson, name_begin, k, "", "");
    if (index >= 0) AddRole(doc_.entities[index], role);
  }
  // Before: "ROLE, NAME" where the role ends right before the comma.
  for (size_t c = 1; c + 1 < w_.size(); ++c) {
    if (!Is(c, ",") || !Same(c - 1, c + 1) || !w_[c + 1].cap) continue;
    size_t len = RoleEndingAt(c);
    if (!len) continue;
    size_t begin = c - len;
    // The role's modifiers back to a determiner, a possessive or a comma ("media coordinator").
    while (begin > 0 && Same(begin - 1, c) && c - begin < 6 && !Has(lex_.stops, begin - 1) && w_[begin - 1].letter &&
           !w_[begin - 1].cap &&
           (w_[begin - 1].entity < 0 || doc_.entities[w_[begin - 1].entity].type == EntityType::kGroup)) {
      --begin;
    }
    int index = -1;
    if (IsPerson(c + 1)) {
      index = w_[c + 1].entity;
    } else {
      int b = CapRunEnd(c + 1);
      if (b < 0 || static_cast<size_t>(b) == c + 1 || static_cast<size_t>(b) - c > 3) continue;
      bool plain = true;  // capitalised words only, no acronym ("World AIDS Campaign")
      for (size_t k = c + 1; k <= static_cast<size_t>(b); ++k) plain &= w_[k].cap && !w_[k].allcaps;
      if (!plain) continue;
      if (!(Is(b + 1, ",") || Is(b + 1, ".")) || Has(lex_.place_words, b) || Has(lex_.org_heads, b)) continue;
      index = Add(EntityType::kPerson, c + 1, b, "", "");
    }
    if (index >= 0) AddRole(doc_.entities[index], Text(begin, c - 1));
  }
}

void Reader::PeopleByStructure() {
  for (size_t a = 0; a < w_.size(); ++a) {
    // "Hege and NAME were shot", "NAME and Hege": one capitalised word beside a person.
    if (w_[a].cap && w_[a].entity < 0 && !w_[a].first && !w_[a].allcaps && w_[a].letter && !w_[a].digit) {
      const bool alone = !(a + 1 < w_.size() && Same(a, a + 1) && w_[a + 1].cap) && !(a > 0 && Same(a - 1, a) && w_[a - 1].cap && !Is(a - 1, "and"));
      const bool after = a >= 2 && Is(a - 1, "and") && IsPerson(a - 2) && Same(a - 2, a);
      const bool before = a + 2 < w_.size() && Is(a + 1, "and") && IsPerson(a + 2) && Same(a, a + 2);
      const bool figure_after = a + 1 < w_.size() && Same(a, a + 1) && w_[a + 1].digit;  // "Pct. 3"
      const bool determiner = a > 0 && (Is(a - 1, "a") || Is(a - 1, "an") || Is(a - 1, "the"));  // "a Mazda"
      if (alone && (after || before) && !figure_after && !determiner && !Has(lex_.place_words, a)) {
        Add(EntityType::kPerson, a, a, "", "");
        continue;
      }
    }
    int b = CapRunEnd(a);
    if (b < 0) continue;
    const size_t n = static_cast<size_t>(b) - a + 1;
    if (n < 2 || n > 3 || Has(lex_.place_words, b) || Has(lex_.org_heads, b)) continue;
    bool connectors = false;
    for (size_t k = a; k <= static_cast<size_t>(b); ++k) connectors |= !w_[k].cap || w_[k].allcaps;
    if (connectors) continue;
    // An age: "31-year-old NAME", "NAME, 45,".
    std::string_view before = std::string_view(doc_.text).substr(0, w_[a].span.begin);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    const bool aged = (before.size() >= 8 && Normalized(before.substr(before.size() - 8)) == "year-old") ||
                      (Is(b + 1, ",") && b + 2 < static_cast<int>(w_.size()) && w_[b + 2].digit && Same(b, b + 2) &&
                       w_[b + 2].norm.size() <= 3);
    // A run of proper nouns the tagger read as one name, in apposition (", NAME,") or speaking
    // ("NAME told reporters").
    bool proper = (a > 0 && Is(a - 1, ",") && Is(b + 1, ",") && Has(lex_.say, b + 2)) || Has(lex_.say, b + 1);
    for (size_t k = a; k <= static_cast<size_t>(b); ++k) proper &= Proper(k);
    const bool next_cap = static_cast<size_t>(b) + 1 < w_.size() && Same(b, b + 1) && w_[b + 1].cap;
    if ((aged || proper) && !next_cap && !Has(lex_.members, b + 1) && !Has(lex_.org_heads, b + 1)) {
      Add(EntityType::kPerson, a, b, "", "");
    }
  }
}

void Reader::OrganisationsByStructure() {
  std::set<std::string, std::less<>> acronyms;  // organisations' acronyms: every mention is one
  for (size_t i = 1; i + 1 < w_.size(); ++i) {
    if (!w_[i].allcaps || w_[i].entity >= 0 || w_[i].norm.size() < 3) continue;
    // "... Force in Lebanon (UNIFIL)": after a name of three capitalised words or more, or one
    // holding an organisation.
    if (Is(i - 1, "(") && Is(i + 1, ")") && i >= 2 && Same(i - 2, i)) {
      size_t caps = 0, k = i - 2;
      bool org = false, person = false;
      while (true) {
        if (w_[k].cap) {
          ++caps;
          if (w_[k].entity >= 0) {
            EntityType t = doc_.entities[w_[k].entity].type;
            org |= t == EntityType::kOrg || t == EntityType::kGroup;
            person |= t == EntityType::kPerson;
          }
        } else if (!(Is(k, "of") || Is(k, "in") || Is(k, "for") || Is(k, "and") || Is(k, "on"))) {
          break;
        }
        if (k == 0 || !Same(k - 1, i)) break;
        --k;
      }
      if (!person && (org || caps >= 3)) acronyms.insert(w_[i].norm);
    }
    // "ABC said", "ABC's investigation", "according to ABC": an acronym that speaks or owns.
    const bool caps_around = (Same(i - 1, i) && w_[i - 1].allcaps) || (Same(i, i + 1) && w_[i + 1].allcaps);
    if (!caps_around && w_[i].letter && (Has(lex_.speech, i + 1) || (i >= 2 && Is(i - 2, "according") && Is(i - 1, "to")))) {
      acronyms.insert(w_[i].norm);
    }
  }
  for (size_t i = 0; i < w_.size(); ++i) {
    if (w_[i].allcaps && w_[i].entity < 0 && acronyms.count(w_[i].norm)) Add(EntityType::kOrg, i, i, "", "");
  }
  for (size_t x = 0; x < w_.size(); ++x) {
    if (w_[x].parsed && Namey(x) && !JoinsName(x)) OrganisationAt(x);  // the top of a name
  }
}

bool Reader::Namey(size_t i) const {
  const Word& w = w_[i];
  // "9" of "Kestrel-9": the written word opens with a name word.
  if (w.digit && !w.cap && i >= 2 && Is(i - 1, "-") && Glued(i - 1) && Glued(i) && Same(i - 2, i)) return Namey(i - 2);
  if (!w.cap || !w.letter || (w.first && !Proper(i)) || Has(lex_.stops, i) || IsPerson(i)) return false;
  return !(w.entity >= 0 && doc_.entities[w.entity].type == EntityType::kPerson);
}

// Words joined to their head inside one name: "Popular" (amod) and "Valley" (compound) under
// "Front", "Liberation" (nmod with "for") under it, "Palestine" (nmod with "of") under that.
bool Reader::JoinsName(size_t c) const {
  const Word& w = w_[c];
  if (w.head < 0 || !Namey(static_cast<size_t>(w.head)) || !Namey(c)) return false;
  switch (UniversalDeprel(w.deprel)) {
    case Deprel::kFlat:
    case Deprel::kCompound:
    case Deprel::kAmod:
      return true;
    case Deprel::kNmod:
      return w.deprel == Deprel::kNmod && NameCase(c) != SIZE_MAX;
    case Deprel::kConj:
      // "the Front for Peace and Justice"; "Pinelake Health and Rehab" ("and" right after the head).
      return Conjunction(c) != SIZE_MAX &&
             ((w_[w.head].deprel == Deprel::kNmod && JoinsName(static_cast<size_t>(w.head))) ||
              (static_cast<size_t>(w.head) + 2 == c && Is(c - 1, "and") && w_[c].child == static_cast<int>(c - 1) &&
               w_[c - 1].sibling < 0 && !(c + 1 < w_.size() && Same(c, c + 1) && Namey(c + 1))));
    default:
      return false;
  }
}

bool Reader::Bare(size_t n) const {
  for (int k = w_[n].child; k >= 0; k = w_[k].sibling) {
    const Deprel r = w_[k].deprel;
    if (r != Deprel::kDet && r != Deprel::kAmod && r != Deprel::kCompound && r != Deprel::kPunct &&
        r != Deprel::kNmodPoss && r != Deprel::kAppos && r != Deprel::kCase) {
      return false;
    }
  }
  return true;
}

size_t Reader::NameCase(size_t c) const {
  for (int k = w_[c].child; k >= 0; k = w_[k].sibling) {
    if (w_[k].deprel == Deprel::kCase && (Is(k, "of") || Is(k, "for"))) return static_cast<size_t>(k);
  }
  return SIZE_MAX;
}

size_t Reader::Conjunction(size_t c) const {
  for (int k = w_[c].child; k >= 0; k = w_[k].sibling) {
    if (w_[k].deprel == Deprel::kCc && Is(k, "and")) return static_cast<size_t>(k);
  }
  return SIZE_MAX;
}

// The words of the name under `x` into `out`: x, the words joined to it (JoinsName), and the
// "of"/"for", "the" and "and" that join them.
void Reader::CollectName(size_t x, std::vector<size_t>& out) const {
  out.push_back(x);
  for (int k = w_[x].child; k >= 0; k = w_[k].sibling) {
    const size_t c = static_cast<size_t>(k);
    // The hyphen of one written word: "Vesti" "-" "24".
    if (w_[c].deprel == Deprel::kPunct && Is(c, "-") && Glued(c) && Glued(c + 1) && Same(c, c + 1)) out.push_back(c);
    if (!JoinsName(c)) continue;
    if (size_t m = Conjunction(c); m != SIZE_MAX) out.push_back(m);
    if (size_t m = NameCase(c); m != SIZE_MAX && w_[c].deprel == Deprel::kNmod) {
      out.push_back(m);  // "for the Liberation": the "the" of an "of"/"for" name only
      for (int d = w_[c].child; d >= 0; d = w_[d].sibling) {
        if (w_[d].deprel == Deprel::kDet && Is(d, "the")) out.push_back(static_cast<size_t>(d));
      }
    }
    CollectName(c, out);
  }
}

// The name made of the words of `tops` (each with what CollectName gives), widened over the
// hyphens that glue one written word ("Kestrel-9"): its first and last word, or false when the
// words are no unbroken stretch of the sentence or the name opens with no capitalised word.
bool Reader::NameSpan(const std::vector<size_t>& tops, size_t* a, size_t* b) const {
  std::vector<size_t> words;
  for (size_t t : tops) CollectName(t, words);
  if (words.empty()) return false;
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  *a = words.front();
  *b = words.back();
  if (*b - *a + 1 != words.size()) return false;
  auto glued_hyphen = [&](size_t h) { return Is(h, "-") && Glued(h) && Glued(h + 1) && Same(h, h + 1); };
  while (*a >= 2 && glued_hyphen(*a - 1) && Same(*a - 2, *a) && w_[*a - 2].letter && w_[*a - 2].entity < 0) *a -= 2;
  while (*b + 2 < w_.size() && glued_hyphen(*b + 1) && (w_[*b + 2].letter || w_[*b + 2].digit) && w_[*b + 2].entity < 0)
    *b += 2;
  return Namey(*a) || (w_[*a].cap && w_[*a].entity >= 0);
}

// The name topped by `x` (a name word whose head is no name word of its own name) is an
// organisation when its head word is one ("the Rapid Response Team", "the Z Front for the
// Liberation of Y") or when it names whom people belong to: "NCP members", "NAME television", "a
// NAME officer" (compounds of a member or organisation noun), "Y's fighters", "members of the Y",
// "militants from Y", "the news agency, NAME" / "NAME, the news agency".
void Reader::OrganisationAt(size_t x) {
  const Word& w = w_[x];
  const int h = w.head;
  const bool lower_head = h >= 0 && !Namey(static_cast<size_t>(h));
  const Deprel rel = w.deprel;
  std::vector<size_t> tops{x};
  bool org = false;
  auto modifier = [&](size_t k) {
    const Deprel r = w_[k].deprel;
    return w_[k].head == h && Namey(k) &&
           (r == Deprel::kCompound || r == Deprel::kFlat || r == Deprel::kNummod || r == Deprel::kAmod);
  };
  if (lower_head && modifier(x) && (Has(lex_.members, h) || Has(lex_.org_heads, h))) {
    // "a Harbor Freight Inspection officer": the name words before the noun they modify, read
    // once from the first of them; a compound among them (an adjective alone is no name:
    // "Ruritanian army").
    if (x > 0 && modifier(x - 1)) return;
    bool compound = false;
    for (int k = w_[x].sibling; k >= 0 && k < h; k = w_[k].sibling) {
      if (modifier(static_cast<size_t>(k))) tops.push_back(static_cast<size_t>(k));
    }
    for (size_t t : tops) compound |= w_[t].deprel != Deprel::kAmod;
    size_t a = 0, b = 0;
    if (!compound || !NameSpan(tops, &a, &b) || b + 1 != static_cast<size_t>(h)) return;
    org = true;
  }
  size_t a = 0, b = 0;
  if (!NameSpan(tops, &a, &b)) return;
  // A head word alone is no name ("the 3rd Battalion"); a name before a person's name is the
  // person's title ("Landmark Bank Chief Executive Officer NAME").
  if ((a == b && Has(lex_.org_heads, a)) || (b + 1 < w_.size() && IsPerson(b + 1))) return;
  // A name the tree cuts out of a longer run of capitalised words ("Them Stay" of "Let Them Stay",
  // "Center" without its "for Population and Animal Health") is no name: the tree is wrong there.
  auto name_word = [&](size_t k) { return k < w_.size() && Same(k, a) && (Namey(k) || w_[k].allcaps); };
  if ((a > 0 && name_word(a - 1)) || name_word(b + 1)) return;
  if ((Is(b + 1, "of") || Is(b + 1, "for")) && (name_word(b + 2) || (Is(b + 2, "the") && name_word(b + 3)))) return;
  if (!org && lower_head) {
    const size_t hh = static_cast<size_t>(h);
    // "Y's fighters", "members of the Y", "militants from Y".
    // (A possessor of a plural group noun, in more than one word or an acronym: "Pawlenty's
    // supporters" are a person's.)
    if (rel == Deprel::kNmodPoss)
      org = Has(lex_.members, hh) && w_[hh].upos == Upos::kNoun && (b > a || w_[a].allcaps) && w_[hh].plural;
    if (rel == Deprel::kNmod) {
      for (int k = w.child; k >= 0; k = w_[k].sibling) {
        if (w_[k].deprel == Deprel::kCase && (Is(k, "of") || Is(k, "from"))) org = Has(lex_.members, hh);
      }
    }
    // "the news agency, NAME," (the noun alone with its modifiers: "a group of universities" is none).
    if (rel == Deprel::kAppos) org = Has(lex_.org_heads, hh) && Bare(hh);
  }
  // A name right before an organisation noun the tree does not join it to: the parser's
  // attachment of a name before its noun is weakest where the name holds "and" ("in the Pinelake
  // Health and Rehab center" read as "Health" under "rampage" and "center" apart).
  if (!org && b + 1 < w_.size() && Same(b, b + 1) && w_[b + 1].upos == Upos::kNoun && !w_[b + 1].cap &&
      Has(lex_.org_heads, b + 1) && w.head != static_cast<int>(b + 1)) {
    org = true;
  }
  // "NAME, the news agency,".
  for (int k = w.child; !org && k >= 0; k = w_[k].sibling) {
    org = w_[k].deprel == Deprel::kAppos && !Namey(static_cast<size_t>(k)) &&
          Has(lex_.org_heads, static_cast<size_t>(k)) && Bare(static_cast<size_t>(k));
  }
  // A head word of the name itself, not its first: "the Rapid Response Team", "the Sunrise Front
  // for the Liberation of Y" (a word of the name before its "of"/"for").
  if (!org && b > a) {
    for (size_t k = a + 1; k <= b && !Is(k, "of") && !Is(k, "for"); ++k) org |= w_[k].cap && Has(lex_.org_heads, k);
  }
  if (org) AddOrganisation(a, b);
}

// An organisation over words a..b. A name holding another entity is none, except a place after
// its first word ("... of Palestine") and an organisation the dictionary read from the name's
// first words that the name goes on after with "for"/"of": "the Popular Front for the Liberation
// of Palestine" is one organisation, not "Popular Front".
void Reader::AddOrganisation(size_t a, size_t b) {
  int shorter = -1;
  if (w_[a].entity >= 0) {
    const Entity& e = doc_.entities[w_[a].entity];
    size_t end = a;
    while (end + 1 <= b && w_[end + 1].entity == w_[a].entity) ++end;
    if ((e.type != EntityType::kOrg && e.type != EntityType::kGroup) || e.span.begin != w_[a].span.begin ||
        e.span.end != w_[end].span.end || end >= b || !(Is(end + 1, "for") || Is(end + 1, "of"))) {
      return;
    }
    shorter = w_[a].entity;
    for (size_t k = a; k <= end; ++k) w_[k].entity = -1;
  }
  if (Add(EntityType::kOrg, a, b, "", "") < 0) {
    if (shorter >= 0) {
      for (size_t k = a; k < w_.size() && w_[k].span.end <= doc_.entities[shorter].span.end; ++k)
        w_[k].entity = shorter;
    }
    return;
  }
  if (shorter < 0) return;
  dropped_.push_back(static_cast<size_t>(shorter));
  // The dictionary's actor for the first words stays the whole name's only where a place the name
  // ends in confirms its country ("Popular Front" read as the Palestinian party, "... of
  // Palestine"); another country's party of that name is not this organisation.
  const Entity& first_words = doc_.entities[shorter];
  if (!first_words.actor || first_words.actor->country.empty()) return;
  for (size_t k = a; k <= b; ++k) {
    if (!IsPlace(k)) continue;
    const Entity& place = doc_.entities[w_[k].entity];
    const std::string country = place.place ? place.place->country : place.actor ? place.actor->country : "";
    if (country != first_words.actor->country) continue;
    Entity& whole = doc_.entities.back();
    Actor actor = *first_words.actor;
    actor.text = actor.name = whole.text;
    actor.span = whole.span;
    whole.actor = std::move(actor);
    whole.kind = first_words.kind;
    return;
  }
}

// A role found at one mention of a person is every mention's: the full name's when the surname
// alone carried the apposition, the surname's when the full name did.
void Reader::ShareRoles() {
  auto& ents = doc_.entities;
  std::map<std::string, std::vector<size_t>> by_last;  // last word -> people
  for (size_t k = 0; k < ents.size(); ++k) {
    if (ents[k].type != EntityType::kPerson) continue;
    const std::string& t = ents[k].text;
    size_t sp = t.rfind(' ');
    by_last[Normalized(sp == std::string::npos ? t : t.substr(sp + 1))].push_back(k);
  }
  for (auto& [last, people] : by_last) {
    // The full names of this surname: only one may take the surname's role.
    std::set<std::string> full;
    for (size_t k : people) {
      if (ents[k].text.find(' ') != std::string::npos) full.insert(Normalized(ents[k].text));
    }
    if (full.size() > 1) continue;
    std::string role;
    for (size_t k : people) {
      if (!ents[k].role.empty() && ents[k].role.size() > role.size()) role = ents[k].role;
    }
    if (role.empty()) continue;
    for (size_t k : people) AddRole(ents[k], role);
  }
}

void Reader::Run() {
  ReadWords();
  if (w_.empty()) return;
  RolesBeforeNames();
  RolesInAppositions();
  PeopleByStructure();
  OrganisationsByStructure();
  ShareRoles();
  if (!added_) return;  // roles change no order
  if (!dropped_.empty()) {
    std::sort(dropped_.begin(), dropped_.end());
    for (size_t k = dropped_.size(); k-- > 0;) doc_.entities.erase(doc_.entities.begin() + dropped_[k]);
  }
  std::stable_sort(doc_.entities.begin(), doc_.entities.end(), [](const Entity& x, const Entity& y) {
    return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.span.end > y.span.end;
  });
}

}  // namespace

Result<EntityStructureLexicon> EntityStructureLexicon::Load(const DataFiles& files) {
  EntityStructureLexicon lex;
  EM_ASSIGN_OR_RETURN(text::WordLists lists, text::ReadWordLists(files, "entities/structure.txt"));
  EM_ASSIGN_OR_RETURN(text::WordLists roles, text::ReadWordLists(files, "quotes/roles.txt"));
  EM_RETURN_IF_ERROR(text::RequireSections(lists, files.PathOf("entities/structure.txt"),
                                           {"roles", "org_heads", "members", "speech", "say", "stops", "place_words"}));
  EM_RETURN_IF_ERROR(text::RequireSections(roles, files.PathOf("quotes/roles.txt"), {"roles"}));
  for (const auto* entries : {&roles["roles"], &lists["roles"]}) {
    for (const auto& e : *entries) {
      for (const auto& v : text::KeyAlternatives(e)) lex.roles.AddPhrase(PhraseWords(v), "");
    }
  }
  auto words = [&](std::string_view section, std::set<std::string, std::less<>>* out) {
    for (const auto& e : lists[std::string(section)]) {
      for (const auto& v : text::KeyAlternatives(e)) {
        // One word each: "news agency" makes no head of "news".
        if (v.find(' ') == std::string::npos) out->insert(Normalized(v));
      }
    }
  };
  words("org_heads", &lex.org_heads);
  words("members", &lex.members);
  words("speech", &lex.speech);
  words("say", &lex.say);
  words("stops", &lex.stops);
  words("place_words", &lex.place_words);
  return lex;
}

bool EntityStructureLexicon::MayNameOrganisation(const std::vector<std::string_view>& words) const {
  auto capitalised = [&](size_t k) { return !words[k].empty() && words[k][0] >= 'A' && words[k][0] <= 'Z'; };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w.size() < 2 || w.size() > 14 || !((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z'))) continue;
    const std::string n = Normalized(w);
    if (!members.count(n) && !org_heads.count(n)) continue;
    // "NAME members", "the Z Front"; "Y's fighters"; "members of (the) Y"; "the news agency, NAME".
    // (Not a capitalised head after a name, "the X Hospital": a fifth of the geo set's sentences
    // more to parse for names mostly read the same along their words; those stay unparsed.)
    if (i >= 2 && !capitalised(i) && (capitalised(i - 1) || (i >= 4 && words[i - 2] == "-" && capitalised(i - 3)))) {
      return true;  // "Kestrel-9 television" too
    }
    if (i >= 3 && words[i - 1] == "'s" && capitalised(i - 2)) return true;
    if (i + 2 < words.size() && (words[i + 1] == "of" || words[i + 1] == "from" || words[i + 1] == ",")) {
      if (capitalised(i + 2) || (words[i + 2] == "the" && i + 3 < words.size() && capitalised(i + 3))) return true;
    }
  }
  return false;
}

void ReadEntityStructure(Document& doc, const EntityStructureLexicon& lexicon) { Reader(doc, lexicon).Run(); }

}  // namespace eventmill::analyze
