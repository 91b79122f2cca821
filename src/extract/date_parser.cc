#include "extract/date_parser.h"

#include <cstdio>
#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "eventmill/civil_date.h"
#include "extract/extract_data.h"
#include "text/grammar_words.h"

namespace eventmill::extract {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A real day (no 30 February) in the years news pages are dated.
bool ValidDate(int y, int m, int d) { return y >= 1990 && y <= 2100 && core::IsValidCivilDate(y, m, d); }

std::string Iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads n digits at s[*i]; returns -1 if not there.
int Digits(std::string_view s, size_t* i, size_t n) {
  if (*i + n > s.size()) return -1;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!IsDigit(s[*i + k])) return -1;
    v = v * 10 + (s[*i + k] - '0');
  }
  *i += n;
  return v;
}

// Reads 1 or 2 digits.
int Digits12(std::string_view s, size_t* i) {
  if (*i >= s.size() || !IsDigit(s[*i])) return -1;
  int v = s[(*i)++] - '0';
  if (*i < s.size() && IsDigit(s[*i])) v = v * 10 + (s[(*i)++] - '0');
  return v;
}

// A month name starting at s[*i] (letters only, case-insensitive, optional trailing '.').
int MonthAt(std::string_view s, size_t* i) {
  size_t j = *i;
  while (j < s.size() && (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') || static_cast<unsigned char>(s[j]) >= 0x80)) ++j;
  if (j == *i) return 0;
  std::string word = AsciiLower(s.substr(*i, j - *i));
  // Lower-case the few non-ASCII capitals month names use.
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"Ä", "ä"}, {"É", "é"}, {"Û", "û"}}) {
    size_t p;
    while ((p = word.find(from)) != std::string::npos) word.replace(p, from.size(), to);
  }
  // English, German, French, Spanish, Italian, Dutch month names and abbreviations.
  int month = text::grammar::MonthOf(word);
  if (month) {
    *i = j;
    if (*i < s.size() && s[*i] == '.') ++*i;
  }
  return month;
}

void SkipSpaces(std::string_view s, size_t* i) {
  while (*i < s.size() && (s[*i] == ' ' || s[*i] == ',' || s[*i] == '\t')) ++*i;
}

// A date at s[i] in any of the written forms; on success sets *end past it.
std::optional<std::string> DateAt(std::string_view s, size_t i, size_t* end) {
  size_t j = i;
  // ISO: 2022-01-09, 2022/01/09, 2022.01.09
  if (int y = Digits(s, &j, 4); y > 0 && j < s.size() && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
    char sep = s[j++];
    int m = Digits12(s, &j);
    if (m > 0 && j < s.size() && s[j] == sep) {
      ++j;
      int d = Digits12(s, &j);
      if (ValidDate(y, m, d) && (j >= s.size() || !IsDigit(s[j]))) {
        *end = j;
        return Iso(y, m, d);
      }
    }
  }
  j = i;
  // 09.01.2022 / 9/1/2022 (day first except with '/', where month first is the US habit)
  if (int a = Digits12(s, &j); a > 0 && j < s.size() && (s[j] == '.' || s[j] == '/' || s[j] == '-')) {
    char sep = s[j++];
    int b = Digits12(s, &j);
    if (b > 0 && j < s.size() && s[j] == sep) {
      ++j;
      int y = Digits(s, &j, 4);
      // "31.10.23": a two-digit year after day and month with dots (this century's first forty years).
      if (y < 0 && sep == '.') {
        y = Digits(s, &j, 2);
        if (y > 40 || (j < s.size() && (IsDigit(s[j]) || s[j] == '.'))) y = -1;
        if (y >= 0) y += 2000;
      }
      if (y > 0 && (j >= s.size() || !IsDigit(s[j]))) {
        int d = sep == '/' ? b : a, m = sep == '/' ? a : b;
        if (sep == '/' && m > 12) std::swap(d, m);
        if (ValidDate(y, m, d)) {
          *end = j;
          return Iso(y, m, d);
        }
      }
    }
  }
  j = i;
  // 9 January 2022 / 9. Januar 2022 / 9th January, 2022
  if (int d = Digits12(s, &j); d > 0) {
    if (j < s.size() && s[j] == '.') ++j;
    if (j + 2 <= s.size() && (s.compare(j, 2, "st") == 0 || s.compare(j, 2, "nd") == 0 ||
                              s.compare(j, 2, "rd") == 0 || s.compare(j, 2, "th") == 0))
      j += 2;
    SkipSpaces(s, &j);
    if (s.compare(j, 3, "de ") == 0) j += 3;
    if (int m = MonthAt(s, &j); m > 0) {
      SkipSpaces(s, &j);
      if (s.compare(j, 3, "de ") == 0) j += 3;
      int y = Digits(s, &j, 4);
      if (ValidDate(y, m, d)) {
        *end = j;
        return Iso(y, m, d);
      }
    }
  }
  j = i;
  // January 9, 2022 / Jan. 9 2022
  if (int m = MonthAt(s, &j); m > 0) {
    SkipSpaces(s, &j);
    int d = Digits12(s, &j);
    if (d > 0) {
      if (j + 2 <= s.size() && (s.compare(j, 2, "st") == 0 || s.compare(j, 2, "nd") == 0 ||
                                s.compare(j, 2, "rd") == 0 || s.compare(j, 2, "th") == 0))
        j += 2;
      SkipSpaces(s, &j);
      int y = Digits(s, &j, 4);
      if (ValidDate(y, m, d)) {
        *end = j;
        return Iso(y, m, d);
      }
    }
  }
  return std::nullopt;
}

