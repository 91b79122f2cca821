// Near-duplicate articles and repeated events: the dedup stage between code and store.
// NearDuplicateFinder signs an article's text with MinHash over word shingles, so copies of the same
// wire story on many sites (changed boilerplate, trimmed ending, another title) find each other
// through locality-sensitive band keys. Deduplicator decides which coded events are mentions of one
// real-world event: an event joins a stored one only when named compatibility passes (date, place,
// actors, event family, modality, counts) find nothing contradictory and enough agreeing; near-copy
// text is evidence, never proof. The store answers its candidate lookups through EventIndex and
// counts the mentions of each distinct event (GDELT's NumMentions / NumSources / NumArticles).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill {

struct NearDuplicateOptions {
  int shingle_words = 3;       // words per shingle
  double min_similarity = 0.5; // estimated Jaccard similarity of shingle sets to call two texts copies
  size_t min_words = 8;        // texts shorter than this are never called near-duplicates
};

// MinHash signature: for each of kHashes hash functions, the minimum over the text's shingles.
struct TextSignature {
  static constexpr int kHashes = 128;
  static constexpr int kBands = 32;                 // LSH bands of kHashes / kBands rows each
  std::array<uint32_t, kHashes> minima{};
  size_t words = 0;                                 // words in the text (after normalisation)

  // 128 x 8 hex digits, and back (false on a malformed string).
  std::string ToHex() const;
  static bool FromHex(std::string_view hex, TextSignature* out);
};

class NearDuplicateFinder {
 public:
  explicit NearDuplicateFinder(NearDuplicateOptions options = {}) : options_(options) {}

  // Signs `text`: words are lowercased letters and digits (UTF-8 letters kept), punctuation and
  // spacing ignored. Linear in text size. Thread-safe (const).
  TextSignature Sign(std::string_view text) const;

  // Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1].
  static double Similarity(const TextSignature& a, const TextSignature& b);

  // True when the two signed texts are near-duplicates under the options.
  bool AreNearDuplicates(const TextSignature& a, const TextSignature& b) const;

  // kBands keys; two texts with similarity s share at least one key with probability
  // 1 - (1 - s^4)^32 (0.87 at s = 0.5, 0.99 at s = 0.6). Keys fit in a signed 64-bit column.
  static std::vector<int64_t> BandKeys(const TextSignature& sig);

  const NearDuplicateOptions& options() const { return options_; }

 private:
  NearDuplicateOptions options_;
};

// A key of an event's exact facts: CAMEO code, source and target actor codes, location (country and
// place) and date. 16 hex digits. Used as the distinct event of DedupOptions::kSameKey (and by the
// store for events written without the dedup stage); the default policy judges compatibility instead.
std::string EventClusterKey(const Event& event);

// ---- event compatibility: one named pass per kind of fact.

// What one pass concluded about two mentions. kContradicts vetoes the merge; kUnknown (one side
// does not say) neither helps nor hurts; kWeak, kAgrees and kStrong (several facts of the kind
// agree) add evidence.
enum class Agreement { kContradicts, kUnknown, kWeak, kAgrees, kStrong };
std::string_view AgreementName(Agreement a);  // "contradicts" | "unknown" | "weak" | "agrees" | "agrees strongly"

struct PassVerdict {
  Agreement agreement = Agreement::kUnknown;
  std::string reason;  // one line for --explain: "date: 2022-01-09 = 2022-01-09"
};

// One mention of an event with the facts of its article that the passes read.
struct EventMention {
  Event event;                  // as coded (with cluster set for stored mentions)
  std::string article_id;
  std::string story;            // the article's original under near-duplicate linking (its own id if none)
  std::string published_day;    // "YYYY-MM-DD" of the article, "" when unknown
  std::string evidence_text;    // the words the event was read from
  int64_t stored_id = 0;        // row id of a stored mention (0: of the batch being written)
};

struct DedupOptions {
  NearDuplicateOptions text;    // when two articles are copies of one story
  enum class Policy {
    kCompatibleFacts,           // the passes below decide (default)
    kSameKey,                   // events with equal EventClusterKey are one; nothing else merges
  } policy = Policy::kCompatibleFacts;
  int relative_day_tolerance = 1;    // days two day-precise dates may differ when either is not stated
                                     // (the event is dated by its article's publication day)
  double same_town_km = 10;          // two different towns this close are one place (a town and its suburb)
  double province_km = 200;          // a town farther than this from a province's point is not in it
  double count_tolerance = 0.2;      // same-kind counts within 20% (or 1) agree
  double crowd_ratio = 3;            // crowd sizes within this factor are compatible; beyond, unknown
  int min_evidence = 5;              // evidence points needed to merge (see JudgeMerge)
  size_t max_candidates = 20000;     // stored mentions read per lookup (bounds work on a busy window)
};

