// Place and date binding through the dependency tree (code stage): how a place or a time
// expression of a sentence hangs relative to an event's trigger. The coder's place and date
// choosers (coder.cc) weigh a mention by it: a place the trigger reaches through its own
// oblique and nominal modifiers ("clashed in X", "gathered outside the hall in X", "near X") is
// the scene; one inside another predicate ("... to demand a secular state in Russia", "teachers
// who came from X") or inside another name ("Pakistan Railways") is not. Sentences the syntax
// stage did not parse get kUnparsed, and the callers fall back on their word rules.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "eventmill/document.h"
#include "eventmill/lexicon.h"

namespace eventmill::code {

enum class Attachment {
  kUnparsed,      // no tree for the sentence, or the words could not be found in it
  kScene,         // in the trigger's subtree through nominal relations (obl, nmod, appos, conj, ...)
  kSubject,       // the same, but through the trigger's subject ("teachers of X protested")
  kOuterClause,   // on a predicate the trigger's clause hangs from ("In X, police dispersed crowds that had gathered")
  kOtherClause,   // under another predicate: a subordinate, relative or purpose clause, or a sibling clause
  kNameModifier,  // a word of another proper name ("Sunset Woods Park", "Pakistan Railways")
};

struct TreeBinding {
  Attachment attachment = Attachment::kUnparsed;
  int hops = 0;  // relations from the mention's head up to the trigger (or to the shared ancestor)
};

// How the words at `mention` (a byte span inside sentence `sentence`) hang relative to the event
// trigger at `trigger` (the span of its head word).
TreeBinding BindToTrigger(const Document& doc, size_t sentence, Span mention, Span trigger);

// The words that name a kind of place ("district", "village", "province"): a place written before
// one as a compound ("Kharkiv region", "Taze township") stands for that place, not for a name.
bool IsPlaceKindWord(std::string_view lower);

// Whether the town reading of the place at `mention` is a misreading of a geographic feature's name:
// the word after it names a feature ("the Caspian coast" read as Caspian, Michigan), and the town
// lies outside the story: in another country than `story_country` (ISO alpha-2), or, when that is
// unknown or the town's own, in a country no other place or demonym of doc.entities is in while
// some are elsewhere ("Kazakh police ... on the Caspian coast"). Regions and countries stay.
bool TownMisreadsFeature(const Document& doc, const Entity& mention, const std::string& story_country);

// Whether the place at `mention` only modifies what follows it, glued by a hyphen: "Saudi-led",
// "Iranian-backed", "US-made", "Paris-based" say whose or from where, never where the event is.
bool HyphenModifier(const Document& doc, const Entity& mention);

// The country `alpha2` as a place (its gazetteer point), for an event whose story names no place
// but whose actors all belong to one country ("SNA soldiers", "Kazakh police"); nullopt when the
// gazetteer does not know it.
std::optional<Place> CountryAsPlace(const Lexicon& lexicon, std::string_view alpha2);

// What the place chooser adds to a mention's score for its attachment (0 for kUnparsed);
// kNameModifier is never a scene: the caller skips it.
double AttachmentScore(const TreeBinding& b);

// Whether a date mention in sentence `sentence` may date the event at `trigger`: false when the
// tree puts it under another predicate or on another noun ("trees planted 100 years ago were cut
// down": the time expression dates "planted", not "cut"). Unparsed sentences: true.
bool DateBindsToTrigger(const Document& doc, size_t sentence, Span date, Span trigger);

// Whether the time expression at `date` opens a period ("since 2015", "since March"): it says when
// a state or a tally began, not when an event happened.
bool OpensPeriod(const Document& doc, Span date);

// Whether a date mention opens its sentence as a frame ("On 16 March 2022, ..."): it dates every
// event of the sentence, whatever clause each trigger is in.
bool DateFramesSentence(const Document& doc, size_t sentence, Span date);

}  // namespace eventmill::code
