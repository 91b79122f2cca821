// `eventmill extract` and `eventmill code`: the pipeline over inputs, one document out per input,
// in input order, as readable text or as the contract's JSON lines.
#include <cstdio>
#include <string>

#include "cli/command.h"
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

void PrintText(const Document& doc, bool with_events, bool explain) {
  std::string out;
  out += "# " + doc.title + "\n";
  out += "source: " + doc.source + "\n";
  if (!doc.url.empty()) out += "url: " + doc.url + "\n";
  if (doc.published) out += "published: " + *doc.published + " (" + doc.published_source + ")\n";
  if (!doc.published && !doc.published_month.empty()) out += "published in: " + doc.published_month + "\n";
  if (!doc.site_name.empty()) out += "site: " + doc.site_name + "\n";
  if (!doc.language.empty()) out += "language: " + doc.language + "\n";
  if (!doc.authors.empty()) {
    out += "authors:";
    for (const auto& a : doc.authors) out += " " + a + ";";
    out.back() = '\n';
  }
  if (!doc.attributed_sources.empty()) {
    out += "sources:";
    for (const auto& a : doc.attributed_sources) out += " " + a + ",";
    out.back() = '\n';
  }
  if (explain)
    for (const auto& x : doc.extract_explain) out += "- " + x + "\n";
  if (!with_events) {
    out += "\n" + doc.text + "\n";
  } else {
    for (const auto& e : doc.events) {
      out += "\n[" + e.cameo + "] " + e.plover + (e.plover_mode.empty() ? "" : "/" + e.plover_mode);
      if (!e.acled_event_type.empty()) out += " | ACLED " + e.acled_event_type;
      // An implied actor has no words: its name says so ("the police (not named)").
      auto who = [](const std::optional<Actor>& a) {
        return a ? a->code + " (" + (a->text.empty() ? a->name : a->text) + ")" : std::string("-");
      };
      out += "\n  " + who(e.source) + " -> " + who(e.target);
      if (e.location) out += "\n  at " + e.location->place.name + " [" + e.location->place.country + "]";
      if (!e.date.value.empty()) out += "  on " + e.date.value + " (" + e.date.basis + ")";
      for (const auto& c : e.counts) out += "\n  " + c.kind + ": " + c.text;
      if (e.modality != "asserted") out += "\n  modality: " + e.modality;
      out += "\n  evidence: " + std::string(doc[e.evidence]);
      if (explain) {
        out += "\n  pattern: " + e.pattern;
        for (const auto& x : e.explain) out += "\n  - " + x;
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
  auto pipeline = Pipeline::Create({.threads = flags.threads, .through = through});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "eventmill %s: %s\n", name, pipeline.status().message().c_str());
    return 1;
  }
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
      },
      [&](const Status& status) {
        std::fflush(stdout);
        std::fprintf(stderr, "eventmill %s: %s\n", name, status.message().c_str());
      });
  std::fflush(stdout);
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
