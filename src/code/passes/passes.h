// The coder as a pipeline of named passes, in the order the driver (pass_driver.cc) runs them.
// Each pass is its own file with its own test; it reads and adds to the shared state of
// coding_state.h and writes its --explain lines under its name (pass::k...). To add a pass:
// docs/architecture.md, "Adding a coder pass". Part of the code layer.
//
//   per article    acronyms            "(UNIFIL)" after its long form: the long form's actor
//                  story               main place, story country (StartStory)
//   per sentence   triggers            the sentence's view, its lead cues, common actors, patterns
//                  filters             skipped lines, captions, names read as verbs
//                  tolls               "2 fatalities." alone; ", killing 20" after an attack
//                  places (scope)      "across the country"
//   per trigger    modality            did it happen? (negated, charge, hypothetical are dropped)
//                  tolls               a consequence or result is no event of its own
//                  participants        no event done by a hazard or to animals ("the quake killed")
//                  frames              source and target (ActorAssigner)
//                  crowds              "as thousands marched": a crowd protests
//                  authorities         an arrest with no agent named: the state's police
//                  recodes             recodes.tsv: a denied act is a denial, ...
//                  confidence          main clause, lead, background ("protested against the killing")
//                  triggers (cues)     acled.cues around the trigger
//                  elsewhere           "Elsewhere, ...", "another bomb"; "the attack" refers back
//                  places              the scene (FindPlace, scope, the article's main place)
//                  place-actors        "urged Tehran": a place that stands for its government
//                  dates               the event's date
//                  participants        a noun that no one did to no one ("on a promise to appear")
//   per sentence   counts              figures to the events that take them
//                  merging             recodes by sides, actors completed, restatements merged
//   per article    merging             events a headline denies are dropped
//                  confidence          codebook fields, confidence, ids
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "code/passes/coding_state.h"

