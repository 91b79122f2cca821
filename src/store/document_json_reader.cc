// Reads a Document back from the output contract's JSON (docs/output-contract.md), the inverse of
// AppendDocumentJson: lets `eventmill ingest --documents` store what `eventmill code --format json`
// printed elsewhere (another machine, a Spark `pipe`, GNU parallel).
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include "eventmill/civil_date.h"

#include "eventmill/store.h"

namespace eventmill {
namespace {

using json = nlohmann::json;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  return it->dump();
}

std::vector<std::string> Strings(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& s : *it)
    if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

const json& Array(const json& j, const char* key) {
  static const json kEmpty = json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

// Reads the parts of a document, checking each value against what it may be (spans inside the
// text, latitudes and longitudes on the globe, counts within kMaxCountValue, real dates): the
// first value out of bounds is remembered, and the document is refused with it.
class Reader {
 public:
  explicit Reader(size_t text_size) : text_size_(text_size) {}
  const std::string& error() const { return error_; }

  void Fail(const std::string& what) {
    if (error_.empty()) error_ = what;
  }

  double Dbl(const json& j, const char* key, double lo, double hi, double fallback = 0) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_number()) {
      Fail(std::string("\"") + key + "\" is not a number");
      return fallback;
    }
    double v = it->get<double>();
    if (!(v >= lo && v <= hi)) {
      Fail(std::string("\"") + key + "\" " + it->dump() + " is out of range [" + Num(lo) + ", " + Num(hi) + "]");
      return fallback;
    }
    return v;
  }

  std::optional<double> OptDbl(const json& j, const char* key, double lo, double hi) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    double v = Dbl(j, key, lo, hi, std::nan(""));
    if (std::isnan(v)) return std::nullopt;
    return v;
  }

  Span SpanOf(const json& j, const char* key = "span") {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    const json& a = *it;
    if (!a.is_array() || a.size() != 2 || !a[0].is_number_integer() || !a[1].is_number_integer()) {
      Fail(std::string("\"") + key + "\" is not [begin, end]");
      return {};
    }
    const int64_t b = a[0].get<int64_t>(), e = a[1].get<int64_t>();
    if (b < 0 || e < b || static_cast<uint64_t>(e) > text_size_) {
      Fail(std::string("\"") + key + "\" " + a.dump() + " is not inside the text (" + std::to_string(text_size_) +
           " bytes)");
      return {};
    }
    return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  }

  Place PlaceOf(const json& j) {
    Place p;
    p.name = Str(j, "name");
    p.country = Str(j, "country");
    p.admin1 = Str(j, "admin1");
    p.lat = OptDbl(j, "lat", -90, 90);
    p.lon = OptDbl(j, "lon", -180, 180);
    if (auto it = j.find("geonameid"); it != j.end() && it->is_number_integer()) p.geonameid = it->get<int64_t>();
    p.precision = Str(j, "precision");
    return p;
  }

  std::optional<Actor> ActorOf(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_object()) return std::nullopt;
    Actor a;
    a.text = Str(*it, "text");
    a.span = SpanOf(*it);
    a.code = Str(*it, "code");
    a.country = Str(*it, "country");
    a.role = Str(*it, "role");
    a.name = Str(*it, "name");
    return a;
  }

  Count CountOf(const json& j) {
    Count c;
    c.kind = Str(j, "kind");
    c.value = Dbl(j, "value", 0, kMaxCountValue);
    c.qualifier = Str(j, "qualifier");
    c.who = Str(j, "who");
    c.text = Str(j, "text");
    c.span = SpanOf(j);
    return c;
  }

  std::string Date(const json& j, const char* key) {
    std::string d = Str(j, key);
    if (!d.empty() && !core::IsValidIsoDate(d)) {
      Fail(std::string("\"") + key + "\" '" + d.substr(0, 40) + "' is not a real date");
      return {};
    }
    return d;
  }

 private:
  static std::string Num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }

  size_t text_size_;
  std::string error_;
};

}  // namespace

