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

// Universal Dependencies part-of-speech tags (https://universaldependencies.org/u/pos/).
enum class Upos : uint8_t {
  kX, kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn, kPunct, kSconj, kSym, kVerb
};
std::string_view UposName(Upos upos);  // "NOUN"; kX is "X"
Upos UposFromName(std::string_view name);  // kX when unknown

// Universal Dependencies relations, with the subtypes the English Web Treebank uses
// (https://universaldependencies.org/u/dep/). kNone: not parsed.
enum class Deprel : uint8_t {
  kNone, kAcl, kAclRelcl, kAdvcl, kAdvclRelcl, kAdvmod, kAmod, kAppos, kAux, kAuxPass, kCase, kCc, kCcPreconj,
  kCcomp, kClf, kCompound, kCompoundPrt, kConj, kCop, kCsubj, kCsubjOuter, kCsubjPass, kDep, kDet, kDetPredet,
  kDiscourse, kDislocated, kExpl, kFixed, kFlat, kFlatForeign, kGoeswith, kIobj, kList, kMark, kNmod, kNmodDesc,
  kNmodPoss, kNmodUnmarked, kNsubj, kNsubjOuter, kNsubjPass, kNummod, kObj, kObl, kOblAgent, kOblUnmarked, kOrphan,
  kParataxis, kPunct, kReparandum, kRoot, kVocative, kXcomp
};
std::string_view DeprelName(Deprel deprel);  // "nsubj:pass"; kNone is "_"
// The relation named `name`; an unknown subtype falls back to its universal relation ("obl:tmod" -> kObl).
Deprel DeprelFromName(std::string_view name);
Deprel UniversalDeprel(Deprel deprel);  // kNsubjPass -> kNsubj

// A word as the syntax stage reads it (UD tokenization: "didn't" -> "did" "n't", "24-year-old" ->
// "24" "-" "year" "-" "old"), with its tags and its place in the sentence's dependency tree.
struct Token {
  Span span;                  // the word's bytes in Document::text
  Upos upos = Upos::kX;
  std::string xpos;           // Penn Treebank tag ("NNS"); empty when the sentence was not tagged
  std::string lemma;          // "protester"; empty when the sentence was not tagged
  int32_t head = -1;          // index into Document::tokens of the head word; -1 = the sentence's root
  Deprel deprel = Deprel::kNone;
};

struct Sentence {
  Span span;
  uint32_t paragraph = 0;   // index into Document::paragraphs
  uint32_t token_begin = 0, token_end = 0;  // [begin, end) into Document::tokens (syntax)
  bool parsed = false;      // tokens carry tags, lemmas and a tree (the syntax stage chose this sentence)
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
  // syntax (sentences and tokens); analyze fills sentences when the syntax stage did not run
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
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
