#include "analyze/place_resolver.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <span>
#include <unordered_map>

#include "lexicon/lexicon_impl.h"
#include "lexicon/tokens.h"

namespace eventmill::analyze {

using lexicon::FeatureRank;
using lexicon::PlaceKind;
using lexicon::PlaceRec;

namespace {


std::string Cc(const PlaceRec& p) { return p.country[0] ? std::string(p.country, 2) : std::string(); }
// A country as a two-byte key (0 for none), and back.
uint16_t CcKey(const PlaceRec& p) {
  return p.country[0] ? static_cast<uint16_t>(static_cast<unsigned char>(p.country[0]) << 8 | static_cast<unsigned char>(p.country[1])) : 0;
}
uint16_t CcKey(std::string_view cc) {
  return static_cast<uint16_t>(static_cast<unsigned char>(cc[0]) << 8 | static_cast<unsigned char>(cc[1]));
}
std::string CcString(uint16_t k) { return std::string{static_cast<char>(k >> 8), static_cast<char>(k & 0xFF)}; }

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

namespace {

// Weights of the evidence. A candidate's score is its base (kind, population, feature rank) plus
// what the rest of the article says for it; see Resolve.
constexpr double kDominantCountry = 2.5;   // in the country the article is mostly about
constexpr double kNamedCountry = 1.5;      // in another country the article names
constexpr double kHintInside = 10.0;       // inside the region written after it ("Paris, Texas")
constexpr double kQualifierRegion = 3.0;   // a region or its seat, written after an unknown name ("X, Donetsk")
constexpr double kSameRegion = 1.2;        // per unit of support for its admin-1 region (capped)
constexpr double kSameRegionCap = 2.5;
constexpr double kCounty = 2.0;            // a city in a county another mention names, or the reverse
constexpr double kNear = 1.5;              // per unit of nearness to other mentions' readings (capped)
constexpr double kNearCap = 2.0;
constexpr double kNearFullKm = 40.0;       // nearness 1 up to here, falling to 0 at kNearMaxKm
constexpr double kNearMaxKm = 150.0;
constexpr double kPlausibleRange = 4.0;
constexpr double kAlternateBesidePrimary = 2.0;
// The home country: how much a mention speaks for it, by what it is.
constexpr double kHomeCountryNamed = 0.6;  // a country's name, not after "in", "across", ...
constexpr double kHomeDemonym = 0.5;       // "Georgian", "French"
constexpr double kDemonymVote = 0.5;       // a demonym's vote for its country, against a name's 1
constexpr double kHomeMinimum = 0.5;       // the least evidence that makes a home country
constexpr double kForeignRegion = 1.5;
constexpr double kForeignCountry = 1.5;
// A stray namesake (StrayNamesake): a town under this many people, in an article where the other
// names that are likeliest towns or regions of another country give it at least kContextMinimum
// votes (a region of one reading gives 1, a town 0.7, a name of readings in many countries less).
constexpr uint32_t kStrayMaxPopulation = 100000;
constexpr double kContextMinimum = 0.6;
constexpr double kTownBesideArea = 2.0;  // more, for an alternate name beside places of that name    // a reading this far below its name's best counts 0

// Whether a region's seat bears the region's name (Donetsk in Donetsk Oblast): named after a
// place, it may stand for the region.
bool SeatNamesRegion(const Lexicon::Impl& lex, const PlaceRec& p) {
  auto letters = [](std::string_view t) {
    std::string out;
    for (char ch : t) {
      if (std::isalpha(static_cast<unsigned char>(ch))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (out.size() == 5) break;
    }
    return out;
  };
  std::string name = letters(lex.Str(p.name));
  return name.size() == 5 && name == letters(lex.Str(p.admin1));
}

bool Local(PlaceKind k) { return k == PlaceKind::kCity || k == PlaceKind::kAdmin2; }

// Support for keys (regions, counties) from groups of readings: per key, the sum over groups of
// each group's best weight there. Sorted vectors, not maps: built and read once per round.
class Support {
 public:
  void Clear() { items_.clear(), totals_.clear(); }
  void Add(uint32_t key, uint32_t group, float w) { items_.push_back({key, group, w}); }
  void Finish() {
    std::sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) {
      return a.key != b.key ? a.key < b.key : a.group != b.group ? a.group < b.group : a.w > b.w;
    });
    // Keep the best of each (key, group), then sum per key.
    size_t out = 0;
    for (size_t i = 0; i < items_.size(); ++i) {
      if (out > 0 && items_[out - 1].key == items_[i].key && items_[out - 1].group == items_[i].group) continue;
      items_[out++] = items_[i];
    }
    items_.resize(out);
    for (const auto& it : items_) {
      if (totals_.empty() || totals_.back().first != it.key) totals_.push_back({it.key, 0.0});
      totals_.back().second += it.w;
    }
  }
  // What the groups other than `group` give `key`.
  double Other(uint32_t key, uint32_t group) const {
    auto t = std::lower_bound(totals_.begin(), totals_.end(), key, [](const auto& p, uint32_t k) { return p.first < k; });
    if (t == totals_.end() || t->first != key) return 0.0;
    auto o = std::lower_bound(items_.begin(), items_.end(), std::make_pair(key, group), [](const Item& a, const std::pair<uint32_t, uint32_t>& k) {
      return a.key != k.first ? a.key < k.first : a.group < k.second;
    });
    double own = o != items_.end() && o->key == key && o->group == group ? o->w : 0.0;
    return t->second - own;
  }

