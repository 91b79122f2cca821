// A small SQL connection interface the store is written against, so the same statements run on
// SQLite and PostgreSQL. Statements use '?' placeholders (rewritten to $N for PostgreSQL); values
// come back as text (NULL as std::nullopt), which both engines render losslessly for our types.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "eventmill/status.h"

namespace eventmill {

using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

struct SqlRow {
  std::vector<std::optional<std::string>> cols;
  std::string Text(size_t i) const { return i < cols.size() && cols[i] ? *cols[i] : std::string(); }
  bool IsNull(size_t i) const { return i >= cols.size() || !cols[i]; }
  int64_t Int(size_t i) const;
  double Double(size_t i) const;
};
using SqlRows = std::vector<SqlRow>;

enum class SqlDialect { kSqlite, kPostgres };

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual SqlDialect dialect() const = 0;
  // Runs one or more statements without parameters (schema scripts, BEGIN, COMMIT).
  virtual Status ExecScript(const std::string& sql) = 0;
  // Runs one statement with '?' parameters; returns its rows (empty for statements without rows).
  // Statements are prepared once per connection and reused.
  virtual Result<SqlRows> Query(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
  // Name of the database for messages ("events.db", "postgresql://host/db").
  virtual const std::string& name() const = 0;
  // Each later statement may run at most `ms` milliseconds; then it fails as kUnavailable.
  virtual Status SetQueryTimeout(int ms) = 0;
};

// kCreate: created when absent. kExisting: the file must exist (kNotFound otherwise) and be
// writable. kReadOnly: the file must exist; nothing is written (immutable when its directory is
// read-only and the WAL index cannot be made).
enum class SqliteMode { kCreate, kExisting, kReadOnly };
Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path, int busy_timeout_ms,
                                                  SqliteMode mode = SqliteMode::kCreate);
Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url);

}  // namespace eventmill
