// The participants pass: whether an event has anyone of the political record taking part in it.
// Per trigger, on the tree: an act of coercion or force (roots 17-20) whose doer or object is a
// hazard ("the quake killed 30,000 people", "the H5N1 strain has killed 109 people", "catching
// the flu", "to combat malaria") or whose object is an animal ("killed several hundred ducks",
// "rounding up chickens") or a plan, a chance or a problem ("executed a search warrant", "seize
// the opportunity", "to combat the issues") tells no event; the words are
// data/patterns/non_human.txt. And a
// verbal act (quad classes 1 and 3) told by a noun with no one doing it and no one it is done to,
// neither in the noun's own words ("talks with the rebels") nor as the subject of the verb it
// hangs from ("the rebels started talks"), names a topic, not an event: "released on a promise
// to appear", "the plague of hail". (A verb without its actors is still told as done.)
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "code/passes/passes.h"
#include "core/cameo_code.h"
#include "text/word_lists.h"

namespace eventmill::code {
namespace {

// "H5N1", "H7N9": a strain written as letters and digits in turn (three runs at least).
bool ShapedLikeAStrain(std::string_view w) {
  int runs = 0, last = 0;  // 1 letter, 2 digit
  bool letter = false, digit = false;
  for (unsigned char c : w) {
    int kind = std::isalpha(c) ? 1 : std::isdigit(c) ? 2 : 0;
    if (kind == 0) return false;
    letter |= kind == 1;
    digit |= kind == 2;
    if (kind != last) ++runs;
    last = kind;
  }
  return letter && digit && runs >= 3;
}

// The token of doc.tokens at byte `at` of the sentence (-1 when the sentence is not parsed).
int32_t TokenAtByte(const Document& doc, const Sentence& s, uint32_t at) {
  if (!s.parsed || s.token_end > doc.tokens.size()) return -1;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    if (doc.tokens[i].span.begin <= at && at < doc.tokens[i].span.end) return static_cast<int32_t>(i);
  }
  return -1;
}

// The first dependent of `head` by one of `rels` in the sentence (-1 when none).
int32_t Dependent(const Document& doc, const Sentence& s, int32_t head, std::initializer_list<Deprel> rels) {
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    const Token& k = doc.tokens[i];
    if (k.head == head && std::find(rels.begin(), rels.end(), k.deprel) != rels.end()) return static_cast<int32_t>(i);
  }
  return -1;
}

bool IsQuantityWord(const Token& t) {
  static constexpr std::string_view kQuantities[] = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens",
                                                     "million",  "millions",  "number",  "score",    "scores"};
  return t.upos == Upos::kNum ||
         std::find(std::begin(kQuantities), std::end(kQuantities), text::AsciiLower(t.lemma)) != std::end(kQuantities);
}

// The word that names a participant: a relative pronoun stands for the noun its clause modifies
// ("the strain that killed"), a quantity for what it counts ("thousands of birds").
int32_t NamedWord(const Document& doc, const Sentence& s, int32_t verb, int32_t w) {
  if (w < 0) return w;
  const Token& t = doc.tokens[w];
  if (t.upos == Upos::kPron || t.xpos == "WDT" || t.xpos == "WP") {
    const Token& v = doc.tokens[verb];
    if (v.deprel == Deprel::kAclRelcl && v.head >= 0) return v.head;
    return -1;
  }
  if (IsQuantityWord(t)) {
    int32_t of = Dependent(doc, s, w, {Deprel::kNmod});
    if (of >= 0) return of;
  }
  return w;
}

enum class Kind { kNone, kHazard, kAnimal, kFigure };

Kind KindOf(const CoderData& data, const Document& doc, int32_t w) {
  if (w < 0) return Kind::kNone;
  const Token& t = doc.tokens[w];
  std::string lower = text::AsciiLower(std::string_view(doc.text).substr(t.span.begin, t.span.end - t.span.begin));
  std::string lemma = text::AsciiLower(t.lemma);
  if (t.upos != Upos::kNoun && t.upos != Upos::kPropn) return Kind::kNone;
  if (ShapedLikeAStrain(lower)) return Kind::kHazard;
  // "covid-19": a listed illness before a hyphen and its number.
  size_t dash = lower.find('-');
  if (dash != std::string::npos && data.hazards.count(lower.substr(0, dash))) return Kind::kHazard;
  if (data.hazards.count(lower) || data.hazards.count(lemma)) return Kind::kHazard;
  if (t.upos == Upos::kNoun && (data.animals.count(lower) || data.animals.count(lemma))) return Kind::kAnimal;
  if (t.upos == Upos::kNoun && (data.figures.count(lower) || data.figures.count(lemma))) return Kind::kFigure;
  return Kind::kNone;
}

}  // namespace