 private:
  struct Item {
    uint32_t key, group;
    float w;
  };
  std::vector<Item> items_;
  std::vector<std::pair<uint32_t, double>> totals_;
};

struct GridPoint {
  int32_t cell;
  float lat, lon, w;
  uint32_t group;
};
// 1-degree cells numbered row by row, so that the cells of one row are consecutive.
int32_t FloorInt(double x) {  // std::floor is a library call on the baseline x86-64 target
  int32_t i = static_cast<int32_t>(x);
  return x < i ? i - 1 : i;
}
int32_t GridCell(double lat, double lon) { return (FloorInt(lat) + 100) * 1000 + FloorInt(lon) + 400; }
// Bits set in x (the builtin is a library call without -mpopcnt).
int PopCount(uint32_t x) {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  return static_cast<int>((((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}

struct Cand {
  uint32_t place;
  PlaceRec rec;  // a copy: the rounds below read it often, and the gazetteer is large
  double base, score;
  float w;  // plausibility in [0, 1]: how much this reading speaks for its region and neighbours
  uint32_t why;
  bool beside_area = false;  // a town bearing a country's or region's name (kTownBesideArea)
};
struct Group {
  uint64_t key = 0;  // hash of (demonym, candidates)
  std::vector<size_t> members;
  std::vector<Cand> cands;
  std::vector<int64_t> hints;
  bool demonym = false;
  bool country = false;  // its most likely reading is a country
  bool region_cue = false;  // some mention reads as the region ("Washington state"; PlaceMention)
  bool qualifier = false;   // some mention qualifies a name the gazetteer lacks (PlaceMention)
  double weight = 0;        // sum of the members' weights
  double home = 0;          // the same, as evidence of the article's home country (see Resolve)
  size_t best = 0;
  uint16_t context_country = 0;   // the country the other names speak for most (0: none)
  double context_support = 0;     // its votes from other names likeliest towns or regions in it
  bool stray = false;             // its best reading is a stray namesake: left unresolved (Choose)
  bool locative = false;          // some mention follows "in", "across", ...: the story is there
  bool context_locative = false;  // so does one of the names that give context_support
};
// Countries as two-letter keys in small vectors: an article names few.
using CountryVotes = std::vector<std::pair<uint16_t, double>>;

// Working memory of Resolve, kept per thread from one article to the next (most are short, and
// allocating it anew cost more than the work on it).
struct ResolveScratch {
  std::vector<Group> groups;  // a pool: the first ng are this article's
  size_t ng = 0;
  std::vector<uint32_t> table;  // group + 1 by key, 0 when empty
  CountryVotes votes, m;
  std::vector<CountryVotes> group_vote;
  std::vector<float> near_best;
  std::vector<size_t> touched;
  Support region, county, county_city;
  std::vector<GridPoint> grid;
  Group& NewGroup() {
    if (ng == groups.size()) groups.emplace_back();
    Group& g = groups[ng++];
    // Every field back to its default (one added to Group too: nothing of the article before may
    // stay), the lists keeping their memory.
    Group fresh;
    fresh.members.swap(g.members), fresh.cands.swap(g.cands), fresh.hints.swap(g.hints);
    fresh.members.clear(), fresh.cands.clear(), fresh.hints.clear();
    g = std::move(fresh);
    return g;
  }
  // After a very large article, give its memory back rather than keep it for the thread's life.
  void Trim() {
    if (groups.size() > 4096 || table.size() > (size_t{1} << 16)) *this = ResolveScratch();
  }
};

ResolveScratch& ThreadResolveScratch() {
  thread_local ResolveScratch scratch;
  return scratch;
}

}  // namespace

namespace {

// The base score of a reading from its kind, population and feature rank (PlaceResolver::BaseScore).
double BaseScoreOf(const PlaceRec& p, bool alternate) {
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

// Countries as two-letter keys in small vectors: an article names few.
double FindVote(const CountryVotes& v, uint16_t cc) {
  for (const auto& [k, x] : v) {
    if (k == cc) return x;
  }
  return 0.0;
}
void AddVote(CountryVotes& to, uint16_t cc, double x) {
  auto it = std::find_if(to.begin(), to.end(), [&](const auto& e) { return e.first == cc; });
  if (it == to.end()) to.push_back({cc, x});
  else it->second += x;
}
// By votes, ties by code (as the countries' names sort).
std::vector<std::pair<double, uint16_t>> RankVotes(const CountryVotes& v) {
  std::vector<std::pair<double, uint16_t>> ranked;
  for (const auto& [cc, x] : v) ranked.push_back({x, cc});
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second > b.second; });
  return ranked;
}
// The reading of a group with the highest base score (the first of equals), or nullptr.
const Cand* TopByBase(const Group& g) {
  const Cand* top = nullptr;
  for (const auto& c : g.cands) {
    if (!top || c.base > top->base) top = &c;
  }
  return top;
}

// One article's resolution: the steps of PlaceResolver::Resolve, run in the order of their
// numbers, on the per-thread scratch.
class PlaceResolution {
 public:
  PlaceResolution(const Lexicon::Impl& lex, std::vector<PlaceMention>* mentions, bool explain, ResolveScratch& scratch)
      : lex_(lex), mentions_(*mentions), explain_(explain), scratch_(scratch) {}

  // 1. Mentions of one name are one place (one sense per discourse): they form a group, resolved
  // together; hints written beside any of them ("Paris, Texas") count for all.
  void GroupMentions();
  // 2. Countries: each name gives one vote, shared among the countries of its plausible readings
  // (a reading far below the name's best counts little); cities vote less than regions.
  void VoteForCountries(PlaceContext* ctx);
  // 3. The static terms of each reading's score: its country against the article's, and hints;
  // then the first weights (SetWeights).
  void WeighCountriesAndHints(const PlaceContext& ctx);
  // 4. Coherence, in rounds: each reading gains from the other names' plausible readings in its
  // admin-1 region, in or around its county, and nearby; the weights come from the round before.
  void Cohere();
  // 5. Each mention takes its group's best reading (and, when explaining, why).
  void Choose();
  // 6. The home country, from the readings chosen.
  void FindHomeCountry(PlaceContext* ctx) const;
  // 7. The region most of the article's places lie in.
  void FindMainRegion(PlaceContext* ctx) const;

 private:
  bool SetWeights();
  double Nearness(const PlaceRec& p, size_t gi);
  bool StrayNamesake(size_t gi);

  const Lexicon::Impl& lex_;
  std::vector<PlaceMention>& mentions_;
  const bool explain_;
  ResolveScratch& scratch_;
  std::span<Group> groups_;
};

void PlaceResolution::GroupMentions() {
  const auto& lex = lex_;
  ResolveScratch& scratch = scratch_;
  std::vector<PlaceMention>* mentions = &mentions_;
  scratch.ng = 0;
  // Groups by a hash of (demonym, candidates) in an open-addressing table; equal hashes are
  // compared in full.
  size_t cap = 16;
  while (cap < 2 * mentions->size()) cap <<= 1;
  scratch.table.assign(cap, 0);
  for (size_t mi = 0; mi < mentions->size(); ++mi) {
    auto& m = (*mentions)[mi];
    if (m.candidates.empty()) continue;
    uint64_t h = m.demonym ? 0x9e3779b97f4a7c15ULL : 0x243f6a8885a308d3ULL;
    for (uint32_t c : m.candidates) h = (h ^ c) * 0x100000001b3ULL;
    size_t found = SIZE_MAX;
    size_t slot = (h ^ (h >> 29)) & (cap - 1);
    for (; scratch.table[slot]; slot = (slot + 1) & (cap - 1)) {
      const Group& o = scratch.groups[scratch.table[slot] - 1];
      const PlaceMention& om = (*mentions)[o.members[0]];
      if (o.key == h && om.demonym == m.demonym && om.candidates == m.candidates) {
        found = scratch.table[slot] - 1;
        break;
      }
    }
    bool fresh = found == SIZE_MAX;
    if (fresh) {
      found = scratch.ng;
      scratch.table[slot] = static_cast<uint32_t>(found + 1);
      Group& g = scratch.NewGroup();
      g.key = h;
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
      uint32_t primary_pop = 0;  // the most populous place bearing the name as its own
      for (size_t k = 0; k < m.candidates.size(); ++k) {
        if (k < m.alternate.size() && m.alternate[k]) continue;
        primary = true;
        primary_pop = std::max(primary_pop, lex.places[m.candidates[k]].population);
      }
      for (size_t k = 0; k < m.candidates.size(); ++k) {
        bool alt = k < m.alternate.size() && m.alternate[k];
        if (primary_area && alt && lex.places[m.candidates[k]].kind == PlaceKind::kCity) continue;
        double b = BaseScoreOf(lex.places[m.candidates[k]], alt);
        // Places that bear the name as their own beat those it is an old or other name of
        // ("Maryville" is Maryville, not Beeville, once called so).
        // Unless it is far larger: then the name is likely its English one ("Aktau" for Aqtau).
        if (alt && primary && lex.places[m.candidates[k]].population < 10.0 * primary_pop) b -= kAlternateBesidePrimary;
        // A town named after a country or region ("California, Pa.", "Mexico, Maine") needs
        // more than its neighbours to win over the country or region itself.
        const bool beside_area = primary_area && lex.places[m.candidates[k]].kind == PlaceKind::kCity;
        if (beside_area) b -= kTownBesideArea;
        g.cands.push_back({m.candidates[k], lex.places[m.candidates[k]], b, b, 1.0f, 0, beside_area});
      }
      double top = -1e9;
      for (const auto& c : g.cands) {
        if (c.base > top) top = c.base, g.country = c.rec.kind == PlaceKind::kCountry;
      }
    }
    Group& g = scratch.groups[found];
    g.members.push_back(mi);
    g.weight += m.weight;
    g.region_cue |= m.region_cue;
    g.qualifier |= m.qualifier;
    g.locative |= m.locative;
    // A country named outside a locative phrase is often a side remark ("backed by the United
    // States", "France condemned"); a demonym often modifies a foreign actor ("French officials",
    // "Russian strikes on Kyiv").
    g.home += m.weight * (g.demonym ? kHomeDemonym : g.country && !m.locative ? kHomeCountryNamed : 1.0);
    if (m.hint >= 0 && std::find(g.hints.begin(), g.hints.end(), m.hint) == g.hints.end()) g.hints.push_back(m.hint);
  }
  groups_ = std::span<Group>(scratch.groups.data(), scratch.ng);
}

// Whether some name (not a demonym) has a reading in a country other than `cc`.
static bool NameOutside(std::span<const Group> groups, uint16_t cc) {
  for (const Group& g : groups) {
    if (g.demonym) continue;
    for (const auto& c : g.cands) {
      if (CcKey(c.rec) && CcKey(c.rec) != cc) return true;
    }
  }
  return false;
}

void PlaceResolution::VoteForCountries(PlaceContext* ctx) {
  ResolveScratch& scratch = scratch_;
  const std::span<Group> groups = groups_;
  CountryVotes& votes = scratch.votes;
  votes.clear();
  // What each group gave.
  if (scratch.group_vote.size() < groups.size()) scratch.group_vote.resize(groups.size());
  for (size_t gi = 0; gi < groups.size(); ++gi) scratch.group_vote[gi].clear();
  std::vector<CountryVotes>& group_vote = scratch.group_vote;
  CountryVotes& m = scratch.m;
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const Group& g = groups[gi];
    double top = -1e9;
    const PlaceRec* top_rec = nullptr;
    for (const auto& c : g.cands) {
      if (c.base > top) top = c.base, top_rec = &c.rec;
    }
    m.clear();
    double sum = 0;
    for (const auto& c : g.cands) {
      uint16_t cc = CcKey(c.rec);
      if (!cc) continue;
      double w = std::clamp(1.0 - (top - c.base) / kPlausibleRange, 0.0, 1.0);
      w *= w;
      auto it = std::find_if(m.begin(), m.end(), [&](const auto& e) { return e.first == cc; });
      if (it == m.end()) m.push_back({cc, w});
      else it->second = std::max(it->second, w);
    }
    for (const auto& [cc, v] : m) sum += v;
    if (sum <= 0) continue;
    double strength = top_rec->kind == PlaceKind::kCity ? 0.7 : 1.0;
    // Several mentions of one name count more, but far less than as many names.
    strength *= g.weight <= 1.0 ? g.weight : 1.0 + 0.3 * std::log(g.weight);
    // A demonym mostly names an actor ("Russian forces shelled ...", "the French embassy"), not
    // where the story happens: alone it does not make its country the article's.
    // (Only where a name has a reading outside the demonym's country: elsewhere the vote decides
    // nothing between countries, and a full one keeps "Georgian police ... in Tbilisi" the city.)
    if (g.demonym && NameOutside(groups, CcKey(*top_rec))) strength *= kDemonymVote;
    for (const auto& [cc, v] : m) {
      double share = strength * v / sum;
      if (share < 0.05) continue;
      group_vote[gi].push_back({cc, share});
      AddVote(votes, cc, share);
    }
  }
  auto ranked = RankVotes(votes);
  for (const auto& [v, cc] : ranked) ctx->countries.push_back(CcString(cc));
  if (!ranked.empty() && ranked[0].first >= 0.7) ctx->dominant_country = CcString(ranked[0].second);
}

void PlaceResolution::WeighCountriesAndHints(const PlaceContext& ctx) {
  const auto& lex = lex_;
  const std::span<Group> groups = groups_;
  const CountryVotes& votes = scratch_.votes;
  const std::vector<CountryVotes>& group_vote = scratch_.group_vote;
  // The country each name's readings are weighed against: the one the other names speak for
  // most ("Dublin" fifteen times beside one "Ohio" is still in Ohio).
  std::vector<uint16_t> dominant_for(groups.size(), 0);
  const uint16_t dominant_key = ctx.dominant_country.size() == 2 ? CcKey(ctx.dominant_country) : 0;
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    double best = 0.7;
    for (const auto& [cc, v] : votes) {
      double other = v - FindVote(group_vote[gi], cc);
      if (other > best || (other == best && best >= 0.7 && dominant_for[gi] == 0) || (other == best && cc > dominant_for[gi] && dominant_for[gi])) {
        best = other, dominant_for[gi] = cc;
      }
    }
    // A name alone in its article: its own reading decides.
    if (groups.size() == 1) dominant_for[gi] = dominant_key;
  }
  // Per country, the names whose likeliest reading is a town or region in it (the capital rule below).
  CountryVotes local;
  std::vector<uint16_t> local_of(groups.size(), 0);
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const Cand* top = TopByBase(groups[gi]);
    if (top && !groups[gi].demonym && top->rec.kind != PlaceKind::kCountry && top->rec.kind != PlaceKind::kRegion && CcKey(top->rec)) {
      local_of[gi] = CcKey(top->rec);
      AddVote(local, local_of[gi], 1.0);
    }
  }
  // The country of the other names' towns and regions, for StrayNamesake: a country's name or a
  // demonym tells what a story is about ("a rally for Ukraine"), its towns where it happens.
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const uint16_t cc = dominant_for[gi];
    groups[gi].context_country = groups.size() == 1 ? 0 : cc;
    double support = 0;
    bool locative = false;
    for (size_t oi = 0; oi < groups.size() && cc; ++oi) {
      // (not a name the rest of the article reads in a third country: an acronym read as a region)
      if (oi != gi && local_of[oi] == cc && (dominant_for[oi] == 0 || dominant_for[oi] == cc)) {
        support += FindVote(group_vote[oi], cc);
        locative |= groups[oi].locative;
      }
    }
    groups[gi].context_support = support;
    groups[gi].context_locative = locative;
  }
  // Per group, the admin-1 region of its likeliest reading (the capital rule below).
  std::vector<uint32_t> top_admin1(groups.size(), 0);
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const Cand* top = TopByBase(groups[gi]);
    if (top && !groups[gi].demonym) top_admin1[gi] = top->rec.admin1_code;
  }
  // Static terms: country and hints.
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    Group& g = groups[gi];
    for (auto& c : g.cands) {
      const PlaceRec& p = c.rec;
      uint16_t cc = CcKey(p);
      c.why = 0;
      // A country reading is supported by the other names of places in it ("Lebanon" with
      // "Beirut"), as a town's is by its neighbours below.
      double other = cc ? FindVote(votes, cc) - FindVote(group_vote[gi], cc) : 0.0;  // what the other names say
      if (p.kind == PlaceKind::kCountry && other > 0.05) {
        c.base += kSameRegion * std::min(other, kSameRegionCap);
        c.why |= 128;
      }
      // A country's capital bearing one of its regions' names ("Washington"), in an article about
      // another country, is the capital: news abroad names a government by its seat.
      // (Not where the name has a reading in that country: "Dublin" in an Ohio story; nor where
      // other names are towns or regions of the capital's country: "Texas ... Washington".)
      if (c.beside_area && p.rank == FeatureRank::kCapital && dominant_for[gi] && cc != dominant_for[gi] &&
          FindVote(local, cc) - (local_of[gi] == cc ? 1.0 : 0.0) < 0.5 &&
          std::none_of(g.cands.begin(), g.cands.end(), [&](const Cand& o) { return CcKey(o.rec) == dominant_for[gi]; })) {
        c.base += kTownBesideArea;
      }
      // In an article about the capital's own country, a bare name is the capital too ("officials
      // in Washington"), unless it reads as the region ("Washington state", "the state of
      // Washington", "Oregon, Washington and Idaho") or another name lies in that region ("Spokane").
      if (c.beside_area && p.rank == FeatureRank::kCapital && cc && cc == dominant_for[gi] && !g.region_cue) {
        uint32_t region = 0;
        for (const auto& o : g.cands) {
          if (o.rec.kind == PlaceKind::kAdmin1 && CcKey(o.rec) == cc) region = o.rec.admin1_code;
        }
        bool supported = false;
        for (size_t oi = 0; oi < groups.size() && region; ++oi) supported |= oi != gi && top_admin1[oi] == region;
        if (region && !supported) c.base += kTownBesideArea;
      }
      if (cc && cc == dominant_for[gi]) {
        c.base += kDominantCountry;
        c.why |= p.kind == PlaceKind::kCountry ? 1 : 2;
      } else if (other >= 0.3 && p.kind != PlaceKind::kCountry) {
        c.base += kNamedCountry;
        c.why |= 4;
      } else if ((p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kCountry) && dominant_for[gi] && other < 0.05 &&
                 (p.kind != PlaceKind::kCountry ||
                  FindVote(local, dominant_for[gi]) - (local_of[gi] == dominant_for[gi] ? 1.0 : 0.0) >= 0.5)) {
        // A region of a country nothing else in the article is in, when the article is about
        // another ("Laconia" in a New Hampshire story is the town, not the Greek region); so is
        // such a country ("Jordan" beside Shakopee, Minn.; "Lebanon" beside Myerstown, Pa.), but
        // only where towns or regions of the other country say so: its name alone ("the United
        // States sent aid to Macedonia") tells who acts, not where the story is.
        c.base -= p.kind == PlaceKind::kCountry ? kForeignCountry : kForeignRegion;
      }
      // "the village of Novohnativka, Donetsk": after a name the gazetteer lacks, a name says
      // which region it lies in; the region, or the town that is its seat, not a namesake elsewhere.
      if (g.qualifier && (p.kind == PlaceKind::kAdmin1 || (p.rank == FeatureRank::kAdmin1Seat && SeatNamesRegion(lex, p)))) {
        c.base += kQualifierRegion;
      }
      for (int64_t hi : g.hints) {
        const PlaceRec& h = lex.places[hi];
        bool inside = (h.kind == PlaceKind::kAdmin1 && h.admin1_code && h.admin1_code == p.admin1_code && p.kind != PlaceKind::kAdmin1) ||
                      (h.kind == PlaceKind::kAdmin2 && h.admin2_code && h.admin2_code == p.admin2_code && p.kind == PlaceKind::kCity) ||
                      (h.kind == PlaceKind::kCountry && std::memcmp(h.country, p.country, 2) == 0 && p.kind != PlaceKind::kCountry) ||
                      // the seat of a region standing for it ("Hirske, Luhansk"; entity_finder.cc)
                      (h.kind == PlaceKind::kCity && h.admin1_code && h.admin1_code == p.admin1_code && p.kind == PlaceKind::kCity &&
                       c.place != static_cast<uint32_t>(hi));
        if (inside) {
          c.base += kHintInside;
          c.why |= 32;
          break;
        }
      }
      c.score = c.base;
    }
  }
  // The first weights and best readings, from these scores alone (Cohere's round 0 reads them).
  SetWeights();
}

