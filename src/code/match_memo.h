// MatchMemo: the event patterns' matches in a sentence, found once and read twice. The pipeline
// asks Coder::MayCode which sentences to parse (it runs PatternSet::Match on the sentence's word
// tokens); the trigger pass then matches the same words again. MayCode keeps its matches here and
// the trigger pass takes them, so each sentence is matched once.
//
// Per thread (a document is parsed and coded on one thread; elsewhere the pass just matches
// again). An entry is found only for the same PatternSet generation and word tokens equal in
// every field (span, lower-cased text, punctuation), so what it returns is exactly what Match
// would: Match reads nothing else. Bounded: past kCapacity entries the oldest are dropped.
// Sits in the code layer, beside pattern_set.h.
#pragma once

#include <optional>
#include <vector>

#include "code/word_tokens.h"
#include "text/pattern_set.h"

namespace eventmill::code {

class MatchMemo {
 public:
  static constexpr size_t kCapacity = 256;

  // Keeps `matches`, what `set`.Match(tokens) returned, on this thread.
  static void Keep(const PatternSet& set, std::vector<WordToken> tokens, std::vector<PatternMatch> matches);

  // The matches kept for `set` on exactly `tokens` (the entry is forgotten), or nullopt.
  static std::optional<std::vector<PatternMatch>> Take(const PatternSet& set, const std::vector<WordToken>& tokens);

  // set.Match(tokens), taken from the memo when it is there.
  static std::vector<PatternMatch> Match(const PatternSet& set, const std::vector<WordToken>& tokens);

  // How many entries this thread holds (tests).
  static size_t Size();
};

}  // namespace eventmill::code
