#include "extract/publication_date.h"

#include <gtest/gtest.h>

namespace eventmill::extract {
namespace {

using namespace date_weight;

TEST(PublicationDate, StrongestSourceWinsAndSaysWhy) {
  DateChoice c =
      ChoosePublicationDate({{"2021-03-04T05:06:07+02:00", "json-ld NewsArticle.datePublished", kJsonLdArticle},
                             {"2020-01-01", "the first <time> of the page", kTimeFirst}});
  EXPECT_EQ(c.value, "2021-03-04T05:06:07+02:00");
  EXPECT_EQ(c.precision, "time");
  EXPECT_EQ(c.source, "json-ld NewsArticle.datePublished");
  ASSERT_FALSE(c.explain.empty());
  EXPECT_NE(c.explain.back().find("chose 2021-03-04"), std::string::npos);
}

TEST(PublicationDate, UtcStampYieldsToTheLocalDayBesideIt) {
  // 22:04 UTC is already the 19th where the page is published.
  DateChoice c = ChoosePublicationDate({{"2019-10-18T22:04:00Z", "json-ld NewsArticle.datePublished", kJsonLdArticle},
                                        {"2019-10-19T00:04:00+02:00", "meta date", kMetaGeneric}});
  EXPECT_EQ(c.value, "2019-10-19T00:04:00+02:00");
  EXPECT_EQ(c.source, "meta date");
}

TEST(PublicationDate, StrongSourcesThatDisagreeGiveNoDate) {
  DateChoice c = ChoosePublicationDate({{"2022-01-21", "meta article:published_time", kMetaPublished},
                                        {"2022-03-05", "json-ld NewsArticle.datePublished", kJsonLdArticle}});
  EXPECT_FALSE(c.value);
  EXPECT_NE(c.explain.back().find("both strong"), std::string::npos);
}

TEST(PublicationDate, AgreeingSourcesOutweighOneStrongerRival) {
  DateChoice c = ChoosePublicationDate({{"2022-01-27", "itemprop datePublished (time)", kItemprop},
                                        {"2022-01-21T15:38:44+01:00", "meta date", kMetaGeneric},
                                        {"2022-01-27", "a date line above the text", kTextHeader}});
  EXPECT_EQ(c.value, "2022-01-27");
  EXPECT_EQ(c.precision, "day");
}

TEST(PublicationDate, UrlMonthVetoesAWeakDayOfAnotherMonth) {
  // A blog post under /2013/10/ whose only <time> is a sidebar's.
  DateChoice c = ChoosePublicationDate(
      {{"2013-10", "the URL", kUrlMonth}, {"2019-05-02", "the first <time> of the page", kTimeFirst}});
  EXPECT_FALSE(c.value);
  EXPECT_EQ(c.month, "2013-10");
  DateChoice same = ChoosePublicationDate(
      {{"2013-10", "the URL", kUrlMonth}, {"2013-10-05", "a date line above the text", kTextHeader}});
  EXPECT_EQ(same.value, "2013-10-05");
  DateChoice in_month = ChoosePublicationDate({{"2017-09", "the URL", kUrlMonth},
                                               {"2017-08-14", "a date line above the text", kTextHeader},
                                               {"2017-09-09", "a date element by the headline (h2)", kDateElement}});
  EXPECT_EQ(in_month.value, "2017-09-09");
}

TEST(PublicationDate, TheSettledDayKeepsTheTimeAStrongSourceGives) {
  DateChoice c = ChoosePublicationDate({{"2023-03-08", "the URL", kUrlDay},
                                        {"2023-03-08T21:05:00+04:00", "meta article:published_time", kMetaPublished}});
  EXPECT_EQ(c.value, "2023-03-08T21:05:00+04:00");
  EXPECT_EQ(c.precision, "time");
  EXPECT_EQ(c.source, "meta article:published_time");
}

TEST(PublicationDate, AVisibleDateBreaksATieBetweenStrongSources) {
  std::vector<DateCandidate> c = {{"2022-02-04T15:33:00+01:00", "meta dc.date.issued", kMetaPublished},
                                  {"2021-12-14T15:41:07+01:00", "meta pubdate", kMetaPublished},
                                  {"2021-12-14T15:41:07+01:00", "itemprop datePublished (meta)", kItemprop},
                                  {"2022-02-04T15:33:00", "meta date", kMetaGeneric}};
  EXPECT_FALSE(ChoosePublicationDate(c).value);  // two strong days: none
  c.push_back({"2022-02-04", "a date element by the headline (div)", kDateElement, true});
  EXPECT_EQ(ChoosePublicationDate(c).value, "2022-02-04T15:33:00+01:00");  // the day readers see
}

TEST(PublicationDate, NothingGivesNothing) {
  DateChoice c = ChoosePublicationDate({});
  EXPECT_FALSE(c.value);
  EXPECT_FALSE(c.month);
  EXPECT_EQ(c.precision, "");
}

}  // namespace
}  // namespace eventmill::extract
