// Schema version 1. Tables:
//   articles        one row per article id: metadata, text, MinHash signature, duplicate_of, the
//                   contract JSON; seq is the ingest order ("earlier article" for duplicates)
//   article_bands   MinHash LSH band keys -> article, to find near-duplicate candidates
//   entities counts quotes   what analyze found, one row each, keyed (article_seq, idx)
//   events          one row per coded event (a mention); cluster = EventClusterKey
//   inputs          every input source stored, for resume; failures: inputs that failed, and why
//   runs            one row per ingest run, for `eventmill status`
// Indexes serve the queries of `eventmill events`: (country, cameo, day) for country+type+date,
// (country, day), (day), actors, cluster; lat for --near's bounding box.
#include "store/schema/migrations.h"

#include <string>

namespace eventmill {
namespace {

constexpr std::string_view kV1Sqlite = R"sql(
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT, input_id TEXT, url TEXT, canonical_url TEXT, title TEXT, published TEXT,
  language TEXT, site_name TEXT, authors TEXT, attributed_sources TEXT,
  text TEXT, duplicate_of TEXT, signature TEXT, num_events INTEGER NOT NULL DEFAULT 0,
  doc_json TEXT, ingested_at TEXT);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_site ON articles(site_name);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
CREATE TABLE article_bands (band INTEGER NOT NULL, article_seq INTEGER NOT NULL);
CREATE INDEX article_bands_band ON article_bands(band);
CREATE TABLE entities (
  article_seq INTEGER NOT NULL, idx INTEGER NOT NULL, type TEXT, text TEXT, span_begin INTEGER,
  span_end INTEGER, canonical TEXT, role TEXT, kind TEXT, actor_code TEXT, place_name TEXT,
  country TEXT, admin1 TEXT, lat REAL, lon REAL, geonameid INTEGER, precision TEXT,
  PRIMARY KEY (article_seq, idx));
CREATE INDEX entities_actor ON entities(actor_code);
CREATE TABLE counts (
  article_seq INTEGER NOT NULL, idx INTEGER NOT NULL, kind TEXT, value REAL, qualifier TEXT,
  who TEXT, text TEXT, span_begin INTEGER, span_end INTEGER, PRIMARY KEY (article_seq, idx));
CREATE TABLE quotes (
  article_seq INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT, span_begin INTEGER, span_end INTEGER,
  speaker TEXT, speaker_role TEXT, speaker_actor TEXT, PRIMARY KEY (article_seq, idx));
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  article_seq INTEGER NOT NULL, article_id TEXT NOT NULL, idx INTEGER NOT NULL, event_key TEXT,
  cluster TEXT NOT NULL, cameo TEXT, cameo_root TEXT, quad_class INTEGER, goldstein REAL,
  plover TEXT, plover_mode TEXT, acled_event_type TEXT, acled_sub_event_type TEXT,
  source_code TEXT, source_name TEXT, source_text TEXT, source_country TEXT, source_role TEXT,
  target_code TEXT, target_name TEXT, target_text TEXT, target_country TEXT, target_role TEXT,
  location_name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL, geonameid INTEGER,
  geo_precision TEXT, location_begin INTEGER, location_end INTEGER,
  date_value TEXT, date_precision TEXT, date_basis TEXT, day TEXT,
  modality TEXT, evidence_begin INTEGER, evidence_end INTEGER, evidence_text TEXT,
  confidence REAL, counts_json TEXT, in_lead INTEGER, site TEXT, added_at TEXT,
  UNIQUE (article_seq, idx));
CREATE INDEX events_country_cameo_day ON events(country, cameo, day);
CREATE INDEX events_country_day ON events(country, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_lat ON events(lat);
CREATE TABLE inputs (source TEXT PRIMARY KEY, article_id TEXT, stored_at TEXT);
CREATE TABLE failures (source TEXT PRIMARY KEY, reason TEXT, failed_at TEXT);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY, started_at TEXT, finished_at TEXT, inputs INTEGER, added INTEGER,
  already_stored INTEGER, duplicates INTEGER, events INTEGER, failures INTEGER, interrupted INTEGER);
)sql";

constexpr std::string_view kV1Postgres = R"sql(
CREATE TABLE articles (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT, input_id TEXT, url TEXT, canonical_url TEXT, title TEXT, published TEXT,
  language TEXT, site_name TEXT, authors TEXT, attributed_sources TEXT,
  text TEXT, duplicate_of TEXT, signature TEXT, num_events BIGINT NOT NULL DEFAULT 0,
  doc_json TEXT, ingested_at TEXT,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, ''))) STORED);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_site ON articles(site_name);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
CREATE TABLE article_bands (band BIGINT NOT NULL, article_seq BIGINT NOT NULL);
CREATE INDEX article_bands_band ON article_bands(band);
CREATE TABLE entities (
  article_seq BIGINT NOT NULL, idx INTEGER NOT NULL, type TEXT, text TEXT, span_begin INTEGER,
  span_end INTEGER, canonical TEXT, role TEXT, kind TEXT, actor_code TEXT, place_name TEXT,
  country TEXT, admin1 TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, geonameid BIGINT, precision TEXT,
  PRIMARY KEY (article_seq, idx));
