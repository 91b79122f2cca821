// The JSON API of eventmill serve: parameters -> Store queries -> JSON (docs/api.md).
#include "serve/api.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace eventmill::serve {
namespace {

using ojson = nlohmann::ordered_json;

constexpr size_t kDefaultLimit = 100, kMaxLimit = 1000, kMaxWindow = 10000, kReportsPerPoint = 20;

std::string Dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

// JSON lines (one object each, as WriteEvents / the stored documents give them) as a JSON array.
std::string ArrayOfLines(const std::string& lines) {
  std::string out = "[";
  size_t start = 0;
  bool first = true;
  while (start < lines.size()) {
    size_t end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    if (end > start) {
      if (!first) out += ',';
      out.append(lines, start, end - start);
      first = false;
    }
    start = end + 1;
  }
  return out + "]";
}

std::string EventsArray(const std::vector<StoredEvent>& events) {
  std::string lines;
  WriteEvents(events, EventFormat::kJsonl, &lines);
  return ArrayOfLines(lines);
}

// YYYY, YYYY-MM or YYYY-MM-DD with a month 01..12 and a day 01..31.
bool ValidDate(const std::string& v) {
  if (v.size() != 4 && v.size() != 7 && v.size() != 10) return false;
  for (size_t i = 0; i < v.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? v[i] != '-' : (v[i] < '0' || v[i] > '9')) return false;
  }
  if (v.size() >= 7) {
    int month = std::atoi(v.substr(5, 2).c_str());
    if (month < 1 || month > 12) return false;
  }
  if (v.size() == 10) {
    int day = std::atoi(v.substr(8, 2).c_str());
    if (day < 1 || day > 31) return false;
  }
  return true;
}

