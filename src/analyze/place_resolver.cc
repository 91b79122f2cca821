#include "analyze/place_resolver.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <unordered_map>

#include "lexicon/lexicon_impl.h"

namespace eventmill::analyze {

using lexicon::FeatureRank;
using lexicon::PlaceKind;
using lexicon::PlaceRec;

namespace {


std::string Cc(const PlaceRec& p) { return p.country[0] ? std::string(p.country, 2) : std::string(); }

}  // namespace

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  if (m >= 127) return limit + 1;
  int prev_buf[128], cur_buf[128];
  int* prev = prev_buf;
  int* cur = cur_buf;
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return prev[m];
}

double PlaceResolver::BaseScore(uint32_t index, bool alternate) const {
  const PlaceRec& p = lex_->impl().places[index];
  double s = 0;
  switch (p.kind) {
    case PlaceKind::kCountry: s = 8.0; break;
    case PlaceKind::kRegion: s = 7.5; break;
    case PlaceKind::kAdmin1: s = 6.0; break;
    case PlaceKind::kAdmin2:
      // Counties by the people of their towns: only ties among counties of one name need it.
      s = 5.0 + 0.2 * std::log10(static_cast<double>(p.population) + 10.0);
      break;
    case PlaceKind::kCity:
      s = std::log10(static_cast<double>(p.population) + 10.0);
      if (p.rank == FeatureRank::kCapital) s += 1.0;
      else if (p.rank == FeatureRank::kAdmin1Seat) s += 0.5;
      else if (p.rank == FeatureRank::kAdminSeat) s += 0.2;
      else if (p.rank == FeatureRank::kSection) s -= 1.0;
      break;
  }
  if (alternate) s -= 1.0;
  return s;
}

namespace {

// Weights of the evidence. A candidate's score is its base (kind, population, feature rank) plus
// what the rest of the article says for it; see Resolve.
constexpr double kDominantCountry = 2.5;   // in the country the article is mostly about
constexpr double kNamedCountry = 1.5;      // in another country the article names
constexpr double kHintInside = 10.0;       // inside the region written after it ("Paris, Texas")
constexpr double kSameRegion = 1.2;        // per unit of support for its admin-1 region (capped)
constexpr double kSameRegionCap = 2.5;
constexpr double kCounty = 2.0;            // a city in a county another mention names, or the reverse
constexpr double kNear = 1.5;              // per unit of nearness to other mentions' readings (capped)
constexpr double kNearCap = 2.0;
constexpr double kNearFullKm = 40.0;       // nearness 1 up to here, falling to 0 at kNearMaxKm
constexpr double kNearMaxKm = 150.0;
constexpr double kPlausibleRange = 4.0;
constexpr double kAlternateBesidePrimary = 2.0;
constexpr double kTownBesideArea = 2.0;  // more, for an alternate name beside places of that name    // a reading this far below its name's best counts 0

bool Local(PlaceKind k) { return k == PlaceKind::kCity || k == PlaceKind::kAdmin2; }

}  // namespace

