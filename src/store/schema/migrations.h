// The versioned schema: an ordered list of migrations, each with its SQLite and PostgreSQL text.
// A database records the versions applied in schema_migrations; opening one applies the missing
// ones in order, each in its own transaction, and refuses a database newer than this program.
#pragma once

#include <string_view>
#include <vector>

#include "store/sql.h"

namespace eventmill {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sqlite;
  std::string_view postgres;
};

// All migrations, by version from 1.
const std::vector<Migration>& Migrations();

// Brings the database to the latest version (or to `target` when > 0, for tests of old databases);
// returns the version it ends at; *from (when given) is set to the version it found.
Result<int> Migrate(SqlConnection& db, int target = 0, int* from = nullptr);

}  // namespace eventmill