// Sets each group's weights and best reading; true when some group's best changed.
bool PlaceResolution::SetWeights() {
  bool changed = false;
  for (auto& g : groups_) {
    size_t before = g.best;
    double top = -1e9;
    for (size_t k = 0; k < g.cands.size(); ++k) {
      if (g.cands[k].score > top) top = g.cands[k].score, g.best = k;
    }
    for (auto& c : g.cands) c.w = static_cast<float>(std::clamp(1.0 - (top - c.score) / kPlausibleRange, 0.0, 1.0));
    // A demonym speaks for its country only.
    if (g.demonym) for (auto& c : g.cands) c.w = 0;
    changed |= g.best != before;
  }
  return changed;
}

// Nearness of a reading at p to the other groups: for each other group, its best weight among
// readings within kNearMaxKm (full up to kNearFullKm), summed. Reads scratch_.grid.
double PlaceResolution::Nearness(const PlaceRec& p, size_t gi) {
  std::vector<GridPoint>& grid = scratch_.grid;
  std::vector<float>& near_best = scratch_.near_best;
  std::vector<size_t>& touched = scratch_.touched;
  double cosl = std::cos(p.lat * M_PI / 180);
  int dlon = cosl > 0.3 ? 2 : 5;
  for (int dy = -2; dy <= 2; ++dy) {
    // One row of cells is one run of the sorted grid.
    int32_t lo_cell = GridCell(p.lat + dy, p.lon - dlon), hi_cell = GridCell(p.lat + dy, p.lon + dlon);
    auto it = std::lower_bound(grid.begin(), grid.end(), lo_cell, [](const GridPoint& x, int32_t c) { return x.cell < c; });
    for (; it != grid.end() && it->cell <= hi_cell; ++it) {
      const GridPoint& q = *it;
      if (q.group == gi) continue;
      double ky = (q.lat - p.lat) * 111.2, kx = (q.lon - p.lon) * 111.2 * cosl;
      double d = std::sqrt(kx * kx + ky * ky);
      if (d >= kNearMaxKm) continue;
      double f = d <= kNearFullKm ? 1.0 : (kNearMaxKm - d) / (kNearMaxKm - kNearFullKm);
      float v = static_cast<float>(f * q.w);
      if (v <= 0.0f) continue;
      if (near_best[q.group] == 0.0f) touched.push_back(q.group);
      near_best[q.group] = std::max(near_best[q.group], v);
    }
  }
  double near = 0;
  for (size_t t : touched) near += near_best[t], near_best[t] = 0.0f;
  touched.clear();
  return near;
}

