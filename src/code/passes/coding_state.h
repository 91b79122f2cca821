// The state the coder's passes share: what the coder knows (CoderData, loaded once by
// Coder::Create and read-only afterwards), what it has learnt of the article (DocumentState),
// of the sentence being read (SentenceState) and of one trigger on its way to become events
// (TriggerState). The passes (passes.h) read and add to these; the driver (pass_driver.cc) runs
// them in order. Part of the code layer.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "code/actor_assigner.h"
#include "code/code_mappings.h"
#include "code/event_merger.h"
#include "code/modality_classifier.h"
#include "code/passes/recode_table.h"
#include "code/sentence_view.h"
#include "code/word_tokens.h"
#include "core/cameo_code.h"
#include "eventmill/document.h"
#include "eventmill/lexicon.h"
#include "text/pattern_set.h"

namespace eventmill::code {

// The names of the passes, as --explain prints them before each line a pass writes.
namespace pass {
inline constexpr std::string_view kStory = "story";              // story_pass.cc
inline constexpr std::string_view kFilters = "filters";          // caption_filter_pass.cc
inline constexpr std::string_view kTriggers = "triggers";        // trigger_pass.cc
inline constexpr std::string_view kModality = "modality";        // modality_pass.cc
inline constexpr std::string_view kTolls = "tolls";              // toll_pass.cc
inline constexpr std::string_view kFrames = "frames";            // frame_pass.cc
inline constexpr std::string_view kCrowds = "crowds";            // crowd_pass.cc
inline constexpr std::string_view kAuthorities = "authorities";  // authority_pass.cc
inline constexpr std::string_view kRecodes = "recodes";          // recode_pass.cc
inline constexpr std::string_view kElsewhere = "elsewhere";      // elsewhere_pass.cc
inline constexpr std::string_view kPlaces = "places";            // place_pass.cc
inline constexpr std::string_view kPlaceActors = "place-actors"; // place_actor_pass.cc
inline constexpr std::string_view kDates = "dates";              // date_pass.cc
inline constexpr std::string_view kCounts = "counts";            // count_pass.cc
inline constexpr std::string_view kMerging = "merging";          // merge_pass.cc
inline constexpr std::string_view kConfidence = "confidence";    // confidence_pass.cc
}  // namespace pass

// Adds "PASS: line" to an explanation: --explain names the pass that decided each field.
void Explain(std::vector<std::string>& explain, std::string_view pass, std::string line);

// What the coder knows, loaded by Coder::Create; read-only afterwards, shared by all threads.
struct CoderData {
  struct SlotRole {
    std::string prefix, slot, role;  // mappings/slot_roles.tsv: a private person's role by CAMEO prefix
  };
  const Lexicon* lexicon = nullptr;
  PatternSet patterns;
  std::unique_ptr<ModalityClassifier> modality;
  std::unique_ptr<ActorAssigner> actors;
  std::unique_ptr<CodeMappings> mappings;
  RecodeTable recodes;                  // mappings/recodes.tsv
  std::vector<std::string> skip_prefixes;  // skip_sentences.txt
  PatternSet common_actors;  // common_actors.cues: "the suspect", "a gunman", "the victim"
  PatternSet non_events;     // non_events.cues: captions and other sentences that tell no event
  PatternSet scope;          // scope.cues: "across the country", "nationwide": the scene is the country
  PatternSet acled_cues;     // acled.cues: the weapon, the crowd, a disaster or a crime told in a sentence,
                             // read by the ACLED rules of data/mappings/acled.tsv
  std::vector<SlotRole> slot_roles;
  // non_human.txt: who takes no part in a political event (participant_pass.cc)
  std::unordered_set<std::string> hazards;  // "the quake killed", "the flu has killed"
  std::unordered_set<std::string> animals;  // "killed several hundred ducks"
  std::unordered_set<std::string> figures;  // "executed a search warrant", "seize the opportunity"

  // Loads every file the passes read (patterns/, mappings/); an error names the file and line.
  static Result<std::unique_ptr<CoderData>> Load(const Lexicon& lexicon, const DataFiles& patterns,
                                                 const DataFiles& mappings);
  // The ISO alpha-3 code of a two-letter country code ("" when unknown).
  std::string_view Alpha3(const std::string& country) const;
};

// What the passes know of the article, and the events told so far.
struct DocumentState {
  Document* doc = nullptr;
  DocumentContext ctx;                    // the article's entities, sorted by span
  std::optional<Location> main_place;     // the article's main place (story pass)
  std::string story_country, story_alpha3;  // private persons and "the victim" take it
  std::map<std::string, std::string> alpha3_of;  // alpha-3 codes of the actors' countries
  std::deque<Entity> common_entities;     // the coder's own actors: "the suspect", "a gunman"
  std::string title_start;                // the headline, when the text repeats it at the top
  std::vector<EventCandidate> events;     // the current sentence's, until merged
  std::vector<EventCandidate> merged;     // every event so far, restatements merged
  std::vector<const Count*> title_counts; // figures of the headline no headline event took
  std::vector<std::string> headline_denies;  // "Woman wasn't kidnapped": no kidnapping anywhere
  std::vector<std::string> lead_cues;     // "lead:natural_disaster": what the story's lead tells
};

// What the passes know of the sentence being read.
struct SentenceState {
  SentenceView s;
  size_t first_of_sentence = 0;  // its first event in DocumentState::events
  bool consequence_seen = false;  // a ", killing 20" toll was read in it
  std::vector<std::pair<size_t, size_t>> charge_clauses;   // "accused of killing eight people"
  std::vector<std::pair<size_t, size_t>> caption_clauses;  // "X is seen in a photo released by ..."
  std::vector<size_t> scope_at;  // where "across the country", "nationwide" are
  std::vector<size_t> filed_at;  // where a "coded to" cue ends: the place after it is the event's (scope.cues)
  std::vector<PatternMatch> acled_cues;  // acled.cues of the sentence, read once it has an event
  bool acled_cues_read = false;
};

// One trigger on its way to become events (one per source actor).
struct TriggerState {
  PatternMatch m;
  const Pattern* p = nullptr;
  ModalityReading mod;
  ActorChoice who;
  size_t cb = 0, ce = 0;  // the trigger's clause [cb, ce)
  EventCandidate base;    // the event, before it is copied for each source
  bool in_clause = false; // its place is named in its clause
};

}  // namespace eventmill::code
