#include "analyze/entity_finder.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <new>
#include <map>

#include <sys/mman.h>

#include "lexicon/lexicon_impl.h"
#include "lexicon/tokens.h"
#include "syntax/word_splitter.h"

namespace eventmill::analyze {

using lexicon::ActorEntity;
using lexicon::ActorKind;
using lexicon::ActorRec;
using lexicon::CueKind;
using lexicon::FeatureRank;
using lexicon::PhraseMatch;
using lexicon::PlaceKind;
using lexicon::PlaceRec;
using lexicon::Posting;
using lexicon::Table;
using lexicon::Token;

namespace {

// A name that is only an alternate name of towns smaller than this needs a cue or a region.
constexpr uint32_t kAlternateTownPopulation = 10000;
// One capitalised word beside "said" is a person when it names no place or only towns smaller
// than this.
constexpr uint32_t kPersonOverTownPopulation = 50000;
// A region's abbreviation written with its dot ("Fla.") is the region unless a town this large
// bears the name.
constexpr uint32_t kAbbreviationOverTownPopulation = 100000;

// One unit of the token stream: a dictionary match or a single unmatched token.
struct Unit {
  uint32_t first = 0, count = 1;
  int match = -1;  // index into matches, -1 for an unmatched token
  int32_t lists = -1;                  // its place readings (UnitPlaces), -1 when it has none
  const ActorRec* named = nullptr;
  const ActorRec* role = nullptr;
  const ActorRec* title = nullptr;
  const ActorRec* org_head = nullptr;
  uint32_t cues = 0;                   // bit set of CueKind
  bool claimed = false;                // part of an entity already
  bool in_org = false;                 // a place word inside an organisation's name
  int8_t nameish[2] = {-1, -1};        // cached: can be a word of a person's name (first, later)
};

// The place readings of a matched unit; kept apart so that a Unit stays small (a 40 MB page has
// millions of them).
struct UnitPlaces {
  std::vector<uint32_t> places;        // gazetteer readings (not demonyms, not admin abbreviations)
  std::vector<uint8_t> place_alt;
  std::vector<uint32_t> demonym_of;    // country places the word is an adjective of
  std::vector<uint32_t> admin_abbrev;  // regions it abbreviates ("La.")
  std::vector<uint32_t> common_places; // readings whose name is also a common English word ("Mobile")
};

bool HasCue(const Unit& u, CueKind k) { return u.cues & (1u << static_cast<uint32_t>(k)); }

// What an actor's modifier gives it ("Kazakh", "the city's"): a country now, or where to find it.
struct Mod {
  std::optional<Actor> actor;
  int64_t possessive_at = -1;  // "the city's X": the country of the place named last before this byte
  uint64_t possessive_noun = 0;  // and the token hash of its noun ("city")
  bool country_from_dominant = false;
  std::string role;           // CAMEO role for the actor when its country is filled later
  std::string explain;
};

// Memory for large blocks straight from the system (mmap), so that a block freed is returned at
// once; the heap would keep it, and a long text's entities would be resident twice as they move.
template <class T>
struct MappedAllocator {
  using value_type = T;
  static constexpr size_t kMapBytes = size_t{1} << 20;
  MappedAllocator() = default;
  template <class U>
  MappedAllocator(const MappedAllocator<U>&) {}
  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kMapBytes) return static_cast<T*>(::operator new(bytes));
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kMapBytes) ::operator delete(p);
    else munmap(p, bytes);
  }
  template <class U>
  bool operator==(const MappedAllocator<U>&) const { return true; }
};

// Entities as they are found, in blocks: a 40 MB text has about a million, of 500 bytes each, and
// a vector would copy them all each time it grows. Moved into doc.entities at the end, block by
// block, each freed once moved.
class EntityBlocks {
 public:
  static constexpr size_t kShift = 12, kMask = (size_t{1} << kShift) - 1, kBlock = kMask + 1;
  Entity& operator[](size_t i) { return blocks_[i >> kShift][i & kMask]; }
  size_t size() const { return size_; }
  Entity& emplace_back() {
    if ((size_ & kMask) == 0) {
      blocks_.emplace_back();
      blocks_.back().reserve(std::clamp<size_t>(expect_ - size_, 16, kBlock));
    }
    ++size_;
    return blocks_.back().emplace_back();
  }
  // About how many entities there will be: blocks are reserved to fit (so that they seldom grow).
  void Expect(size_t n) {
    expect_ = n;
    if (!blocks_.empty() && (size_ & kMask) != 0) {
      auto& b = blocks_.back();
      b.reserve(std::min<size_t>(kBlock, b.size() + (n > size_ ? n - size_ : 0)));
    }
  }
  void MoveInto(std::vector<Entity>* out) {
    out->clear();
    out->reserve(size_);
    for (auto& b : blocks_) {
      for (auto& e : b) out->push_back(std::move(e));
      std::vector<Entity, MappedAllocator<Entity>>().swap(b);
    }
    blocks_.clear();
    size_ = 0;
  }

 private:
  std::vector<std::vector<Entity, MappedAllocator<Entity>>> blocks_;
  size_t size_ = 0, expect_ = 0;
};

// An entity under construction (the entity itself is in an EntityBlocks, stored once), with what
// its actor still needs from context.
struct Pending {
  uint32_t index = 0;         // into the entities (and their explanations)
  int place_mention = -1;     // index into place mentions when it is a place
  int64_t possessive_at = -1;
  uint64_t possessive_noun = 0;
  uint32_t inside_from = 0;   // the place named last must start here or after (a place in a name)
  bool country_from_dominant = false;
  // The CAMEO role ("COP"), kept in place: a long text has a million of these.
  char role_code[4] = {};
  uint8_t role_size = 0;
  void set_role(std::string_view r) {
    role_size = static_cast<uint8_t>(std::min<size_t>(r.size(), sizeof role_code));
    std::memcpy(role_code, r.data(), role_size);
  }
  std::string_view role() const { return std::string_view(role_code, role_size); }
};

// A capitalised word that may be a spelling the gazetteer lacks (see FindImpl, step 6).
struct FuzzyCandidate {
  Span span;
  bool cue;  // after a place cue (else listed with places)
};

// Splits a long text into parts of about kChunkBytes at paragraph breaks (else line breaks, else
// spaces), so that the working memory of recognition (tokens, units) stays bounded; a text of
// normal length is one part.
constexpr size_t kChunkBytes = size_t{1} << 20;
std::vector<std::pair<uint32_t, uint32_t>> TextParts(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> parts;
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.size();
    if (e - b > kChunkBytes) {
      const size_t limit = b + kChunkBytes;
      std::string_view window = text.substr(b, limit - b);
      size_t cut = window.rfind("\n\n");
      if (cut == std::string_view::npos || cut < kChunkBytes / 2) cut = window.rfind('\n');
      if (cut == std::string_view::npos || cut < kChunkBytes / 2) cut = window.rfind(' ');
      if (cut == std::string_view::npos || cut == 0) {
        // No space at all: cut before a UTF-8 lead byte.
        cut = kChunkBytes;
        while (cut > 1 && (static_cast<unsigned char>(text[b + cut]) & 0xC0) == 0x80) --cut;
      }
      e = b + cut;
    }
    parts.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    b = e;
  }
  return parts;
}

// The lexicon's tokens (dictionary keys) of the words words[0, count) of `text`, appended to out.
// Words written together are read together, as the lexicon's phrases were keyed: "city" "'s" is
// "city" (possessive), "did" "n't" "didn't", "U." "S" "U.S", "Kassym" "-" "Jomart" two keys.
void AppendWordKeys(std::string_view text, const Span* words, size_t count, std::vector<Token>* out) {
  for (size_t i = 0; i < count; ++i) {
    Span w = words[i];
    while (i + 1 < count && words[i + 1].begin == w.end) w.end = words[++i].end;
    lexicon::WordKeys(text, w.begin, w.end, out);
  }
}

// The words of the document: doc.tokens' spans (the syntax stage tokenizes once per document);
// for a document without them (Explain, a caller that ran no syntax stage) its sentences' words
// split the same way (syntax::SplitWords), or the whole text's when it has no sentences.
std::vector<Span> DocumentWords(const Document& doc) {
  std::vector<Span> words;
  if (!doc.tokens.empty()) {
    words.reserve(doc.tokens.size());
    for (const auto& t : doc.tokens) words.push_back(t.span);
    return words;
  }
  if (doc.sentences.empty()) {
    syntax::SplitWords(doc.text, Span{0, static_cast<uint32_t>(doc.text.size())}, &words);
  } else {
    for (const Sentence& s : doc.sentences) syntax::SplitWords(doc.text, s.span, &words);
  }
  return words;
}

}  // namespace

EntityFinder::EntityFinder(const Lexicon& lexicon) : lexicon_(&lexicon), matcher_(lexicon), places_(lexicon) {}

void EntityFinder::Find(Document& doc) const { FindImpl(doc, nullptr); }

std::string EntityFinder::Explain(std::string_view text) const {
  Document doc;
  doc.text = std::string(text);
  std::vector<std::string> lines;
  FindImpl(doc, &lines);
  std::string out;
  for (const auto& e : doc.entities) {
    out += std::string(EntityTypeName(e.type)) + " \"" + e.text + "\" [" + std::to_string(e.span.begin) + "," +
           std::to_string(e.span.end) + ")";
    if (!e.canonical.empty() && e.canonical != e.text) out += " = " + e.canonical;
    if (!e.role.empty()) out += " role=" + e.role;
    if (!e.kind.empty()) out += " kind=" + e.kind;
    if (e.actor) out += " actor=" + (e.actor->code.empty() ? std::string("?") : e.actor->code);
    if (e.place) {
      char buf[160];
      std::snprintf(buf, sizeof buf, " place=%s, %s%s%s (%.4f, %.4f) %s geonameid=%lld", e.place->name.c_str(),
                    e.place->admin1.empty() ? "" : e.place->admin1.c_str(), e.place->admin1.empty() ? "" : ", ",
                    e.place->country.c_str(), e.place->lat.value_or(0), e.place->lon.value_or(0), e.place->precision.c_str(),
                    static_cast<long long>(e.place->geonameid));
      out += buf;
    }
    out += "\n";
  }
  if (doc.entities.empty()) out += "(no entity)\n";
  for (const auto& l : lines) out += "  why: " + l + "\n";
  return out;
}

namespace {

// Walks a sorted list of unit indices forwards: Next(i) is the first listed unit >= i (SIZE_MAX
// past the end). A step written as a loop over all units ("for (ui = 0; ui < nu; ++ui)", which
// may jump ahead) visits only its list: "for (ui = next(0); ui < nu; ui = next(ui + 1))".
class Next {
 public:
  explicit Next(const std::vector<uint32_t>& list) : list_(list) {}
  size_t operator()(size_t i) {
    while (pos_ < list_.size() && list_[pos_] < i) ++pos_;
    return pos_ < list_.size() ? list_[pos_] : SIZE_MAX;
  }

 private:
  const std::vector<uint32_t>& list_;
  size_t pos_ = 0;
};

// Working memory of FindImpl, kept per thread from one text to the next: most texts are short,
// and allocating and first touching these for each one cost more than the work on them.
struct Scratch {
  std::vector<Token> toks;
  std::vector<uint8_t> sent_start, joins_before;
  std::vector<int8_t> common;
  std::vector<lexicon::PhraseMatchRef> matches;
  std::vector<Posting> postings;
  std::vector<Unit> units;
  std::vector<UnitPlaces> unit_places;  // a pool: the first `used` are this text's
  size_t unit_places_used = 0;
  // Units by what the steps look for, so that each step visits only those (see Next).
  std::vector<uint32_t> caps, named, roles, titles, placey, plurals;
  std::vector<uint32_t> place_begins;
  // After a very large text, give its memory back rather than keep it for the thread's life.
  void Trim() {
    if (toks.capacity() > (size_t{1} << 20)) *this = Scratch();
  }
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// How much a mention counts towards the article's countries, by where it stands: the dateline
// ("NAIROBI, July 7 (Reuters) -", "KHARKIV, Ukraine (AP) —") names where the story is, the lead
// (the first sentence) most often does, and so does the headline.
constexpr double kDatelineWeight = 3.0;
constexpr double kLeadWeight = 1.5;
constexpr double kTitleWeight = 1.5;

// True when the text begins with its headline (some sources repeat it): it is counted once.
bool StartsWithTitle(std::string_view text, std::string_view title) {
  size_t a = 0, b = 0;
  auto skip = [](std::string_view s, size_t& i) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i])) && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  };
  while (true) {
    skip(text, a), skip(title, b);
    if (b >= title.size()) return true;
    if (a >= text.size() || std::tolower(static_cast<unsigned char>(text[a])) != std::tolower(static_cast<unsigned char>(title[b]))) return false;
    ++a, ++b;
  }
}

