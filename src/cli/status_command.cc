// `eventmill status --db ...`: what a database holds, the last ingest run, and every failed input
// with its reason.
#include <cstdio>

#include "cli/command.h"
#include "cli/store_flags.h"
#include "eventmill/printable.h"
#include "eventmill/store.h"

namespace eventmill::cli {
namespace {

constexpr char kUsage[] =
    "usage: eventmill status [--db events.db|postgresql://...] [--failures N (default: all)]\n"
    "  Counts of articles, near-duplicates, events, entities, counts and quotes; the last ingest run;\n"
    "  failed inputs with their reason.\n";

int RunStatus(const std::vector<std::string>& args) {
  std::string db = DefaultDb();
  size_t max_failures = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string v;
    bool missing = false;
    if (args[i] == "--help" || args[i] == "-h") {
      std::printf("%s", kUsage);
      return 0;
    }
    if (FlagValue(args, &i, "--db", &v, &missing)) {
      db = v;
    } else if (FlagValue(args, &i, "--failures", &v, &missing)) {
      if (!missing && !ParseRowLimit(v, &max_failures)) {
        std::fprintf(stderr, "eventmill status: --failures needs a number (0: all), not '%s'\n", v.c_str());
        return 2;
      }
    } else {
      std::fprintf(stderr, "eventmill status: unknown option '%s' (see --help)\n", args[i].c_str());
      return 2;
    }
    if (missing) {
      std::fprintf(stderr, "eventmill status: %s needs a value\n", args[i].c_str());
      return 2;
    }
  }
  auto store = Store::Open(db, {.create = false});
  if (!store.ok()) {
    std::fprintf(stderr, "eventmill status: %s\n", core::Printable(store.status().message()).c_str());
    return 1;
  }
  // Status is where damage shows: every page of the database is read once.
  if (Status integrity = (*store)->CheckIntegrity(); !integrity.ok()) {
    std::fprintf(stderr, "eventmill status: %s\n", core::Printable(integrity.message()).c_str());
    return 1;
  }
  auto stats = (*store)->Stats();
  auto failures = (*store)->Failures(max_failures);
  if (!stats.ok() || !failures.ok()) {
    std::fprintf(stderr, "eventmill status: %s\n", (!stats.ok() ? stats.status() : failures.status()).message().c_str());
    return 1;
  }
  const StoreStats& s = *stats;
  std::printf("database:    %s (%s, schema version %d)\n", db.rfind("postgres", 0) == 0 ? "PostgreSQL" : db.c_str(),
              s.backend.c_str(), s.schema_version);
  std::printf("articles:    %lld (%lld near-duplicates)\n", static_cast<long long>(s.articles),
              static_cast<long long>(s.duplicates));
  std::printf("events:      %lld mentions of %lld distinct events\n", static_cast<long long>(s.events),
              static_cast<long long>(s.event_clusters));
  std::printf("entities:    %lld   counts: %lld   quotes: %lld\n", static_cast<long long>(s.entities),
              static_cast<long long>(s.counts), static_cast<long long>(s.quotes));
  std::printf("inputs:      %lld stored, %lld failed\n", static_cast<long long>(s.inputs),
              static_cast<long long>(s.failures));
  if (s.last_run) {
    const IngestRun& r = *s.last_run;
    std::printf("last run:    #%lld started %s, ", static_cast<long long>(r.id), r.started_at.c_str());
    if (r.finished_at.empty()) std::printf("not finished (running, or killed)\n");
    else
      std::printf("%s %s: %lld inputs, %lld stored, %lld duplicates, %lld events, %lld failed\n",
                  r.interrupted ? "interrupted" : "finished", r.finished_at.c_str(), static_cast<long long>(r.inputs),
                  static_cast<long long>(r.added), static_cast<long long>(r.duplicates),
                  static_cast<long long>(r.events), static_cast<long long>(r.failures));
  }
  if (!failures->empty()) {
    std::printf("\nfailed inputs:\n");
    for (const InputFailure& f : *failures) {
      // A file name with a newline or an escape cannot forge lines or drive the terminal.
      std::printf("  %s: %s  (%s)\n", core::Printable(f.source).c_str(), core::Printable(f.reason).c_str(),
                  core::Printable(f.failed_at).c_str());
    }
  }
  return 0;
}

}  // namespace

EM_REGISTER_COMMAND("status", "what a database holds, its last ingest run and its failed inputs", RunStatus);

}  // namespace eventmill::cli
