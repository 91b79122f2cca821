#include "store/export/reference_tables.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "eventmill/lexicon.h"

namespace eventmill {
namespace {

constexpr char kIsoCodesJson[] = "/usr/share/iso-codes/json/iso_3166-1.json";

const std::map<std::string, CountryCodes, std::less<>>& Countries() {
  static const auto* table = [] {
    auto* t = new std::map<std::string, CountryCodes, std::less<>>();
    std::ifstream in(kIsoCodesJson);
    if (!in) return t;
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("3166-1")) return t;
    for (const auto& c : j["3166-1"]) {
      if (!c.is_object() || !c.contains("alpha_2")) continue;
      (*t)[c.value("alpha_2", "")] = {c.value("alpha_3", ""), c.value("numeric", ""),
                                      c.value("common_name", c.value("name", ""))};
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

}  // namespace

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
