// Near-duplicate articles and repeated events: the dedup stage between code and store.
// NearDuplicateFinder signs an article's text with MinHash over word shingles, so copies of the same
// wire story on many sites (changed boilerplate, trimmed ending, another title) find each other
// through locality-sensitive band keys; EventClusterKey names "the same event" across articles so
// the store can count mentions, sources and articles of one event (GDELT's NumMentions idea).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"

namespace eventmill {

struct NearDuplicateOptions {
  int shingle_words = 3;       // words per shingle
  double min_similarity = 0.5; // estimated Jaccard similarity of shingle sets to call two texts copies
  size_t min_words = 8;        // texts shorter than this are never called near-duplicates
};

// MinHash signature: for each of kHashes hash functions, the minimum over the text's shingles.
struct TextSignature {
  static constexpr int kHashes = 128;
  static constexpr int kBands = 32;                 // LSH bands of kHashes / kBands rows each
  std::array<uint32_t, kHashes> minima{};
  size_t words = 0;                                 // words in the text (after normalisation)

  // 128 x 8 hex digits, and back (false on a malformed string).
  std::string ToHex() const;
  static bool FromHex(std::string_view hex, TextSignature* out);
};

class NearDuplicateFinder {
 public:
  explicit NearDuplicateFinder(NearDuplicateOptions options = {}) : options_(options) {}

  // Signs `text`: words are lowercased letters and digits (UTF-8 letters kept), punctuation and
  // spacing ignored. Linear in text size. Thread-safe (const).
  TextSignature Sign(std::string_view text) const;

  // Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1].
  static double Similarity(const TextSignature& a, const TextSignature& b);

  // True when the two signed texts are near-duplicates under the options.
  bool AreNearDuplicates(const TextSignature& a, const TextSignature& b) const;

  // kBands keys; two texts with similarity s share at least one key with probability
  // 1 - (1 - s^4)^32 (0.87 at s = 0.5, 0.99 at s = 0.6). Keys fit in a signed 64-bit column.
  static std::vector<int64_t> BandKeys(const TextSignature& sig);

  const NearDuplicateOptions& options() const { return options_; }

 private:
  NearDuplicateOptions options_;
};

// A key naming one real-world event across the articles that report it: CAMEO code, source and
// target actor codes, location (country and place) and date. Two events with the same key are
// mentions of one event. 16 hex digits.
std::string EventClusterKey(const Event& event);

}  // namespace eventmill
