#include "store/export/decimal_text.h"

#include <cmath>
#include <cstdio>

namespace eventmill {

std::string DecimalText(double value, int decimals) {
  if (!std::isfinite(value)) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

}  // namespace eventmill
