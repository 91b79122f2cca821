// Store benchmarks: ingest throughput (pages -> Pipeline on all cores -> store) into SQLite and
// PostgreSQL, store-only write throughput, and query latency of `eventmill events` filters on a
// database of generated events. Corpora are generated from templates here, never committed.
//
//   build/bench/store_bench --pages=10000 --events=1000000     the figures of docs/store.md
//   build/bench/store_bench                                    brief (what ctest runs): 1,000 pages, 20,000 events
// PostgreSQL: $EVENTMILL_BENCH_PG (a postgresql:// URL) or a throwaway server started with
// tools/pg_test_server.sh; skipped with a message when neither is available.
// Each benchmark checks its answer (counts stored, rows found), so a fast wrong path fails.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "eventmill/pipeline.h"
#include "eventmill/store.h"

namespace eventmill {
namespace {

size_t g_pages = 1000;
size_t g_events = 20000;
std::string g_tmp;

struct City {
  const char* name;
  const char* country;
  const char* alpha3;
  double lat, lon;
};
const City kCities[] = {
    {"Almaty", "KZ", "KAZ", 43.25, 76.92},     {"Aktobe", "KZ", "KAZ", 50.28, 57.17},
    {"Bishkek", "KG", "KGZ", 42.87, 74.59},    {"Tashkent", "UZ", "UZB", 41.26, 69.22},
    {"Tbilisi", "GE", "GEO", 41.69, 44.83},    {"Yerevan", "AM", "ARM", 40.18, 44.51},
    {"Minsk", "BY", "BLR", 53.90, 27.57},      {"Kyiv", "UA", "UKR", 50.45, 30.52},
    {"Khartoum", "SD", "SDN", 15.50, 32.56},   {"Bamako", "ML", "MLI", 12.65, -8.0},
    {"Caracas", "VE", "VEN", 10.49, -66.88},   {"Dhaka", "BD", "BGD", 23.81, 90.41},
    {"Yangon", "MM", "MMR", 16.87, 96.20},     {"Lagos", "NG", "NGA", 6.52, 3.38},
    {"Lima", "PE", "PER", -12.05, -77.04},     {"Colombo", "LK", "LKA", 6.93, 79.85},
    {"Tehran", "IR", "IRN", 35.69, 51.39},     {"Baghdad", "IQ", "IRQ", 33.31, 44.36},
    {"Nairobi", "KE", "KEN", -1.29, 36.82},    {"Quito", "EC", "ECU", -0.18, -78.47},
};
struct Type {
  const char *cameo, *plover, *mode, *acled, *sub, *sentence, *src, *tgt;
};
const Type kTypes[] = {
    {"173", "COERCE", "arrest", "Strategic developments", "Arrests", "Police detained %d protesters in %s on %s.", "COP", "PRO"},
    {"145", "PROTEST", "demonstrate", "Riots", "Violent demonstration", "About %d protesters clashed with police in %s on %s.", "PRO", "COP"},
    {"141", "PROTEST", "demonstrate", "Protests", "Peaceful protest", "Some %d people rallied in central %s on %s.", "CVL", "GOV"},
    {"190", "ASSAULT", "", "Battles", "Armed clash", "%d people were killed as troops fought gunmen near %s on %s.", "MIL", "REB"},
    {"183", "ASSAULT", "bomb", "Explosions/Remote violence", "Suicide bomb", "A bomb killed %d people in %s on %s.", "UAF", "CVL"},
    {"112", "ACCUSE", "", "Strategic developments", "Other", "%d opposition members accused officials in %s of fraud on %s.", "OPP", "GOV"},
};
const char* kFiller[] = {
    "Officials said the situation was under control.", "Witnesses described long queues at petrol stations.",
    "The interior ministry did not comment on the reports.", "Internet access was cut for several hours.",
    "Shops in the centre stayed closed for a second day.", "Residents said they heard gunfire overnight.",
    "The opposition called for talks with the authorities.", "Prices had doubled since the start of the year.",
    "Several journalists were briefly held and then released.", "The airport resumed flights in the afternoon.",
};
const char* kWords[] = {"calm", "tense", "square", "bridge", "station", "river", "morning", "evening", "winter",
                        "crowd", "market", "corner", "banner", "voice", "light", "smoke", "street", "tower"};

std::string Day(int index) {  // days from 2021-01-01, 28-day months keep it simple
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2021 + index / 336, index / 28 % 12 + 1, index % 28 + 1);
  return buf;
}

// A news page from templates: navigation, teasers and a comment form around an article.
std::string MakePage(std::mt19937& rng, size_t i) {
  const City& c = kCities[rng() % std::size(kCities)];
  const Type& t = kTypes[rng() % std::size(kTypes)];
  std::string day = Day(static_cast<int>(rng() % 1000));
  char lead[256];
  int n = static_cast<int>(rng() % 900 + 3);
  std::snprintf(lead, sizeof lead, t.sentence, n, c.name, day.c_str());  // every template: count, place, day
  std::string body = "<p>" + std::string(lead) + " " + kFiller[rng() % std::size(kFiller)] + "</p>";
  for (int p = 0; p < 5; ++p) {
    body += "<p>";
    for (int s = 0; s < 3; ++s) body += std::string(kFiller[rng() % std::size(kFiller)]) + " ";
    for (int w = 0; w < 12; ++w) body += std::string(kWords[rng() % std::size(kWords)]) + " ";
    body += "Note " + std::to_string(i) + "-" + std::to_string(p) + ".</p>";
  }
  return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + std::string(c.name) + ": " + t.sub +
         "</title><meta property=\"og:site_name\" content=\"Bench Wire\"><meta property=\"article:published_time\" "
         "content=\"" + day + "T10:00:00Z\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> "
         "<a href=\"/sport\">Sport</a></nav><article><h1>" + c.name + ": " + t.sub + "</h1>" + body +
         "</article><aside><h3>Most read</h3><ul><li><a href=\"/x\">Markets rally on rate hopes</a></li>"
         "<li><a href=\"/y\">Storm closes schools</a></li></ul></aside><form><p>Please enter your comment!</p>"
         "<textarea></textarea></form><footer>Copyright Bench Wire. Source link</footer></body></html>";
}

// The corpus as a JSONL file of {"url", "html"} records (one input, many pages), made once.
const std::string& PagesFile() {
  static const std::string path = [] {
    std::string p = g_tmp + "/pages-" + std::to_string(g_pages) + ".jsonl";
    std::ofstream out(p);
    std::mt19937 rng(42);
    for (size_t i = 0; i < g_pages; ++i) {
      std::string html = MakePage(rng, i), esc;
      for (char ch : html) {
        if (ch == '"' || ch == '\\') esc += '\\';
        esc += ch;
      }
      out << "{\"url\":\"https://bench.example/" << i << "\",\"html\":\"" << esc << "\"}\n";
    }
    return p;
  }();
  return path;
}

// A Document with `events` coded events, built directly (store-only benchmarks and the query DB).
Document MakeDocument(std::mt19937& rng, size_t i, size_t events) {
  Document d;
  d.url = "https://gen.example/" + std::to_string(i);
  d.source = d.url;
  d.site_name = "Gen " + std::to_string(i % 50);
  d.title = "Generated article " + std::to_string(i);
  for (int w = 0; w < 60; ++w) d.text += std::string(kWords[rng() % std::size(kWords)]) + std::to_string(i % 97) + " ";
  d.text += "id" + std::to_string(i);
  d.published = Day(static_cast<int>(i % 1000));
  d.paragraphs.push_back({0, static_cast<uint32_t>(d.text.size())});
  for (size_t k = 0; k < events; ++k) {
    const City& c = kCities[rng() % std::size(kCities)];
    const Type& t = kTypes[rng() % std::size(kTypes)];
    Event e;
    e.cameo = t.cameo;
    e.cameo_root = e.cameo.substr(0, 2);
    e.plover = t.plover, e.plover_mode = t.mode, e.acled_event_type = t.acled, e.acled_sub_event_type = t.sub;
    e.source = Actor(), e.target = Actor();
    e.source->code = std::string(c.alpha3) + t.src, e.source->role = t.src, e.source->country = c.country;
    e.target->code = std::string(c.alpha3) + t.tgt, e.target->role = t.tgt, e.target->country = c.country;
    Location loc;
    loc.place.name = c.name, loc.place.country = c.country, loc.place.precision = "city";
    loc.place.lat = c.lat + (rng() % 100) / 1000.0, loc.place.lon = c.lon + (rng() % 100) / 1000.0;
    e.location = loc;
    e.date = {Day(static_cast<int>(rng() % 1000)), "day", "explicit"};
    e.evidence = {0, 40};
    e.confidence = 0.8;
    Count n;
    n.kind = "arrested", n.value = static_cast<double>(rng() % 500), n.text = "people";
    e.counts.push_back(n);
    d.events.push_back(std::move(e));
  }
  return d;
}

// Starts a PostgreSQL for the process (or uses $EVENTMILL_BENCH_PG); "" when none can be had.
struct PgServer {
  std::string url, dir;
  PgServer() {
    if (const char* env = std::getenv("EVENTMILL_BENCH_PG"); env && *env) {
      url = env;
      return;
    }
    dir = g_tmp + "/pg";
    std::string cmd = "bash tools/pg_test_server.sh start " + dir + " 2>/dev/null";
    if (FILE* p = popen(cmd.c_str(), "r")) {
      char buf[512];
      if (fgets(buf, sizeof buf, p)) url = buf;
      pclose(p);
      while (!url.empty() && (url.back() == '\n' || url.back() == ' ')) url.pop_back();
      if (url.rfind("postgresql://", 0) != 0) url.clear();
    }
  }
  ~PgServer() {
    if (!dir.empty()) std::system(("bash tools/pg_test_server.sh stop " + dir + " >/dev/null 2>&1").c_str());
  }
  // A fresh database on the server for one benchmark run.
  std::string FreshDatabase(const std::string& name) {
    if (url.empty()) return {};
    std::string admin = url.substr(0, url.rfind('/')) + "/postgres";
    std::string cmd = "psql -q \"" + admin + "\" -c 'DROP DATABASE IF EXISTS " + name + "' -c 'CREATE DATABASE " + name +
                      "' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return {};
    return url.substr(0, url.rfind('/')) + "/" + name;
  }
};
PgServer* g_pg = nullptr;  // started at first use, stopped at exit
PgServer& Pg() {
  if (!g_pg) g_pg = new PgServer();
  return *g_pg;
}

std::string Target(bool postgres, const std::string& name) {
  if (postgres) return Pg().FreshDatabase(name);
  std::string path = g_tmp + "/" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

// Pages -> Pipeline (all cores) -> store in batches of 200, as `eventmill ingest` does.
void BM_IngestPages(benchmark::State& state) {
  const bool postgres = state.range(0) == 1;
  const std::string& pages = PagesFile();
  auto pipeline = Pipeline::Create({.threads = 0});
  if (!pipeline.ok()) return state.SkipWithError(pipeline.status().message().c_str());
  size_t stored = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string where = Target(postgres, "bench_ingest");
    if (where.empty()) return state.SkipWithError("no PostgreSQL server (install Debian postgresql)");
    auto store = Store::Open(where);
    if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
    state.ResumeTiming();
    InputReader reader({pages});
    std::vector<Document> batch;
    bool ok = true;
    auto flush = [&] {
      auto r = (*store)->Write(batch);
      if (!r.ok()) ok = false;
      batch.clear();
    };
    RunSummary summary = pipeline->Run(
        reader,
        [&](Document& doc) {
          batch.push_back(std::move(doc));
          if (batch.size() >= 200) flush();
        },
        [&](const Status&) {});
    flush();
    if (!ok) return state.SkipWithError("a batch failed to store");
    auto stats = (*store)->Stats();
    stored = stats.ok() ? static_cast<size_t>(stats->articles) : 0;
    if (stored + summary.failures != g_pages) return state.SkipWithError("stored count is wrong");
  }
  state.counters["articles_per_s"] = benchmark::Counter(static_cast<double>(stored), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["pages"] = static_cast<double>(g_pages);
  state.counters["threads"] = std::thread::hardware_concurrency();
}
BENCHMARK(BM_IngestPages)->Arg(0)->Arg(1)->ArgName("postgres")->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

// Documents already coded (5 events each) -> store: the store's own cost, no pipeline.
void BM_WriteDocuments(benchmark::State& state) {
  const bool postgres = state.range(0) == 1;
  std::mt19937 rng(7);
  std::vector<Document> docs;
  for (size_t i = 0; i < g_pages; ++i) docs.push_back(MakeDocument(rng, i, 5));
  for (auto _ : state) {
    state.PauseTiming();
    std::string where = Target(postgres, "bench_write");
    if (where.empty()) return state.SkipWithError("no PostgreSQL server (install Debian postgresql)");
    auto store = Store::Open(where);
    if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
    std::vector<Document> copy = docs;
    state.ResumeTiming();
    for (size_t start = 0; start < copy.size(); start += 200) {
      std::vector<Document> batch(std::make_move_iterator(copy.begin() + start),
                                  std::make_move_iterator(copy.begin() + std::min(copy.size(), start + 200)));
      if (!(*store)->Write(batch).ok()) return state.SkipWithError("write failed");
    }
    state.PauseTiming();
    if ((*store)->Stats()->events != static_cast<int64_t>(5 * g_pages)) return state.SkipWithError("event count is wrong");
    state.ResumeTiming();
  }
  state.counters["articles_per_s"] = benchmark::Counter(static_cast<double>(g_pages), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_WriteDocuments)->Arg(0)->Arg(1)->ArgName("postgres")->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

// The query databases: g_events events, 20 per article, in SQLite (cached in /tmp across runs:
// same size, same generator) and in PostgreSQL (made afresh on the bench's server). Beside them the
// generator keeps every event's facts, from which ReferenceAnswer computes what a query must list.
struct GenEvent {
  std::string cluster, day, country, cameo, plover_mode, plover, acled, sub, source, target;
  double lat, lon;
  uint32_t doc;
};
struct QueryDb {
  std::unique_ptr<Store> store;
  std::string error;
};
std::vector<GenEvent>& Generated() {
  static auto* events = new std::vector<GenEvent>();
  return *events;
}
std::vector<std::string>& GeneratedTexts() {  // per article
  static auto* texts = new std::vector<std::string>();
  return *texts;
}
constexpr size_t kPerDoc = 20;

std::vector<Document> GenerateQueryDocs(bool keep) {
  std::mt19937 rng(99);
  const size_t docs = (g_events + kPerDoc - 1) / kPerDoc;
  std::vector<Document> all;
  bool record = Generated().empty();
  for (size_t i = 0; i < docs; ++i) {
    Document d = MakeDocument(rng, i, kPerDoc);
    if (record) {
      for (const Event& e : d.events)
        Generated().push_back({EventClusterKey(e), e.date.value, e.location->place.country, e.cameo, e.plover_mode,
                               e.plover, e.acled_event_type, e.acled_sub_event_type, e.source->code, e.target->code,
                               *e.location->place.lat, *e.location->place.lon, static_cast<uint32_t>(i)});
      GeneratedTexts().push_back(" " + d.title + " " + d.text + " ");
    }
    if (keep) all.push_back(std::move(d));
  }
  return all;
}

Status WriteAll(Store& store, std::vector<Document>& all) {
  for (size_t start = 0; start < all.size(); start += 1000) {
    std::vector<Document> batch(std::make_move_iterator(all.begin() + start),
                                std::make_move_iterator(all.begin() + std::min(all.size(), start + 1000)));
    auto r = store.Write(batch);
    if (!r.ok()) return r.status();
  }
  return store.Optimize();
}

QueryDb& Queries(bool postgres) {
  static QueryDb* dbs[2] = {nullptr, nullptr};
  QueryDb*& q = dbs[postgres];
  if (q) return *q;
  q = new QueryDb();
  // The query database measures queries, so its events are grouped by their exact facts
  // (EventClusterKey), which ReferenceAnswer reproduces without the store.
  StoreOptions by_key;
  by_key.dedup.policy = DedupOptions::Policy::kSameKey;
  const int64_t want = static_cast<int64_t>((g_events + kPerDoc - 1) / kPerDoc * kPerDoc);
  if (postgres) {
    // A server given by $EVENTMILL_BENCH_PG keeps its query database across runs, as the SQLite file is kept.
    if (const char* env = std::getenv("EVENTMILL_BENCH_PG"); env && *env) {
      std::string url = Pg().url.substr(0, Pg().url.rfind('/')) + "/bench_query";
      auto s = Store::Open(url, by_key);
      if (s.ok() && (*s)->Stats().ok() && (*s)->Stats()->events == want) {
        GenerateQueryDocs(false);
        q->store = std::move(s).value();
        return *q;
      }
    }
    std::string url = Pg().FreshDatabase("bench_query");
    if (url.empty()) return q->error = "no PostgreSQL server (install Debian postgresql)", *q;
    auto s = Store::Open(url, by_key);
    if (!s.ok()) return q->error = s.status().message(), *q;
    std::fprintf(stderr, "store_bench: generating %lld events in PostgreSQL...\n", static_cast<long long>(want));
    std::vector<Document> all = GenerateQueryDocs(true);
    if (Status w = WriteAll(**s, all); !w.ok()) return q->error = w.message(), *q;
    q->store = std::move(s).value();
    return *q;
  }
  std::string path = "/tmp/eventmill_store_bench_" + std::to_string(g_events) + ".db";
  bool exists = std::filesystem::exists(path);
  if (exists) {
    GenerateQueryDocs(false);
    auto s = Store::Open(path, by_key);
    if (s.ok() && (*s)->Stats().ok() && (*s)->Stats()->events == want) {
      q->store = std::move(s).value();
      return *q;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  auto s = Store::Open(path, by_key);
  if (!s.ok()) return q->error = s.status().message(), *q;
  std::fprintf(stderr, "store_bench: generating %lld events in %s (cached for later runs)...\n",
               static_cast<long long>(want), path.c_str());
  std::vector<Document> all = GenerateQueryDocs(true);
  if (Status w = WriteAll(**s, all); !w.ok()) return q->error = w.message(), *q;
  q->store = std::move(s).value();
  return *q;
}

double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180;
  double a = std::pow(std::sin((lat2 - lat1) * kRad / 2), 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::pow(std::sin((lon2 - lon1) * kRad / 2), 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
}
std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What `query` must list, computed from the generator's facts without the store: the clusters of
// the matching events, oldest first (day, then insertion order), up to the limit.
std::vector<std::string> ReferenceAnswer(const EventQuery& q) {
  std::vector<const GenEvent*> match;
  std::string since = q.since.size() == 4 ? q.since + "-01-01" : q.since.size() == 7 ? q.since + "-01" : q.since;
  std::string until = q.until.size() == 4 ? q.until + "-12-31" : q.until.size() == 7 ? q.until + "-31" : q.until;
  std::string type = Lower(q.type);
  bool digits = !type.empty() && std::all_of(type.begin(), type.end(), [](char c) { return c >= '0' && c <= '9'; });
  std::vector<std::string> words;
  for (size_t p = 0; p < q.text.size();) {
    size_t e = q.text.find(' ', p);
    if (e == std::string::npos) e = q.text.size();
    if (e > p) words.push_back(" " + q.text.substr(p, e - p) + " ");
    p = e + 1;
  }
  for (const GenEvent& e : Generated()) {
    if (!q.country.empty() && e.country != q.country) continue;
    if (!type.empty()) {
      if (digits ? e.cameo.rfind(type, 0) != 0
                 : Lower(e.plover) != type && Lower(e.plover_mode) != type && Lower(e.acled) != type && Lower(e.sub) != type)
        continue;
    }
    if (!since.empty() && e.day < since) continue;
    if (!until.empty() && e.day > until) continue;
    if (!q.actor.empty() && e.source.rfind(q.actor, 0) != 0 && e.target.rfind(q.actor, 0) != 0) continue;
    if (q.near && Km(q.near->lat, q.near->lon, e.lat, e.lon) > q.near->km) continue;
    bool text_ok = true;
    for (const std::string& w : words) text_ok = text_ok && GeneratedTexts()[e.doc].find(w) != std::string::npos;
    if (!text_ok) continue;
    match.push_back(&e);
  }
  std::stable_sort(match.begin(), match.end(), [](const GenEvent* a, const GenEvent* b) { return a->day < b->day; });
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const GenEvent* e : match) {
    if (!seen.insert(e->cluster).second) continue;
    out.push_back(e->cluster);
    if (q.limit && out.size() >= q.limit) break;
  }
  return out;
}

// Times `query`, then checks the events listed, in order, against ReferenceAnswer.
void RunQuery(benchmark::State& state, EventQuery query) {
  const bool postgres = state.range(0) == 1;
  QueryDb& db = Queries(postgres);
  if (!db.store) return state.SkipWithError(db.error.c_str());
  std::vector<StoredEvent> found;
  for (auto _ : state) {
    auto r = db.store->FindEvents(query);
    if (!r.ok()) return state.SkipWithError(r.status().message().c_str());
    found = std::move(r).value();
    benchmark::DoNotOptimize(found.data());
  }
  std::vector<std::string> got;
  for (const StoredEvent& e : found) got.push_back(e.cluster);
  std::vector<std::string> want = ReferenceAnswer(query);
  if (got != want) {
    std::string msg = "wrong events: found " + std::to_string(got.size()) + ", the generator says " +
                      std::to_string(want.size());
    return state.SkipWithError(msg.c_str());
  }
  if (want.empty()) return state.SkipWithError("the query finds nothing: a useless benchmark");
  state.counters["events_found"] = static_cast<double>(found.size());
  state.counters["events_in_db"] = static_cast<double>(Generated().size());
}

EventQuery Query(std::string country, std::string type, std::string since, std::string until, std::string actor = "",
                 std::string text = "", size_t limit = 0) {
  EventQuery q;
  q.country = std::move(country), q.type = std::move(type), q.since = std::move(since), q.until = std::move(until);
  q.actor = std::move(actor), q.text = std::move(text), q.limit = limit;
  return q;
}
EventQuery Near(EventQuery q, double km = 50) {
  q.near = NearPoint{43.25, 76.92, km};
  return q;
}

// Each filter alone over a month (every matching event: limit 0) and as the first 100 of all time
// (the CLI's default --limit), then combinations.
#define EM_QUERY(name, query)                                                                       \
  void BM_Query_##name(benchmark::State& state) { RunQuery(state, query); }                       \
  BENCHMARK(BM_Query_##name)->Arg(0)->Arg(1)->ArgName("postgres")->Unit(benchmark::kMillisecond)
EM_QUERY(CountryTypeDateRange, Query("KZ", "173", "2022-03-01", "2022-03-28"));
EM_QUERY(CountryMonth, Query("KZ", "", "2022-03", "2022-03"));
EM_QUERY(CountryFirst100, Query("KZ", "", "", "", "", "", 100));
EM_QUERY(TypeCameoRootMonth, Query("", "14", "2022-06", "2022-06"));
EM_QUERY(TypeCameoFirst100, Query("", "14", "", "", "", "", 100));
EM_QUERY(TypePloverMonth, Query("", "ARREST", "2022-06", "2022-06"));
EM_QUERY(TypePloverFirst100, Query("", "PROTEST", "", "", "", "", 100));
EM_QUERY(TypeAcledMonth, Query("", "Protests", "2022-06", "2022-06"));
EM_QUERY(TypeAcledFirst100, Query("", "Protests", "", "", "", "", 100));
EM_QUERY(DateRange3Days, Query("", "", "2022-03-01", "2022-03-03"));
EM_QUERY(First100, Query("", "", "", "", "", "", 100));
EM_QUERY(ActorMonth, Query("", "", "2022-01", "2022-01", "KAZCOP"));
EM_QUERY(ActorPrefixMonth, Query("", "", "2022-01", "2022-01", "KAZ"));
EM_QUERY(ActorFirst100, Query("", "", "", "", "KAZCOP", "", 100));
EM_QUERY(Near50kmMonth, Near(Query("", "", "2022-03", "2022-03")));
EM_QUERY(Near50kmFirst100, Near(Query("", "", "", "", "", "", 100)));
EM_QUERY(TextOneArticle, Query("", "", "", "", "", "id123"));
EM_QUERY(TextCommonWordMonth, Query("", "", "2022-03", "2022-03", "", "station42"));
EM_QUERY(TextCommonWordFirst100, Query("", "", "", "", "", "station42", 100));
EM_QUERY(CountryTypeActorNearMonth, Near(Query("KZ", "Protests", "2022-06", "2022-06", "KAZ"), 100));
EM_QUERY(TypeNearTextQuarter, Near(Query("", "14", "2022-01", "2022-03", "", "station42"), 100));
EM_QUERY(CountryActorFirst100, Query("KZ", "", "", "", "KAZPRO", "", 100));
EM_QUERY(AllFiltersFirst100, Near(Query("KZ", "ARREST", "2021", "2022", "KAZCOP", "crowd12"), 100));

}  // namespace
}  // namespace eventmill

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--pages=", 0) == 0) eventmill::g_pages = std::stoul(a.substr(8));
    else if (a.rfind("--events=", 0) == 0) eventmill::g_events = std::stoul(a.substr(9));
    else rest.push_back(argv[i]);
  }
  char tmpl[] = "/tmp/eventmill_store_bench.XXXXXX";
  if (!mkdtemp(tmpl)) return 1;
  eventmill::g_tmp = tmpl;
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  delete eventmill::g_pg;
  std::filesystem::remove_all(eventmill::g_tmp);
  return 0;
}
