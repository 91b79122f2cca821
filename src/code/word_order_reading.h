// The steps of the word-order reading of a pattern match's actors (ActorAssigner::ReadByWordOrder,
// actor_assigner.h), each on its own: whether the trigger reads as a noun, a harm participle used
// as an adjective, the "by" agent, "between A and B", the clause's subject and object, coordinated
// subjects, participle adjuncts, a noun's modifier and its complement, a light verb's subject,
// and the sentence's earlier subject a later clause shares. They read the sentence's word tokens
// and the entities ActorAssigner::ActorRefs lets act; they decide nothing about actor codes.
// Part of the code layer.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "code/sentence_view.h"
#include "code/word_tokens.h"
#include "text/pattern_set.h"

namespace eventmill::code::word_order {

using WordSet = std::unordered_set<std::string>;
// The entities of tokens [from, to) that can act in the event (ActorAssigner::ActorRefs).
using RefsIn = std::function<std::vector<const EntityRef*>(size_t from, size_t to, bool allow_locative)>;

// "the killing", "the teen's shooting death", "release of Olson", "amid riots": the trigger is a
// noun (or the pattern says so), read like a nominal pattern.
bool ReadsAsNoun(const SentenceView& s, const PatternMatch& m);

// "the wounded officer", "two slain soldiers", "whose strangled body": a harm participle used as
// an adjective; `victim` is the actor it names (the noun after it, or the one "whose" refers to).
struct AdjectivalParticiple {
  bool adjectival = false;
  const EntityRef* victim = nullptr;
};
// `verbs`: the verb forms of the event patterns.
AdjectivalParticiple ReadAdjectivalParticiple(const SentenceView& s, const PatternMatch& m, const WordSet& verbs);

// "arrested by police", "the arrest of X by police": the first of `after` (the actors after the
// trigger, places allowed) that comes after "by".
const EntityRef* ByAgent(const std::vector<const EntityRef*>& after);

// "clashes between police and protesters": the two sides after a "between" in reach of the
// trigger (its clause for a mutual act), a place after "in" or "from" being no side.
struct Sides {
  const EntityRef* a = nullptr;
  const EntityRef* b = nullptr;
};
Sides SidesBetween(const SentenceView& s, const PatternMatch& m, size_t clause_end, const RefsIn& refs_in);

// A reporting verb follows token `last` of `s`, right after it or past one adverb of place or
// time ("police said", "police here said", "officials later told").
bool ReportsAfter(const SentenceView& s, size_t last);

// The actors after the trigger that can be its object: not what is sent to a recipient, not the
// reporter of ", police said", not the "by" agent.
std::vector<const EntityRef*> ObjectCandidates(const SentenceView& s, const PatternMatch& m,
                                               const std::vector<const EntityRef*>& after, const EntityRef* by_agent);

// The subject among `before` (the actors before the trigger in its clause): the last one, but
// the head of "X of Y" ("supporters of the former prime minister rallied": the supporters).
const EntityRef* SubjectOf(const SentenceView& s, const std::vector<const EntityRef*>& before);

// "Russia, Belarus and Armenia sent": `head` and the actors of `before` coordinated with it, in
// text order (one event each).
std::vector<const EntityRef*> CoordinatedWith(const SentenceView& s, const std::vector<const EntityRef*>& before,
                                              const EntityRef* head);

// ", vowing to liquidate", ", killing dozens and wounding thousands": a participle adjunct,
// whose subject is the main clause's. `clause_begin`: the trigger's clause.
bool IsParticipleAdjunct(const SentenceView& s, const PatternMatch& m, size_t clause_begin, bool nominal);

// "a police raid", "Russian strikes": `subject` modifies the noun trigger (close before it, no
// punctuation, verb, reporting verb, light verb or preposition between).
bool ModifiesNoun(const SentenceView& s, const PatternMatch& m, const EntityRef& subject, const WordSet& verbs,
                  const WordSet& light_verbs);

// "Tokayev ... announced ... an invitation": the nearest of `candidates` (actors before the
// noun trigger) followed by a light verb before the trigger; null if none.
const EntityRef* LightVerbSubject(const SentenceView& s, const PatternMatch& m,
                                  const std::vector<const EntityRef*>& candidates, const WordSet& light_verbs);

// "an invitation to the CSTO": `object` is the noun trigger's complement (close after the
// phrase, no punctuation between: "Following the protests, the President").
bool ComplementOfNoun(const SentenceView& s, const PatternMatch& m, const EntityRef& object);

// Whether the later clause (from `clause_begin`) shares `earlier` (the last actor of the
// sentence before it) as its subject: not when a reporting verb comes between ("Police said Durr
// stabbed Davis") nor when the clause has a subject of its own ("a week after a bomb killed 20").
bool SharesEarlierSubject(const SentenceView& s, const PatternMatch& m, size_t clause_begin, const EntityRef& earlier);

}  // namespace eventmill::code::word_order
