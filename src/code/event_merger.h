// EventMerger: one event restated in several sentences of an article (headline, lead, quote) is
// one event. Two events merge when they share a CAMEO root and modality, and their places, dates
// and counts do not contradict each other; the merged event keeps the best-placed location, the
// explicit date, the exact figures and every actor either one names.
#pragma once

#include <string>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::code {

// How the location of an event was found; lower is better.
enum class LocationBasis { kClause = 0, kSentence = 1, kArticle = 2, kNone = 3 };

struct EventCandidate {
  Event event;
  LocationBasis location_basis = LocationBasis::kNone;
  bool title = false;          // read from the headline
  bool date_explicit = false;  // date from a date expression, not the publication date
  bool date_vague = false;     // a week-wide expression ("last week")
  bool date_inherited = false; // that expression is in an earlier sentence of the story, or is as
                               // vague as "last week": a guess that never keeps mentions apart
  bool date_weak = false;      // carried over from three or four sentences before: used when nothing
                               // better is known, never over a restatement's date
  int restatements = 0;
  std::vector<std::string> cues;  // labels of data/patterns/acled.cues read in its sentences (weapon,
                                  // crowd, disaster ...), "pre:LABEL" when before the trigger in its clause
  size_t trigger = 0;          // token of the trigger in its sentence
  const Entity* subject_place = nullptr;  // a place opening the trigger's clause ("Tbilisi has denied")
  size_t sentence = SIZE_MAX;  // index of the sentence of its latest mention
  size_t first_body_sentence = SIZE_MAX;  // index of its first mention outside the headline
  bool anaphoric = false;      // a definite noun that refers back ("the attack", "the fighting")
  bool separate = false;       // told as another event ("Elsewhere, ...", "In a separate incident",
                               // "another bomb"): merges only with what its own sentence tells
};

// Whether two figures of the same kind may describe the same fact ("more than 5,000" and
// "5,135"; "about 300" and "5,135" may not).
bool CountsCompatible(const Count& a, const Count& b);

// Whether two CAMEO codes name the same kind of act for merging: same three-digit family
// (182 and 1823), or the same root for fights (19) and mass violence (20).
bool SameFamily(const std::string& a, const std::string& b);

// Merges restatements in place, keeping the order of first mention. O(n^2) in the number of
// events of one article.
void MergeRestatements(std::vector<EventCandidate>& events);
// Merges `ev` into `kept` (events already merged, in order of first mention) or appends it.
// A killing and the attack that did it merge whoever is named when told in one sentence; across
// sentences only an unattributed toll does. An anaphoric mention ("the blast", "the fighting")
// joins the latest event of its family whatever place its sentence names.
void MergeInto(std::vector<EventCandidate>& kept, EventCandidate&& ev);

}  // namespace eventmill::code