namespace eventmill::code {

// acronym_pass.cc: "the United Nations Interim Force in Lebanon (UNIFIL)": an organisation named
// by an acronym without an actor takes the actor of the entity that opens its long form.
void ExpandAcronyms(Document& doc);

// story_pass.cc: the article's main place and the country its story happens in.
DocumentState StartStory(const CoderData& data, Document& doc);

// trigger_pass.cc
// The view of sentence `si`, with its headline flag.
SentenceState OpenSentence(const CoderData& data, const DocumentState& d, size_t si);
// A disaster told in the first two sentences: "lead:LABEL" cues for every event of the story.
void ReadLeadCues(const CoderData& data, DocumentState& d, const SentenceState& st);
// What the forces or the crowd did, told after a demonstration, goes to that demonstration.
void CarryCues(const CoderData& data, DocumentState& d, SentenceState& st);
// The patterns that fire in the sentence.
std::vector<PatternMatch> FindTriggers(const CoderData& data, const SentenceState& st);
// acled.cues around the trigger (pre:/post: when before/after it in its clause).
void ReadCues(const CoderData& data, SentenceState& st, TriggerState& t);
// The "matched" explain line.
void ExplainTrigger(const Document& doc, const SentenceState& st, TriggerState& t);

// common_actor_pass.cc: "the suspect", "a gunman": actors where the analyzer found no entity.
void AddCommonActors(const CoderData& data, DocumentState& d, SentenceState& st);

// caption_filter_pass.cc
// Lines too short to tell an event, or opening with a skip prefix (skip_sentences.txt).
bool IsSkippedSentence(const CoderData& data, const Document& doc, const SentenceView& s);
// Clauses that describe a picture (non_events.cues).
void FindCaptionClauses(const CoderData& data, SentenceState& st);
// Whether the trigger lies in a caption clause.
bool InCaption(const SentenceState& st, const PatternMatch& m);
// "Sue Griffin told": a verb with a capital inside a body sentence is a name.
bool ReadsAsName(const Document& doc, const SentenceState& st, const PatternMatch& m);

// modality_pass.cc: the trigger's modality; false when the act is not told as happening.
bool ReadModality(const CoderData& data, DocumentState& d, SentenceState& st, TriggerState& t);

// toll_pass.cc
// "2 fatalities.": a sentence that is only a toll gives it to the latest event.
void GiveLoneToll(const CoderData& data, DocumentState& d, const SentenceState& st);
// ", killing 20 people": true when the trigger is the toll of the event just told (then it is
// no event of its own; those it killed become that event's target).
bool IsConsequence(const CoderData& data, DocumentState& d, SentenceState& st, const TriggerState& t);

// frame_pass.cc
// Source and target of the trigger (ActorAssigner).
void FillFrame(const CoderData& data, const DocumentState& d, const SentenceState& st, TriggerState& t);
// A private person (no actor code) takes the story's country and the role of its slot.
void CompletePerson(const CoderData& data, std::optional<Actor>& a, const std::string& cameo, const std::string& slot,
                    const std::string& country, const std::string& alpha3, std::vector<std::string>& explain);
// Before merging: persons, actors without a country, countries without an actor code.
void CompleteActors(const CoderData& data, const DocumentState& d, EventCandidate& c);

// participant_pass.cc (non_human.txt)
// False when an act of force is done by a hazard or to an animal or a hazard ("the quake killed
// 30,000 people", "killed several hundred ducks", "catching the flu"): no event.
bool HasHumanParticipants(const CoderData& data, const DocumentState& d, const SentenceState& st, const TriggerState& t);
// False for a verbal act told by a noun with neither source nor target, and no one named around
// the noun: "released on a promise to appear".
bool IsAttributed(const DocumentState& d, const SentenceState& st, const TriggerState& t);

// crowd_pass.cc: "as thousands marched": a crowd counted by a bare number protests.
void CrowdsProtest(const DocumentState& d, const SentenceState& st, TriggerState& t);

// authority_pass.cc: an arrest with no authority named in the story is made by its police.
void ImplyAuthority(const DocumentState& d, TriggerState& t);

// recode_pass.cc (recodes.tsv)
// The event's code and modality from the pattern, the frame and the modality rows.
void StartEvent(const CoderData& data, const SentenceState& st, TriggerState& t);
// Rows by sides ("protesters clashed with police": a riot), once the actors are known.
void RecodeBySides(const CoderData& data, EventCandidate& c);

// confidence_pass.cc
// The mention's confidence from where it is told (main clause, lead, background).
void ScoreMention(const SentenceState& st, TriggerState& t);
// The codebook fields, the confidence and the id of each merged event, into doc.events.
void FinishEvents(const CoderData& data, DocumentState& d);

// elsewhere_pass.cc
// "Elsewhere, ...", "In a separate incident", "another bomb": another event.
void MarkElsewhere(const SentenceState& st, TriggerState& t);
// "the blast", "this violence": a definite noun that refers back.
void MarkBackReference(const SentenceState& st, TriggerState& t);

// place_pass.cc
// The article's main place (most mentioned; the dateline first).
std::optional<Location> MainPlace(const Document& doc, const std::vector<const Entity*>& entities);
// "across the country": where the scope cues are.
void FindScope(const CoderData& data, SentenceState& st);
// The scene of the event: in its sentence, its clause's scope, else the article's main place.
void BindPlace(const CoderData& data, const DocumentState& d, const SentenceState& st, TriggerState& t);

// place_actor_pass.cc
// "Tbilisi has denied": the place that opens the trigger's clause.
void FindSubjectPlace(const SentenceState& st, TriggerState& t);
// "urged Tehran to", "opened an embassy in Syria": a place as the target's government.
void PlaceAsTarget(const CoderData& data, const SentenceState& st, TriggerState& t);
// "lifted the curfew in the province": with no target named, the scene's country (frames.tsv
// "FAMILY scene ROLE target" rows), when the scene is named in the trigger's clause.
void SceneActors(const CoderData& data, TriggerState& t);
// With no source, the subject place speaks for its government.
void PlaceAsSource(const CoderData& data, const DocumentState& d, EventCandidate& c);

// date_pass.cc: the event's date from its clause, its sentence, the story, or the publication.
void BindDate(const DocumentState& d, const SentenceState& st, TriggerState& t);

// count_pass.cc: figures of the sentence (and headline figures no event took) to its events.
void BindCounts(const CoderData& data, DocumentState& d, SentenceState& st);

// merge_pass.cc
// The trigger's events (one per source) into the sentence's events.
void EmitEvents(DocumentState& d, TriggerState& t);
// The sentence's events, completed, merged into the article's.
void MergeSentence(const CoderData& data, DocumentState& d, const SentenceState& st);
// Events whose code a headline denies are dropped.
void DropDenied(DocumentState& d);

// pass_driver.cc: every pass over one article, in order.
void RunPasses(const CoderData& data, Document& doc);

}  // namespace eventmill::code
