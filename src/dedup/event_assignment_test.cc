#include "dedup/event_assignment.h"

#include <gtest/gtest.h>

#include "dedup/dates.h"

namespace eventmill::dedup {
namespace {

// A store holding fixed mentions; it records the queries it is asked.
class FixedIndex : public EventIndex {
 public:
  Result<std::vector<EventMention>> CandidateMentions(const CandidateQuery& q) override {
    queries.push_back(q);
    return stored;
  }
  Result<std::vector<StoredCopyCandidate>> ArticlesSharingBands(const std::vector<int64_t>&) override {
    return std::vector<StoredCopyCandidate>();
  }
  Status RelabelCluster(const std::string& from, const std::string& into) override {
    relabels.push_back({from, into});
    return Status::Ok();
  }
  std::vector<EventMention> stored;
  std::vector<CandidateQuery> queries;
  std::vector<std::pair<std::string, std::string>> relabels;
};

Event Killing(const std::string& date, const std::string& precision, const std::string& town,
              const std::string& country = "UA") {
  Event e;
  e.cameo = "195", e.cameo_root = "19", e.quad_class = 4;
  e.date = {date, precision, "explicit"};
  Location loc;
  loc.place.name = town;
  loc.place.country = country;
  loc.place.precision = "city";
  e.location = loc;
  return e;
}

EventMention Mention(Event e, const std::string& article, const std::string& cluster, int64_t stored_id) {
  EventMention m;
  m.event = std::move(e);
  m.event.cluster = cluster;
  m.article_id = m.story = article;
  m.published_day = "2022-01-26";
  m.stored_id = stored_id;
  return m;
}

TEST(EventAssignment, WindowOfADayIsTheDayWithinTheToleranceAndItsMonthsFirstDay) {
  DedupOptions options;
  Window w = WindowOf(Mention(Killing("2022-01-26", "day", "Kharkiv"), "a", "", 0), options);
  EXPECT_EQ(w.lo, DayNumber("2022-01-25"));
  EXPECT_EQ(w.hi, DayNumber("2022-01-27"));
  EXPECT_TRUE(w.Contains(DayNumber("2022-01-01")));
  EXPECT_FALSE(w.Contains(DayNumber("2022-01-28")));
}

TEST(EventAssignment, WindowOfAMonthIsTheWholeMonthAndAYearAloneNeverMerges) {
  DedupOptions options;
  Window m = WindowOf(Mention(Killing("2022-02", "month", "Kharkiv"), "a", "", 0), options);
  EXPECT_EQ(m.lo, DayNumber("2022-02-01"));
  EXPECT_EQ(m.hi, DayNumber("2022-02-28"));
  EXPECT_TRUE(WindowOf(Mention(Killing("2022", "year", "Kharkiv"), "a", "", 0), options).empty());
}

TEST(EventAssignment, ViolentRootsAreOneFamily) {
  Event e;
  e.cameo_root = "18";
  EXPECT_EQ(FamilyKey(e), "violent");
  e.cameo_root = "20";
  EXPECT_EQ(FamilyKey(e), "violent");
  e.cameo_root = "14";
  EXPECT_EQ(FamilyKey(e), "14");
}

TEST(EventAssignment, CollectBatchAsksForTheCountryDaysOfTheWindowAndTheFamilysRoots) {
  Document d;
  d.id = "a";
  d.events = {Killing("2022-01-26", "day", "Kharkiv")};
  std::vector<Document*> docs = {&d};
  FixedIndex index;
  DedupOptions options;
  EventAssignment assignment(options, docs, index);
  assignment.CollectBatch();
  ASSERT_TRUE(assignment.LoadStoredCandidates().ok());
  ASSERT_EQ(index.queries.size(), 1u);
  const CandidateQuery& q = index.queries[0];
  // 25..27 January and the first of the month, in Ukraine.
  EXPECT_EQ(q.country_days.size(), 4u);
  EXPECT_EQ(q.roots, (std::vector<std::string>{"18", "19", "20"}));
}

TEST(EventAssignment, CandidatesAreOfTheMentionsCountryAndWindow) {
  FixedIndex index;
  index.stored = {Mention(Killing("2022-01-26", "day", "Kharkiv"), "s1", "c1", 1),
                  Mention(Killing("2022-01-26", "day", "Almaty", "KZ"), "s2", "c2", 2),
                  Mention(Killing("2022-01-20", "day", "Kharkiv"), "s3", "c3", 3)};
  Document d;
  d.id = "a";
  d.events = {Killing("2022-01-26", "day", "Kharkiv")};
  std::vector<Document*> docs = {&d};
  DedupOptions options;
  EventAssignment assignment(options, docs, index);
  assignment.CollectBatch();
  ASSERT_TRUE(assignment.LoadStoredCandidates().ok());
  const EventMention& m = assignment.batch()[0][0];
  auto c = assignment.CandidatesOf(m, WindowOf(m, options), DayNumber("2022-01-26"));
  EXPECT_EQ(c.order, (std::vector<std::string>{"c1"}));
}

TEST(EventAssignment, AMentionWithNoFitStartsItsOwnEventAndJoinsTheOneThatFits) {
  FixedIndex index;
  index.stored = {Mention(Killing("2022-01-26", "day", "Kharkiv"), "s1", "c1", 1)};
  Document same, other;
  same.id = "a";
  same.events = {Killing("2022-01-26", "day", "Kharkiv")};
  other.id = "b";
  other.events = {Killing("2022-01-26", "day", "Odesa")};
  std::vector<Document*> docs = {&same, &other};
  DedupOptions options;
  EventAssignment assignment(options, docs, index);
  ASSERT_TRUE(assignment.Run().ok());
  EXPECT_EQ(same.events[0].cluster, "c1");
  EXPECT_NE(same.events[0].merge_reason.find("s1"), std::string::npos) << same.events[0].merge_reason;
  EXPECT_NE(other.events[0].cluster, "c1");
  EXPECT_TRUE(other.events[0].merge_reason.empty());
  EXPECT_EQ(assignment.pool().size(), 3u);  // the stored mention and the batch's two
}

}  // namespace
}  // namespace eventmill::dedup
