#include "store/export/acled_row.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "eventmill/civil_date.h"
#include "store/export/decimal_text.h"

namespace eventmill {
namespace {

// ACLED's order of source scales when a row joins several ("National-International").
constexpr const char* kScaleOrder[] = {"Local partner", "Other",    "New media",    "Subnational",
                                       "National",      "Regional", "International"};


int64_t EpochOf(const std::string& iso) {
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) < 3) return 0;
  std::tm tm{};
  tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d, tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = s;
  return static_cast<int64_t>(timegm(&tm));
}

std::string DisorderType(const Event& e) {
  const std::string& t = e.acled_event_type;
  if (t == "Battles" || t == "Explosions/Remote violence" || t == "Violence against civilians")
    return "Political violence";
  // Mob violence is political violence in ACLED's disorder types; other riots and protests are
  // demonstrations.
  if (t == "Riots" && e.acled_sub_event_type == "Mob violence") return "Political violence";
  if (t == "Protests" || t == "Riots") return "Demonstrations";
  if (t == "Strategic developments") return "Strategic developments";
  return "";
}

// The event's date as ACLED writes it (YYYY-MM-DD; the first of the month when only the month is
// known), its year and time precision (1 day, 2 week, 3 month or less). The publication date
// stands in for an event with no date of its own, at precision 3 (the day is not the event's).
struct AcledDate {
  std::string date, year, precision;
};
AcledDate DateOf(const StoredEvent& s) {
  const Event& e = s.event;
  std::string v = core::IsValidIsoDate(e.date.value) ? e.date.value : s.published.substr(0, 10);
  if (!core::IsValidIsoDate(v) || v.size() < 4) return {};
  std::string date =
      v.substr(0, 4) + "-" + (v.size() >= 7 ? v.substr(5, 2) : "01") + "-" + (v.size() >= 10 ? v.substr(8, 2) : "01");
  bool day = v.size() >= 10 && e.date.precision == "day";
  return {date, v.substr(0, 4), day ? "1" : e.date.precision == "week" ? "2" : "3"};
}

// ACLED's tags for a demonstration: the crowd size, as reported.
std::string CrowdSizeTag(const Event& e) {
  if (e.acled_event_type != "Protests" && e.acled_event_type != "Riots") return "";
  for (const Count& c : e.counts) {
    if (c.kind != "participants") continue;
    std::string q = c.qualifier == "approx" || c.qualifier == "about" ? "around "
                    : c.qualifier == "more_than"                      ? "more than "
                    : c.qualifier == "at_least"                       ? "at least "
                    : c.qualifier == "less_than"                      ? "less than "
                                                                      : "";
    return "crowd size=" + q + DecimalText(c.value, 0);
  }
  return "crowd size=no report";
}

// Builds the two actors of a row by ACLED's conventions.
class AcledActorNamer {
 public:
  AcledActorNamer(const Event& e, const ExportTables& tables, const CountryCodes& event_country)
      : e_(e), t_(tables), event_country_(event_country) {}

  // Actor 1 and actor 2: the event's source and target named as ACLED names their type; the
  // actors a coder records when the report names none; inter codes; state forces outside their
  // own country are external forces (8).
  std::pair<AcledActor, AcledActor> Actors() const {
    const DefaultActors defaults = Defaults();
    AcledActor a1 = Named(e_.source, /*demonstrators=*/true), a2 = Named(e_.target, /*demonstrators=*/false);
    const int crowd = t_.AcledInterCode(defaults.actor1_role, e_.acled_event_type);
    if (Demonstration() && a1.inter != crowd && a2.inter == crowd) std::swap(a1, a2);
    if (a1.name.empty() && !a2.name.empty() && !defaults.actor1_role.empty() && crowd == a2.inter) {
      std::swap(a1, a2);  // the only actor named is the one ACLED lists first
    }
    if (Demonstration() && a1.inter != crowd) {
      // The demonstrators are actor 1 of a demonstration; a state actor named as its source is
      // whom the crowd addresses (or who intervenes: actor 2).
      if (a2.name.empty() && !defaults.no_actor2) a2 = a1;
      a1 = {};
    }
    if (defaults.no_actor2) a2 = {};
    if (a1.name.empty()) a1 = Default(defaults.actor1_role);
    if (a2.name.empty() && !defaults.no_actor2) a2 = Default(defaults.actor2_role);
    if (a1.name.empty()) a1 = Default("UAF");  // ACLED always has an actor 1
    return {a1, a2};
  }

