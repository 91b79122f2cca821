// Deduplicator: links near-duplicate articles (LinkCopies) and assigns each coded event of a batch
// to a distinct event (AssignEvents, whose steps are dedup::EventAssignment). Candidates come from
// the store (EventIndex, by country and day window) and from the batch's earlier documents;
// JudgeMerge decides against every mention of a candidate distinct event (complete linkage).
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "dedup/event_assignment.h"
#include "eventmill/dedup.h"

namespace eventmill {

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
  dedup::EventAssignment assignment(options_, docs, index);
  return assignment.Run();
}

}  // namespace eventmill
