// ModalityClassifier: whether an event is asserted, attempted, threatened, planned, denied or
// hypothetical — or negated (did not happen) — from cue phrases (data/patterns/modality.cues)
// just before the trigger in its clause ("militants made several attempts to storm").
#pragma once

#include <string>
#include <unordered_set>

#include "code/sentence_view.h"
#include "code/word_tokens.h"
#include "text/pattern_set.h"

namespace eventmill::code {

struct ModalityReading {
  std::string modality = "asserted";  // or attempted threatened planned denied hypothetical negated
  std::string cue;                    // the cue phrase that decided, for --explain
};

class ModalityClassifier {
 public:
  // `cues`: modality.cues; `light_verbs`: light_verbs.txt (a cue reaches across "hold a" to "rally").
  static Result<ModalityClassifier> Parse(std::string_view cues, std::string_view light_verbs,
                                          const Inflector& inflector);
  // Reads the cues that end at most `reach` tokens before `trigger` in its clause (cues of the
  // pattern's own words do not count). Thread-safe (const).
  ModalityReading Classify(const SentenceView& s, const PatternMatch& m) const;

 private:
  bool Transparent(const std::string& w) const;
  static bool IsFiniteAuxiliary(const std::string& w);
  ModalityReading ReadCues(const SentenceView& s, const PatternMatch& m) const;
  PatternSet cues_;
  std::unordered_set<std::string> light_verbs_;
};

}  // namespace eventmill::code
