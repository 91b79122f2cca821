// Reference tables the exports need: ISO 3166-1 codes and names (Debian iso-codes, read at first
// use) and the CAMEO role -> ACLED actor type table (data/export/acled_inter.tsv).
#pragma once

#include <string>
#include <string_view>

namespace eventmill {

struct CountryCodes {
  std::string alpha3, numeric, name;  // empty when unknown
};

// By ISO alpha-2 ("KZ" -> KAZ, 398, Kazakhstan). Thread-safe.
const CountryCodes& CountryByAlpha2(std::string_view alpha2);

// ACLED inter code for an actor role in an event of ACLED type `acled_event_type`; 0 when unknown.
int AcledInterCode(std::string_view role, std::string_view acled_event_type);

}  // namespace eventmill
