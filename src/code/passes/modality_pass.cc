// The modality pass: whether the trigger's act is told as happening (asserted, attempted,
// threatened, planned, denied) or not (negated, a charge, hypothetical), from the cue phrases of
// data/patterns/modality.cues (ModalityClassifier). What did not happen is dropped here, before
// the frame is filled; a headline that denies an act drops it from the whole story.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>

#include "code/passes/passes.h"
#include "core/cameo_code.h"
#include "text/grammar_words.h"

namespace eventmill::code {
namespace {

// "a driver accused of fraud", "a nurse praised as a hero": a word said of
// someone, told as a past participle right after an indefinite noun phrase and before its
// preposition, describes who he is; it tells no act of its own. Only verbal codes (said, not
// done): "a man arrested on Monday" is an arrest, and "a clerk threatened with a gun" a threat.
bool DescribesANoun(const SentenceState& st, const TriggerState& t) {
  CameoCode code(t.p->cameo);
  if (!code.IsVerbal() || code.HasRoot(13)) return false;
  const auto& w = st.s.tokens;
  size_t v = t.m.trigger;
  if (v < 2 || v + 1 >= w.size() || w[v].lower.size() < 4 || !w[v].lower.ends_with("ed")) return false;
  static constexpr std::string_view kPrepositions[] = {"of", "as", "for", "over", "by", "in"};
  if (std::find(std::begin(kPrepositions), std::end(kPrepositions), w[v + 1].lower) == std::end(kPrepositions)) {
    return false;
  }
  // Back to "a"/"an" over at most three plain words (no verb of the clause, relative word or mark).
  static const auto kBlocking = text::grammar::GrammarWords<std::unordered_set<std::string>>(
      {text::grammar::kBeForms, text::grammar::kRelativePronouns, text::grammar::kHaveForms,
       text::grammar::kSubjectPronouns},
      {"that", "and", "or", "but"});
  for (size_t k = v; k-- > 0 && v - k <= 4;) {
    const WordToken& x = w[k];
    if (x.lower == "a" || x.lower == "an") return v - k >= 2;
    if (x.punct || kBlocking.count(x.lower)) return false;
  }
  return false;
}

}  // namespace

bool ReadModality(const CoderData& data, DocumentState& d, SentenceState& st, TriggerState& t) {
  const Pattern& p = *t.p;
  t.mod = data.modality->Classify(st.s, t.m);
  // A charge never names an arrest or a jailing told after it ("the man accused of knifing
  // him went to jail"; "resisting arrest" merges with the arrest anyway).
  if (t.mod.modality == "charge" && p.authority) t.mod = ModalityReading{};
  // "negated": did not happen; "charge": the crime named in a charge, told as its own event
  // elsewhere if at all.
  if (t.mod.modality == "negated" && st.s.title) d.headline_denies.push_back(p.cameo);
  if (t.mod.modality == "charge") st.charge_clauses.push_back({st.s.ClauseBegin(t.m.trigger), st.s.ClauseEnd(t.m.last)});
  if (t.mod.modality == "negated" || t.mod.modality == "charge") return false;
  if (DescribesANoun(st, t)) return false;
  // "the army could launch an offensive", "if the talks fail": what might happen is no event.
  return t.mod.modality != "hypothetical";
}

}  // namespace eventmill::code
