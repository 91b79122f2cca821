#include "eventmill/civil_date.h"

#include <gtest/gtest.h>

namespace eventmill::core {
namespace {

// Issue 18.4: impossible dates are rejected by the one check every reader uses.
TEST(CivilDate, RejectsDaysThatCannotExist) {
  EXPECT_TRUE(IsValidIsoDate("2022-02-28"));
  EXPECT_TRUE(IsValidIsoDate("2024-02-29"));
  EXPECT_TRUE(IsValidIsoDate("2000-02-29"));
  EXPECT_TRUE(IsValidIsoDate("2022-01"));
  EXPECT_TRUE(IsValidIsoDate("2022"));
  EXPECT_TRUE(IsValidIsoDate("2022-01-09T14:26:31Z"));
  EXPECT_FALSE(IsValidIsoDate("2022-02-30"));
  EXPECT_FALSE(IsValidIsoDate("2023-02-29"));
  EXPECT_FALSE(IsValidIsoDate("1900-02-29"));
  EXPECT_FALSE(IsValidIsoDate("2022-13-45"));
  EXPECT_FALSE(IsValidIsoDate("0000-00-00"));
  EXPECT_FALSE(IsValidIsoDate("2022-04-31"));
  EXPECT_FALSE(IsValidIsoDate("2022-00"));
  EXPECT_FALSE(IsValidIsoDate("9999--1--3"));
  EXPECT_FALSE(IsValidIsoDate("2022-1-5"));
  EXPECT_FALSE(IsValidIsoDate("2022-01-05x"));
  EXPECT_FALSE(IsValidIsoDate(""));
  EXPECT_FALSE(IsValidIsoDate("-2022"));
  EXPECT_EQ(DaysInMonth(2022, 13), 0);
  EXPECT_FALSE(IsValidCivilDate(2022, 2, 29));
}

}  // namespace
}  // namespace eventmill::core
