// eventmill serve: an HTTP server over a store (SQLite file or PostgreSQL) that answers the JSON API
// of docs/api.md (events, articles, aggregates, figures, stats, health) and serves the built
// dashboard (web/dist). The layer after pipeline: a thin shell over Store, read-only, loopback by
// default, with request size and time limits.
#pragma once

#include <functional>
#include <string>

#include "eventmill/status.h"

namespace eventmill {

struct ServeOptions {
  std::string db;                       // SQLite path or postgresql:// URL
  std::string address = "127.0.0.1";
  int port = 8080;                      // 0: a free port
  std::string web_dir;                  // the dashboard's files; empty: none (API only)
  int threads = 8;                      // request threads, each with its own database connection
  int query_timeout_ms = 10000;         // each statement at most this long (then 503)
  int read_timeout_s = 5, write_timeout_s = 10;
  bool log_requests = true;             // one line per request on stderr
};

// Opens the store read-only (once, to fail early with a clear message), binds, calls `listening`
// with the bound port, and serves until Stop() is called from another thread or a signal handler.
// Returns a Status naming what failed (database, address in use...).
Status Serve(const ServeOptions& options, const std::function<void(int port)>& listening);

// Stops a running Serve (safe from a signal handler's thread via a flag checked by the server).
void StopServing();

}  // namespace eventmill
