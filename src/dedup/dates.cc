// Great-circle distance (haversine). Day numbers: Howard Hinnant's days_from_civil / civil_from_days.
#include "dedup/dates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace eventmill {

int64_t DayNumber(std::string_view day) {
  if (day.size() < 10) return 0;
  int y = std::atoi(std::string(day.substr(0, 4)).c_str()), m = std::atoi(std::string(day.substr(5, 2)).c_str()),
      d = std::atoi(std::string(day.substr(8, 2)).c_str());
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + doe - 719468;
}

std::string CivilDay(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

std::string FirstDayOf(std::string_view value) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= value.size() || value[i] < '0' || value[i] > '9') return false;
    return true;
  };
  if (!digits(0, 4)) return {};
  if (value.size() >= 10 && value[4] == '-' && value[7] == '-' && digits(5, 2) && digits(8, 2))
    return std::string(value.substr(0, 10));
  if (value.size() == 7 && value[4] == '-' && digits(5, 2)) return std::string(value) + "-01";
  if (value.size() == 4) return std::string(value) + "-01-01";
  return {};
}

double KmBetween(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180, kEarthKm = 6371.0088;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace eventmill
