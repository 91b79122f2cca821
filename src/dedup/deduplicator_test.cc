#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "dedup/dates.h"
#include "eventmill/dedup.h"

namespace eventmill {
namespace {

// The store's part, kept in a vector: what AssignEvents wrote is "stored" by Commit.
class VectorIndex : public EventIndex {
 public:
  Result<std::vector<EventMention>> CandidateMentions(const CandidateQuery& q) override {
    ++lookups;
    std::vector<EventMention> out;
    for (const EventMention& m : stored) {
      std::string day = m.event.date.value.empty() ? m.published_day : FirstDayOf(m.event.date.value);
      std::string country = m.event.location ? m.event.location->place.country : "";
      bool wanted = std::find(q.any_country_days.begin(), q.any_country_days.end(), day) != q.any_country_days.end();
      for (const auto& [c, d] : q.country_days) wanted = wanted || (d == day && (c == country || country.empty()));
      if (wanted) out.push_back(m);
    }
    return out;
  }
  Result<std::vector<StoredCopyCandidate>> ArticlesSharingBands(const std::vector<int64_t>& bands) override {
    std::vector<StoredCopyCandidate> out;
    for (const auto& [article, article_bands] : articles)
      for (int64_t b : article_bands)
        if (std::find(bands.begin(), bands.end(), b) != bands.end()) {
          StoredCopyCandidate c = article;
          c.band = b;
          out.push_back(c);
        }
    return out;
  }
  std::vector<std::pair<StoredCopyCandidate, std::vector<int64_t>>> articles;  // with their bands
  Status RelabelCluster(const std::string& from, const std::string& into) override {
    for (EventMention& m : stored)
      if (m.event.cluster == from) m.event.cluster = into;
    return Status::Ok();
  }
  void Commit(const std::vector<Document*>& docs) {
    for (const Document* d : docs) {
      for (const Event& e : d->events) {
        EventMention m;
        m.event = e;
        m.article_id = d->id;
        m.story = d->duplicate_of ? *d->duplicate_of : d->id;
        m.published_day = d->published ? FirstDayOf(*d->published) : "";
        m.stored_id = static_cast<int64_t>(stored.size()) + 1;
        stored.push_back(std::move(m));
      }
    }
  }
  std::vector<EventMention> stored;
  int lookups = 0;
};

Document Article(std::string id, std::string date, std::string town, std::string country = "UA", double killed = 0) {
  Document d;
  d.id = std::move(id);
  d.published = "2022-01-26";
  Event e;
  e.cameo = "195", e.cameo_root = "19", e.quad_class = 4;
  e.date = {std::move(date), "day", "explicit"};
  Location loc;
  loc.place.name = std::move(town);
  loc.place.country = std::move(country);
  loc.place.precision = "city";
  e.location = loc;
  if (killed > 0) {
    Count c;
    c.kind = "killed", c.value = killed;
    e.counts.push_back(c);
  }
  d.events.push_back(e);
  return d;
}

// Runs `docs` through AssignEvents in batches of `batch`, storing each batch; returns the partition
// of article ids by distinct event, as a sorted set of sorted groups.
std::set<std::set<std::string>> Partition(std::vector<Document> docs, size_t batch, VectorIndex* index = nullptr) {
  VectorIndex local;
  VectorIndex& idx = index ? *index : local;
  Deduplicator dedup;
  for (size_t start = 0; start < docs.size(); start += batch) {
    std::vector<Document*> part;
    for (size_t i = start; i < std::min(docs.size(), start + batch); ++i) part.push_back(&docs[i]);
    EXPECT_TRUE(dedup.AssignEvents(part, idx).ok());
    idx.Commit(part);
  }
  std::map<std::string, std::set<std::string>> groups;  // as stored: relabels reach earlier batches
  for (const EventMention& m : idx.stored) groups[m.event.cluster].insert(m.article_id);
  std::set<std::set<std::string>> out;
  for (auto& [c, g] : groups) out.insert(g);
  return out;
}

TEST(Deduplicator, TemplatedReportsOfOtherDaysAndPlacesStayDistinct) {
  // The same sentence with other dates and places, each a copy of the first by its words.
  std::vector<Document> docs = {Article("n1", "2022-01-17", "Avdiivka"), Article("n2", "2022-01-22", "Pisky"),
                                Article("n3", "2022-01-25", "Shyrokyne")};
  for (Document& d : docs) d.duplicate_of = "n1";
  docs[0].duplicate_of.reset();
  EXPECT_EQ(Partition(docs, 10).size(), 3u);
}

TEST(Deduplicator, OneEventToldByThreeSitesIsOneEventWithThreeMentions) {
  std::vector<Document> docs = {Article("a", "2022-01-17", "Avdiivka"), Article("b", "2022-01-17", "Avdiivka"),
                                Article("c", "2022-01-17", "Avdiivka")};
  auto p = Partition(docs, 10);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p.begin()->size(), 3u);
  // The merge says why.
  VectorIndex idx;
  std::vector<Document*> part = {&docs[0], &docs[1]};
  ASSERT_TRUE(Deduplicator().AssignEvents(part, idx).ok());
  EXPECT_EQ(docs[0].events[0].merge_reason, "");
  EXPECT_NE(docs[1].events[0].merge_reason.find("article a"), std::string::npos) << docs[1].events[0].merge_reason;
  EXPECT_NE(docs[1].events[0].merge_reason.find("same town"), std::string::npos);
}

TEST(Deduplicator, TwoEventsOfOneArticleAreNeverOneEvent) {
  Document d = Article("a", "2022-01-17", "Avdiivka");
  d.events.push_back(d.events[0]);
  std::vector<Document> docs = {d};
  Partition(docs, 1);
  VectorIndex idx;
  std::vector<Document*> part = {&docs[0]};
  ASSERT_TRUE(Deduplicator().AssignEvents(part, idx).ok());
  EXPECT_NE(docs[0].events[0].cluster, docs[0].events[1].cluster);
}

TEST(Deduplicator, ContradictingOneMentionKeepsANewReportOut) {
  // a (10 killed) and b (no count) are one event; c says 40 killed the same day: b alone would
  // admit it, a does not, so c is another event (complete linkage).
  std::vector<Document> docs = {Article("a", "2022-01-17", "Avdiivka", "UA", 10),
                                Article("b", "2022-01-17", "Avdiivka"),
                                Article("c", "2022-01-17", "Avdiivka", "UA", 40)};
  auto p = Partition(docs, 10);
  EXPECT_EQ(p, (std::set<std::set<std::string>>{{"a", "b"}, {"c"}}));
}

TEST(Deduplicator, SameDistinctEventsInAnyOrderAndAcrossBatches) {
  std::vector<Document> docs = {
      Article("a1", "2022-01-17", "Avdiivka"), Article("b1", "2022-01-22", "Pisky"),
      Article("a2", "2022-01-17", "Avdiivka"), Article("c1", "2022-01-17", "Kyiv"),
      Article("b2", "2022-01-22", "Pisky"),    Article("a3", "2022-01-17", "Avdiivka"),
  };
  auto one = Partition(docs, 100);
  std::vector<Document> reversed(docs.rbegin(), docs.rend());
  EXPECT_EQ(Partition(reversed, 100), one);
  EXPECT_EQ(Partition(docs, 1), one);
  EXPECT_EQ(Partition(reversed, 2), one);
  EXPECT_EQ(one.size(), 3u);
}

TEST(Deduplicator, AReportThatBridgesTwoReportsOfOneEventJoinsThemInAnyOrder) {
  // b has the town but no figures; c the figures but only the country; a has both. b and c alone
  // are not enough for one event (date 2 + nothing else); a fits each.
  Document a = Article("a", "2022-01-17", "Avdiivka", "UA", 10), b = Article("b", "2022-01-17", "Avdiivka"),
           c = Article("c", "2022-01-17", "", "UA", 10);
  c.events[0].location->place.precision = "country";
  Count injured;
  injured.kind = "injured", injured.value = 4;
  a.events[0].counts.push_back(injured);
  c.events[0].counts.push_back(injured);
  for (auto order : {std::vector<Document>{a, b, c}, std::vector<Document>{b, c, a}, std::vector<Document>{c, b, a}}) {
    for (size_t batch : {1, 3}) {
      auto p = Partition(order, batch);
      EXPECT_EQ(p, (std::set<std::set<std::string>>{{"a", "b", "c"}})) << order[0].id << " first, batch " << batch;
    }
  }
}

const char kWire[] =
    "Police detained dozens of people at a rally outside parliament on Sunday evening, the interior ministry "
    "said. Officers used pepper spray to clear the avenue and several people were treated for breathing problems. "
    "Opposition leaders called for another rally next week and rights groups asked for the detainees' release.";

Document Page(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

TEST(Deduplicator, LinksCopiesToTheEarliestOriginalStoredOrInTheBatch) {
  VectorIndex idx;
  Deduplicator dedup;
  // A stored original and a stored copy of it.
  std::vector<Document> first = {Page("orig", kWire),
                                 Page("copy1", std::string("Breaking\n\n") + kWire + " Share this.")};
  std::vector<Document*> part = {&first[0], &first[1]};
  auto signed1 = dedup.LinkCopies(part, idx);
  ASSERT_TRUE(signed1.ok());
  EXPECT_FALSE(first[0].duplicate_of.has_value());
  ASSERT_TRUE(first[1].duplicate_of.has_value());
  EXPECT_EQ(*first[1].duplicate_of, "orig");
  for (size_t i = 0; i < first.size(); ++i) {
    StoredCopyCandidate c;
    c.id = first[i].id, c.original = first[i].duplicate_of.value_or(first[i].id), c.original_rank = 1;
    c.signature = (*signed1)[i].signature;
    idx.articles.push_back({c, (*signed1)[i].bands});
  }
  // A later copy (of the copy's words) links to the original; an unrelated text to nothing.
  std::vector<Document> second = {Page("copy2", std::string("Breaking\n\n") + kWire),
                                  Page("other",
                                       "The central bank raised its key rate by half a point on Friday, citing "
                                       "inflation in food and housing costs across the country.")};
  std::vector<Document*> part2 = {&second[0], &second[1]};
  ASSERT_TRUE(dedup.LinkCopies(part2, idx).ok());
  ASSERT_TRUE(second[0].duplicate_of.has_value());
  EXPECT_EQ(*second[0].duplicate_of, "orig");
  EXPECT_FALSE(second[1].duplicate_of.has_value());
}

TEST(Deduplicator, LooksUpOnceABatch) {
  VectorIndex idx;
  std::vector<Document> docs = {Article("a", "2022-01-17", "Avdiivka"), Article("b", "2022-01-18", "Avdiivka"),
                                Article("c", "2022-03-01", "Avdiivka")};
  Partition(docs, 10, &idx);
  EXPECT_EQ(idx.lookups, 1);
}

TEST(Deduplicator, SameKeyPolicyMergesEqualKeysOnly) {
  DedupOptions options;
  options.policy = DedupOptions::Policy::kSameKey;
  std::vector<Document> docs = {Article("a", "2022-01-17", "Avdiivka", "UA", 10),
                                Article("b", "2022-01-17", "Avdiivka", "UA", 40)};
  VectorIndex idx;
  std::vector<Document*> part = {&docs[0], &docs[1]};
  ASSERT_TRUE(Deduplicator(options).AssignEvents(part, idx).ok());
  EXPECT_EQ(docs[0].events[0].cluster, docs[1].events[0].cluster);
  EXPECT_EQ(idx.lookups, 0);
}

}  // namespace
}  // namespace eventmill
