// `eventmill serve --db ...`: the HTTP API of docs/api.md and the dashboard over a store, read-only,
// on 127.0.0.1:8080 by default. Ctrl-C or SIGTERM stops it.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <thread>

#include "cli/command.h"
#include "cli/store_flags.h"
#include "eventmill/serve.h"

#ifndef EVENTMILL_SOURCE_WEB_DIR
#define EVENTMILL_SOURCE_WEB_DIR ""
#endif

namespace eventmill::cli {
namespace {

constexpr char kUsage[] =
    "usage: eventmill serve [--db events.db|postgresql://...] [--address 127.0.0.1] [--port 8080]\n"
    "                       [--web DIR] [--threads N (default 8)] [--query-timeout-ms 10000] [--quiet]\n"
    "  Answers the JSON API of docs/api.md (/api/events, /api/articles, /api/aggregates,\n"
    "  /api/figures, /api/stats, /api/health) and serves the dashboard's files from DIR (default\n"
    "  $EVENTMILL_WEB, else web/dist of the source tree). Reads only: the database is opened read-only.\n"
    "  --port 0 picks a free port; the first line on stdout names the address. --quiet: no request log.\n";

bool ParseInt(const std::string& v, int lo, int hi, int* out) {
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || !end || *end || n < lo || n > hi) return false;
  *out = static_cast<int>(n);
  return true;
}

// The database for the listening line: a PostgreSQL URL without its password.
std::string Shown(const std::string& db) {
  auto scheme = db.find("://"), at = db.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return db;
  auto colon = db.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return db;
  return db.substr(0, colon) + ":***" + db.substr(at);
}

int RunServe(const std::vector<std::string>& args) {
  ServeOptions o;
  o.db = DefaultDb();
  if (const char* web = std::getenv("EVENTMILL_WEB"); web && *web) o.web_dir = web;
  else o.web_dir = EVENTMILL_SOURCE_WEB_DIR;
  auto bad = [](const std::string& msg) {
    std::fprintf(stderr, "eventmill serve: %s\n", msg.c_str());
    return 2;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    std::string v;
    bool missing = false;
    if (args[i] == "--help" || args[i] == "-h") {
      std::printf("%s", kUsage);
      return 0;
    }
    std::string flag = args[i].substr(0, args[i].find('='));
    if (args[i] == "--quiet") {
      o.log_requests = false;
      continue;
    }
    if (FlagValue(args, &i, "--db", &v, &missing)) o.db = v;
    else if (FlagValue(args, &i, "--address", &v, &missing)) o.address = v;
    else if (FlagValue(args, &i, "--web", &v, &missing)) o.web_dir = v;
    else if (FlagValue(args, &i, "--port", &v, &missing)) {
      if (!missing && !ParseInt(v, 0, 65535, &o.port)) return bad("--port needs a number 0..65535, not '" + v + "'");
    } else if (FlagValue(args, &i, "--threads", &v, &missing)) {
      if (!missing && !ParseInt(v, 1, 256, &o.threads)) return bad("--threads needs a number 1..256, not '" + v + "'");
    } else if (FlagValue(args, &i, "--query-timeout-ms", &v, &missing)) {
      if (!missing && !ParseInt(v, 1, 3600000, &o.query_timeout_ms))
        return bad("--query-timeout-ms needs a number of milliseconds, not '" + v + "'");
    } else {
      return bad("unknown option '" + args[i] + "' (see --help)");
    }
    if (missing) return bad(flag + " needs a value");
  }
  if (o.db.rfind("postgresql://", 0) != 0 && o.db.rfind("postgres://", 0) != 0) {
    struct stat st;
    if (::stat(o.db.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
      return bad(o.db + ": no such database file (make one with eventmill ingest)");
  }
  // Signals are taken by a thread of their own, which stops the server cleanly.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  std::thread([set] {
    int sig = 0;
    sigwait(&set, &sig);
    StopServing();
  }).detach();
  Status s = Serve(o, [&](int port) {
    std::printf("eventmill serve: listening on http://%s:%d/ (db %s)\n", o.address.c_str(), port, Shown(o.db).c_str());
    std::fflush(stdout);
  });
  if (!s.ok()) {
    std::fprintf(stderr, "eventmill serve: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

EM_REGISTER_COMMAND("serve", "HTTP API and dashboard over a database (read-only; docs/api.md)", RunServe);

}  // namespace eventmill::cli
