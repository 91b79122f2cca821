// The toll pass: a toll is no event of its own. "2 fatalities." alone on a line gives its figure
// to the latest event told before it; ", killing 20 people" and "killed 18 and wounded 59" after
// an attack are that attack's result (those it killed become its target, its figures go to it in
// the count pass); a pattern marked `result` ("a shootout left four dead") likewise.
#include <algorithm>

#include "code/passes/passes.h"

namespace eventmill::code {
namespace {

bool IsViolent(const std::string& cameo) { return CameoCode(cameo).IsViolent(); }

// ", killing 20 people", "..., killing seven residents and a nurse and wounding three others":
// an -ing toll verb after a comma (or after "and" once a toll was read) follows the event just told.
bool ReadsAsToll(const SentenceState& st, const TriggerState& t, size_t events) {
  const SentenceView& s = st.s;
  const PatternMatch& m = t.m;
  const std::string& tw = s.tokens[m.trigger].lower;
  bool after_comma = m.first > 0 && (s.tokens[m.first - 1].lower == "," ||
                                     (s.tokens[m.first - 1].lower == "and" && st.consequence_seen));
  return after_comma && tw.size() > 4 && tw.compare(tw.size() - 3, 3, "ing") == 0 && events > st.first_of_sentence &&
         IsViolent(t.p->cameo);
}

// "killed at least 18 people and wounded 59": a second assault verb joined by "and" to the
// violence just told is its toll too.
bool JoinedToll(const DocumentState& d, const SentenceState& st, const TriggerState& t) {
  const SentenceView& s = st.s;
  const PatternMatch& m = t.m;
  if (m.passive || t.p->nominal || !CameoCode(t.p->cameo).HasRoot(18) || m.first == 0 ||
      s.tokens[m.first - 1].lower != "and" || d.events.size() <= st.first_of_sentence) {
    return false;
  }
  const EventCandidate& prev = d.events.back();
  return prev.trigger < m.first && prev.trigger + 8 >= m.first && IsViolent(prev.event.cameo);
}

}  // namespace

void GiveLoneToll(const CoderData& data, DocumentState& d, const SentenceState& st) {
  // "2 fatalities.", "1 killed.": a sentence that is only a toll gives it to the latest event
  // told before it that takes it and has none yet (ACLED notes close with one).
  for (const Count& c : d.doc->counts) {
    if (!st.s.span.Contains(c.span) || d.merged.empty() || (c.kind != "killed" && c.kind != "injured")) continue;
    EventCandidate& last = d.merged.back();
    if (!data.mappings->CountFits(last.event.cameo, c.kind) ||
        std::any_of(last.event.counts.begin(), last.event.counts.end(), [&](const Count& x) { return x.kind == c.kind; })) {
      continue;
    }
    last.event.counts.push_back(c);
    Explain(last.event.explain, pass::kTolls, "count " + c.kind + " \"" + c.text + "\": a toll told on its own after the event");
  }
}

bool IsConsequence(const CoderData& data, DocumentState& d, SentenceState& st, const TriggerState& t) {
  bool consequence = ReadsAsToll(st, t, d.events.size()) || JoinedToll(d, st, t);
  if (consequence) {
    st.consequence_seen = true;
    // Those it killed are the ones the event was done to.
    Event& last = d.events.back().event;
    if (!last.target) {
      for (const EntityRef& r : st.s.entities) {
        if (r.first <= t.m.trigger || r.first > t.m.trigger + 4 || !CanAct(*r.entity) || IsPlace(*r.entity)) continue;
        last.target = ActorAssigner::ActorOf(*r.entity);
        Explain(last.explain, pass::kTolls, "target " + last.target->code + " (\"" + last.target->text + "\"): the ones its toll names");
        CompletePerson(data, last.target, last.cameo, "target", d.story_country, d.story_alpha3, last.explain);
        break;
      }
    }
  }
  // A pattern that tells the result of an event of its sentence.
  return consequence || (t.p->result && d.events.size() > st.first_of_sentence);
}

}  // namespace eventmill::code
