#include "eventmill/civil_date.h"

namespace eventmill::core {
namespace {

// The value of n digits at s[at], or -1 when any is not a digit.
int Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool IsValidCivilDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

bool IsValidIsoDate(std::string_view s) {
  const int year = Digits(s, 0, 4);
  if (year < 1) return false;
  if (s.size() == 4) return true;
  if (s.size() < 7 || s[4] != '-') return false;
  const int month = Digits(s, 5, 2);
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s.size() < 10 || s[7] != '-') return false;
  if (!IsValidCivilDate(year, month, Digits(s, 8, 2))) return false;
  return s.size() == 10 || s[10] == 'T' || s[10] == ' ';
}

}  // namespace eventmill::core