void PlaceResolution::Cohere() {
  ResolveScratch& scratch = scratch_;
  const std::span<Group> groups = groups_;
  const size_t ng = groups.size();
  scratch.near_best.assign(ng, 0.0f);
  scratch.touched.clear();
  Support &region = scratch.region, &county = scratch.county, &county_city = scratch.county_city;
  std::vector<GridPoint>& grid = scratch.grid;  // readings by 1-degree cell
  for (int round = 0; round < 3; ++round) {
    // Support per region: for each group the best weight of its readings there, summed over groups.
    region.Clear(), county.Clear(), county_city.Clear();
    grid.clear();
    for (size_t gi = 0; gi < ng; ++gi) {
      uint32_t g32 = static_cast<uint32_t>(gi);
      for (const auto& c : groups[gi].cands) {
        if (c.w <= 0) continue;
        const PlaceRec& p = c.rec;
        if (p.admin1_code && (Local(p.kind) || p.kind == PlaceKind::kAdmin1)) {
          float kw = p.kind == PlaceKind::kAdmin1 ? 1.0f : p.kind == PlaceKind::kAdmin2 ? 0.8f : 0.6f;
          region.Add(p.admin1_code, g32, c.w * kw);
        }
        if (p.admin2_code && p.kind == PlaceKind::kAdmin2) county.Add(p.admin2_code, g32, c.w);
        if (p.admin2_code && p.kind == PlaceKind::kCity) county_city.Add(p.admin2_code, g32, c.w);
        if (Local(p.kind)) grid.push_back({GridCell(p.lat, p.lon), p.lat, p.lon, c.w, g32});
      }
    }
    region.Finish(), county.Finish(), county_city.Finish();
    std::sort(grid.begin(), grid.end(), [](const GridPoint& x, const GridPoint& y) { return x.cell < y.cell; });
    auto other = [](const Support& sup, uint32_t key, size_t group) { return sup.Other(key, static_cast<uint32_t>(group)); };
    for (size_t gi = 0; gi < ng; ++gi) {
      Group& g = groups[gi];
      // One reading: its score changes nothing (it is shown only when explaining).
      if (g.cands.size() == 1 && (round > 0 || !explain_)) continue;
      for (auto& c : g.cands) {
        const PlaceRec& p = c.rec;
        double s = c.base;
        uint32_t why = c.why & (1 | 2 | 4 | 32 | 128);
        if (p.admin1_code && p.kind != PlaceKind::kCountry) {
          double a = other(region, p.admin1_code, gi);
          if (a > 0.05) {
            s += kSameRegion * std::min(a, kSameRegionCap);
            why |= 8;
          }
        }
        if (p.admin2_code) {
          double a = p.kind == PlaceKind::kCity     ? other(county, p.admin2_code, gi)
                     : p.kind == PlaceKind::kAdmin2 ? other(county_city, p.admin2_code, gi)
                                                    : 0.0;
          if (a > 0.05) {
            s += kCounty * std::min(a, 1.0);
            why |= 16;
          }
        }
        if (Local(p.kind)) {
          double near = Nearness(p, gi);
          if (near > 0.05) {
            s += kNear * std::min(near, kNearCap);
            why |= 64;
          }
        }
        c.score = s;
        c.why = why;
      }
    }
    // The weights of round 0 came from the bases alone; after that, stop once nothing moves.
    if (!SetWeights() && round > 0) break;
  }
}

