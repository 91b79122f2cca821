// `eventmill ingest SOURCES... --db events.db`: the whole pipeline on all cores into a store, in
// batched transactions. Idempotent (stored inputs and article ids are skipped), resumable (a run
// stopped by Ctrl-C, SIGTERM or a kill continues after the last committed batch), failures recorded
// per input. A progress line on a terminal; a summary at the end.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unordered_set>

#include "cli/command.h"
#include "cli/crash_guard.h"
#include "cli/store_flags.h"
#include "eventmill/printable.h"
#include "eventmill/pipeline.h"
#include "eventmill/store.h"

namespace eventmill::cli {
namespace {

constexpr char kUsage[] =
    "usage: eventmill ingest [--db events.db|postgresql://...] [--threads N] [--batch N] [--documents]\n"
    "                        [--progress|--no-progress] SOURCE...\n"
    "  SOURCE: HTML file, .txt, .jsonl records, .warc/.warc.gz, a directory (recursive), or '-' (stdin)\n"
    "  --documents  SOURCEs are documents already coded: JSON lines as `eventmill code --format json`\n"
    "               prints them (e.g. from another machine)\n"
    "  --batch N    documents per transaction (default 200; a batch also commits every 2 seconds)\n"
    "  Inputs stored by an earlier run are skipped: run the same command again to resume after a\n"
    "  stop. Failed inputs are recorded with their reason (see `eventmill status`); the exit status\n"
    "  is 1 when any input failed, 130 when interrupted.\n";

std::atomic<bool> g_interrupted{false};

// Whether `source` was stored by an earlier run. Stdin ("-", "-#N") is new input every time: only
// the article ids decide for it.
bool StoredBefore(const std::unordered_set<std::string>& done, const std::string& source) {
  if (source == "-" || source.rfind("-#", 0) == 0) return false;
  return done.count(source) > 0;
}

extern "C" void OnSignal(int) { g_interrupted.store(true); }

// "source: reason" -> {source, reason}.
InputFailure SplitFailure(const Status& status) {
  const std::string& m = status.message();
  auto colon = m.find(": ");
  if (colon == std::string::npos) return {"", m, ""};
  return {m.substr(0, colon), m.substr(colon + 2), ""};
}

// Pages the inputs hold, when that can be known cheaply (-1 otherwise: stdin, WARC).
int64_t CountPages(const std::vector<std::string>& inputs, bool documents) {
  namespace fs = std::filesystem;
  int64_t total = 0;
  auto count_file = [&](const fs::path& p) -> bool {
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') return true;
    auto ends = [&](const char* suf) {
      std::string s = suf;
      return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".warc") || ends(".warc.gz") || ends(".gz")) return false;
    if (documents || ends(".jsonl") || ends(".ndjson")) {
      std::ifstream in(p, std::ios::binary);
      std::string line;
      while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) ++total;
      return true;
    }
    ++total;
    return true;
  };
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-") return -1;
    if (fs::is_directory(input, ec)) {
      for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
           it != end; it.increment(ec)) {
        if (ec) return -1;
        std::string fname = it->path().filename().string();
        if (!fname.empty() && fname[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && !count_file(it->path())) return -1;
      }
    } else if (!count_file(input)) {
      return -1;
    } 
  }
  return total;
}

std::string Duration(double seconds) {
  char buf[32];
  int s = static_cast<int>(seconds + 0.5);
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%dh%02dm", s / 3600, s / 60 % 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%dm%02ds", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ds", s);
  return buf;
}

class Ingest {
 public:
  Ingest(Store& store, size_t batch_size, bool progress, int64_t total)
      : store_(store), batch_size_(batch_size), progress_(progress), total_(total) {
    start_ = last_commit_ = last_progress_ = std::chrono::steady_clock::now();
  }

