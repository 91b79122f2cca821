#include "code/reaction_reading.h"

namespace eventmill::code {

std::vector<Span> ReactingSubjects(const Document& doc, size_t sentence, uint32_t trigger_at) {
  std::vector<Span> out;
  if (sentence >= doc.sentences.size()) return out;
  const Sentence& s = doc.sentences[sentence];
  if (!s.parsed || s.token_end > doc.tokens.size()) return out;
  auto inside = [&](int32_t i) { return i >= static_cast<int32_t>(s.token_begin) && i < static_cast<int32_t>(s.token_end); };
  int32_t noun = -1;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    if (doc.tokens[i].span.begin <= trigger_at && trigger_at < doc.tokens[i].span.end) noun = static_cast<int32_t>(i);
  }
  if (noun < 0) return out;
  const Token& n = doc.tokens[noun];
  if ((n.upos != Upos::kNoun && n.upos != Upos::kPropn) || (n.deprel != Deprel::kObl && n.deprel != Deprel::kNmod)) {
    return out;
  }
  bool marked = false;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    marked |= doc.tokens[i].head == noun && doc.tokens[i].deprel == Deprel::kCase;
  }
  int32_t adj = n.head;
  if (!marked || !inside(adj) || doc.tokens[adj].upos != Upos::kAdj) return out;
  // The adjective's subject, the words coordinated with it and the words it is named with.
  std::vector<int32_t> words;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    Deprel d = doc.tokens[i].deprel;
    if (doc.tokens[i].head == adj && (d == Deprel::kNsubj || d == Deprel::kNsubjPass)) words.push_back(static_cast<int32_t>(i));
  }
  // "Local police disappointed with release of X": a headline's reduced clause, the adjective
  // read as the modifier of the noun that feels it.
  const Token& a = doc.tokens[adj];
  if (words.empty() && a.deprel == Deprel::kAmod && inside(a.head) &&
      (doc.tokens[a.head].upos == Upos::kNoun || doc.tokens[a.head].upos == Upos::kPropn)) {
    words.push_back(a.head);
  }
  for (size_t k = 0; k < words.size() && words.size() < 16; ++k) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      Deprel d = doc.tokens[i].deprel;
      if (doc.tokens[i].head == words[k] && (d == Deprel::kConj || d == Deprel::kCompound || d == Deprel::kFlat)) {
        words.push_back(static_cast<int32_t>(i));
      }
    }
  }
  for (int32_t w : words) out.push_back(doc.tokens[w].span);
  return out;
}

}  // namespace eventmill::code
