// PhraseSet: lower-case word phrases ("taken into custody", "more than") each with a label,
// matched against a sequence of lower-case token texts. Indexed by first and last word, so a
// lookup costs the phrases sharing that word, not the whole set. Immutable after building;
// lookups are thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventmill::text {

class PhraseSet {
 public:
  struct Match {
    size_t length = 0;                 // tokens matched; 0 when none
    const std::string* label = nullptr;
    explicit operator bool() const { return length > 0; }
  };

  // Adds a phrase of words (already lower-case and split like the tokenizer splits).
  void Add(std::vector<std::string> words, std::string label);
  // The longest phrase starting at words[i].
  Match LongestAt(const std::vector<std::string>& words, size_t i) const;
  // The longest phrase ending right before words[end].
  Match LongestEndingAt(const std::vector<std::string>& words, size_t end) const;
  bool empty() const { return phrases_.empty(); }
  size_t size() const { return phrases_.size(); }

 private:
  struct Entry {
    std::vector<std::string> words;
    std::string label;
  };
  std::vector<Entry> phrases_;
  std::unordered_map<std::string, std::vector<size_t>> by_first_, by_last_;  // longest first
};

}  // namespace eventmill::text