PlaceContext PlaceResolver::Resolve(std::vector<PlaceMention>* mentions) const {
  const auto& lex = lex_->impl();
  PlaceContext ctx;
  // Mentions of one name are one place (one sense per discourse): they form a group, resolved
  // together; hints written beside any of them ("Paris, Texas") count for all.
  struct Cand {
    uint32_t place;
    double base, score;
    float w;  // plausibility in [0, 1]: how much this reading speaks for its region and neighbours
    uint32_t why;
  };
  struct Group {
    std::vector<size_t> members;
    std::vector<Cand> cands;
    std::vector<int64_t> hints;
    bool demonym = false;
    double weight = 0;  // sum of the members' weights
    size_t best = 0;
  };
  std::vector<Group> groups;
  {
    std::map<std::pair<bool, std::vector<uint32_t>>, size_t> by_key;
    for (size_t mi = 0; mi < mentions->size(); ++mi) {
      auto& m = (*mentions)[mi];
      if (m.candidates.empty()) continue;
      auto key = std::make_pair(m.demonym, m.candidates);
      auto [it, fresh] = by_key.emplace(key, groups.size());
      if (fresh) {
        Group g;
        g.demonym = m.demonym;
        // A country's or region's own name is that country or region, not a city that the
        // name is an alternate of ("Mexico" is not Mexico City, "New York" the state is).
        bool primary_area = false;
        for (size_t k = 0; k < m.candidates.size(); ++k) {
          PlaceKind kind = lex.places[m.candidates[k]].kind;
          bool alt = k < m.alternate.size() && m.alternate[k];
          primary_area |= !alt && (kind == PlaceKind::kCountry || kind == PlaceKind::kAdmin1 || kind == PlaceKind::kRegion);
        }
        bool primary = false;
        for (size_t k = 0; k < m.candidates.size(); ++k) primary |= !(k < m.alternate.size() && m.alternate[k]);
        for (size_t k = 0; k < m.candidates.size(); ++k) {
          bool alt = k < m.alternate.size() && m.alternate[k];
          if (primary_area && alt && lex.places[m.candidates[k]].kind == PlaceKind::kCity) continue;
          double b = BaseScore(m.candidates[k], alt);
          // Places that bear the name as their own beat those it is an old or other name of
          // ("Maryville" is Maryville, not Beeville, once called so).
          if (alt && primary) b -= kAlternateBesidePrimary;
          // A town named after a country or region ("California, Pa.", "Mexico, Maine") needs
          // more than its neighbours to win over the country or region itself.
          if (primary_area && lex.places[m.candidates[k]].kind == PlaceKind::kCity) b -= kTownBesideArea;
          g.cands.push_back({m.candidates[k], b, b, 1.0f, 0});
        }
        groups.push_back(std::move(g));
      }
      Group& g = groups[it->second];
      g.members.push_back(mi);
      g.weight += m.weight;
      if (m.hint >= 0 && std::find(g.hints.begin(), g.hints.end(), m.hint) == g.hints.end()) g.hints.push_back(m.hint);
    }
  }
  // Countries: each name gives one vote, shared among the countries of its plausible readings
  // (a reading far below the name's best counts little); cities vote less than regions.
  std::map<std::string, double> votes;
  std::vector<std::map<std::string, double>> group_vote(groups.size());  // what each group gave
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const Group& g = groups[gi];
    double top = -1e9;
    const PlaceRec* top_rec = nullptr;
    for (const auto& c : g.cands) {
      if (c.base > top) top = c.base, top_rec = &lex.places[c.place];
    }
    std::map<std::string, double> m;
    double sum = 0;
    for (const auto& c : g.cands) {
      const PlaceRec& p = lex.places[c.place];
      if (!p.country[0]) continue;
      double w = std::clamp(1.0 - (top - c.base) / kPlausibleRange, 0.0, 1.0);
      w *= w;
      double& v = m[Cc(p)];
      v = std::max(v, w);
    }
    for (const auto& [cc, v] : m) sum += v;
    if (sum <= 0) continue;
    double strength = top_rec->kind == PlaceKind::kCity ? 0.7 : 1.0;
    // Several mentions of one name count more, but far less than as many names.
    strength *= g.weight <= 1.0 ? g.weight : 1.0 + 0.3 * std::log(g.weight);
    for (const auto& [cc, v] : m) {
      double share = strength * v / sum;
      if (share < 0.05) continue;
      group_vote[gi][cc] = share;
      votes[cc] += share;
    }
  }
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [cc, v] : votes) ranked.push_back({v, cc});
  std::sort(ranked.begin(), ranked.end(), std::greater<>());
  for (const auto& [v, cc] : ranked) ctx.countries.push_back(cc);
  if (!ranked.empty() && ranked[0].first >= 0.7) ctx.dominant_country = ranked[0].second;

  // The country each name's readings are weighed against: the one the other names speak for
  // most ("Dublin" fifteen times beside one "Ohio" is still in Ohio).
  std::vector<std::string> dominant_for(groups.size());
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    double best = 0.7;
    for (const auto& [cc, v] : votes) {
      auto own = group_vote[gi].find(cc);
      double other = v - (own == group_vote[gi].end() ? 0.0 : own->second);
      if (other >= best) best = other, dominant_for[gi] = cc;
    }
    // A name alone in its article: its own reading decides.
    if (groups.size() == 1) dominant_for[gi] = ctx.dominant_country;
  }
  // Static terms: country and hints.
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    Group& g = groups[gi];
    for (auto& c : g.cands) {
      const PlaceRec& p = lex.places[c.place];
      std::string cc = Cc(p);
      c.why = 0;
      // A country reading is supported by the other names of places in it ("Lebanon" with
      // "Beirut"), as a town's is by its neighbours below.
      double other = 0;  // what the other names say for this country
      if (!cc.empty() && votes.count(cc)) {
        auto own = group_vote[gi].find(cc);
        other = votes[cc] - (own == group_vote[gi].end() ? 0.0 : own->second);
      }
      if (p.kind == PlaceKind::kCountry && other > 0) {
        if (other > 0.05) {
          c.base += kSameRegion * std::min(other, kSameRegionCap);
          c.why |= 128;
        }
      }
      if (!cc.empty() && cc == dominant_for[gi]) {
        c.base += kDominantCountry;
        c.why |= p.kind == PlaceKind::kCountry ? 1 : 2;
      } else if (other >= 0.3 && p.kind != PlaceKind::kCountry) {
        c.base += kNamedCountry;
        c.why |= 4;
      }
      for (int64_t hi : g.hints) {
        const PlaceRec& h = lex.places[hi];
        bool inside = (h.kind == PlaceKind::kAdmin1 && h.admin1_code && h.admin1_code == p.admin1_code && p.kind != PlaceKind::kAdmin1) ||
                      (h.kind == PlaceKind::kAdmin2 && h.admin2_code && h.admin2_code == p.admin2_code && p.kind == PlaceKind::kCity) ||
                      (h.kind == PlaceKind::kCountry && std::memcmp(h.country, p.country, 2) == 0 && p.kind != PlaceKind::kCountry);
        if (inside) {
          c.base += kHintInside;
          c.why |= 32;
          break;
        }
      }
      c.score = c.base;
    }
  }
  auto set_weights = [&]() {
    for (auto& g : groups) {
      double top = -1e9;
      for (size_t k = 0; k < g.cands.size(); ++k) {
        if (g.cands[k].score > top) top = g.cands[k].score, g.best = k;
      }
      for (auto& c : g.cands) c.w = static_cast<float>(std::clamp(1.0 - (top - c.score) / kPlausibleRange, 0.0, 1.0));
      // A demonym speaks for its country only.
      if (g.demonym) for (auto& c : g.cands) c.w = 0;
    }
  };
  set_weights();

  // Coherence, in rounds: each reading gains from the other names' plausible readings in its
  // admin-1 region, in or around its county, and nearby; the weights come from the round before.
  const size_t ng = groups.size();
  std::vector<float> near_best(ng, 0.0f);
  std::vector<size_t> touched;
  for (int round = 0; round < 3; ++round) {
    // Support per region: for each group the best weight of its readings there, summed over groups.
    std::unordered_map<uint32_t, double> region_total, county_total, county_city_total;
    std::vector<std::unordered_map<uint32_t, float>> region_own(ng), county_own(ng), county_city_own(ng);
    struct GridPoint {
      float lat, lon, w;
      uint32_t group;
    };
    std::unordered_map<int64_t, std::vector<GridPoint>> grid;  // 1-degree cells
    auto cell = [](double lat, double lon) {
      return (static_cast<int64_t>(std::floor(lat)) + 100) * 1000 + static_cast<int64_t>(std::floor(lon)) + 400;
    };
    for (size_t gi = 0; gi < ng; ++gi) {
      for (const auto& c : groups[gi].cands) {
        if (c.w <= 0) continue;
        const PlaceRec& p = lex.places[c.place];
        if (p.admin1_code && (Local(p.kind) || p.kind == PlaceKind::kAdmin1)) {
          float kw = p.kind == PlaceKind::kAdmin1 ? 1.0f : p.kind == PlaceKind::kAdmin2 ? 0.8f : 0.6f;
          float& v = region_own[gi][p.admin1_code];
          v = std::max(v, c.w * kw);
        }
        if (p.admin2_code && p.kind == PlaceKind::kAdmin2) {
          float& v = county_own[gi][p.admin2_code];
          v = std::max(v, c.w);
        }
        if (p.admin2_code && p.kind == PlaceKind::kCity) {
          float& v = county_city_own[gi][p.admin2_code];
          v = std::max(v, c.w);
        }
        if (Local(p.kind)) grid[cell(p.lat, p.lon)].push_back({p.lat, p.lon, c.w, static_cast<uint32_t>(gi)});
      }
      for (const auto& [k, v] : region_own[gi]) region_total[k] += v;
      for (const auto& [k, v] : county_own[gi]) county_total[k] += v;
      for (const auto& [k, v] : county_city_own[gi]) county_city_total[k] += v;
    }
    auto other = [](const std::unordered_map<uint32_t, double>& total, const std::unordered_map<uint32_t, float>& own,
                    uint32_t key) {
      auto t = total.find(key);
      if (t == total.end()) return 0.0;
      auto o = own.find(key);
      return t->second - (o == own.end() ? 0.0 : o->second);
    };
    for (size_t gi = 0; gi < ng; ++gi) {
      Group& g = groups[gi];
      if (g.cands.size() == 1 && round > 0) continue;
      for (auto& c : g.cands) {
        const PlaceRec& p = lex.places[c.place];
        double s = c.base;
        uint32_t why = c.why & (1 | 2 | 4 | 32 | 128);
        if (p.admin1_code && p.kind != PlaceKind::kCountry) {
          double a = other(region_total, region_own[gi], p.admin1_code);
          if (a > 0.05) {
            s += kSameRegion * std::min(a, kSameRegionCap);
            why |= 8;
          }
        }
        if (p.admin2_code) {
          double a = p.kind == PlaceKind::kCity ? other(county_total, county_own[gi], p.admin2_code)
                                                : p.kind == PlaceKind::kAdmin2 ? other(county_city_total, county_city_own[gi], p.admin2_code)
                                                                               : 0.0;
          if (a > 0.05) {
            s += kCounty * std::min(a, 1.0);
            why |= 16;
          }
        }
        if (Local(p.kind)) {
          // Nearness: for each other group, its best weight among readings within kNearMaxKm.
          double cosl = std::cos(p.lat * M_PI / 180);
          int dlon = cosl > 0.3 ? 2 : 5;
          for (int dy = -2; dy <= 2; ++dy) {
            for (int dx = -dlon; dx <= dlon; ++dx) {
              auto it = grid.find(cell(p.lat + dy, p.lon + dx));
              if (it == grid.end()) continue;
              for (const auto& q : it->second) {
                if (q.group == gi) continue;
                double ky = (q.lat - p.lat) * 111.2, kx = (q.lon - p.lon) * 111.2 * cosl;
                double d = std::sqrt(kx * kx + ky * ky);
                if (d >= kNearMaxKm) continue;
                double f = d <= kNearFullKm ? 1.0 : (kNearMaxKm - d) / (kNearMaxKm - kNearFullKm);
                float v = static_cast<float>(f * q.w);
                if (near_best[q.group] == 0.0f) touched.push_back(q.group);
                near_best[q.group] = std::max(near_best[q.group], v);
              }
            }
          }
          double near = 0;
          for (size_t t : touched) near += near_best[t], near_best[t] = 0.0f;
          touched.clear();
          if (near > 0.05) {
            s += kNear * std::min(near, kNearCap);
            why |= 64;
          }
        }
        c.score = s;
        c.why = why;
      }
    }
    set_weights();
  }

  for (auto& g : groups) {
    const Cand& best = g.cands[g.best];
    static const char* kReasons[] = {", the article's country", ", in the article's country", ", in a country the article names",
                                     ", in a region the article names", ", related to a county of the article",
                                     ", inside the region written after it", ", near other places of the article",
                                     ", a country other names lie in"};
    char buf[48];
    std::snprintf(buf, sizeof buf, "base %.2f, score %.2f", BaseScore(best.place, false), best.score);
    std::string why = buf;
    for (int b = 0; b < 8; ++b) {
      if (best.why & (1u << b)) why += kReasons[b];
    }
    why += " (of " + std::to_string(g.cands.size()) + " candidates)";
    for (size_t mi : g.members) {
      (*mentions)[mi].chosen = best.place;
      (*mentions)[mi].why = why;
    }
  }
  // The region most of the article's places lie in: named regions count double.
  std::map<uint32_t, double> region_weight;
  for (const auto& m : *mentions) {
    if (m.chosen < 0 || m.demonym) continue;
    const PlaceRec& p = lex.places[m.chosen];
    if (p.admin1_code && (p.kind == PlaceKind::kAdmin1 || Local(p.kind))) {
      region_weight[p.admin1_code] += p.kind == PlaceKind::kAdmin1 ? 2 : 1;
    }
  }
  uint32_t best_code = 0;
  double best_w = 0;
  for (const auto& [code, w] : region_weight) {
    if (w > best_w) best_w = w, best_code = code;
  }
  if (best_code) {
    // Regions are stored before the cities: the scan stops at the first city.
    for (size_t i = 0; i < lex.places.size() && lex.places[i].kind != PlaceKind::kCity; ++i) {
      if (lex.places[i].kind == PlaceKind::kAdmin1 && lex.places[i].admin1_code == best_code) {
        ctx.main_region = static_cast<int64_t>(i);
        break;
      }
    }
  }
  return ctx;
}

