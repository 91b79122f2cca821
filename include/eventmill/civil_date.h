// Calendar checks shared by every reader of dates from outside (page metadata, JSONL
// `published`, `ingest --documents`, query flags, exports): a date that cannot exist
// ("2022-02-30", "2022-13-45", "0000-00-00") is rejected wherever it enters.
#pragma once

#include <string_view>

namespace eventmill::core {

// Days in month m (1..12) of year y (proleptic Gregorian); 0 for a month out of range.
int DaysInMonth(int year, int month);

// Whether y-m-d is a real day: year 1..9999, month 1..12, day 1..DaysInMonth.
bool IsValidCivilDate(int year, int month, int day);

// Whether s is an ISO date of a real day or month or year: "YYYY", "YYYY-MM" or "YYYY-MM-DD",
// optionally followed (only after a full date) by a time part starting with 'T' or ' '.
bool IsValidIsoDate(std::string_view s);

}  // namespace eventmill::core
