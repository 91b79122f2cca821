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

TEST(PublicationDate, AShownNumericDateIsReadAsTheMarkupReadsIt) {
  // "05.03.2022" under the headline of a page whose markup says 3 May: month first, not a rival.
  DateChoice c =
      ChoosePublicationDate({{"2022-05-03T20:36:00-04:00", "json-ld NewsArticle.datePublished", kJsonLdArticle},
                             {"2022-03-05", "a date line above the text", kTextHeader, true}});
  EXPECT_EQ(c.value, "2022-05-03T20:36:00-04:00");
  EXPECT_NE(c.explain.front().find("day and month swapped"), std::string::npos);
  // A day past the 12th has one reading only: not swapped; the day shown stands.
  DateChoice one = ChoosePublicationDate({{"2022-05-13", "json-ld NewsArticle.datePublished", kJsonLdArticle},
                                          {"2022-03-15", "a date line above the text", kTextHeader, true}});
  EXPECT_EQ(one.value, "2022-03-15");
  EXPECT_EQ(one.explain.front().find("day and month swapped"), std::string::npos);
}

TEST(PublicationDate, TheMarkupDoesNotOverruleTheDateThePageShows) {
  // The page shows 11 April by the headline; the markup's 3 April is a draft's or a template's.
  DateChoice c = ChoosePublicationDate({{"2020-04-03T10:35:41Z", "json-ld NewsArticle.datePublished", kJsonLdArticle},
                                        {"2020-04-11", "a date element by the headline (div)", kDateElement, true}});
  EXPECT_EQ(c.value, "2020-04-11");
  EXPECT_EQ(c.precision, "day");
  EXPECT_EQ(c.source, "a date element by the headline (div)");
  EXPECT_NE(c.explain.back().find("the day the page shows"), std::string::npos);
  // A shown day years away from the markup's is another story's (a teaser's): no date.
  DateChoice far = ChoosePublicationDate({{"2018-02-20T00:00:00Z", "json-ld Article.datePublished", kJsonLdArticle},
                                          {"2021-01-19", "a date element by the headline (p)", kDateElement, true}});
  EXPECT_FALSE(far.value);
  EXPECT_EQ(far.precision, "");
  EXPECT_NE(far.explain.back().find("not the date the page shows"), std::string::npos);
  // Shown dates that disagree among themselves settle nothing.
  EXPECT_FALSE(ChoosePublicationDate({{"2020-04-03", "json-ld NewsArticle.datePublished", kJsonLdArticle},
                                      {"2020-04-11", "a date element by the headline (div)", kDateElement, true},
                                      {"2020-04-12", "a date line above the text", kTextHeader, true}})
                   .value);
  // One shown date that agrees settles it, whatever other shown dates say.
  DateChoice agreed =
      ChoosePublicationDate({{"2019-09-17", "json-ld WebPage.datePublished", kJsonLdOther},
                             {"2019-09-17", "a date element by the headline (p)", kDateElement, true},
                             {"2019-08-31", "a date labelled as published in the text", kPublishedLabel, true}});
  EXPECT_EQ(agreed.value, "2019-09-17");
}

TEST(PublicationDate, AUtcStampNearMidnightAloneLeavesTheDayInDoubt) {
  EXPECT_FALSE(
      ChoosePublicationDate({{"2022-05-04T02:41:00Z", "json-ld NewsArticle.datePublished", kJsonLdArticle}}).value);
  EXPECT_FALSE(ChoosePublicationDate({{"2022-05-04T22:41:00Z", "meta article:published_time", kMetaPublished}}).value);
  // Midday, an exact midnight (a date without its time), or a local source of the same day: the day stands.
  EXPECT_TRUE(ChoosePublicationDate({{"2022-05-04T12:41:00Z", "meta article:published_time", kMetaPublished}}).value);
  EXPECT_TRUE(ChoosePublicationDate({{"2022-05-04T00:00:00Z", "meta article:published_time", kMetaPublished}}).value);
  EXPECT_TRUE(ChoosePublicationDate({{"2022-05-04T02:41:00Z", "json-ld NewsArticle.datePublished", kJsonLdArticle},
                                     {"2022-05-04", "the URL", kUrlDay}})
                  .value);
}

TEST(PublicationDate, TwoStrongDaysYearsApartGiveNoDateEvenWhenOneIsShown) {
  // A republished page: the markup keeps the first date, the page shows the new one.
  EXPECT_FALSE(ChoosePublicationDate({{"2017-04-12T18:33:59+02:00", "meta article:published_time", kMetaPublished},
                                      {"2020-02-19", "itemprop datePublished (meta)", kItemprop},
                                      {"2020-02-19", "a date element by the headline (div)", kDateElement, true}})
                   .value);
}

TEST(PublicationDate, ATimeNearMidnightWithoutZoneBesideAnotherDayIsInDoubt) {
  DateChoice c = ChoosePublicationDate({{"2022-05-05T22:17:36", "json-ld NewsArticle.datePublished", kJsonLdArticle},
                                        {"2022-05-05T22:17:36", "meta article:published_time", kMetaPublished},
                                        {"2022-05-06T12:00:00Z", "meta cxenseparse:recs:publishtime", kMetaPublished}});
  EXPECT_FALSE(c.value);
  EXPECT_NE(c.explain.back().find("without a zone"), std::string::npos);
  // In the afternoon the same sources leave no doubt.
  EXPECT_EQ(ChoosePublicationDate({{"2022-05-05T15:17:36", "json-ld NewsArticle.datePublished", kJsonLdArticle},
                                   {"2022-05-05T15:17:36", "meta article:published_time", kMetaPublished},
                                   {"2022-05-06T12:00:00Z", "meta cxenseparse:recs:publishtime", kMetaPublished}})
                .value,
            "2022-05-05T15:17:36");
}

TEST(PublicationDate, NothingGivesNothing) {
  DateChoice c = ChoosePublicationDate({});
  EXPECT_FALSE(c.value);
  EXPECT_FALSE(c.month);
  EXPECT_EQ(c.precision, "");
}

}  // namespace
}  // namespace eventmill::extract

namespace eventmill::extract {
namespace {

TEST(LeadDateline, FirstParagraphOrTheBodyAfterAStandfirst) {
  const std::string body =
      "12.03.2021 - The harbour board met on Thursday and agreed to buy two new cranes, which are to "
      "arrive from the north by the end of the summer, the chair said after the meeting.";
  auto d = FindLeadDateline({"A standfirst of the story in one sentence.", "A subheading", body});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->value, "2021-03-12");
  EXPECT_EQ(d->paragraph, 2u);
  d = FindLeadDateline({"BERLIN, 12 March 2021 - The board met."});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->paragraph, 0u);
}

TEST(LeadDateline, NotAShortLineNorALaterOne) {
  // A short line opening with a date is a list item (an event), not a dateline.
  EXPECT_FALSE(FindLeadDateline({"Standfirst.", "12.03.2021 - Concert in the park"}));
  const std::string body(200, 'x');
  EXPECT_FALSE(FindLeadDateline({"Standfirst.", "Two", "Three", "Four", "12.03.2021 - " + body}));
  // The first paragraph opening with a number decides: a count is no date.
  EXPECT_FALSE(FindLeadDateline({"Standfirst.", "2 ships " + body, "12.03.2021 - " + body}));
}

}  // namespace
}  // namespace eventmill::extract
