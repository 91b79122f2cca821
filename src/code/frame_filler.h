// FrameFiller: who did what to whom, read from the dependency tree of a parsed sentence (the
// syntax stage's doc.tokens). Given the word that triggers an event, it finds the words that fill
// the event's source and target: the relations of the trigger itself (`nsubj`, `obj`,
// `nsubj:pass`, `obl:agent`, prepositional objects such as "protest against X"), of the light verb
// that carries an event noun ("staged a protest", "carried out an attack"), and, when the trigger
// has no subject of its own, of the clause it hangs from (control and raising: "vowed to attack",
// "were reported to have fled"; a shared subject: "arrived and opened fire"; a relative clause:
// "the soldiers who fired"; a reduced relative: "activists arrested by police"). Coordinated
// arguments ("police and soldiers") each fill the slot. A reporting verb ("said") is never climbed
// to: its speaker does not act in what it reports.
//
// Which relation fills which slot per event family is data: data/mappings/frames.tsv, read into
// FrameRules. The code layer sits after analyze; this file reads only doc.tokens and sentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill::code {

enum class FrameSlot : uint8_t { kNone, kSource, kTarget, kSides };

// The rows of data/mappings/frames.tsv: "family  relation  marker  slot". `family` is a CAMEO code
// prefix ("*" = any), `relation` a UD relation as the parser names it ("nsubj:pass", "obl"),
// `marker` the case word of a prepositional dependent ("against", "*" = any, "-" = none) and
// `slot` source, target, sides ("between A and B": the first conjunct is the source, the second the
// target) or none. A row "FAMILY unnamed ROLE target" gives the role a family's events are aimed at
// when no target is named; a row "FAMILY scene ROLE target" the role of the scene's country it is
// aimed at then. For a dependent of a trigger, the row with the longest matching family wins,
// then a row naming the marker over "*".
class FrameRules {
 public:
  // `name` names the source in errors ("mappings/frames.tsv").
  static Result<FrameRules> Parse(std::string_view tsv, std::string_view name);
  FrameSlot SlotOf(std::string_view cameo, Deprel relation, std::string_view marker) const;
  // Rows "FAMILY unnamed ROLE target": the role (of the source's country) an event of the family
  // is aimed at when the text names no target ("students demonstrated": at their government);
  // "" for none.
  std::string UnnamedTargetRole(std::string_view cameo) const;
  // Rows "FAMILY scene ROLE target": the role (of the country where it happens) an event of the
  // family is aimed at when the text names no target but names its scene in the trigger's clause
  // ("lifted the curfew in the province": at that country's government); "" for none.
  std::string SceneTargetRole(std::string_view cameo) const;
  size_t size() const { return rows_.size(); }

 private:
  struct Row {
    std::string family;  // "" = any
    Deprel relation = Deprel::kNone;
    std::string marker;  // "*" any, "" none
    FrameSlot slot = FrameSlot::kNone;
  };
  std::vector<Row> rows_;
  std::vector<std::pair<std::string, std::string>> unnamed_targets_;  // family, role
  std::vector<std::pair<std::string, std::string>> scene_targets_;    // family, role
};

// One word that fills a slot, with the words to look in for an actor, best first: the word itself,
// then its name parts and modifiers ("the ministry's spokesman, X": spokesman, X, ministry).
struct FrameArgument {
  FrameSlot slot = FrameSlot::kNone;
  uint32_t word = 0;                 // index into doc.tokens
  std::vector<uint32_t> look_in;     // doc.tokens indices, word first
  bool pronoun = false;              // "they", "he": to be resolved to an earlier actor
  Deprel relation = Deprel::kNone;   // how it hangs from the predicate that took it
  uint32_t group = 0;                // the first of its conjuncts ("police and soldiers": police)
  bool direct = false;               // a core argument of the trigger verb itself (nsubj, obj,
                                     // nsubj:pass, obl:agent): the parser's surest reading
  std::string how;                   // "nsubj of \"attacked\""
};

struct FrameReading {
  bool parsed = false;  // the sentence has a tree and the trigger a word in it
  uint32_t trigger = 0;  // index into doc.tokens
  std::vector<FrameArgument> sources, targets;
  // Words that are no actor of the event: the speaker of a verb that reports it ("police said"
  // over "rebels attacked"), the source of "according to", what the source owns ("its troops").
  std::vector<uint32_t> not_actors;
  std::vector<std::string> explain;
};

struct FrameWords {
  std::unordered_set<std::string> light_verbs;  // lemmas: "stage", "carry", "launch"
};

// Reads the frame of the event of family `cameo` whose trigger word starts at byte `trigger_at`
// inside doc.sentences[sentence]. `phrase`: the bytes the pattern matched; a verb it holds that
// completes the trigger ("vowed to attack the town", "agreed to withdraw from") lends its objects
// too. Unparsed sentence or no word there: `parsed` is false. Cost: linear in the sentence's
// words. Thread-safe.
FrameReading ReadFrame(const Document& doc, size_t sentence, uint32_t trigger_at, std::string_view cameo,
                       const FrameRules& rules, const FrameWords& words, Span phrase = {});

}  // namespace eventmill::code