// Dates: day-precise dates must be equal when both are stated (explicitly, or relative to the
// publication: "on Sunday"), within relative_day_tolerance when either is only the publication day;
// a month holds its days; a year, or no date at all, is too vague to merge on.
PassVerdict DateCompatibility(const EventMention& a, const EventMention& b, const DedupOptions& options);
// Places at the precision both know: one town (geonames id, name, or within same_town_km), a town
// inside a province (admin1) or country; two towns, two provinces or two countries contradict; no
// place on one side is unknown. A town the gazetteer files under another province contradicts only
// when it lies over province_km from the province's point (the gazetteer infers towns' provinces
// from the nearest province centre, so the name alone is no proof).
PassVerdict PlaceCompatibility(const EventMention& a, const EventMention& b, const DedupOptions& options);
// Actors: codes equal or one a prefix of the other (KAZ vs KAZCOP); an unknown side is compatible;
// other countries or other kinds of actor contradict. Source and target may be swapped for
// reciprocal events (fights, clashes, meetings).
PassVerdict ActorCompatibility(const EventMention& a, const EventMention& b, const DedupOptions& options);
// Event family: same CAMEO root, or both violent (18, 19, 20); another quad class contradicts.
PassVerdict EventFamilyCompatibility(const EventMention& a, const EventMention& b, const DedupOptions& options);
// Modality: what happened is not what was threatened, planned or denied.
PassVerdict ModalityCompatibility(const EventMention& a, const EventMention& b, const DedupOptions& options);
// Counts of the same kind (largest of each kind; detained = arrested): within count_tolerance
// agree (two kinds agreeing: kStrong); a lower bound ("at least 5") admits any larger figure; a larger toll in a later-published
// report is a rising toll (compatible); otherwise they contradict. Crowd sizes never contradict
// (estimates differ by source): within crowd_ratio they are weak evidence. A kind only one side
// counts is unknown.
PassVerdict CountCompatibility(const EventMention& a, const EventMention& b, const DedupOptions& options);
// Text: the two articles are copies of one story (near-duplicates) and the event is read from the
// same sentence in both (letters and digits compared, case and punctuation ignored). Copies whose
// sentence differs are a template filled with other facts, or a rewrite: no evidence either way.
PassVerdict StoryEvidence(const EventMention& a, const EventMention& b, const DedupOptions& options);

// True only when JudgeMerge would find a contradiction in the dates (two stated days that differ)
// or the places (two towns farther apart than same_town_km); no strings built, so a busy day's
// candidates are ruled out cheaply. False says nothing.
bool ClearlyDistinct(const EventMention& a, const EventMention& b, const DedupOptions& options);

// All passes on two mentions: whether they may be one event, the evidence points, every reason.
struct MergeJudgement {
  bool compatible = false;      // no pass contradicts and evidence >= min_evidence
  int evidence = 0;
  std::vector<PassVerdict> verdicts;  // in pass order
  std::string Explain() const;        // "date: ...; place: ...; ..."
};
MergeJudgement JudgeMerge(const EventMention& a, const EventMention& b, const DedupOptions& options);

// ---- the stage

// Which stored mentions could be the same event as the batch's: those filed on one of the days
// wanted for their country (or with no country, on a day wanted for any country), and those of any
// country on `any_country_days` (wanted by events with no country: no place is no contradiction).
struct CandidateQuery {
  std::vector<std::pair<std::string, std::string>> country_days;  // (ISO country, "YYYY-MM-DD")
  std::vector<std::string> any_country_days;                        // "YYYY-MM-DD"
  // CAMEO roots wanted ("14", "18"...; mentions without a root always); empty: any.
  std::vector<std::string> roots;
  size_t limit = 0;  // rows per statement; 0: no limit
};

// A stored article sharing a band key with an article being written.
struct StoredCopyCandidate {
  int64_t band = 0;          // the band key shared
  std::string id;            // the stored article
  std::string original;      // the original it stands for (its duplicate_of, else itself)
  int64_t original_rank = 0; // ingest order of that original (articles.seq)
  TextSignature signature;
};

// What the dedup stage needs from the store (implemented by Store; by a vector in tests).
class EventIndex {
 public:
  virtual ~EventIndex() = default;
  // Stored articles that share one of `bands` (NearDuplicateFinder::BandKeys), with their originals.
  virtual Result<std::vector<StoredCopyCandidate>> ArticlesSharingBands(const std::vector<int64_t>& bands) = 0;
  // Stored mentions matching `query`, with their clusters (each once; any order). A few
  // statements for a whole batch: round trips, not rows, are what a loaded server charges for.
  virtual Result<std::vector<EventMention>> CandidateMentions(const CandidateQuery& query) = 0;
  // Makes every stored mention of distinct event `from` a mention of `into` (a report of the batch
  // showed them to be one event).
  virtual Status RelabelCluster(const std::string& from, const std::string& into) = 0;
};

// Assigns each coded event of a batch to a distinct event: a stored one (or one of an earlier
// document of the batch) it is compatible with, else a new one.
class Deduplicator {
 public:
  explicit Deduplicator(DedupOptions options = {}) : options_(options), finder_(options.text) {}

  // A document's text signature and its band keys, as the store keeps them.
  struct Signed {
    TextSignature signature;
    std::vector<int64_t> bands;
  };
  // Signs each document's text and sets doc.duplicate_of when it nearly equals (options.text) a
  // stored article or an earlier document of `docs`: linked to the earliest such article's original
  // (a copy of a copy points to the original). Documents with duplicate_of set keep it. Returns the
  // signatures, one per document, in order. Cost: one ArticlesSharingBands call per 100 documents.
  Result<std::vector<Signed>> LinkCopies(std::vector<Document*>& docs, EventIndex& index) const;

  // Sets event.cluster and event.merge_reason of every event of `docs` (in order; documents must
  // have their id and duplicate_of set). An event joins the distinct event none of whose mentions
  // contradicts it and one of which agrees with it enough (JudgeMerge), the one with most evidence,
  // earliest on ties; at most one mention per article. When it fits several, those none of whose
  // mentions contradict each other become one (stored ones through RelabelCluster), so the order
  // of inputs does not decide. A new distinct event is named by a hash of its first mention
  // (article id and event index).
  // Cost: one CandidateMentions call per batch; candidates indexed by day in memory.
  Status AssignEvents(std::vector<Document*>& docs, EventIndex& index) const;

  const DedupOptions& options() const { return options_; }

 private:
  DedupOptions options_;
  NearDuplicateFinder finder_;
};

}  // namespace eventmill
