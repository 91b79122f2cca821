#include "code/code_mappings.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace eventmill::code {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  for (auto& f : out) {
    while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.pop_back();
    while (!f.empty() && f.front() == ' ') f.erase(0, 1);
  }
  return out;
}

// Calls fn(fields, where) for each non-comment line; stops at the first error.
template <typename Fn>
Status ForEachRow(std::string_view text, std::string_view name, size_t min_fields, Fn fn) {
  std::istringstream in{std::string(text)};
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#' || line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::vector<std::string> fields = SplitTabs(line);
    std::string where = std::string(name) + ":" + std::to_string(lineno);
    if (fields.size() < min_fields) {
      return Status::InvalidInput(where, "want " + std::to_string(min_fields) + " tab-separated fields");
    }
    EM_RETURN_IF_ERROR(fn(fields, where));
  }
  return Status::Ok();
}

bool IsArmedRole(std::string_view role) {
  return role == "COP" || role == "MIL" || role == "SPY" || role == "REB" || role == "INS" || role == "UAF" ||
         role == "CRM";
}

bool RoleIn(const std::optional<Actor>& actor, std::string_view list) {
  if (!actor || actor->role.empty()) return false;
  std::string roles = "," + std::string(list) + ",";
  return roles.find("," + actor->role + ",") != std::string::npos;
}

}  // namespace

Result<CodeMappings> CodeMappings::Parse(std::string_view cameo, std::string_view plover, std::string_view acled,
                                         std::string_view counts) {
  CodeMappings m;
  EM_RETURN_IF_ERROR(ForEachRow(cameo, "cameo.tsv", 4, [&](const std::vector<std::string>& f, const std::string& where) {
    CameoEntry e;
    e.code = f[0];
    e.quad_class = std::atoi(f[1].c_str());
    e.goldstein = std::atof(f[2].c_str());
    e.name = f[3];
    if (e.code.size() < 2 || e.code.size() > 4 || !std::all_of(e.code.begin(), e.code.end(), ::isdigit) ||
        e.quad_class < 1 || e.quad_class > 4 || e.goldstein < -10 || e.goldstein > 10) {
      return Status::InvalidInput(where, "want 'code quad_class goldstein name' with a 2-4 digit code, "
                                         "quad_class 1-4 and goldstein in [-10, 10]");
    }
    m.cameo_.push_back(std::move(e));
    return Status::Ok();
  }));
  EM_RETURN_IF_ERROR(ForEachRow(plover, "plover.tsv", 3, [&](const std::vector<std::string>& f, const std::string&) {
    m.plover_.push_back({f[0], {f[1] == "-" ? "" : f[1], f[2] == "-" ? "" : f[2]}});
    return Status::Ok();
  }));
  EM_RETURN_IF_ERROR(ForEachRow(acled, "acled.tsv", 4, [&](const std::vector<std::string>& f, const std::string&) {
    m.acled_.push_back({f[0], {f[1], f[2], f[3] == "-" ? "" : f[3]}});
    return Status::Ok();
  }));
  EM_RETURN_IF_ERROR(ForEachRow(counts, "counts.tsv", 2, [&](const std::vector<std::string>& f, const std::string&) {
    Prefixed row{f[0], {}};
    std::istringstream kinds(f[1]);
    std::string k;
    while (std::getline(kinds, k, ',')) row.values.push_back(k);
    m.counts_.push_back(std::move(row));
    return Status::Ok();
  }));
  std::sort(m.cameo_.begin(), m.cameo_.end(), [](const CameoEntry& a, const CameoEntry& b) { return a.code < b.code; });
  return m;
}

Result<CodeMappings> CodeMappings::Load(const DataFiles& mappings) {
  EM_ASSIGN_OR_RETURN(std::string cameo, mappings.Read("cameo.tsv"));
  EM_ASSIGN_OR_RETURN(std::string plover, mappings.Read("plover.tsv"));
  EM_ASSIGN_OR_RETURN(std::string acled, mappings.Read("acled.tsv"));
  EM_ASSIGN_OR_RETURN(std::string counts, mappings.Read("counts.tsv"));
  return Parse(cameo, plover, acled, counts);
}

