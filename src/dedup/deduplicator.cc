// Deduplicator: assigns each coded event of a batch to a distinct event. Candidates come from the
// store (EventIndex, by country and day window) and from the batch's earlier documents; JudgeMerge
// decides against every mention of a candidate distinct event (complete linkage).
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/cameo_code.h"
#include "core/hash.h"
#include "dedup/dates.h"
#include "eventmill/dedup.h"

namespace eventmill {
namespace {

// The days a mention's candidates may lie on, as day numbers [lo, hi], plus the first day of its
// month (where the store keeps month-precise dates). Empty (lo > hi) when it never merges.
struct Window {
  int64_t lo = 1, hi = 0;
  int64_t month_first = INT64_MIN;
  bool Contains(int64_t day) const { return (day >= lo && day <= hi) || day == month_first; }
};

Window WindowOf(const EventMention& m, const DedupOptions& options) {
  Window w;
  const std::string& value = m.event.date.value;
  std::string day = value.empty() ? m.published_day : FirstDayOf(value);
  if (day.empty()) return w;  // no date: DateCompatibility never merges it
  const std::string& precision = m.event.date.precision;
  bool month = !value.empty() && (precision == "month" || (precision.empty() && value.size() == 7));
  bool year = !value.empty() && (precision == "year" || (precision.empty() && value.size() == 4));
  if (year) return w;  // a year alone never merges
  const int64_t first = DayNumber(day);
  if (month) {
    w.lo = first;
    w.hi = DayNumber(day.substr(0, 8) + "31");  // past the month's end counts on: clipped below
    while (CivilDay(w.hi).substr(0, 7) != day.substr(0, 7)) --w.hi;
    return w;
  }
  w.lo = first - options.relative_day_tolerance;
  w.hi = first + options.relative_day_tolerance;
  w.month_first = DayNumber(day.substr(0, 8) + "01");
  return w;
}

// The day the store files a mention under: its date's first day, else its article's publication.
int64_t FiledDay(const EventMention& m) {
  std::string day = m.event.date.value.empty() ? m.published_day : FirstDayOf(m.event.date.value);
  return day.empty() ? INT64_MIN : DayNumber(day);
}

const std::string& CountryOf(const EventMention& m) {
  static const std::string kNone;
  return m.event.location ? m.event.location->place.country : kNone;
}

struct PoolEntry {
  EventMention mention;
  int64_t day = INT64_MIN;
  Window window;
  int64_t order = 0;  // stored row id, or after every stored row for the batch's mentions
};

// The family a mention can only merge within: its CAMEO root, one for the violent roots (18, 19,
// 20), "" when not coded (compared with every family).
std::string FamilyKey(const Event& e) {
  std::string root = !e.cameo_root.empty() ? e.cameo_root : e.cameo.substr(0, std::min<size_t>(2, e.cameo.size()));
  if (CameoCode(root).IsViolent()) return "violent";
  return root;
}

bool Contradicts(const MergeJudgement& j) {
  for (const PassVerdict& v : j.verdicts)
    if (v.agreement == Agreement::kContradicts) return true;
  return false;
}

std::string NewCluster(const std::string& article_id, size_t index) {
  return Hex64(Hash64(article_id + "#" + std::to_string(index), /*seed=*/0x6576656e74ULL));
}

}  // namespace

Result<std::vector<Deduplicator::Signed>> Deduplicator::LinkCopies(std::vector<Document*>& docs,
                                                                   EventIndex& index) const {
  std::vector<Signed> out(docs.size());
  for (size_t t = 0; t < docs.size(); ++t) {
    out[t].signature = finder_.Sign(docs[t]->text);
    out[t].bands = NearDuplicateFinder::BandKeys(out[t].signature);
  }
  const size_t min_words = options_.text.min_words;
  // Stored articles sharing a band with a document of the batch: one lookup per 100 documents.
  std::vector<StoredCopyCandidate> stored;         // each stored article once
  std::map<std::string, size_t> stored_index;      // article id -> position in `stored`
  std::map<int64_t, std::vector<size_t>> by_band;  // band -> positions in `stored`
  std::map<std::string, int64_t> root_rank;        // original id -> ingest order
  for (size_t start = 0; start < docs.size(); start += 100) {
    std::set<int64_t> keys;
    for (size_t t = start; t < std::min(docs.size(), start + 100); ++t)
      if (out[t].signature.words >= min_words) keys.insert(out[t].bands.begin(), out[t].bands.end());
    if (keys.empty()) continue;
    EM_ASSIGN_OR_RETURN(std::vector<StoredCopyCandidate> found,
                        index.ArticlesSharingBands(std::vector<int64_t>(keys.begin(), keys.end())));
    for (StoredCopyCandidate& c : found) {
      auto [it, fresh] = stored_index.try_emplace(c.id, stored.size());
      if (fresh) {
        root_rank[c.original] = c.original_rank;
        stored.push_back(c);
      }
      by_band[c.band].push_back(it->second);
    }
  }
  // The batch in order: each document against the stored candidates and the batch's earlier ones.
  const int64_t kBatchRank = INT64_MAX / 2;
  std::map<int64_t, std::vector<size_t>> batch_by_band;  // band -> positions in docs
  for (size_t t = 0; t < docs.size(); ++t) {
    Document& doc = *docs[t];
    const Signed& me = out[t];
    if (me.signature.words < min_words) continue;
    if (!doc.duplicate_of) {
      int64_t best = INT64_MAX;
      std::optional<std::string> best_root;
      std::set<size_t> tried_stored, tried_batch;
      for (int64_t band : me.bands) {
        if (auto it = by_band.find(band); it != by_band.end()) {
          for (size_t c : it->second) {
            if (!tried_stored.insert(c).second) continue;
            const StoredCopyCandidate& cand = stored[c];
            if (cand.original_rank < best && finder_.AreNearDuplicates(me.signature, cand.signature))
              best = cand.original_rank, best_root = cand.original;
          }
        }
        if (auto it = batch_by_band.find(band); it != batch_by_band.end()) {
          for (size_t q : it->second) {
            if (!tried_batch.insert(q).second) continue;
            const Document& other = *docs[q];
            std::string root = other.duplicate_of ? *other.duplicate_of : other.id;
            auto r = root_rank.find(root);
            int64_t rank = r == root_rank.end() ? kBatchRank + static_cast<int64_t>(q) : r->second;
            if (rank < best && finder_.AreNearDuplicates(me.signature, out[q].signature)) best = rank, best_root = root;
          }
        }
      }
      if (best_root) doc.duplicate_of = best_root;
    }
    if (!doc.duplicate_of) root_rank[doc.id] = kBatchRank + static_cast<int64_t>(t);
    for (int64_t band : me.bands) batch_by_band[band].push_back(t);
  }
  return out;
}

Status Deduplicator::AssignEvents(std::vector<Document*>& docs, EventIndex& index) const {
  if (options_.policy == DedupOptions::Policy::kSameKey) {
    for (Document* doc : docs)
      for (Event& e : doc->events) e.cluster = EventClusterKey(e), e.merge_reason.clear();
    return Status::Ok();
  }
  // The batch's mentions and the days to look up: per country, or of any country for mentions
  // without one.
  std::vector<std::vector<EventMention>> batch(docs.size());
  std::set<std::pair<std::string, int64_t>> wanted;  // (country, day)
  std::set<int64_t> wanted_any;
  std::set<std::string> roots;  // of the batch's families; "" when one has none (then any root)
  for (size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = *docs[d];
    std::string published = doc.published ? FirstDayOf(*doc.published) : std::string();
    for (const Event& e : doc.events) {
      EventMention m;
      m.event = e;
      m.article_id = doc.id;
      m.story = doc.duplicate_of ? *doc.duplicate_of : doc.id;
      m.published_day = published;
      m.evidence_text = std::string(doc[e.evidence]);
      Window w = WindowOf(m, options_);
      if (w.lo <= w.hi) {
        const std::string family = FamilyKey(e);
        if (family == "violent")
          roots.insert({"18", "19", "20"});
        else
          roots.insert(family);
        const std::string& country = CountryOf(m);
        auto want = [&](int64_t day) {
          if (country.empty())
            wanted_any.insert(day);
          else
            wanted.insert({country, day});
        };
        for (int64_t day = w.lo; day <= w.hi; ++day) want(day);
        if (w.month_first != INT64_MIN) want(w.month_first);
      }
      batch[d].push_back(std::move(m));
    }
  }
  std::vector<PoolEntry> pool;
  if (!wanted.empty() || !wanted_any.empty()) {
    CandidateQuery q;
    for (const auto& [country, day] : wanted) q.country_days.push_back({country, CivilDay(day)});
    for (int64_t day : wanted_any) q.any_country_days.push_back(CivilDay(day));
    if (!roots.count("")) q.roots.assign(roots.begin(), roots.end());
    q.limit = options_.max_candidates;
    EM_ASSIGN_OR_RETURN(std::vector<EventMention> found, index.CandidateMentions(q));
    std::sort(found.begin(), found.end(),
              [](const EventMention& a, const EventMention& b) { return a.stored_id < b.stored_id; });
    pool.reserve(found.size() + 8 * docs.size());
    for (EventMention& m : found) {
      PoolEntry p;
      p.day = FiledDay(m);
      p.window = WindowOf(m, options_);
      p.order = m.stored_id;
      p.mention = std::move(m);
      pool.push_back(std::move(p));
    }
  }
  // Candidates by event family and the day they are filed under (only one family can join:
  // EventFamilyCompatibility), all of them by day for mentions of no family; month-precise ones apart
  // (their window is a month). A busy day of one country is thus split by family before any pass runs.
  std::map<std::pair<std::string, int64_t>, std::vector<size_t>> by_family_day;
  std::map<int64_t, std::vector<size_t>> by_day;
  std::vector<size_t> monthly;
  auto file = [&](size_t k) {
    by_family_day[{FamilyKey(pool[k].mention.event), pool[k].day}].push_back(k);
    by_day[pool[k].day].push_back(k);
    if (pool[k].window.lo <= pool[k].window.hi && pool[k].window.month_first == INT64_MIN) monthly.push_back(k);
  };
  for (size_t k = 0; k < pool.size(); ++k) file(k);

  int64_t next_order = pool.empty() ? 1 : pool.back().order + 1;
  for (size_t d = 0; d < docs.size(); ++d) {
    for (size_t i = 0; i < batch[d].size(); ++i) {
      EventMention& m = batch[d][i];
      Window w = WindowOf(m, options_);
      const int64_t day = FiledDay(m);
      const std::string& country = CountryOf(m);
      // Candidate distinct events: their mentions in the window, in order of first appearance.
      std::vector<std::string> order;
      std::map<std::string, std::vector<const PoolEntry*>> members;
      if (w.lo <= w.hi) {
        std::vector<size_t> near;
        const std::string family = FamilyKey(m.event);
        auto take = [&](int64_t lo, int64_t hi) {
          if (family.empty()) {
            for (auto it = by_day.lower_bound(lo); it != by_day.end() && it->first <= hi; ++it)
              near.insert(near.end(), it->second.begin(), it->second.end());
            return;
          }
          for (const std::string& f : {family, std::string()}) {
            for (auto it = by_family_day.lower_bound({f, lo});
                 it != by_family_day.end() && it->first.first == f && it->first.second <= hi; ++it)
              near.insert(near.end(), it->second.begin(), it->second.end());
          }
        };
        take(w.lo, w.hi);
        if (w.month_first != INT64_MIN) take(w.month_first, w.month_first);
        for (size_t k : monthly)
          if (pool[k].window.Contains(day)) near.push_back(k);
        std::sort(near.begin(), near.end());
        near.erase(std::unique(near.begin(), near.end()), near.end());
        for (size_t k : near) {
          const PoolEntry& p = pool[k];
          const std::string& c = CountryOf(p.mention);
          if (!country.empty() && !c.empty() && c != country) continue;
          auto [it, fresh] = members.try_emplace(p.mention.event.cluster);
          if (fresh) order.push_back(p.mention.event.cluster);
          it->second.push_back(&p);
        }
      }
      // Every distinct event the mention may join: nothing contradicts any of its mentions and
      // one of them agrees enough (complete linkage on contradictions, best evidence to join).
      struct Fit {
        std::string cluster;
        int evidence = -1;
        std::string reason;
      };
      std::vector<Fit> fits;
      for (const std::string& cluster : order) {
        Fit fit{cluster, -1, ""};
        bool ok = true;
        for (const PoolEntry* p : members[cluster]) {
          if (p->mention.article_id == m.article_id || ClearlyDistinct(m, p->mention, options_)) {
            ok = false;  // one mention per article; or a contradiction found cheaply
            break;
          }
          MergeJudgement j = JudgeMerge(m, p->mention, options_);
          if (Contradicts(j)) {
            ok = false;
            break;
          }
          if (j.evidence > fit.evidence) {
            fit.evidence = j.evidence;
            fit.reason = "same event as the report in article " + p->mention.article_id + ": " + j.Explain();
          }
        }
        if (ok && fit.evidence >= options_.min_evidence) fits.push_back(std::move(fit));
      }
      Event& out = docs[d]->events[i];
      if (fits.empty()) {
        out.cluster = NewCluster(m.article_id, i);
        out.merge_reason.clear();
      } else {
        // The one with most evidence, earliest on ties; the others join it when none of their
        // mentions contradicts one of its (a report that bridges two reports of one event told
        // too differently to be merged directly), so the order of inputs does not decide.
        size_t best = 0;
        for (size_t f = 1; f < fits.size(); ++f)
          if (fits[f].evidence > fits[best].evidence) best = f;
        const std::string target = fits[best].cluster;
        out.cluster = target;
        out.merge_reason = fits[best].reason;
        std::vector<const PoolEntry*> joined = members[target];
        for (size_t f = 0; f < fits.size(); ++f) {
          if (f == best) continue;
          const auto& theirs = members[fits[f].cluster];
          bool ok = true;
          for (const PoolEntry* a : theirs) {
            for (const PoolEntry* b : joined) {
              if (a->mention.article_id == b->mention.article_id || ClearlyDistinct(a->mention, b->mention, options_) ||
                  Contradicts(JudgeMerge(a->mention, b->mention, options_))) {
                ok = false;
                break;
              }
            }
            if (!ok) break;
          }
          if (!ok) continue;
          const std::string& from = fits[f].cluster;
          bool stored = false;
          for (PoolEntry& p : pool) {
            if (p.mention.event.cluster != from) continue;
            stored = stored || p.mention.stored_id > 0;
            p.mention.event.cluster = target;
          }
          for (size_t dd = 0; dd <= d; ++dd)
            for (Event& e : docs[dd]->events)
              if (e.cluster == from) e.cluster = target;
          if (stored) EM_RETURN_IF_ERROR(index.RelabelCluster(from, target));
          joined.insert(joined.end(), theirs.begin(), theirs.end());
          out.merge_reason += "; it also joins the event first reported in article " +
                              theirs.front()->mention.article_id + " to this one (" + fits[f].reason + ")";
        }
      }
      m.event.cluster = out.cluster;
      PoolEntry p;
      p.day = day;
      p.window = w;
      p.order = next_order++;
      p.mention = m;
      pool.push_back(std::move(p));
      file(pool.size() - 1);
    }
  }
  return Status::Ok();
}

}  // namespace eventmill
