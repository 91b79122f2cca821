// PhraseMatcher: finds dictionary phrases in tokenized text — leftmost-longest, on token
// boundaries, with each entry's case rule (capitalised names match only capitalised words,
// abbreviations only in capitals, lower-case terms in any case). One hash probe per token per
// extension step over the compiled phrase table, whose prefix slots stop extension early: the
// same results an Aho-Corasick automaton over tokens gives, without its memory.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "eventmill/lexicon.h"
#include "lexicon/lexicon_format.h"
#include "lexicon/tokens.h"

namespace eventmill::lexicon {

struct PhraseMatch {
  uint32_t first = 0, count = 0;     // token range [first, first + count)
  std::vector<Posting> postings;     // the entries whose case rule the text satisfies
};

struct MatchOptions {
  // Break phrases at punctuation in the gap between two tokens (".,;:!?()[]\"" and blank lines);
  // a dot after a short capitalised word ("St. Louis") does not break.
  bool stop_at_punctuation = true;
};

class PhraseMatcher {
 public:
  explicit PhraseMatcher(const Lexicon& lexicon);
  // Non-overlapping matches, left to right, each the longest that starts at its first token.
  // `text` is what the tokens index. Thread-safe (const).
  std::vector<PhraseMatch> Match(std::string_view text, const std::vector<Token>& tokens, MatchOptions options = {}) const;
  // Every entry of the longest phrase at token `i` (case rules applied); count 0 when none.
  PhraseMatch LongestAt(std::string_view text, const std::vector<Token>& tokens, size_t i, MatchOptions options = {}) const;
  // True when the text tokens [first, first+count) satisfy the posting's case rule.
  bool CaseAllows(const Posting& p, const std::vector<Token>& tokens, uint32_t first) const;
  // True when the gap between token i-1 and i joins them into one phrase.
  static bool Joins(std::string_view text, const std::vector<Token>& tokens, size_t i);

 private:
  const Lexicon::Impl* lex_;
  uint64_t particles_[24];
  int n_particles_ = 0;
};

}  // namespace eventmill::lexicon