const CameoEntry* CodeMappings::Find(std::string_view code) const {
  auto find = [&](std::string_view c) -> const CameoEntry* {
    auto it = std::lower_bound(cameo_.begin(), cameo_.end(), c,
                               [](const CameoEntry& e, std::string_view k) { return e.code < k; });
    return it != cameo_.end() && it->code == c ? &*it : nullptr;
  };
  if (const CameoEntry* e = find(code)) return e;
  if (code.size() > 2) return find(code.substr(0, 2));
  return nullptr;
}

const CodeMappings::Prefixed* CodeMappings::Longest(const std::vector<Prefixed>& rows, std::string_view code) {
  const Prefixed* best = nullptr;
  for (const auto& r : rows) {
    if (code.substr(0, r.prefix.size()) == r.prefix && (!best || r.prefix.size() > best->prefix.size())) best = &r;
  }
  return best;
}

bool CodeMappings::Fill(Event& e, const std::vector<std::string>& cues) const {
  const CameoEntry* entry = Find(e.cameo);
  if (!entry || e.cameo.size() < 2) return false;
  e.cameo_root = e.cameo.substr(0, 2);
  e.quad_class = entry->quad_class;
  e.goldstein = entry->goldstein;
  if (const Prefixed* p = Longest(plover_, e.cameo)) {
    e.plover = p->values[0];
    e.plover_mode = p->values[1];
  }
  bool killed = std::any_of(e.counts.begin(), e.counts.end(), [](const Count& c) { return c.kind == "killed"; });
  bool armed = e.source && e.target && IsArmedRole(e.source->role) && IsArmedRole(e.target->role);
  auto has_cue = [&](std::string_view list) {
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      std::string_view one = list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      if (std::find(cues.begin(), cues.end(), one) != cues.end()) return true;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return false;
  };
  // The event happens in the source's own country ("the army retook the town" at home).
  bool domestic = e.source && e.location && !e.source->country.empty() && e.source->country == e.location->place.country;
  auto test = [&](std::string_view cond) {
    if (cond == "-") return true;
    if (cond == "killed") return killed;
    if (cond == "armed") return armed;
    if (cond == "domestic") return domestic;
    if (cond.rfind("target=", 0) == 0) return RoleIn(e.target, cond.substr(7));
    if (cond.rfind("source=", 0) == 0) return RoleIn(e.source, cond.substr(7));
    if (cond.rfind("cue=", 0) == 0) return has_cue(cond.substr(4));
    return false;
  };
  // "!TEST": the test does not hold.
  auto holds = [&](std::string_view cond) { return cond.rfind('!', 0) == 0 ? !test(cond.substr(1)) : test(cond); };
  e.acled_event_type.clear();
  e.acled_sub_event_type.clear();
  e.category.clear();
  // A row's prefix column may list several prefixes ("18,19,20").
  auto starts = [&](std::string_view prefixes) {
    while (true) {
      size_t comma = prefixes.find(',');
      std::string_view one = prefixes.substr(0, comma);
      if (!one.empty() && std::string_view(e.cameo).substr(0, one.size()) == one) return true;
      if (comma == std::string_view::npos) return false;
      prefixes.remove_prefix(comma + 1);
    }
  };
  for (const auto& row : acled_) {
    if (!starts(row.prefix)) continue;
    // A condition is one test or several joined by '&', all of which must hold.
    std::string_view cond = row.values[0];
    bool ok = true;
    while (ok) {
      size_t amp = cond.find('&');
      ok = holds(cond.substr(0, amp));
      if (amp == std::string_view::npos) break;
      cond.remove_prefix(amp + 1);
    }
    if (!ok) continue;
    if (row.values[1] == "-") {
      e.category = row.values[2];
    } else {
      e.acled_event_type = row.values[1];
      e.acled_sub_event_type = row.values[2];
    }
    break;
  }
  return true;
}

bool CodeMappings::CountFits(std::string_view cameo, std::string_view kind) const {
  const Prefixed* p = Longest(counts_, cameo);
  return p && std::find(p->values.begin(), p->values.end(), kind) != p->values.end();
}

}  // namespace eventmill::code
