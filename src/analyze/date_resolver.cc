// Date expressions are read token by token; at each token the longest of these is taken:
//   ISO date ("2022-01-05"); a relative phrase of data/dates/relative.txt ("earlier this month");
//   "N <unit> ago"; [modifier] weekday ("last Friday", "on Friday"); [part] month [day] [year]
//   ("early January", "Jan. 5, 2022", "March 2003"); day [of] month [year] ("5 January");
//   a year after a year cue ("in 2004").
// A month or day without a year takes the year that puts it nearest the publication date, a
// date after publication counting double (news mostly reports the past).
#include "analyze/date_resolver.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "eventmill/lexicon.h"
#include "syntax/word_splitter.h"
#include "text/grammar_words.h"
#include "text/tokenizer.h"
#include "text/word_lists.h"

namespace eventmill::analyze {
namespace {

using text::Token;
using text::TokenKind;

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::string p(phrase);
  std::vector<std::string> out;
  for (const Token& t : text::Tokenize(p, {0, static_cast<uint32_t>(p.size())}))
    out.push_back(text::AsciiLower(std::string_view(p).substr(t.span.begin, t.span.size())));
  return out;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::string FormatMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
  return buf;
}

struct Reader {
  const DateLexicon& lex;
  const Document& doc;
  std::vector<Token> toks;
  std::vector<std::string> lw;   // lower case, possessive "'s" dropped
  std::optional<CivilDate> anchor;

  size_t Match(size_t i, const std::vector<std::string>& words) const {
    if (words.empty() || i + words.size() > lw.size()) return 0;
    for (size_t k = 0; k < words.size(); ++k)
      if (lw[i + k] != words[k]) return 0;
    return words.size();
  }

  bool Cap(size_t i) const { return i < toks.size() && toks[i].capitalized; }

  // Month at i ("January", "Jan", "Jan." with its dot); sets *end past it.
  std::optional<int> MonthAt(size_t i, size_t* end) const {
    if (i >= lw.size() || !Cap(i)) return std::nullopt;
    auto it = lex.months.find(lw[i]);
    if (it == lex.months.end()) return std::nullopt;
    *end = i + 1;
    if (lw[i].size() <= 4 && lw[i] != "may" && lw[i] != "june" && lw[i] != "july") {
      if (*end < lw.size() && lw[*end] == ".") ++*end;
    }
    return it->second;
  }