// A name whose best reading is a small town (not a capital) of a country that nothing else in the
// article speaks for, while other names are towns or regions of another country the name has no
// reading in: a namesake of a place the gazetteer lacks ("Luna" beside "Ituri province" is no town
// of the Philippines). Unresolved, the event falls back on the places the story does name. A name
// written with its region ("X, Texas"), qualifying another, or near the article's other places,
// keeps its reading; so does one in a country the article names ("fled across the border to X, Peru").
bool PlaceResolution::StrayNamesake(size_t gi) {
  const Group& g = groups_[gi];
  const Cand& best = g.cands[g.best];
  const PlaceRec& p = best.rec;
  // Where the story is said to happen ("rallied in X"), only a scene in the other country outweighs it.
  if (g.locative && !g.context_locative) return false;
  if (g.demonym || g.qualifier || !g.hints.empty()) return false;
  if (p.kind != PlaceKind::kCity || p.rank == FeatureRank::kCapital) return false;
  if (p.population >= kStrayMaxPopulation || g.context_support < kContextMinimum || !g.context_country) return false;
  const uint16_t cc = CcKey(p);
  if (!cc || cc == g.context_country) return false;
  if (FindVote(scratch_.votes, cc) - FindVote(scratch_.group_vote[gi], cc) >= 0.05) return false;
  // Support from the other names' readings (Cohere), whether or not a one-reading name was scored.
  const uint32_t g32 = static_cast<uint32_t>(gi);
  if (p.admin1_code && scratch_.region.Other(p.admin1_code, g32) > 0.05) return false;
  if (p.admin2_code && scratch_.county.Other(p.admin2_code, g32) > 0.05) return false;
  if (Nearness(p, gi) > 0.05) return false;
  return std::none_of(g.cands.begin(), g.cands.end(), [&](const Cand& o) { return CcKey(o.rec) == g.context_country; });
}