void WeighByPosition(const Document& doc, uint32_t first_token_begin, std::vector<PlaceMention>* mentions) {
  if (mentions->empty()) return;
  const std::string& text = doc.text;
  uint32_t lead_end;
  if (!doc.sentences.empty()) {
    lead_end = doc.sentences[0].span.end;
  } else {
    size_t e = 0;
    while (e < text.size() && text[e] != '.' && text[e] != '!' && text[e] != '?' && text[e] != '\n') ++e;
    lead_end = static_cast<uint32_t>(e);
  }
  // The dateline: the words before a dash, a colon or a parenthesis near the start of the first
  // line, when they start with a place.
  uint32_t dateline_end = 0;
  {
    const uint32_t start = first_token_begin;
    const uint32_t limit = static_cast<uint32_t>(std::min<size_t>(text.size(), start + 80));
    for (uint32_t k = start; k < limit; ++k) {
      unsigned char c = text[k];
      if (c == '\n' || c == '.') break;
      bool sep = c == '(' || c == ':' || (c == '-' && k > 0 && text[k - 1] == ' ') ||
                 (c == 0xE2 && k + 2 < text.size() && (unsigned char)text[k + 1] == 0x80 &&
                  ((unsigned char)text[k + 2] == 0x93 || (unsigned char)text[k + 2] == 0x94));  // – —
      if (sep) {
        dateline_end = k;
        break;
      }
    }
    if (dateline_end && (*mentions)[0].span.begin != start) {
      // Mentions are in text order except for county lists: look for one at the start.
      bool found = false;
      for (const auto& m : *mentions) found |= m.span.begin == start;
      if (!found) dateline_end = 0;
    }
  }
  for (auto& m : *mentions) {
    if (m.span.end <= dateline_end) m.weight *= kDatelineWeight;
    else if (m.span.end <= lead_end) m.weight *= kLeadWeight;
  }
}

}  // namespace

void EntityFinder::TitleMentions(std::string_view title, std::vector<PlaceMention>* out) const {
  const auto& lex = lexicon_->impl();
  std::vector<Span> words;
  syntax::SplitWords(title, Span{0, static_cast<uint32_t>(title.size())}, &words);
  std::vector<Token> toks;
  AppendWordKeys(title, words.data(), words.size(), &toks);
  std::vector<lexicon::PhraseMatchRef> matches;
  std::vector<Posting> postings;
  matcher_.MatchInto(title, toks, &matches, &postings);
  for (const auto& mt : matches) {
    PlaceMention m;
    m.span = Span{toks[mt.first].begin, toks[mt.first + mt.count - 1].end};
    m.evidence_only = m.headline = true;
    m.weight = kTitleWeight;
    std::vector<uint32_t> demonym_of;
    bool actor = false, area = false, strong = false;
    for (uint32_t pi = mt.post_begin; pi < mt.post_begin + mt.post_count; ++pi) {
      const Posting& p = postings[pi];
      if (p.table == Table::kCue) actor = true;  // a cue word ("County", "in") is no name here
      else if (const PlaceRec* pl = lex.Place(p)) {
        if (p.flags & lexicon::kDemonym) demonym_of.push_back(p.target);
        else if (!(p.flags & (lexicon::kAdminAbbrev | lexicon::kCommonWord))) {
          bool alt = p.flags & lexicon::kAlternate;
          m.candidates.push_back(p.target);
          m.alternate.push_back(alt ? 1 : 0);
          area |= pl->kind != PlaceKind::kCity;
          strong |= !alt || pl->kind != PlaceKind::kCity || pl->population >= kAlternateTownPopulation;
        }
      } else if (const ActorRec* a = lex.Actor(p)) {
        actor |= a->actor_kind != ActorKind::kOrgHead;
      }
    }
    if (actor) continue;
    // As in the text: a demonym beats a town of its name; a common word is a place only when it
    // names a country or region ("Turkey"); a name only small towns have as an alternate is none.
    if (!demonym_of.empty() && !area) {
      m.candidates = {demonym_of[0]};
      m.alternate = {0};
      m.demonym = true;
    } else if (m.candidates.empty() || !strong || (mt.count == 1 && !area && lex.IsCommonWord(toks[mt.first].hash))) {
      continue;
    }
    if (mt.count == 1 && !(toks[mt.first].flags & lexicon::kUpperInitial)) continue;
    out->push_back(std::move(m));
  }
}

namespace {

// A country's name used as a currency's prefix is no place and no nationality: "US$460
// million", "$US 1.5 billion", "US $50 million", "US dollars" (the name spans [b, e) of text).
bool IsCurrencyPrefix(std::string_view text, size_t b, size_t e) {
  if ((e < text.size() && text[e] == '$') || (b > 0 && text[b - 1] == '$')) return true;
  size_t k = e;
  while (k < text.size() && k < e + 2 && text[k] == ' ') ++k;
  if (k == e) return false;
  if (k < text.size() && text[k] == '$') {
    ++k;
    while (k < text.size() && text[k] == ' ') ++k;
    return k < text.size() && text[k] >= '0' && text[k] <= '9';
  }
  auto word_is = [&](std::string_view w) {
    if (text.size() - k < w.size()) return false;
    for (size_t i = 0; i < w.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(text[k + i])) != w[i]) return false;
    }
    return true;
  };
  if (!word_is("dollar")) return false;
  size_t end = k + 6 + (word_is("dollars") ? 1 : 0);
  return end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
}

// Words and tables the steps of EntityFinder::Pass share.
static const uint64_t kCity = lexicon::TokenHash("city"), kThe = lexicon::TokenHash("the"), kA = lexicon::TokenHash("a"), kAn = lexicon::TokenHash("an"),
                      kAnd = lexicon::TokenHash("and"), kOf = lexicon::TokenHash("of"), kFor = lexicon::TokenHash("for"),
                      kOr = lexicon::TokenHash("or");
static const UnitPlaces kNoPlaces;
static const uint64_t kCounties = lexicon::TokenHash("counties"), kParishes = lexicon::TokenHash("parishes");
static const uint64_t kParticles[] = {lexicon::TokenHash("of"), lexicon::TokenHash("the"), lexicon::TokenHash("and"),
                                      lexicon::TokenHash("for"), lexicon::TokenHash("de"), lexicon::TokenHash("la")};
// Words between a nationality and a title that leave the nationality the title's: "Kenya's
// former President", "the Ghanaian acting prime minister".
static const uint64_t kTitleModifiers[] = {
    lexicon::TokenHash("former"),   lexicon::TokenHash("ousted"),   lexicon::TokenHash("acting"),  lexicon::TokenHash("interim"),
    lexicon::TokenHash("outgoing"), lexicon::TokenHash("incoming"), lexicon::TokenHash("deposed"), lexicon::TokenHash("exiled"),
    lexicon::TokenHash("then"),     lexicon::TokenHash("late"),     lexicon::TokenHash("new"),     lexicon::TokenHash("current")};
// "in Syria", "across the country of ...", "throughout Georgia": the story is located there.
static const uint64_t kLocatives[] = {lexicon::TokenHash("in"), lexicon::TokenHash("across"), lexicon::TokenHash("throughout"),
                                      lexicon::TokenHash("inside"), lexicon::TokenHash("within"), lexicon::TokenHash("around")};

}  // namespace

// One document's pass of EntityFinder::Find: the working state of the steps as members, the
// steps as methods, run by Run in the order of their numbers in the comments (1, 2, 3, 4, 7 for
// each part of the text, then 5, 6, 8 for the whole).
class EntityFinder::Pass {
 public:
  Pass(const EntityFinder& finder, Document& document, std::vector<std::string>* explanations, Scratch& thread_scratch)
      : finder_(finder),
        matcher_(finder.matcher_),
        places_(finder.places_),
        doc(document),
        explain(explanations),
        lex(finder.lexicon_->impl()),
        text(document.text),
        explaining(explanations != nullptr),
        scratch(thread_scratch) {}
  void Run();

 private:
  // Tokens, gaps, sentence starts and units of one part of the text; false when it has no token.
  bool BeginPart(uint32_t part_begin, uint32_t part_end);
  void FindNamedActors();
  void FindOrganisations();
  void FindTitledPeople();
  void FindNamedPeople();
  void FindUnknownNames();
  void FindSurnameMentions();
  void FindListedCounties();
  void FindPlaces();
  bool ReadRegionAbbreviation(size_t ui);
  void AddPlaceMention(size_t& ui, int64_t hint_unit, const std::vector<size_t>& qualifiers = {});
  std::vector<size_t> QualifierUnits(size_t ui);
  void FindGroups();
  void ResolvePlaces();
  void FindMisspelledPlaces();
  void Finish();

  struct PersonName {
    size_t a, b;
  };

  const EntityFinder& finder_;
  const lexicon::PhraseMatcher& matcher_;
  const PlaceResolver& places_;
  Document& doc;
  std::vector<std::string>* const explain;
  const Lexicon::Impl& lex;
  const std::string& text;
  const bool explaining;  // the explanations are built only then
  Scratch& scratch;
  std::vector<Pending> out;
  EntityBlocks found;               // the entities, by index
  std::vector<std::string> whys;    // the explanations of the entities, when explaining
  std::vector<PlaceMention> mentions;
  std::vector<uint64_t> surnames;  // token hashes of the last words of the people found
  std::vector<std::pair<uint64_t, size_t>> person_last;  // (last word of a person's name, out index)
  size_t person_scanned = 0;         // out entries looked at for person_last
  std::vector<int> region_fallback;  // mentions resolved to the article's main region
  std::vector<int> county_mentions;  // "X County" mentions
  std::vector<FuzzyCandidate> fuzzy_candidates;
  uint32_t first_token_begin = UINT32_MAX;
  std::vector<Span> words;  // the document's words (DocumentWords)
  // The part of the text being read (BeginPart).
  std::vector<Token>& toks = scratch.toks;
  size_t n = 0;
  std::vector<uint8_t>& sent_start = scratch.sent_start;
  std::vector<uint8_t>& joins_before = scratch.joins_before;
  bool sentences_given = false;
  std::vector<int8_t>& common_cache = scratch.common;
  std::vector<lexicon::PhraseMatchRef>& matches = scratch.matches;
  std::vector<Posting>& match_postings = scratch.postings;
  std::vector<Unit>& units = scratch.units;
  std::vector<UnitPlaces>& unit_places = scratch.unit_places;
  size_t& unit_places_used = scratch.unit_places_used;
  size_t nu = 0;
  size_t part_out_begin = 0;       // the entities of this part start here
  size_t part_mentions_begin = 0;  // and its place mentions
  // The whole text (ResolvePlaces).
  size_t text_mentions = 0;
  PlaceContext ctx;

  // The helpers the steps share.
  Entity& ent(const Pending& p) { return found[p.index]; }

  std::string& why(const Pending& p) { return whys[p.index]; }

  auto country_actor(std::string_view cc, std::string_view role) {
    Actor a;
    a.country = std::string(cc);
    a.role = std::string(role);
    a.code = std::string(lex.Alpha3(cc)) + std::string(role);
    return a;
  }

  Pending& add_entity(EntityType type, Span span, std::string canonical) {
    Pending& p = out.emplace_back();
    p.index = static_cast<uint32_t>(found.size());
    Entity& e = found.emplace_back();
    if (explaining) whys.emplace_back();
    e.type = type;
    e.span = span;
    e.text = std::string(doc[span]);
    e.canonical = canonical.empty() ? e.text : std::move(canonical);
    return p;
  }

  // The modifier's part of an actor entity.
  auto apply_mod(Pending& p, const Mod& m) {
    if (m.actor) ent(p).actor = m.actor;
    p.possessive_at = m.possessive_at, p.possessive_noun = m.possessive_noun;
    p.country_from_dominant = m.country_from_dominant;
    if (explaining) why(p) = m.explain;
  }

  auto is_common(size_t i) {
    int8_t& c = common_cache[i];
    if (c < 0) c = lex.IsCommonWord(toks[i].hash) ? 1 : 0;
    return c == 1;
  }

  auto tok_text(size_t i) { return std::string_view(text).substr(toks[i].begin, toks[i].end - toks[i].begin); }

  auto joins(size_t i) { return i < n && joins_before[i] != 0; }

  // A word capitalised as a name: upper initial, and not just because it starts a sentence.
  auto name_cap(size_t i) {
    const Token& t = toks[i];
    if (!(t.flags & lexicon::kUpperInitial)) return false;
    if (sent_start[i] && is_common(i)) return false;
    return true;
  }

  auto gap_is(size_t i, char want) {  // gap before token i holds `want`
    if (i == 0 || i >= n) return false;
    for (uint32_t k = toks[i - 1].end; k < toks[i].begin; ++k) {
      if (text[k] == want) return true;
    }
    return false;
  }