  void OnDocument(Document& doc) {
    ++seen_;
    // Stdin is new input every run, and "-" alone would name every page ever read from it as one
    // input: name a stdin page by its article too, so that two pages are two inputs and the same
    // page twice is one ("already stored").
    if (doc.source == "-" || doc.source.rfind("-#", 0) == 0) {
      if (doc.id.empty()) doc.id = DocumentId(doc);
      doc.source += "@" + doc.id;
    }
    batch_.push_back(std::move(doc));
    try {
      MaybeFlush();
    } catch (const std::bad_alloc&) {  // as a store that refuses the batch: stop, count it failed
      std::fprintf(stderr, "eventmill ingest: out of memory while storing a batch of %zu documents\n", batch_.size());
      ok_ = false;
      g_interrupted.store(true);
    }
  }

  void OnError(const Status& status) {
    ++seen_;
    ++failed_;
    InputFailure f = SplitFailure(status);
    if (progress_) std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "eventmill ingest: %s\n", core::Printable(status.message()).c_str());
    if (!f.source.empty()) failures_.push_back(std::move(f));
    MaybeFlush();
  }

  // Commits what is pending. False (with a message printed) when the store refuses the batch.
  bool Flush() {
    if (batch_.empty() && failures_.empty()) return ok_;
    if (!ok_) return false;
    auto r = store_.Write(batch_, failures_);
    if (!r.ok()) {
      if (progress_) std::fputs("\r\033[K", stderr);
      std::fprintf(stderr, "eventmill ingest: cannot store a batch of %zu documents: %s\n", batch_.size(),
                   r.status().message().c_str());
      ok_ = false;
      g_interrupted.store(true);  // stop reading: nothing more can be stored
      return false;
    }
    for (const AddResult& a : *r) {
      if (!a.added) {
        ++already_;
        continue;
      }
      ++added_;
      if (a.duplicate_of) ++duplicates_;
      events_ += a.events;
      new_events_ += a.new_clusters;
    }
    committed_ += batch_.size() + failures_.size();
    batch_.clear();
    failures_.clear();
    last_commit_ = std::chrono::steady_clock::now();
    return true;
  }

  void ShowProgress(bool force) {
    if (!progress_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_progress_ < std::chrono::milliseconds(200)) return;
    last_progress_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? seen_ / secs : 0;
    char line[256];
    int n = std::snprintf(line, sizeof line, "\r\033[Kingest: %zu", seen_);
    if (total_ >= 0) {
      int64_t todo = std::max<int64_t>(0, total_ - static_cast<int64_t>(skipped_));
      n += std::snprintf(line + n, sizeof line - n, "/%lld", static_cast<long long>(todo));
      if (todo > 0) n += std::snprintf(line + n, sizeof line - n, " (%d%%)", static_cast<int>(100.0 * seen_ / todo));
      if (rate > 0 && todo > static_cast<int64_t>(seen_))
        n += std::snprintf(line + n, sizeof line - n, "  ETA %s", Duration((todo - seen_) / rate).c_str());
    }
    std::snprintf(line + n, sizeof line - n, "  %.1f/s  stored %zu  dup %zu  events %zu  failed %zu", rate, added_,
                  duplicates_, events_, failed_);
    std::fputs(line, stderr);
  }

  void set_skipped(size_t n) { skipped_ = n; }
  IngestRun Totals(int64_t run_id, bool interrupted) const {
    IngestRun run;
    run.id = run_id;
    run.inputs = static_cast<int64_t>(seen_);
    run.added = static_cast<int64_t>(added_);
    run.already_stored = static_cast<int64_t>(already_);
    run.duplicates = static_cast<int64_t>(duplicates_);
    run.events = static_cast<int64_t>(events_);
    // Inputs = stored + already stored + failed, also after the store refused a batch (a full
    // disk): what was read but not stored is failed, not silently missing from the summary.
    run.failures = static_cast<int64_t>(seen_ - added_ - already_);
    run.interrupted = interrupted;
    return run;
  }
  size_t new_events() const { return new_events_; }
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool ok() const { return ok_; }

 private:
  void MaybeFlush() {
    auto now = std::chrono::steady_clock::now();
    if (batch_.size() + failures_.size() >= batch_size_ || now - last_commit_ > std::chrono::seconds(2)) Flush();
    ShowProgress(false);
  }

  Store& store_;
  size_t batch_size_;
  bool progress_;
  int64_t total_;
  std::vector<Document> batch_;
  std::vector<InputFailure> failures_;
  size_t seen_ = 0, failed_ = 0, added_ = 0, already_ = 0, duplicates_ = 0, events_ = 0, new_events_ = 0;
  size_t committed_ = 0, skipped_ = 0;
  bool ok_ = true;
  std::chrono::steady_clock::time_point start_, last_commit_, last_progress_;
};

