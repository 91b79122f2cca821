#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(DatePass, ADateInTheClauseDatesTheEvent) {
  Document doc = Doc("Gunmen attacked a checkpoint on Monday.", "2023-05-10");
  doc.dates.push_back(DateMention{.span = Find(doc, "on Monday"), .date = {"2023-05-08", "day", "relative"}});
  Reading r = Read(doc, "attacked");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindDate(r.d, r.st, r.t);
  EXPECT_EQ(r.t.base.event.date.value, "2023-05-08");
  EXPECT_TRUE(r.t.base.date_explicit);
  EXPECT_TRUE(Explains(r.t.base.event.explain, pass::kDates, "in the clause"));
}

TEST(DatePass, WithoutADateThePublicationDate) {
  Document doc = Doc("Gunmen attacked a checkpoint near the border.", "2023-05-10T08:00:00Z");
  Reading r = Read(doc, "attacked");
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindDate(r.d, r.st, r.t);
  EXPECT_EQ(r.t.base.event.date.value, "2023-05-10");
  EXPECT_EQ(r.t.base.event.date.basis, "published");
  EXPECT_FALSE(r.t.base.date_explicit);
}

TEST(DatePass, TheStoryToldInOrderKeepsItsDay) {
  Document doc = Doc("The clash happened on Saturday. Gunmen attacked a checkpoint near the border.", "2023-05-10");
  doc.dates.push_back(DateMention{.span = Find(doc, "on Saturday"), .date = {"2023-05-06", "day", "relative"}});
  Reading r = Read(doc, "attacked", 1);
  ASSERT_TRUE(r.found);
  StartEvent(Data(), r.st, r.t);
  BindDate(r.d, r.st, r.t);
  EXPECT_EQ(r.t.base.event.date.value, "2023-05-06");
  EXPECT_TRUE(r.t.base.date_inherited);
}

}  // namespace
}  // namespace eventmill::code
