// The recode pass: the event's CAMEO code. The pattern's, unless the frame calls for another
// (ActorChoice::recode), then the rows of data/mappings/recodes.tsv (RecodeTable): by modality
// when the trigger is read ("Russia denied attacking the hospital" is a denial, 016, by the one
// who would have acted; "threatened to shoot him" is a threat, 138), by sides once the actors are
// complete ("protesters clashed with police" is a riot, 145).
#include "code/passes/passes.h"

namespace eventmill::code {

void StartEvent(const CoderData& data, const SentenceState& st, TriggerState& t) {
  const Pattern& p = *t.p;
  t.cb = st.s.ClauseBegin(t.m.trigger);
  t.ce = st.s.ClauseEnd(t.m.trigger);
  Event& e = t.base.event;
  e.cameo = t.who.recode.empty() ? p.cameo : t.who.recode;
  e.modality = t.mod.modality;
  // The row is chosen by the pattern's code: a recode of the frame does not make a denial.
  if (const Recode* r = data.recodes.ForModality(p.cameo, t.mod.modality, t.mod.cue != "pattern")) {
    Explain(e.explain, pass::kRecodes, e.cameo + " " + t.mod.modality + " becomes " + r->to + ": " + r->why + " (" + r->where + ")");
    e.cameo = r->to;
    if (!r->keep_modality.empty()) e.modality = r->keep_modality;
  }
  e.evidence = st.s.span;
  e.pattern = p.text + " [" + p.cameo + "] (" + p.where + ")";
  e.confidence = p.confidence;
  t.base.title = st.s.title;
  t.base.trigger = t.m.trigger;
  t.base.sentence = st.s.index;
}

void RecodeBySides(const CoderData& data, EventCandidate& c) {
  Event& e = c.event;
  if (!e.source || !e.target) return;
  if (const Recode* r = data.recodes.ForSides(e.cameo, e.source->role, e.target->role)) {
    Explain(e.explain, pass::kRecodes, e.cameo + " between " + e.source->role + " and " + e.target->role + " becomes " + r->to +
                                           ": " + r->why + " (" + r->where + ")");
    e.cameo = r->to;
    if (!r->keep_modality.empty()) e.modality = r->keep_modality;
  }
}

}  // namespace eventmill::code
