#include "store/export/decimal_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace eventmill {
namespace {

TEST(DecimalText, DropsTrailingZerosOnly) {
  EXPECT_EQ(DecimalText(12.5, 2), "12.5");
  EXPECT_EQ(DecimalText(3.0, 3), "3");
  EXPECT_EQ(DecimalText(100.0, 0), "100");  // zeros before the point stay
  EXPECT_EQ(DecimalText(-0.10004, 4), "-0.1");
  EXPECT_EQ(DecimalText(43.238949, 5), "43.23895");
}

TEST(DecimalText, NoNumberIsEmpty) {
  EXPECT_EQ(DecimalText(std::nan(""), 4), "");
  EXPECT_EQ(DecimalText(std::numeric_limits<double>::infinity(), 4), "");
}

}  // namespace
}  // namespace eventmill
