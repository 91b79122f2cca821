// Fast non-cryptographic 64-bit hashing for ids and shingles (FNV-1a with a final avalanche).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eventmill {

inline uint64_t Hash64(std::string_view s, uint64_t seed = 0) {
  uint64_t h = 1469598103934665603ULL ^ seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  // splitmix64 finaliser: spreads FNV's weak low bits
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// 16 lowercase hex digits.
std::string Hex64(uint64_t v);

}  // namespace eventmill
