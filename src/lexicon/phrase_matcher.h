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

// A match whose entries lie in a postings vector shared by all matches of a text (MatchInto):
// no allocation per match.
struct PhraseMatchRef {
  uint32_t first = 0, count = 0;        // token range [first, first + count)
  uint32_t post_begin = 0, post_count = 0;  // its entries: postings[post_begin, post_begin + post_count)
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
  // The same matches, their entries appended to `postings` (both outputs are cleared first).
  // `joins`, when given, holds Joins(text, tokens, i) for every i (computed once by the caller).
  void MatchInto(std::string_view text, const std::vector<Token>& tokens, std::vector<PhraseMatchRef>* matches,
                 std::vector<Posting>* postings, MatchOptions options = {}, const std::vector<uint8_t>* joins = nullptr) const;
  // Every entry of the longest phrase at token `i` (case rules applied); count 0 when none.
  PhraseMatch LongestAt(std::string_view text, const std::vector<Token>& tokens, size_t i, MatchOptions options = {}) const;
  // True when the text tokens [first, first+count) satisfy the posting's case rule.
  bool CaseAllows(const Posting& p, const std::vector<Token>& tokens, uint32_t first) const;
  // True when the gap between token i-1 and i joins them into one phrase.
  static bool Joins(std::string_view text, const std::vector<Token>& tokens, size_t i);

 private:
  // The longest match at token i, its entries appended to `postings`; count 0 when none.
  struct FirstCache;  // the table slot of each text word seen, for one text
  PhraseMatchRef LongestInto(std::string_view text, const std::vector<Token>& tokens, size_t i, MatchOptions options,
                             std::vector<Posting>* postings, const std::vector<uint8_t>* joins = nullptr,
                             FirstCache* cache = nullptr) const;
  const Lexicon::Impl* lex_;
  uint64_t particles_[48];
  int n_particles_ = 0;
};

}  // namespace eventmill::lexicon
