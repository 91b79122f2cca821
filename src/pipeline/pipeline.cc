// Pipeline: a reader thread, N workers, and the caller's thread writing results in input order.
// Memory is bounded by max_in_flight pages between the reader and the ordered writer.
#include "eventmill/pipeline.h"

#include <csignal>
#include <cstdlib>
#include <condition_variable>
#include <string_view>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "eventmill/analyze.h"
#include "eventmill/code.h"
#include "eventmill/extract.h"
#include "eventmill/lexicon.h"
#include "eventmill/syntax.h"

namespace eventmill {

namespace {
thread_local const char* g_page_in_process = nullptr;

// Marks the calling thread as processing `source` for as long as it lives.
class PageMark {
 public:
  explicit PageMark(const std::string& source) { g_page_in_process = source.c_str(); }
  ~PageMark() { g_page_in_process = nullptr; }
  PageMark(const PageMark&) = delete;
  PageMark& operator=(const PageMark&) = delete;
};
}  // namespace

const char* PageInProcess() { return g_page_in_process; }

namespace {
// Fault injection for the tests of what a run does when a page crashes the process or runs out
// of memory: EVENTMILL_INJECT_FAULT="crash:TEXT" raises SIGSEGV, "oom:TEXT" throws
// std::bad_alloc, while processing a page whose source contains TEXT. Unset: nothing.
struct InjectedFault {
  enum Kind { kNone, kCrash, kOutOfMemory } kind = kNone;
  std::string where;
  static InjectedFault FromEnvironment() {
    InjectedFault f;
    const char* v = std::getenv("EVENTMILL_INJECT_FAULT");
    if (!v) return f;
    std::string_view s(v);
    if (s.rfind("crash:", 0) == 0) f.kind = kCrash, f.where = s.substr(6);
    if (s.rfind("oom:", 0) == 0) f.kind = kOutOfMemory, f.where = s.substr(4);
    if (f.where.empty()) f.kind = kNone;
    return f;
  }
  void MaybeFire(const std::string& source) const {
    if (kind == kNone || source.find(where) == std::string::npos) return;
    if (kind == kCrash) std::raise(SIGSEGV);
    throw std::bad_alloc();
  }
};
}  // namespace

struct Pipeline::Impl {
  PipelineOptions options;
  std::unique_ptr<Lexicon> lexicon;
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<Parser> parser;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<Coder> coder;
  InjectedFault fault = InjectedFault::FromEnvironment();

  Result<Document> Process(const RawPage& page) const {
    PageMark mark(page.source);
    try {
      fault.MaybeFire(page.source);
      EM_ASSIGN_OR_RETURN(Document doc, extractor->Extract(page));
      if (parser) EM_RETURN_IF_ERROR(parser->Parse(doc));
      if (analyzer) EM_RETURN_IF_ERROR(analyzer->Analyze(doc));
      if (coder) EM_RETURN_IF_ERROR(coder->Code(doc));
      return doc;
    } catch (const std::bad_alloc&) {
      return Status::LimitExceeded(page.source, "out of memory while processing the page");
    } catch (const std::exception& e) {
      return Status::Internal(page.source, std::string("internal error: ") + e.what());
    }
  }
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;

Result<Pipeline> Pipeline::Create(PipelineOptions options) {
  auto impl = std::make_unique<Impl>();
  if (options.threads <= 0) options.threads = std::max(1u, std::thread::hardware_concurrency());
  if (options.data_dir.empty()) options.data_dir = DataDir();
  impl->options = options;
  EM_ASSIGN_OR_RETURN(Extractor extractor, Extractor::Create({.data_dir = options.data_dir + "/extract"}));
  impl->extractor = std::make_unique<Extractor>(std::move(extractor));
  if (options.through == Stage::kAnalyze || options.through == Stage::kCode) {
    EM_ASSIGN_OR_RETURN(Lexicon lexicon,
                        Lexicon::Load({.data_dir = options.data_dir, .compiled_path = options.compiled_lexicon}));
    impl->lexicon = std::make_unique<Lexicon>(std::move(lexicon));
    EM_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create(*impl->lexicon, {.data_dir = options.data_dir}));
    impl->analyzer = std::make_unique<Analyzer>(std::move(analyzer));
    if (options.through == Stage::kCode) {
      EM_ASSIGN_OR_RETURN(Coder coder, Coder::Create(*impl->lexicon, {.data_dir = options.data_dir}));
      impl->coder = std::make_unique<Coder>(std::move(coder));
    }
  }
  // The syntax stage runs before the others but is created after them: with ParseScope::kChosen
  // and no `choose` of the caller's, it parses the sentences the later stages read.
  if (options.through != Stage::kExtract) {
    SyntaxOptions syntax = options.syntax;
    if (syntax.data_dir.empty()) syntax.data_dir = options.data_dir;
    if (syntax.scope == ParseScope::kChosen && !syntax.choose) {
      const Analyzer* analyzer = impl->analyzer.get();
      const Coder* coder = impl->coder.get();
      if (!analyzer && !coder) syntax.scope = ParseScope::kNone;  // no stage reads a tree
      syntax.choose = [analyzer, coder](const Document& doc, const Sentence& s) {
        return (analyzer && analyzer->ReadsTree(doc, s)) || (coder && coder->MayCode(doc, s));
      };
    }
    EM_ASSIGN_OR_RETURN(Parser parser, Parser::Load(syntax));
    impl->parser = std::make_unique<Parser>(std::move(parser));
  }
  return Pipeline(std::move(impl));
}

Result<Document> Pipeline::Process(const RawPage& page) const { return impl_->Process(page); }

RunSummary Pipeline::Run(InputReader& reader, const std::function<void(Document&)>& on_document,
                         const std::function<void(const Status&)>& on_error) const {
  RunSummary summary;
  // Out of memory while reading or writing out a page fails that page, like one in processing.
  auto next_page = [&]() -> std::optional<Result<RawPage>> {
    try {
      return reader.Next();
    } catch (const std::bad_alloc&) {
      return Result<RawPage>(Status::LimitExceeded("input", "out of memory while reading the next page"));
    }
  };
  auto emit = [&](Result<Document>& r) {
    ++summary.inputs;
    if (r.ok()) {
      const size_t events = r->events.size();  // on_document may move the document away
      std::string source = r->source;
      try {
        on_document(*r);
        ++summary.documents;
        summary.events += events;
        return;
      } catch (const std::bad_alloc&) {
        r = Result<Document>(Status::LimitExceeded(source, "out of memory while writing the document"));
      }
    }
    ++summary.failures;
    on_error(r.status());
  };

  const auto& admit = impl_->options.admit;
  const std::atomic<bool>* cancel = impl_->options.cancel;
  auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };
  if (impl_->options.threads == 1) {
    while (auto page = next_page()) {
      if (page->ok() && admit && !admit(**page)) {
        ++summary.skipped;
        if (cancelled()) {
          summary.cancelled = true;
          break;
        }
        continue;
      }
      if (page->ok() && impl_->options.refuse) {
        if (Status refused = impl_->options.refuse(**page); !refused.ok()) *page = Result<RawPage>(refused);
      }
      Result<Document> r = page->ok() ? impl_->Process(**page) : Result<Document>(page->status());
      if (page->ok()) summary.bytes += (*page)->bytes.size();
      emit(r);
      if (cancelled()) {
        summary.cancelled = true;
        break;
      }
    }
    return summary;
  }

