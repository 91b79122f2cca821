#include "code/origin_mention.h"

#include <string_view>

#include "text/word_lists.h"

namespace eventmill::code {
namespace {

const Sentence* SentenceAt(const Document& doc, uint32_t at) {
  for (const Sentence& x : doc.sentences) {
    if (x.span.begin <= at && at < x.span.end) return &x;
  }
  return nullptr;
}

}  // namespace

std::vector<uint32_t> CoordinatedWith(const Document& doc, uint32_t at) {
  std::vector<uint32_t> out;
  const Sentence* s = SentenceAt(doc, at);
  if (!s || !s->parsed || s->token_end > doc.tokens.size()) return out;
  int32_t w = -1;
  for (uint32_t i = s->token_begin; i < s->token_end; ++i) {
    if (doc.tokens[i].span.begin <= at && at < doc.tokens[i].span.end) w = static_cast<int32_t>(i);
  }
  if (w < 0) return out;
  // Up a name's own words ("Saudi Arabia": flat, compound), then to the first conjunct.
  auto within_name = [](Deprel d) { return d == Deprel::kFlat || d == Deprel::kCompound; };
  while (within_name(doc.tokens[w].deprel) && doc.tokens[w].head >= 0) w = doc.tokens[w].head;
  while (doc.tokens[w].deprel == Deprel::kConj && doc.tokens[w].head >= 0) w = doc.tokens[w].head;
  out.push_back(doc.tokens[w].span.begin);
  for (uint32_t i = s->token_begin; i < s->token_end; ++i) {
    if (doc.tokens[i].head == w && doc.tokens[i].deprel == Deprel::kConj) out.push_back(doc.tokens[i].span.begin);
  }
  return out;
}

bool OnlySaysOrigin(const Document& doc, const Entity& e) {
  if (e.type != EntityType::kCountry || e.kind == "demonym") return false;
  const Sentence* s = SentenceAt(doc, e.span.begin);
  if (!s || !s->parsed || s->token_end > doc.tokens.size()) return false;
  // The head word of the name: the one of its words whose head lies outside it.
  auto inside = [&](int32_t i) {
    return i >= 0 && doc.tokens[i].span.begin >= e.span.begin && doc.tokens[i].span.end <= e.span.end;
  };
  int32_t head = -1;
  for (uint32_t i = s->token_begin; i < s->token_end; ++i) {
    if (inside(static_cast<int32_t>(i)) && !inside(doc.tokens[i].head)) {
      head = static_cast<int32_t>(i);
      break;
    }
  }
  if (head < 0) return false;
  for (uint32_t i = s->token_begin; i < s->token_end; ++i) {
    const Token& k = doc.tokens[i];
    if (k.head != head || k.deprel != Deprel::kCase) continue;
    std::string_view w(doc.text.data() + k.span.begin, k.span.end - k.span.begin);
    if (text::AsciiLower(w) == "from") return true;
  }
  // (A name before a noun is no such sign: "U.S. beef" is where it comes from, but "the Ukraine
  // war" and "Montenegro province" are where things happen.)
  return false;
}

}  // namespace eventmill::code
