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

// Version 2: the filters of `eventmill events` each get an index that serves them together with a
// day range, so every filter and combination is a seek, not a scan of the range's rows:
//   event_types  one row per distinct (CAMEO, PLOVER type, mode, ACLED type, sub-type); --type by
//                code prefix or by any of the names becomes type_id IN (...)
//   actors       one row per actor code; --actor (a code prefix) becomes source/target_actor IN (...)
//   events_geo   (SQLite) R*Tree over lat, lon and the day number, for --near with or without dates;
//                PostgreSQL: a GiST index on point(lon, lat)
// Unknown days are '' (not NULL) so keyset paging on (day, id) is the same on both engines; the
// cluster index covers the tallies (mentions, articles, sites) so they read no event rows. Each
// filter index also carries the other filter columns, the cluster and the coordinates: a query
// reads index entries only (event rows are wide: evidence, names, counts), then the rows of the
// events it lists. --near alone is served by the R*Tree; with another indexed filter, by the
// bounding box on the covered lat/lon. (PostgreSQL indexes also carry the id, which SQLite's
// rowid gives every index.)
constexpr std::string_view kV2Sqlite = R"sql(
CREATE TABLE event_types (
  id INTEGER PRIMARY KEY, cameo TEXT NOT NULL, plover TEXT NOT NULL, plover_mode TEXT NOT NULL,
  acled_event_type TEXT NOT NULL, acled_sub_event_type TEXT NOT NULL,
  UNIQUE (cameo, plover, plover_mode, acled_event_type, acled_sub_event_type));
CREATE TABLE actors (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
ALTER TABLE events ADD COLUMN type_id INTEGER;
ALTER TABLE events ADD COLUMN source_actor INTEGER;
ALTER TABLE events ADD COLUMN target_actor INTEGER;
INSERT OR IGNORE INTO event_types (cameo, plover, plover_mode, acled_event_type, acled_sub_event_type)
  SELECT DISTINCT coalesce(cameo, ''), coalesce(plover, ''), coalesce(plover_mode, ''),
         coalesce(acled_event_type, ''), coalesce(acled_sub_event_type, '') FROM events;
UPDATE events SET type_id = (SELECT t.id FROM event_types t WHERE t.cameo = coalesce(events.cameo, '')
  AND t.plover = coalesce(events.plover, '') AND t.plover_mode = coalesce(events.plover_mode, '')
  AND t.acled_event_type = coalesce(events.acled_event_type, '')
  AND t.acled_sub_event_type = coalesce(events.acled_sub_event_type, ''));
INSERT OR IGNORE INTO actors (code)
  SELECT source_code FROM events WHERE coalesce(source_code, '') <> ''
  UNION SELECT target_code FROM events WHERE coalesce(target_code, '') <> '';
UPDATE events SET source_actor = (SELECT a.id FROM actors a WHERE a.code = events.source_code),
                  target_actor = (SELECT a.id FROM actors a WHERE a.code = events.target_code);
UPDATE events SET day = '' WHERE day IS NULL;
CREATE VIRTUAL TABLE events_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon, min_day, max_day);
INSERT INTO events_geo
  SELECT id, lat, lat, lon, lon, coalesce(CAST(julianday(nullif(day, '')) - 2440587.5 AS INTEGER), -1000000),
         coalesce(CAST(julianday(nullif(day, '')) - 2440587.5 AS INTEGER), -1000000)
  FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
DROP INDEX events_country_cameo_day;
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_lat;
DROP INDEX events_cluster;
DROP INDEX events_country_day;
DROP INDEX events_day;
CREATE INDEX events_country_type_day ON events(country, type_id, day, cluster, source_actor, target_actor, article_seq, lat, lon);
CREATE INDEX events_country_day ON events(country, day, cluster, type_id, source_actor, target_actor, article_seq, lat, lon);
CREATE INDEX events_type_day ON events(type_id, day, cluster, country, source_actor, target_actor, article_seq, lat, lon);
CREATE INDEX events_source_day ON events(source_actor, day, cluster, country, type_id, target_actor, article_seq, lat, lon);
CREATE INDEX events_target_day ON events(target_actor, day, cluster, country, type_id, source_actor, article_seq, lat, lon);
CREATE INDEX events_day ON events(day, cluster, country, type_id, source_actor, target_actor, article_seq, lat, lon);
CREATE INDEX events_cluster ON events(cluster, article_seq, site);
)sql";

constexpr std::string_view kV2Postgres = R"sql(
CREATE TABLE event_types (
  id BIGSERIAL PRIMARY KEY, cameo TEXT NOT NULL, plover TEXT NOT NULL, plover_mode TEXT NOT NULL,
  acled_event_type TEXT NOT NULL, acled_sub_event_type TEXT NOT NULL,
  UNIQUE (cameo, plover, plover_mode, acled_event_type, acled_sub_event_type));
