// SentenceView: what the coder reads of one sentence: its word tokens, the clause each token
// belongs to (split at ; : quotes, subordinators and reporting verbs, without a parser), and the
// entities inside it mapped to token positions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "code/word_tokens.h"
#include "eventmill/document.h"

namespace eventmill::code {

struct EntityRef {
  const Entity* entity = nullptr;
  size_t first = 0, last = 0;  // token range [first, last]
  std::string before;          // the word before the entity ("in", "by", "of"), lower-cased
};

struct SentenceView {
  size_t index = 0;               // into doc.sentences
  Span span;
  bool title = false;             // the article's headline, repeated at the top of the text
  std::vector<WordToken> tokens;
  std::vector<int> clause;        // clause number of each token
  std::vector<EntityRef> entities;
  // Relative clauses set off by commas (", who spent years as a fugitive,"): token ranges
  // [first, second) that stay inside the clause around them but whose entities act only for
  // triggers inside them.
  std::vector<std::pair<size_t, size_t>> asides;

  size_t ClauseBegin(size_t t) const;
  size_t ClauseEnd(size_t t) const;  // one past the last token of t's clause
  // Entities whose tokens lie in [from, to).
  std::vector<const EntityRef*> EntitiesIn(size_t from, size_t to) const;
  // Whether token t lies in an aside that does not hold token `trigger`.
  bool AsideFrom(size_t t, size_t trigger) const;
  // The token index at or after byte offset `b` (tokens.size() if none).
  size_t TokenAt(uint32_t b) const;
};

// Builds the view of doc.sentences[index]. `entities` are doc.entities sorted by span.
SentenceView BuildSentenceView(const Document& doc, size_t index, const std::vector<const Entity*>& entities);

// Whether an entity can act in an event (has an actor, or is a country).
bool CanAct(const Entity& e);
// Whether `w` is a reporting verb ("said", "told"): its subject reports an event, not does it.
bool IsReportingVerb(const std::string& w);
// Whether an entity names a place an event can happen at.
bool IsPlace(const Entity& e);

}  // namespace eventmill::code
