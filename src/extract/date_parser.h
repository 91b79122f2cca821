// DateParser: reads publication dates as pages write them (ISO 8601, RFC 822, "January 9, 2022",
// "9. Januar 2022", "09.01.2022", dates in URL paths) and gives ISO 8601: "2022-01-09T14:26:31Z",
// "2022-01-09T14:26:31+03:00", or "2022-01-09" when no time is known.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace eventmill::extract {

// A date value from metadata (meta content, JSON-LD, <time datetime>): the whole value is a date.
std::optional<std::string> ParseDateValue(std::string_view value);

// A date written in running text ("MOSCOW, January 9, 2022 -"): the first full date (with a year)
// within the first `window` bytes. Date only, no time.
std::optional<std::string> FindDateInText(std::string_view text, size_t window = 200);

// A dateline opening a paragraph: a date starting in the first 40 bytes ("MOSCOW, January 9, 2022 -",
// "09.01.2022 | Berlin") followed by a dash, colon, bar, slash, bracket or the end, not by more
// of a sentence ("Am 22. Oktober 2019 erscheint ..." speaks of a date). Date only.
std::optional<std::string> FindDateline(std::string_view paragraph);

// A date in a URL path: /2022/01/09/, /2022-01-09/, /20220109/. Date only.
std::optional<std::string> FindDateInUrl(std::string_view url);

// A year and month in a URL path without a day (/2013/10/slug): "2013-10".
std::optional<std::string> FindMonthInUrl(std::string_view url);

}  // namespace eventmill::extract
