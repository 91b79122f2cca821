// UTF-8 decoding, validation and repair. All text inside eventmill is valid UTF-8 after extract.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eventmill::text {

inline constexpr uint32_t kReplacementChar = 0xFFFD;

// Decodes the code point at s[*i] and advances *i past it. Invalid or truncated sequences decode
// as kReplacementChar and advance by one byte. Requires *i < s.size().
uint32_t DecodeUtf8(std::string_view s, size_t* i);

void AppendUtf8(uint32_t cp, std::string* out);

bool IsValidUtf8(std::string_view s);

// Copy of s with every invalid byte replaced by U+FFFD (and NUL bytes dropped).
std::string RepairUtf8(std::string_view s);

}  // namespace eventmill::text
