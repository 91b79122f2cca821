// The modality pass: whether the trigger's act is told as happening (asserted, attempted,
// threatened, planned, denied) or not (negated, a charge, hypothetical), from the cue phrases of
// data/patterns/modality.cues (ModalityClassifier). What did not happen is dropped here, before
// the frame is filled; a headline that denies an act drops it from the whole story.
#include "code/passes/passes.h"

namespace eventmill::code {

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
  // "the army could launch an offensive", "if the talks fail": what might happen is no event.
  return t.mod.modality != "hypothetical";
}

}  // namespace eventmill::code