int64_t PlaceResolver::FuzzyFind(std::string_view norm, const std::vector<std::string>& countries) const {
  const auto& lex = lex_->impl();
  if (norm.size() < 5) return -1;
  int limit = norm.size() >= 9 ? 2 : 1;
  int64_t best = -1;
  int best_d = limit + 1;
  uint32_t best_pop = 0;
  for (const auto& cc : countries) {
    const auto* c = lex.Country(cc);
    if (!c) continue;
    uint32_t end = std::min<uint32_t>(c->fuzzy_end, static_cast<uint32_t>(lex.fuzzy.size()));
    // Names are sorted: find the first one with the same first letter.
    uint32_t lo = c->fuzzy_begin, hi = end;
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      if (static_cast<unsigned char>(lex.StrFirstByte(lex.fuzzy[mid].name)) < static_cast<unsigned char>(norm[0])) lo = mid + 1;
      else hi = mid;
    }
    for (uint32_t k = lo; k < end; ++k) {
      if (lex.StrFirstByte(lex.fuzzy[k].name) != norm[0]) break;
      std::string_view name = lex.Str(lex.fuzzy[k].name);
      if (name.size() + limit < norm.size() || name.size() > norm.size() + limit) continue;
      // Letter counts bound the distance from below: most names fail this cheap test.
      int diff = 0;
      int8_t counts[32] = {0};
      for (char ch : norm) counts[static_cast<unsigned char>(ch) & 31]++;
      for (char ch : name) counts[static_cast<unsigned char>(ch) & 31]--;
      for (int8_t v : counts) diff += v < 0 ? -v : v;
      if ((diff + 1) / 2 > limit) continue;
      int d = BoundedEditDistance(norm, name, limit);
      if (d > limit) continue;
      uint32_t pop = lex.places[lex.fuzzy[k].place].population;
      if (d < best_d || (d == best_d && pop > best_pop)) best = lex.fuzzy[k].place, best_d = d, best_pop = pop;
    }
    if (best >= 0) break;  // the first (dominant) country that has one wins
  }
  return best;
}

Place PlaceResolver::ToPlace(uint32_t index) const {
  const auto& lex = lex_->impl();
  const PlaceRec& p = lex.places[index];
  Place out;
  out.name = std::string(lex.Str(p.name));
  out.country = Cc(p);
  out.admin1 = p.kind == PlaceKind::kCountry ? std::string() : std::string(lex.Str(p.admin1));
  out.lat = std::round(p.lat * 1e4) / 1e4;
  out.lon = std::round(p.lon * 1e4) / 1e4;
  out.geonameid = p.geonameid;
  out.precision = p.kind == PlaceKind::kCity ? "city" : p.kind == PlaceKind::kAdmin1 ? "admin1"
                  : p.kind == PlaceKind::kAdmin2 ? "admin2" : p.kind == PlaceKind::kCountry ? "country" : "region";
  return out;
}

}  // namespace eventmill::analyze