CREATE TABLE actors (id BIGSERIAL PRIMARY KEY, code TEXT NOT NULL UNIQUE);
ALTER TABLE events ADD COLUMN type_id BIGINT;
ALTER TABLE events ADD COLUMN source_actor BIGINT;
ALTER TABLE events ADD COLUMN target_actor BIGINT;
INSERT INTO event_types (cameo, plover, plover_mode, acled_event_type, acled_sub_event_type)
  SELECT DISTINCT coalesce(cameo, ''), coalesce(plover, ''), coalesce(plover_mode, ''),
         coalesce(acled_event_type, ''), coalesce(acled_sub_event_type, '') FROM events
  ON CONFLICT DO NOTHING;
UPDATE events e SET type_id = t.id FROM event_types t WHERE t.cameo = coalesce(e.cameo, '')
  AND t.plover = coalesce(e.plover, '') AND t.plover_mode = coalesce(e.plover_mode, '')
  AND t.acled_event_type = coalesce(e.acled_event_type, '')
  AND t.acled_sub_event_type = coalesce(e.acled_sub_event_type, '');
INSERT INTO actors (code)
  SELECT source_code FROM events WHERE coalesce(source_code, '') <> ''
  UNION SELECT target_code FROM events WHERE coalesce(target_code, '') <> ''
  ON CONFLICT DO NOTHING;
UPDATE events e SET source_actor = a.id FROM actors a WHERE a.code = e.source_code;
UPDATE events e SET target_actor = a.id FROM actors a WHERE a.code = e.target_code;
UPDATE events SET day = '' WHERE day IS NULL;
DROP INDEX events_country_cameo_day;
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_lat;
DROP INDEX events_cluster;
DROP INDEX events_country_day;
DROP INDEX events_day;
CREATE INDEX events_country_type_day ON events(country, type_id, day, cluster, source_actor, target_actor, article_seq, lat, lon, id);
CREATE INDEX events_country_day ON events(country, day, cluster, type_id, source_actor, target_actor, article_seq, lat, lon, id);
CREATE INDEX events_type_day ON events(type_id, day, cluster, country, source_actor, target_actor, article_seq, lat, lon, id);
CREATE INDEX events_source_day ON events(source_actor, day, cluster, country, type_id, target_actor, article_seq, lat, lon, id);
CREATE INDEX events_target_day ON events(target_actor, day, cluster, country, type_id, source_actor, article_seq, lat, lon, id);
CREATE INDEX events_day ON events(day, cluster, country, type_id, source_actor, target_actor, article_seq, lat, lon, id);
CREATE INDEX events_cluster ON events(cluster, article_seq, site);
CREATE INDEX events_geo ON events USING gist (point(lon, lat)) WHERE lat IS NOT NULL AND lon IS NOT NULL;
)sql";

// Version 3: the article's tone (GDELT AvgTone, store/tone/tone.h); NULL where not computed.
// Store::Open fills it for the articles of a database migrated from an older version.
constexpr std::string_view kV3Sqlite = R"sql(
ALTER TABLE articles ADD COLUMN tone REAL;
)sql";

constexpr std::string_view kV3Postgres = R"sql(
ALTER TABLE articles ADD COLUMN tone DOUBLE PRECISION;
)sql";

// Version 4: why the dedup stage made an event a mention of an earlier one (NULL for a first
// mention, and for the events stored before version 4).
constexpr std::string_view kV4Sqlite = R"sql(
ALTER TABLE events ADD COLUMN merge_reason TEXT;
)sql";

constexpr std::string_view kV4Postgres = R"sql(
ALTER TABLE events ADD COLUMN merge_reason TEXT;
)sql";

// Version 5: the event's category of the output contract (natural_disaster, man_made_disaster,
// crime; NULL for a political event and for the events stored before version 5).
constexpr std::string_view kV5Sqlite = R"sql(
ALTER TABLE events ADD COLUMN category TEXT;
)sql";

constexpr std::string_view kV5Postgres = R"sql(
ALTER TABLE events ADD COLUMN category TEXT;
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "articles, entities, counts, quotes, events, inputs, failures, runs; FTS", kV1Sqlite, kV1Postgres},
      {2, "event_types, actors, R*Tree/GiST for --near; indexes for every events filter", kV2Sqlite, kV2Postgres},
      {3, "articles.tone (GDELT AvgTone)", kV3Sqlite, kV3Postgres},
      {4, "events.merge_reason (why dedup joined a mention to its event)", kV4Sqlite, kV4Postgres},
      {5, "events.category (non-political events: disasters, crime)", kV5Sqlite, kV5Postgres},
  };
  return kMigrations;
}

Result<int> Migrate(SqlConnection& db, int target, int* from) {
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
    if (from) *from = current;
    int latest = Migrations().back().version;
    if (current > latest)
      return Status::InvalidInput(db.name(), "schema version " + std::to_string(current) +
                                                 " is newer than this eventmill knows (" + std::to_string(latest) +
                                                 "): upgrade eventmill");
    for (const Migration& m : Migrations()) {
      if (m.version <= current || (target > 0 && m.version > target)) continue;
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
