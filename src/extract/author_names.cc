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
           c == ')' || c == '*' || c == '\t' || c == '\n' || c == '\'' || c == '"' || c == '~' || c == '@';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back()) &&
         !(s.back() == '.' && s.size() >= 2 && std::isupper(static_cast<unsigned char>(s[s.size() - 2])) &&
           (s.size() == 2 || s[s.size() - 3] == ' ' || s[s.size() - 3] == '.')))
    s.remove_suffix(1);
  // Dashes, quotation marks and the copyright sign (UTF-8) around a name.
  for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xA9", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                "\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB", "\xC2\xA0"}) {
    while (s.size() >= dash.size() && s.substr(0, dash.size()) == dash) s = Trim(s.substr(dash.size()));
    while (s.size() >= dash.size() && s.substr(s.size() - dash.size()) == dash)
      s = Trim(s.substr(0, s.size() - dash.size()));
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

// Whether several words read as a name: each starts with a capital (or a letter of another
// script) or is a particle ("von", "de", "van der"). One word always does ("jesusfreak").
bool ReadsAsName(std::string_view part) {
  if (part.find(' ') == std::string_view::npos) return true;
  static const char* kParticles[] = {"von", "van", "der", "den", "de", "da", "del", "della", "di",  "du",  "la",
                                     "le",  "zu",  "bin", "al",  "el", "y",  "dos", "das",   "ter", "ten", "af"};
  size_t b = 0;
  while (b < part.size()) {
    size_t e = part.find(' ', b);
    if (e == std::string_view::npos) e = part.size();
    std::string_view w = part.substr(b, e - b);
    b = e + 1;
    if (w.empty()) continue;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if ((c >= 'A' && c <= 'Z') || c >= 0xC0 || c == '\'' || c == '"') continue;
    if (std::find_if(std::begin(kParticles), std::end(kParticles), [&](const char* p) { return w == p; }) !=
        std::end(kParticles))
      continue;
    return false;
  }
  return true;
}

bool ClosesWithBylineWord(std::string_view part, const ExtractData& data) {
  const std::string lower = AsciiLower(part) + " ";
  return std::any_of(data.byline_words().begin(), data.byline_words().end(), [&](const std::string& w) {
    return lower == w || (lower.size() > w.size() && lower.compare(lower.size() - w.size(), w.size(), w) == 0 &&
                          lower[lower.size() - w.size() - 1] == ' ');
  });
}

// Splits at the separators of several names: ';', ',', '/', '|', " and ", " & " and their kin.
std::vector<std::string> SplitNames(const std::string& s) {
  std::vector<std::string> parts;
  std::string cur;
  static const char* kJoins[] = {" and ",
                                 " und ",
                                 " & ",
                                 " y ",
                                 " et ",
                                 " e ",
                                 " en ",
                                 " og ",
                                 " och ",
                                 " i ",
                                 " oraz ",
                                 " \xC2\xB7 ",
                                 " \xE2\x80\xA2 ",
                                 " \xE2\x80\x93 ",
                                 " \xE2\x80\x94 ",
                                 " - "};
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
    if (agencies && std::find(agencies->begin(), agencies->end(), a) == agencies->end())
      agencies->push_back(std::move(a));
  };
  for (const std::string& value : raw) {
    std::string s = CollapseWhitespace(DecodeLeftoverEntities(value));
    // "Foto: Jo Roe" names who took the picture, not who wrote the story.
    if (data.OpensWithCredit(s)) continue;
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
      for (const std::string& w : data.signoff_words()) {
        if (StartsWithNoCase(t, w) && t.size() > w.size()) {
          s = std::string(t.substr(w.size()));
          stripped = true;
          break;
        }
      }
      if (stripped) continue;
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
    // A label before a colon ("Auteur: Anna Kubista", "Artikel von: hausinfo", "Interview: Jo Roe").
    // A label is a phrase, not a list: "Jo Roe, Datum: 03.03.19" keeps the name.
    if (size_t colon = s.find(':'); colon != std::string::npos && colon + 1 < s.size() &&
                                    std::count(s.begin(), s.begin() + colon, ' ') <= 2 &&
                                    std::find(s.begin(), s.begin() + colon, ',') == s.begin() + colon)
      s = s.substr(colon + 1);
    // Handles and addresses among the words ("Jo Roe @joroe") go; the name stays.
    {
      std::string kept;
      size_t b = 0;
      while (b <= s.size()) {
        size_t e = s.find(' ', b);
        if (e == std::string::npos) e = s.size();
        std::string_view w = std::string_view(s).substr(b, e - b);
        if (w.find('@') == std::string_view::npos && w.find("://") == std::string_view::npos)
          kept += (kept.empty() ? "" : " ") + std::string(w);
        b = e + 1;
      }
      s = kept;
    }
    // "Posted on September 21, 2020 by Adi Tzlil": the name follows the last " by ".
    if (size_t by = AsciiLower(s).rfind(" by "); by != std::string::npos) s = s.substr(by + 4);
    for (const std::string& piece : SplitNames(s)) {
      std::string_view part = Trim(piece);
      if (part.empty() || part.size() > 80) continue;
      if (part.find('@') != std::string_view::npos || part.find("://") != std::string_view::npos ||
          part.find("www.") != std::string_view::npos)
        continue;
      // A labelled value with figures ("Datum: 03.03.19", "Tel.: 0211 77900") is no name.
      if (const size_t colon = part.find(':'); colon != std::string_view::npos &&
                                               std::any_of(part.begin() + colon, part.end(),
                                                           [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      // A date or time after the name ("Bo2man am 29.12.2010"): the words before the first with
      // a digit, without a trailing short lower-case word ("am", "on", "le").
      // A byline word left alone or closing a label ("Von", "Artikel von" over a name in another
      // element), before the short word at its end is taken for a date's ("von", "am").
      if (ClosesWithBylineWord(part, data)) continue;
      std::string_view before_date = part;
      for (size_t w = 0; w < part.size(); w = part.find(' ', w) == std::string_view::npos ? part.size() : part.find(' ', w) + 1) {
        const size_t e = std::min(part.find(' ', w), part.size());
        std::string_view word = part.substr(w, e - w);
        const bool digit = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digit && word.size() > 1 && !std::isalpha(static_cast<unsigned char>(word.back()))) {
          before_date = Trim(part.substr(0, w));
          break;
        }
      }
      while (!before_date.empty()) {
        const size_t sp = before_date.rfind(' ');
        if (sp == std::string_view::npos) break;
        std::string_view last = before_date.substr(sp + 1);
        if (last.size() > 3 || !std::islower(static_cast<unsigned char>(last[0]))) break;
        before_date = Trim(before_date.substr(0, sp));
      }
      part = before_date;
      if (part.empty() || std::any_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                              part.find(' ') != std::string_view::npos)
        continue;
      if (std::count(part.begin(), part.end(), ' ') >= 5) continue;  // a sentence, not a name
      std::string agency = AgencyOf(part, data);
      if (!agency.empty()) {
        add_agency(std::move(agency));
        continue;
      }
      // Role words before the name ("Senior Reporter Jane Doe", "FOCUS-Online-Experte Jo Roe").
      while (std::count(part.begin(), part.end(), ' ') >= 2 && IsRole(part.substr(0, part.find(' ')), data))
        part = Trim(part.substr(part.find(' ') + 1));
      if (IsRole(part, data) || data.IsNotAName(part)) continue;
      if (!ReadsAsName(part)) continue;
      std::string name(part);
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    }
  }
  return out;
}

}  // namespace eventmill::extract
