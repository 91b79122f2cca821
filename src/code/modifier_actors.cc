#include "code/modifier_actors.h"

#include <algorithm>

namespace eventmill::code {

std::vector<Span> RoleWordsAsModifiers(const Document& doc, const SentenceView& s) {
  std::vector<Span> out;
  if (s.index >= doc.sentences.size() || !doc.sentences[s.index].parsed) return out;
  const Sentence& sent = doc.sentences[s.index];
  auto held_by_actor = [&](const Span& word) {
    return std::any_of(s.entities.begin(), s.entities.end(),
                       [&](const EntityRef& r) { return CanAct(*r.entity) && r.entity->span.Contains(word); });
  };
  for (const EntityRef& r : s.entities) {
    const Entity& e = *r.entity;
    if (!e.actor || e.type == EntityType::kCountry || e.type == EntityType::kPerson) continue;
    // A role term alone: no country named in it ("Kenyan troops" names Kenya's).
    if (e.place || e.actor->role.empty()) continue;
    uint32_t word = UINT32_MAX;
    for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
      if (!e.span.Overlaps(doc.tokens[i].span)) continue;
      if (word != UINT32_MAX) {  // more than one word: a name, not an adjective
        word = UINT32_MAX;
        break;
      }
      word = i;
    }
    if (word == UINT32_MAX || !e.span.Contains(doc.tokens[word].span)) continue;
    const Token& t = doc.tokens[word];
    if (t.deprel != Deprel::kAmod || t.head < 0) continue;
    const Token& head = doc.tokens[static_cast<size_t>(t.head)];
    if (head.upos != Upos::kNoun || held_by_actor(head.span)) continue;
    out.push_back(e.span);
  }
  return out;
}

}  // namespace eventmill::code