void PlaceResolution::Choose() {
  static constexpr const char* kReasons[] = {", the article's country", ", in the article's country", ", in a country the article names",
                                             ", in a region the article names", ", related to a county of the article",
                                             ", inside the region written after it", ", near other places of the article",
                                             ", a country other names lie in"};
  for (size_t gi = 0; gi < groups_.size(); ++gi) {
    Group& g = groups_[gi];
    const Cand& best = g.cands[g.best];
    if (StrayNamesake(gi)) {
      g.stray = true;
      for (size_t mi : g.members) {
        mentions_[mi].chosen = -1;
        if (explain_)
          mentions_[mi].why = "left unresolved: a small town of a country nothing else in the article is in";
      }
      continue;
    }
    std::string why;
    if (explain_) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "base %.2f, score %.2f", BaseScoreOf(lex_.places[best.place], false), best.score);
      why = buf;
      for (int b = 0; b < 8; ++b) {
        if (best.why & (1u << b)) why += kReasons[b];
      }
      why += " (of " + std::to_string(g.cands.size()) + " candidates)";
    }
    for (size_t mi : g.members) {
      mentions_[mi].chosen = best.place;
      if (explain_) mentions_[mi].why = why;
    }
  }
}

// Every kind of place counts alike (a town is where things happen), each mention as its weight
// says, repeated mentions less and less.
void PlaceResolution::FindHomeCountry(PlaceContext* ctx) const {
  CountryVotes home;
  for (const auto& g : groups_) {
    uint16_t cc = g.stray ? 0 : CcKey(g.cands[g.best].rec);
    if (cc) AddVote(home, cc, g.home <= 1.0 ? g.home : 1.0 + std::log(g.home));
  }
  auto ranked = RankVotes(home);
  ctx->dominant_country = !ranked.empty() && ranked[0].first >= kHomeMinimum ? CcString(ranked[0].second) : std::string();
}

