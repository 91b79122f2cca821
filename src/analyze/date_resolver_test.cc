#include "analyze/date_resolver.h"

#include <gtest/gtest.h>

#include "core/load_once_for_tests.h"
#include "analyze/facts.h"
#include "eventmill/data_dir.h"

namespace eventmill::analyze {
namespace {

// The project's analyze data, loaded once for the tests of this file.
const AnalyzeData& Data() {
  return LoadOnce<AnalyzeData>([] { return AnalyzeData::Load(DataFiles(DataDir())); });
}

std::vector<DateMention> Dates(const std::string& text, const std::string& published, Document* doc) {
  doc->text = text;
  if (!published.empty()) doc->published = published;
  DateResolver(Data().dates).Find(*doc);
  return doc->dates;
}

TEST(DateResolver, CalendarArithmetic) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(CivilFromDays(DaysFromCivil({2020, 2, 29}) + 1), (CivilDate{2020, 3, 1}));
  EXPECT_EQ(IsoWeekday({2022, 1, 9}), 7);  // a Sunday
  EXPECT_EQ(IsoWeekday({2009, 3, 20}), 5);
  EXPECT_EQ(ParseIsoDate("2022-01-09T14:26:31Z"), (CivilDate{2022, 1, 9}));
  EXPECT_FALSE(ParseIsoDate("2021-02-29"));
  EXPECT_EQ(FormatDate({2022, 1, 9}), "2022-01-09");
}

TEST(DateResolver, ResolvesYesterdayAgainstPublicationDate) {
  Document doc;
  auto d = Dates("The raid happened yesterday.", "2021-01-01T08:00:00Z", &doc);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.value, "2020-12-31");
  EXPECT_EQ(d[0].date.precision, "day");
  EXPECT_EQ(d[0].date.basis, "relative");
  EXPECT_EQ(doc[d[0].span], "yesterday");
}

TEST(DateResolver, WeekdayIsTheLastOneOnOrBeforePublication) {
  Document doc;
  auto d = Dates("He spoke on Friday and again on Sunday.", "2022-01-09", &doc);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].date.value, "2022-01-07");
  EXPECT_EQ(d[1].date.value, "2022-01-09");
}

TEST(DateResolver, MonthWithoutYearTakesTheNearestYear) {
  Document doc;
  auto d = Dates("It began on Dec. 28 and ends in early February.", "2022-01-09", &doc);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].date.value, "2021-12-28");
  EXPECT_EQ(d[1].date.value, "2022-02");
  EXPECT_EQ(d[1].date.precision, "month");
}

TEST(DateResolver, WithoutPublicationDateOnlyFullDates) {
  Document doc;
  auto d = Dates("It happened yesterday, on March 21 and on 21 March 2009.", "", &doc);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.value, "2009-03-21");
  EXPECT_EQ(d[0].date.basis, "explicit");
}

TEST(DateResolver, DateInSpanPrefersDayPrecision) {
  Document doc;
  std::string text = "Earlier this month, on Friday, police acted.";
  Dates(text, "2022-01-09", &doc);
  const DateMention* m = DateInSpan(doc, {0, static_cast<uint32_t>(text.size())});
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->date.value, "2022-01-07");
  EXPECT_EQ(DateInSpan(doc, {0, 5}), nullptr);
}

}  // namespace
}  // namespace eventmill::analyze
