// BytePairFilter: a quick "certainly not in this text" test for substring searches, in the
// extract layer. It records which pairs of adjacent bytes occur in a text (hashed into 4096 bits,
// so distinct pairs may share a bit); a needle one of whose pairs is missing cannot occur. A
// search that asks MayContain first and runs its exact find only when it says yes gives the same
// answers as the find alone, and skips most needles of long lists (agency names, furniture phrases)
// at the cost of one pass over the text.
#pragma once

#include <cstdint>
#include <string_view>

namespace eventmill::extract {

class BytePairFilter {
 public:
  // Records the pairs of `text` (replacing what was recorded before).
  void Reset(std::string_view text);
  // False when `needle` is certainly not a substring of the recorded text; true when it may be
  // (always for needles shorter than two bytes).
  bool MayContain(std::string_view needle) const {
    for (size_t i = 1; i < needle.size(); ++i)
      if (!Has(static_cast<unsigned char>(needle[i - 1]), static_cast<unsigned char>(needle[i]))) return false;
    return true;
  }

 private:
  static uint32_t Slot(unsigned a, unsigned b) { return (a * 97u + b) & 4095u; }
  bool Has(unsigned a, unsigned b) const {
    const uint32_t s = Slot(a, b);
    return (bits_[s >> 6] >> (s & 63)) & 1;
  }
  uint64_t bits_[64] = {};
};

}  // namespace eventmill::extract
