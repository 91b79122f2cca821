// RecodeTable: reads data/mappings/recodes.tsv (see recode_table.h and the file's header).
#include "code/passes/recode_table.h"

#include <algorithm>

namespace eventmill::code {
namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= s.size()) {
    size_t end = s.find(sep, at);
    if (end == std::string_view::npos) end = s.size();
    out.emplace_back(s.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

bool Matches(std::string_view code, const std::string& pattern) {
  if (pattern == "*") return true;
  if (!pattern.empty() && pattern.back() == '*') {
    std::string_view prefix = std::string_view(pattern).substr(0, pattern.size() - 1);
    return code.substr(0, prefix.size()) == prefix;
  }
  return code == pattern;
}

bool IsCodeList(const std::string& p) {
  if (p == "*") return true;
  std::string_view digits = p;
  if (!digits.empty() && digits.back() == '*') digits.remove_suffix(1);
  return digits.size() >= 2 && digits.size() <= 4 &&
         std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool Recode::AppliesTo(std::string_view cameo) const {
  for (const std::string& x : except) {
    if (Matches(cameo, x)) return false;
  }
  return std::any_of(codes.begin(), codes.end(), [&](const std::string& c) { return Matches(cameo, c); });
}

Result<RecodeTable> RecodeTable::Parse(std::string_view text, std::string_view name) {
  RecodeTable table;
  EM_RETURN_IF_ERROR(ForEachDataLine(text, [&](int number, std::string_view line) -> Status {
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() != 5) return DataError(name, number, "want five tab-separated fields: when, codes, to, modality, why");
    Recode r;
    r.where = "recodes.tsv:" + std::to_string(number);  // for --explain; errors name the whole path
    const std::string& when = f[0];
    if (when.rfind("modality=", 0) == 0) {
      r.when = Recode::When::kModality;
      r.modality = when.substr(9);
      if (r.modality.size() > 4 && r.modality.compare(r.modality.size() - 4, 4, "/cue") == 0) {
        r.cue_only = true;
        r.modality.resize(r.modality.size() - 4);
      }
      if (r.modality.empty()) return DataError(name, number, "modality= without a modality name");
    } else if (when.rfind("sides=", 0) == 0) {
      r.when = Recode::When::kSides;
      std::vector<std::string> sides = Split(std::string_view(when).substr(6), '~');
      if (sides.size() != 2 || sides[0].empty() || sides[1].empty()) {
        return DataError(name, number, "sides= wants two role lists joined by '~' (sides=PRO,OPP~COP,MIL)");
      }
      r.side_a = Split(sides[0], ',');
      r.side_b = Split(sides[1], ',');
    } else {
      return DataError(name, number, "unknown condition '" + when + "': want modality=NAME or sides=ROLES~ROLES");
    }
    for (const std::string& c : Split(f[1], ',')) {
      bool excluded = !c.empty() && c[0] == '!';
      std::string code = excluded ? c.substr(1) : c;
      if (!IsCodeList(code)) return DataError(name, number, "'" + c + "' is no CAMEO code, family (18*) or *");
      (excluded ? r.except : r.codes).push_back(code);
    }
    if (r.codes.empty()) return DataError(name, number, "no code to apply to (only exclusions)");
    if (!IsCodeList(f[2]) || f[2].back() == '*') return DataError(name, number, "'" + f[2] + "' is no CAMEO code");
    r.to = f[2];
    r.keep_modality = f[3] == "same" ? "" : f[3];
    if (f[3].empty()) return DataError(name, number, "empty modality: want \"same\" or a modality name");
    r.why = f[4];
    if (r.why.empty()) return DataError(name, number, "empty why: say what --explain should print");
    table.rows_.push_back(std::move(r));
    return Status::Ok();
  }));
  if (table.rows_.empty()) return DataError(name, 0, "no recode rows");
  return table;
}

Result<RecodeTable> RecodeTable::Load(const DataFiles& mappings) {
  EM_ASSIGN_OR_RETURN(std::string text, mappings.Read("recodes.tsv"));
  return Parse(text, mappings.PathOf("recodes.tsv"));
}

const Recode* RecodeTable::ForModality(std::string_view cameo, std::string_view modality, bool from_cue) const {
  for (const Recode& r : rows_) {
    if (r.when != Recode::When::kModality || r.modality != modality || (r.cue_only && !from_cue)) continue;
    if (r.AppliesTo(cameo)) return &r;
  }
  return nullptr;
}

const Recode* RecodeTable::ForSides(std::string_view cameo, std::string_view a, std::string_view b) const {
  auto in = [](const std::vector<std::string>& roles, std::string_view role) {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  };
  for (const Recode& r : rows_) {
    if (r.when != Recode::When::kSides) continue;
    bool sides = (in(r.side_a, a) && in(r.side_b, b)) || (in(r.side_a, b) && in(r.side_b, a));
    if (sides && r.AppliesTo(cameo)) return &r;
  }
  return nullptr;
}

}  // namespace eventmill::code