  // L: read a unit's place readings; ML: the same, created for writing.
  const UnitPlaces& L(const Unit& u) { return u.lists < 0 ? kNoPlaces : unit_places[u.lists]; }

  UnitPlaces& ML(Unit& u) {
    u.nameish[0] = u.nameish[1] = -1;
    if (u.lists < 0) {
      if (unit_places_used == unit_places.size()) {
        unit_places.emplace_back();
      } else {
        // A pooled entry from a text before: every list emptied (one added to UnitPlaces too),
        // keeping the memory of those named here.
        UnitPlaces& r = unit_places[unit_places_used];
        UnitPlaces fresh;
        for (auto [from, to] : {std::pair{&r.places, &fresh.places}, {&r.demonym_of, &fresh.demonym_of},
                                {&r.admin_abbrev, &fresh.admin_abbrev}, {&r.common_places, &fresh.common_places}}) {
          to->swap(*from), to->clear();
        }
        fresh.place_alt.swap(r.place_alt), fresh.place_alt.clear();
        r = std::move(fresh);
      }
      u.lists = static_cast<int32_t>(unit_places_used++);
    }
    return unit_places[u.lists];
  }

  auto unit_span(size_t a, size_t b) {  // units [a, b] inclusive
    return Span{toks[units[a].first].begin, toks[units[b].first + units[b].count - 1].end};
  }

  auto unit_cap(const Unit& u) {
    for (uint32_t k = u.first; k < u.first + u.count; ++k) {
      if (toks[k].flags & lexicon::kHasDigit && !(toks[k].flags & lexicon::kHasLetter)) continue;
      if (toks[k].flags & lexicon::kUpperInitial) continue;
      if (k == u.first || std::find(std::begin(kParticles), std::end(kParticles), toks[k].hash) == std::end(kParticles)) return false;
    }
    return u.count > 1 || name_cap(u.first);
  }

  auto unit_joins(size_t ui) { return ui > 0 && joins(units[ui].first); }

  auto is_plain(const Unit& u) { return u.match < 0; }

  auto tok_is(size_t i, uint64_t h) { return i < n && toks[i].hash == h; }

  // A unit that can be part of a person's name: an unknown capitalised word, or one word that
  // the gazetteer knows only as a town ("Thomas", "Harman"; not "Georgia", not "Kazakh").
  // As the last word of a longer name, a country will do too ("Michael Jordan").
  auto nameish_raw(const Unit& u, bool last_of_several) {
    if (u.count != 1 || u.cues || u.title || u.role || u.org_head || u.named) return false;
    if (!L(u).demonym_of.empty() && !last_of_several) return false;
    if (!(toks[u.first].flags & lexicon::kUpperInitial) || (toks[u.first].flags & (lexicon::kAllUpper | lexicon::kHasDigit))) return false;
    for (uint32_t pl : L(u).places) {
      PlaceKind k = lex.places[pl].kind;
      if (k == PlaceKind::kRegion || (k == PlaceKind::kCountry && !last_of_several)) return false;
    }
    return true;
  }

  // The same, cached in the unit (several steps ask; ML forgets it when the readings change).
  auto nameish(const Unit& u, bool last_of_several = false) {
    int8_t& c = const_cast<Unit&>(u).nameish[last_of_several ? 1 : 0];
    if (c < 0) c = nameish_raw(u, last_of_several) ? 1 : 0;
    return c == 1;
  }

  auto claim(size_t a, size_t b) {
    for (size_t k = a; k <= b && k < nu; ++k) units[k].claimed = true;
  }

  // The country a modifier unit names: a demonym, or a country name used as an adjective.
  std::string modifier_country(const Unit& u) {
    uint32_t idx = UINT32_MAX;
    if (!L(u).demonym_of.empty()) idx = L(u).demonym_of[0];
    else {
      for (uint32_t p : L(u).places) {
        if (lex.places[p].kind == PlaceKind::kCountry) idx = p;
      }
    }
    return idx == UINT32_MAX ? std::string() : std::string(lex.places[idx].country, 2);
  }

  auto is_title_modifier(const Unit& u) {
    return u.count == 1 && std::find(std::begin(kTitleModifiers), std::end(kTitleModifiers), toks[u.first].hash) != std::end(kTitleModifiers);
  }

  // "of Morocco", "of the United States" right after unit `ui` (a title or a name): the country
  // named (not a demonym: "of Kenyan descent"), else "".
  std::string of_country_after(size_t ui) {
    size_t k = ui + 1;
    if (k + 1 >= nu || !unit_joins(k) || units[k].count != 1 || !tok_is(units[k].first, kOf)) return std::string();
    ++k;
    if (units[k].count == 1 && tok_is(units[k].first, kThe) && k + 1 < nu && unit_joins(k + 1)) ++k;
    if (!unit_joins(k) || !L(units[k]).demonym_of.empty()) return std::string();
    // The country must end the phrase: "of Georgia Tech" names no country.
    if (k + 1 < nu && unit_joins(k + 1) && unit_cap(units[k + 1])) return std::string();
    for (uint32_t p : L(units[k]).places) {
      if (lex.places[p].kind == PlaceKind::kCountry) return std::string(lex.places[p].country, 2);
    }
    return std::string();
  }

  // A title's actor from "of COUNTRY" after `ui` where nothing before the title named one.
  void of_country(Mod& m, size_t ui) {
    if (!m.country_from_dominant) return;
    std::string cc = of_country_after(ui);
    if (cc.empty()) return;
    m.country_from_dominant = false;
    m.actor = country_actor(cc, m.role);
    if (explaining) m.explain = "country from \"of " + cc + "\" after it";
  }

  // Fills the actor country of `p` from modifier units before unit `ui` (demonym, country name,
  // possessive "Kazakhstan's", "the city's"); returns the first unit of the modifier.
  size_t compose(Mod& m, size_t ui, const std::string& role) {
    m.role = role;
    size_t start = ui;
    // Modifiers of the title ("former", "acting") stand between it and its nationality.
    size_t mi = ui;
    while (mi > 0 && mi + 2 >= ui && unit_joins(mi) && is_title_modifier(units[mi - 1])) --mi;
    if (mi > 0 && unit_joins(mi)) {
      const Unit& prev = units[mi - 1];
      std::string cc = modifier_country(prev);
      if (!cc.empty()) {
        m.actor = country_actor(cc, role);
        if (explaining) m.explain = "country from \"" + std::string(doc[unit_span(mi - 1, mi - 1)]) + "\"";
        return mi - 1;
      }
      // "the city's deputy mayor", "the country's police": the country of the place last named.
      // ("the city" may be one unit: a place cue.)
      const uint32_t last_tok = prev.first + prev.count - 1;
      const Token& last = toks[last_tok];
      bool the_before = (prev.count == 2 && toks[prev.first].hash == kThe) ||
                        (prev.count == 1 && prev.first > 0 && toks[prev.first - 1].hash == kThe);
      if ((last.flags & lexicon::kPossessive) && the_before) {
        // Looked up when all places are known (step 8).
        m.possessive_at = toks[last_tok].begin, m.possessive_noun = last.hash;
        if (explaining) m.explain = "country from the place last named (\"the " + std::string(tok_text(last_tok)) + "'s\")";
        return start;
      }
    }
    m.country_from_dominant = true;
    if (explaining) m.explain = "country: the article's dominant country";
    return start;
  }

  // --- 3. People: a title before a capitalised name ("Kazakh President Kassym-Jomart Tokayev"),
  // an honorific ("Mr. Smith"), an apposition with a title after (", the city's deputy mayor"),
  // or a speech cue beside a name of two or more words.
  size_t name_run(size_t ui) {  // last unit of a capitalised name starting at ui, or SIZE_MAX
    if (ui >= nu || units[ui].claimed || !nameish(units[ui]) || !name_cap(units[ui].first)) return SIZE_MAX;
    const Token& t0 = toks[units[ui].first];
    if ((t0.flags & lexicon::kAllUpper) && t0.letters > 1) return SIZE_MAX;  // an acronym
    size_t b = ui;
    // A dot ends a name unless it follows an initial ("John F. Kennedy"): "Salina, Kan. Strong
    // winds" holds no person.
    auto dot_break = [&](size_t k) { return gap_is(units[k].first, '.') && toks[units[k - 1].first].letters > 1; };
    // Every word capitalised as a name: in a title-case line "Bogdanov Joins Sochi" is no name.
    while (b + 1 < nu && b - ui < 3 && unit_joins(b + 1) && !units[b + 1].claimed && !dot_break(b + 1) && nameish(units[b + 1], true) &&
           name_cap(units[b + 1].first)) {
      ++b;
      if (!nameish(units[b])) break;  // a country ends the name
    }
    // One word that is a known town is a name only with a cue; the callers check cues.
    // A weekday, a month or a word like "Police" alone is never a person ("in Beijing on
    // Monday, the most senior American official").
    if (b == ui && lex.IsPlaceStopWord(t0.hash)) return SIZE_MAX;
    return b;
  }

  Pending& add_person(size_t a, size_t b, const std::string& role_text, const std::string& role, const Mod* mod,
                        size_t span_from) {
    Pending& p = add_entity(EntityType::kPerson, unit_span(a, b), "");
    ent(p).role = role_text;
    if (mod) apply_mod(p, *mod);
    p.set_role(role);
    claim(a, b);
    surnames.push_back(toks[units[b].first].hash);
    (void)span_from;
    return p;
  }

  auto is_surname(size_t ui) {
    if (units[ui].count != 1) return false;
    return std::binary_search(surnames.begin(), surnames.end(), toks[units[ui].first].hash);
  }

  auto is_place_reading(const Unit& x) { return !L(x).places.empty() || !L(x).admin_abbrev.empty(); }

  auto locative_before(size_t ui) {
    size_t k = ui;
    if (k > 0 && units[k - 1].count == 1 && tok_is(units[k - 1].first, kThe) && unit_joins(k)) --k;
    if (k == 0 || units[k - 1].count != 1 || !unit_joins(k)) return false;
    for (uint64_t h : kLocatives) {
      if (tok_is(units[k - 1].first, h)) return true;
    }
    return false;
  }

};

void EntityFinder::Pass::Run() {
  doc.entities.clear();
  out.reserve(64);
  words = DocumentWords(doc);
  const auto parts = TextParts(text);
  if (parts.size() > 1) {
    doc.diagnostics.push_back({"analyze", "text of " + std::to_string(text.size() / 1000000) + " MB read in " +
                                              std::to_string(parts.size()) +
                                              " parts at paragraph breaks; names are not joined across parts"});
  }
  for (const auto& [part_begin, part_end] : parts) {
    if (!BeginPart(part_begin, part_end)) continue;
    FindNamedActors();      // 1.
    FindOrganisations();    // 2.
    FindTitledPeople();     // 3.
    FindNamedPeople();
    FindUnknownNames();
    FindSurnameMentions();
    FindListedCounties();   // 4.
    FindPlaces();
    FindGroups();           // 7.
  }
  if (first_token_begin == UINT32_MAX) return;  // no word in the text
  ResolvePlaces();          // 5.
  FindMisspelledPlaces();   // 6.
  Finish();                 // 8.
}

