#include "extract/author_names.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "extract/metadata_reader.h"

namespace eventmill::extract {
namespace {

bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != lower_prefix[i]) return false;
  return true;
}

std::string_view Trim(std::string_view s) {
  auto junk = [](char c) {
    return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == '-' || c == '|' || c == '/' || c == '(' ||
           c == ')' || c == '*' || c == '\t' || c == '\n';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back()) && !(s.back() == '.' && s.size() >= 2 && std::isupper(static_cast<unsigned char>(s[s.size() - 2])) &&
                                          (s.size() == 2 || s[s.size() - 3] == ' ' || s[s.size() - 3] == '.')))
    s.remove_suffix(1);
  // "– " and "— " (UTF-8 dashes) around a name.
  for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
    while (s.size() >= dash.size() && s.substr(0, dash.size()) == dash) s = Trim(s.substr(dash.size()));
    while (s.size() >= dash.size() && s.substr(s.size() - dash.size()) == dash) s = Trim(s.substr(0, s.size() - dash.size()));
  }
  return s;
}

// The canonical name of the agency `part` names, or empty.
std::string AgencyOf(std::string_view part, const ExtractData& data) {
  for (const Agency& a : data.agencies())
    for (const std::string& alias : a.aliases)
      if (alias.size() == part.size() && AsciiLower(alias) == AsciiLower(part)) return a.name;
  return {};
}

bool IsRole(std::string_view part, const ExtractData& data) {
  const std::string l = AsciiLower(part);
  if (std::count(l.begin(), l.end(), ' ') > 3) return false;
  for (const std::string& r : data.bio_roles())
    if (l.find(r) != std::string::npos) return true;
  return false;
}

// Splits at the separators of several names: ';', ',', '/', '|', " and ", " & " and their kin.
std::vector<std::string> SplitNames(const std::string& s) {
  std::vector<std::string> parts;
  std::string cur;
  static const char* kJoins[] = {" and ", " und ", " & ", " y ", " et ", " e ", " en ", " og ", " och ", " i ", " oraz "};
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == ';' || c == ',' || c == '/' || c == '|' || c == '\n') {
      parts.push_back(std::move(cur));
      cur.clear();
      ++i;
      continue;
    }
    bool joined = false;
    for (const char* j : kJoins) {
      const size_t n = std::char_traits<char>::length(j);
      if (s.compare(i, n, j) == 0) {
        parts.push_back(std::move(cur));
        cur.clear();
        i += n - 1;  // keep the space: the next part starts after it
        joined = true;
        break;
      }
    }
    if (joined) continue;
    cur.push_back(c);
    ++i;
  }
  parts.push_back(std::move(cur));
  return parts;
}

}  // namespace

std::vector<std::string> CleanAuthors(const std::vector<std::string>& raw, const ExtractData& data,
                                      std::vector<std::string>* agencies) {
  std::vector<std::string> out;
  auto add_agency = [&](std::string a) {
    if (agencies && std::find(agencies->begin(), agencies->end(), a) == agencies->end()) agencies->push_back(std::move(a));
  };
  for (const std::string& value : raw) {
    std::string s = CollapseWhitespace(DecodeLeftoverEntities(value));
    // A bracketed agency ("Jane Doe (dpa)") and the byline word before the names.
    for (size_t open = s.find('('); open != std::string::npos; open = s.find('(', open + 1)) {
      const size_t close = s.find(')', open);
      if (close == std::string::npos) break;
      std::string inner = std::string(Trim(std::string_view(s).substr(open + 1, close - open - 1)));
      std::string agency = AgencyOf(inner, data);
      if (!agency.empty()) add_agency(agency);
      s.erase(open, close - open + 1);
    }
    for (bool stripped = true; stripped;) {
      stripped = false;
      std::string_view t = Trim(s);
      for (const std::string& w : data.byline_words()) {
        if (StartsWithNoCase(t, w)) {
          s = std::string(t.substr(w.size()));
          stripped = true;
          break;
        }
        // "Autor:" written without a space after it.
        if (w.size() > 2 && w[w.size() - 2] == ':' && StartsWithNoCase(t, w.substr(0, w.size() - 1))) {
          s = std::string(t.substr(w.size() - 1));
          stripped = true;
          break;
        }
      }
    }
    for (const std::string& piece : SplitNames(s)) {
      std::string_view part = Trim(piece);
      if (part.empty() || part.size() > 80) continue;
      if (part.find('@') != std::string_view::npos || part.find("://") != std::string_view::npos ||
          part.find("www.") != std::string_view::npos)
        continue;
      if (std::any_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;  // a date
      if (std::count(part.begin(), part.end(), ' ') >= 5) continue;  // a sentence, not a name
      std::string agency = AgencyOf(part, data);
      if (!agency.empty()) {
        add_agency(std::move(agency));
        continue;
      }
      if (IsRole(part, data)) continue;
      std::string name(part);
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    }
  }
  return out;
}

}  // namespace eventmill::extract
