#include <cstdio>
#include <cstdlib>

#include "cli/command.h"

namespace eventmill::cli {

bool ParseInputFlags(const std::vector<std::string>& args, InputFlags* flags, std::string_view command) {
  auto fail = [&](const std::string& msg) {
    std::fprintf(stderr, "eventmill %.*s: %s\n", int(command.size()), command.data(), msg.c_str());
    return false;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (auto eq = a.find('='); eq != std::string::npos) {
        *out = a.substr(eq + 1);
        return true;
      }
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--format" || a.rfind("--format=", 0) == 0) {
      if (!value(&v)) return fail("--format needs a value (text or json)");
      if (v != "text" && v != "json" && v != "jsonl") return fail("unknown --format '" + v + "' (text or json)");
      flags->format = v == "jsonl" ? "json" : v;
    } else if (a == "--json") {
      flags->format = "json";
    } else if (a == "--threads" || a.rfind("--threads=", 0) == 0 || a == "-j") {
      if (!value(&v)) return fail("--threads needs a number");
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (!end || *end || n < 0 || n > 1024) return fail("--threads needs a number from 0 to 1024, not '" + v + "'");
      flags->threads = static_cast<int>(n);
    } else if (a == "--explain") {
      flags->explain = true;
    } else if (a == "-" || a.empty() || a[0] != '-') {
      flags->inputs.push_back(a);
    } else {
      flags->rest.push_back(a);
    }
  }
  return true;
}

}  // namespace eventmill::cli