bool EntityFinder::Pass::BeginPart(uint32_t part_begin, uint32_t part_end) {
  toks.clear();
  toks.reserve((part_end - part_begin) / 4 + 16);
  {
    auto w = std::lower_bound(words.begin(), words.end(), part_begin, [](const Span& x, uint32_t b) { return x.begin < b; });
    auto e = w;
    while (e != words.end() && e->begin < part_end) ++e;
    AppendWordKeys(text, words.data() + (w - words.begin()), static_cast<size_t>(e - w), &toks);
  }
  n = toks.size();
  if (n == 0) return false;
  if (first_token_begin == UINT32_MAX) first_token_begin = toks[0].begin;

  // Sentence starts: the first token of each sentence (or each paragraph line without sentences),
  // and a token after an opening quote.
  sent_start.assign(n, 0);
  // One pass over the tokens and the gaps between them: what each gap holds (sentence end, line
  // end, an opening quote or parenthesis), whether it joins the tokens into one phrase, and the
  // title-case lines ("Freemason Bogdanov Joins Sochi Mayor Race"): there a capital says nothing,
  // so common words in them are read as if they started a sentence.
  enum : uint8_t { kGapSentenceEnd = 1, kGapOpening = 2, kGapLineEnd = 4 };
  joins_before.resize(n);
  joins_before[0] = 1;
  sentences_given = !doc.sentences.empty();
  if (!sentences_given) sent_start[0] = 1;
  {
    size_t line_start = 0, words = 0, caps = 0;
    auto end_line = [&](size_t end) {
      if (words >= 3 && caps * 10 >= words * 8) {
        for (size_t k = line_start; k < end; ++k) sent_start[k] = 1;
      }
      line_start = end, words = caps = 0;
    };
    for (size_t i = 0; i < n; ++i) {
      // Most gaps are one space: nothing in them, and they join.
      if (i > 0 && !(toks[i].begin == toks[i - 1].end + 1 && text[toks[i - 1].end] == ' ')) {
        joins_before[i] = lexicon::PhraseMatcher::Joins(text, toks, i) ? 1 : 0;
        uint8_t g = 0;
        for (uint32_t k = toks[i - 1].end; k < toks[i].begin; ++k) {
          unsigned char c = text[k];
          if (c == '.' || c == '!' || c == '?' || c == '\n') g |= kGapSentenceEnd;
          if (c == '\n' || c == '.') g |= kGapLineEnd;
          if (c == '"' || c == '(' || c == ':' || (c == 0xE2 && k + 2 < toks[i].begin && (unsigned char)text[k + 2] == 0x9C)) g |= kGapOpening;
          // A dash between spaces after a dateline ("COLUMBUS -- Most of the", "Albany — An
          // Albany man"): what follows starts a sentence.
          if (((c == '-' && k + 1 < toks[i].begin && text[k + 1] == '-') ||
               (c == 0xE2 && k + 2 < toks[i].begin && (unsigned char)text[k + 1] == 0x80 &&
                ((unsigned char)text[k + 2] == 0x93 || (unsigned char)text[k + 2] == 0x94))) &&
              k > toks[i - 1].end && text[k - 1] == ' ') {
            g |= kGapOpening;
          }
        }
        if ((g & kGapSentenceEnd) && !sentences_given) sent_start[i] = 1;
        if (g & kGapOpening) sent_start[i] = 1;
        if (g & kGapLineEnd) end_line(i);
      } else if (i > 0) {
        joins_before[i] = 1;
      }
      if ((toks[i].flags & lexicon::kHasLetter) && toks[i].letters >= 4) {
        ++words;
        if (toks[i].flags & lexicon::kUpperInitial) ++caps;
      }
    }
    end_line(n);
  }
  if (sentences_given) {
    // The sentences of this part (a part starts at a paragraph break, so a sentence).
    sent_start[0] = 1;
    size_t t = 0;
    auto s = std::lower_bound(doc.sentences.begin(), doc.sentences.end(), part_begin,
                              [](const Sentence& x, uint32_t b) { return x.span.begin < b; });
    for (; s != doc.sentences.end() && s->span.begin < part_end; ++s) {
      while (t < n && toks[t].begin < s->span.begin) ++t;
      if (t < n) sent_start[t] = 1;
    }
  }
  // Common-word tests by token, cached per text: the word list is large, and the same words
  // come back ("the", names) and are tested by several steps.
  common_cache.assign(n, -1);

  // --- Units from dictionary matches.
  matcher_.MatchInto(text, toks, &matches, &match_postings, {}, &joins_before);
  units.clear();
  units.reserve(n);
  unit_places_used = 0;
  {
    size_t mi = 0;
    for (size_t i = 0; i < n;) {
      Unit u;
      u.first = static_cast<uint32_t>(i);
      if (mi < matches.size() && matches[mi].first == i) {
        const lexicon::PhraseMatchRef& m = matches[mi];
        u.count = m.count;
        u.match = static_cast<int>(mi);
        for (uint32_t pi = m.post_begin; pi < m.post_begin + m.post_count; ++pi) {
          const Posting& p = match_postings[pi];
          if (p.table == Table::kCue) {
            u.cues |= 1u << p.target;
          } else if (const PlaceRec* pl = lex.Place(p)) {
            (void)pl;
            if (p.flags & lexicon::kDemonym) ML(u).demonym_of.push_back(p.target);
            else if (p.flags & lexicon::kAdminAbbrev) ML(u).admin_abbrev.push_back(p.target);
            else {
              if (p.flags & lexicon::kCommonWord) {
                ML(u).common_places.push_back(p.target);
              } else {
                ML(u).places.push_back(p.target);
                ML(u).place_alt.push_back(p.flags & lexicon::kAlternate ? 1 : 0);
              }
            }
          } else if (const ActorRec* a = lex.Actor(p)) {
            switch (a->actor_kind) {
              case ActorKind::kNamed: if (!u.named) u.named = a; break;
              case ActorKind::kRoleTerm: if (!u.role) u.role = a; break;
              case ActorKind::kTitle: if (!u.title) u.title = a; break;
              case ActorKind::kOrgHead: if (!u.org_head) u.org_head = a; break;
            }
          }
        }
        // A capitalised single word that starts a sentence and is a common word ("Police said")
        // is not a name there.
        ++mi;
      }
      i += u.count;
      units.push_back(std::move(u));
    }
  }
  matches.clear();  // their postings now live in the units
  match_postings.clear();
  nu = units.size();
  {
    for (auto* l : {&scratch.caps, &scratch.named, &scratch.roles, &scratch.titles, &scratch.placey, &scratch.plurals}) l->clear();
    for (size_t ui = 0; ui < nu; ++ui) {
      const Unit& u = units[ui];
      const uint32_t u32 = static_cast<uint32_t>(ui);
      const bool cap = toks[u.first].flags & lexicon::kUpperInitial;
      if (cap) scratch.caps.push_back(u32);
      if (cap || u.lists >= 0) scratch.placey.push_back(u32);
      if (u.match < 0) {
        if (ui > 0 && toks[u.first].letters == 8 && (toks[u.first].hash == kCounties || toks[u.first].hash == kParishes)) {
          scratch.plurals.push_back(u32);
        }
        continue;
      }
      if (u.named) scratch.named.push_back(u32);
      if (u.role || u.org_head) scratch.roles.push_back(u32);
      if (u.title || HasCue(u, CueKind::kHonorific)) scratch.titles.push_back(u32);
    }
  }
  // Every word of the unit capitalised as a name, but for small words inside it ("Chamber of
  // Commerce", "Bay of Bengal").

  part_out_begin = out.size();  // the entities of this part start here
  // Entities start at capitalised units, place readings and role terms: about one in two.
  found.Expect(found.size() + scratch.placey.size() / 2 + scratch.roles.size() / 2 + 16);

  return true;
}

void EntityFinder::Pass::FindNamedActors() {
  // --- 1. Named actors (dictionary organisations and people).
  Next next_named(scratch.named);
  for (size_t ui = next_named(0); ui < nu; ui = next_named(ui + 1)) {
    Unit& u = units[ui];
    if (!u.named) continue;
    // A named person or organisation written capitalised is never also a place here.
    const ActorRec* a = u.named;
    bool person = a->entity == ActorEntity::kPerson;
    Pending& p = add_entity(person ? EntityType::kPerson : EntityType::kOrg, unit_span(ui, ui), std::string(lex.Str(a->name)));
    Actor act;
    act.code = std::string(lex.Str(a->code));
    act.country = a->country[0] ? std::string(a->country, 2) : std::string();
    act.role = std::string(a->role, strnlen(a->role, 4));
    act.name = std::string(lex.Str(a->name));
    ent(p).actor = act;
    ent(p).kind = std::string(lex.Str(a->kind));
    if (person) ent(p).role = std::string(lex.Str(a->title));
    if (explaining) why(p) = "dictionary entry " + act.code;
    u.claimed = true;
    // Later mentions by the surname alone are that person ("Hillary Clinton ... Clinton said").
    if (person && u.count > 1) surnames.push_back(toks[u.first + u.count - 1].hash);
    // An organisation's name that leads with a region or country ("Georgia Bureau of
    // Investigation", "Texas Department of Public Safety") says where the story is.
    if (!person && u.count > 1) {
      uint64_t h = lexicon::kPhraseSeed;
      PlaceMention m;
      for (uint32_t t = u.first; t + 1 < u.first + u.count; ++t) {
        h = lexicon::PhraseHash(h, toks[t].hash);
        if (h == 0) h = 1;
        const lexicon::Slot* sl = lex.Find(h);
        if (!sl) break;
        std::vector<uint32_t> cands;
        for (const Posting& ps : lex.PostingsOf(*sl)) {
          const PlaceRec* pl = lex.Place(ps);
          if (!pl || (ps.flags & (lexicon::kDemonym | lexicon::kAdminAbbrev | lexicon::kCommonWord | lexicon::kAlternate))) continue;
          if (pl->kind == PlaceKind::kCity && pl->population < kPersonOverTownPopulation) continue;
          cands.push_back(ps.target);
        }
        if (cands.empty()) continue;
        m.span = Span{toks[u.first].begin, toks[t].end};
        m.candidates = std::move(cands);
        m.alternate.assign(m.candidates.size(), 0);
      }
      if (!m.candidates.empty()) {
        m.evidence_only = true;
        m.weight = 0.5;
        mentions.push_back(std::move(m));
      }
    }
  }
}

void EntityFinder::Pass::FindOrganisations() {
  // --- 2. Organisations: capitalised role institutions ("Interior Ministry", "National Guard") and
  // capitalised names with a head word ("Khabar 24 TV", "Bureau of Animal Industry").
  Next next_role(scratch.roles);
  for (size_t ui = next_role(0); ui < nu; ui = next_role(ui + 1)) {
    Unit& u = units[ui];
    if (u.claimed) continue;
    // A capitalised role term after a capitalised name is that name's head ("Houston Police
    // Department", "Almaty Police"); alone or after a modifier it is the institution itself.
    bool name_before = ui > 0 && unit_joins(ui) && is_plain(units[ui - 1]) && unit_cap(units[ui - 1]) &&
                       !units[ui - 1].claimed && !units[ui - 1].cues;
    const ActorRec* head = u.org_head ? u.org_head : (u.role && unit_cap(u) && name_before ? u.role : nullptr);
    if (u.role && u.role->entity == ActorEntity::kOrg && unit_cap(u) && !name_before) {
      std::string role(u.role->role, strnlen(u.role->role, 4));
      Mod tmp;
      size_t start = compose(tmp, ui, role);
      Pending& p = add_entity(EntityType::kOrg, unit_span(start, ui), "");
      apply_mod(p, tmp);
      p.set_role(role);
      if (explaining) why(p) = "organisation \"" + std::string(lex.Str(u.role->name)) + "\" (" + role + "), " + tmp.explain;
      ent(p).kind = std::string(lex.Str(u.role->kind));
      if (start < ui) {
        // keep the demonym as a country mention too
      }
      claim(ui, ui);
      continue;
    }
    if (!head || !unit_cap(u)) continue;
    // Extend left over capitalised words and numbers ("Khabar 24"), right over "of/for X".
    size_t a = ui, b = ui;
    auto named_org = [&](size_t k) { return units[k].named && units[k].named->entity == ActorEntity::kOrg; };
    while (a > 0 && unit_joins(a) && (!units[a - 1].claimed || named_org(a - 1)) && !units[a - 1].title && !units[a - 1].cues &&
           (unit_cap(units[a - 1]) || ((toks[units[a - 1].first].flags & lexicon::kHasDigit) && a - 1 > 0 &&
                                       unit_joins(a - 1) && unit_cap(units[a - 2])))) {
      --a;
    }
    while (b + 2 < nu && unit_joins(b + 1) && unit_joins(b + 2) && units[b + 1].count == 1 &&
           (tok_is(units[b + 1].first, kOf) || tok_is(units[b + 1].first, kFor)) && unit_cap(units[b + 2]) &&
           !units[b + 2].claimed) {
      b += 2;
      while (b + 1 < nu && unit_joins(b + 1) && unit_cap(units[b + 1]) && !units[b + 1].claimed) ++b;
    }
    if (a == ui && b == ui) continue;  // a head word alone ("Ministry") is not a name
    std::string role(head->role, strnlen(head->role, 4));
    Pending& p = add_entity(EntityType::kOrg, unit_span(a, b), "");
    ent(p).kind = std::string(lex.Str(head->kind));
    p.set_role(role);
    // Its country: a demonym or country in its name, else the place its name leads with once
    // resolved ("Arlington Chamber of Commerce"), else the article's.
    std::string cc;
    int64_t place_in_name = -1;
    for (size_t k = a; k <= b && cc.empty() && place_in_name < 0; ++k) {
      cc = modifier_country(units[k]);
      if (cc.empty() && !L(units[k]).places.empty()) place_in_name = toks[units[k].first + units[k].count - 1].end;
    }
    const std::string head_text(doc[unit_span(ui, ui)]);
    if (!cc.empty()) {
      ent(p).actor = country_actor(cc, role);
      if (explaining) why(p) = "organisation by its head word \"" + head_text + "\", country from its name";
    } else {
      p.country_from_dominant = true;
      if (place_in_name >= 0) p.possessive_at = place_in_name, p.inside_from = toks[units[a].first].begin;
      if (explaining) {
        why(p) = "organisation by its head word \"" + head_text + "\", country: " +
                 (place_in_name >= 0 ? "the place in its name's, else the article's" : "the article's");
      }
    }
    // Places inside the name stay places ("Dublin Arts Council", "Ohio Coalition").
    for (size_t k = a; k <= b; ++k) {
      bool region_name = k + 1 <= b && HasCue(units[k + 1], CueKind::kPlaceSuffix);  // "Licking County ..."
      bool suffix = k > a && HasCue(units[k], CueKind::kPlaceSuffix);
      // Only a place that leads the name or follows "of" names where the organisation is ("Dublin
      // Arts Council", "University of Texas"); inside ("Sarah Bush Lincoln Hospital") it is a name.
      bool leads = k == a || (k > a && units[k - 1].count == 1 && (tok_is(units[k - 1].first, kOf) || tok_is(units[k - 1].first, kFor)));
      if (!L(units[k]).demonym_of.empty() && L(units[k]).places.empty()) {
        // "Indonesian Health Ministry": the demonym is part of the name and still says whose it is.
        PlaceMention m;
        m.span = unit_span(k, k);
        m.candidates = {L(units[k]).demonym_of[0]};
        m.alternate = {0};
        m.demonym = true;
        m.evidence_only = true;
        mentions.push_back(std::move(m));
      }
      if ((L(units[k]).places.empty() && !region_name && !suffix) || units[k].named || (!leads && !region_name && !suffix)) {
        units[k].claimed = true;
      } else {
        units[k].in_org = true;
      }
    }
  }
}

