// Little-endian byte helpers for the syntax model file (model.h): strings with a u32 length,
// lists of strings. The Get* functions return false when the data ends too soon.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace eventmill::syntax {

inline void PutU32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }
inline void PutString(std::string* out, std::string_view s) {
  PutU32(out, uint32_t(s.size()));
  out->append(s);
}
inline void PutStrings(std::string* out, const std::vector<std::string>& v) {
  PutU32(out, uint32_t(v.size()));
  for (const auto& s : v) PutString(out, s);
}
inline bool GetU32(std::string_view data, size_t* pos, uint32_t* v) {
  if (*pos > data.size() || data.size() - *pos < 4) return false;
  std::memcpy(v, data.data() + *pos, 4);
  *pos += 4;
  return true;
}
inline bool GetString(std::string_view data, size_t* pos, std::string* s) {
  uint32_t n = 0;
  if (!GetU32(data, pos, &n) || data.size() - *pos < n) return false;
  s->assign(data.substr(*pos, n));
  *pos += n;
  return true;
}
inline bool GetStrings(std::string_view data, size_t* pos, std::vector<std::string>* v) {
  uint32_t n = 0;
  if (!GetU32(data, pos, &n) || n > data.size()) return false;
  v->resize(n);
  for (auto& s : *v)
    if (!GetString(data, pos, &s)) return false;
  return true;
}

}  // namespace eventmill::syntax
