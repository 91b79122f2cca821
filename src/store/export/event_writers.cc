// Event exports: table, JSONL, CSV, GDELT 2.0 event rows, ACLED rows, GeoJSON.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/data_files.h"
#include "eventmill/civil_date.h"
#include "eventmill/data_dir.h"
#include "eventmill/lexicon.h"
#include "eventmill/printable.h"
#include "eventmill/store.h"
#include "store/export/acled_row.h"
#include "store/export/decimal_text.h"
#include "store/export/reference_tables.h"

namespace eventmill {
namespace {

using ojson = nlohmann::ordered_json;

void AppendCsvField(std::string_view v, std::string* out) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char c : v) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvRow(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->append("\r\n");
}

// GDELT rows are tab-separated with no quoting: tabs and newlines inside fields become spaces.
void AppendTsvRow(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out->push_back('\t');
    for (char c : fields[i]) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  }
  out->push_back('\n');
}

std::string Num(double v, int decimals = 4) { return DecimalText(v, decimals); }

std::string OptNum(const std::optional<double>& v) { return v ? Num(*v, 5) : ""; }

std::string ActorName(const std::optional<Actor>& a) {
  if (!a) return "";
  return !a->name.empty() ? a->name : a->text;
}

ojson ActorJson(const std::optional<Actor>& a) {
  if (!a) return nullptr;
  return ojson{{"text", a->text},
               {"code", a->code},
               {"country", a->country.empty() ? ojson() : ojson(a->country)},
               {"role", a->role},
               {"name", a->name}};
}

ojson EventJson(const StoredEvent& s) {
  const Event& e = s.event;
  ojson j;
  j["id"] = e.id.empty() ? ojson(std::to_string(s.id)) : ojson(e.id);
  j["row_id"] = s.id;
  j["cameo"] = e.cameo;
  j["cameo_root"] = e.cameo_root;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["plover"] = e.plover;
  j["plover_mode"] = e.plover_mode;
  if (!e.category.empty()) {
    j["acled"] = nullptr;  // as the output contract gives a non-political event
    j["category"] = e.category;
  } else {
    j["acled"] = {{"event_type", e.acled_event_type}, {"sub_event_type", e.acled_sub_event_type}};
  }
  j["source"] = ActorJson(e.source);
  j["target"] = ActorJson(e.target);
  if (e.location) {
    const Place& p = e.location->place;
    j["location"] = {{"name", p.name},
                     {"country", p.country.empty() ? ojson() : ojson(p.country)},
                     {"admin1", p.admin1.empty() ? ojson() : ojson(p.admin1)},
                     {"lat", p.lat ? ojson(*p.lat) : ojson()},
                     {"lon", p.lon ? ojson(*p.lon) : ojson()},
                     {"geonameid", p.geonameid ? ojson(p.geonameid) : ojson()},
                     {"precision", p.precision},
                     {"span", {e.location->span.begin, e.location->span.end}}};
  } else {
    j["location"] = nullptr;
  }
  j["date"] = {{"value", e.date.value}, {"precision", e.date.precision}, {"basis", e.date.basis}};
  j["counts"] = ojson::array();
  for (const Count& c : e.counts)
    j["counts"].push_back({{"kind", c.kind},
                           {"value", c.value},
                           {"qualifier", c.qualifier},
                           {"who", c.who},
                           {"text", c.text},
                           {"span", {c.span.begin, c.span.end}}});
  j["modality"] = e.modality;
  j["evidence"] = {{"span", {e.evidence.begin, e.evidence.end}}, {"sentence", s.evidence_text}};
  j["confidence"] = e.confidence;
  j["article"] = {{"id", s.article_id},
                  {"url", s.url},
                  {"title", s.title},
                  {"site_name", s.site_name},
                  {"published", s.published.empty() ? ojson() : ojson(s.published)},
                  {"tone", s.tone ? ojson(*s.tone) : ojson()}};
  j["cluster"] = s.cluster;
  j["num_mentions"] = s.num_mentions;
  j["num_articles"] = s.num_articles;
  j["num_sources"] = s.num_sources;
  j["added_at"] = s.added_at;
  return j;
}

