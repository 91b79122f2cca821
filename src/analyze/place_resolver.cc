#include "analyze/place_resolver.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "lexicon/lexicon_impl.h"

namespace eventmill::analyze {

using lexicon::FeatureRank;
using lexicon::PlaceKind;
using lexicon::PlaceRec;

namespace {

double Km(double a, double b, double c, double d) {
  const double r = M_PI / 180;
  double x = std::pow(std::sin((c - a) * r / 2), 2) + std::cos(a * r) * std::cos(c * r) * std::pow(std::sin((d - b) * r / 2), 2);
  return 12742 * std::asin(std::min(1.0, std::sqrt(x)));
}

std::string Cc(const PlaceRec& p) { return p.country[0] ? std::string(p.country, 2) : std::string(); }

}  // namespace

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev(m + 1), cur(m + 1);
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

PlaceContext PlaceResolver::Resolve(std::vector<PlaceMention>* mentions) const {
  const auto& lex = lex_->impl();
  PlaceContext ctx;
  // Pass 1: without context. Unambiguous or clearly leading readings vote for their country.
  std::map<std::string, double> votes;
  std::map<uint32_t, double> admin_votes;  // admin1_code -> weight
  struct Anchor {
    float lat, lon;
  };
  std::vector<Anchor> anchors;
  for (auto& m : *mentions) {
    if (m.candidates.empty()) continue;
    std::vector<std::pair<double, uint32_t>> sc;
    for (size_t k = 0; k < m.candidates.size(); ++k) sc.push_back({BaseScore(m.candidates[k], m.alternate[k]), m.candidates[k]});
    std::sort(sc.begin(), sc.end(), std::greater<>());
    const PlaceRec& top = lex.places[sc[0].second];
    bool one_country = true;
    for (const auto& [s, i] : sc) one_country &= std::memcmp(lex.places[i].country, top.country, 2) == 0;
    double margin = sc.size() > 1 ? sc[0].first - sc[1].first : 10.0;
    double w = 0;
    if (top.kind == PlaceKind::kCountry && (one_country || margin >= 3.0)) w = 1.0;
    else if (one_country) w = top.kind == PlaceKind::kAdmin1 ? 1.0 : 0.7;
    else if (margin >= 1.5) w = 0.4;
    w *= m.weight;
    if (w > 0 && top.country[0]) votes[Cc(top)] += w;
    if (top.kind == PlaceKind::kAdmin1 && top.admin1_code && (one_country || margin >= 1.0)) admin_votes[top.admin1_code] += 1;
    if ((one_country || margin >= 2.0) && top.kind != PlaceKind::kCountry && top.kind != PlaceKind::kRegion && !m.demonym) {
      anchors.push_back({top.lat, top.lon});
    }
  }
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [cc, v] : votes) ranked.push_back({v, cc});
  std::sort(ranked.begin(), ranked.end(), std::greater<>());
  for (const auto& [v, cc] : ranked) ctx.countries.push_back(cc);
  if (!ranked.empty() && ranked[0].first >= 0.7) ctx.dominant_country = ranked[0].second;

  // Pass 2: with context, twice: the second round also trusts the regions the first one chose
  // ("London" with "Ontario" in the article: London, Ontario).
  for (int round = 0; round < 2; ++round) {
  if (round == 1) {
    for (const auto& m : *mentions) {
      if (m.chosen < 0) continue;
      const PlaceRec& p = lex.places[m.chosen];
      if (p.kind == PlaceKind::kAdmin1 && p.admin1_code) admin_votes[p.admin1_code] += 1;
    }
  }
  for (auto& m : *mentions) {
    if (m.candidates.empty()) continue;
    double best = -1e9;
    int64_t best_i = -1;
    std::string best_why;
    for (size_t k = 0; k < m.candidates.size(); ++k) {
      uint32_t i = m.candidates[k];
      const PlaceRec& p = lex.places[i];
      double s = BaseScore(i, m.alternate[k]);
      std::string why = "base " + std::to_string(s).substr(0, 4);
      std::string cc = Cc(p);
      if (!cc.empty() && cc == ctx.dominant_country && p.kind == PlaceKind::kCountry) {
        s += 2.5;
        why += ", the article's country";
      } else if (!cc.empty() && cc == ctx.dominant_country) {
        s += 2.5;
        why += ", in the article's country " + cc;
      } else if (!cc.empty() && votes.count(cc) && p.kind != PlaceKind::kCountry) {
        s += 1.5;
        why += ", in a country the article names (" + cc + ")";
      }
      if (p.admin1_code && p.kind == PlaceKind::kCity && admin_votes.count(p.admin1_code)) {
        s += 2.0;
        why += ", in a region the article names";
      }
      // Coherence: a city and a region that other mentions could mean, one inside the other.
      if (p.admin1_code && (p.kind == PlaceKind::kCity || p.kind == PlaceKind::kAdmin1)) {
        bool linked = false;
        for (const auto& o : *mentions) {
          if (&o == &m || linked) continue;
          for (uint32_t c : o.candidates) {
            const PlaceRec& q = lex.places[c];
            if (q.admin1_code == p.admin1_code && q.kind != p.kind &&
                (q.kind == PlaceKind::kAdmin1 || q.kind == PlaceKind::kCity)) {
              linked = true;
              break;
            }
          }
        }
        if (linked) {
          s += 1.0;
          why += ", related to another place of the article";
        }
      }
      if (m.hint >= 0) {
        const PlaceRec& h = lex.places[m.hint];
        bool inside = (h.kind == PlaceKind::kAdmin1 && h.admin1_code && h.admin1_code == p.admin1_code) ||
                      (h.kind == PlaceKind::kCountry && std::memcmp(h.country, p.country, 2) == 0);
        if (inside) {
          s += 10;
          why += ", inside the region written after it";
        }
      }
      if (p.kind == PlaceKind::kCity) {
        for (const auto& a : anchors) {
          double d = Km(p.lat, p.lon, a.lat, a.lon);
          if (d > 1.0 && d < 150) {
            s += 1.5;
            why += ", near another place of the article";
            break;
          }
        }
      }
      if (s > best) best = s, best_i = i, best_why = why;
    }
    m.chosen = best_i;
    m.why = best_why + " (of " + std::to_string(m.candidates.size()) + " candidates)";
  }
  }
  // The region most of the article's places lie in: named regions count double.
  std::map<uint32_t, double> region_weight;
  for (const auto& m : *mentions) {
    if (m.chosen < 0 || m.demonym) continue;
    const PlaceRec& p = lex.places[m.chosen];
    if (p.admin1_code && (p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kCity)) {
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
    for (uint32_t k = c->fuzzy_begin; k < c->fuzzy_end && k < lex.fuzzy.size(); ++k) {
      std::string_view name = lex.Str(lex.fuzzy[k].name);
      if (name.empty() || name[0] != norm[0]) continue;
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
                  : p.kind == PlaceKind::kCountry ? "country" : "region";
  return out;
}

}  // namespace eventmill::analyze
