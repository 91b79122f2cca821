// MatchMemo (see match_memo.h): a small per-thread list of (set generation, word tokens, matches).
#include "code/match_memo.h"

#include <algorithm>
#include <deque>

namespace eventmill::code {
namespace {

struct Entry {
  uint64_t generation = 0;
  std::vector<WordToken> tokens;
  std::vector<PatternMatch> matches;
};

std::deque<Entry>& Entries() {
  thread_local std::deque<Entry> entries;
  return entries;
}

bool SameTokens(const std::vector<WordToken>& a, const std::vector<WordToken>& b) {
  if (a.size() != b.size()) return false;
  if (!a.empty() && !(a.front().span == b.front().span && a.back().span == b.back().span)) return false;
  return std::equal(a.begin(), a.end(), b.begin(), [](const WordToken& x, const WordToken& y) {
    return x.span == y.span && x.punct == y.punct && x.lower == y.lower;
  });
}

}  // namespace

void MatchMemo::Keep(const PatternSet& set, std::vector<WordToken> tokens, std::vector<PatternMatch> matches) {
  std::deque<Entry>& entries = Entries();
  while (entries.size() >= kCapacity) entries.pop_front();
  entries.push_back({set.generation(), std::move(tokens), std::move(matches)});
}

std::optional<std::vector<PatternMatch>> MatchMemo::Take(const PatternSet& set, const std::vector<WordToken>& tokens) {
  std::deque<Entry>& entries = Entries();
  const uint64_t generation = set.generation();
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->generation != generation || !SameTokens(it->tokens, tokens)) continue;
    std::vector<PatternMatch> matches = std::move(it->matches);
    entries.erase(it);
    return matches;
  }
  return std::nullopt;
}

std::vector<PatternMatch> MatchMemo::Match(const PatternSet& set, const std::vector<WordToken>& tokens) {
  if (auto kept = Take(set, tokens)) return std::move(*kept);
  return set.Match(tokens);
}

size_t MatchMemo::Size() { return Entries().size(); }

}  // namespace eventmill::code