// Named regions count double.
void PlaceResolution::FindMainRegion(PlaceContext* ctx) const {
  std::map<uint32_t, double> region_weight;
  for (const auto& m : mentions_) {
    if (m.chosen < 0 || m.demonym) continue;
    const PlaceRec& p = lex_.places[m.chosen];
    if (p.admin1_code && (p.kind == PlaceKind::kAdmin1 || Local(p.kind))) {
      region_weight[p.admin1_code] += p.kind == PlaceKind::kAdmin1 ? 2 : 1;
    }
  }
  uint32_t best_code = 0;
  double best_w = 0;
  for (const auto& [code, w] : region_weight) {
    if (w > best_w) best_w = w, best_code = code;
  }
  ctx->main_region_code = best_code;
  if (best_code) {
    // The region itself, when some name of the article could mean it (else MainRegion finds it).
    for (const auto& g : groups_) {
      for (const auto& c : g.cands) {
        const PlaceRec& p = c.rec;
        if (p.kind == PlaceKind::kAdmin1 && p.admin1_code == best_code) ctx->main_region = c.place;
      }
    }
  }
}

}  // namespace

double PlaceResolver::BaseScore(uint32_t index, bool alternate) const {
  return BaseScoreOf(lex_->impl().places[index], alternate);
}

