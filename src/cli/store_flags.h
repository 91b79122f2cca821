// Flag helpers shared by the store commands (ingest, events, articles, status).
#pragma once

#include <cstdlib>
#include <string>
#include <vector>

#include "eventmill/civil_date.h"

namespace eventmill::cli {

// The database: --db VALUE, else $EVENTMILL_DB, else "events.db".
inline std::string DefaultDb() {
  const char* env = std::getenv("EVENTMILL_DB");
  return env && *env ? env : "events.db";
}

// Reads "--name VALUE" or "--name=VALUE" at args[*i]; advances *i past the value. False when
// args[*i] is not this flag; sets *missing when the flag has no value.
inline bool FlagValue(const std::vector<std::string>& args, size_t* i, const std::string& name, std::string* out,
                      bool* missing) {
  const std::string& a = args[*i];
  if (a.rfind(name + "=", 0) == 0) {
    *out = a.substr(name.size() + 1);
    return true;
  }
  if (a != name) return false;
  if (*i + 1 >= args.size()) {
    *missing = true;
    return true;
  }
  *out = args[++*i];
  return true;
}

// A --since / --until value: YYYY, YYYY-MM or YYYY-MM-DD of a day that exists (no 2022-02-30,
// no 2022-13-45, no 0000-00-00).
inline bool ValidDateFlag(const std::string& v) {
  if (v.size() != 4 && v.size() != 7 && v.size() != 10) return false;
  for (size_t i = 0; i < v.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? v[i] != '-' : (v[i] < '0' || v[i] > '9')) return false;
  }
  return core::IsValidIsoDate(v);
}

// The largest --limit / --failures a query takes: more rows than any store holds. A larger
// number (up to 2^63) means the same; a negative one or not a number is an error.
inline constexpr unsigned long long kMaxRowLimit = 1'000'000'000;

// Parses a row count for --limit / --failures: "0".."2^64" (clamped to kMaxRowLimit). False for
// anything else ("-1", "1e3", "ten", "").
inline bool ParseRowLimit(const std::string& v, size_t* out) {
  if (v.empty() || v.size() > 20) return false;
  unsigned long long n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    n = n > kMaxRowLimit ? n : n * 10 + static_cast<unsigned>(c - '0');
  }
  *out = static_cast<size_t>(n > kMaxRowLimit ? kMaxRowLimit : n);
  return true;
}

}  // namespace eventmill::cli
