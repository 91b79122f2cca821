#include "text/phrase_set.h"

#include <algorithm>

namespace eventmill::text {

void PhraseSet::Add(std::vector<std::string> words, std::string label) {
  if (words.empty()) return;
  size_t id = phrases_.size();
  phrases_.push_back({std::move(words), std::move(label)});
  auto insert = [&](std::vector<size_t>& list) {
    list.push_back(id);
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return phrases_[a].words.size() > phrases_[b].words.size();
    });
  };
  insert(by_first_[phrases_[id].words.front()]);
  insert(by_last_[phrases_[id].words.back()]);
}

PhraseSet::Match PhraseSet::LongestAt(const std::vector<std::string>& words, size_t i) const {
  if (i >= words.size()) return {};
  auto it = by_first_.find(words[i]);
  if (it == by_first_.end()) return {};
  for (size_t id : it->second) {
    const Entry& e = phrases_[id];
    if (i + e.words.size() > words.size()) continue;
    if (std::equal(e.words.begin(), e.words.end(), words.begin() + static_cast<std::ptrdiff_t>(i)))
      return {e.words.size(), &e.label};
  }
  return {};
}

PhraseSet::Match PhraseSet::LongestEndingAt(const std::vector<std::string>& words, size_t end) const {
  if (end == 0 || end > words.size()) return {};
  auto it = by_last_.find(words[end - 1]);
  if (it == by_last_.end()) return {};
  for (size_t id : it->second) {
    const Entry& e = phrases_[id];
    if (e.words.size() > end) continue;
    if (std::equal(e.words.begin(), e.words.end(), words.begin() + static_cast<std::ptrdiff_t>(end - e.words.size())))
      return {e.words.size(), &e.label};
  }
  return {};
}

}  // namespace eventmill::text
