// DateResolver: date expressions in the text ("today", "yesterday", "on Friday", "last week",
// "earlier this month", "on Jan. 5", "5 January", "March 21, 2009", "early January", "since the
// beginning of January", "in 2004", "15 years ago", "2022-01-05"), each resolved against the
// publication date to an EventDate {value, precision day|month|year, basis explicit|relative}.
// Calendar words and relative phrases come from data/dates/*.txt.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "eventmill/document.h"
#include "eventmill/status.h"
#include "text/tokenizer.h"

namespace eventmill::analyze {

// A proleptic Gregorian date.
struct CivilDate {
  int year = 0, month = 0, day = 0;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 and back; ISO weekday (Monday 1 .. Sunday 7).
int64_t DaysFromCivil(CivilDate d);
CivilDate CivilFromDays(int64_t days);
int IsoWeekday(CivilDate d);
// "2022-01-09", "2022-01-09T14:26:31Z" -> 2022-01-09; nullopt when not a valid date.
std::optional<CivilDate> ParseIsoDate(std::string_view s);
// "2022-01-09"
std::string FormatDate(CivilDate d);

// The compiled data of data/dates/. Immutable after Load; share it between threads.
struct DateLexicon {
  std::map<std::string, int> months, weekdays;
  std::vector<std::vector<std::string>> parts;       // "beginning of", "early"
  std::set<std::string, std::less<>> month_cues, year_cues;
  std::map<std::string, int> numbers;                // "three" -> 3, for "three days ago"
  struct Relative {
    std::vector<std::string> words;
    int offset = 0;
    std::string unit;  // day month year
  };
  std::vector<Relative> relatives;                   // longest first
  std::map<std::string, std::pair<int, std::string>> ago_units;  // "days" -> {1, "day"}
  std::vector<std::pair<std::vector<std::string>, std::string>> weekday_modifiers;

  // Reads dir/calendar.txt and dir/relative.txt. An error names the missing file.
  static Result<DateLexicon> Load(const DataFiles& files);
};

class DateResolver {
 public:
  // `lexicon` must outlive the resolver.
  explicit DateResolver(const DateLexicon& lexicon) : lex_(&lexicon) {}

  // Date expressions in doc.text[range], resolved against `anchor` (the publication date).
  // Without an anchor only expressions that carry their own year are returned.
  std::vector<DateMention> FindInSpan(const Document& doc, Span range,
                                      std::optional<CivilDate> anchor) const;

  // The same over tokens of doc.text (text::Tokenize's, or a sentence's read off doc.tokens).
  std::vector<DateMention> FindInTokens(const Document& doc, std::vector<text::Token> tokens,
                                        std::optional<CivilDate> anchor) const;

  // Fills doc.dates (text order) over the whole text, anchored on doc.published.
  void Find(Document& doc) const;

 private:
  const DateLexicon* lex_;
};

// The date the event coder should use for a clause or sentence: of the doc.dates inside `span`,
// the first of day precision, else the first of any precision; nullptr when none. The pointer
// is valid until doc.dates changes. Linear in doc.dates.
const DateMention* DateInSpan(const Document& doc, Span span);

}  // namespace eventmill::analyze