 private:
  bool Demonstration() const { return e_.acled_event_type == "Protests" || e_.acled_event_type == "Riots"; }

  DefaultActors Defaults() const { return t_.DefaultActorsFor(e_.acled_event_type, e_.acled_sub_event_type); }

  std::string CountryName(const std::string& alpha2) const {
    const CountryCodes& c = t_.CountryByAlpha2(!alpha2.empty() ? alpha2 : event_country_.alpha2);
    return c.acled_name;
  }

  AcledActor Default(const std::string& role) const {
    if (role.empty()) return {};
    AcledActor a;
    a.name = t_.AcledActorName(role, e_.acled_event_type, event_country_.acled_name);
    if (a.name.empty()) a.name = role == "UAF" ? "Unidentified Armed Group" : role;
    a.inter = t_.AcledInterCode(role, e_.acled_event_type);
    return a;
  }

  // `demonstrators`: the actor is the one who demonstrates (the source), not whom a demonstration
  // targets (civilians attacked by a mob stay civilians).
  AcledActor Named(const std::optional<Actor>& actor, bool demonstrators) const {
    AcledActor a;
    if (!actor || (actor->code.empty() && actor->name.empty() && actor->text.empty())) return a;
    const std::string own = !actor->name.empty() ? actor->name : actor->text;
    a.inter = t_.AcledInterCode(actor->role, e_.acled_event_type);
    const bool demonstration = e_.acled_event_type == "Protests" || e_.acled_event_type == "Riots";
    if (demonstration && (demonstrators || actor->role == "PRO") && a.inter != 1 && a.inter != 8 && a.inter != 2) {
      // In a demonstration ACLED's actor is the crowd, "Protesters (Country)" or "Rioters
      // (Country)"; a party, union or group that leads it is the associated actor.
      a.inter = t_.AcledInterCode("PRO", e_.acled_event_type);
      a.name = t_.AcledActorName("PRO", e_.acled_event_type, CountryName(actor->country));
      if (actor->role != "PRO" && actor->role != "CVL" && !own.empty()) a.assoc = own;
    } else {
      a.name = t_.AcledActorName(actor->role, e_.acled_event_type, CountryName(actor->country));
      if (a.name.empty()) a.name = own;
    }
    if (a.inter == 0) {
      // A role ACLED's types do not cover: an organisation of no armed or state kind, coded as
      // external/other forces and kept by its own name.
      a.inter = 8;
    }
    // ACLED: state forces acting outside their own country are external forces.
    if (a.inter == 1 && !actor->country.empty() && !event_country_.alpha2.empty() &&
        actor->country != event_country_.alpha2)
      a.inter = 8;
    return a;
  }

  const Event& e_;
  const ExportTables& t_;
  const CountryCodes& event_country_;
};

// The sources of a row ("Kazinform; Reuters") and their scales in ACLED's order, joined by '-'.
std::pair<std::string, std::string> SourcesOf(const StoredEvent& s, const ExportTables& tables,
                                              const std::string& event_country) {
  std::vector<std::string> names;
  auto add = [&](const std::string& n) {
    if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  };
  add(s.site_name);
  for (const std::string& a : s.attributed_sources) add(a);
  std::string host;
  if (size_t p = s.url.find("://"); p != std::string::npos) host = s.url.substr(p + 3, s.url.find('/', p + 3) - p - 3);
  if (names.empty()) add(host);
  std::vector<int> ranks;
  for (size_t i = 0; i < names.size(); ++i) {
    std::string scale = tables.SourceScale(names[i], event_country);
    if (scale == "Other" && i == 0 && !host.empty()) scale = tables.SourceScale(host, event_country);
    int r =
        static_cast<int>(std::find(std::begin(kScaleOrder), std::end(kScaleOrder), scale) - std::begin(kScaleOrder));
    if (std::find(ranks.begin(), ranks.end(), r) == ranks.end()) ranks.push_back(r);
  }
  std::sort(ranks.begin(), ranks.end());
  std::string source, scale;
  for (const std::string& n : names) source += (source.empty() ? "" : "; ") + n;
  for (int r : ranks)
    if (r < static_cast<int>(std::size(kScaleOrder))) scale += (scale.empty() ? "" : "-") + std::string(kScaleOrder[r]);
  return {source, scale.empty() ? "Other" : scale};
}