void EntityFinder::Pass::FindTitledPeople() {
  Next next_title(scratch.titles);
  for (size_t ui = next_title(0); ui < nu; ui = next_title(ui + 1)) {
    Unit& u = units[ui];
    if (u.claimed) continue;
    if (u.title || HasCue(u, CueKind::kHonorific)) {
      size_t a = ui + 1;
      if (a < nu && units[a].count == 1 && gap_is(a, ',') && false) ++a;
      if (a < nu && unit_joins(a) && units[a].named && units[a].named->entity == ActorEntity::kPerson) {
        // "President Kassym-Jomart Tokayev": the dictionary person takes the title as written.
        // Step 1 made one entity per named unit, in order: the k-th is that of named[k].
        auto it = std::lower_bound(scratch.named.begin(), scratch.named.end(), static_cast<uint32_t>(a));
        if (u.title && it != scratch.named.end() && *it == a) {
          Entity& e = ent(out[part_out_begin + (it - scratch.named.begin())]);
          if (e.type == EntityType::kPerson) e.role = std::string(doc[unit_span(ui, ui)]);
        }
        continue;
      }
      size_t b = a < nu && unit_joins(a) ? name_run(a) : SIZE_MAX;
      if (b == SIZE_MAX) continue;
      std::string role = u.title ? std::string(u.title->role, strnlen(u.title->role, 4)) : std::string();
      Mod mod;
      if (u.title) {
        compose(mod, ui, role);
        of_country(mod, b);  // "King NAME of Morocco"
      }
      Pending& p = add_person(a, b, u.title ? std::string(doc[unit_span(ui, ui)]) : std::string(), role, u.title ? &mod : nullptr, ui);
      if (explaining) why(p) = u.title ? "title \"" + ent(p).role + "\" before the name; " + mod.explain : "honorific before the name";
      claim(ui, ui);
      ui = b;
    }
  }
}

void EntityFinder::Pass::FindNamedPeople() {
  Next next_name(scratch.caps);
  for (size_t ui = next_name(0); ui < nu; ui = next_name(ui + 1)) {
    size_t b = name_run(ui);
    if (b == SIZE_MAX) continue;
    // Speech cues: "NAME said", "according to NAME", "said NAME".
    bool cue_after = b + 1 < nu && unit_joins(b + 1) && HasCue(units[b + 1], CueKind::kSpeech);
    bool cue_before = ui > 0 && unit_joins(ui) && HasCue(units[ui - 1], CueKind::kSpeech);
    // One word: a person only after "said"/"according to" or before "said" when it is no known
    // place, or only a small town's name ("Kristina said", "Burley said"; not "Washington said").
    auto small_towns_only = [&](const Unit& x) {
      for (const auto* list : {&L(x).places, &L(x).common_places}) {
        for (uint32_t pl : *list) {
          const PlaceRec& r = lex.places[pl];
          if (r.kind != PlaceKind::kCity || r.population >= kPersonOverTownPopulation) return false;
        }
      }
      return true;
    };
    bool after_place_cue = ui > 0 && (HasCue(units[ui - 1], CueKind::kPlacePreposition) || HasCue(units[ui - 1], CueKind::kPlaceNoun));
    // "the city of Sevierville said", "a spokesman for Sevierville said": a word after "of" or
    // "for" names what the speaker speaks for.
    after_place_cue |= ui > 0 && units[ui - 1].count == 1 && (tok_is(units[ui - 1].first, kOf) || tok_is(units[ui - 1].first, kFor));
    // "according to DeKalb Police", "said Monroe Mayor Robert Routson": the word names the
    // organisation's or the official's place.
    bool before_org = b + 1 < nu && unit_joins(b + 1) && (units[b + 1].role || units[b + 1].org_head || units[b + 1].title);
    after_place_cue |= before_org;
    if ((cue_after || cue_before) && (b > ui || (small_towns_only(units[ui]) && !after_place_cue && !is_common(units[ui].first)))) {
      // "Tim and Kristina said": a small town's name joined to the person by "and" is one too.
      size_t a0 = ui;
      if (ui >= 2 && units[ui - 1].count == 1 && tok_is(units[ui - 1].first, kAnd) && !units[ui - 2].claimed &&
          nameish(units[ui - 2]) && name_cap(units[ui - 2].first) && small_towns_only(units[ui - 2]) && !is_common(units[ui - 2].first) &&
          !(ui >= 3 && (HasCue(units[ui - 3], CueKind::kPlacePreposition) || HasCue(units[ui - 3], CueKind::kPlaceNoun)))) {
        a0 = ui - 2;
        Pending& q = add_person(a0, a0, "", "", nullptr, a0);
        if (explaining) why(q) = "a name joined by \"and\" to a name beside a speech cue";
      }
      Pending& p = add_person(ui, b, "", "", nullptr, ui);
      if (explaining) why(p) = "a name beside a speech cue";
      ui = b;
    }
  }
}

void EntityFinder::Pass::FindUnknownNames() {
  // Any other capitalised name of two or three words that no dictionary knows ("Davinio
  // Catbagan") is read as a person: places and organisations of several words are in the
  // gazetteer or carry a head word, which claimed them above.
  Next next_long_name(scratch.caps);
  for (size_t ui = next_long_name(0); ui < nu; ui = next_long_name(ui + 1)) {
    size_t b = name_run(ui);
    if (b == SIZE_MAX || b == ui || b - ui > 2) continue;
    if (joins(units[ui].first) && ui > 0 && units[ui - 1].count == 1 &&
        (toks[units[ui - 1].first].flags & lexicon::kUpperInitial) && !sent_start[units[ui - 1].first] && !units[ui - 1].cues &&
        !units[ui - 1].title) {
      ui = b;  // part of a longer capitalised name: not a person's
      continue;
    }
    // A common word first ("Police Chief") is no name; a surname that is also a word is
    // ("James Brown", "George Bush").
    bool region_first = false;  // "Minnesota House", "Ohio Board": a region's institution
    for (uint32_t pl : L(units[ui]).places) region_first |= lex.places[pl].kind == PlaceKind::kAdmin1;
    if (is_common(units[ui].first) ||
        (is_common(units[b].first) && (region_first || lex.IsPlaceStopWord(toks[units[b].first].hash)))) {
      ui = b;
      continue;
    }
    Pending& p = add_person(ui, b, "", "", nullptr, ui);
    if (explaining) why(p) = "a capitalised name of " + std::to_string(b - ui + 1) + " words";
    ui = b;
  }
}

void EntityFinder::Pass::FindSurnameMentions() {
  // Later mentions by surname alone ("Tokayev said"), including words that are also places.
  // Sorted, for lookups in logarithmic time (a long text names many people).
  std::sort(surnames.begin(), surnames.end());
  surnames.erase(std::unique(surnames.begin(), surnames.end()), surnames.end());
  // The last word of each person's name, by token hash (dictionary people too), then by order.
  if (!surnames.empty() && person_scanned < out.size()) {
    for (; person_scanned < out.size(); ++person_scanned) {
      const Entity& e = ent(out[person_scanned]);
      if (e.type != EntityType::kPerson) continue;
      const std::string& t = e.text;
      person_last.push_back({lexicon::TokenHash(lexicon::NormalizeToken(std::string_view(t).substr(t.rfind(' ') + 1))), person_scanned});
    }
    std::sort(person_last.begin(), person_last.end());
  }
  Next next_surname(scratch.caps);
  for (size_t ui = next_surname(0); ui < nu && !surnames.empty(); ui = next_surname(ui + 1)) {
    Unit& u = units[ui];
    if (u.claimed || !(toks[u.first].flags & lexicon::kUpperInitial) || !is_surname(ui)) continue;
    if (u.named || u.role || u.title) continue;
    // After "in", "of", "the city of", a word that names a place of some size is that place
    // ("known as 'Mr. Arlington' ... Young Man of Arlington").
    // (Not before a possessive: "at George's apartment" is the person's.)
    if (ui > 0 && !(toks[u.first].flags & lexicon::kPossessive) &&
        (HasCue(units[ui - 1], CueKind::kPlacePreposition) || HasCue(units[ui - 1], CueKind::kPlaceNoun) ||
         (units[ui - 1].count == 1 && tok_is(units[ui - 1].first, kOf)))) {
      bool known_place = false;
      for (uint32_t pl : L(u).places) {
        const PlaceRec& r = lex.places[pl];
        known_place |= r.kind != PlaceKind::kCity || r.population >= kPersonOverTownPopulation;
      }
      if (known_place) continue;
    }
    // The person named last (in the order found) with that last word.
    const uint64_t h = toks[u.first].hash;
    auto it = std::upper_bound(person_last.begin(), person_last.end(), std::make_pair(h, SIZE_MAX));
    if (it == person_last.begin() || (it - 1)->first != h) continue;
    const Pending ref = out[(it - 1)->second];
    const Entity& re = ent(ref);
    std::string canonical = re.canonical, role_text = re.role;
    std::optional<Actor> actor = re.actor;
    Pending& p = add_entity(EntityType::kPerson, unit_span(ui, ui), canonical);
    ent(p).role = std::move(role_text);
    ent(p).actor = std::move(actor);
    p.possessive_at = ref.possessive_at, p.possessive_noun = ref.possessive_noun;
    p.country_from_dominant = ref.country_from_dominant;
    p.set_role(ref.role());
    if (explaining) why(p) = "the surname of " + canonical;
    u.claimed = true;
  }
}

void EntityFinder::Pass::FindListedCounties() {
  part_mentions_begin = mentions.size();
  // --- 4. Places and countries.
  // "Geauga and Medina counties", "Butler, Clark or Warren counties": each listed name with the
  // singular suffix is looked up as a county ("Medina County").
  {
    static const uint64_t kCounty = lexicon::TokenHash("county"), kParish = lexicon::TokenHash("parish");
    Next next_plural(scratch.plurals);
    for (size_t ui = next_plural(1); ui < nu; ui = next_plural(ui + 1)) {
      const Unit& s_unit = units[ui];
      if (s_unit.count != 1 || !(tok_is(s_unit.first, kCounties) || tok_is(s_unit.first, kParishes)) || !unit_joins(ui)) continue;
      uint64_t suffix = tok_is(s_unit.first, kCounties) ? kCounty : kParish;
      size_t k = ui - 1;
      while (true) {
        Unit& name = units[k];
        if (name.claimed || !(toks[name.first].flags & lexicon::kUpperInitial) || !L(name).demonym_of.empty()) break;
        uint64_t h = lexicon::kPhraseSeed;
        for (uint32_t t = name.first; t < name.first + name.count; ++t) {
          h = lexicon::PhraseHash(h, toks[t].hash);
          if (h == 0) h = 1;
        }
        h = lexicon::PhraseHash(h, suffix);
        if (h == 0) h = 1;
        PlaceMention m;
        if (const lexicon::Slot* sl = lex.Find(h)) {
          for (const Posting& p : lex.PostingsOf(*sl)) {
            const PlaceRec* pl = lex.Place(p);
            if (pl && pl->kind == PlaceKind::kAdmin2) {
              m.candidates.push_back(p.target);
              m.alternate.push_back(0);
            }
          }
        }
        if (m.candidates.empty()) break;
        m.span = unit_span(k, k);
        Pending& p = add_entity(EntityType::kPlace, m.span, "");
        p.place_mention = static_cast<int>(mentions.size());
        if (explaining) why(p) = "a county listed before \"" + std::string(tok_text(s_unit.first)) + "\"";
        mentions.push_back(std::move(m));
        name.claimed = true;
        // The list goes on leftwards over ", " and "and"/"or".
        if (k >= 2 && units[k - 1].count == 1 && (tok_is(units[k - 1].first, kAnd) || tok_is(units[k - 1].first, kOr))) {
          k -= 2;
        } else if (k >= 1 && gap_is(units[k].first, ',')) {
          k -= 1;
        } else {
          break;
        }
      }
    }
  }
}