bool AllOf(const std::string& v, int (*pred)(int)) {
  return std::all_of(v.begin(), v.end(), [pred](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}

// The single value of `name`, or nullopt; a repeated parameter is an error.
Result<std::optional<std::string>> One(const Params& params, const std::string& name) {
  auto [lo, hi] = params.equal_range(name);
  if (lo == hi) return std::optional<std::string>();
  if (std::next(lo) != hi) return Status::InvalidInput(name, "given more than once");
  return std::optional<std::string>(lo->second);
}

Status CheckKnown(const Params& params, std::initializer_list<std::string_view> a,
                  std::initializer_list<std::string_view> b = {}) {
  for (const auto& [name, value] : params) {
    bool known = std::find(a.begin(), a.end(), name) != a.end() || std::find(b.begin(), b.end(), name) != b.end();
    if (!known) {
      std::string shown = name.size() > 40 ? name.substr(0, 40) + "..." : name;
      return Status::InvalidInput(shown, "unknown parameter");
    }
  }
  return Status::Ok();
}

// limit (1..1000, default 100) and offset (offset + limit <= 10000).
Status ReadPage(const Params& params, size_t* limit, size_t* offset) {
  *limit = kDefaultLimit, *offset = 0;
  for (auto [name, out] : {std::pair<const char*, size_t*>{"limit", limit}, {"offset", offset}}) {
    EM_ASSIGN_OR_RETURN(auto v, One(params, name));
    if (!v) continue;
    if (v->empty() || v->size() > 9 || !AllOf(*v, ::isdigit))
      return Status::InvalidInput(name, "needs a whole number, not '" + v->substr(0, 40) + "'");
    *out = std::strtoull(v->c_str(), nullptr, 10);
  }
  if (*limit == 0) return Status::InvalidInput("limit", "must be at least 1");
  if (*limit > kMaxLimit) return Status::LimitExceeded("limit", "at most " + std::to_string(kMaxLimit));
  if (*offset + *limit > kMaxWindow)
    return Status::LimitExceeded("offset", "offset + limit at most " + std::to_string(kMaxWindow) + ": narrow the filters");
  return Status::Ok();
}

ojson OrNull(const std::string& s) { return s.empty() ? ojson() : ojson(s); }

ApiAnswer Ok(std::string body) { return {200, std::move(body)}; }

// ---- endpoints

Result<std::string> Events(Store& store, const Params& params) {
  EM_ASSIGN_OR_RETURN(EventQuery q, EventQueryOf(params, {"limit", "offset"}));
  size_t limit, offset;
  EM_RETURN_IF_ERROR(ReadPage(params, &limit, &offset));
  q.limit = offset + limit + 1;
  EM_ASSIGN_OR_RETURN(std::vector<StoredEvent> events, store.FindEvents(q));
  bool more = events.size() > offset + limit;
  std::vector<StoredEvent> page;
  for (size_t i = offset; i < events.size() && i < offset + limit; ++i) page.push_back(std::move(events[i]));
  return "{\"events\":" + EventsArray(page) + ",\"count\":" + std::to_string(page.size()) +
         ",\"limit\":" + std::to_string(limit) + ",\"offset\":" + std::to_string(offset) +
         ",\"more\":" + (more ? "true" : "false") + "}";
}

ojson ArticleSummary(const StoredArticle& a) {
  return {{"id", a.id},           {"url", OrNull(a.url)},
          {"title", a.title},     {"published", OrNull(a.published)},
          {"site_name", OrNull(a.site_name)}, {"language", OrNull(a.language)},
          {"duplicate_of", OrNull(a.duplicate_of)}, {"num_events", a.num_events},
          {"source", OrNull(a.source)}, {"ingested_at", OrNull(a.ingested_at)}};
}

Result<std::string> Articles(Store& store, const Params& params) {
  EM_RETURN_IF_ERROR(CheckKnown(params, {"text", "q", "site", "since", "until", "limit", "offset"}));
  ArticleQuery q;
  EM_ASSIGN_OR_RETURN(auto text, One(params, "text"));
  EM_ASSIGN_OR_RETURN(auto q2, One(params, "q"));
  if (text && q2) return Status::InvalidInput("q", "give text or q, not both");
  if (text) q.text = *text;
  if (q2) q.text = *q2;
  if (q.text.size() > 500) return Status::InvalidInput("text", "at most 500 characters");
  EM_ASSIGN_OR_RETURN(auto site, One(params, "site"));
  if (site) q.site = *site;
  for (auto [name, out] : {std::pair<const char*, std::string*>{"since", &q.since}, {"until", &q.until}}) {
    EM_ASSIGN_OR_RETURN(auto v, One(params, name));
    if (!v) continue;
    if (!ValidDate(*v)) return Status::InvalidInput(name, "needs a date YYYY, YYYY-MM or YYYY-MM-DD, not '" + v->substr(0, 40) + "'");
    *out = *v;
  }
  size_t limit, offset;
  EM_RETURN_IF_ERROR(ReadPage(params, &limit, &offset));
  q.limit = offset + limit + 1;
  EM_ASSIGN_OR_RETURN(std::vector<StoredArticle> found, store.FindArticles(q));
  ojson list = ojson::array();
  for (size_t i = offset; i < found.size() && i < offset + limit; ++i) list.push_back(ArticleSummary(found[i]));
  ojson out;
  out["articles"] = std::move(list);
  out["count"] = out["articles"].size();
  out["limit"] = limit;
  out["offset"] = offset;
  out["more"] = found.size() > offset + limit;
  return Dump(out);
}

Result<std::string> Article(Store& store, const std::string& id, const Params& params) {
  EM_RETURN_IF_ERROR(CheckKnown(params, {}));
  if (id.empty() || id.size() > 128 ||
      !std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }))
    return Status::InvalidInput("article id", "letters, digits, '-' and '_' only (at most 128)");
  ArticleQuery q;
  q.id = id;
  q.with_json = true;
  q.limit = 1;
  EM_ASSIGN_OR_RETURN(std::vector<StoredArticle> found, store.FindArticles(q));
  if (found.empty()) return Status::NotFound(id, "no such article");
  ArticleQuery copies_q;
  copies_q.duplicate_of = id;
  copies_q.limit = kMaxLimit;
  EM_ASSIGN_OR_RETURN(std::vector<StoredArticle> copies, store.FindArticles(copies_q));
  ojson copies_json = ojson::array();
  for (const StoredArticle& c : copies)
    copies_json.push_back({{"id", c.id}, {"title", c.title}, {"site_name", OrNull(c.site_name)},
                           {"published", OrNull(c.published)}, {"url", OrNull(c.url)}});
  EM_ASSIGN_OR_RETURN(std::vector<StoredEvent> events, store.ArticleEvents(id));
  std::string doc = found[0].json;
  while (!doc.empty() && (doc.back() == '\n' || doc.back() == ' ')) doc.pop_back();
  if (doc.empty()) doc = Dump(ArticleSummary(found[0]));
  return "{\"article\":" + doc + ",\"copies\":" + Dump(copies_json) + ",\"events\":" + EventsArray(events) + "}";
}

