// EventAssignment: the steps of Deduplicator::AssignEvents, which says of each event of a batch
// which distinct event it is a mention of. In order: the batch's mentions and the days they may
// merge over (CollectBatch), the stored mentions on those days (LoadStoredCandidates), then for
// each mention the candidate distinct events in its window (CandidatesOf), those it may join
// (FitsOf), the one it joins and the others it bridges into it (Join), and the mention added to
// the pool for the batch's later ones (AddToPool). Private to the dedup layer.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "eventmill/dedup.h"

namespace eventmill::dedup {

// The days a mention's candidates may lie on, as day numbers [lo, hi], plus the first day of its
// month (where the store keeps month-precise dates). Empty (lo > hi) when it never merges.
struct Window {
  int64_t lo = 1, hi = 0;
  int64_t month_first = INT64_MIN;
  bool empty() const { return lo > hi; }
  bool Contains(int64_t day) const { return (day >= lo && day <= hi) || day == month_first; }
};

// A day-precise date: the day +- options.relative_day_tolerance, and its month's first day; a
// month: the whole month; a year alone, or no date: empty.
Window WindowOf(const EventMention& m, const DedupOptions& options);

// The family a mention can only merge within: its CAMEO root, one for the violent roots (18, 19,
// 20), "" when not coded (compared with every family).
std::string FamilyKey(const Event& e);

class EventAssignment {
 public:
  EventAssignment(const DedupOptions& options, std::vector<Document*>& docs, EventIndex& index)
      : options_(options), docs_(docs), index_(index) {}

  // Sets Event::cluster and Event::merge_reason of every event of the batch.
  Status Run();

  // ---- the steps, in order (public for their tests)
  struct PoolEntry {
    EventMention mention;
    int64_t day = INT64_MIN;
    Window window;
    int64_t order = 0;  // stored row id, or after every stored row for the batch's mentions
  };
  // A distinct event the mention may join, with the evidence of its best-agreeing mention.
  struct Fit {
    std::string cluster;
    int evidence = -1;
    std::string reason;
  };
  // Candidate distinct events: their mentions in a window, in order of first appearance.
  struct Candidates {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const PoolEntry*>> members;
  };

  // The batch's mentions, and the (country, day) pairs and roots the store is asked for.
  void CollectBatch();
  // The stored mentions of those days, into the pool.
  Status LoadStoredCandidates();
  // The distinct events with a mention in m's window, of m's family and country.
  Candidates CandidatesOf(const EventMention& m, const Window& w, int64_t day) const;
  // Those m may join: no mention contradicts it (complete linkage) and one agrees enough.
  std::vector<Fit> FitsOf(const EventMention& m, const Candidates& c) const;
  // m joins the fit with most evidence (earliest on ties); the others join it too when none of
  // their mentions contradicts one of its. Sets event `index` of document `d`.
  Status Join(size_t d, size_t index, std::vector<Fit> fits, const Candidates& c);
  // m, as assigned, becomes a candidate for the batch's later mentions.
  void AddToPool(EventMention m, const Window& w, int64_t day);

  const std::vector<PoolEntry>& pool() const { return pool_; }
  const std::vector<std::vector<EventMention>>& batch() const { return batch_; }

 private:
  void File(size_t k);
  bool CanMerge(const std::vector<const PoolEntry*>& a, const std::vector<const PoolEntry*>& b) const;
  Status Relabel(const std::string& from, const std::string& into, size_t up_to_doc);

  const DedupOptions& options_;
  std::vector<Document*>& docs_;
  EventIndex& index_;
  std::vector<std::vector<EventMention>> batch_;
  std::set<std::pair<std::string, int64_t>> wanted_;  // (country, day)
  std::set<int64_t> wanted_any_;                      // days of mentions without a country
  std::set<std::string> roots_;                       // of the batch's families; "" when one has none (then any root)
  // Candidates by event family and filed day (only one family can join), all of them by day for
  // mentions of no family; month-precise ones apart (their window is a month).
  std::vector<PoolEntry> pool_;
  std::map<std::pair<std::string, int64_t>, std::vector<size_t>> by_family_day_;
  std::map<int64_t, std::vector<size_t>> by_day_;
  std::vector<size_t> monthly_;
  int64_t next_order_ = 1;
};

}  // namespace eventmill::dedup