// An admin-1 abbreviation with no place reading of its own is read as its region where the words
// around it say so: a legislator's party and state, a dotted abbreviation, the close of a
// parenthesised qualifier, three or more capitals. Returns whether the unit is a dotted
// abbreviation ("Fla."), whose town readings it drops.
bool EntityFinder::Pass::ReadRegionAbbreviation(size_t ui) {
  Unit& u = units[ui];
  // A party and state after a legislator's name: "D-W. Va.", "R-Calif.".
  bool party_state = false;
  if (L(u).places.empty() && !L(u).admin_abbrev.empty() && u.first > 0 && text[toks[u.first].begin - 1] == '-') {
    const Token& pt = toks[u.first - 1];
    char c0 = text[pt.begin];
    party_state = pt.end - pt.begin == 1 && pt.end + 1 == toks[u.first].begin && (c0 == 'D' || c0 == 'R' || c0 == 'I');
  }
  // "Fla.", "Calif.": an abbreviation written with its dot is the region, not a small town that
  // bears the same letters (Flå in Norway).
  bool dotted_abbrev = false;
  if (!L(u).admin_abbrev.empty() && u.count == 1 && (toks[u.first].flags & lexicon::kUpperInitial) &&
      toks[u.first].end < text.size() && text[toks[u.first].end] == '.') {
    dotted_abbrev = true;
    for (const auto* list : {&L(u).places, &L(u).common_places}) {
      for (uint32_t pl : *list) {
        dotted_abbrev &= lex.places[pl].kind == PlaceKind::kCity && lex.places[pl].population < kAbbreviationOverTownPopulation;
      }
    }
  }
  if (dotted_abbrev) ML(u).common_places.clear(), ML(u).places.clear();
  // "Baramulla city (J&K)", "(Agra district, UP)": an abbreviation closing the parenthesis of
  // where a name lies -- after another item of the list, or alone after a kind of place -- is
  // that region ("Unio de Pagesos (UP)" is no place).
  bool closes_qualifier = false;
  if (!L(u).admin_abbrev.empty() && ui > 0 && toks[u.first + u.count - 1].end < text.size() &&
      text[toks[u.first + u.count - 1].end] == ')') {
    static const uint64_t kKindBefore[] = {lexicon::TokenHash("city"), lexicon::TokenHash("town"), lexicon::TokenHash("village"),
                                           lexicon::TokenHash("district")};
    const Unit& prev = units[ui - 1];
    closes_qualifier = gap_is(u.first, ',') ||
                       (gap_is(u.first, '(') && prev.count == 1 &&
                        std::find(std::begin(kKindBefore), std::end(kKindBefore), toks[prev.first].hash) != std::end(kKindBefore));
  }
  if (L(u).places.empty() && L(u).common_places.empty() && !L(u).admin_abbrev.empty() &&
      (party_state || dotted_abbrev || closes_qualifier ||
       (u.count == 1 && (toks[u.first].flags & lexicon::kAllUpper) && toks[u.first].letters >= 3))) {
    // "NSW": an abbreviation of three or more capitals is a name on its own.
    ML(u).places = L(u).admin_abbrev;
    ML(u).place_alt.assign(L(u).places.size(), 1);
  }
  return dotted_abbrev;
}

void EntityFinder::Pass::FindPlaces() {
  Next next_place(scratch.placey);
  for (size_t ui = next_place(0); ui < nu; ui = next_place(ui + 1)) {
    Unit& u = units[ui];
    if (u.claimed) continue;
    bool sentence_initial = sent_start[u.first] != 0;
    // A demonym reading wins over a city of the same name ("Kazakh", not the town Qazax).
    bool city_only = true;
    for (uint32_t pl : L(u).places) city_only &= lex.places[pl].kind == PlaceKind::kCity;
    if (!L(u).demonym_of.empty() && city_only) {
      // "Kazakh": the country, as an adjective. (Demonyms that start a sentence are still names.)
      PlaceMention m;
      m.span = unit_span(ui, ui);
      m.candidates = {L(u).demonym_of[0]};
      m.alternate = {0};
      m.demonym = true;
      Pending& p = add_entity(EntityType::kCountry, m.span, std::string(lex.Str(lex.places[L(u).demonym_of[0]].name)));
      p.place_mention = static_cast<int>(mentions.size());
      ent(p).kind = "demonym";  // the coder never takes it for the scene of an event
      if (explaining) why(p) = "demonym";
      mentions.push_back(std::move(m));
      continue;
    }
    const bool dotted_abbrev = ReadRegionAbbreviation(ui);
    // "Licking County", "Orleans Parish": a region named after a word, resolved to a town of
    // that name in the article's region, else to the region the article is about.
    if (ui + 1 < nu && unit_joins(ui + 1) && HasCue(units[ui + 1], CueKind::kPlaceSuffix) && !units[ui + 1].claimed &&
        (toks[units[ui + 1].first].flags & lexicon::kUpperInitial) && (toks[u.first].flags & lexicon::kUpperInitial) &&
        L(u).demonym_of.empty() && !u.named && !u.role && !u.title && !u.cues) {
      PlaceMention m;
      m.span = unit_span(ui, ui + 1);
      for (const auto* list : {&L(u).places, &L(u).common_places}) {
        for (uint32_t c : *list) {
          if (lex.places[c].kind == PlaceKind::kCity) {
            m.candidates.push_back(c);
            m.alternate.push_back(0);
          }
        }
      }
      m.weight = 0.5;
      Pending& p = add_entity(EntityType::kPlace, m.span, "");
      p.place_mention = static_cast<int>(mentions.size());
      if (explaining) why(p) = "a region named with \"" + std::string(tok_text(units[ui + 1].first)) + "\"";
      if (m.candidates.empty()) region_fallback.push_back(static_cast<int>(mentions.size()));
      else county_mentions.push_back(static_cast<int>(mentions.size()));
      mentions.push_back(std::move(m));
      u.claimed = units[ui + 1].claimed = true;
      ++ui;
      continue;
    }
    if (L(u).places.empty() && L(u).common_places.empty()) continue;
    // Not a place: a currency ("US$460 million", "$US 1.5 billion"), a word glued by a hyphen to a
    // capitalised word that is no place ("Wal-Mart"), a name before "virus" or "fever" ("Marburg
    // virus", "Reston strain").
    {
      uint32_t b0 = toks[u.first].begin, e0 = toks[u.first + u.count - 1].end;
      bool currency = IsCurrencyPrefix(text, b0, e0);
      bool glued = false;
      if (ui + 1 < nu && e0 + 1 == toks[units[ui + 1].first].begin && text[e0] == '-') {
        const Unit& nx = units[ui + 1];
        // (A word that only a town shares with the common words does not make it a pair of places:
        // "Pre-Trial".)
        glued = (toks[nx.first].flags & lexicon::kUpperInitial) && L(nx).places.empty() && L(nx).demonym_of.empty();
      }
      bool town_only = true;  // "United States flu season" is still the country
      for (uint32_t pl : L(u).places) town_only &= lex.places[pl].kind == PlaceKind::kCity;
      bool name_head = town_only && ui + 1 < nu && unit_joins(ui + 1) && HasCue(units[ui + 1], CueKind::kNameHead);
      // Before a capitalised street or newspaper word, any place name is part of that name
      // ("Washington Drive", "Los Angeles Times", "China Daily").
      bool street_head = ui + 1 < nu && unit_joins(ui + 1) && HasCue(units[ui + 1], CueKind::kStreetHead) &&
                         (toks[units[ui + 1].first].flags & lexicon::kUpperInitial);
      // A word listed between initials that are no places is one more initialism, written in
      // title case ("the unions (ABC, Xyz, DEF)"), not a region of the same name.
      auto initials = [&](size_t vi) {
        const Unit& v = units[vi];
        return v.count == 1 && (toks[v.first].flags & lexicon::kAllUpper) && L(v).places.empty() && L(v).admin_abbrev.empty() &&
               L(v).demonym_of.empty() && L(v).common_places.empty();
      };
      bool in_initials = u.count == 1 && ui >= 1 && ui + 1 < nu && gap_is(u.first, ',') && gap_is(units[ui + 1].first, ',') &&
                         initials(ui - 1) && initials(ui + 1);
      if (currency || glued || name_head || street_head || in_initials) {
        u.claimed = true;
        continue;
      }
    }
    // A place name inside a longer capitalised name ("Paris Hilton", "Michael Jordan") is not a place.
    bool cap_before = ui > 0 && unit_joins(ui) && is_plain(units[ui - 1]) && name_cap(units[ui - 1].first) &&
                      !units[ui - 1].cues && !(toks[units[ui - 1].first].flags & lexicon::kAllUpper);
    bool cap_after = ui + 1 < nu && unit_joins(ui + 1) && is_plain(units[ui + 1]) && (toks[units[ui + 1].first].flags & lexicon::kUpperInitial) &&
                     !units[ui + 1].cues && !units[ui + 1].claimed && !(toks[units[ui + 1].first].flags & lexicon::kAllUpper);
    // Before a person of the dictionary named by a surname, a town's name is a given name ("George Bush").
    cap_after |= ui + 1 < nu && unit_joins(ui + 1) && units[ui + 1].named && units[ui + 1].named->entity == ActorEntity::kPerson &&
                 units[ui + 1].count == 1 && !(toks[units[ui + 1].first].flags & lexicon::kAllUpper);
    // Only for words that could be a city: countries and regions are modifiers in names
    // ("U.S. Agriculture Secretary"), and a place inside an organisation's name stays a place.
    bool city_only_reading = true;
    for (uint32_t pl : L(u).places) city_only_reading &= lex.places[pl].kind == PlaceKind::kCity;
    if ((cap_before || cap_after) && city_only_reading && !u.in_org && u.count == 1) continue;
    bool cue_before = ui > 0 && (HasCue(units[ui - 1], CueKind::kPlacePreposition) || HasCue(units[ui - 1], CueKind::kPlaceNoun));
    // Admin hint after it: ", Texas" / ", La." / ", Kazakhstan".
    int64_t hint_unit = -1;
    // A region before a region is a list ("Virginia, Washington, West Virginia"), not a hint.
    auto has_kind = [&](const std::vector<uint32_t>& list, PlaceKind k) {
      for (uint32_t pl : list) {
        if (lex.places[pl].kind == k) return true;
      }
      return false;
    };
    bool region_list = ui + 1 < nu && has_kind(L(u).places, PlaceKind::kAdmin1) &&
                       (has_kind(L(units[ui + 1]).places, PlaceKind::kAdmin1) || !L(units[ui + 1]).admin_abbrev.empty()) &&
                       !(toks[units[ui + 1].first].flags & lexicon::kAllUpper) &&
                       std::string_view(text).substr(toks[units[ui + 1].first + units[ui + 1].count - 1].end, 1) != ".";
    // Unless a town of that name lies in the region after it ("Dublin, Ohio"), and no region
    // comes before it in a list ("Virginia, Washington, West Virginia").
    auto region_at = [&](size_t k) { return k < nu && has_kind(L(units[k]).places, PlaceKind::kAdmin1); };
    const bool listed_after_region = ui > 0 && gap_is(u.first, ',') && region_at(ui - 1);
    // ("in Washington, Pennsylvania and California": the list goes on after the region.)
    const bool list_goes_on = (ui + 2 < nu && gap_is(units[ui + 2].first, ',') && region_at(ui + 2)) ||
                              (ui + 3 < nu && units[ui + 2].count == 1 &&
                               (tok_is(units[ui + 2].first, kAnd) || tok_is(units[ui + 2].first, kOr)) && region_at(ui + 3));
    if (region_list && !listed_after_region && !list_goes_on) {
      for (uint32_t pl : L(u).places) {
        const PlaceRec& c = lex.places[pl];
        if (c.kind != PlaceKind::kCity || !c.admin1_code) continue;
        for (uint32_t hp : L(units[ui + 1]).places) {
          const PlaceRec& h = lex.places[hp];
          region_list &= !(h.kind == PlaceKind::kAdmin1 && h.admin1_code == c.admin1_code);
        }
      }
    }
    // So is a country before a country ("China, Japan and the United Kingdom").
    region_list |= ui + 1 < nu && has_kind(L(u).places, PlaceKind::kCountry) && has_kind(L(units[ui + 1]).places, PlaceKind::kCountry);
    if (ui + 1 < nu && gap_is(units[ui + 1].first, ',') && !units[ui + 1].claimed && !region_list &&
        (!L(units[ui + 1]).places.empty() || !L(units[ui + 1]).admin_abbrev.empty() || !L(units[ui + 1]).common_places.empty())) {
      hint_unit = static_cast<int64_t>(ui + 1);
      // After "Place, " an abbreviation of a region is that region ("Belgrade, Minn." is not
      // the German town Minden, also called Minn).
      Unit& h = units[hint_unit];
      if (!L(h).admin_abbrev.empty()) {
        ML(h).places = L(h).admin_abbrev;
        ML(h).place_alt.assign(L(h).places.size(), 0);
        ML(h).common_places.clear();
      }
    }
    // Readings that are also common words ("Mobile", "Nice") count only after a place cue or
    // with an admin hint, never at the start of a sentence.
    if (!L(u).common_places.empty() && !sentence_initial && (cue_before || hint_unit >= 0)) {
      for (uint32_t c : std::vector<uint32_t>(L(u).common_places)) {
        ML(u).places.push_back(c);
        ML(u).place_alt.push_back(0);
      }
    }
    if (L(u).places.empty()) continue;
    // A name that only small towns have as an alternate name ("Passover", "The City") needs a
    // place cue or a region after it.
    {
      bool strong = false;
      for (size_t k = 0; k < L(u).places.size() && !strong; ++k) {
        const PlaceRec& c = lex.places[L(u).places[k]];
        strong = !L(u).place_alt[k] || c.kind != PlaceKind::kCity || c.population >= kAlternateTownPopulation;
      }
      // In a list after a place: "Nakuru and Bunyala", "Douglas, Sarpy".
      bool listed = ui >= 2 && is_place_reading(units[ui - 2]) &&
                    ((units[ui - 1].count == 1 && (tok_is(units[ui - 1].first, kAnd) || tok_is(units[ui - 1].first, kOr))));
      listed |= ui >= 1 && gap_is(u.first, ',') && is_place_reading(units[ui - 1]);
      if (!strong && !cue_before && hint_unit < 0 && !listed) continue;
    }
    // All-lower-case or sentence-initial common words never reach here as places: case rules.
    // A country's name stays one there ("China has announced", "Chad"), a region's that is a word does not ("Most of the").
    bool area_reading = false;
    for (uint32_t pl : L(u).places) area_reading |= lex.places[pl].kind == PlaceKind::kCountry || lex.places[pl].kind == PlaceKind::kRegion;
    if (sentence_initial && u.count == 1 && is_common(u.first) && !area_reading && !dotted_abbrev) continue;
    AddPlaceMention(ui, hint_unit, hint_unit < 0 ? QualifierUnits(ui) : std::vector<size_t>{});
  }
}