Result<std::string> Aggregates(Store& store, const Params& params) {
  EM_ASSIGN_OR_RETURN(EventQuery q, EventQueryOf(params, {"by"}));
  EM_ASSIGN_OR_RETURN(auto by_v, One(params, "by"));
  std::string by = by_v ? *by_v : "day";
  static const std::map<std::string, EventGrouping> kBy = {{"day", EventGrouping::kDay},
                                                           {"country", EventGrouping::kCountry},
                                                           {"type", EventGrouping::kType},
                                                           {"cameo", EventGrouping::kCameoRoot},
                                                           {"acled", EventGrouping::kAcled}};
  auto it = kBy.find(by);
  if (it == kBy.end()) return Status::InvalidInput("by", "day, country, type, cameo or acled, not '" + by.substr(0, 40) + "'");
  EM_ASSIGN_OR_RETURN(std::vector<EventBucket> buckets, store.AggregateEvents(q, it->second));
  if (it->second != EventGrouping::kDay) {
    std::stable_sort(buckets.begin(), buckets.end(), [](const EventBucket& a, const EventBucket& b) {
      return a.events != b.events ? a.events > b.events : a.key < b.key;
    });
  } else {
    // Unknown day ('') last, after the dated ones.
    std::stable_partition(buckets.begin(), buckets.end(), [](const EventBucket& b) { return !b.key.empty(); });
  }
  ojson out;
  out["by"] = by;
  int64_t total = 0;
  ojson list = ojson::array();
  for (const EventBucket& b : buckets) {
    total += b.events;
    list.push_back({{"key", OrNull(b.key)}, {"events", b.events}, {"mentions", b.mentions}});
  }
  out["total"] = total;
  out["buckets"] = std::move(list);
  return Dump(out);
}

Result<std::string> Figures(Store& store, const Params& params) {
  EM_ASSIGN_OR_RETURN(EventQuery q, EventQueryOf(params, {"kind"}));
  EM_ASSIGN_OR_RETURN(auto kind_v, One(params, "kind"));
  static const std::set<std::string> kKnown = {"killed",    "injured",   "arrested", "detained",
                                               "missing",   "kidnapped", "displaced", "evacuated",
                                               "participants", "sentenced", "released"};
  std::vector<std::string> kinds;
  std::string list = kind_v ? *kind_v : "arrested,killed,injured";
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string k = list.substr(start, end - start);
    if (!kKnown.count(k)) return Status::InvalidInput("kind", "unknown kind '" + k.substr(0, 40) + "'");
    if (k == "detained") k = "arrested";
    if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    start = end + 1;
  }
  std::vector<std::string> store_kinds = kinds;
  if (std::find(kinds.begin(), kinds.end(), "arrested") != kinds.end()) store_kinds.push_back("detained");
  EM_ASSIGN_OR_RETURN(std::vector<StoredCount> counts, store.FindCounts(q, store_kinds));
  // kind -> day -> reports
  std::map<std::string, std::map<std::string, std::vector<const StoredCount*>>> series;
  for (const StoredCount& c : counts) {
    if (c.published.size() < 10) continue;
    std::string kind = c.count.kind == "detained" ? "arrested" : c.count.kind;
    series[kind][c.published.substr(0, 10)].push_back(&c);
  }
  ojson out;
  out["kinds"] = kinds;
  ojson all = ojson::object();
  for (const std::string& kind : kinds) {
    ojson points = ojson::array();
    for (auto& [day, reports] : series[kind]) {
      std::stable_sort(reports.begin(), reports.end(),
                       [](const StoredCount* a, const StoredCount* b) { return a->count.value > b->count.value; });
      ojson rs = ojson::array();
      for (size_t i = 0; i < reports.size() && i < kReportsPerPoint; ++i) {
        const StoredCount& c = *reports[i];
        rs.push_back({{"value", c.count.value},
                      {"qualifier", c.count.qualifier},
                      {"kind", c.count.kind},
                      {"who", c.count.who},
                      {"text", c.count.text},
                      {"span", {c.count.span.begin, c.count.span.end}},
                      {"article",
                       {{"id", c.article_id}, {"title", c.title}, {"site_name", OrNull(c.site_name)},
                        {"published", OrNull(c.published)}, {"url", OrNull(c.url)},
                        {"duplicate_of", OrNull(c.duplicate_of)}}}});
      }
      points.push_back({{"day", day},
                        {"value", reports[0]->count.value},
                        {"qualifier", reports[0]->count.qualifier},
                        {"reports_total", reports.size()},
                        {"reports", std::move(rs)}});
    }
    all[kind] = std::move(points);
  }
  out["series"] = std::move(all);
  return Dump(out);
}

Result<std::string> Stats(Store& store, const Params& params) {
  EM_RETURN_IF_ERROR(CheckKnown(params, {}));
  EM_ASSIGN_OR_RETURN(StoreStats s, store.Stats());
  ojson out = {{"backend", s.backend},   {"schema_version", s.schema_version},
               {"articles", s.articles}, {"duplicates", s.duplicates},
               {"events", s.events},     {"event_clusters", s.event_clusters},
               {"entities", s.entities}, {"counts", s.counts},
               {"quotes", s.quotes},     {"inputs", s.inputs},
               {"failures", s.failures}, {"last_run", nullptr}};
  if (s.last_run) {
    const IngestRun& r = *s.last_run;
    out["last_run"] = {{"started_at", r.started_at}, {"finished_at", OrNull(r.finished_at)},
                       {"inputs", r.inputs},         {"added", r.added},
                       {"already_stored", r.already_stored}, {"duplicates", r.duplicates},
                       {"events", r.events},         {"failures", r.failures},
                       {"interrupted", r.interrupted}};
  }
  return Dump(out);
}

