// The date pass: when the event happened. A usable date mention of its clause, else of its
// sentence ("in 1993", "since the beginning of January"; not a possessive that dates another noun,
// "last week's coup", nor a house number); else the day named in the four sentences before, a story
// told in order; else the publication date.
#include <algorithm>
#include <cctype>

#include "code/passes/passes.h"
#include "code/place_binding.h"

namespace eventmill::code {
namespace {

std::string DatePart(const std::optional<std::string>& published) {
  if (!published || published->size() < 10) return "";
  return published->substr(0, 10);
}

std::string PartOfMonth(const Document& doc, const DateMention& d);

// A date mention the event may take: a day, or a month or year other than the publication's
// ("in 1993"), never the publication's own month or year restated vaguely.
bool UsableDate(const Document& doc, const DateMention& d, const std::string& published, bool) {
  if (d.date.value.empty()) return false;
  if (d.date.precision == "day" || d.date.value.size() == 10) return true;
  if (!PartOfMonth(doc, d).empty()) return true;
  return published.compare(0, d.date.value.size(), d.date.value) != 0;
}
// "since the beginning of January", "early March", "mid-May", "late June": the day of the
// month the part points at ("01", "05", "15", "25"), or "" for a plain month.
std::string PartOfMonth(const Document& doc, const DateMention& d) {
  if (d.date.value.size() != 7) return "";
  std::string t;
  for (char c : doc[d.span]) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t.find("beginning") != std::string::npos || t.find("start") != std::string::npos) return "01";
  if (t.find("early") != std::string::npos || t.find("first") != std::string::npos) return "05";
  if (t.find("mid") != std::string::npos) return "15";
  if (t.find("late") != std::string::npos || t.find("end of") != std::string::npos) return "25";
  return "";
}
// A part of a month becomes that day, so an event "since the beginning of January" told on
// January 9 is dated January 1, not the publication day.
EventDate Refine(const Document& doc, const DateMention& d) {
  EventDate e = d.date;
  std::string day = PartOfMonth(doc, d);
  if (!day.empty()) {
    e.value = d.date.value + "-" + day;
    e.precision = "day";
    e.basis = "relative";
  }
  return e;
}
// A bare four-digit number ("1935 Dublin Road") is too weak to date an event; "in 1993" is not.
bool UsableDate(const Document& doc, const DateMention& d, const std::string& published) {
  if (!UsableDate(doc, d, published, true)) return false;
  if (d.date.value.size() == 10) return true;
  std::string_view text = doc[d.span];
  bool letters = std::any_of(text.begin(), text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  std::string_view before = doc.text;
  before = before.substr(0, d.span.begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  auto ends = [&](std::string_view w) { return before.size() >= w.size() && before.substr(before.size() - w.size()) == w; };
  // "of 1935 Orchard St.": a number before a capitalised word is a house number.
  std::string_view after = std::string_view(doc.text).substr(d.span.end);
  if (!letters && after.size() >= 2 && after[0] == ' ' && std::isupper(static_cast<unsigned char>(after[1]))) return false;
  return letters || ends(" in") || ends(" since") || ends(" of") || ends(" until");
}

EventDate FindDate(const Document& doc, const SentenceView& s, size_t cb, size_t ce, size_t trigger,
                   bool* explicit_date, bool* inherited, std::string* how, bool* weak) {
  *inherited = false;
  *weak = false;
  const DateMention* best = nullptr;
  int best_rank = 1 << 30;
  std::string published = DatePart(doc.published);
  for (const auto& d : doc.dates) {
    if (!s.span.Contains(d.span) || !UsableDate(doc, d, published)) continue;
    // "has killed 14,000 people since 2014": a year or month opening a period is when it began,
    // not when the event told happened ("since the beginning of January" is a day: Refine).
    if (PartOfMonth(doc, d).empty() && OpensPeriod(doc, d.span) && d.date.value.size() <= 7) continue;
    // "Trees planted 100 years ago were cut down": a time expression under another predicate
    // dates that one, not this event (place_binding.h; unparsed sentences keep the word rules).
    if (!DateBindsToTrigger(doc, s.index, d.span, s.tokens[trigger].span)) continue;
    // "On 16 March 2022, ...": a date that opens the sentence dates every event in it.
    const bool frame = DateFramesSentence(doc, s.index, d.span);
    size_t t = s.TokenAt(d.span.begin);
    // "marched against last week's coup": a date in the possessive dates the noun after it,
    // not this event, unless that noun is the event ("Sunday's attack killed ...").
    size_t te = d.span.end > d.span.begin ? s.TokenAt(d.span.end - 1) : t;
    std::string_view dt = doc[d.span];
    bool possessive = (te + 1 < s.tokens.size() && s.tokens[te + 1].lower == "'s") ||
                      (dt.size() > 2 && dt.substr(dt.size() - 2) == "'s") ||
                      (dt.size() > 4 && dt.substr(dt.size() - 4) == "\u2019s");
    // "civilians killed in Saturday's clashes": an event told as happening in or during the
    // dated one shares its day.
    bool within_dated = false;
    if (possessive && t > trigger && t <= trigger + 3) {
      within_dated = true;
      for (size_t k = trigger + 1; k < t && within_dated; ++k) {
        const std::string& w = s.tokens[k].lower;
        within_dated = w == "in" || w == "during" || w == "amid" || w == "the";
      }
      within_dated =
          within_dated && (s.tokens[trigger + 1].lower == "in" || s.tokens[trigger + 1].lower == "during" ||
                           s.tokens[trigger + 1].lower == "amid");
    }
    if (possessive && !within_dated && !(trigger > te && trigger <= te + 4)) continue;
    bool in_clause = t >= cb && t < ce;
    int dist = static_cast<int>(t > trigger ? t - trigger : trigger - t);
    int rank = frame ? 0 : (in_clause ? 0 : 1000) + dist;
    if (rank < best_rank) {
      best_rank = rank;
      best = &d;
    }
  }
  if (best) {
    *explicit_date = true;
    std::string_view t = doc[best->span];
    *inherited = t.find("week") != std::string_view::npos || t.find("Week") != std::string_view::npos;
    *how = "date from \"" + std::string(doc[best->span]) + "\" in the " + (best_rank < 1000 ? "clause" : "sentence");
    return Refine(doc, *best);
  }
  // A story told in order: the day named in the four sentences before ("The incident happened
  // Saturday. ... Durr stabbed Davis") still holds, unless it is after publication (a plan).
  constexpr size_t kStoryWindow = 4;
  for (const auto& d : doc.dates) {
    if (d.span.begin >= s.span.begin || d.date.value.size() != 10) continue;
    if (!published.empty() && d.date.value > published) continue;
    if (s.index >= kStoryWindow && d.span.begin < doc.sentences[s.index - kStoryWindow].span.begin) continue;
    if (s.index < 2 && s.index >= 1 && d.span.begin < doc.sentences[0].span.begin) continue;
    if (!best || d.span.begin > best->span.begin) best = &d;  // the last such mention wins
  }
  if (best && s.index > 0) {
    *explicit_date = true;
    *inherited = true;
    *weak = s.index >= 2 && best->span.begin < doc.sentences[s.index - 2].span.begin;
    *how = "date from \"" + std::string(doc[best->span]) + "\" in an earlier sentence of the story";
    return best->date;
  }
  *explicit_date = false;
  EventDate d;
  d.value = DatePart(doc.published);
  if (!d.value.empty()) {
    d.precision = "day";
    d.basis = "published";
    *how = "no date in the sentence: the publication date";
  } else {
    *how = "no date in the sentence and no publication date";
  }
  return d;
}

}  // namespace

void BindDate(const DocumentState& d, const SentenceState& st, TriggerState& t) {
  std::string how;
  EventCandidate& base = t.base;
  base.event.date = FindDate(*d.doc, st.s, t.cb, t.ce, t.m.trigger, &base.date_explicit, &base.date_inherited, &how,
                             &base.date_weak);
  base.date_vague = base.date_inherited && how.find("earlier sentence") == std::string::npos;
  Explain(base.event.explain, pass::kDates, std::move(how));
}

}  // namespace eventmill::code
