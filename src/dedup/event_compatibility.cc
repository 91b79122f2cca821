// The compatibility passes: each compares one kind of fact of two event mentions and says whether
// they contradict, agree, or cannot tell, with a reason line for --explain. JudgeMerge adds them up.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/cameo_code.h"
#include "dedup/dates.h"
#include "eventmill/dedup.h"
#include "text/word_lists.h"

namespace eventmill {
namespace {

using text::AsciiLower;

PassVerdict Verdict(Agreement a, std::string reason) { return {a, std::move(reason)}; }

// Letters and digits of `s`, ASCII lowercased (other UTF-8 bytes kept): a sentence without its
// punctuation, spacing and case.
std::string Letters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

// ---- dates

struct EffectiveDate {
  std::string value;      // as given ("2022-01-09", "2022-01", "2022"), "" when unknown
  std::string precision;  // day | month | year | ""
  std::string basis;      // explicit | relative | published
};

EffectiveDate DateOf(const EventMention& m) {
  const EventDate& d = m.event.date;
  EffectiveDate out;
  if (!d.value.empty()) {
    out.value = d.value.size() > 10 ? d.value.substr(0, 10) : d.value;
    out.precision = !d.precision.empty()     ? d.precision
                    : out.value.size() == 10 ? "day"
                    : out.value.size() == 7  ? "month"
                                             : "year";
    out.basis = d.basis.empty() ? "explicit" : d.basis;
  } else if (!m.published_day.empty()) {
    out = {m.published_day, "day", "published"};
  }
  return out;
}

std::string Describe(const EffectiveDate& d) {
  if (d.value.empty()) return "no date";
  return d.value + (d.basis == "explicit" ? "" : " (" + d.basis + ")");
}

// ---- places

int Level(const Place& p) {  // 3 town, 2 province, 1 country, 0 nothing
  if (p.precision == "country") return p.country.empty() ? 0 : 1;
  if (p.precision == "admin1") return 2;
  if (!p.name.empty() || p.geonameid) return 3;
  return p.country.empty() ? 0 : 1;
}

std::string Named(const Place& p) { return p.name.empty() ? p.country : p.name; }


bool SamePlace(const Place& a, const Place& b) {
  if (a.geonameid && b.geonameid) return a.geonameid == b.geonameid;
  return !a.name.empty() && AsciiLower(a.name) == AsciiLower(b.name);
}

// ---- actors

// Kinds of actor that reports of one event name interchangeably ("police" / "security forces",
// "protesters" / "residents"). CAMEO primary roles; a role outside every group is its own kind.
int RoleGroup(std::string_view role) {
  static const std::map<std::string_view, int> kGroups = {
      {"GOV", 1}, {"MIL", 1}, {"COP", 1}, {"SPY", 1}, {"JUD", 1}, {"LEG", 1},  // the state and its forces
      {"REB", 2}, {"INS", 2}, {"UAF", 2},                                      // armed groups
      {"CVL", 3}, {"PRO", 3}, {"OPP", 3}, {"PTY", 3}, {"LAB", 3}, {"EDU", 3},  // civilians, protesters, opposition
  };
  auto it = kGroups.find(role);
  return it == kGroups.end() ? 0 : it->second;
}

std::string ActorLabel(const std::optional<Actor>& a) {
  if (!a) return "?";
  if (!a->code.empty()) return a->code;
  if (!a->name.empty()) return a->name;
  return a->text.empty() ? "?" : a->text;
}

// One side: kAgrees same actor, kWeak the same at the precision both know, kUnknown one side
// unknown, kContradicts two different actors.
Agreement CompareActor(const std::optional<Actor>& a, const std::optional<Actor>& b) {
  if (!a || !b || a->empty() || b->empty()) return Agreement::kUnknown;
  if (!a->code.empty() && !b->code.empty()) {
    if (a->code == b->code) return Agreement::kAgrees;
    if (a->code.rfind(b->code, 0) == 0 || b->code.rfind(a->code, 0) == 0) return Agreement::kWeak;
  }
  if (!a->country.empty() && !b->country.empty() && a->country != b->country) return Agreement::kContradicts;
  if (!a->role.empty() && !b->role.empty()) {
    if (a->role == b->role) return a->country.empty() || b->country.empty() ? Agreement::kWeak : Agreement::kAgrees;
    int ga = RoleGroup(a->role), gb = RoleGroup(b->role);
    return ga && ga == gb ? Agreement::kWeak : Agreement::kContradicts;
  }
  if (!a->name.empty() && AsciiLower(a->name) == AsciiLower(b->name)) return Agreement::kAgrees;
  if (!a->code.empty() && !b->code.empty()) return Agreement::kContradicts;  // codes without a role: other actors
  return Agreement::kUnknown;
}

Agreement Combine(Agreement x, Agreement y) {
  if (x == Agreement::kContradicts || y == Agreement::kContradicts) return Agreement::kContradicts;
  if (x == Agreement::kAgrees && y == Agreement::kAgrees) return Agreement::kAgrees;
  if (x == Agreement::kUnknown && y == Agreement::kUnknown) return Agreement::kUnknown;
  // One side agrees and the other is unknown or weak: the actors are the same as far as known.
  return (x == Agreement::kAgrees || y == Agreement::kAgrees) ? Agreement::kAgrees : Agreement::kWeak;
}

// ---- event family

std::string RootOf(const Event& e) {
  if (!e.cameo_root.empty()) return e.cameo_root;
  return e.cameo.size() >= 2 ? e.cameo.substr(0, 2) : e.cameo;
}
bool Violent(const std::string& root) { return CameoCode(root).IsViolent(); }

// Whether every actor of the two events with a country has the same one (and at least one has).
bool OneCountry(const Event& x, const Event& y) {
  std::string country;
  for (const std::optional<Actor>* a : {&x.source, &x.target, &y.source, &y.target}) {
    if (!*a || (*a)->country.empty()) continue;
    if (!country.empty() && (*a)->country != country) return false;
    country = (*a)->country;
  }
  return !country.empty();
}
// Reciprocal events name their two sides in either order: consult, cooperate, fight, clash.
bool Reciprocal(const std::string& root) {
  return root == "03" || root == "04" || root == "05" || root == "06" || root == "19";
}

// ---- counts

struct Figure {
  double value = 0;
  std::string qualifier;
};
// Kinds that reports use for one figure: "37 detained" and "37 arrested" count the same people.
std::string KindOf(const std::string& kind) { return kind == "detained" ? "arrested" : kind; }

std::map<std::string, Figure> LargestByKind(const Event& e) {
  std::map<std::string, Figure> out;
  for (const Count& c : e.counts) {
    if (c.value <= 0 || c.kind.empty()) continue;
    Figure& f = out[KindOf(c.kind)];
    if (c.value > f.value) f = {c.value, c.qualifier};
  }
  return out;
}
bool LowerBound(const std::string& q) { return q == "at_least" || q == "more_than"; }
std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

int Points(Agreement a, int agree, int weak) {
  return a == Agreement::kStrong ? agree + 1 : a == Agreement::kAgrees ? agree : a == Agreement::kWeak ? weak : 0;
}

}  // namespace

std::string_view AgreementName(Agreement a) {
  switch (a) {
    case Agreement::kContradicts:
      return "contradicts";
    case Agreement::kUnknown:
      return "unknown";
    case Agreement::kWeak:
      return "weak";
    case Agreement::kAgrees:
      return "agrees";
    case Agreement::kStrong:
      return "agrees strongly";
  }
  return "unknown";
}

PassVerdict DateCompatibility(const EventMention& a, const EventMention& b, const DedupOptions& options) {
  EffectiveDate x = DateOf(a), y = DateOf(b);
  std::string both = Describe(x) + " vs " + Describe(y);
  if (x.value.empty() || y.value.empty())
    return Verdict(Agreement::kContradicts, "date: unknown, too vague to merge on (" + both + ")");
  if (x.precision == "year" || y.precision == "year")
    return Verdict(Agreement::kContradicts, "date: a year alone is too vague to merge on (" + both + ")");
  if (x.precision == "month" || y.precision == "month") {
    bool inside = x.value.substr(0, 7) == y.value.substr(0, 7);
    return Verdict(inside ? Agreement::kWeak : Agreement::kContradicts,
                   std::string("date: ") + (inside ? "within the same month" : "other months") + " (" + both + ")");
  }
  int64_t dx = DayNumber(x.value), dy = DayNumber(y.value);
  int64_t gap = std::llabs(dx - dy);
  if (gap == 0) {
    bool stated = x.basis != "published" || y.basis != "published";
    return Verdict(
        stated ? Agreement::kAgrees : Agreement::kWeak,
        std::string("date: same day") + (stated ? "" : " of publication, no date stated") + " (" + both + ")");
  }
  // A stated date (explicit, or relative resolved against the publication) is taken at its word;
  // the publication day stands in for an unstated one, which may be the day before or after.
  bool unstated = x.basis == "published" || y.basis == "published";
  if (unstated && gap <= options.relative_day_tolerance)
    return Verdict(Agreement::kWeak, "date: " + std::to_string(gap) +
                                         " day apart, within the tolerance of a date not stated (" + both + ")");
  return Verdict(Agreement::kContradicts, "date: " + std::to_string(gap) + " days apart (" + both + ")");
}

PassVerdict PlaceCompatibility(const EventMention& a, const EventMention& b, const DedupOptions& options) {
  const Place* p = a.event.location ? &a.event.location->place : nullptr;
  const Place* q = b.event.location ? &b.event.location->place : nullptr;
  int lp = p ? Level(*p) : 0, lq = q ? Level(*q) : 0;
  if (!lp || !lq) return Verdict(Agreement::kUnknown, "place: not stated on one side");
  std::string both = Named(*p) + " vs " + Named(*q);
  if (!p->country.empty() && !q->country.empty() && p->country != q->country)
    return Verdict(Agreement::kContradicts, "place: other countries (" + both + ")");
  if (lp == 1 || lq == 1)
    return Verdict(Agreement::kUnknown, "place: same country, no finer place on one side (" + both + ")");
  if (lp == 3 && lq == 3) {
    if (SamePlace(*p, *q)) return Verdict(Agreement::kAgrees, "place: same town (" + both + ")");
    if (p->lat && p->lon && q->lat && q->lon) {
      double km = KmBetween(*p->lat, *p->lon, *q->lat, *q->lon);
      if (km <= options.same_town_km)
        return Verdict(Agreement::kWeak, "place: " + Num(std::round(km)) + " km apart (" + both + ")");
      return Verdict(Agreement::kContradicts, "place: other towns " + Num(std::round(km)) + " km apart (" + both + ")");
    }
    return Verdict(Agreement::kContradicts, "place: other towns (" + both + ")");
  }
  if (lp == 2 && lq == 2) {
    bool same = SamePlace(*p, *q) || (!p->admin1.empty() && AsciiLower(p->admin1) == AsciiLower(q->admin1));
    return Verdict(same ? Agreement::kWeak : Agreement::kContradicts,
                   std::string("place: ") + (same ? "same province" : "other provinces") + " (" + both + ")");
  }
  // A town and a province: compatible when the town lies in it.
  const Place& town = lp == 3 ? *p : *q;
  const Place& province = lp == 3 ? *q : *p;
  if (town.admin1.empty())
    return Verdict(Agreement::kUnknown, "place: a town and a province, the town's province unknown (" + both + ")");
  std::string prov = AsciiLower(province.admin1.empty() ? province.name : province.admin1);
  if (AsciiLower(town.admin1) == prov || AsciiLower(town.admin1) == AsciiLower(province.name))
    return Verdict(Agreement::kWeak, "place: " + town.name + " lies in " + province.name);
  // The gazetteer names a town's province after the nearest province centre (lexicon_compiler), so
  // a town filed under another province may still lie in this one: the distance decides.
  std::string filed = "place: " + town.name + " is filed under " + town.admin1 + ", not " + province.name;
  if (town.lat && town.lon && province.lat && province.lon) {
    double km = KmBetween(*town.lat, *town.lon, *province.lat, *province.lon);
    if (km > options.province_km)
      return Verdict(Agreement::kContradicts, filed + ", and lies " + Num(std::round(km)) + " km from it");
    return Verdict(Agreement::kUnknown,
                   filed + ", but lies " + Num(std::round(km)) + " km from it: no evidence either way");
  }
  return Verdict(Agreement::kUnknown, filed + ": no evidence either way");
}

PassVerdict ActorCompatibility(const EventMention& a, const EventMention& b, const DedupOptions&) {
  const Event& x = a.event;
  const Event& y = b.event;
  std::string both =
      ActorLabel(x.source) + "/" + ActorLabel(x.target) + " vs " + ActorLabel(y.source) + "/" + ActorLabel(y.target);
  Agreement straight = Combine(CompareActor(x.source, y.source), CompareActor(x.target, y.target));
  if (straight == Agreement::kContradicts && Reciprocal(RootOf(x)) && Reciprocal(RootOf(y))) {
    Agreement swapped = Combine(CompareActor(x.source, y.target), CompareActor(x.target, y.source));
    if (swapped != Agreement::kContradicts)
      return Verdict(swapped, "actors: " + std::string(AgreementName(swapped)) + ", sides swapped (" + both + ")");
  }
  if (straight == Agreement::kContradicts && Violent(RootOf(x)) && Violent(RootOf(y)) && OneCountry(x, y))
    return Verdict(Agreement::kUnknown,
                   "actors: the sides of a fight told differently, all of one country (" + both + ")");
  const char* what = straight == Agreement::kAgrees        ? "same"
                     : straight == Agreement::kWeak        ? "compatible"
                     : straight == Agreement::kContradicts ? "other"
                                                           : "unknown on one side";
  return Verdict(straight, std::string("actors: ") + what + " (" + both + ")");
}

PassVerdict EventFamilyCompatibility(const EventMention& a, const EventMention& b, const DedupOptions&) {
  const Event& x = a.event;
  const Event& y = b.event;
  std::string both = (x.cameo.empty() ? "?" : x.cameo) + " vs " + (y.cameo.empty() ? "?" : y.cameo);
  if (x.quad_class && y.quad_class && x.quad_class != y.quad_class)
    return Verdict(Agreement::kContradicts, "family: other quad classes (" + both + ")");
  std::string rx = RootOf(x), ry = RootOf(y);
  if (rx.empty() || ry.empty()) return Verdict(Agreement::kUnknown, "family: not coded on one side (" + both + ")");
  if (rx == ry)
    return Verdict(x.cameo == y.cameo ? Agreement::kAgrees : Agreement::kWeak,
                   "family: same CAMEO root " + rx + " (" + both + ")");
  if (Violent(rx) && Violent(ry)) return Verdict(Agreement::kWeak, "family: both violent (" + both + ")");
  return Verdict(Agreement::kContradicts, "family: other CAMEO roots (" + both + ")");
}

PassVerdict ModalityCompatibility(const EventMention& a, const EventMention& b, const DedupOptions&) {
  auto happened = [](const std::string& m) { return m.empty() || m == "asserted" || m == "attempted"; };
  const std::string& x = a.event.modality;
  const std::string& y = b.event.modality;
  if (x == y || (happened(x) && happened(y)))
    return Verdict(Agreement::kAgrees, "modality: " + (x.empty() ? "asserted" : x));
  return Verdict(Agreement::kContradicts, "modality: " + x + " vs " + y);
}

PassVerdict CountCompatibility(const EventMention& a, const EventMention& b, const DedupOptions& options) {
  auto fa = LargestByKind(a.event), fb = LargestByKind(b.event);
  Agreement result = Agreement::kUnknown;
  int agreeing_kinds = 0;
  std::string reason;
  for (const auto& [kind, x] : fa) {
    auto it = fb.find(kind);
    if (it == fb.end()) continue;
    const Figure& y = it->second;
    std::string pair = kind + " " + Num(x.value) + " vs " + Num(y.value);
    const double hi = std::max(x.value, y.value), lo = std::min(x.value, y.value);
    Agreement here;
    if (hi - lo <= std::max(1.0, options.count_tolerance * hi)) {
      here = Agreement::kAgrees;
    } else if (kind == "participants") {
      // Crowd sizes are estimates that organisers, police and reporters give differently.
      if (hi > options.crowd_ratio * lo) {
        pair += ", crowd estimates too far apart to count either way";
        if (!reason.empty()) reason += ", ";
        reason += pair;
        continue;
      }
      here = Agreement::kWeak, pair += ", crowd estimates";
    } else if (LowerBound((x.value < y.value ? x : y).qualifier)) {
      here = Agreement::kWeak, pair += ", the smaller a lower bound";
    } else {
      // A toll that rises in a later report is the same event counted again.
      const EventMention& higher = x.value > y.value ? a : b;
      const EventMention& lower = x.value > y.value ? b : a;
      if (!higher.published_day.empty() && !lower.published_day.empty() && higher.published_day > lower.published_day) {
        here = Agreement::kWeak, pair += ", a toll risen in a later report";
      } else {
        return Verdict(Agreement::kContradicts, "counts: " + pair);
      }
    }
    if (!reason.empty()) reason += ", ";
    reason += pair;
    agreeing_kinds += here == Agreement::kAgrees;
    result = result == Agreement::kAgrees || here == Agreement::kAgrees ? Agreement::kAgrees : here;
  }
  if (result == Agreement::kUnknown)
    return Verdict(result, "counts: none of the same kind on both sides" + (reason.empty() ? "" : " (" + reason + ")"));
  // Two figures of other kinds that both agree (6 killed and 20 injured) are two facts, not one.
  if (agreeing_kinds >= 2) return Verdict(Agreement::kStrong, "counts: " + reason);
  return Verdict(result, "counts: " + reason);
}

PassVerdict StoryEvidence(const EventMention& a, const EventMention& b, const DedupOptions&) {
  if (a.story.empty() || a.story != b.story) return Verdict(Agreement::kUnknown, "text: other stories");
  if (Letters(a.evidence_text) == Letters(b.evidence_text) && !Letters(a.evidence_text).empty())
    return Verdict(Agreement::kAgrees, "text: the same sentence in copies of one story (" + a.story + ")");
  return Verdict(Agreement::kUnknown, "text: copies of one story (" + a.story + "), but the event's sentence differs");
}

bool ClearlyDistinct(const EventMention& a, const EventMention& b, const DedupOptions& options) {
  const EventDate& x = a.event.date;
  const EventDate& y = b.event.date;
  auto stated_day = [](const EventDate& d) {
    return d.value.size() >= 10 && (d.precision.empty() || d.precision == "day") && d.basis != "published";
  };
  if (stated_day(x) && stated_day(y) && x.value.compare(0, 10, y.value, 0, 10) != 0) return true;
  const Place* p = a.event.location ? &a.event.location->place : nullptr;
  const Place* q = b.event.location ? &b.event.location->place : nullptr;
  if (!p || !q || Level(*p) != 3 || Level(*q) != 3 || SamePlace(*p, *q)) return false;
  if (!p->country.empty() && !q->country.empty() && p->country != q->country) return true;
  if (!(p->lat && p->lon && q->lat && q->lon)) return true;  // two towns, no distance: other towns
  return KmBetween(*p->lat, *p->lon, *q->lat, *q->lon) > options.same_town_km;
}

MergeJudgement JudgeMerge(const EventMention& a, const EventMention& b, const DedupOptions& options) {
  // Each pass and what its agreement is worth (agrees, weak). Family and modality are gates:
  // agreeing on them says nothing about whether two reports tell one event. One town is worth
  // more than one province, a day or the actors: a day and the actors alone (2 + 2) do not make
  // one event out of two reports (the country's forces act every day); with the town, a count or
  // a copied text they do.
  struct Pass {
    PassVerdict (*judge)(const EventMention&, const EventMention&, const DedupOptions&);
    int agree, weak;
  };
  static constexpr Pass kPasses[] = {
      {EventFamilyCompatibility, 0, 0},
      {ModalityCompatibility, 0, 0},
      {DateCompatibility, 2, 1},
      {PlaceCompatibility, 3, 1},
      {ActorCompatibility, 2, 1},
      {CountCompatibility, 2, 1},
      {StoryEvidence, 3, 0},
  };
  MergeJudgement j;
  bool contradiction = false;
  for (const Pass& pass : kPasses) {
    PassVerdict v = pass.judge(a, b, options);
    contradiction = contradiction || v.agreement == Agreement::kContradicts;
    j.evidence += Points(v.agreement, pass.agree, pass.weak);
    j.verdicts.push_back(std::move(v));
    if (contradiction) break;  // the rest cannot change the answer
  }
  j.compatible = !contradiction && j.evidence >= options.min_evidence;
  return j;
}

std::string MergeJudgement::Explain() const {
  std::string out;
  for (const PassVerdict& v : verdicts) {
    if (!out.empty()) out += "; ";
    out += v.reason;
  }
  return out + "; evidence " + std::to_string(evidence);
}

}  // namespace eventmill