// --documents: contract JSON lines, one document each; '-' reads stdin.
void ReadDocuments(const std::vector<std::string>& inputs, const std::unordered_set<std::string>& done, Ingest& ingest,
                   size_t* skipped) {
  for (const std::string& input : inputs) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        ingest.OnError(Status::NotFound(input, "no such file or not readable"));
        continue;
      }
      in = &file;
    }
    std::string line;
    size_t n = 0;
    while (!g_interrupted.load() && std::getline(*in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::string where = input + "#" + std::to_string(++n);
      auto doc = ParseDocumentJson(line, where);
      if (!doc.ok()) {
        ingest.OnError(doc.status());
        continue;
      }
      if (doc->source.empty()) doc->source = where;
      if (StoredBefore(done, doc->source)) {
        ++*skipped;
        ingest.set_skipped(*skipped);
        continue;
      }
      ingest.OnDocument(*doc);
    }
  }
}

int RunIngest(const std::vector<std::string>& all_args) {
  std::string db = DefaultDb();
  size_t batch_size = 200;
  bool documents = false;
  int progress = -1;  // -1: when stderr is a terminal
  // This command's own flags first (with their values); the rest are the shared input flags.
  std::vector<std::string> args;
  for (size_t i = 0; i < all_args.size(); ++i) {
    const std::string& a = all_args[i];
    std::string v;
    bool missing = false;
    if (a == "--help" || a == "-h") {
      std::printf("%s", kUsage);
      return 0;
    } else if (FlagValue(all_args, &i, "--db", &v, &missing)) {
      if (missing || v.empty()) {
        std::fprintf(stderr, "eventmill ingest: --db needs a file or a postgresql:// URL\n");
        return 2;
      }
      db = v;
    } else if (FlagValue(all_args, &i, "--batch", &v, &missing)) {
      char* end = nullptr;
      long n = missing ? 0 : std::strtol(v.c_str(), &end, 10);
      if (missing || !end || *end || n < 1 || n > 100000) {
        std::fprintf(stderr, "eventmill ingest: --batch needs a number from 1 to 100000\n");
        return 2;
      }
      batch_size = static_cast<size_t>(n);
    } else if (a == "--documents") {
      documents = true;
    } else if (a == "--progress") {
      progress = 1;
    } else if (a == "--no-progress" || a == "--quiet" || a == "-q") {
      progress = 0;
    } else {
      args.push_back(a);
    }
  }
  InputFlags flags;
  if (!ParseInputFlags(args, &flags, "ingest")) return 2;
  for (const std::string& a : flags.rest) {
    std::fprintf(stderr, "eventmill ingest: unknown option '%s'\n", a.c_str());
    return 2;
  }
  if (flags.inputs.empty()) {
    std::fprintf(stderr, "%s", kUsage);
    return 2;
  }
  if (progress < 0) progress = isatty(STDERR_FILENO) ? 1 : 0;

  auto store = Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "eventmill ingest: %s\n", store.status().message().c_str());
    return 1;
  }
  // Never write into a damaged database: check it first (about a second per GB).
  if (Status integrity = (*store)->CheckIntegrity(); !integrity.ok()) {
    std::fprintf(stderr, "eventmill ingest: %s\n", core::Printable(integrity.message()).c_str());
    return 1;
  }
  auto done_list = (*store)->DoneSources();
  if (!done_list.ok()) {
    std::fprintf(stderr, "eventmill ingest: %s\n", done_list.status().message().c_str());
    return 1;
  }
  const std::unordered_set<std::string> done(done_list->begin(), done_list->end());
  auto run_id = (*store)->StartRun();
  if (!run_id.ok()) {
    std::fprintf(stderr, "eventmill ingest: %s\n", run_id.status().message().c_str());
    return 1;
  }

  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  Ingest ingest(**store, batch_size, progress == 1, progress == 1 ? CountPages(flags.inputs, documents) : -1);
  size_t skipped = 0;
  bool cancelled = false;
  if (documents) {
    ReadDocuments(flags.inputs, done, ingest, &skipped);
    cancelled = g_interrupted.load();
  } else {
    PipelineOptions options{.threads = flags.threads, .through = Stage::kCode};
    options.admit = [&](const RawPage& page) { return !StoredBefore(done, page.source); };
    // The poison-page guard: a page that crashed an earlier run fails at once, without being
    // processed, so a rerun never dies on the same page (stdin records are new input each time).
    const std::string poison_path = PoisonPathFor(db);
    const std::unordered_set<std::string> poison = ReadPoisonPages(poison_path);
    options.refuse = [&](const RawPage& page) {
      if (poison.empty() || page.source == "-" || page.source.rfind("-#", 0) == 0 || !poison.count(page.source))
        return Status::Ok();
      return Status::Internal(page.source, "this page crashed an earlier run; skipped (remove its line from " +
                                               poison_path + " to try it again)");
    };
    InstallCrashGuard("ingest", poison_path);
    options.cancel = &g_interrupted;
    auto pipeline = Pipeline::Create(options);
    if (!pipeline.ok()) {
      std::fprintf(stderr, "eventmill ingest: %s\n", pipeline.status().message().c_str());
      return 1;
    }
    InputReader reader(flags.inputs);
    RunSummary summary = pipeline->Run(
        reader, [&](Document& doc) { ingest.OnDocument(doc); }, [&](const Status& s) { ingest.OnError(s); });
    skipped = summary.skipped;
    cancelled = summary.cancelled;
  }
  ingest.set_skipped(skipped);
  bool stored = ingest.Flush();
  ingest.ShowProgress(true);
  if (progress == 1) std::fputs("\n", stderr);
  IngestRun run = ingest.Totals(*run_id, cancelled || !stored);
  // Fresh planner statistics, so later queries pick the index of their most selective filter.
  if (run.added > 0 && !cancelled) {
    if (Status s = (*store)->Optimize(); !s.ok())
      std::fprintf(stderr, "eventmill ingest: updating statistics: %s\n", s.message().c_str());
  }
  Status finish = (*store)->FinishRun(run);
  if (!finish.ok()) std::fprintf(stderr, "eventmill ingest: %s\n", finish.message().c_str());

  std::fprintf(stderr,
               "eventmill ingest: %lld inputs in %.1fs: %lld articles stored (%lld near-duplicates), %lld already "
               "stored, %zu skipped as done before; %lld events (%zu new, the rest mentions of known events); "
               "%lld failed%s\n",
               static_cast<long long>(run.inputs), ingest.seconds(), static_cast<long long>(run.added),
               static_cast<long long>(run.duplicates), static_cast<long long>(run.already_stored), skipped,
               static_cast<long long>(run.events), ingest.new_events(), static_cast<long long>(run.failures),
               !stored ? " (those the store refused are not recorded: run the same command again once it "
                         "can write)"
               : run.failures ? " (see `eventmill status`)" : "");
  if (!stored) return 1;
  if (cancelled) {
    std::fprintf(stderr, "eventmill ingest: interrupted; what was read is stored. Run the same command to continue.\n");
    return 130;
  }
  return run.failures ? 1 : 0;
}

}  // namespace

EM_REGISTER_COMMAND("ingest", "run the pipeline over inputs into a database (SQLite file or PostgreSQL)", RunIngest);

}  // namespace eventmill::cli
