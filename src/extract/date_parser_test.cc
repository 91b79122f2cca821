#include "extract/date_parser.h"

#include <gtest/gtest.h>

namespace eventmill::extract {
namespace {

TEST(DateParser, ReadsIsoWithZone) {
  EXPECT_EQ(ParseDateValue("2022-01-09T14:26:31+00:00"), "2022-01-09T14:26:31Z");
  EXPECT_EQ(ParseDateValue("2022-01-09T14:26:31+03:00"), "2022-01-09T14:26:31+03:00");
  EXPECT_EQ(ParseDateValue("2022-01-09 14:26"), "2022-01-09T14:26:00");
  EXPECT_EQ(ParseDateValue("2022-01-09"), "2022-01-09");
}

// Issue 18.4: days that do not exist are not dates, wherever they are read from.
TEST(DateParser, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(ParseDateValue("2022-02-30"));
  EXPECT_FALSE(ParseDateValue("2022-13-45"));
  EXPECT_FALSE(ParseDateValue("0000-00-00"));
  EXPECT_FALSE(ParseDateValue("2023-02-29T10:00:00Z"));
  EXPECT_EQ(ParseDateValue("2024-02-29"), "2024-02-29");
  EXPECT_FALSE(FindDateInUrl("https://n.test/2022/02/30/story"));
  EXPECT_FALSE(FindDateInText("On 31 April 2022 police said"));
}

TEST(DateParser, ReadsRfc822AndWrittenDates) {
  EXPECT_EQ(ParseDateValue("Sun, 09 Jan 2022 14:26:31 GMT"), "2022-01-09T14:26:31Z");
  EXPECT_EQ(ParseDateValue("January 9, 2022"), "2022-01-09");
  EXPECT_EQ(ParseDateValue("9. Januar 2022"), "2022-01-09");
  EXPECT_EQ(ParseDateValue("09.01.2022"), "2022-01-09");
  EXPECT_EQ(ParseDateValue("31.10.23"), "2023-10-31");  // a two-digit year with dots
  EXPECT_EQ(ParseDateValue("1.2.3.4"), std::nullopt);    // a version number is no date
}

TEST(DateParser, FindsDatelinesAndDayFirstUrlDates) {
  EXPECT_EQ(FindDateline("MOSCOW, January 9, 2022 - Police said"), "2022-01-09");
  EXPECT_EQ(FindDateline("09.01.2022, 14:26 Uhr | Berlin"), "2022-01-09");
  EXPECT_EQ(FindDateline("Am 22. Oktober 2019 erscheint die Platinum Edition"), std::nullopt);
  EXPECT_EQ(FindDateline("01.02.2022 \xE2\x80\x9E" "Der Arbeitsmarkt ist robust\xE2\x80\x9C, sagte sie."), "2022-02-01");
  EXPECT_EQ(FindDateline("22. Oktober 2019 erscheint die Platinum Edition"), std::nullopt);
  EXPECT_EQ(FindDateInUrl("https://example.org/news/23-01-2022-title/17.html"), "2022-01-23");
  EXPECT_EQ(FindDateInUrl("https://example.org/news/03-04-2022-title/"), std::nullopt);  // either way round
  EXPECT_EQ(FindMonthInUrl("https://blog.example/2013/10/a-post.html"), "2013-10");
  EXPECT_EQ(FindMonthInUrl("https://example.org/2019/43/issue"), std::nullopt);
}

TEST(DateParser, RejectsWhatIsNotADate) {
  EXPECT_FALSE(ParseDateValue("yesterday"));
  EXPECT_FALSE(ParseDateValue("2022-13-45"));
  EXPECT_FALSE(ParseDateValue(""));
}

TEST(DateParser, FindsDatelineInText) {
  EXPECT_EQ(FindDateInText("MOSCOW, January 9, 2022 (TASS) - Officials said"), "2022-01-09");
  EXPECT_FALSE(FindDateInText("KYIV, Jan 9 (Reuters) - no year here"));
  EXPECT_FALSE(FindDateInText(std::string(300, 'x') + " January 9, 2022"));
}

TEST(DateParser, FindsDateInUrlPath) {
  EXPECT_EQ(FindDateInUrl("https://x.example/2022/01/09/story/"), "2022-01-09");
  EXPECT_EQ(FindDateInUrl("https://x.example/news/2021-12-14-title"), "2021-12-14");
  EXPECT_EQ(FindDateInUrl("https://x.example/a/20220109/title"), "2022-01-09");
  EXPECT_FALSE(FindDateInUrl("https://x.example/article/1234567890"));
}

}  // namespace
}  // namespace eventmill::extract
