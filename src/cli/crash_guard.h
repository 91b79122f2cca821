// The crash guard of the commands that process pages: when a page crashes the process (a bug, or
// memory a library could not get and did not check), the page is named on stderr and, for
// `ingest`, appended to the database's poison-page list, which later runs skip and record as a
// failure of that page, so a rerun does not crash on it again.
#pragma once

#include <string>
#include <unordered_set>

namespace eventmill::cli {

// Installs handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT that write the source of the
// page being processed (PageInProcess) to stderr and, when poison_path is not empty, append it as
// a line to that file; then the process dies of the signal as before.
void InstallCrashGuard(const char* command, const std::string& poison_path);

// The poison-page list of a database: "<db>.poison-pages" beside an SQLite file; for a
// PostgreSQL URL a file in $TMPDIR (or /tmp) named by a hash of the URL.
std::string PoisonPathFor(const std::string& db);

// The sources listed in poison_path; empty when the file does not exist.
std::unordered_set<std::string> ReadPoisonPages(const std::string& poison_path);

}  // namespace eventmill::cli
