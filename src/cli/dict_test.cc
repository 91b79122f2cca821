// `eventmill dict test FILE...`: runs validation records (docs/patterns.md) through the analyzer
// and the coder, prints PASS/FAIL per record with what was coded, and exits 1 on any failure.
#include "cli/dict_test.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "eventmill/validation.h"
#include "eventmill/lexicon.h"

namespace eventmill::cli {

int RunDictTest(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  bool verbose = false;
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      std::printf("usage: eventmill dict test [--verbose] FILE.cases...\n"
                  "  runs each validation record (format: docs/patterns.md) and prints PASS or FAIL;\n"
                  "  exit status 1 when any record fails\n");
      return 0;
    }
    if (a == "--verbose" || a == "-v") {
      verbose = true;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: eventmill dict test [--verbose] FILE.cases...\n");
    return 2;
  }
  auto lexicon = Lexicon::Load();
  if (!lexicon.ok()) {
    std::fprintf(stderr, "eventmill dict test: %s\n", lexicon.status().message().c_str());
    return 1;
  }
  auto runner = code::ValidationRunner::Create(*lexicon);
  if (!runner.ok()) {
    std::fprintf(stderr, "eventmill dict test: %s\n", runner.status().message().c_str());
    return 1;
  }
  size_t passed = 0, failed = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "eventmill dict test: %s: cannot read\n", path.c_str());
      ++failed;
      continue;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    auto records = code::ParseValidationRecords(ss.str(), path);
    if (!records.ok()) {
      std::fprintf(stderr, "eventmill dict test: %s\n", records.status().message().c_str());
      ++failed;
      continue;
    }
    for (const auto& r : *records) {
      code::RecordResult res = runner->Run(r);
      std::printf("%s %s  %s\n", res.pass ? "PASS" : "FAIL", r.where.c_str(), r.title.c_str());
      if (!res.pass || verbose) {
        for (const auto& p : res.problems) std::printf("       %s\n", p.c_str());
        for (const auto& c : res.coded) std::printf("       coded: %s\n", c.c_str());
      }
      (res.pass ? passed : failed)++;
    }
  }
  std::printf("%zu passed, %zu failed\n", passed, failed);
  return failed ? 1 : 0;
}

}  // namespace eventmill::cli
