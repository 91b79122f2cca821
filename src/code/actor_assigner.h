// ActorAssigner: source and target of a matched pattern from the sentence's structure, without a
// parser. Source before the trigger and target after it, in the trigger's clause; corrected for
// passives ("were arrested by police"), "by" agents, "between A and B", nominal triggers ("the
// arrest of X", "police raid"), coordinated subjects ("Russia and Belarus sent"), back-references
// ("he", "the organization") and, for arrests and charges, the authorities named nearby.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "code/frame_filler.h"
#include "code/sentence_view.h"
#include "code/word_tokens.h"
#include "eventmill/document.h"
#include "eventmill/status.h"
#include "text/pattern_set.h"

namespace eventmill::code {

struct ActorChoice {
  std::vector<Actor> sources;    // more than one for coordinated subjects (one event each)
  std::optional<Actor> target;
  std::vector<std::string> explain;
  size_t source_entity_first = SIZE_MAX;  // token of the chosen source entity (for location)
  std::string recode;                      // a CAMEO code the actors call for instead of the pattern's
  // The word order's source is what a pronoun of the trigger's clause refers back to ("Syria
  // says it will withdraw"): the tree's ruling out the speaker of the report does not apply.
  bool source_by_pronoun = false;
  // The word order's source is its last guess: the actor the sentence named before the clause
  // ("subject of the sentence, shared by the later clause"); the tree's reading of the clause the
  // trigger hangs from knows better whether it was that clause's subject.
  bool source_shared = false;
};

// Context that reaches beyond the sentence: earlier entities and the quotes of the article.
struct DocumentContext {
  const Document* doc = nullptr;
  std::vector<const Entity*> entities;  // sorted by span
};

class ActorAssigner {
 public:
  // `references_tsv`: data/patterns/references.tsv (word -> entity types or roles it may stand for);
  // `light_verbs`: data/patterns/light_verbs.txt (one lemma a line).
  static Result<ActorAssigner> Parse(std::string_view references_tsv, std::string_view light_verbs,
                                     const Inflector& inflector);
  ActorChoice Assign(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m) const;
  // Verb forms of the event patterns: a noun's modifier never reaches across one ("police
  // investigate the teen's shooting": the police did not shoot).
  void SetVerbForms(const std::vector<std::string>& forms) { verbs_.insert(forms.begin(), forms.end()); }

  // Frame rules (data/mappings/frames.tsv): with them, a parsed sentence's actors are read from
  // its dependency tree (frame_filler.h); an unparsed one keeps the word-order reading.
  void SetFrameRules(FrameRules rules) { frames_ = std::make_shared<const FrameRules>(std::move(rules)); }
  const FrameRules* frame_rules() const { return frames_.get(); }

  // The actor an entity stands for (a country without an actor gets one from its place).
  static Actor ActorOf(const Entity& e);

 private:
  // `not_this`: an actor the word cannot stand for (the source, for an object pronoun).
  std::optional<Actor> ResolveReference(const DocumentContext& ctx, const SentenceView& s, size_t from, size_t to,
                                        std::string* how, const Actor* not_this = nullptr,
                                        bool* by_pronoun = nullptr) const;
  // `reacting`: words of the sentence that only react to the act (reaction_reading.h).
  std::optional<Actor> Authority(const DocumentContext& ctx, const SentenceView& s, const Actor* not_this,
                                 const std::vector<Span>& reacting, std::string* how) const;
  // Source and target from the tree (frame_filler.h); nullopt when the sentence is not parsed.
  struct TreeChoice {
    ActorChoice choice;
    bool sides_named = false;     // "between A and B"
    bool source_direct = false, target_direct = false;  // read from the trigger verb's own relations
    // The first source is the active subject (nsubj) of a trigger verb followed by "by": "shortened
    // by one hour" read as a passive by the word order.
    bool subject_before_by = false;
    std::vector<Span> not_actors;  // words the tree says are no actor of the event (a reporter)
  };
  std::optional<TreeChoice> ReadByTree(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m) const;
  // Source and target by word order: source before the trigger, target after it, in its clause.
  ActorChoice ReadByWordOrder(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m,
                              bool* sides_named) const;
  // The word order's last step: with no source in the clause, a back-reference ("he", "the
  // group") or the sentence's earlier subject; with no target, a back-reference after the verb
  // (or before a passive). `set_sources` adds a source with the actors coordinated with it.
  void FillByReference(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m, size_t cb, size_t ce,
                       bool nominal, bool adjectival,
                       const std::function<void(const EntityRef*, const char*)>& set_sources, ActorChoice& out) const;
  // No target named: the role data/mappings/frames.tsv gives the family ("14 unnamed GOV target"),
  // of the source's country.
  void AimAtUnnamedTarget(const Pattern& p, ActorChoice& out) const;
  // Per slot: the tree's reading from the trigger verb's own core relations, else the word
  // order's (unless the tree rules it out: the speaker of a reported clause), else the tree's other
  // readings.
  ActorChoice Combine(TreeChoice tree, ActorChoice words, bool* sides_named) const;
  // What both readings share once source and target are chosen: patterns read in reverse, no
  // target, authorities for arrests, the sides of a mutual act, spokespersons, no self-target.
  // `sides_named`: "between A and B" gave both sides.
  void Finish(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m, bool sides_named,
              ActorChoice& out) const;
  // Entities in tokens [from, to) that can act in the event of `m` (not a place after "in", not a
  // dateline's agency, not a demonym modifying another actor).
  std::vector<const EntityRef*> ActorRefs(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m,
                                          size_t from, size_t to, bool allow_locative) const;
  std::shared_ptr<const FrameRules> frames_;
  FrameWords frame_words_;
  std::unordered_map<std::string, std::vector<std::string>> references_;
  std::unordered_set<std::string> light_verbs_;
  std::unordered_set<std::string> pronouns_;
  std::unordered_set<std::string> verbs_;
};

}  // namespace eventmill::code