PlaceContext PlaceResolver::Resolve(std::vector<PlaceMention>* mentions, bool explain) const {
  PlaceContext ctx;
  ResolveScratch& scratch = ThreadResolveScratch();
  PlaceResolution resolution(lex_->impl(), mentions, explain, scratch);
  resolution.GroupMentions();
  resolution.VoteForCountries(&ctx);
  resolution.WeighCountriesAndHints(ctx);
  resolution.Cohere();
  resolution.Choose();
  resolution.FindHomeCountry(&ctx);
  resolution.FindMainRegion(&ctx);
  scratch.Trim();
  return ctx;
}

int64_t PlaceResolver::MainRegion(const PlaceContext& ctx) const {
  if (ctx.main_region >= 0 || !ctx.main_region_code) return ctx.main_region;
  const auto& lex = lex_->impl();
  // Regions are stored before the cities: the scan stops at the first city.
  for (size_t i = 0; i < lex.places.size() && lex.places[i].kind != PlaceKind::kCity; ++i) {
    if (lex.places[i].kind == PlaceKind::kAdmin1 && lex.places[i].admin1_code == ctx.main_region_code) return static_cast<int64_t>(i);
  }
  return -1;
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
    // Names are sorted by first letter, then length: find the first of this letter and of the
    // shortest length within the limit.
    const unsigned char first = static_cast<unsigned char>(norm[0]);
    const size_t min_len = norm.size() - limit, max_len = norm.size() + limit;
    uint32_t lo = c->fuzzy_begin, hi = end;
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      unsigned char f = static_cast<unsigned char>(lex.StrFirstByte(lex.fuzzy[mid].name));
      if (f < first || (f == first && lex.fuzzy[mid].length < min_len)) lo = mid + 1;
      else hi = mid;
    }
    const uint32_t mask = lexicon::LetterMask(norm.data(), norm.size());
    int8_t want[32] = {0};
    for (char ch : norm) want[static_cast<unsigned char>(ch) & 31]++;
    for (uint32_t k = lo; k < end; ++k) {
      const lexicon::FuzzyName& fz = lex.fuzzy[k];
      if (fz.length > max_len || static_cast<unsigned char>(lex.StrFirstByte(fz.name)) != first) break;
      // Each edit adds or removes at most two letters of the set: a cheap lower bound.
      if (PopCount(fz.letters ^ mask) > 2 * limit) continue;
      std::string_view name = lex.Str(fz.name);
      // Letter counts bound the distance from below too.
      int diff = 0;
      int8_t counts[32];
      std::memcpy(counts, want, sizeof counts);
      for (char ch : name) counts[static_cast<unsigned char>(ch) & 31]--;
      for (int8_t v : counts) diff += v < 0 ? -v : v;
      if ((diff + 1) / 2 > limit) continue;
      int d = BoundedEditDistance(norm, name, limit);
      if (d > limit) continue;
      uint32_t pop = lex.places[fz.place].population;
      if (d < best_d || (d == best_d && pop > best_pop)) best = fz.place, best_d = d, best_pop = pop;
    }
    if (best >= 0) break;  // the first (dominant) country that has one wins
  }
  return best;
}

int64_t PlaceResolver::FindInRegion(std::string_view name, std::string_view country, std::string_view admin1) const {
  const auto& lex = lex_->impl();
  if (country.size() != 2 || admin1.empty()) return -1;
  auto inside = [&](const PlaceRec& p) {
    return p.kind == PlaceKind::kCity && std::memcmp(p.country, country.data(), 2) == 0 && lex.Str(p.admin1) == admin1;
  };
  int64_t best = -1;
  uint32_t best_pop = 0;
  if (const lexicon::Slot* sl = lex.Find(lexicon::PhraseKey(name))) {
    for (const lexicon::Posting& ps : lex.PostingsOf(*sl)) {
      const PlaceRec* p = lex.Place(ps);
      if (!p || !inside(*p) || (ps.flags & (lexicon::kDemonym | lexicon::kAdminAbbrev))) continue;
      if (best < 0 || p->population > best_pop) best = ps.target, best_pop = p->population;
    }
  }
  if (best >= 0) return best;
  // One edit away ("Mykhailivka" for the gazetteer's "Mykhaylivka"), among that region's towns.
  std::string norm = lexicon::NormalizePhrase(name);
  const auto* c = lex.Country(country);
  if (!c || norm.size() < 6) return -1;
  const int limit = 1;
  uint32_t end = std::min<uint32_t>(c->fuzzy_end, static_cast<uint32_t>(lex.fuzzy.size()));
  for (uint32_t k = c->fuzzy_begin; k < end; ++k) {
    const lexicon::FuzzyName& fz = lex.fuzzy[k];
    if (fz.length + limit < norm.size() || fz.length > norm.size() + limit || lex.StrFirstByte(fz.name) != norm[0]) continue;
    const PlaceRec& p = lex.places[fz.place];
    if (!inside(p) || BoundedEditDistance(norm, lex.Str(fz.name), limit) > limit) continue;
    if (best < 0 || p.population > best_pop) best = fz.place, best_pop = p.population;
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
