// The count pass: the figures of a sentence (killed, injured, arrested, crowd sizes) go to the
// nearest event of the sentence whose code takes them (data/mappings/counts.tsv), preferring the
// figure's own clause; a whole figure replaces its part ("seven residents and a nurse"). A figure
// of the headline, or of a charge, that no event took waits for the first later event that takes
// its kind.
#include <algorithm>
#include <iterator>

#include "code/passes/passes.h"

namespace eventmill::code {
namespace {

// "2 held, 3rd sought in slaying. Two people have been arrested ...": a figure of the headline
// that no event of the headline takes, or one told in a charge ("accused of killing eight
// people"), goes to the first later event that takes its kind (the analyzer keeps one mention of
// each figure, so the body's restatement of it is gone). It comes before the sentence's own
// figures, which may be parts of it ("seven residents" of eight).
void PlaceWaitingCounts(const CoderData& data, DocumentState& d, const SentenceState& st) {
  for (auto it = d.title_counts.begin(); it != d.title_counts.end();) {
    const Count& c = **it;
    bool placed = false;
    for (size_t k = st.first_of_sentence; k < d.events.size() && !placed; ++k) {
      Event& e = d.events[k].event;
      // "at the time of the shootings" refers back to the event; it does not tell it.
      if (d.events[k].anaphoric || !data.mappings->CountFits(e.cameo, c.kind)) continue;
      if (std::any_of(e.counts.begin(), e.counts.end(), [&](const Count& x) { return x.kind == c.kind; })) continue;
      e.counts.push_back(c);
      Explain(e.explain, pass::kCounts, "count " + c.kind + " \"" + c.text + "\": from the headline or a charge told before");
      placed = true;
    }
    it = placed ? d.title_counts.erase(it) : std::next(it);
  }
}

}  // namespace

void BindCounts(const CoderData& data, DocumentState& d, SentenceState& st) {
  const SentenceView& s = st.s;
  if (!d.title_counts.empty()) PlaceWaitingCounts(data, d, st);
  for (const Count& c : d.doc->counts) {
    if (!s.span.Contains(c.span)) continue;
    size_t ct = s.TokenAt(c.span.begin);
    EventCandidate* best = nullptr;
    size_t best_dist = SIZE_MAX;
    for (size_t k = st.first_of_sentence; k < d.events.size(); ++k) {
      Event& e = d.events[k].event;
      if (!data.mappings->CountFits(e.cameo, c.kind)) continue;
      // "seven residents and a nurse" holds "seven residents": the whole figure replaces its part.
      auto part = std::find_if(e.counts.begin(), e.counts.end(), [&](const Count& x) {
        return x.kind == c.kind && c.span.Contains(x.span) && !(c.span == x.span);
      });
      if (part != e.counts.end()) {
        *part = c;
        best = nullptr;
        best_dist = SIZE_MAX - 1;  // placed: no other event takes it
        break;
      }
      bool taken = std::any_of(e.counts.begin(), e.counts.end(), [&](const Count& x) { return x.kind == c.kind; });
      if (taken) continue;
      size_t t = d.events[k].trigger;
      size_t dist = (ct > t ? ct - t : t - ct) + (s.clause[std::min(ct, s.clause.size() - 1)] == s.clause[t] ? 0 : 1000);
      if (dist < best_dist) {
        best_dist = dist;
        best = &d.events[k];
      }
    }
    if (best) {
      best->event.counts.push_back(c);
      Explain(best->event.explain, pass::kCounts,
              "count " + c.kind + " \"" + c.text + "\": " + (best_dist < 1000 ? "in the clause" : "in the sentence"));
    } else if (best_dist == SIZE_MAX &&
               (s.title || std::any_of(st.charge_clauses.begin(), st.charge_clauses.end(),
                                       [&](const auto& cl) { return ct >= cl.first && ct < cl.second; }))) {
      d.title_counts.push_back(&c);
    }
  }
}

}  // namespace eventmill::code