Result<Document> ParseDocumentJson(std::string_view text, std::string_view where) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidInput(where, "not a JSON document object");
  if (!j.contains("text") || !j["text"].is_string())
    return Status::InvalidInput(where, "document has no \"text\" (is this `eventmill code --format json` output?)");
  Document doc;
  doc.text = j["text"].get<std::string>();
  Reader r(doc.text.size());
  doc.id = Str(j, "id");
  doc.source = Str(j, "source");
  doc.input_id = Str(j, "input_id");
  doc.url = Str(j, "url");
  doc.canonical_url = Str(j, "canonical_url");
  doc.title = Str(j, "title");
  if (std::string p = r.Date(j, "published"); !p.empty()) doc.published = p;
  doc.language = Str(j, "language");
  doc.site_name = Str(j, "site_name");
  doc.authors = Strings(j, "authors");
  doc.attributed_sources = Strings(j, "attributed_sources");
  for (size_t b = 0; b <= doc.text.size();) {  // paragraphs: separated by a blank line
    size_t e = doc.text.find("\n\n", b);
    if (e == std::string::npos) e = doc.text.size();
    if (e > b) doc.paragraphs.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    b = e + 2;
  }
  for (const auto& e : Array(j, "entities")) {
    if (!e.is_object()) continue;
    Entity ent;
    std::string type = Str(e, "type");
    ent.type = type == "PERSON" ? EntityType::kPerson : type == "PLACE" ? EntityType::kPlace
             : type == "COUNTRY" ? EntityType::kCountry : type == "GROUP" ? EntityType::kGroup : EntityType::kOrg;
    ent.text = Str(e, "text");
    ent.span = r.SpanOf(e);
    ent.canonical = Str(e, "canonical");
    ent.role = Str(e, "role");
    ent.kind = Str(e, "kind");
    ent.actor = r.ActorOf(e, "actor");
    if (auto it = e.find("place"); it != e.end() && it->is_object()) ent.place = r.PlaceOf(*it);
    doc.entities.push_back(std::move(ent));
  }
  for (const auto& q : Array(j, "quotes")) {
    if (!q.is_object()) continue;
    Quote quote;
    quote.text = Str(q, "text");
    quote.span = r.SpanOf(q);
    quote.speaker = Str(q, "speaker");
    quote.speaker_role = Str(q, "speaker_role");
    quote.speaker_actor = r.ActorOf(q, "speaker_actor");
    doc.quotes.push_back(std::move(quote));
  }
  for (const auto& c : Array(j, "counts"))
    if (c.is_object()) doc.counts.push_back(r.CountOf(c));
  for (const auto& e : Array(j, "events")) {
    if (!e.is_object()) continue;
    Event ev;
    ev.id = Str(e, "id");
    ev.cameo = Str(e, "cameo");
    ev.cameo_root = Str(e, "cameo_root");
    if (ev.cameo_root.empty() && ev.cameo.size() >= 2) ev.cameo_root = ev.cameo.substr(0, 2);
    ev.quad_class = static_cast<int>(r.Dbl(e, "quad_class", 0, 4));
    ev.goldstein = r.Dbl(e, "goldstein", -10, 10);
    ev.plover = Str(e, "plover");
    ev.plover_mode = Str(e, "plover_mode");
    if (auto it = e.find("acled"); it != e.end() && it->is_object()) {
      ev.acled_event_type = Str(*it, "event_type");
      ev.acled_sub_event_type = Str(*it, "sub_event_type");
    }
    ev.category = Str(e, "category");
    ev.source = r.ActorOf(e, "source");
    ev.target = r.ActorOf(e, "target");
    if (auto it = e.find("location"); it != e.end() && it->is_object()) ev.location = Location{r.PlaceOf(*it), r.SpanOf(*it)};
    if (auto it = e.find("date"); it != e.end() && it->is_object()) {
      ev.date = {r.Date(*it, "value"), Str(*it, "precision"), Str(*it, "basis")};
    }
    for (const auto& c : Array(e, "counts"))
      if (c.is_object()) ev.counts.push_back(r.CountOf(c));
    if (std::string m = Str(e, "modality"); !m.empty()) ev.modality = m;
    if (auto it = e.find("evidence"); it != e.end() && it->is_object()) ev.evidence = r.SpanOf(*it);
    ev.confidence = r.Dbl(e, "confidence", 0, 1);
    doc.events.push_back(std::move(ev));
  }
  if (std::string d = Str(j, "duplicate_of"); !d.empty()) doc.duplicate_of = d;
  if (!r.error().empty()) return Status::InvalidInput(where, r.error());
  if (doc.id.empty()) doc.id = DocumentId(doc);
  return doc;
}

}  // namespace eventmill