// "T14:26:31+00:00" after a date: the time and zone, normalised ("T14:26:31Z").
std::string TimeAt(std::string_view s, size_t j) {
  if (j >= s.size() || (s[j] != 'T' && s[j] != ' ')) return {};
  ++j;
  size_t k = j;
  int hh = Digits(s, &k, 2);
  if (hh < 0 || hh > 23 || k >= s.size() || s[k] != ':') return {};
  ++k;
  int mm = Digits(s, &k, 2);
  if (mm < 0 || mm > 59) return {};
  int ss = 0;
  if (k < s.size() && s[k] == ':') {
    ++k;
    ss = Digits(s, &k, 2);
    if (ss < 0 || ss > 60) return {};
    if (k < s.size() && s[k] == '.')
      for (++k; k < s.size() && IsDigit(s[k]);) ++k;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hh, mm, ss);
  std::string out = buf;
  while (k < s.size() && s[k] == ' ') ++k;
  if (k < s.size() && (s[k] == 'Z' || s.compare(k, 3, "GMT") == 0 || s.compare(k, 3, "UTC") == 0)) {
    out += 'Z';
  } else if (k < s.size() && (s[k] == '+' || s[k] == '-')) {
    char sign = s[k++];
    int zh = Digits(s, &k, 2);
    if (k < s.size() && s[k] == ':') ++k;
    int zm = Digits(s, &k, 2);
    if (zm < 0) zm = 0;
    if (zh >= 0) {
      if (zh == 0 && zm == 0) {
        out += 'Z';
      } else {
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, zh, zm);
        out += buf;
      }
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> ParseDateValue(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\n' || v.front() == '\t')) v.remove_prefix(1);
  if (v.empty()) return std::nullopt;
  // RFC 822 / 1123: "Sun, 09 Jan 2022 14:26:31 GMT" -- skip the weekday.
  size_t start = 0;
  if (v.size() > 5 && !IsDigit(v[0])) {
    size_t comma = v.find(',');
    bool weekday = comma != std::string_view::npos && comma <= 10 &&
                   std::none_of(v.begin(), v.begin() + comma, [](char c) { return IsDigit(c); });
    if (weekday) {
      size_t k = comma + 1;
      while (k < v.size() && v[k] == ' ') ++k;
      if (k < v.size() && IsDigit(v[k])) start = k;
    }
  }
  size_t end = 0;
  for (size_t i = start; i < v.size() && i < start + 40; ++i) {
    if (i > start && IsDigit(v[i]) && IsDigit(v[i - 1])) continue;
    auto d = DateAt(v, i, &end);
    if (d) {
      std::string t = TimeAt(v, end);
      if (t.empty() && end < v.size() && v[end] == ' ') {
        // "09 Jan 2022 14:26:31 GMT"
        t = TimeAt(v, end);
      }
      return *d + t;
    }
  }
  // A bare Unix timestamp (seconds or milliseconds) is not a readable date; leave it.
  return std::nullopt;
}

std::optional<std::string> FindDateInText(std::string_view text, size_t window) {
  size_t limit = std::min(text.size(), window);
  size_t end = 0;
  for (size_t i = 0; i < limit; ++i) {
    if (i > 0) {
      unsigned char p = static_cast<unsigned char>(text[i - 1]);
      if (std::isalnum(p)) continue;  // starts of words and numbers only
    }
    if (auto d = DateAt(text, i, &end)) return d;
  }
  return std::nullopt;
}

std::optional<std::string> FindDateline(std::string_view text) {
  const size_t limit = std::min<size_t>(text.size(), 40);
  for (size_t i = 0; i < limit; ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    size_t end = 0;
    auto d = DateAt(text, i, &end);
    if (!d) continue;
    // Past a time ("09.01.2022, 14:26 Uhr") to what follows the date.
    size_t k = end;
    auto skip = [&](std::string_view chars) {
      while (k < text.size() && chars.find(text[k]) != std::string_view::npos) ++k;
    };
    skip(" ,");
    if (k + 1 < text.size() && IsDigit(text[k]) && (text[k + 1] == ':' || (k + 2 < text.size() && text[k + 2] == ':'))) {
      skip("0123456789:");
      skip(" ");
      for (std::string_view unit : {"Uhr", "h", "am", "pm", "AM", "PM", "GMT", "UTC", "CET"})
        if (text.substr(k, unit.size()) == unit) {
          k += unit.size();
          break;
        }
      skip(" ");
    }
    if (k >= text.size()) return d;
    const unsigned char c = static_cast<unsigned char>(text[k]);
    // A date opening the paragraph, then a quotation or a name: "01.02.2022 „Der Arbeitsmarkt ...".
    if (i == 0 && !(c >= 'a' && c <= 'z') && k > end) return d;
    if (c == '-' || c == ':' || c == '|' || c == '/' || c == '(' || c == ')' || c == '\n') return d;
    if (c == 0xE2 && text.substr(k, 3) >= "\xE2\x80\x93" && text.substr(k, 3) <= "\xE2\x80\x94") return d;  // – —
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> FindDateInUrl(std::string_view url) {
  for (size_t i = 0; i + 8 <= url.size(); ++i) {
    if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
    size_t j = i + 1;
    int y = Digits(url, &j, 4);
    if (y < 1990 || y > 2100) continue;
    int m = -1, d = -1;
    if (j < url.size() && (url[j] == '/' || url[j] == '-' || url[j] == '_')) {
      char sep = url[j++];
      m = Digits(url, &j, 2);
      if (m > 0 && j < url.size() && url[j] == sep) {
        ++j;
        d = Digits(url, &j, 2);
      }
    } else {
      m = Digits(url, &j, 2);
      d = Digits(url, &j, 2);
      if (j < url.size() && IsDigit(url[j])) continue;
    }
    if (ValidDate(y, m, d) && (j >= url.size() || !IsDigit(url[j]))) return Iso(y, m, d);
  }
  // A day written first, as a path segment or the start of a slug: /29-10-2021, /23-01-2022-title.
  // Only when the day cannot be a month (over 12): 03-04-2022 may be read either way.
  for (size_t i = 0; i + 11 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    size_t j = i + 1;
    int d = Digits(url, &j, 2);
    if (d <= 12 || j >= url.size() || (url[j] != '-' && url[j] != '.')) continue;
    const char sep = url[j++];
    int m = Digits(url, &j, 2);
    if (m < 1 || j >= url.size() || url[j] != sep) continue;
    ++j;
    int y = Digits(url, &j, 4);
    if (ValidDate(y, m, d) && (j >= url.size() || !IsDigit(url[j]))) return Iso(y, m, d);
  }
  return std::nullopt;
}

std::optional<std::string> FindMonthInUrl(std::string_view url) {
  // Past the host: a year and a month as path segments of their own.
  size_t from = url.find("://");
  from = from == std::string_view::npos ? 0 : url.find('/', from + 3);
  for (size_t i = from; i != std::string_view::npos && i + 8 <= url.size(); i = url.find('/', i + 1)) {
    size_t j = i + 1;
    int y = Digits(url, &j, 4);
    if (y < 1990 || y > 2100 || j >= url.size() || url[j] != '/') continue;
    ++j;
    int m = Digits(url, &j, 2);
    if (m < 1 || m > 12 || (j < url.size() && url[j] != '/')) continue;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return std::string(buf);
  }
  return std::nullopt;
}

}  // namespace eventmill::extract