CREATE INDEX entities_actor ON entities(actor_code);
CREATE TABLE counts (
  article_seq BIGINT NOT NULL, idx INTEGER NOT NULL, kind TEXT, value DOUBLE PRECISION, qualifier TEXT,
  who TEXT, text TEXT, span_begin INTEGER, span_end INTEGER, PRIMARY KEY (article_seq, idx));
CREATE TABLE quotes (
  article_seq BIGINT NOT NULL, idx INTEGER NOT NULL, text TEXT, span_begin INTEGER, span_end INTEGER,
  speaker TEXT, speaker_role TEXT, speaker_actor TEXT, PRIMARY KEY (article_seq, idx));
CREATE TABLE events (
  id BIGSERIAL PRIMARY KEY,
  article_seq BIGINT NOT NULL, article_id TEXT NOT NULL, idx INTEGER NOT NULL, event_key TEXT,
  cluster TEXT NOT NULL, cameo TEXT, cameo_root TEXT, quad_class INTEGER, goldstein DOUBLE PRECISION,
  plover TEXT, plover_mode TEXT, acled_event_type TEXT, acled_sub_event_type TEXT,
  source_code TEXT, source_name TEXT, source_text TEXT, source_country TEXT, source_role TEXT,
  target_code TEXT, target_name TEXT, target_text TEXT, target_country TEXT, target_role TEXT,
  location_name TEXT, country TEXT, admin1 TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, geonameid BIGINT,
  geo_precision TEXT, location_begin INTEGER, location_end INTEGER,
  date_value TEXT, date_precision TEXT, date_basis TEXT, day TEXT,
  modality TEXT, evidence_begin INTEGER, evidence_end INTEGER, evidence_text TEXT,
  confidence DOUBLE PRECISION, counts_json TEXT, in_lead INTEGER, site TEXT, added_at TEXT,
  UNIQUE (article_seq, idx));
CREATE INDEX events_country_cameo_day ON events(country, cameo, day);
CREATE INDEX events_country_day ON events(country, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_lat ON events(lat);
CREATE TABLE inputs (source TEXT PRIMARY KEY, article_id TEXT, stored_at TEXT);
CREATE TABLE failures (source TEXT PRIMARY KEY, reason TEXT, failed_at TEXT);
CREATE TABLE runs (
  id BIGSERIAL PRIMARY KEY, started_at TEXT, finished_at TEXT, inputs BIGINT, added BIGINT,
  already_stored BIGINT, duplicates BIGINT, events BIGINT, failures BIGINT, interrupted INTEGER);
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "articles, entities, counts, quotes, events, inputs, failures, runs; FTS", kV1Sqlite, kV1Postgres},
  };
  return kMigrations;
}

Result<int> Migrate(SqlConnection& db) {
  const bool pg = db.dialect() == SqlDialect::kPostgres;
  // Several processes may open a new database at once: serialise the migration.
  if (pg) {
    EM_RETURN_IF_ERROR(db.ExecScript("SELECT pg_advisory_lock(7405120627)"));
  } else {
    EM_RETURN_IF_ERROR(db.ExecScript("BEGIN IMMEDIATE"));
  }
  auto run = [&]() -> Result<int> {
    EM_RETURN_IF_ERROR(db.ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT, "
        "applied_at TEXT)"));
    EM_ASSIGN_OR_RETURN(SqlRows rows, db.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    int current = rows.empty() ? 0 : static_cast<int>(rows[0].Int(0));
    int latest = Migrations().back().version;
    if (current > latest)
      return Status::InvalidInput(db.name(), "schema version " + std::to_string(current) +
                                                 " is newer than this eventmill knows (" + std::to_string(latest) +
                                                 "): upgrade eventmill");
    for (const Migration& m : Migrations()) {
      if (m.version <= current) continue;
      if (pg) EM_RETURN_IF_ERROR(db.ExecScript("BEGIN"));
      Status s = db.ExecScript(std::string(pg ? m.postgres : m.sqlite));
      if (s.ok()) {
        auto r = db.Query(pg ? "INSERT INTO schema_migrations VALUES (?, ?, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
                             : "INSERT INTO schema_migrations VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                          {int64_t{m.version}, std::string(m.description)});
        if (!r.ok()) s = r.status();
      }
      if (!s.ok()) {
        if (pg) db.ExecScript("ROLLBACK");
        return Status(s.code(), "migration to schema version " + std::to_string(m.version) + " failed: " + s.message());
      }
      if (pg) EM_RETURN_IF_ERROR(db.ExecScript("COMMIT"));
      current = m.version;
    }
    return current;
  };
  Result<int> result = run();
  if (pg) {
    db.ExecScript("SELECT pg_advisory_unlock(7405120627)");
  } else {
    db.ExecScript(result.ok() ? "COMMIT" : "ROLLBACK");
  }
  return result;
}

}  // namespace eventmill