// `s` in a column of `width` characters (UTF-8 code points, so Cyrillic or Arabic titles line up):
// cut with an ellipsis, then padded; always one space after.
std::string Fit(std::string s, size_t width) {
  s = core::Printable(s);  // a page's escape sequences are shown, never sent to the terminal
  auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  size_t chars = 0;
  for (char c : s) chars += is_lead(c);
  if (chars + 1 <= width) return s + std::string(width - chars, ' ');
  // Keep width - 2 characters, then the ellipsis and a space.
  size_t keep = width >= 2 ? width - 2 : 0, cut = 0, seen = 0;
  for (; cut < s.size(); ++cut) {
    if (is_lead(s[cut])) {
      if (seen == keep) break;
      ++seen;
    }
  }
  return s.substr(0, cut) + "\u2026 ";
}

void WriteTable(const std::vector<StoredEvent>& events, std::string* out) {
  *out += Fit("date", 11) + Fit("cameo", 6) + Fit("type", 18) + Fit("source", 10) + Fit("target", 10) +
          Fit("where", 22) + Fit("ment", 5) + Fit("arts", 5) + "evidence\n";
  for (const StoredEvent& s : events) {
    const Event& e = s.event;
    std::string type = e.plover + (e.plover_mode.empty() ? "" : "/" + e.plover_mode);
    std::string where =
        e.location ? e.location->place.name + (e.location->place.country.empty() ? "" : " " + e.location->place.country)
                   : "";
    std::string line = Fit(e.date.value, 11) + Fit(e.cameo, 6) + Fit(type, 18) +
                       Fit(e.source ? e.source->code : "-", 10) + Fit(e.target ? e.target->code : "-", 10) +
                       Fit(where, 22) + Fit(std::to_string(s.num_mentions), 5) +
                       Fit(std::to_string(s.num_articles), 5) + Fit(s.evidence_text, 80);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    *out += line + "\n";
  }
  *out += "(" + std::to_string(events.size()) + " events)\n";
}

const std::vector<std::string>& CsvHeader() {
  static const std::vector<std::string> h = {"row_id",
                                             "event_id",
                                             "date",
                                             "date_precision",
                                             "cameo",
                                             "cameo_root",
                                             "quad_class",
                                             "goldstein",
                                             "plover",
                                             "plover_mode",
                                             "acled_event_type",
                                             "acled_sub_event_type",
                                             "source_code",
                                             "source_name",
                                             "source_country",
                                             "source_role",
                                             "target_code",
                                             "target_name",
                                             "target_country",
                                             "target_role",
                                             "location",
                                             "country",
                                             "admin1",
                                             "lat",
                                             "lon",
                                             "geonameid",
                                             "geo_precision",
                                             "modality",
                                             "confidence",
                                             "killed",
                                             "injured",
                                             "arrested",
                                             "num_mentions",
                                             "num_articles",
                                             "num_sources",
                                             "article_id",
                                             "url",
                                             "site_name",
                                             "published",
                                             "evidence",
                                             "cluster",
                                             "category"};
  return h;
}

double CountOf(const Event& e, std::initializer_list<std::string_view> kinds) {
  double n = 0;
  for (const Count& c : e.counts)
    for (auto k : kinds)
      if (c.kind == k) n += c.value;
  return n;
}

void WriteCsv(const std::vector<StoredEvent>& events, std::string* out) {
  AppendCsvRow(CsvHeader(), out);
  for (const StoredEvent& s : events) {
    const Event& e = s.event;
    const Place* p = e.location ? &e.location->place : nullptr;
    auto actor = [](const std::optional<Actor>& a, int field) -> std::string {
      if (!a) return "";
      switch (field) {
        case 0:
          return a->code;
        case 1:
          return ActorName(a);
        case 2:
          return a->country;
        default:
          return a->role;
      }
    };
    AppendCsvRow({std::to_string(s.id),
                  e.id,
                  e.date.value,
                  e.date.precision,
                  e.cameo,
                  e.cameo_root,
                  std::to_string(e.quad_class),
                  Num(e.goldstein, 1),
                  e.plover,
                  e.plover_mode,
                  e.acled_event_type,
                  e.acled_sub_event_type,
                  actor(e.source, 0),
                  actor(e.source, 1),
                  actor(e.source, 2),
                  actor(e.source, 3),
                  actor(e.target, 0),
                  actor(e.target, 1),
                  actor(e.target, 2),
                  actor(e.target, 3),
                  p ? p->name : "",
                  p ? p->country : "",
                  p ? p->admin1 : "",
                  p ? OptNum(p->lat) : "",
                  p ? OptNum(p->lon) : "",
                  p && p->geonameid ? std::to_string(p->geonameid) : "",
                  p ? p->precision : "",
                  e.modality,
                  Num(e.confidence, 3),
                  Num(CountOf(e, {"killed"})),
                  Num(CountOf(e, {"injured"})),
                  Num(CountOf(e, {"arrested", "detained"})),
                  std::to_string(s.num_mentions),
                  std::to_string(s.num_articles),
                  std::to_string(s.num_sources),
                  s.article_id,
                  s.url,
                  s.site_name,
                  s.published,
                  s.evidence_text,
                  s.cluster,
                  e.category},
                 out);
  }
}

