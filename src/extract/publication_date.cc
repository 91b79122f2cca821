#include "extract/publication_date.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "extract/date_parser.h"

namespace eventmill::extract {
namespace {

// A day ("2022-01-09") as a day number, for telling neighbouring days apart; -1 if malformed.
long DayNumber(const std::string& iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return -1;
  int y = std::atoi(iso.substr(0, 4).c_str()), m = std::atoi(iso.substr(5, 2).c_str()),
      d = std::atoi(iso.substr(8, 2).c_str());
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  // Days from civil (Howard Hinnant's algorithm).
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool IsDay(const std::string& v) { return DayNumber(v) >= 0; }
bool IsMonth(const std::string& v) { return v.size() == 7 && v[4] == '-'; }
// A time stamp in UTC ("...T22:04:00Z"): its day may not be the day the page shows.
bool IsUtcTime(const std::string& v) { return v.find('T') != std::string::npos && v.back() == 'Z'; }

struct Day {
  std::string day;  // "2022-01-09"
  long number = 0;
  int best = 0;           // the strongest candidate's weight
  size_t best_index = 0;  // into the candidates
  std::vector<std::string> sources;
  bool has_local = false;  // some candidate of the day is not a UTC stamp
  int local_best = 0;      // the strongest such candidate's weight
  size_t local_index = 0;


  int Score() const {
    return best + 5 * static_cast<int>(std::min<size_t>(sources.size() - 1, 3));
  }
};

// Supporting sources beyond the first add a little each: two sources agreeing outweigh one a
// bit stronger, never a much stronger one.
constexpr int kConflictMargin = 10;  // a rival day this close to the winner leaves the date unknown
constexpr int kConflictFloor = 70;   // ... when the rival itself is a strong source
constexpr int kLocalDayFloor = 40;   // a local day may correct a UTC stamp from this weight on
constexpr long kShownReach = 366;    // days between a shown day and the markup's it may overrule

// "2022-03-05" -> "2022-05-03"; empty when the swap is no date or the same one.
std::string SwapDayAndMonth(const std::string& day) {
  if (!IsDay(day)) return {};
  const int m = std::atoi(day.substr(5, 2).c_str()), d = std::atoi(day.substr(8, 2).c_str());
  if (d > 12 || d == m) return {};
  return day.substr(0, 5) + day.substr(8, 2) + "-" + day.substr(5, 2);
}

// A date shown as numbers ("05/03/2022") reads day first or month first by the page's custom.
// A shown date whose day no source of the markup gives, when its other reading is a day the
// markup gives, is that day: the markup states the convention.
std::vector<DateCandidate> ReadShownDatesAsMarkup(const std::vector<DateCandidate>& in,
                                                  std::vector<std::string>* explain) {
  std::vector<DateCandidate> out = in;
  auto markup_has = [&](const std::string& day) {
    return std::any_of(in.begin(), in.end(), [&](const DateCandidate& c) {
      return !c.visible && IsDay(c.value) && c.value.compare(0, 10, day) == 0;
    });
  };
  for (DateCandidate& c : out) {
    if (!c.visible || !IsDay(c.value) || markup_has(c.value.substr(0, 10))) continue;
    const std::string swapped = SwapDayAndMonth(c.value.substr(0, 10));
    if (swapped.empty() || !markup_has(swapped)) continue;
    explain->push_back("read " + c.value.substr(0, 10) + " from " + c.source + " as " + swapped +
                       ", the day the markup gives (day and month swapped)");
    c.value = swapped + c.value.substr(10);
  }
  return out;
}

// A UTC stamp within a few hours of midnight ("2022-05-04T02:41:00Z") names another day in much
// of the world; exactly midnight is a date without a time.
bool NearMidnightUtc(const std::string& v) {
  if (!IsUtcTime(v) || v.size() < 19 || v[10] != 'T') return false;
  if (v.compare(11, 8, "00:00:00") == 0) return false;
  const int hour = std::atoi(v.substr(11, 2).c_str());
  return hour >= 22 || hour <= 2;
}

// A time of day without a zone ("2022-05-05T22:17:36") within two hours of midnight.
bool NearMidnightWithoutZone(const std::string& v) {
  if (v.size() < 16 || v[10] != 'T' || v.back() == 'Z') return false;
  if (v.find_first_of("+-", 11) != std::string::npos) return false;  // an offset follows the time
  const int hour = std::atoi(v.substr(11, 2).c_str());
  return hour >= 22 || hour <= 1;
}

// The choice among the candidates by weight and support alone; the checks of what readers see
// follow in ChoosePublicationDate.
DateChoice ChooseByWeight(const std::vector<DateCandidate>& candidates, std::vector<long>* rivals) {
  DateChoice out;
  std::vector<Day> days;
  const DateCandidate* month = nullptr;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const DateCandidate& c = candidates[i];
    out.explain.push_back("candidate " + c.value + " from " + c.source + " (weight " + std::to_string(c.weight) + ")");
    if (IsMonth(c.value)) {
      if (!month || c.weight > month->weight) month = &c;
      continue;
    }
    if (!IsDay(c.value)) continue;
    const std::string day = c.value.substr(0, 10);
    auto it = std::find_if(days.begin(), days.end(), [&](const Day& d) { return d.day == day; });
    if (it == days.end()) {
      days.push_back(Day{day, DayNumber(day)});
      it = days.end() - 1;
    }
    if (c.weight > it->best || it->sources.empty()) it->best = c.weight, it->best_index = i;
    if (std::find(it->sources.begin(), it->sources.end(), c.source) == it->sources.end())
      it->sources.push_back(c.source);
    if (!IsUtcTime(c.value) && c.weight > it->local_best) {
      it->has_local = true;
      it->local_best = c.weight;
      it->local_index = i;
    }
  }
  if (days.empty()) {
    if (month) {
      out.month = month->value;
      out.explain.push_back("only the month is known (" + month->source + "): no day given");
    } else {
      out.explain.push_back("no date found");
    }
    return out;
  }
  std::stable_sort(days.begin(), days.end(), [](const Day& a, const Day& b) { return a.Score() > b.Score(); });
  size_t win = 0;
  std::string why = "strongest source";
  // A UTC stamp's day is not always the page's: "2019-10-18T22:04:00Z" is the 19th in Vienna.
  // A neighbouring day that a local source gives is the day the page shows.
  if (IsUtcTime(candidates[days[0].best_index].value) && !days[0].has_local) {
    for (size_t k = 1; k < days.size(); ++k) {
      if (std::labs(days[k].number - days[0].number) == 1 && days[k].has_local &&
          days[k].local_best >= kLocalDayFloor) {
        why = "the local day next to a UTC stamp (" + candidates[days[0].best_index].source + ")";
        win = k;
        break;
      }
    }
  }
  const Day& w = days[win];
  const size_t chosen = win == 0 ? w.best_index : w.local_index;
  const int w_score = win == 0 ? w.Score() : days[0].Score();
  for (size_t k = 0; k < days.size(); ++k) {
    if (k == win || (win != 0 && k == 0)) continue;
    const Day& r = days[k];
    // A stamp near midnight without its zone ("2022-05-05T22:17:36") may be the next day where
    // the page is: a strong source of the neighbouring day leaves the day in doubt.
    if (std::labs(r.number - w.number) == 1 && NearMidnightWithoutZone(candidates[chosen].value) &&
        candidates[r.best_index].weight >= kConflictFloor) {
      *rivals = {w.number, r.number};
      out.explain.push_back("no date: " + w.day + " (" + candidates[chosen].source + ") is a time near midnight " +
                            "without a zone, and " + r.day + " (" + candidates[r.best_index].source + ") the day beside it");
      return out;
    }
    // A UTC stamp one day off the winner is the same moment in another zone.
    if (std::labs(r.number - w.number) == 1 && IsUtcTime(candidates[r.best_index].value) && w.has_local) continue;
    if (r.Score() >= kConflictFloor && r.Score() + kConflictMargin > w_score) {
      *rivals = {w.number, r.number};
      out.explain.push_back("no date: " + w.day + " (" + candidates[chosen].source + ") and " + r.day + " (" +
                            candidates[r.best_index].source + ") are both strong");
      return out;
    }
  }
  if (w_score < kMinDateScore) {
    out.explain.push_back("no date: " + w.day + " (" + candidates[chosen].source + ") alone is too weak");
    if (month) out.month = month->value;
    return out;
  }
  if (month && month->value != w.day.substr(0, 7)) {
    // The URL's month rules: the best day of that month another source gives, else none.
    for (const Day& d : days) {
      if (d.day.compare(0, 7, month->value) != 0 || d.Score() < kMinDateScore) continue;
      const DateCandidate& c = candidates[d.best_index];
      out.value = c.value;
      out.precision = c.value.find('T') != std::string::npos ? "time" : "day";
      out.source = c.source;
      out.explain.push_back("chose " + c.value + " from " + c.source + ": the best day in the month " + month->value +
                            " of " + month->source + " (" + w.day + " of " + candidates[chosen].source + " is not)");
      return out;
    }
    out.explain.push_back("no date: " + w.day + " (" + candidates[chosen].source + ") is not in the month " +
                          month->value + " of " + month->source);
    out.month = month->value;
    return out;
  }
  // The day is settled; its value is the most precise a strong source of that day gives (a URL
  // says the day, article:published_time the hour as well).
  size_t given = chosen;
  if (candidates[given].value.find('T') == std::string::npos) {
    for (size_t i = 0; i < candidates.size(); ++i) {
      const DateCandidate& o = candidates[i];
      if (o.value.size() > 10 && o.value.compare(0, 10, w.day) == 0 && o.value.find('T') != std::string::npos &&
          o.weight >= kConflictFloor && (win == 0 || !IsUtcTime(o.value)) &&
          (given == chosen || o.weight > candidates[given].weight))
        given = i;
    }
  }
  const DateCandidate& c = candidates[given];
  out.value = c.value;
  out.precision = c.value.find('T') != std::string::npos ? "time" : "day";
  out.source = c.source;
  std::string support;
  for (const std::string& s : w.sources)
    if (s != c.source) support += (support.empty() ? "" : ", ") + s;
  out.explain.push_back("chose " + c.value + " from " + c.source + ": " + why +
                        (support.empty() ? "" : "; the same day in " + support));
  return out;
}

// The one day every date shown to readers gives; empty when the page shows none or several.
std::string TheShownDay(const std::vector<DateCandidate>& candidates) {
  std::string shown;
  for (const DateCandidate& c : candidates) {
    if (!c.visible || !IsDay(c.value)) continue;
    if (!shown.empty() && c.value.compare(0, 10, shown) != 0) return {};
    shown = c.value.substr(0, 10);
  }
  return shown;
}

// The page's date on the day readers see: the strongest candidate of that day, the more precise
// of two equally strong.
DateChoice ChooseShownDay(const std::vector<DateCandidate>& candidates, const std::string& day, DateChoice out,
                          const std::string& why) {
  const DateCandidate* best = nullptr;
  for (const DateCandidate& c : candidates) {
    if (!IsDay(c.value) || c.value.compare(0, 10, day) != 0) continue;
    const bool timed = c.value.find('T') != std::string::npos;
    if (!best || c.weight > best->weight ||
        (c.weight == best->weight && timed && best->value.find('T') == std::string::npos))
      best = &c;
  }
  out.value = best->value;
  out.precision = best->value.find('T') != std::string::npos ? "time" : "day";
  out.source = best->source;
  out.month.reset();
  out.explain.push_back("chose " + best->value + " from " + best->source + ": the day the page shows, " + why);
  return out;
}

}  // namespace

std::optional<LeadDateline> FindLeadDateline(const std::vector<std::string_view>& paragraphs) {
  for (size_t p = 0; p < paragraphs.size() && p < 4; ++p) {
    const std::string_view t = paragraphs[p];
    if (p == 0) {
      if (auto d = FindDateline(t)) return LeadDateline{*d, 0};
      continue;
    }
    if (t.size() < 150 || t.empty() || !std::isdigit(static_cast<unsigned char>(t[0]))) continue;
    if (auto d = FindDateline(t)) return LeadDateline{*d, p};
    return std::nullopt;  // the first paragraph that opens with a number decides
  }
  return std::nullopt;
}

DateChoice ChoosePublicationDate(const std::vector<DateCandidate>& raw) {
  std::vector<std::string> swaps;
  const std::vector<DateCandidate> candidates = ReadShownDatesAsMarkup(raw, &swaps);
  std::vector<long> rivals;
  DateChoice out = ChooseByWeight(candidates, &rivals);
  out.explain.insert(out.explain.begin(), swaps.begin(), swaps.end());
  // Shown to readers, one day settles a dispute of the markup or a markup day that no shown date
  // gives, when the days lie within a year of each other (a time zone, a print edition, a
  // republication); a shown day years away from the markup's belongs to another story.
  const std::string shown_day = TheShownDay(candidates);
  const long shown_number = shown_day.empty() ? -1 : DayNumber(shown_day);
  if (!out.value) {
    if (rivals.size() == 2 && shown_number >= 0 && (rivals[0] == shown_number || rivals[1] == shown_number) &&
        std::labs(rivals[0] - rivals[1]) <= kShownReach)
      return ChooseShownDay(candidates, shown_day, std::move(out), "of the two strong days");
    return out;
  }
  const std::string day = out.value->substr(0, 10);
  auto no_date = [&](std::string why) {
    out.explain.push_back("no date: " + day + " (" + out.source + ") " + why);
    out.value.reset();
    out.precision.clear();
    out.source.clear();
    return out;
  };
  // What readers see decides against the markup: a page that shows dates, none of them the
  // chosen day, shows another (a date the markup gets wrong, or a day in doubt).
  bool shown = false, shown_agrees = false;
  std::string shown_other;
  for (const DateCandidate& c : candidates) {
    if (!c.visible || !IsDay(c.value)) continue;
    shown = true;
    if (c.value.compare(0, 10, day) == 0)
      shown_agrees = true;
    else if (shown_other.empty())
      shown_other = c.value.substr(0, 10) + " (" + c.source + ")";
  }
  if (shown && !shown_agrees) {
    if (shown_number >= 0 && std::labs(shown_number - DayNumber(day)) <= kShownReach)
      return ChooseShownDay(candidates, shown_day, std::move(out), "not " + day + " of " + out.source);
    return no_date("is not the date the page shows: " + shown_other);
  }
  // A day that only UTC stamps near midnight give may be the day before or after where the page is.
  bool all_utc = true, near_midnight = false;
  for (const DateCandidate& c : candidates) {
    if (!IsDay(c.value) || c.value.compare(0, 10, day) != 0) continue;
    all_utc = all_utc && IsUtcTime(c.value);
    near_midnight = near_midnight || NearMidnightUtc(c.value);
  }
  if (all_utc && near_midnight) return no_date("is given only by UTC stamps near midnight: the local day is in doubt");
  return out;
}

}  // namespace eventmill::extract