// The units with place readings of the list in parentheses that follows the name at unit ui, a kind of place between allowed: "Yejube (East Gojam, Amhara)", "Talanagar
// village (Baleshwar, Odisha)", "Hays (Al Hudaydah)". They say where the name lies (AddPlaceMention).
std::vector<size_t> EntityFinder::Pass::QualifierUnits(size_t ui) {
  static const std::array<uint64_t, 12> kKinds = {
      lexicon::TokenHash("village"), lexicon::TokenHash("town"),     lexicon::TokenHash("city"),
      lexicon::TokenHash("district"), lexicon::TokenHash("township"), lexicon::TokenHash("area"),
      lexicon::TokenHash("municipality"), lexicon::TokenHash("region"), lexicon::TokenHash("province"),
      lexicon::TokenHash("county"), lexicon::TokenHash("camp"),     lexicon::TokenHash("hill")};
  std::vector<size_t> out;
  size_t k = ui + 1;
  auto is_kind = [&](size_t j) {
    return j < nu && units[j].count == 1 && std::find(kKinds.begin(), kKinds.end(), toks[units[j].first].hash) != kKinds.end();
  };
  if (is_kind(k) && !gap_is(units[k].first, ',') && !gap_is(units[k].first, '(')) ++k;
  // (Only in parentheses: after a comma a list of places is as likely: "Kansas, Kentucky, Louisiana,
  // Michigan, Missouri" names no town of Louisiana, Missouri.)
  if (k >= nu || !gap_is(units[k].first, '(')) return out;
  for (size_t items = 0; k < nu && items < 5; ++k, ++items) {
    if (items > 0 && (gap_is(units[k].first, ')') || gap_is(units[k].first, '.'))) break;
    if (!L(units[k]).places.empty()) out.push_back(k);
  }
  return out;
}

// The mention of the place at unit ui (with the region written after it, when hint_unit is one),
// and its entity; moves ui past the hint.
void EntityFinder::Pass::AddPlaceMention(size_t& ui, int64_t hint_unit, const std::vector<size_t>& qualifiers) {
  Unit& u = units[ui];
  PlaceMention m;
  m.span = unit_span(ui, ui);
  m.candidates = L(u).places;
  m.alternate = L(u).place_alt;
  m.locative = locative_before(ui);
  // "near Novohnativka, Donetsk", "in Yejube (East Gojam, Amhara)", "at Sherikhel area (Lakki
  // Marwat ...": after a capitalised name the gazetteer lacks (a kind of place may follow it),
  // itself after a place cue, the place says where that name lies (PlaceResolver weighs its regions).
  {
    size_t k = ui;
    if (k >= 2 && (gap_is(u.first, ',') || gap_is(u.first, '('))) {
      --k;
      if (k >= 2 && units[k].count == 1 && is_plain(units[k]) && !(toks[units[k].first].flags & lexicon::kUpperInitial)) --k;
      bool unknown = true;
      size_t words = 0;
      for (; k >= 1 && words < 4 && is_plain(units[k]) && name_cap(units[k].first) && L(units[k]).places.empty(); --k, ++words) {
        unknown &= !units[k].claimed;
      }
      m.qualifier = unknown && words > 0 && (HasCue(units[k], CueKind::kPlacePreposition) || HasCue(units[k], CueKind::kPlaceNoun));
    }
  }
  // "Washington state", "the state of Washington", "Oregon, Washington and Idaho": the region,
  // whatever town bears its name (see the capital rule in PlaceResolver).
  {
    static const uint64_t kState = lexicon::TokenHash("state");
    auto has_region_of = [&](size_t k) {
      if (k >= nu) return false;
      for (uint32_t op : L(units[k]).places) {
        const PlaceRec& o = lex.places[op];
        if (o.kind != PlaceKind::kAdmin1) continue;
        for (uint32_t c : L(u).places) {
          if (lex.places[c].kind == PlaceKind::kAdmin1 && std::memcmp(lex.places[c].country, o.country, 2) == 0) return true;
        }
      }
      return !L(units[k]).admin_abbrev.empty();
    };
    auto conj = [&](size_t k) { return k < nu && units[k].count == 1 && (tok_is(units[k].first, kAnd) || tok_is(units[k].first, kOr)); };
    m.region_cue = tok_is(u.first + u.count, kState) || (u.first >= 2 && tok_is(u.first - 1, kOf) && tok_is(u.first - 2, kState)) ||
                   (ui >= 1 && gap_is(u.first, ',') && has_region_of(ui - 1)) || (ui >= 2 && conj(ui - 1) && has_region_of(ui - 2)) ||
                   (ui + 1 < nu && gap_is(units[ui + 1].first, ',') && has_region_of(ui + 1)) || (conj(ui + 1) && has_region_of(ui + 2));
  }
  // "Dublin City" known only as another name of Dublin, Ireland, where "Dublin" is the name
  // of several cities: any of them ("Dublin City Council" in Dublin, Ohio).
  if (u.count >= 2 && toks[u.first + u.count - 1].hash == kCity &&
      std::all_of(m.alternate.begin(), m.alternate.end(), [](uint8_t a) { return a != 0; })) {
    uint64_t h = lexicon::kPhraseSeed;
    for (uint32_t t = u.first; t + 1 < u.first + u.count; ++t) {
      h = lexicon::PhraseHash(h, toks[t].hash);
      if (h == 0) h = 1;
    }
    std::vector<uint32_t> cands;
    std::vector<uint8_t> alts;
    if (const lexicon::Slot* sl = lex.Find(h)) {
      for (const Posting& ps : lex.PostingsOf(*sl)) {
        const PlaceRec* pl = lex.Place(ps);
        if (!pl || pl->kind != PlaceKind::kCity || (ps.flags & (lexicon::kDemonym | lexicon::kAdminAbbrev | lexicon::kCommonWord))) continue;
        cands.push_back(ps.target);
        alts.push_back(ps.flags & lexicon::kAlternate ? 1 : 0);
      }
    }
    if (cands.size() > m.candidates.size()) m.candidates = std::move(cands), m.alternate = std::move(alts);
  }
  // The region a hint names: an admin-1 region or a country, or the seat of a region, which
  // often bears its name ("Hirske, Luhansk", "Hays (Al Hudaydah)").
  auto hint_of = [&](const Unit& h, bool seats) {
    std::vector<uint32_t> hs = L(h).places;
    hs.insert(hs.end(), L(h).admin_abbrev.begin(), L(h).admin_abbrev.end());
    int64_t found = -1;
    for (uint32_t hp : hs) {
      const PlaceRec& hr = lex.places[hp];
      const bool seat = seats && hr.kind == PlaceKind::kCity && (hr.rank == FeatureRank::kAdmin1Seat || hr.rank == FeatureRank::kCapital);
      if (hr.kind != PlaceKind::kAdmin1 && hr.kind != PlaceKind::kCountry && !seat) continue;
      for (uint32_t c : L(u).places) {
        const PlaceRec& cr = lex.places[c];
        if (c == hp) continue;  // "Bari (Bari, Puglia)": a name is no hint for itself
        if (((hr.kind == PlaceKind::kAdmin1 || seat) && hr.admin1_code && hr.admin1_code == cr.admin1_code &&
             cr.kind == PlaceKind::kCity) ||
            (hr.kind == PlaceKind::kAdmin1 && hr.admin1_code && hr.admin1_code == cr.admin1_code) ||
            (hr.kind == PlaceKind::kCountry && std::memcmp(hr.country, cr.country, 2) == 0 && cr.kind != PlaceKind::kCountry)) {
          if (found < 0 || !seat) found = hp;
        }
      }
    }
    return found;
  };
  if (hint_unit >= 0) m.hint = hint_of(units[hint_unit], true);
  for (size_t q = 0; q < qualifiers.size() && m.hint < 0; ++q) {
    m.hint = hint_of(units[qualifiers[q]], true);
    // The qualifier is read as the region it names here ("Al Hazm district (Al Jawf)": Yemen's
    // Al Jawf, not Saudi Arabia's), as an adjacent hint is below.
    if (m.hint >= 0) {
      UnitPlaces& ql = ML(units[qualifiers[q]]);
      ql.places = {static_cast<uint32_t>(m.hint)};
      ql.place_alt = {0};
      ql.common_places.clear();
    }
  }
  // "the Indonesian island of Java", "the Syrian town of Dael": the place is in that country; a
  // reading elsewhere is another place of that name.
  if (m.hint < 0 && ui >= 2 && HasCue(units[ui - 1], CueKind::kPlaceNoun) && unit_joins(ui) && unit_joins(ui - 1) &&
      !L(units[ui - 2]).demonym_of.empty()) {
    const uint32_t country = L(units[ui - 2]).demonym_of[0];
    std::vector<uint32_t> inside;
    std::vector<uint8_t> inside_alt;
    for (size_t k = 0; k < m.candidates.size(); ++k) {
      const PlaceRec& cr = lex.places[m.candidates[k]];
      if (cr.kind != PlaceKind::kCountry && std::memcmp(cr.country, lex.places[country].country, 2) == 0) {
        inside.push_back(m.candidates[k]);
        inside_alt.push_back(k < m.alternate.size() ? m.alternate[k] : 0);
      }
    }
    if (inside.empty()) return;  // left to the fuzzy match, within the article's countries
    m.candidates = std::move(inside);
    m.alternate = std::move(inside_alt);
  }
  const PlaceRec& first = lex.places[L(u).places[0]];
  bool is_country = first.kind == PlaceKind::kCountry;
  Pending& p = add_entity(is_country ? EntityType::kCountry : EntityType::kPlace, m.span, "");
  p.place_mention = static_cast<int>(mentions.size());
  int64_t hint = m.hint;
  mentions.push_back(std::move(m));
  u.claimed = true;
  if (hint >= 0 && hint_unit >= 0) {
    // The hint itself is a mention of that region, resolved as the hint says. (A qualifier
    // further on is read as a place of its own.)
    Unit& h = units[hint_unit];
    PlaceMention hm;
    hm.span = unit_span(hint_unit, hint_unit);
    hm.candidates = {static_cast<uint32_t>(hint)};
    hm.alternate = {0};
    Pending& hp = add_entity(lex.places[hint].kind == PlaceKind::kCountry ? EntityType::kCountry : EntityType::kPlace, hm.span, "");
    hp.place_mention = static_cast<int>(mentions.size());
    if (explaining) why(hp) = "the region written after a place";
    mentions.push_back(std::move(hm));
    h.claimed = true;
    ++ui;
  }
}