// "2022-01-09" -> {2022, 1, 9}; missing parts are 1. A date that cannot exist ("2022-02-30",
// "0000-00-00") gives year 0: unknown.
void SplitDate(const std::string& v, int* y, int* m, int* d) {
  *y = 0, *m = 1, *d = 1;
  if (!core::IsValidIsoDate(v)) return;
  if (v.size() >= 4) *y = std::atoi(v.substr(0, 4).c_str());
  if (v.size() >= 7) *m = std::atoi(v.substr(5, 2).c_str());
  if (v.size() >= 10) *d = std::atoi(v.substr(8, 2).c_str());
}

// "2022-01-09T14:26:31Z" -> "20220109142631"
std::string CompactTimestamp(const std::string& iso) {
  std::string out;
  for (char c : iso)
    if (c >= '0' && c <= '9') out += c;
  return out.substr(0, 14);
}

bool IsUs(const Place& p) { return p.country == "US"; }

// GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
std::string GeoType(const Place& p) {
  if (p.precision == "country") return "1";
  if (p.precision == "admin1") return IsUs(p) ? "2" : "5";
  return IsUs(p) ? "3" : "4";
}

// The 8 *Geo_* columns of a place: Type, FullName, CountryCode (FIPS 10-4), ADM1Code (FIPS country +
// the admin-1 code), ADM2Code, Lat, Long, FeatureID (the FIPS code of a country, the ADM1Code of a
// region, the GeoNames id of a city: GDELT's GNS ids are not to be had offline).
std::vector<std::string> GeoColumns(const Place& p, const ExportTables& tables) {
  const CountryCodes& cc = tables.CountryByAlpha2(p.country);
  std::string full;
  auto add = [&](const std::string& part) {
    if (part.empty() || full.find(part) == 0) return;
    full += (full.empty() ? "" : ", ") + part;
  };
  if (p.precision != "country") add(p.name);
  if (p.precision == "city") add(p.admin1);
  add(cc.name.empty() ? p.country : cc.name);
  std::string adm1 = cc.fips;
  if (p.precision == "city" && !cc.fips.empty()) {
    std::string_view code = tables.Admin1CodeOf(p.geonameid);
    if (code.size() == 2 && std::isalnum(static_cast<unsigned char>(code[0])) &&
        std::isalnum(static_cast<unsigned char>(code[1])))
      adm1 += code;
  }
  std::string feature = p.precision == "city" ? (p.geonameid ? std::to_string(p.geonameid) : "") : adm1;
  return {GeoType(p), full, cc.fips, adm1, "", p.lat ? Num(*p.lat, 4) : "", p.lon ? Num(*p.lon, 4) : "", feature};
}

// An actor's place: the event's when the actor is of the event's country (or of none), else the
// actor's country as a whole (GDELT geocodes an actor by the place the text ties it to).
std::vector<std::string> ActorGeoColumns(const std::optional<Actor>& a, const std::optional<Location>& loc,
                                         const ExportTables& tables) {
  if (!a) return {"0", "", "", "", "", "", "", ""};
  if (loc && (a->country.empty() || a->country == loc->place.country)) return GeoColumns(loc->place, tables);
  if (a->country.empty()) return {"0", "", "", "", "", "", "", ""};
  const CountryCodes& cc = tables.CountryByAlpha2(a->country);
  Place p;
  p.country = a->country;
  p.name = cc.name;
  p.precision = "country";
  if (cc.lat || cc.lon) p.lat = cc.lat, p.lon = cc.lon;
  return GeoColumns(p, tables);
}

