// Calendar and map arithmetic for the dedup stage and the store: day numbers for date windows and
// tolerances, distances between points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eventmill {

// Days since 1970-01-01 of "YYYY-MM-DD" (a day past the month's end, "2022-02-31", counts on into
// the next month, as a window bound may be written). 0 for a shorter string.
int64_t DayNumber(std::string_view day);

// "YYYY-MM-DD" of a day number.
std::string CivilDay(int64_t day_number);

// "2022-01-09T14:26:31Z" / "2022-01-09" -> "2022-01-09"; "2022-01" -> "2022-01-01"; "2022" ->
// "2022-01-01"; anything else -> "".
std::string FirstDayOf(std::string_view value);

// Great-circle distance in km between two points given in degrees (haversine, mean Earth radius).
double KmBetween(double lat1, double lon1, double lat2, double lon2);

}  // namespace eventmill