  std::mutex mu;
  std::condition_variable work_cv, done_cv, space_cv;
  std::map<size_t, Result<RawPage>> work;   // read, not yet taken by a worker
  std::map<size_t, Result<Document>> done;  // processed, not yet written
  size_t read_count = 0, written = 0;
  bool reading_done = false;
  const size_t max_in_flight = std::max<size_t>(impl_->options.max_in_flight, impl_->options.threads * 2);

  std::thread producer([&] {
    for (;;) {
      {
        std::unique_lock lock(mu);
        space_cv.wait(lock, [&] { return read_count - written < max_in_flight; });
      }
      const bool stop = cancelled();
      auto page = stop ? std::nullopt : next_page();
      if (page && page->ok() && admit && !admit(**page)) {
        std::lock_guard lock(mu);
        ++summary.skipped;
        continue;
      }
      if (page && page->ok() && impl_->options.refuse) {
        if (Status refused = impl_->options.refuse(**page); !refused.ok()) *page = Result<RawPage>(refused);
      }
      std::lock_guard lock(mu);
      if (!page) {
        summary.cancelled = stop;
        reading_done = true;
        work_cv.notify_all();
        done_cv.notify_all();
        return;
      }
      if (page->ok()) summary.bytes += (*page)->bytes.size();
      work.emplace(read_count++, std::move(*page));
      work_cv.notify_one();
    }
  });

  std::vector<std::thread> workers;
  for (int t = 0; t < impl_->options.threads; ++t) {
    workers.emplace_back([&] {
      for (;;) {
        std::unique_lock lock(mu);
        work_cv.wait(lock, [&] { return !work.empty() || reading_done; });
        if (work.empty()) return;
        auto node = work.extract(work.begin());
        lock.unlock();
        Result<RawPage>& page = node.mapped();
        Result<Document> r = page.ok() ? impl_->Process(*page) : Result<Document>(page.status());
        lock.lock();
        done.emplace(node.key(), std::move(r));
        done_cv.notify_one();
      }
    });
  }

  for (;;) {
    std::unique_lock lock(mu);
    done_cv.wait(lock, [&] { return done.count(written) || (reading_done && written == read_count); });
    if (!done.count(written)) break;
    auto node = done.extract(written);
    lock.unlock();
    emit(node.mapped());
    lock.lock();
    ++written;
    space_cv.notify_one();
  }
  producer.join();
  for (auto& w : workers) w.join();
  return summary;
}

}  // namespace eventmill