void WriteGdelt(const std::vector<StoredEvent>& events, const ExportTables& tables, std::string* out) {
  for (const StoredEvent& s : events) {
    const Event& e = s.event;
    int y, m, d;
    SplitDate(e.date.value, &y, &m, &d);
    if (y == 0) SplitDate(s.published, &y, &m, &d);
    char sqldate[16] = "", monthyear[8] = "", year[8] = "", fraction[16] = "";
    if (y != 0) {  // no date known: the date columns stay empty rather than 00000000
      std::snprintf(sqldate, sizeof sqldate, "%04d%02d%02d", y, m, d);
      std::snprintf(monthyear, sizeof monthyear, "%04d%02d", y, m);
      std::snprintf(year, sizeof year, "%04d", y);
      // FractionDate as GDELT computes it: months of 30 days over a 365-day year.
      std::snprintf(fraction, sizeof fraction, "%.4f", y + ((m - 1) * 30 + d) / 365.0);
    }
    std::vector<std::string> f = {std::to_string(s.id), sqldate, monthyear, year, fraction};
    for (const std::optional<Actor>* a : {&e.source, &e.target}) {
      if (*a && !(*a)->code.empty()) {
        std::string name = ActorName(*a);
        for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        ActorCodeParts parts = tables.ParseActorCode((*a)->code);
        if (parts.country.empty()) parts.country = tables.CountryByAlpha2((*a)->country).alpha3;
        if (parts.types.empty() && !(*a)->role.empty()) parts.types.push_back((*a)->role);
        parts.types.resize(3);
        f.insert(f.end(), {(*a)->code, name, parts.country, parts.known_group, "", "", "", parts.types[0],
                           parts.types[1], parts.types[2]});
      } else {
        f.insert(f.end(), 10, "");
      }
    }
    std::string base = e.cameo.substr(0, std::min<size_t>(3, e.cameo.size()));
    std::string root = !e.cameo_root.empty() ? e.cameo_root : e.cameo.substr(0, std::min<size_t>(2, e.cameo.size()));
    f.insert(f.end(), {s.in_lead ? "1" : "0", e.cameo, base, root, std::to_string(e.quad_class), Num(e.goldstein, 1),
                       std::to_string(s.num_mentions), std::to_string(s.num_sources), std::to_string(s.num_articles),
                       s.tone ? Num(*s.tone, 4) : "0"});
    for (auto&& cols : {ActorGeoColumns(e.source, e.location, tables), ActorGeoColumns(e.target, e.location, tables)})
      f.insert(f.end(), cols.begin(), cols.end());
    if (e.location) {
      auto cols = GeoColumns(e.location->place, tables);
      f.insert(f.end(), cols.begin(), cols.end());
    } else {
      f.insert(f.end(), {"0", "", "", "", "", "", "", ""});
    }
    f.push_back(CompactTimestamp(s.added_at));
    f.push_back(s.url);
    AppendTsvRow(f, out);
  }
}

void WriteAcled(const std::vector<StoredEvent>& events, const ExportTables& tables, std::string* out) {
  AppendCsvRow(AcledColumns(), out);
  for (const StoredEvent& s : events)
    if (auto row = AcledRow(s, tables)) AppendCsvRow(*row, out);
}

void WriteGeojson(const std::vector<StoredEvent>& events, std::string* out) {
  ojson fc = {{"type", "FeatureCollection"}, {"features", ojson::array()}};
  for (const StoredEvent& s : events) {
    const Event& e = s.event;
    if (!e.location || !e.location->place.lat || !e.location->place.lon) continue;
    ojson props = EventJson(s);
    props.erase("location");
    props["location_name"] = e.location->place.name;
    props["country"] = e.location->place.country;
    props["precision"] = e.location->place.precision;
    fc["features"].push_back(
        {{"type", "Feature"},
         {"id", s.id},
         {"geometry", {{"type", "Point"}, {"coordinates", {*e.location->place.lon, *e.location->place.lat}}}},
         {"properties", std::move(props)}});
  }
  *out += fc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  *out += "\n";
}

}  // namespace