bool HasHumanParticipants(const CoderData& data, const DocumentState& d, const SentenceState& st,
                          const TriggerState& t) {
  CameoCode code(t.p->cameo);
  if (code.IsShortOfCoercion()) return true;
  const Document& doc = *d.doc;
  if (st.s.index >= doc.sentences.size() || t.m.trigger >= st.s.tokens.size()) return true;
  const Sentence& s = doc.sentences[st.s.index];
  int32_t verb = TokenAtByte(doc, s, st.s.tokens[t.m.trigger].span.begin);
  if (verb < 0) return true;
  int32_t doer = Dependent(doc, s, verb, {Deprel::kNsubj, Deprel::kOblAgent});
  // "the flu spread and killed 20": a conjunct without a subject shares the first verb's.
  // "a quake which hit the city and killed 300": the shared "which" stands for the first verb's noun.
  int32_t doer_verb = verb;
  if (doer < 0 && doc.tokens[verb].deprel == Deprel::kConj && doc.tokens[verb].head >= 0) {
    doer_verb = doc.tokens[verb].head;
    doer = Dependent(doc, s, doer_verb, {Deprel::kNsubj});
  }
  int32_t object = Dependent(doc, s, verb, {Deprel::kObj, Deprel::kNsubjPass});
  // "capturing wildlife" read as a modifier of its object: the noun it modifies is the object.
  if (object < 0 && doc.tokens[verb].upos == Upos::kVerb &&
      (doc.tokens[verb].deprel == Deprel::kCompound || doc.tokens[verb].deprel == Deprel::kAmod) &&
      doc.tokens[verb].head >= 0 && doc.tokens[doc.tokens[verb].head].upos == Upos::kNoun) {
    object = doc.tokens[verb].head;
  }
  // A verb the parse did not read as one ("rounding up ducks" as a noun): the word the phrase
  // is followed by, past a determiner or a number.
  if (object < 0 && doc.tokens[verb].upos != Upos::kVerb) {
    for (size_t k = t.m.last + 1; k < st.s.tokens.size() && k <= t.m.last + 3; ++k) {
      int32_t w = TokenAtByte(doc, s, st.s.tokens[k].span.begin);
      if (w < 0 || st.s.tokens[k].punct) break;
      Upos u = doc.tokens[w].upos;
      if (u == Upos::kDet || u == Upos::kNum || u == Upos::kAdj) continue;
      object = w;
      break;
    }
  }
  Kind by = KindOf(data, doc, NamedWord(doc, s, doer_verb, doer));
  Kind on = KindOf(data, doc, NamedWord(doc, s, verb, object));
  // (Livestock seized is looting; only killing, wounding or rounding up animals is no event.)
  const bool harms = code.IsViolent() || code.Within("173");
  // A verb of force whose object is a plan, a chance or a problem is used in a figure of speech.
  return by != Kind::kHazard && on != Kind::kHazard && on != Kind::kFigure && !(on == Kind::kAnimal && harms);
}

bool IsAttributed(const DocumentState& d, const SentenceState& st, const TriggerState& t) {
  CameoCode code(t.base.event.cameo.empty() ? t.p->cameo : t.base.event.cameo);
  if (!code.IsVerbal()) return true;
  if (!t.who.sources.empty() || t.who.target || t.base.event.source || t.base.event.target || t.base.subject_place) {
    return true;
  }
  const Document& doc = *d.doc;
  if (st.s.index >= doc.sentences.size() || t.m.trigger >= st.s.tokens.size()) return true;
  const Sentence& s = doc.sentences[st.s.index];
  int32_t w = TokenAtByte(doc, s, st.s.tokens[t.m.trigger].span.begin);
  if (w < 0 || doc.tokens[w].upos != Upos::kNoun) return true;
  // "a phone call", "mediation talks": the phrase is read from the noun it modifies.
  while ((doc.tokens[w].deprel == Deprel::kCompound || doc.tokens[w].deprel == Deprel::kFlat) &&
         doc.tokens[w].head >= 0 && doc.tokens[doc.tokens[w].head].upos == Upos::kNoun) {
    w = doc.tokens[w].head;
  }
  // "talks with the government", "the envoy's visit": the noun names who takes part.
  if (Dependent(doc, s, w, {Deprel::kNmod, Deprel::kNmodPoss}) >= 0) return true;
  // "the rebels started talks", "envoys travelled for talks": the verb's subject takes part.
  const Token& n = doc.tokens[w];
  if ((n.deprel == Deprel::kObj || n.deprel == Deprel::kObl) && n.head >= 0) {
    int32_t subject = Dependent(doc, s, n.head, {Deprel::kNsubj, Deprel::kNsubjPass});
    if (subject >= 0 && (doc.tokens[subject].upos == Upos::kNoun || doc.tokens[subject].upos == Upos::kPropn))
      return true;
  }
  return false;
}

}  // namespace eventmill::code
