// `eventmill extract` and `eventmill code`: the pipeline over inputs, one document out per input,
// in input order, as readable text or as the contract's JSON lines.
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/command.h"
#include "cli/crash_guard.h"
#include "eventmill/printable.h"
#include "eventmill/json.h"
#include "eventmill/pipeline.h"

namespace eventmill::cli {
namespace {

constexpr char kUsage[] =
    "usage: eventmill %s [--format text|json] [--threads N]%s INPUT...\n"
    "  INPUT: HTML file, .txt (plain text), .jsonl records {id,url,html|text,title,published},\n"
    "         .warc/.warc.gz, a directory (read recursively), or '-' for stdin\n"
    "  one document per input record, in input order; errors go to stderr, one line each,\n"
    "  and the exit status is 1 when any input failed\n";

// One line of a page's words for the terminal: controls and escapes shown, never obeyed.
std::string P(std::string_view s) { return core::Printable(s); }

void PrintText(const Document& doc, bool with_events, bool explain) {
  std::string out;
  out += "# " + P(doc.title) + "\n";
  out += "source: " + P(doc.source) + "\n";
  if (!doc.url.empty()) out += "url: " + P(doc.url) + "\n";
  if (doc.published) out += "published: " + P(*doc.published) + " (" + doc.published_source + ")\n";
  if (!doc.published && !doc.published_month.empty()) out += "published in: " + P(doc.published_month) + "\n";
  if (!doc.site_name.empty()) out += "site: " + P(doc.site_name) + "\n";
  if (!doc.language.empty()) out += "language: " + P(doc.language) + "\n";
  if (!doc.authors.empty()) {
    out += "authors:";
    for (const auto& a : doc.authors) out += " " + P(a) + ";";
    out.back() = '\n';
  }
  if (!doc.attributed_sources.empty()) {
    out += "sources:";
    for (const auto& a : doc.attributed_sources) out += " " + P(a) + ",";
    out.back() = '\n';
  }
  if (explain)
    for (const auto& x : doc.extract_explain) out += "- " + x + "\n";
  if (!with_events) {
    out += "\n" + core::Printable(doc.text, core::Newlines::kKeep) + "\n";
  } else {
    for (const auto& e : doc.events) {
      out += "\n[" + e.cameo + "] " + e.plover + (e.plover_mode.empty() ? "" : "/" + e.plover_mode);
      if (!e.acled_event_type.empty()) out += " | ACLED " + e.acled_event_type;
      // An implied actor has no words: its name says so ("the police (not named)").
      auto who = [](const std::optional<Actor>& a) {
        return a ? P(a->code) + " (" + P(a->text.empty() ? a->name : a->text) + ")" : std::string("-");
      };
      out += "\n  " + who(e.source) + " -> " + who(e.target);
      if (e.location) out += "\n  at " + P(e.location->place.name) + " [" + P(e.location->place.country) + "]";
      if (!e.date.value.empty()) out += "  on " + e.date.value + " (" + e.date.basis + ")";
      for (const auto& c : e.counts) out += "\n  " + c.kind + ": " + P(c.text);
      if (e.modality != "asserted") out += "\n  modality: " + e.modality;
      out += "\n  evidence: " + P(doc[e.evidence]);
      if (explain) {
        out += "\n  pattern: " + e.pattern;
        for (const auto& x : e.explain) out += "\n  - " + P(x);
      }
      out += "\n";
    }
    if (doc.events.empty()) out += "\n(no events)\n";
  }
  out += "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
}

int RunPipelineCommand(const std::vector<std::string>& args, Stage through, const char* name) {
  InputFlags flags;
  if (!ParseInputFlags(args, &flags, name)) return 2;
  for (const auto& r : flags.rest) {
    if (r == "--help" || r == "-h") {
      std::printf(kUsage, name, " [--explain]");
      return 0;
    }
    std::fprintf(stderr, "eventmill %s: unknown option '%s'\n", name, r.c_str());
    return 2;
  }
  if (flags.inputs.empty()) {
    std::fprintf(stderr, kUsage, name, " [--explain]");
    return 2;
  }
  // A write error on stdout (a full disk) stops the run: the rest could not be written either.
  std::atomic<bool> output_failed{false};
  int output_errno = 0;
  auto pipeline = Pipeline::Create({.threads = flags.threads, .through = through, .cancel = &output_failed});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "eventmill %s: %s\n", name, pipeline.status().message().c_str());
    return 1;
  }
  InstallCrashGuard(name, "");
  InputReader reader(flags.inputs);
  JsonOptions json_options{.explain = flags.explain};
  std::string line;
  RunSummary summary = pipeline->Run(
      reader,
      [&](Document& doc) {
        if (flags.format == "json") {
          line.clear();
          AppendDocumentJson(doc, &line, json_options);
          line.push_back('\n');
          std::fwrite(line.data(), 1, line.size(), stdout);
        } else {
          PrintText(doc, through == Stage::kCode, flags.explain);
        }
        // Each document leaves at once: what was printed survives a crash on a later page.
        if ((std::fflush(stdout) != 0 || std::ferror(stdout)) && !output_failed.exchange(true)) output_errno = errno;
      },
      [&](const Status& status) {
        std::fflush(stdout);
        std::fprintf(stderr, "eventmill %s: %s\n", name, P(status.message()).c_str());
      });
  if (std::fflush(stdout) != 0 && !output_failed.exchange(true)) output_errno = errno;
  if (output_failed.load() || std::ferror(stdout)) {
    std::fprintf(stderr, "eventmill %s: cannot write the output: %s\n", name,
                 output_errno ? std::strerror(output_errno) : "write error");
    return 1;
  }
  if (summary.failures) {
    std::fprintf(stderr, "eventmill %s: %zu of %zu inputs failed\n", name, summary.failures, summary.inputs);
    return 1;
  }
  return 0;
}

int RunExtract(const std::vector<std::string>& args) { return RunPipelineCommand(args, Stage::kExtract, "extract"); }
int RunCode(const std::vector<std::string>& args) { return RunPipelineCommand(args, Stage::kCode, "code"); }

}  // namespace

EM_REGISTER_COMMAND("extract", "clean article text and metadata from news pages", RunExtract);
EM_REGISTER_COMMAND("code", "the whole pipeline: entities, counts, quotes and coded events", RunCode);

}  // namespace eventmill::cli
