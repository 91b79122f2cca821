// eventmill serve: cpp-httplib wiring. A pool of read-only Store connections (one per request
// thread), GET-only routes for /api/ (api.h) and the dashboard's files (web_files.h), JSON errors for
// everything the library refuses itself (413 body, 414 URI, 404, 405), request limits and a log line
// per request.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "eventmill/serve.h"
#include "eventmill/store.h"
#include "serve/api.h"
#include "serve/web_files.h"

namespace eventmill {
namespace {

std::atomic<httplib::Server*> g_server{nullptr};

// Read-only stores, opened on demand up to one per request thread, each used by one request at a time.
class StorePool {
 public:
  StorePool(std::string db, StoreOptions options) : db_(std::move(db)), options_(options) {}

  void Put(std::unique_ptr<Store> s) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(s));
  }

  Result<std::unique_ptr<Store>> Take() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        auto s = std::move(free_.back());
        free_.pop_back();
        return s;
      }
    }
    auto s = Store::Open(db_, options_);
    if (!s.ok()) return Status::Unavailable("database", s.status().message());
    return std::move(*s);
  }

 private:
  std::string db_;
  StoreOptions options_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> free_;
};

// Answers of the whole-range queries (aggregates, figures: up to a few hundred ms on millions of
// events, asked by every dashboard that opens), kept while the database's change mark is the same.
class AnswerCache {
 public:
  bool Find(const std::string& key, const std::string& mark, serve::ApiAnswer* out) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.first != mark) return false;
    *out = it->second.second;
    return true;
  }
  void Put(const std::string& key, const std::string& mark, const serve::ApiAnswer& a) {
    std::lock_guard<std::mutex> lock(mu_);
    if (entries_.size() >= 256) entries_.clear();
    entries_[key] = {mark, a};
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::pair<std::string, serve::ApiAnswer>> entries_;
};

std::string ErrorJson(const std::string& message) {
  return serve::ErrorAnswer(Status(StatusCode::kInternal, message)).body;
}

void SetJson(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

// A request that comes with a body (Content-Length above 0, or chunked).
bool HasBody(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  std::string n = req.get_header_value("Content-Length");
  return !n.empty() && n.find_first_not_of("0") != std::string::npos;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

void StopServing() {
  if (httplib::Server* s = g_server.load()) s->stop();
}

Status Serve(const ServeOptions& o, const std::function<void(int port)>& listening) {
  StoreOptions store_options;
  store_options.read_only = true;
  store_options.query_timeout_ms = o.query_timeout_ms;
  StorePool pool(o.db, store_options);
  {
    // Open once up front: a bad --db fails here with its own message, not on the first request.
    auto first = Store::Open(o.db, store_options);
    if (!first.ok()) return first.status();
    pool.Put(std::move(*first));
  }

  AnswerCache cache;
  httplib::Server server;
  const int threads = std::max(1, o.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_read_timeout(o.read_timeout_s, 0);
  server.set_write_timeout(o.write_timeout_s, 0);
  server.set_keep_alive_timeout(2);  // a keep-alive connection holds a request thread: free it soon
  server.set_keep_alive_max_count(1000);
  server.set_tcp_nodelay(true);  // no 40 ms Nagle/delayed-ACK stall between a response's header and body on keep-alive
  server.set_payload_max_length(0);  // GET only: any request body is refused (413)
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});

  server.Get(R"(/api/.*)", [&](const httplib::Request& req, httplib::Response& res) {
    // The library does not read a GET's body: refuse it and close, so its bytes are never read as
    // the next request.
    if (HasBody(req) || !req.body.empty()) {
      res.set_header("Connection", "close");
      return SetJson(res, 413, ErrorJson("request body: not accepted"));
    }
    serve::Params params(req.params.begin(), req.params.end());
    auto store = pool.Take();
    if (!store.ok()) return SetJson(res, 503, serve::ErrorAnswer(store.status()).body);
    serve::ApiAnswer a;
    const bool cacheable = req.path == "/api/aggregates" || req.path == "/api/figures";
    std::string key, mark;
    if (cacheable) {
      for (const auto& [k, v] : params) key += k + '\x1f' + v + '\x1e';
      key = req.path + '?' + key;
      auto m = (*store)->ChangeMark();
      if (m.ok()) mark = *m;
    }
    if (!mark.empty() && cache.Find(key, mark, &a)) {
      res.set_header("X-Eventmill-Cache", "hit");
    } else {
      a = serve::AnswerApi(**store, req.path, params);
      if (!mark.empty() && a.status == 200) cache.Put(key, mark, a);
    }
    pool.Put(std::move(*store));
    SetJson(res, a.status, std::move(a.body));
  });
  server.Get(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
    if (HasBody(req)) {
      res.set_header("Connection", "close");
      return SetJson(res, 413, ErrorJson("request body: not accepted"));
    }
    auto file = serve::ResolveWebFile(o.web_dir, req.path);
    if (!file.ok()) return SetJson(res, serve::HttpStatusOf(file.status().code()), serve::ErrorAnswer(file.status()).body);
    std::string body;
    if (!ReadFile(file->path, &body)) return SetJson(res, 404, ErrorJson(req.path + ": cannot read"));
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(body), file->content_type.c_str());
  });
  auto not_allowed = [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    SetJson(res, 405, ErrorJson(req.method + " " + req.path + ": only GET and HEAD"));
  };
  server.Post(R"(/.*)", not_allowed);
  server.Put(R"(/.*)", not_allowed);
  server.Patch(R"(/.*)", not_allowed);
  server.Delete(R"(/.*)", not_allowed);
  server.Options(R"(/.*)", not_allowed);
  // What the library answers by itself (413 payload, 414 URI, 400 bad request line, unknown
  // method) gets a JSON body too; our own JSON answers are kept.
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string what = res.status == 413 ? "request too large (no body accepted)"
                       : res.status == 414 ? "URI too long (at most 8 KiB)"
                       : res.status == 404 ? req.path + ": not found"
                                           : "request refused (status " + std::to_string(res.status) + ")";
    SetJson(res, res.status, ErrorJson(what));
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SetJson(res, 500, ErrorJson("internal error"));
  });
  if (o.log_requests) {
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::string target = req.target.size() > 200 ? req.target.substr(0, 200) + "..." : req.target;
      for (char& c : target) if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
      std::fprintf(stderr, "%s %s %d %zu\n", req.method.c_str(), target.c_str(), res.status, res.body.size());
    });
  }

  int port = o.port;
  if (port == 0) {
    port = server.bind_to_any_port(o.address);
    if (port < 0) return Status::Unavailable(o.address, "cannot bind a port");
  } else if (!server.bind_to_port(o.address, port)) {
    return Status::Unavailable(o.address + ":" + std::to_string(port), "cannot listen (address in use or not local?)");
  }
  g_server.store(&server);
  if (listening) listening(port);
  bool ok = server.listen_after_bind();
  g_server.store(nullptr);
  if (!ok) return Status::Unavailable(o.address + ":" + std::to_string(port), "server stopped with an error");
  return Status::Ok();
}

}  // namespace eventmill
