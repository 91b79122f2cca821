#include "dedup/event_assignment.h"

#include <algorithm>

#include "core/cameo_code.h"
#include "core/hash.h"
#include "dedup/dates.h"

namespace eventmill::dedup {
namespace {

// The day the store files a mention under: its date's first day, else its article's publication.
int64_t FiledDay(const EventMention& m) {
  std::string day = m.event.date.value.empty() ? m.published_day : FirstDayOf(m.event.date.value);
  return day.empty() ? INT64_MIN : DayNumber(day);
}

const std::string& CountryOf(const EventMention& m) {
  static const std::string kNone;
  return m.event.location ? m.event.location->place.country : kNone;
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

std::string FamilyKey(const Event& e) {
  std::string root = !e.cameo_root.empty() ? e.cameo_root : e.cameo.substr(0, std::min<size_t>(2, e.cameo.size()));
  if (CameoCode(root).IsViolent()) return "violent";
  return root;
}

Status EventAssignment::Run() {
  CollectBatch();
  EM_RETURN_IF_ERROR(LoadStoredCandidates());
  next_order_ = pool_.empty() ? 1 : pool_.back().order + 1;
  for (size_t d = 0; d < docs_.size(); ++d) {
    for (size_t i = 0; i < batch_[d].size(); ++i) {
      EventMention& m = batch_[d][i];
      const Window w = WindowOf(m, options_);
      const int64_t day = FiledDay(m);
      Candidates c = CandidatesOf(m, w, day);
      EM_RETURN_IF_ERROR(Join(d, i, FitsOf(m, c), c));
      m.event.cluster = docs_[d]->events[i].cluster;
      AddToPool(m, w, day);
    }
  }
  return Status::Ok();
}

void EventAssignment::CollectBatch() {
  batch_.assign(docs_.size(), {});
  for (size_t d = 0; d < docs_.size(); ++d) {
    const Document& doc = *docs_[d];
    std::string published = doc.published ? FirstDayOf(*doc.published) : std::string();
    for (const Event& e : doc.events) {
      EventMention m;
      m.event = e;
      m.article_id = doc.id;
      m.story = doc.duplicate_of ? *doc.duplicate_of : doc.id;
      m.published_day = published;
      m.evidence_text = std::string(doc[e.evidence]);
      Window w = WindowOf(m, options_);
      if (!w.empty()) {
        const std::string family = FamilyKey(e);
        if (family == "violent")
          roots_.insert({"18", "19", "20"});
        else
          roots_.insert(family);
        const std::string& country = CountryOf(m);
        auto want = [&](int64_t day) {
          if (country.empty())
            wanted_any_.insert(day);
          else
            wanted_.insert({country, day});
        };
        for (int64_t day = w.lo; day <= w.hi; ++day) want(day);
        if (w.month_first != INT64_MIN) want(w.month_first);
      }
      batch_[d].push_back(std::move(m));
    }
  }
}

Status EventAssignment::LoadStoredCandidates() {
  if (wanted_.empty() && wanted_any_.empty()) return Status::Ok();
  CandidateQuery q;
  for (const auto& [country, day] : wanted_) q.country_days.push_back({country, CivilDay(day)});
  for (int64_t day : wanted_any_) q.any_country_days.push_back(CivilDay(day));
  if (!roots_.count("")) q.roots.assign(roots_.begin(), roots_.end());
  q.limit = options_.max_candidates;
  EM_ASSIGN_OR_RETURN(std::vector<EventMention> found, index_.CandidateMentions(q));
  std::sort(found.begin(), found.end(),
            [](const EventMention& a, const EventMention& b) { return a.stored_id < b.stored_id; });
  pool_.reserve(found.size() + 8 * docs_.size());
  for (EventMention& m : found) {
    PoolEntry p;
    p.day = FiledDay(m);
    p.window = WindowOf(m, options_);
    p.order = m.stored_id;
    p.mention = std::move(m);
    pool_.push_back(std::move(p));
    File(pool_.size() - 1);
  }
  return Status::Ok();
}

void EventAssignment::File(size_t k) {
  by_family_day_[{FamilyKey(pool_[k].mention.event), pool_[k].day}].push_back(k);
  by_day_[pool_[k].day].push_back(k);
  if (!pool_[k].window.empty() && pool_[k].window.month_first == INT64_MIN) monthly_.push_back(k);
}

EventAssignment::Candidates EventAssignment::CandidatesOf(const EventMention& m, const Window& w, int64_t day) const {
  Candidates out;
  if (w.empty()) return out;
  std::vector<size_t> near;
  const std::string family = FamilyKey(m.event);
  auto take = [&](int64_t lo, int64_t hi) {
    if (family.empty()) {
      for (auto it = by_day_.lower_bound(lo); it != by_day_.end() && it->first <= hi; ++it)
        near.insert(near.end(), it->second.begin(), it->second.end());
      return;
    }
    for (const std::string& f : {family, std::string()}) {
      for (auto it = by_family_day_.lower_bound({f, lo});
           it != by_family_day_.end() && it->first.first == f && it->first.second <= hi; ++it)
        near.insert(near.end(), it->second.begin(), it->second.end());
    }
  };
  take(w.lo, w.hi);
  if (w.month_first != INT64_MIN) take(w.month_first, w.month_first);
  for (size_t k : monthly_)
    if (pool_[k].window.Contains(day)) near.push_back(k);
  std::sort(near.begin(), near.end());
  near.erase(std::unique(near.begin(), near.end()), near.end());
  const std::string& country = CountryOf(m);
  for (size_t k : near) {
    const PoolEntry& p = pool_[k];
    const std::string& c = CountryOf(p.mention);
    if (!country.empty() && !c.empty() && c != country) continue;
    auto [it, fresh] = out.members.try_emplace(p.mention.event.cluster);
    if (fresh) out.order.push_back(p.mention.event.cluster);
    it->second.push_back(&p);
  }
  return out;
}

std::vector<EventAssignment::Fit> EventAssignment::FitsOf(const EventMention& m, const Candidates& c) const {
  std::vector<Fit> fits;
  for (const std::string& cluster : c.order) {
    Fit fit{cluster, -1, ""};
    bool ok = true;
    for (const PoolEntry* p : c.members.at(cluster)) {
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
  return fits;
}

bool EventAssignment::CanMerge(const std::vector<const PoolEntry*>& a, const std::vector<const PoolEntry*>& b) const {
  for (const PoolEntry* x : a)
    for (const PoolEntry* y : b)
      if (x->mention.article_id == y->mention.article_id || ClearlyDistinct(x->mention, y->mention, options_) ||
          Contradicts(JudgeMerge(x->mention, y->mention, options_)))
        return false;
  return true;
}

Status EventAssignment::Relabel(const std::string& from, const std::string& into, size_t up_to_doc) {
  bool stored = false;
  for (PoolEntry& p : pool_) {
    if (p.mention.event.cluster != from) continue;
    stored = stored || p.mention.stored_id > 0;
    p.mention.event.cluster = into;
  }
  for (size_t dd = 0; dd <= up_to_doc; ++dd)
    for (Event& e : docs_[dd]->events)
      if (e.cluster == from) e.cluster = into;
  return stored ? index_.RelabelCluster(from, into) : Status::Ok();
}

Status EventAssignment::Join(size_t d, size_t index, std::vector<Fit> fits, const Candidates& c) {
  Event& out = docs_[d]->events[index];
  if (fits.empty()) {
    out.cluster = NewCluster(batch_[d][index].article_id, index);
    out.merge_reason.clear();
    return Status::Ok();
  }
  // The one with most evidence, earliest on ties; the others join it when none of their mentions
  // contradicts one of its (a report that bridges two reports of one event told too differently
  // to be merged directly), so the order of inputs does not decide.
  size_t best = 0;
  for (size_t f = 1; f < fits.size(); ++f)
    if (fits[f].evidence > fits[best].evidence) best = f;
  const std::string target = fits[best].cluster;
  out.cluster = target;
  out.merge_reason = fits[best].reason;
  std::vector<const PoolEntry*> joined = c.members.at(target);
  for (size_t f = 0; f < fits.size(); ++f) {
    if (f == best) continue;
    const auto& theirs = c.members.at(fits[f].cluster);
    if (!CanMerge(theirs, joined)) continue;
    EM_RETURN_IF_ERROR(Relabel(fits[f].cluster, target, d));
    joined.insert(joined.end(), theirs.begin(), theirs.end());
    out.merge_reason += "; it also joins the event first reported in article " + theirs.front()->mention.article_id +
                        " to this one (" + fits[f].reason + ")";
  }
  return Status::Ok();
}

void EventAssignment::AddToPool(EventMention m, const Window& w, int64_t day) {
  PoolEntry p;
  p.day = day;
  p.window = w;
  p.order = next_order_++;
  p.mention = std::move(m);
  pool_.push_back(std::move(p));
  File(pool_.size() - 1);
}

}  // namespace eventmill::dedup
