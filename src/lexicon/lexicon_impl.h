// What a loaded Lexicon holds: the compiled blob (mmap'd, read in place) and typed views of its
// sections. Private to the engine: the analyze stage reads it through these accessors.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "eventmill/lexicon.h"
#include "lexicon/lexicon_format.h"

namespace eventmill {

struct Lexicon::Impl {
  std::string data_dir;
  std::string path;         // the compiled file
  const char* base = nullptr;
  size_t size = 0;
  bool mapped = false;
  std::string owned;        // the blob when it was read rather than mapped

  std::span<const lexicon::PlaceRec> places;
  std::span<const lexicon::ActorRec> actors;
  std::span<const lexicon::Slot> slots;
  std::span<const lexicon::Posting> postings;
  std::span<const lexicon::FuzzyName> fuzzy;
  std::span<const lexicon::CountryRec> countries;
  std::span<const uint64_t> words;
  std::span<const uint64_t> filter;
  std::span<const uint64_t> any_case_starts;
  std::span<const uint64_t> place_stop;
  // False when no phrase that may match in lower case starts with this token.
  bool MayStartLowerCase(uint64_t token_hash) const {
    if (any_case_starts.size() != lexicon::kAnyCaseBits / 64) return true;
    uint64_t bit = lexicon::AnyCaseBit(token_hash);
    return any_case_starts[bit / 64] & (uint64_t{1} << (bit % 64));
  }
  int32_t country_by_alpha2[26 * 26];  // index into countries, -1 when none
  uint32_t slot_mask = 0;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl();

  std::string_view Str(uint32_t offset) const {
    return offset < strings_size_ ? std::string_view(strings_ + offset) : std::string_view();
  }
  char StrFirstByte(uint32_t offset) const { return offset < strings_size_ ? strings_[offset] : '\0'; }
  // The slot of a phrase key, or nullptr. O(1) expected.
  const lexicon::Slot* Find(uint64_t key) const {
    if (slots.empty()) return nullptr;
    uint64_t k = key ? key : 1;
    if (filter.size() == lexicon::kFilterBits / 64) {
      uint64_t bit = lexicon::FilterBit(k);
      if (!(filter[bit / 64] & (uint64_t{1} << (bit % 64)))) return nullptr;
    }
    for (uint32_t i = static_cast<uint32_t>(k) & slot_mask;; i = (i + 1) & slot_mask) {
      const lexicon::Slot& s = slots[i];
      if (s.key == k) return &s;
      if (s.key == 0) return nullptr;
    }
  }
  std::span<const lexicon::Posting> PostingsOf(const lexicon::Slot& s) const {
    // Bounds are checked here rather than at load, so loading stays O(1) in the table sizes.
    if (s.postings >= postings.size()) return {};
    return postings.subspan(s.postings, std::min<size_t>(s.count, postings.size() - s.postings));
  }
  const lexicon::CountryRec* Country(std::string_view alpha2) const;
  // True when the token (by its hash) is a common lower-case English word ("mobile", "the").
  bool IsCommonWord(uint64_t token_hash) const { return std::binary_search(words.begin(), words.end(), token_hash); }
  // True when the token is a word never read as a place (data/places/stoplist.txt: "Monday").
  bool IsPlaceStopWord(uint64_t token_hash) const {
    return std::binary_search(place_stop.begin(), place_stop.end(), token_hash);
  }
  // The country record of a place's country, or nullptr.
  const lexicon::CountryRec* CountryOf(const lexicon::PlaceRec& p) const {
    return Country(std::string_view(p.country, 2));
  }
  const lexicon::PlaceRec* Place(const lexicon::Posting& p) const {
    return p.table == lexicon::Table::kPlace && p.target < places.size() ? &places[p.target] : nullptr;
  }
  const lexicon::ActorRec* Actor(const lexicon::Posting& p) const {
    return p.table == lexicon::Table::kActor && p.target < actors.size() ? &actors[p.target] : nullptr;
  }
  std::string_view Alpha3(std::string_view alpha2) const {
    const auto* c = Country(alpha2);
    return c ? std::string_view(c->alpha3, 3) : std::string_view();
  }

  // Validates a blob and points the views into it. `where` names it in errors.
  Status Attach(const char* data, size_t size, std::string_view where);

 private:
  const char* strings_ = nullptr;
  size_t strings_size_ = 0;
};

}  // namespace eventmill
