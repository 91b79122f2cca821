#include "code/modality_classifier.h"

namespace eventmill::code {

Result<ModalityClassifier> ModalityClassifier::Parse(std::string_view cues, const Inflector& inflector) {
  ModalityClassifier c;
  EM_ASSIGN_OR_RETURN(c.cues_, PatternSet::Parse(cues, "modality.cues", inflector, /*labelled=*/true));
  return c;
}

ModalityReading ModalityClassifier::Classify(const SentenceView& s, const PatternMatch& m) const {
  ModalityReading r;
  if (!m.pattern->modality.empty()) {
    r.modality = m.pattern->modality;
    r.cue = "pattern";
    return r;
  }
  size_t cb = s.ClauseBegin(m.first);
  constexpr size_t kReach = 3;
  // Cues are matched on the clause up to the trigger; the nearest one wins.
  std::vector<WordToken> window(s.tokens.begin() + cb, s.tokens.begin() + m.first);
  size_t best_end = 0;
  bool found = false;
  for (const PatternMatch& cue : cues_.MatchAll(window)) {
    size_t end = cue.last + 1;  // in window coordinates
    if (end + kReach < window.size()) continue;
    if (!found || end > best_end || (end == best_end && cue.last - cue.first > 0)) {
      best_end = end;
      found = true;
      r.modality = cue.pattern->role;
      r.cue = cue.pattern->text;
    }
  }
  return r;
}

}  // namespace eventmill::code