// admin1 and admin2 of the event's place: the names it carries, else the gazetteer's.
AdminNames AdminsOf(const Place& p, const ExportTables& tables) {
  AdminNames names;
  if (p.precision == "country") return names;
  if (p.precision == "admin1") {
    names.admin1 = tables.AcledAdminName(!p.admin1.empty() ? p.admin1 : p.name);
    return names;
  }
  AdminNames known = tables.AdminNamesOf(p.geonameid);
  names.admin1 = tables.AcledAdminName(!p.admin1.empty() ? p.admin1 : known.admin1);
  names.admin2 = tables.AcledAdminName(known.admin2);
  return names;
}

}  // namespace

const std::vector<std::string>& AcledColumns() {
  static const std::vector<std::string> h = {
      "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
      "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
      "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
      "iso",           "region",         "country",  "admin1",         "admin2",
      "admin3",        "location",       "latitude", "longitude",      "geo_precision",
      "source",        "source_scale",   "notes",    "fatalities",     "tags",
      "timestamp"};
  return h;
}

int AcledInteraction(int inter1, int inter2) {
  if (inter1 == 0) std::swap(inter1, inter2);
  if (inter2 == 0) return inter1 * 10;
  return std::min(inter1, inter2) * 10 + std::max(inter1, inter2);
}

int64_t AcledFatalities(const Event& e, const ExportTables& tables) {
  double n = 0;
  for (const Count& c : e.counts)
    if (c.kind == "killed") n += tables.AcledFigure(c);
  return static_cast<int64_t>(std::llround(n));
}

std::optional<std::vector<std::string>> AcledRow(const StoredEvent& s, const ExportTables& tables) {
  const Event& e = s.event;
  if (e.acled_event_type.empty() || !e.category.empty()) return std::nullopt;  // ACLED codes neither
  const Place* p = e.location ? &e.location->place : nullptr;
  const CountryCodes& cc = tables.CountryByAlpha2(p ? p->country : "");
  auto [a1, a2] = AcledActorNamer(e, tables, cc).Actors();
  const AcledDate date = DateOf(s);
  // ACLED: every violence against civilians event targets civilians; explosions and mob violence
  // do when their other actor is civilians.
  bool civilians = e.acled_event_type == "Violence against civilians" ||
                   ((e.acled_event_type == "Explosions/Remote violence" || e.acled_event_type == "Riots") &&
                    (a2.inter == 7 || a1.inter == 7));
  const AdminNames admins = p ? AdminsOf(*p, tables) : AdminNames();
  std::string location = p ? (p->precision == "country" ? cc.acled_name : p->name) : "";
  std::string geo_precision = !p ? "" : p->precision == "city" ? "1" : p->precision == "admin1" ? "2" : "3";
  auto [source, scale] = SourcesOf(s, tables, p ? p->country : "");
  return std::vector<std::string>{(cc.alpha3.empty() ? std::string("XXX") : cc.alpha3) + std::to_string(s.id),
                                  date.date,
                                  date.year,
                                  date.precision,
                                  DisorderType(e),
                                  e.acled_event_type,
                                  e.acled_sub_event_type,
                                  a1.name,
                                  a1.assoc,
                                  std::to_string(a1.inter),
                                  a2.name,
                                  a2.assoc,
                                  std::to_string(a2.inter),
                                  std::to_string(AcledInteraction(a1.inter, a2.inter)),
                                  civilians ? "Civilian targeting" : "",
                                  cc.numeric.empty() ? "" : std::to_string(std::atoi(cc.numeric.c_str())),
                                  cc.acled_region,
                                  cc.acled_name,
                                  admins.admin1,
                                  admins.admin2,
                                  "",
                                  location,
                                  p && p->lat ? DecimalText(*p->lat, 5) : "",
                                  p && p->lon ? DecimalText(*p->lon, 5) : "",
                                  geo_precision,
                                  source,
                                  scale,
                                  s.evidence_text,
                                  std::to_string(AcledFatalities(e, tables)),
                                  CrowdSizeTag(e),
                                  std::to_string(EpochOf(s.added_at))};
}

}  // namespace eventmill
