#include "eventmill/document.h"

#include "core/hash.h"

namespace eventmill {

std::string Hex64(uint64_t v) {
  static const char kDigits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[i] = kDigits[v & 15];
    v >>= 4;
  }
  return s;
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kPlace: return "PLACE";
    case EntityType::kCountry: return "COUNTRY";
    case EntityType::kGroup: return "GROUP";
  }
  return "ORG";
}

std::string DocumentId(const Document& doc) {
  if (!doc.canonical_url.empty()) return Hex64(Hash64(doc.canonical_url));
  if (!doc.url.empty()) return Hex64(Hash64(doc.url));
  return Hex64(Hash64(doc.text, /*seed=*/0x7465787400000000ULL));
}

}  // namespace eventmill
