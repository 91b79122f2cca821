// Pipeline: a reader thread, N workers, and the caller's thread writing results in input order.
// Memory is bounded by max_in_flight pages between the reader and the ordered writer.
#include "eventmill/pipeline.h"

#include <condition_variable>
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

struct Pipeline::Impl {
  PipelineOptions options;
  std::unique_ptr<Lexicon> lexicon;
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<Parser> parser;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<Coder> coder;

  Result<Document> Process(const RawPage& page) const {
    try {
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
  impl->options = options;
  EM_ASSIGN_OR_RETURN(Extractor extractor, Extractor::Create());
  impl->extractor = std::make_unique<Extractor>(std::move(extractor));
  if (options.through != Stage::kExtract) {
    EM_ASSIGN_OR_RETURN(Parser parser, Parser::Load(options.syntax));
    impl->parser = std::make_unique<Parser>(std::move(parser));
  }
  if (options.through == Stage::kAnalyze || options.through == Stage::kCode) {
    EM_ASSIGN_OR_RETURN(Lexicon lexicon, Lexicon::Load());
    impl->lexicon = std::make_unique<Lexicon>(std::move(lexicon));
    EM_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create(*impl->lexicon));
    impl->analyzer = std::make_unique<Analyzer>(std::move(analyzer));
    if (options.through == Stage::kCode) {
      EM_ASSIGN_OR_RETURN(Coder coder, Coder::Create(*impl->lexicon));
      impl->coder = std::make_unique<Coder>(std::move(coder));
    }
  }
  return Pipeline(std::move(impl));
}

Result<Document> Pipeline::Process(const RawPage& page) const { return impl_->Process(page); }

RunSummary Pipeline::Run(InputReader& reader, const std::function<void(Document&)>& on_document,
                         const std::function<void(const Status&)>& on_error) const {
  RunSummary summary;
  auto emit = [&](Result<Document>& r) {
    ++summary.inputs;
    if (r.ok()) {
      ++summary.documents;
      summary.events += r->events.size();
      on_document(*r);
    } else {
      ++summary.failures;
      on_error(r.status());
    }
  };

  const auto& admit = impl_->options.admit;
  const std::atomic<bool>* cancel = impl_->options.cancel;
  auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };
  if (impl_->options.threads == 1) {
    while (auto page = reader.Next()) {
      if (page->ok() && admit && !admit(**page)) {
        ++summary.skipped;
        if (cancelled()) {
          summary.cancelled = true;
          break;
        }
        continue;
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
      auto page = stop ? std::nullopt : reader.Next();
      if (page && page->ok() && admit && !admit(**page)) {
        std::lock_guard lock(mu);
        ++summary.skipped;
        continue;
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
