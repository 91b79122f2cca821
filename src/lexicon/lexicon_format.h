// The compiled lexicon file (build/lexicon.bin): one little-endian blob, loaded by mmap and used in
// place. Sections are arrays of the fixed-size records below; strings are NUL-terminated in one
// string section and referenced by byte offset (0 is the empty string). Bump kLexiconVersion on
// any change here: a file of another version is refused with a message to rebuild it.
#pragma once

#include <cstdint>

namespace eventmill::lexicon {

inline constexpr char kLexiconMagic[8] = {'E', 'M', 'L', 'E', 'X', 'I', 'C', 'N'};
inline constexpr uint32_t kLexiconVersion = 11;

// kAdmin2: a county or its equivalent (US counties and parishes from the Census boundaries).
enum class PlaceKind : uint8_t { kCity = 0, kAdmin1 = 1, kCountry = 2, kRegion = 3, kAdmin2 = 4 };
// GeoNames feature codes that matter for ranking.
enum class FeatureRank : uint8_t { kOther = 0, kCapital = 1, kAdmin1Seat = 2, kAdminSeat = 3, kSection = 4 };

struct PlaceRec {
  uint32_t name;        // canonical name
  uint32_t admin1;      // admin-1 name ("" when unknown)
  float lat, lon;
  uint32_t population;
  uint32_t geonameid;
  char country[2];      // ISO alpha-2 ("" for regions spanning countries)
  PlaceKind kind;
  FeatureRank rank;
  uint32_t admin1_code; // hash of country+admin1 code, to relate cities to their region (0 unknown)
  uint32_t admin2_code; // hash of country+admin1+admin2 code: a city's county, a county's own (0 unknown)
  uint32_t reserved;
};
static_assert(sizeof(PlaceRec) == 40);

// What an actor entry is.
enum class ActorKind : uint8_t {
  kNamed = 0,     // fixed code: "NATO" -> IGONAT, "Kassym-Jomart Tokayev" -> KAZGOV
  kRoleTerm = 1,  // a role without a country: "security forces" -> COP; takes a country from context
  kTitle = 2,     // a person's title: "President", "deputy mayor" -> GOV
  kOrgHead = 3,   // a word that makes a capitalised name an organisation: "Ministry", "TV"
};
// Entity type the entry gives (mirrors eventmill::EntityType).
enum class ActorEntity : uint8_t { kPerson = 0, kOrg = 1, kGroup = 3 };

struct ActorRec {
  uint32_t name;        // canonical name
  uint32_t code;        // full code for kNamed ("IGOCSTO"), role for others ("COP")
  uint32_t kind;        // "security", "government", "media", "igo", ...
  uint32_t title;       // people: their title ("President"); titles: the role text itself
  char country[2];      // ISO alpha-2 of a named actor ("" for IGOs and role terms)
  ActorKind actor_kind;
  ActorEntity entity;
  char role[4];         // CAMEO role, NUL padded ("COP", "IGO")
  int32_t from = 0, to = 0;  // dates of office yyyymmdd (0 = open)
};
static_assert(sizeof(ActorRec) == 32);

enum PostingFlag : uint8_t {
  kCapitalized = 1,  // every significant text token must start upper case
  kAllCaps = 2,      // every text token must be all upper case ("US", "UN")
  kAlternate = 4,    // an alternate name, not the canonical or ASCII name
  kDemonym = 8,      // an adjective of a country ("Kazakh"): names the country as a modifier
  kCommonWord = 16,  // also a common lower-case English word ("mobile", "nice"): needs more evidence
  kAdminAbbrev = 32, // a postal-style abbreviation of a region ("La.", "Calif."): only as an admin hint
};
enum class Table : uint8_t { kPlace = 0, kActor = 1, kCue = 2 };
// Cue words (data/places/cues.txt, data/actors/cues.txt); a kCue posting's target is one of these.
enum class CueKind : uint32_t {
  kPlacePreposition = 0,  // "in", "near", "outside": a capitalised word after it is likely a place
  kPlaceNoun = 1,         // "the city of", "the village of": the next name is a place
  kSpeech = 2,            // "said", "told", "according to": a name beside it is a person or organisation
  kHonorific = 3,         // "Mr.", "Ms.", "Mrs.": the next name is a person
  kPlaceSuffix = 4,       // "County", "Province": a capitalised word before it names a region
  kNameHead = 5,          // "virus", "fever": a place name right before it names something else
  kStreetHead = 6,        // "Drive", "Times" written capitalised: a place name right before it, of any kind,
                          // names a street or a newspaper ("Washington Drive", "Los Angeles Times")
};

struct Posting {
  uint32_t target;   // index into places or actors
  Table table;
  uint8_t flags;
  uint16_t tokens;   // number of tokens of the phrase
};
static_assert(sizeof(Posting) == 8);

// Open-addressing hash table over phrase keys. A slot with count 0 and is_prefix set exists only
// so that longest-match can keep extending ("united" on the way to "united states").
struct Slot {
  uint64_t key;      // 0 = empty
  uint32_t postings; // index of the first posting
  uint16_t count;
  uint8_t is_prefix; // some longer phrase starts with this one
  uint8_t pad;
};
static_assert(sizeof(Slot) == 16);

// A name a place is known by, for fuzzy matching within one country (normalised, Latin only);
// sorted by country, then first byte, then length, then name.
struct FuzzyName {
  uint32_t name;     // normalised string offset
  uint32_t place;
  uint32_t letters;  // LetterMask(name): which of a-z it holds, for a cheap bound on the edit distance
  uint16_t length;   // bytes of the name
  uint16_t pad;
};
static_assert(sizeof(FuzzyName) == 16);
// Bit i set when the letter 'a' + i occurs in s.
inline uint32_t LetterMask(const char* s, size_t n) {
  uint32_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned c = static_cast<unsigned char>(s[i]) - 'a';
    if (c < 26) m |= 1u << c;
  }
  return m;
}

struct CountryRec {
  char alpha2[2];
  char alpha3[3];
  char pad[3];
  uint32_t place;        // index of its PlaceRec
  uint32_t fuzzy_begin;  // its FuzzyName range
  uint32_t fuzzy_end;
};
static_assert(sizeof(CountryRec) == 20);

inline constexpr uint64_t kFilterBits = uint64_t{1} << 23;
inline uint64_t FilterBit(uint64_t key) { return (key >> 29) & (kFilterBits - 1); }
// The first words of entries that may match in lower case are few (cue words, role terms): their
// filter is 8 KB, so that the test every lower-case word of a text takes stays in the L1 cache.
inline constexpr uint64_t kAnyCaseBits = uint64_t{1} << 16;
inline uint64_t AnyCaseBit(uint64_t token_hash) { return (token_hash >> 7) & (kAnyCaseBits - 1); }

struct Section {
  uint64_t offset;
  uint64_t count;
};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t slot_mask;    // slots.count - 1 (a power of two)
  Section strings, places, actors, slots, postings, fuzzy, countries;
  Section words;         // sorted TokenHash of common lower-case English words (uint64)
  Section filter;        // a bit per FilterBit(key) of every slot key (uint64 words): most text
                         // tokens start no phrase, and this 1 MB test spares them the table probe
  Section any_case_starts; // a bit per AnyCaseBit(token hash) of the first word of every phrase that
                         // may match in lower case: a lower-case word outside it starts no match
  Section place_stop;    // sorted TokenHash of one-word phrases never read as places (stoplist.txt):
                         // no fuzzy match may turn them into one either ("Monday" is not Munday)
};

}  // namespace eventmill::lexicon
