#include "cli/crash_guard.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "eventmill/pipeline.h"

namespace eventmill::cli {
namespace {

char g_command[32];
char g_poison_path[4096];

void WriteAll(int fd, const char* s, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<size_t>(w);
  }
}
void WriteStr(int fd, const char* s) { WriteAll(fd, s, std::strlen(s)); }

// Async-signal-safe: write(2), open(2), raise(3) and plain memory reads only.
extern "C" void OnCrash(int sig) {
  const char* source = PageInProcess();
  WriteStr(2, "\neventmill ");
  WriteStr(2, g_command);
  WriteStr(2, ": ");
  if (source) {
    WriteStr(2, source);
    WriteStr(2, ": crashed while processing this page");
    if (g_poison_path[0]) {
      int fd = open(g_poison_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
      if (fd >= 0) {
        WriteStr(fd, source);
        WriteStr(fd, "\n");
        close(fd);
        WriteStr(2, "; listed in ");
        WriteStr(2, g_poison_path);
        WriteStr(2, ", the next run skips it");
      }
    }
  } else {
    WriteStr(2, "crashed");
  }
  WriteStr(2, " (");
  WriteStr(2, sigabbrev_np(sig) ? sigabbrev_np(sig) : "signal");
  WriteStr(2, ")\n");
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

void InstallCrashGuard(const char* command, const std::string& poison_path) {
  std::strncpy(g_command, command, sizeof g_command - 1);
  if (poison_path.size() < sizeof g_poison_path) std::memcpy(g_poison_path, poison_path.c_str(), poison_path.size() + 1);
  struct sigaction sa {};
  sa.sa_handler = OnCrash;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) sigaction(sig, &sa, nullptr);
}

std::string PoisonPathFor(const std::string& db) {
  if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : db) h = (h ^ c) * 1099511628211ull;
    const char* tmp = std::getenv("TMPDIR");
    char name[64];
    std::snprintf(name, sizeof name, "/eventmill-%016llx.poison-pages", static_cast<unsigned long long>(h));
    return std::string(tmp && *tmp ? tmp : "/tmp") + name;
  }
  return db + ".poison-pages";
}

std::unordered_set<std::string> ReadPoisonPages(const std::string& poison_path) {
  std::unordered_set<std::string> out;
  std::ifstream in(poison_path);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.insert(line);
  return out;
}

}  // namespace eventmill::cli