Result<EventFormat> ParseEventFormat(std::string_view name) {
  if (name == "table" || name == "text") return EventFormat::kTable;
  if (name == "jsonl" || name == "json") return EventFormat::kJsonl;
  if (name == "csv") return EventFormat::kCsv;
  if (name == "gdelt") return EventFormat::kGdelt;
  if (name == "acled") return EventFormat::kAcled;
  if (name == "geojson") return EventFormat::kGeojson;
  return Status::InvalidInput(
      "--format", "unknown format '" + std::string(name) + "' (table, jsonl, csv, gdelt, acled or geojson)");
}

Status WriteEvents(const std::vector<StoredEvent>& events, EventFormat format, std::string* out) {
  switch (format) {
    case EventFormat::kTable:
      return WriteTable(events, out), Status::Ok();
    case EventFormat::kJsonl:
      for (const StoredEvent& s : events) {
        *out += EventJson(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        *out += '\n';
      }
      return Status::Ok();
    case EventFormat::kCsv:
      return WriteCsv(events, out), Status::Ok();
    case EventFormat::kGeojson:
      return WriteGeojson(events, out), Status::Ok();
    case EventFormat::kGdelt:
    case EventFormat::kAcled:
      break;
  }
  return Status::InvalidInput("--format", "gdelt and acled rows need the export's reference tables (EventExporter)");
}

Result<EventExporter> EventExporter::Create(ExportOptions options) {
  if (options.data_dir.empty()) options.data_dir = DataDir();
  if (options.npm_dir.empty()) options.npm_dir = NpmDir(options.data_dir);
  ExportSources sources{.data = DataFiles(options.data_dir),
                        .npm = DataFiles(options.npm_dir),
                        .iso_codes = DataFiles(options.iso_codes_dir)};
  std::optional<Lexicon> gazetteer;
  if (options.gazetteer) {
    EM_ASSIGN_OR_RETURN(Lexicon lexicon,
                        Lexicon::Load({.data_dir = options.data_dir, .compiled_path = options.lexicon_path}));
    gazetteer.emplace(std::move(lexicon));
    sources.gazetteer = &*gazetteer;
  }
  EM_ASSIGN_OR_RETURN(std::shared_ptr<const ExportTables> tables, ExportTables::Load(sources));
  return EventExporter(std::move(tables));
}

EventExporter::EventExporter(std::shared_ptr<const ExportTables> tables) : tables_(std::move(tables)) {}

void EventExporter::Write(const std::vector<StoredEvent>& events, EventFormat format, std::string* out) const {
  switch (format) {
    case EventFormat::kGdelt:
      return WriteGdelt(events, *tables_, out);
    case EventFormat::kAcled:
      return WriteAcled(events, *tables_, out);
    default:
      (void)WriteEvents(events, format, out);
  }
}

Result<ArticleFormat> ParseArticleFormat(std::string_view name) {
  if (name == "table" || name == "text") return ArticleFormat::kTable;
  if (name == "jsonl" || name == "json") return ArticleFormat::kJsonl;
  return Status::InvalidInput("--format", "unknown format '" + std::string(name) + "' (table or jsonl)");
}

void WriteArticles(const std::vector<StoredArticle>& articles, ArticleFormat format, std::string* out) {
  if (format == ArticleFormat::kJsonl) {
    for (const StoredArticle& a : articles) *out += a.json + "\n";
    return;
  }
  *out +=
      Fit("id", 17) + Fit("published", 11) + Fit("site", 18) + Fit("events", 7) + Fit("duplicate_of", 17) + "title\n";
  for (const StoredArticle& a : articles) {
    std::string line = Fit(a.id, 17) + Fit(a.published.substr(0, 10), 11) + Fit(a.site_name, 18) +
                       Fit(std::to_string(a.num_events), 7) + Fit(a.duplicate_of.empty() ? "-" : a.duplicate_of, 17) +
                       Fit(a.title.empty() ? a.source : a.title, 70);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    *out += line + "\n";
  }
  *out += "(" + std::to_string(articles.size()) + " articles)\n";
}

}  // namespace eventmill
