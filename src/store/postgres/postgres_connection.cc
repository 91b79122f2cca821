// SqlConnection over libpq. '?' placeholders become $1..$N; each distinct statement is prepared
// once per connection. Text values are repaired to valid UTF-8 without NUL bytes, which
// PostgreSQL's text type requires.
#include <libpq-fe.h>

#include <cstdio>
#include <unordered_map>

#include "store/sql.h"
#include "text/utf8.h"

namespace eventmill {
namespace {

// Rewrites '?' outside string literals to $1, $2, ...
std::string NumberPlaceholders(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool in_string = false;
  for (char c : sql) {
    if (c == '\'') in_string = !in_string;
    if (c == '?' && !in_string) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

class PostgresConnection : public SqlConnection {
 public:
  PostgresConnection(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  const std::string& name() const override { return name_; }

  Status SetQueryTimeout(int ms) override {
    return ExecScript("SET statement_timeout = " + std::to_string(ms > 0 ? ms : 0));
  }

  Status ExecScript(const std::string& sql) override {
    PGresult* res = PQexec(conn_, sql.c_str());
    ExecStatusType st = PQresultStatus(res);
    Status s = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? Status::Ok() : Error(res);
    PQclear(res);
    return s;
  }

  Result<SqlRows> Query(const std::string& sql, const std::vector<SqlValue>& params) override {
    std::string* stmt_name;
    if (auto it = prepared_.find(sql); it != prepared_.end()) {
      stmt_name = &it->second;
    } else {
      std::string name = "s" + std::to_string(prepared_.size() + 1);
      std::string text = NumberPlaceholders(sql);
      PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
      if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        Status s = Error(res, sql);
        PQclear(res);
        return s;
      }
      PQclear(res);
      stmt_name = &prepared_.emplace(sql, std::move(name)).first->second;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    char buf[40];
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlValue& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) continue;
      if (auto* n = std::get_if<int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&v)) {
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        texts[i] = buf;
      } else {
        const auto& s = std::get<std::string>(v);
        texts[i] = (text::IsValidUtf8(s) && s.find('\0') == std::string::npos) ? s : text::RepairUtf8(s);
      }
      values[i] = texts[i].c_str();
    }
    PGresult* res = PQexecPrepared(conn_, stmt_name->c_str(), static_cast<int>(values.size()), values.data(),
                                   nullptr, nullptr, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Status s = Error(res, sql);
      PQclear(res);
      return s;
    }
    SqlRows rows;
    int nrows = PQntuples(res), ncols = PQnfields(res);
    rows.reserve(nrows);
    for (int r = 0; r < nrows; ++r) {
      SqlRow row;
      row.cols.reserve(ncols);
      for (int c = 0; c < ncols; ++c) {
        if (PQgetisnull(res, r, c)) row.cols.emplace_back(std::nullopt);
        else row.cols.emplace_back(std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
      }
      rows.push_back(std::move(row));
    }
    PQclear(res);
    return rows;
  }

 private:
  Status Error(PGresult* res, const std::string& sql = {}) const {
    // The primary message only: the full one quotes the statement ("LINE 1: SELECT ...").
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string msg = primary ? primary : res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
    if (size_t line = msg.find("\nLINE "); line != std::string::npos) msg.resize(line);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    for (char& c : msg) if (c == '\n') c = ' ';
    // The SQL text is never part of the message: a user's error must not show the statements.
    (void)sql;
    // Deadlock and serialisation failures abort the transaction: kUnavailable, the caller retries.
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    if (state && (std::string_view(state) == "40P01" || std::string_view(state) == "40001"))
      return Status::Unavailable(name_, msg);
    if (state && std::string_view(state) == "57014") return Status::Unavailable(name_, "query ran too long: " + msg);
    return Status::IoError(name_, msg);
  }
  PGconn* conn_;
  std::string name_;
  std::unordered_map<std::string, std::string> prepared_;
};

// The URL without its password, for messages.
std::string RedactedUrl(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url) {
  std::string name = RedactedUrl(url);
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    for (char& c : msg) if (c == '\n') c = ' ';
    return Status::Unavailable(name, "cannot connect to PostgreSQL: " + msg);
  }
  PQsetClientEncoding(conn, "UTF8");
  auto c = std::make_unique<PostgresConnection>(conn, name);
  // Statements are prepared once and reused; a generic plan (which PostgreSQL picks after five runs)
  // cannot see how selective a full-text word or a day range is, and chose a full scan for one
  // article's word: plan each run for its values.
  EM_RETURN_IF_ERROR(c->ExecScript(
      "SET client_min_messages = warning; SET synchronous_commit = on; SET plan_cache_mode = force_custom_plan;"));
  return std::unique_ptr<SqlConnection>(std::move(c));
}

}  // namespace eventmill
