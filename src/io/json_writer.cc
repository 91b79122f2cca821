// Writes a Document as the contract's JSON (docs/output-contract.md). Field names are the contract:
// add fields freely, rename none.
#include <cmath>
#include <cstdio>

#include "eventmill/json.h"
#include "text/utf8.h"

namespace eventmill {
namespace {

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}

  void BeginObject() { Sep(), out_->push_back('{'), first_ = true; }
  void EndObject() { out_->push_back('}'), first_ = false; }
  void BeginArray() { Sep(), out_->push_back('['), first_ = true; }
  void EndArray() { out_->push_back(']'), first_ = false; }
  void Key(std::string_view k) {
    Sep();
    AppendJsonString(k, out_);
    out_->push_back(':');
    first_ = true;  // the value follows without a comma
  }
  void String(std::string_view s) { Sep(), AppendJsonString(s, out_); }
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }
  void Null() { Sep(), out_->append("null"); }
  void Bool(bool b) { Sep(), out_->append(b ? "true" : "false"); }
  void Int(int64_t v) { Sep(), out_->append(std::to_string(v)); }
  void Double(double v) {
    Sep();
    if (!std::isfinite(v)) {
      out_->append("null");
      return;
    }
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
      out_->append(std::to_string(static_cast<int64_t>(v)));
      return;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    out_->append(buf);
  }
  void DoubleFixed(double v) {  // coordinates, Goldstein: keep decimals
    Sep();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5g", v);
    if (!std::isfinite(v)) std::snprintf(buf, sizeof buf, "null");
    out_->append(buf);
  }
  void Span(eventmill::Span s) {
    Sep();
    out_->push_back('[');
    out_->append(std::to_string(s.begin));
    out_->push_back(',');
    out_->append(std::to_string(s.end));
    out_->push_back(']');
  }
  void Strings(const std::vector<std::string>& v) {
    BeginArray();
    for (const auto& s : v) String(s);
    EndArray();
  }

 private:
  void Sep() {
    if (!first_) out_->push_back(',');
    first_ = false;
  }
  std::string* out_;
  bool first_ = true;
};

void WritePlaceFields(Writer& w, const Place& p) {
  w.Key("name"), w.String(p.name);
  w.Key("country"), w.StringOrNull(p.country);
  w.Key("admin1"), w.StringOrNull(p.admin1);
  w.Key("lat"), p.lat ? w.DoubleFixed(*p.lat) : w.Null();
  w.Key("lon"), p.lon ? w.DoubleFixed(*p.lon) : w.Null();
  w.Key("geonameid"), p.geonameid ? w.Int(p.geonameid) : w.Null();
  w.Key("precision"), w.StringOrNull(p.precision);
}

void WriteActor(Writer& w, const std::optional<Actor>& a) {
  if (!a) return w.Null();
  w.BeginObject();
  w.Key("text"), w.String(a->text);
  // An actor the text only implies ("arrested" in a story naming no police) has no words: like
  // an inferred location, no span.
  w.Key("span"), a->text.empty() && a->span.empty() ? w.Null() : w.Span(a->span);
  w.Key("code"), w.String(a->code);
  w.Key("country"), w.StringOrNull(a->country);
  w.Key("role"), w.StringOrNull(a->role);
  w.Key("name"), w.StringOrNull(a->name);
  w.EndObject();
}

void WriteCount(Writer& w, const Count& c) {
  w.BeginObject();
  w.Key("kind"), w.String(c.kind);
  w.Key("value"), w.Double(c.value);
  w.Key("qualifier"), w.String(c.qualifier.empty() ? "exact" : c.qualifier);
  w.Key("who"), w.StringOrNull(c.who);
  w.Key("text"), w.String(c.text);
  w.Key("span"), w.Span(c.span);
  w.EndObject();
}

