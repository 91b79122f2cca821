// The Document that flows through every stage (extract -> analyze -> code -> dedup -> store),
// and the records stages attach to it. Shape and field names follow the output contract
// (docs/output-contract.md); later stages add to a Document, none rewrites doc.text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventmill {

// [begin, end) byte offsets into Document::text (UTF-8).
struct Span {
  uint32_t begin = 0, end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(Span o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(Span o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
};

// A resolved place: city, admin-1 region or country.
struct Place {
  std::string name;         // canonical name ("Almaty")
  std::string country;      // ISO 3166-1 alpha-2 ("KZ"); empty if unknown
  std::string admin1;       // admin-1 name where known
  std::optional<double> lat, lon;
  int64_t geonameid = 0;    // 0 when unknown
  std::string precision;    // "city" | "admin1" | "country"
};

// A CAMEO-style actor: code = ISO alpha-3 country (or IGO/NGO/MNC) + role ("KAZCOP", "IGOCSTO").
struct Actor {
  std::string text;         // the words in the article
  Span span;
  std::string code;
  std::string country;      // ISO alpha-2, empty for IGOs
  std::string role;         // CAMEO primary role: GOV MIL COP JUD LEG REB INS UAF OPP PTY CVL PRO MED BUS NGO IGO REF CRM SPY
  std::string name;         // canonical name where known
  bool empty() const { return code.empty() && text.empty(); }
};

enum class EntityType { kPerson, kOrg, kPlace, kCountry, kGroup };
std::string_view EntityTypeName(EntityType type);  // "PERSON", "ORG", ...

struct Entity {
  EntityType type = EntityType::kOrg;
  Span span;
  std::string text;         // == doc[span]
  std::string canonical;
  std::string role;         // people: "deputy mayor", "President"
  std::string kind;         // orgs: "government", "security", "media", "igo", ...; free otherwise
  std::optional<Actor> actor;
  std::optional<Place> place;
};

// The largest figure a Count may hold: more people than this is not a count of people
// (a 300-digit "number" in a page, a serial number). Larger figures are never counts, and
// `ingest --documents` rejects a document carrying one.
inline constexpr double kMaxCountValue = 1e9;

struct Count {
  std::string kind;         // killed injured arrested detained missing kidnapped displaced evacuated participants sentenced released
  double value = 0;         // 0 .. kMaxCountValue
  std::string qualifier;    // exact about more_than at_least less_than approx
  std::string who;          // "people", "police officers"
  std::string text;         // the figure and its noun ("5,135 people")
  Span span;
};

struct Quote {
  std::string text;         // the quoted words, without the quote marks
  Span span;
  std::string speaker;
  std::string speaker_role;
  std::optional<Actor> speaker_actor;
};

struct EventDate {
  std::string value;        // ISO date "2022-01-09", or "2022-01" / "2022" by precision
  std::string precision;    // day | month | year
  std::string basis;        // explicit | relative | published
};

// A date expression found in the text, resolved against the publication date.
struct DateMention {
  Span span;
  EventDate date;
};

struct Location {
  Place place;
  Span span;                // where the place is named; empty when inferred from the article
};

struct Event {
  std::string id;
  std::string cameo, cameo_root;
  int quad_class = 0;
  double goldstein = 0;
  std::string plover, plover_mode;
  std::string acled_event_type, acled_sub_event_type;
  std::string category;     // non-political kind (natural_disaster, man_made_disaster, crime); empty = political
  std::optional<Actor> source, target;
  std::optional<Location> location;
  EventDate date;
  std::vector<Count> counts;
  std::string modality = "asserted";  // asserted attempted threatened planned denied hypothetical
  Span evidence;            // the sentence (or clause) the event was read from
  double confidence = 0;
  std::string pattern;      // the pattern that fired (for --explain)
  std::vector<std::string> explain;  // how source, target, place and date were resolved
  // dedup: the distinct real-world event this is a mention of, and why it joined it ("" = first
  // mention). Set by Deduplicator::AssignEvents; empty before.
  std::string cluster, merge_reason;
};

// Something odd that the run survived: a guess, a skipped part, a limit hit.
struct Diagnostic {
  std::string stage;        // "extract", "analyze", ...
  std::string message;
};

struct Sentence {
  Span span;
  uint32_t paragraph = 0;   // index into Document::paragraphs
};

struct Document {
  // extract
  std::string id, source, input_id, url, canonical_url, title;
  std::optional<std::string> published;  // "2022-01-09T14:26:31Z" or "2022-01-09"
  std::string published_precision;       // "time" | "day" when published is set
  std::string published_source;          // where it was read ("meta article:published_time", "url")
  std::string published_month;           // "2013-10" when only the month is known (published unset)
  std::vector<std::string> extract_explain;  // how title, date and authors were chosen (--explain)
  std::string language, site_name;
  std::vector<std::string> authors, attributed_sources;
  std::string text;                      // never changes after extract
  std::vector<Span> paragraphs;          // paragraphs of text, separated by a blank line
  bool plain_text_input = false;         // text given as plain text: no boilerplate removal
  // analyze
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Count> counts;
  std::vector<DateMention> dates;
  // code
  std::vector<Event> events;
  // dedup
  std::optional<std::string> duplicate_of;
  std::vector<Diagnostic> diagnostics;

  std::string_view operator[](Span s) const {
    if (s.begin > text.size()) return {};
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

// Stable 64-bit id as 16 hex digits: of the canonical URL, else the URL, else the text.
std::string DocumentId(const Document& doc);

}  // namespace eventmill
