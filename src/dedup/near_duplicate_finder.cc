// MinHash over word shingles. Each shingle is hashed once to 64 bits; the kHashes hash functions
// are cheap affine mixes of that value, so signing is O(words * kHashes) with no allocation per hash.
#include <algorithm>
#include <cstdio>

#include "core/hash.h"
#include "eventmill/dedup.h"

namespace eventmill {
namespace {

// Splits text into lowercase words: ASCII letters/digits are lowercased, bytes >= 0x80 (UTF-8
// letters of other scripts) are kept as they are, everything else separates words.
std::vector<std::string_view> Words(std::string_view text, std::string* storage) {
  storage->clear();
  storage->reserve(text.size());
  std::vector<std::pair<size_t, size_t>> bounds;
  size_t start = std::string::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    bool word_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (word_char) {
      if (start == std::string::npos) start = storage->size();
      storage->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
    } else if (start != std::string::npos) {
      bounds.emplace_back(start, storage->size() - start);
      start = std::string::npos;
    }
  }
  std::vector<std::string_view> words;
  words.reserve(bounds.size());
  for (auto [b, n] : bounds) words.emplace_back(storage->data() + b, n);
  return words;
}

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

TextSignature NearDuplicateFinder::Sign(std::string_view text) const {
  TextSignature sig;
  sig.minima.fill(UINT32_MAX);
  std::string storage;
  std::vector<std::string_view> words = Words(text, &storage);
  sig.words = words.size();
  if (words.empty()) return sig;
  const size_t k = std::max(1, options_.shingle_words);
  const size_t shingles = words.size() >= k ? words.size() - k + 1 : 1;
  std::vector<uint64_t> word_hashes(words.size());
  for (size_t i = 0; i < words.size(); ++i) word_hashes[i] = Hash64(words[i]);
  // Per-hash-function odd multipliers and offsets, fixed so signatures are stable across runs.
  static const auto kParams = [] {
    std::array<std::pair<uint64_t, uint64_t>, TextSignature::kHashes> p{};
    for (int i = 0; i < TextSignature::kHashes; ++i) p[i] = {Mix(2 * i + 1) | 1, Mix(2 * i + 2)};
    return p;
  }();
  for (size_t s = 0; s < shingles; ++s) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (size_t j = s; j < std::min(words.size(), s + k); ++j) h = Mix(h ^ word_hashes[j]) + j - s;
    for (int i = 0; i < TextSignature::kHashes; ++i) {
      uint32_t v = static_cast<uint32_t>((h * kParams[i].first + kParams[i].second) >> 32);
      if (v < sig.minima[i]) sig.minima[i] = v;
    }
  }
  return sig;
}

double NearDuplicateFinder::Similarity(const TextSignature& a, const TextSignature& b) {
  int same = 0;
  for (int i = 0; i < TextSignature::kHashes; ++i) same += a.minima[i] == b.minima[i];
  return static_cast<double>(same) / TextSignature::kHashes;
}

bool NearDuplicateFinder::AreNearDuplicates(const TextSignature& a, const TextSignature& b) const {
  if (a.words < options_.min_words || b.words < options_.min_words) return false;
  return Similarity(a, b) >= options_.min_similarity;
}

std::vector<int64_t> NearDuplicateFinder::BandKeys(const TextSignature& sig) {
  constexpr int kRows = TextSignature::kHashes / TextSignature::kBands;
  std::vector<int64_t> keys;
  keys.reserve(TextSignature::kBands);
  for (int b = 0; b < TextSignature::kBands; ++b) {
    uint64_t h = Mix(b + 1);
    for (int r = 0; r < kRows; ++r) h = Mix(h ^ sig.minima[b * kRows + r]);
    keys.push_back(static_cast<int64_t>(h));
  }
  return keys;
}

std::string TextSignature::ToHex() const {
  std::string out;
  out.reserve(kHashes * 8 + 12);
  char buf[16];
  for (uint32_t v : minima) {
    std::snprintf(buf, sizeof buf, "%08x", v);
    out += buf;
  }
  std::snprintf(buf, sizeof buf, ":%zu", words);
  out += buf;
  return out;
}

bool TextSignature::FromHex(std::string_view hex, TextSignature* out) {
  if (hex.size() < kHashes * 8) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (int i = 0; i < kHashes; ++i) {
    uint32_t v = 0;
    for (int j = 0; j < 8; ++j) {
      int n = nibble(hex[i * 8 + j]);
      if (n < 0) return false;
      v = v << 4 | static_cast<uint32_t>(n);
    }
    out->minima[i] = v;
  }
  out->words = 0;
  if (hex.size() > kHashes * 8 + 1 && hex[kHashes * 8] == ':') {
    for (char c : hex.substr(kHashes * 8 + 1)) {
      if (c < '0' || c > '9') return false;
      out->words = out->words * 10 + (c - '0');
    }
  }
  return true;
}

}  // namespace eventmill