void WriteEvent(Writer& w, const Document& doc, const Event& e, const JsonOptions& options) {
  w.BeginObject();
  w.Key("id"), w.String(e.id);
  w.Key("cameo"), w.String(e.cameo);
  w.Key("cameo_root"), w.String(e.cameo_root);
  w.Key("quad_class"), w.Int(e.quad_class);
  w.Key("goldstein"), w.DoubleFixed(e.goldstein);
  w.Key("plover"), w.StringOrNull(e.plover);
  w.Key("plover_mode"), w.StringOrNull(e.plover_mode);
  w.Key("acled");
  if (e.acled_event_type.empty()) {
    w.Null();
  } else {
    w.BeginObject();
    w.Key("event_type"), w.String(e.acled_event_type);
    w.Key("sub_event_type"), w.StringOrNull(e.acled_sub_event_type);
    w.EndObject();
  }
  if (!e.category.empty()) w.Key("category"), w.String(e.category);
  w.Key("source"), WriteActor(w, e.source);
  w.Key("target"), WriteActor(w, e.target);
  w.Key("location");
  if (!e.location) {
    w.Null();
  } else {
    w.BeginObject();
    WritePlaceFields(w, e.location->place);
    w.Key("span"), e.location->span.empty() ? w.Null() : w.Span(e.location->span);
    w.EndObject();
  }
  w.Key("date");
  if (e.date.value.empty()) {
    w.Null();
  } else {
    w.BeginObject();
    w.Key("value"), w.String(e.date.value);
    w.Key("precision"), w.String(e.date.precision);
    w.Key("basis"), w.String(e.date.basis);
    w.EndObject();
  }
  w.Key("counts"), w.BeginArray();
  for (const auto& c : e.counts) WriteCount(w, c);
  w.EndArray();
  w.Key("modality"), w.String(e.modality);
  w.Key("evidence"), w.BeginObject();
  w.Key("span"), w.Span(e.evidence);
  w.Key("sentence"), w.String(doc[e.evidence]);
  w.EndObject();
  w.Key("confidence"), w.DoubleFixed(e.confidence);
  if (options.explain) {
    w.Key("pattern"), w.String(e.pattern);
    w.Key("explain"), w.Strings(e.explain);
  }
  w.EndObject();
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t before = i;
      uint32_t cp = text::DecodeUtf8(s, &i);
      if (cp == text::kReplacementChar && i - before != 3) {
        out->append("\xEF\xBF\xBD");
      } else {
        out->append(s.substr(before, i - before));
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void AppendDocumentJson(const Document& doc, std::string* out, const JsonOptions& options) {
  Writer w(out);
  w.BeginObject();
  w.Key("id"), w.String(doc.id);
  w.Key("source"), w.String(doc.source);
  if (!doc.input_id.empty()) w.Key("input_id"), w.String(doc.input_id);
  w.Key("url"), w.StringOrNull(doc.url);
  w.Key("canonical_url"), w.StringOrNull(doc.canonical_url);
  w.Key("title"), w.String(doc.title);
  w.Key("published"), doc.published ? w.String(*doc.published) : w.Null();
  w.Key("published_precision"), w.StringOrNull(doc.published_precision);
  w.Key("published_source"), w.StringOrNull(doc.published_source);
  if (!doc.published_month.empty()) w.Key("published_month"), w.String(doc.published_month);
  w.Key("language"), w.StringOrNull(doc.language);
  w.Key("site_name"), w.StringOrNull(doc.site_name);
  w.Key("authors"), w.Strings(doc.authors);
  w.Key("attributed_sources"), w.Strings(doc.attributed_sources);
  w.Key("text"), w.String(doc.text);
  if (options.explain && !doc.extract_explain.empty()) w.Key("extract_explain"), w.Strings(doc.extract_explain);

  w.Key("entities"), w.BeginArray();
  for (const auto& e : doc.entities) {
    w.BeginObject();
    w.Key("type"), w.String(EntityTypeName(e.type));
    w.Key("text"), w.String(e.text);
    w.Key("span"), w.Span(e.span);
    w.Key("canonical"), w.String(e.canonical.empty() ? e.text : e.canonical);
    if (!e.role.empty()) w.Key("role"), w.String(e.role);
    if (!e.kind.empty()) w.Key("kind"), w.String(e.kind);
    if (e.actor) w.Key("actor"), WriteActor(w, e.actor);
    if (e.place) {
      w.Key("place"), w.BeginObject();
      WritePlaceFields(w, *e.place);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();

  w.Key("quotes"), w.BeginArray();
  for (const auto& q : doc.quotes) {
    w.BeginObject();
    w.Key("text"), w.String(q.text);
    w.Key("span"), w.Span(q.span);
    w.Key("speaker"), w.StringOrNull(q.speaker);
    w.Key("speaker_role"), w.StringOrNull(q.speaker_role);
    w.Key("speaker_actor"), WriteActor(w, q.speaker_actor);
    w.EndObject();
  }
  w.EndArray();

  w.Key("counts"), w.BeginArray();
  for (const auto& c : doc.counts) WriteCount(w, c);
  w.EndArray();

  w.Key("events"), w.BeginArray();
  for (const auto& e : doc.events) WriteEvent(w, doc, e, options);
  w.EndArray();

  w.Key("duplicate_of"), doc.duplicate_of ? w.String(*doc.duplicate_of) : w.Null();
  if (!doc.diagnostics.empty()) {
    w.Key("diagnostics"), w.BeginArray();
    for (const auto& d : doc.diagnostics) w.String(d.stage + ": " + d.message);
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace eventmill