void EntityFinder::Pass::FindGroups() {
  // --- 7. Generic actor groups ("security forces", "Kazakh police", "protesters") and
  // remaining bare titles are not entities; groups are.
  Next next_group(scratch.roles);
  for (size_t ui = next_group(0); ui < nu; ui = next_group(ui + 1)) {
    Unit& u = units[ui];
    if (u.claimed || !u.role || u.role->entity != ActorEntity::kGroup) continue;
    std::string role(u.role->role, strnlen(u.role->role, 4));
    Mod tmp;
    size_t start = compose(tmp, ui, role);
    // "the country's police" is composed above; a demonym before is part of the group's words.
    Pending& p = add_entity(EntityType::kGroup, unit_span(start, ui), std::string(lex.Str(u.role->name)));
    apply_mod(p, tmp);
    p.set_role(role);
    ent(p).kind = std::string(lex.Str(u.role->kind));
    if (explaining) why(p) = "actor group (" + role + "), " + tmp.explain;
    u.claimed = true;
  }

  // Step 6 in two halves: here the capitalised words that may be spellings the gazetteer lacks
  // (the steps before decide which), after resolution the match among the article's countries.
  {
    std::vector<uint32_t>& place_begins = scratch.place_begins;  // where this part's places start
    place_begins.clear();
    for (size_t k = part_mentions_begin; k < mentions.size(); ++k) {
      if (!mentions[k].demonym) place_begins.push_back(mentions[k].span.begin);
    }
    std::sort(place_begins.begin(), place_begins.end());
    auto is_place_unit = [&](size_t k) {
      return k < nu && std::binary_search(place_begins.begin(), place_begins.end(), toks[units[k].first].begin);
    };
    Next next_fuzzy(scratch.caps);
    for (size_t ui = next_fuzzy(0); ui < nu; ui = next_fuzzy(ui + 1)) {
      Unit& u = units[ui];
      if (u.claimed || !is_plain(u) || !name_cap(u.first) || sent_start[u.first]) continue;
      const Token& t = toks[u.first];
      if (t.letters < 5 || (t.flags & (lexicon::kAllUpper | lexicon::kHasDigit)) || is_common(u.first) ||
          lex.IsPlaceStopWord(t.hash)) {
        continue;
      }
      if (ui + 1 < nu && unit_joins(ui + 1) && (toks[units[ui + 1].first].flags & lexicon::kUpperInitial)) continue;
      bool cue = ui > 0 && (HasCue(units[ui - 1], CueKind::kPlacePreposition) || HasCue(units[ui - 1], CueKind::kPlaceNoun));
      // In a list with places: "X and Aktau", "Aktau and X", "X, Aktau".
      bool listed = (ui + 2 < nu && (tok_is(units[ui + 1].first, kAnd) || tok_is(units[ui + 1].first, kOr)) && is_place_unit(ui + 2)) ||
                    (ui >= 2 && (tok_is(units[ui - 1].first, kAnd) || tok_is(units[ui - 1].first, kOr)) && is_place_unit(ui - 2));
      if (!cue && !listed) continue;
      fuzzy_candidates.push_back({unit_span(ui, ui), cue});
    }
  }
}

void EntityFinder::Pass::ResolvePlaces() {
  // --- 5. Resolve places; the article's countries. The dateline ("NAIROBI, July 7 (Reuters) -")
  // and the lead say most about where the story happens, and so does the headline.
  WeighByPosition(doc, first_token_begin, &mentions);
  text_mentions = mentions.size();
  if (!doc.title.empty() && !StartsWithTitle(text, doc.title)) finder_.TitleMentions(doc.title, &mentions);
  ctx = places_.Resolve(&mentions, explain != nullptr);
  if (!county_mentions.empty() || !region_fallback.empty()) ctx.main_region = places_.MainRegion(ctx);
  for (int k : county_mentions) {
    // A town named like the county but outside the article's region is not the county's place.
    PlaceMention& m = mentions[k];
    if (m.chosen >= 0 && ctx.main_region >= 0 &&
        lex.places[m.chosen].admin1_code != lex.places[ctx.main_region].admin1_code) {
      region_fallback.push_back(k);
    }
  }
  for (int k : region_fallback) {
    if (ctx.main_region >= 0) {
      mentions[k].chosen = ctx.main_region;
      if (explaining) mentions[k].why = "not in the gazetteer: the region the article is about";
    }
  }
}

void EntityFinder::Pass::FindMisspelledPlaces() {
  // --- 6. Spellings the gazetteer lacks: a capitalised word after a place cue, or listed with
  // places ("Zhanauzen and Aktau"), matched fuzzily among the places of the article's countries.
  std::vector<std::string> fuzzy_countries;
  if (!ctx.dominant_country.empty()) fuzzy_countries.push_back(ctx.dominant_country);
  for (const auto& c : ctx.countries) {
    if (c != ctx.dominant_country && fuzzy_countries.size() < 3) fuzzy_countries.push_back(c);
  }
  mentions.resize(text_mentions);  // the headline's have done their part
  for (const FuzzyCandidate& fc : fuzzy_countries.empty() ? std::vector<FuzzyCandidate>() : fuzzy_candidates) {
    // A place noun cue ("the cities of") or a list is strong; a preposition alone needs the word
    // to look like a name of a place of the article's country, which the match itself checks.
    std::string norm = lexicon::NormalizeToken(doc[fc.span]);
    int64_t hit = places_.FuzzyFind(norm, fuzzy_countries);
    if (hit < 0) continue;
    PlaceMention m;
    m.span = fc.span;
    m.candidates = {static_cast<uint32_t>(hit)};
    m.alternate = {1};
    m.chosen = hit;
    if (explaining) m.why = "fuzzy match of \"" + norm + "\" to " + std::string(lex.Str(lex.places[hit].name)) + " in " +
            std::string(lex.places[hit].country, 2) + (fc.cue ? " after a place cue" : " listed with places");
    Pending& p = add_entity(EntityType::kPlace, m.span, "");
    p.place_mention = static_cast<int>(mentions.size());
    mentions.push_back(std::move(m));
  }
}

void EntityFinder::Pass::Finish() {
  // "the city's X" (step 8): the place named last before the possessive, of the kind its noun
  // says ("city", "country", "state"); a town only where the story is located ("in Almaty") or
  // in the article's country -- a foreign town named in passing is seldom "the city" (and is
  // often a name the gazetteer shares: "Romans, Sakai and the parolee").
  std::vector<std::pair<uint32_t, int>> mention_ends;
  for (size_t k = 0; k < mentions.size(); ++k) {
    if (!mentions[k].demonym && !mentions[k].evidence_only && mentions[k].chosen >= 0) {
      mention_ends.push_back({mentions[k].span.end, static_cast<int>(k)});
    }
  }
  std::sort(mention_ends.begin(), mention_ends.end());
  static const uint64_t kCityNouns[] = {lexicon::TokenHash("city"), lexicon::TokenHash("town"), lexicon::TokenHash("capital"),
                                        lexicon::TokenHash("village")};
  static const uint64_t kCountryNouns[] = {lexicon::TokenHash("country"), lexicon::TokenHash("nation")};
  static const uint64_t kRegionNouns[] = {lexicon::TokenHash("state"), lexicon::TokenHash("province"), lexicon::TokenHash("region")};
  auto last_place_mention_before = [&](uint32_t byte, uint64_t noun, uint32_t inside_from) -> int {
    auto is = [&](const uint64_t* list, size_t n) { return std::find(list, list + n, noun) != list + n; };
    const bool want_city = is(kCityNouns, 4), want_country = is(kCountryNouns, 2), want_region = is(kRegionNouns, 3);
    auto it = std::upper_bound(mention_ends.begin(), mention_ends.end(), std::make_pair(byte, INT_MAX));
    for (int steps = 0; it != mention_ends.begin() && steps < 64; ++steps) {
      --it;
      const PlaceMention& m = mentions[it->second];
      if (inside_from) {
        // A place in an organisation's name: that one, whatever it is.
        if (m.span.begin < inside_from) break;
        return it->second;
      }
      const PlaceRec& r = lex.places[m.chosen];
      if (want_city && (r.kind == PlaceKind::kCountry || r.kind == PlaceKind::kRegion)) continue;  // city-states are regions too
      if (want_country && r.kind != PlaceKind::kCountry) continue;
      if (want_region && r.kind != PlaceKind::kAdmin1) continue;
      // A country or region is seldom named in error; a town may be (a name it shares).
      bool town = r.kind == PlaceKind::kCity || r.kind == PlaceKind::kAdmin2;
      if (!town || m.locative || std::string_view(r.country, 2) == ctx.dominant_country) return it->second;
    }
    return -1;
  };

  // --- 8. Fill places and the actors' countries from context; sort by span. (out[i] is the
  // pending part of entity i.) Unresolved places go.
  std::vector<uint32_t> order(out.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint8_t> drop(out.size(), 0);
  for (size_t i = 0; i < out.size(); ++i) {
    Pending& p = out[i];
    Entity& e = ent(p);
    if (p.place_mention >= 0) {
      const PlaceMention& m = mentions[p.place_mention];
      if (m.chosen < 0) {
        drop[i] = 1;
        continue;
      }
      e.place = places_.ToPlace(static_cast<uint32_t>(m.chosen));
      e.canonical = e.place->name;
      if (e.place->precision == "country") {
        e.type = EntityType::kCountry;
        if (!m.demonym) e.actor = country_actor(e.place->country, "GOV");
      } else if (m.demonym) {
        e.type = EntityType::kCountry;
      } else {
        e.type = EntityType::kPlace;
      }
      if (e.actor) {
        e.actor->text = e.text;
        e.actor->span = e.span;
        e.actor->name = e.place->name;
      }
    } else {
      if (!e.actor && p.role_size) {
        std::string cc;
        int k = p.possessive_at >= 0 ? last_place_mention_before(static_cast<uint32_t>(p.possessive_at), p.possessive_noun, p.inside_from) : -1;
        if (k >= 0 && mentions[k].chosen >= 0) {
          cc = std::string(lex.places[mentions[k].chosen].country, 2);
        } else if (p.country_from_dominant || p.possessive_at >= 0) {
          cc = ctx.dominant_country;
        }
        Actor a;
        a.role = std::string(p.role());
        a.country = cc;
        a.code = (cc.empty() ? std::string() : std::string(lex.Alpha3(cc))) + a.role;
        e.actor = std::move(a);
      }
      if (e.actor) {
        e.actor->text = e.text;
        e.actor->span = e.span;
        if (e.actor->name.empty() && (e.type == EntityType::kOrg || e.type == EntityType::kPerson)) e.actor->name = e.canonical;
      }
    }
  }
  // Kept entities by span, the dropped ones last.
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (drop[a] != drop[b]) return drop[a] < drop[b];
    const Span& x = found[a].span;
    const Span& y = found[b].span;
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  size_t kept = 0;
  for (uint32_t i : order) {
    if (drop[i]) break;
    ++kept;
    if (!explain) continue;
    const Pending& p = out[i];
    const Entity& e = found[i];
    if (p.place_mention >= 0) {
      const std::string& place_why = mentions[p.place_mention].why;
      explain->push_back("\"" + e.text + "\": " + (why(p).empty() ? "" : why(p) + "; ") + place_why);
    } else {
      explain->push_back("\"" + e.text + "\": " + why(p));
    }
  }
  if (found.size() <= EntityBlocks::kBlock) {
    // One block: moved in order, once.
    doc.entities.reserve(kept);
    for (size_t k = 0; k < kept; ++k) doc.entities.push_back(std::move(found[order[k]]));
  } else {
    // Many: moved into doc.entities block by block (each freed), then put in order in place,
    // cycle by cycle -- a second array of them would double the memory a long text takes.
    found.MoveInto(&doc.entities);
    for (size_t i = 0; i < order.size(); ++i) {
      if (order[i] == i) continue;
      Entity tmp = std::move(doc.entities[i]);
      size_t j = i;
      while (true) {
        size_t k = order[j];
        order[j] = static_cast<uint32_t>(j);
        if (k == i) {
          doc.entities[j] = std::move(tmp);
          break;
        }
        doc.entities[j] = std::move(doc.entities[k]);
        j = k;
      }
    }
    doc.entities.resize(kept);
  }
  if (explain && !ctx.dominant_country.empty()) explain->push_back("dominant country: " + ctx.dominant_country);
}

void EntityFinder::FindImpl(Document& doc, std::vector<std::string>* explain) const {
  Scratch& scratch = ThreadScratch();
  struct TrimAtEnd {
    Scratch& s;
    ~TrimAtEnd() { s.Trim(); }
  } trim_at_end{scratch};
  Pass(*this, doc, explain, scratch).Run();
}

}  // namespace eventmill::analyze