  // A day of the month at i: "5", "05", "5th", "21st".
  std::optional<int> DayAt(size_t i) const {
    if (i >= toks.size()) return std::nullopt;
    const std::string& w = lw[i];
    size_t n = 0;
    while (n < w.size() && std::isdigit(static_cast<unsigned char>(w[n]))) ++n;
    if (n == 0 || n > 2) return std::nullopt;
    std::string rest = w.substr(n);
    if (!(rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return std::nullopt;
    int d = std::atoi(w.c_str());
    if (d < 1 || d > 31) return std::nullopt;
    return d;
  }

  std::optional<int> YearAt(size_t i) const {
    if (i >= toks.size() || toks[i].kind != TokenKind::kNumber || lw[i].size() != 4) return std::nullopt;
    int y = std::atoi(lw[i].c_str());
    if (y < 1800 || y > 2199) return std::nullopt;
    return y;
  }

  // The year for a month (and day) without one: nearest the anchor, the future counting double.
  int InferYear(int month, int day) const {
    int best_year = anchor->year;
    double best = 1e18;
    int64_t a = DaysFromCivil(*anchor);
    for (int y = anchor->year - 1; y <= anchor->year + 1; ++y) {
      int d = day > 0 ? std::min(day, DaysInMonth(y, month)) : 15;
      int64_t diff = DaysFromCivil({y, month, d}) - a;
      double cost = diff > 0 ? 2.0 * diff : -static_cast<double>(diff);
      if (day == 0 && y == anchor->year && month == anchor->month) cost = 0;
      if (cost < best) {
        best = cost;
        best_year = y;
      }
    }
    return best_year;
  }

  void Add(std::vector<DateMention>* out, size_t b, size_t e, std::string value, std::string precision,
           std::string basis) const {
    DateMention m;
    m.span = {toks[b].span.begin, toks[e - 1].span.end};
    m.date = {std::move(value), std::move(precision), std::move(basis)};
    out->push_back(std::move(m));
  }

  // Tries every form at i; returns the token after the expression, or i when none.
  size_t ReadAt(size_t i, std::vector<DateMention>* out) const {
    const std::string& w = lw[i];
    // ISO "2022-01-05".
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
      if (auto d = ParseIsoDate(w)) {
        Add(out, i, i + 1, FormatDate(*d), "day", "explicit");
        return i + 1;
      }
    }
    // Relative phrases.
    for (const auto& r : lex.relatives) {
      if (size_t n = Match(i, r.words)) {
        if (!anchor) return i + n;
        if (r.unit == "day") {
          Add(out, i, i + n, FormatDate(CivilFromDays(DaysFromCivil(*anchor) + r.offset)), "day", "relative");
        } else if (r.unit == "month") {
          int m0 = anchor->year * 12 + (anchor->month - 1) + r.offset;
          Add(out, i, i + n, FormatMonth(m0 / 12, m0 % 12 + 1), "month", "relative");
        } else {
          Add(out, i, i + n, std::to_string(anchor->year + r.offset), "year", "relative");
        }
        return i + n;
      }
    }
    // "N <unit> ago".
    {
      std::optional<int> n;
      size_t k = i + 1;
      if (toks[i].kind == TokenKind::kNumber) {
        n = std::atoi(w.c_str());
      } else if (auto it = lex.numbers.find(w); it != lex.numbers.end()) {
        n = it->second;
      } else if (w == "a" && i + 1 < lw.size() && lw[i + 1] == "few") {
        n = 3;
        k = i + 2;
      }
      if (n && k + 1 < lw.size() && lw[k + 1] == "ago") {
        if (auto u = lex.ago_units.find(lw[k]); u != lex.ago_units.end()) {
          if (anchor) {
            int64_t days = DaysFromCivil(*anchor) - static_cast<int64_t>(*n) * u->second.first;
            CivilDate d = CivilFromDays(days);
            const std::string& p = u->second.second;
            if (p == "day") Add(out, i, k + 2, FormatDate(d), "day", "relative");
            else if (p == "month") Add(out, i, k + 2, FormatMonth(d.year, d.month), "month", "relative");
            else Add(out, i, k + 2, std::to_string(d.year), "year", "relative");
          }
          return k + 2;
        }
      }
    }
    // [modifier] weekday.
    {
      std::string mode;
      size_t k = i;
      for (const auto& [words, m] : lex.weekday_modifiers) {
        if (size_t n = Match(i, words)) {
          mode = m;
          k = i + n;
          break;
        }
      }
      if (k < lw.size() && Cap(k)) {
        auto wd = lex.weekdays.find(lw[k]);
        bool abbreviated = wd != lex.weekdays.end() && lw[k].size() <= 5 && lw[k] != "friday" &&
                           lw[k] != "monday" && lw[k] != "sunday";
        if (wd != lex.weekdays.end() && (!abbreviated || (k + 1 < lw.size() && lw[k + 1] == "."))) {
          size_t end = k + 1 + (abbreviated ? 1 : 0);
          if (anchor) {
            int pub = IsoWeekday(*anchor);
            int back = (pub - wd->second + 7) % 7;
            int64_t days = DaysFromCivil(*anchor);
            if (mode == "after") {
              int fwd = (wd->second - pub + 7) % 7;
              days += fwd == 0 ? 7 : fwd;
            } else if (mode == "before") {
              days -= back == 0 ? 7 : back;
            } else {
              days -= back;
            }
            // "Friday, March 20" names the day itself: leave it to the explicit date after it.
            size_t after = end;
            if (after < lw.size() && lw[after] == ",") ++after;
            size_t mend;
            if (!(MonthAt(after, &mend) && DayAt(mend)) && !DayAt(after))
              Add(out, i, end, FormatDate(CivilFromDays(days)), "day", "relative");
          }
          return end;
        }
      }
    }
    // [part] month [day] [, year], and day [of] month [year].
    {
      size_t k = i;
      bool part = false;
      for (const auto& p : lex.parts) {
        if (size_t n = Match(i, p)) {
          k = i + n;
          part = true;
          break;
        }
      }
      // "mid-January" is one token.
      std::optional<int> month;
      size_t mend = 0;
      if (!part && w.rfind("mid-", 0) == 0) {
        if (auto it = lex.months.find(w.substr(4)); it != lex.months.end()) {
          month = it->second;
          mend = i + 1;
          part = true;
        }
      }
      if (!month) month = MonthAt(k, &mend);
      if (month) {
        bool cue = part || (i > 0 && lex.month_cues.count(lw[i - 1]));
        size_t e = mend;
        std::optional<int> day;
        if (!part) day = DayAt(e);
        if (day) {
          ++e;
          std::optional<int> year;
          size_t ye = e;
          if (ye < lw.size() && lw[ye] == ",") ++ye;
          if ((year = YearAt(ye))) e = ye + 1;
          if (*day > DaysInMonth(year ? *year : 2000, *month)) return i + 1;
          if (year) {
            Add(out, i, e, FormatDate({*year, *month, *day}), "day", "explicit");
          } else if (anchor) {
            Add(out, i, e, FormatDate({InferYear(*month, *day), *month, *day}), "day", "explicit");
          }
          return e;
        }
        size_t ye = e;
        if (ye < lw.size() && lw[ye] == ",") ++ye;
        if (auto year = YearAt(ye)) {
          Add(out, i, ye + 1, FormatMonth(*year, *month), "month", "explicit");
          return ye + 1;
        }
        bool ambiguous = lw[k] == "may" || lw[k] == "march";
        if (cue && !(ambiguous && !part && i == k && !(i > 0 && Cap(k)))) {
          if (anchor) Add(out, i, e, FormatMonth(InferYear(*month, 0), *month), "month", "explicit");
          return e;
        }
        return i + 1;
      }
      if (auto day = DayAt(i)) {
        size_t e = i + 1;
        if (e < lw.size() && lw[e] == "of") ++e;
        if (auto m = MonthAt(e, &mend); m && *day <= DaysInMonth(2000, *m)) {
          e = mend;
          size_t ye = e;
          if (ye < lw.size() && lw[ye] == ",") ++ye;
          if (auto year = YearAt(ye)) {
            Add(out, i, ye + 1, FormatDate({*year, *m, *day}), "day", "explicit");
            return ye + 1;
          }
          if (anchor) Add(out, i, e, FormatDate({InferYear(*m, *day), *m, *day}), "day", "explicit");
          return e;
        }
      }
    }
    // A year after a cue: "in 2004", "since 1996", "spring 2008".
    if (auto year = YearAt(i); year && i > 0 && lex.year_cues.count(lw[i - 1])) {
      // Not a count of people: "in 2004 people" is rare, "since 2003" is common.
      Add(out, i, i + 1, std::to_string(*year), "year", "explicit");
      return i + 1;
    }
    return i;
  }
};

}  // namespace

int64_t DaysFromCivil(CivilDate d) {
  int y = d.year - (d.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (d.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int IsoWeekday(CivilDate d) {
  int64_t days = DaysFromCivil(d);  // 1970-01-01 was a Thursday (4)
  int64_t wd = (days % 7 + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(wd) + 1;
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  CivilDate d{std::atoi(std::string(s.substr(0, 4)).c_str()), std::atoi(std::string(s.substr(5, 2)).c_str()),
              std::atoi(std::string(s.substr(8, 2)).c_str())};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return std::nullopt;
  return d;
}

std::string FormatDate(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Result<DateLexicon> DateLexicon::Load(const DataFiles& files) {
  DateLexicon lex;
  EM_ASSIGN_OR_RETURN(text::WordLists cal, text::ReadWordLists(files, "dates/calendar.txt"));
  EM_ASSIGN_OR_RETURN(text::WordLists rel, text::ReadWordLists(files, "dates/relative.txt"));
  EM_RETURN_IF_ERROR(text::RequireSections(cal, files.PathOf("dates/calendar.txt"), {"parts", "month_cues", "year_cues"}));
  EM_RETURN_IF_ERROR(text::RequireSections(rel, files.PathOf("dates/relative.txt"), {"phrases", "ago", "weekday_modifiers", "numbers"}));
  // Month and weekday names and their abbreviations are English grammar words (text/grammar_words.h).
  namespace grammar = text::grammar;
  for (grammar::WordClass names : {grammar::WordClass(grammar::kMonths), grammar::WordClass(grammar::kMonthAbbreviations)})
    for (std::string_view w : names) lex.months[std::string(w)] = grammar::NumberOf(grammar::kMonths, w);
  for (grammar::WordClass names : {grammar::WordClass(grammar::kWeekdays), grammar::WordClass(grammar::kWeekdayAbbreviations)})
    for (std::string_view w : names) lex.weekdays[std::string(w)] = grammar::NumberOf(grammar::kWeekdays, w);
  for (const auto& e : cal["parts"]) lex.parts.push_back(PhraseWords(e.key));
  std::stable_sort(lex.parts.begin(), lex.parts.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& e : cal["month_cues"])
    for (const auto& w : text::KeyAlternatives(e)) lex.month_cues.insert(w);
  for (const auto& e : cal["year_cues"])
    for (const auto& w : text::KeyAlternatives(e)) lex.year_cues.insert(w);
  for (const auto& e : rel["phrases"]) {
    if (e.values.size() < 2) continue;
    lex.relatives.push_back({PhraseWords(e.key), std::atoi(e.values[0].c_str()), e.values[1]});
  }
  std::stable_sort(lex.relatives.begin(), lex.relatives.end(),
                   [](const Relative& a, const Relative& b) { return a.words.size() > b.words.size(); });
  for (const auto& e : rel["ago"])
    if (e.values.size() >= 2) lex.ago_units[e.key] = {std::atoi(e.values[0].c_str()), e.values[1]};
  for (const auto& e : rel["weekday_modifiers"])
    if (!e.values.empty()) lex.weekday_modifiers.push_back({PhraseWords(e.key), e.values[0]});
  std::stable_sort(lex.weekday_modifiers.begin(), lex.weekday_modifiers.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& e : rel["numbers"])
    if (!e.values.empty()) lex.numbers[e.key] = std::atoi(e.values[0].c_str());
  return lex;
}

std::vector<DateMention> DateResolver::FindInSpan(const Document& doc, Span range,
                                                  std::optional<CivilDate> anchor) const {
  return FindInTokens(doc, text::Tokenize(doc.text, range), anchor);
}

std::vector<DateMention> DateResolver::FindInTokens(const Document& doc, std::vector<Token> tokens,
                                                    std::optional<CivilDate> anchor) const {
  Reader r{*lex_, doc, std::move(tokens), {}, anchor};
  r.lw.reserve(r.toks.size());
  for (const Token& t : r.toks) {
    std::string w = text::AsciiLower(doc[t.span]);
    for (std::string_view s : {"'s", "\xE2\x80\x99s"})
      if (w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0) w.resize(w.size() - s.size());
    r.lw.push_back(std::move(w));
  }
  std::vector<DateMention> out;
  size_t i = 0;
  while (i < r.toks.size()) {
    size_t next = r.ReadAt(i, &out);
    i = next > i ? next : i + 1;
  }
  return out;
}

void DateResolver::Find(Document& doc) const {
  std::optional<CivilDate> anchor;
  if (doc.published) anchor = ParseIsoDate(*doc.published);
  doc.dates.clear();
  // Sentence by sentence: no expression crosses one, and memory stays small on huge pages.
  std::vector<Span> ranges;
  if (!doc.sentences.empty()) {
    for (const Sentence& s : doc.sentences) {
      std::vector<DateMention> found = FindInTokens(doc, syntax::SentenceTokens(doc, s), anchor);
      doc.dates.insert(doc.dates.end(), found.begin(), found.end());
    }
    return;
  } else if (!doc.paragraphs.empty()) {
    ranges = doc.paragraphs;
  } else {
    ranges.push_back({0, static_cast<uint32_t>(doc.text.size())});
  }
  for (Span r : ranges) {
    std::vector<DateMention> found = FindInSpan(doc, r, anchor);
    doc.dates.insert(doc.dates.end(), found.begin(), found.end());
  }
}

const DateMention* DateInSpan(const Document& doc, Span span) {
  const DateMention* any = nullptr;
  for (const DateMention& m : doc.dates) {
    if (!span.Contains(m.span)) continue;
    if (m.date.precision == "day") return &m;
    if (!any) any = &m;
  }
  return any;
}

}  // namespace eventmill::analyze
