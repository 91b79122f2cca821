// eventmill: the command-line front door. Dispatches to the command files in this folder.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/command.h"

namespace eventmill::cli {

std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

namespace {

void PrintHelp() {
  std::printf(
      "eventmill: news pages in, a clean, explainable database of political and conflict events out.\n\n"
      "usage: eventmill COMMAND [ARGS]\n\ncommands:\n");
  auto cmds = Commands();
  std::sort(cmds.begin(), cmds.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  for (const auto& c : cmds) std::printf("  %-10.*s %.*s\n", int(c.name.size()), c.name.data(), int(c.summary.size()), c.summary.data());
  std::printf("\nRun 'eventmill COMMAND --help' for a command's options.\n");
}

}  // namespace
}  // namespace eventmill::cli

int main(int argc, char** argv) {
  using namespace eventmill::cli;
  if (argc < 2 || !std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    PrintHelp();
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "version")) {
    std::printf("eventmill 0.1.0\n");
    return 0;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& c : Commands()) {
    if (c.name != argv[1]) continue;
    int rc = c.run(args);
    // Output that could not be written (a full disk, /dev/full, a closed pipe) is a failure of
    // the command, never a silent exit 0 with truncated output.
    errno = 0;
    if ((std::fflush(stdout) != 0 || std::ferror(stdout)) && rc == 0) {  // else the command said why
      std::fprintf(stderr, "eventmill %s: cannot write the output: %s\n", argv[1],
                   errno ? std::strerror(errno) : "write error");
      return 1;
    }
    return rc;
  }
  std::fprintf(stderr, "eventmill: unknown command '%s' (see 'eventmill help')\n", argv[1]);
  return 2;
}
