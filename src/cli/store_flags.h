// Flag helpers shared by the store commands (ingest, events, articles, status).
#pragma once

#include <cstdlib>
#include <string>
#include <vector>

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

}  // namespace eventmill::cli
