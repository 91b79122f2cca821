// SqlConnection over the SQLite C API: WAL journal (crash-safe with a writer, a copy is consistent
// while none runs), a busy timeout for concurrent writers, statements cached per connection.
#include <sqlite3.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "store/sql.h"

namespace eventmill {
namespace {

class SqliteConnection : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string name) : db_(db), name_(std::move(name)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  const std::string& name() const override { return name_; }

  // A progress handler checks the statement's deadline every 10,000 virtual machine steps.
  Status SetQueryTimeout(int ms) override {
    timeout_ms_ = ms;
    sqlite3_progress_handler(db_, ms > 0 ? 10000 : 0, ms > 0 ? &SqliteConnection::PastDeadline : nullptr, this);
    return Status::Ok();
  }

  Status ExecScript(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Error(msg, sqlite3_errcode(db_));
    }
    return Status::Ok();
  }

  Result<SqlRows> Query(const std::string& sql, const std::vector<SqlValue>& params) override {
    sqlite3_stmt* stmt = nullptr;
    if (auto it = cache_.find(sql); it != cache_.end()) {
      stmt = it->second;
    } else {
      if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                             nullptr) != SQLITE_OK)
        return Error(sqlite3_errmsg(db_), sqlite3_errcode(db_));  // never the SQL text: it is no user's business
      if (cache_.size() > 512) {  // statements built for many row counts: keep the cache bounded
        for (auto& [s, st] : cache_) sqlite3_finalize(st);
        cache_.clear();
      }
      cache_.emplace(sql, stmt);
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (timeout_ms_ > 0) deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms_);
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const SqlValue& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v)) rc = sqlite3_bind_null(stmt, idx);
      else if (auto* n = std::get_if<int64_t>(&v)) rc = sqlite3_bind_int64(stmt, idx, *n);
      else if (auto* d = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, idx, *d);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
      }
      if (rc != SQLITE_OK) return Error(sqlite3_errmsg(db_));
    }
    SqlRows rows;
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        std::string msg = sqlite3_errmsg(db_);
        sqlite3_reset(stmt);
        if (rc == SQLITE_INTERRUPT && timeout_ms_ > 0)
          return Status::Unavailable(name_, "query ran longer than " + std::to_string(timeout_ms_) + " ms");
        return Error(msg, rc);
      }
      SqlRow row;
      int n = sqlite3_column_count(stmt);
      row.cols.reserve(n);
      for (int c = 0; c < n; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          row.cols.emplace_back(std::nullopt);
        } else {
          const unsigned char* t = sqlite3_column_text(stmt, c);
          row.cols.emplace_back(std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt, c)));
        }
      }
      rows.push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    return rows;
  }

 private:
  // A busy or locked database is kUnavailable: the caller may retry the transaction.
  Status Error(const std::string& what, int rc = SQLITE_ERROR) const {
    int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Status::Unavailable(name_, what);
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
      return Status::CorruptData(name_, "the database is corrupt (" + what + "); `eventmill status` checks it");
    return Status::IoError(name_, what);
  }
  static int PastDeadline(void* self) {
    auto* c = static_cast<SqliteConnection*>(self);
    return std::chrono::steady_clock::now() > c->deadline_ ? 1 : 0;
  }
  sqlite3* db_;
  std::string name_;
  int timeout_ms_ = 0;
  std::chrono::steady_clock::time_point deadline_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

namespace {

// "file:" URI of a path (RFC 3986 escapes for what SQLite's URI parser reads specially).
std::string FileUri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      uri += buf;
    } else {
      uri += c;
    }
  }
  return uri + query;
}

// The file must be there: a query on a mistyped path is an error, not a new empty database.
Status CheckExists(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    return Status::NotFound(path, errno == ENOENT ? "no such database (`eventmill ingest --db " + path +
                                                        " ...` creates one)"
                                                  : std::string("cannot open the database: ") + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) return Status::InvalidInput(path, "not a database file");
  return Status::Ok();
}

Result<std::unique_ptr<SqlConnection>> OpenReadOnly(const std::string& path, int busy_timeout_ms) {
  EM_RETURN_IF_ERROR(CheckExists(path));
  // First as usual (sees a live writer's WAL); on a read-only disk, where the WAL index cannot
  // be created, as an immutable file.
  for (const char* query : {"?mode=ro", "?mode=ro&immutable=1"}) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(FileUri(path, query).c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc == SQLITE_OK) {
      sqlite3_busy_timeout(db, busy_timeout_ms);
      rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    }
    if (rc == SQLITE_OK) {
      auto conn = std::make_unique<SqliteConnection>(db, path);
      conn->ExecScript("PRAGMA query_only=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
      return std::unique_ptr<SqlConnection>(std::move(conn));
    }
    std::string msg = db ? sqlite3_errmsg(db) : "cannot open";
    const int primary = rc & 0xff;
    sqlite3_close_v2(db);
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
      return Status::CorruptData(path, "not an SQLite database, or a corrupt one (" + msg + ")");
    if (primary != SQLITE_CANTOPEN && primary != SQLITE_READONLY && primary != SQLITE_IOERR)
      return Status::IoError(path, "cannot open SQLite database: " + msg);
    if (std::string_view(query).find("immutable") != std::string_view::npos)
      return Status::IoError(path, "cannot open SQLite database: " + msg);
  }
  return Status::IoError(path, "cannot open SQLite database");
}

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path, int busy_timeout_ms, SqliteMode mode) {
  if (mode == SqliteMode::kReadOnly) return OpenReadOnly(path, busy_timeout_ms);
  if (mode == SqliteMode::kExisting) EM_RETURN_IF_ERROR(CheckExists(path));
  sqlite3* db = nullptr;
  const int create = mode == SqliteMode::kCreate ? SQLITE_OPEN_CREATE : 0;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | create | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc == SQLITE_OK && sqlite3_db_readonly(db, "main") == 1) {
    sqlite3_close_v2(db);
    return Status::IoError(path, "the database file is read-only");
  }
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close_v2(db);
    return Status::IoError(path, "cannot open SQLite database: " + msg);
  }
  sqlite3_busy_timeout(db, busy_timeout_ms);
  auto conn = std::make_unique<SqliteConnection>(db, path);
  // WAL: readers never block the writer and a crash loses at most the uncommitted batch.
  // synchronous=NORMAL is durable for committed batches across process crashes in WAL mode.
  Status s = conn->ExecScript(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; "
      "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
  if (!s.ok()) {
    if (s.code() == StatusCode::kCorruptData) return Status::CorruptData(path, "not an SQLite database, or a corrupt one");
    return Status::IoError(path, "not an SQLite database or not writable (" + s.message() + ")");
  }
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

int64_t SqlRow::Int(size_t i) const {
  if (IsNull(i)) return 0;
  return std::strtoll(cols[i]->c_str(), nullptr, 10);
}

double SqlRow::Double(size_t i) const {
  if (IsNull(i)) return 0;
  return std::strtod(cols[i]->c_str(), nullptr);
}

}  // namespace eventmill
