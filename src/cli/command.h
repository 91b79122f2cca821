// Command registry for the eventmill CLI: each command lives in its own file and registers itself;
// main.cc only dispatches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eventmill::cli {

using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `eventmill help`
  CommandFn run;
};

std::vector<Command>& Commands();

struct CommandRegistrar {
  CommandRegistrar(std::string_view name, std::string_view summary, CommandFn run) {
    Commands().push_back({name, summary, run});
  }
};

#define EM_REGISTER_COMMAND(name, summary, fn) \
  static ::eventmill::cli::CommandRegistrar em_command_registrar_##fn(name, summary, fn)

// Flags shared by the commands that read inputs (extract, code, ingest).
struct InputFlags {
  std::vector<std::string> inputs;
  std::string format = "text";  // text | json
  int threads = 0;
  bool explain = false;
  std::vector<std::string> rest;  // flags this parser does not know, for the command itself
};

// Parses `args`; on error prints a one-line message and returns false.
bool ParseInputFlags(const std::vector<std::string>& args, InputFlags* flags, std::string_view command);

}  // namespace eventmill::cli
