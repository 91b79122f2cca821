// The pipeline: pages from an InputReader through extract -> analyze -> code on N threads,
// documents handed back in input order. Every input ends as a Document or as an error: none lost.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "eventmill/document.h"
#include "eventmill/input.h"
#include "eventmill/status.h"
#include "eventmill/syntax.h"

namespace eventmill {

enum class Stage { kExtract, kSyntax, kAnalyze, kCode };

struct PipelineOptions {
  int threads = 0;               // 0: all cores
  Stage through = Stage::kCode;  // last stage to run
  // The syntax stage: every sentence gets its tokens; the coder binds places and dates through the
  // tree (code/place_binding.h), so every sentence is parsed until the scope mechanism parses only
  // those with a trigger; unparsed sentences fall back on word rules.
  SyntaxOptions syntax = {.model_path = {}, .scope = ParseScope::kAll};
  size_t max_in_flight = 256;    // pages read ahead of the ordered writer (bounds memory)
  // data/, the knowledge every stage reads (extract/, text/, counts/, patterns/…); empty:
  // DataDir(). Passed down to each stage's options; a missing or malformed file fails Create.
  std::string data_dir;
  std::string compiled_lexicon;  // empty: DefaultCompiledLexiconPath()
  // Optional: called on the reading thread for each page read; a page it rejects is not processed
  // and not reported (counted in RunSummary::skipped). Used by `ingest` to skip stored inputs.
  std::function<bool(const RawPage&)> admit = nullptr;
  // Optional: once *cancel is true, no more pages are read; pages already read are still
  // processed and reported in order, so a run stops cleanly (Ctrl-C in `ingest`).
  const std::atomic<bool>* cancel = nullptr;
  // Optional: called on the reading thread for each admitted page; a non-OK Status makes the page
  // a failure with that Status, without processing it (`ingest` refuses pages that crashed an
  // earlier run).
  std::function<Status(const RawPage&)> refuse = nullptr;
};

// The source of the page the calling thread is processing (Pipeline::Process), or nullptr. For a
// crash handler: async-signal-safe, it reads one thread-local pointer.
const char* PageInProcess();

struct RunSummary {
  size_t inputs = 0;     // documents + failures
  size_t documents = 0;
  size_t failures = 0;
  size_t events = 0;
  size_t bytes = 0;      // raw page bytes read
  size_t skipped = 0;    // pages PipelineOptions::admit rejected
  bool cancelled = false;  // stopped by PipelineOptions::cancel before the inputs ended
};

class Pipeline {
 public:
  // Loads the lexicon and patterns the chosen stages need.
  static Result<Pipeline> Create(PipelineOptions options = {});
  ~Pipeline();
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;

  // One page through the stages, on the calling thread. Thread-safe (const).
  Result<Document> Process(const RawPage& page) const;

  // Every page of `reader` through the stages on options.threads threads. `on_document` and
  // `on_error` are called on the calling thread, in input order, never concurrently.
  RunSummary Run(InputReader& reader, const std::function<void(Document&)>& on_document,
                 const std::function<void(const Status&)>& on_error) const;

  struct Impl;

 private:
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventmill
