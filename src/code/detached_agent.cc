// DetachedAgent: see detached_agent.h.
#include "code/detached_agent.h"

#include <cctype>
#include <string_view>

namespace eventmill::code {
namespace {

bool IsWord(const Document& doc, uint32_t i, std::string_view lower) {
  std::string_view w = doc[doc.tokens[i].span];
  if (w.size() != lower.size()) return false;
  for (size_t k = 0; k < w.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(w[k])) != lower[k]) return false;
  }
  return true;
}

// `i` lies in the subtree of `top` (heads followed inside the sentence, at most its length).
bool Below(const Document& doc, const Sentence& s, uint32_t i, uint32_t top) {
  int32_t at = static_cast<int32_t>(i);
  for (uint32_t steps = 0; steps <= s.token_end - s.token_begin; ++steps) {
    if (at == static_cast<int32_t>(top)) return true;
    at = doc.tokens[at].head;
    if (at < static_cast<int32_t>(s.token_begin) || at >= static_cast<int32_t>(s.token_end)) return false;
  }
  return false;
}

}  // namespace

std::optional<uint32_t> DetachedAgent(const Document& doc, const Sentence& s, uint32_t verb) {
  if (verb < s.token_begin || verb >= s.token_end) return std::nullopt;
  for (uint32_t by = verb + 2; by + 1 < s.token_end; ++by) {
    const Token& t = doc.tokens[by];
    if (t.deprel != Deprel::kCase || !IsWord(doc, by, "by") || !IsWord(doc, by - 1, ",")) continue;
    int32_t noun = t.head;
    if (noun <= static_cast<int32_t>(by) || noun >= static_cast<int32_t>(s.token_end)) continue;
    const Token& n = doc.tokens[noun];
    if (n.upos != Upos::kNoun && n.upos != Upos::kPropn && n.upos != Upos::kPron) continue;
    // Already the verb's own ("was shot, by all accounts, ..." read as the verb's obl).
    if (n.head == static_cast<int32_t>(verb)) continue;
    if (!Below(doc, s, static_cast<uint32_t>(noun), verb)) continue;
    return static_cast<uint32_t>(noun);
  }
  return std::nullopt;
}

}  // namespace eventmill::code