Result<std::string> Health(Store& store, const Params& params) {
  EM_RETURN_IF_ERROR(CheckKnown(params, {}));
  ArticleQuery q;
  q.limit = 1;
  auto r = store.FindArticles(q);
  if (!r.ok()) return Status::Unavailable("database", r.status().message());
  return Dump({{"status", "ok"}, {"backend", std::string(store.backend())}, {"schema_version", store.schema_version()}});
}

}  // namespace

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidInput: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kLimitExceeded: return 413;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

ApiAnswer ErrorAnswer(const Status& status) {
  return {HttpStatusOf(status.code()), Dump({{"error", status.message()}})};
}

Result<EventQuery> EventQueryOf(const Params& params, std::initializer_list<std::string_view> extra) {
  EM_RETURN_IF_ERROR(CheckKnown(params, {"country", "type", "since", "until", "actor", "near", "text", "q"}, extra));
  EventQuery q;
  q.limit = 0;
  EM_ASSIGN_OR_RETURN(auto country, One(params, "country"));
  if (country) {
    if (country->size() != 2 || !AllOf(*country, ::isalpha))
      return Status::InvalidInput("country", "needs an ISO 3166-1 alpha-2 code (KZ), not '" + country->substr(0, 40) + "'");
    q.country = *country;
  }
  EM_ASSIGN_OR_RETURN(auto type, One(params, "type"));
  if (type) {
    if (type->empty() || type->size() > 64 ||
        !std::all_of(type->begin(), type->end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f; }))
      return Status::InvalidInput("type", "needs a CAMEO code, PLOVER or ACLED type (at most 64 characters)");
    q.type = *type;
  }
  for (auto [name, out] : {std::pair<const char*, std::string*>{"since", &q.since}, {"until", &q.until}}) {
    EM_ASSIGN_OR_RETURN(auto v, One(params, name));
    if (!v) continue;
    if (!ValidDate(*v)) return Status::InvalidInput(name, "needs a date YYYY, YYYY-MM or YYYY-MM-DD, not '" + v->substr(0, 40) + "'");
    *out = *v;
  }
  EM_ASSIGN_OR_RETURN(auto actor, One(params, "actor"));
  if (actor) {
    if (actor->empty() || actor->size() > 32 || !AllOf(*actor, ::isalnum))
      return Status::InvalidInput("actor", "needs an actor code or prefix (KAZCOP, KAZ), not '" + actor->substr(0, 40) + "'");
    q.actor = *actor;
  }
  EM_ASSIGN_OR_RETURN(auto near, One(params, "near"));
  if (near) {
    double lat, lon, km;
    char extra_char;
    if (near->size() > 80 || std::sscanf(near->c_str(), "%lf,%lf,%lf%c", &lat, &lon, &km, &extra_char) != 3 ||
        !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) || !(km > 0 && km <= 20100))
      return Status::InvalidInput("near", "needs LAT,LON,KM (e.g. 43.25,76.92,50), not '" + near->substr(0, 40) + "'");
    q.near = NearPoint{lat, lon, km};
  }
  EM_ASSIGN_OR_RETURN(auto text, One(params, "text"));
  EM_ASSIGN_OR_RETURN(auto q2, One(params, "q"));
  if (text && q2) return Status::InvalidInput("q", "give text or q, not both");
  if (text) q.text = *text;
  if (q2) q.text = *q2;
  if (q.text.size() > 500) return Status::InvalidInput("text", "at most 500 characters");
  return q;
}

ApiAnswer AnswerApi(Store& store, std::string_view path, const Params& params) {
  Result<std::string> r = Status::NotFound(path, "no such endpoint (see docs/api.md)");
  if (path == "/api/events") r = Events(store, params);
  else if (path == "/api/articles") r = Articles(store, params);
  else if (path.rfind("/api/articles/", 0) == 0) r = Article(store, std::string(path.substr(14)), params);
  else if (path == "/api/aggregates") r = Aggregates(store, params);
  else if (path == "/api/figures") r = Figures(store, params);
  else if (path == "/api/stats") r = Stats(store, params);
  else if (path == "/api/health") r = Health(store, params);
  if (!r.ok()) return ErrorAnswer(r.status());
  return Ok(std::move(*r));
}

}  // namespace eventmill::serve
