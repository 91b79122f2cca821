#include "eventmill/validation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include "eventmill/analyze.h"
#include "eventmill/syntax.h"

namespace eventmill::code {
namespace {

std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::vector<std::string> SplitBars(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string part;
  while (std::getline(in, part, '|')) out.push_back(Trim(part));
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Every occurrence of `mention` in `text`, as spans.
std::vector<Span> Occurrences(const std::string& text, const std::string& mention) {
  std::vector<Span> out;
  if (mention.empty()) return out;
  for (size_t at = text.find(mention); at != std::string::npos; at = text.find(mention, at + mention.size())) {
    out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())});
  }
  return out;
}

std::string FormatValue(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

std::string DescribeEvent(const Event& e) {
  std::string s = e.cameo + " src=" + (e.source ? e.source->code : "-") + " tgt=" + (e.target ? e.target->code : "-") +
                  " at=" + (e.location ? e.location->place.name : "-") + " mod=" + e.modality;
  if (!e.date.value.empty()) s += " date=" + e.date.value;
  for (const auto& c : e.counts) s += " count=" + c.kind + ":" + FormatValue(c.value);
  if (!e.acled_sub_event_type.empty()) s += " acled=" + e.acled_sub_event_type;
  if (!e.category.empty()) s += " category=" + e.category;
  return s;
}

Result<std::vector<ValidationRecord>> ParseValidationRecords(std::string_view text, std::string_view name) {
  std::vector<ValidationRecord> records;
  std::istringstream in{std::string(text)};
  std::string line;
  int lineno = 0;
  auto fail = [&](const std::string& what) {
    return Status::InvalidInput(std::string(name) + ":" + std::to_string(lineno), what);
  };
  // Hand-given mentions are resolved against the text when the record ends.
  struct Pending {
    std::string kind;
    std::vector<std::string> parts;
    int line;
  };
  std::vector<Pending> pending;
  auto finish = [&]() -> Status {
    if (records.empty()) return Status::Ok();
    ValidationRecord& r = records.back();
    if (r.text.empty()) return Status::InvalidInput(r.where, "record has no 'text:' line");
    for (const auto& p : pending) {
      std::string where = std::string(name) + ":" + std::to_string(p.line);
      std::vector<Span> spans = Occurrences(r.text, p.parts[0]);
      if (spans.empty()) return Status::InvalidInput(where, "'" + p.parts[0] + "' does not occur in the text");
      for (Span sp : spans) {
        if (p.kind == "actor" || p.kind == "place" || p.kind == "country") {
          Entity e;
          e.span = sp;
          e.text = p.parts[0];
          e.canonical = p.parts[0];
          if (p.kind == "actor") {
            // actor: MENTION | CODE | CC [| TYPE]
            Actor a;
            a.text = e.text;
            a.span = sp;
            a.code = p.parts[1];
            a.country = p.parts.size() > 2 && p.parts[2] != "-" ? p.parts[2] : "";
            a.role = a.code.size() >= 6 ? a.code.substr(3, 3) : "";
            a.name = e.text;
            std::string type = p.parts.size() > 3 ? p.parts[3] : (a.role == "IGO" ? "ORG" : "GROUP");
            e.type = type == "PERSON" ? EntityType::kPerson : type == "ORG" ? EntityType::kOrg : EntityType::kGroup;
            // CODE "-": a private person the dictionaries do not know (the coder gives the role).
            if (a.code != "-") e.actor = a;
          } else if (p.kind == "place") {
            // place: MENTION | NAME | CC | precision [| lat | lon]
            Place pl;
            pl.name = p.parts[1];
            pl.country = p.parts[2];
            pl.precision = p.parts.size() > 3 ? p.parts[3] : "city";
            if (p.parts.size() > 5) {
              pl.lat = std::atof(p.parts[4].c_str());
              pl.lon = std::atof(p.parts[5].c_str());
            }
            e.type = EntityType::kPlace;
            e.place = pl;
          } else {
            // country: MENTION | CC | ALPHA3
            Place pl;
            pl.name = p.parts[0];
            pl.country = p.parts[1];
            pl.precision = "country";
            e.type = EntityType::kCountry;
            e.place = pl;
            Actor a;
            a.text = e.text;
            a.span = sp;
            a.code = p.parts.size() > 2 ? p.parts[2] : p.parts[1];
            a.country = p.parts[1];
            a.name = p.parts[0];
            e.actor = a;
          }
          r.entities.push_back(std::move(e));
        } else if (p.kind == "count") {
          // count: MENTION | kind value [qualifier]
          std::istringstream f(p.parts[1]);
          Count c;
          f >> c.kind >> c.value >> c.qualifier;
          if (c.kind.empty()) return Status::InvalidInput(where, "want 'count: MENTION | kind value [qualifier]'");
          if (c.qualifier.empty()) c.qualifier = "exact";
          c.text = p.parts[0];
          c.span = sp;
          r.counts.push_back(c);
          break;  // a figure is one count, even if its words recur
        } else if (p.kind == "date") {
          DateMention d;
          d.span = sp;
          d.date.value = p.parts[1];
          d.date.precision = p.parts[1].size() == 10 ? "day" : p.parts[1].size() == 7 ? "month" : "year";
          d.date.basis = "explicit";
          r.dates.push_back(d);
        }
      }
    }
    std::sort(r.entities.begin(), r.entities.end(), [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
    pending.clear();
    return Status::Ok();
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (t.rfind("==", 0) == 0) {
      EM_RETURN_IF_ERROR(finish());
      ValidationRecord r;
      r.title = Trim(t.substr(2));
      r.where = std::string(name) + ":" + std::to_string(lineno);
      records.push_back(std::move(r));
      continue;
    }
    if (records.empty()) return fail("a record starts with '== title'");
    ValidationRecord& r = records.back();
    size_t colon = t.find(':');
    if (colon == std::string::npos) return fail("want 'key: value', got '" + t + "'");
    std::string key = Lower(Trim(t.substr(0, colon))), value = Trim(t.substr(colon + 1));
    if (key == "text") {
      r.text += (r.text.empty() ? "" : "\n\n") + value;
    } else if (key == "published") {
      r.published = value;
    } else if (key == "headline") {
      r.headline = value;
    } else if (key == "actor" || key == "place" || key == "country" || key == "count" || key == "date") {
      std::vector<std::string> parts = SplitBars(value);
      size_t need = key == "place" ? 3 : 2;
      if (parts.size() < need) return fail("'" + key + ":' wants " + std::to_string(need) + " '|'-separated fields");
      pending.push_back({key, parts, lineno});
      if (key == "count") r.hand_counts = true;
      else if (key == "date") r.hand_dates = true;
      else r.hand_entities = true;
    } else if (key == "event") {
      ExpectedEvent e;
      e.line = value;
      std::istringstream f(value);
      std::string tok;
      if (!(f >> tok) || !std::all_of(tok.begin(), tok.end(), ::isdigit)) return fail("'event:' starts with a CAMEO code");
      e.fields["cameo"] = tok;
      while (f >> tok) {
        size_t eq = tok.find('=');
        if (eq == std::string::npos) return fail("event field '" + tok + "' wants key=value");
        std::string k = tok.substr(0, eq), v = tok.substr(eq + 1);
        static const char* kKeys[] = {"source", "target", "location", "modality", "date", "count", "acled", "category"};
        if (std::none_of(std::begin(kKeys), std::end(kKeys), [&](const char* x) { return k == x; })) {
          return fail("unknown event field '" + k + "'");
        }
        // Place names may hold spaces: written with '_' ("location=San_Pedro").
        std::replace(v.begin(), v.end(), '_', ' ');
        if (k == "count" && e.fields.count("count")) {
          e.fields["count"] += "," + v;
        } else {
          e.fields[k] = v;
        }
      }
      r.expected.push_back(std::move(e));
    } else if (key == "events") {
      if (value != "none") return fail("'events:' takes only 'none'");
    } else if (key == "others") {
      if (value != "allowed") return fail("'others:' takes only 'allowed'");
      r.others_allowed = true;
    } else {
      return fail("unknown key '" + key + "'");
    }
  }
  EM_RETURN_IF_ERROR(finish());
  return records;
}

struct ValidationRunner::Impl {
  std::unique_ptr<Parser> parser;  // every sentence parsed, as the pipeline does
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<Coder> coder;
};

ValidationRunner::ValidationRunner(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ValidationRunner::~ValidationRunner() = default;
ValidationRunner::ValidationRunner(ValidationRunner&&) noexcept = default;
ValidationRunner& ValidationRunner::operator=(ValidationRunner&&) noexcept = default;

Result<ValidationRunner> ValidationRunner::Create(const Lexicon& lexicon, CodeOptions options) {
  auto impl = std::make_unique<Impl>();
  EM_ASSIGN_OR_RETURN(Parser parser, Parser::Load({.data_dir = options.data_dir, .model_path = {}, .scope = ParseScope::kAll}));
  impl->parser = std::make_unique<Parser>(std::move(parser));
  EM_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create(lexicon, {.data_dir = options.data_dir}));
  impl->analyzer = std::make_unique<Analyzer>(std::move(analyzer));
  EM_ASSIGN_OR_RETURN(Coder coder, Coder::Create(lexicon, options));
  impl->coder = std::make_unique<Coder>(std::move(coder));
  return ValidationRunner(std::move(impl));
}

Result<Document> ValidationRunner::Code(const ValidationRecord& r) const {
  Document doc;
  doc.source = r.where;
  doc.text = r.text;
  doc.plain_text_input = true;
  doc.language = "en";
  doc.published = r.published;
  doc.title = r.headline;
  EM_RETURN_IF_ERROR(impl_->parser->Parse(doc));
  EM_RETURN_IF_ERROR(impl_->analyzer->Analyze(doc));
  if (r.hand_entities) doc.entities = r.entities;
  if (r.hand_counts) doc.counts = r.counts;
  if (r.hand_dates) doc.dates = r.dates;
  EM_RETURN_IF_ERROR(impl_->coder->Code(doc));
  return doc;
}

namespace {

bool ActorMatches(const std::string& want, const std::optional<Actor>& got) {
  if (want == "-") return !got;
  if (!got) return false;
  return got->code.compare(0, want.size(), want) == 0;
}

bool FieldsMatch(const ExpectedEvent& x, const Event& e, std::string* why) {
  for (const auto& [k, v] : x.fields) {
    bool ok = true;
    if (k == "cameo") {
      ok = e.cameo.compare(0, v.size(), v) == 0;
    } else if (k == "source") {
      ok = ActorMatches(v, e.source);
    } else if (k == "target") {
      ok = ActorMatches(v, e.target);
    } else if (k == "location") {
      ok = v == "-" ? !e.location : e.location && Lower(e.location->place.name) == Lower(v);
    } else if (k == "modality") {
      ok = e.modality == v;
    } else if (k == "acled") {
      ok = v == "-" ? e.acled_event_type.empty() : Lower(e.acled_sub_event_type) == Lower(v);
    } else if (k == "category") {
      std::string cat = e.category;
      std::replace(cat.begin(), cat.end(), '_', ' ');  // written with '_' like every field value
      ok = v == "-" ? e.category.empty() : cat == v;
    } else if (k == "date") {
      ok = e.date.value == v;
    } else if (k == "count") {
      std::istringstream list(v);
      std::string item;
      while (ok && std::getline(list, item, ',')) {
        size_t colon = item.find(':');
        std::string kind = item.substr(0, colon);
        double value = colon == std::string::npos ? -1 : std::atof(item.c_str() + colon + 1);
        ok = std::any_of(e.counts.begin(), e.counts.end(), [&](const Count& c) {
          return c.kind == kind && (value < 0 || std::fabs(c.value - value) < 1e-9);
        });
      }
    }
    if (!ok) {
      *why = k + "=" + v;
      return false;
    }
  }
  return true;
}

}  // namespace

RecordResult ValidationRunner::Run(const ValidationRecord& r) const {
  RecordResult out;
  Result<Document> doc = Code(r);
  if (!doc.ok()) {
    out.problems.push_back(doc.status().message());
    return out;
  }
  for (const auto& e : doc->events) out.coded.push_back(DescribeEvent(e));
  std::vector<bool> used(doc->events.size(), false);
  for (const auto& x : r.expected) {
    std::string closest;
    bool found = false;
    for (size_t i = 0; i < doc->events.size() && !found; ++i) {
      if (used[i]) continue;
      std::string why;
      if (FieldsMatch(x, doc->events[i], &why)) {
        used[i] = found = true;
      } else if (closest.empty() && doc->events[i].cameo.compare(0, 2, x.fields.at("cameo"), 0, 2) == 0) {
        closest = why;
      }
    }
    if (!found) {
      out.problems.push_back("missing event: " + x.line + (closest.empty() ? "" : " (closest differs in " + closest + ")"));
    }
  }
  if (!r.others_allowed) {
    for (size_t i = 0; i < doc->events.size(); ++i) {
      if (!used[i]) out.problems.push_back("unexpected event: " + DescribeEvent(doc->events[i]));
    }
  }
  out.pass = out.problems.empty();
  return out;
}

}  // namespace eventmill::code
