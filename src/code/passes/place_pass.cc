// The place pass: where the event happened. A place of its sentence (FindPlace: one after a
// scene word counts most, then one in its clause, then the nearest; places that only say where an
// actor comes from are skipped, and so are readings that are namesakes far from what the sentence
// says around them: a town of another region than the one written after it, a part of a town or
// a "City - District" part far from the town); a place the note files the event under ("coded to
// X", scope.cues) comes first; a dateline city or no place gives way to the country when the
// clause spans it (data/patterns/scope.cues: "across the country"); else the article's main place.
// A region's name before a "City - District" dash is that city; a country named inside a name
// ("Paraguayan Petroleum", "... Nationalities of Ecuador") gives way to a finer place of it.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <unordered_set>

#include "analyze/place_resolver.h"
#include "code/origin_mention.h"
#include "code/passes/passes.h"
#include "code/place_binding.h"
#include "lexicon/tokens.h"
#include "text/grammar_words.h"

namespace eventmill::code {
namespace {

// Words before a place that make it the scene of the event ("in Almaty", "throughout Kazakhstan").
bool IsSceneWord(const std::string& w) {
  static const auto kWords = text::grammar::GrammarWords<std::unordered_set<std::string>>(
      {text::grammar::kLocatives}, {"to", "into", "on", "nationwide", "over", "north", "south", "east", "west",
                                    "northern", "southern", "eastern", "western", "central"});
  return kWords.count(w) > 0;
}

// A place written after another name to say where that name lies: "in Yejube (East Gojam,
// Amhara)", "near Hirske, Luhansk", "a village (Baleshwar, Odisha)". The head is the name before
// the comma or parenthesis (a kind of place may stand between: "Talanagar village (..."); the
// places between it and this one are the other qualifiers of the list.
struct Qualifier {
  const EntityRef* head = nullptr;  // the head when it is a place of the sentence, else nullptr
  size_t head_first = 0;            // the first token of the head's name
  int position = 0;                 // 0 for the first qualifier after the head, 1 for the next, ...
};

std::optional<Qualifier> QualifierOf(const Document& doc, const SentenceView& s, const EntityRef& r) {
  auto entity_ending_at = [&](size_t k) -> const EntityRef* {
    for (const EntityRef& o : s.entities) {
      if (o.last == k && &o != &r) return &o;
    }
    return nullptr;
  };
  auto upper = [&](size_t k) { return std::isupper(static_cast<unsigned char>(doc.text[s.tokens[k].span.begin])) != 0; };
  bool open = false, separated = false;
  int position = 0;
  size_t k = r.first;
  while (k-- > 0) {
    const WordToken& t = s.tokens[k];
    if (t.lower == "(") {
      if (open) return std::nullopt;
      open = separated = true;
      continue;
    }
    if (t.lower == ",") {
      separated = true;
      continue;
    }
    if (!separated) return std::nullopt;
    if (t.lower == ")") {  // "Freiburg (Elbe) (Stade, ...)": a parenthesis of the head's own name
      while (k > 0 && s.tokens[k].lower != "(") --k;
      continue;
    }
    if (!t.punct && IsPlaceKindWord(t.lower)) continue;
    const EntityRef* o = entity_ending_at(k);
    if (o && !IsPlace(*o->entity)) return std::nullopt;
    if (!o && (t.punct || !upper(k))) return std::nullopt;
    // Inside the parenthesis, or in a chain of commas, an earlier place is another qualifier
    // when a comma or an opening parenthesis comes before it.
    size_t first = o ? o->first : k;
    while (!o && first > 0 && !s.tokens[first - 1].punct && upper(first - 1)) --first;
    // ("Cuatro Caminos, San Cristobal, Totonicapan": back to the first place of the chain.)
    const bool after_comma = first > 0 && s.tokens[first - 1].lower == ",";
    const bool opens_list = first > 0 && !open && s.tokens[first - 1].lower == "(";
    if (opens_list || (after_comma && (open || o))) {
      ++position;
      k = first;
      continue;
    }
    Qualifier q;
    q.head = o;
    q.head_first = first;
    q.position = position;
    return q;
  }
  return std::nullopt;
}

// Whether a town's name, as written, begins the name of its admin-1 region ("Sagaing" in Sagaing
// Region, "Dnipropetrovsk" for Dnipro in Dnipropetrovsk Oblast): it may stand for the region.
bool NamesItsRegion(const Document& doc, const Entity& e) {
  auto letters = [](std::string_view t) {
    std::string out;
    for (char c : t) {
      if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  if (!e.place) return false;
  std::string name = letters(doc[e.span]), region = letters(e.place->admin1);
  if (name.size() < 4) return false;
  return region.compare(0, std::min<size_t>(name.size(), 5), name, 0, std::min<size_t>(name.size(), 5)) == 0;
}

// Whether the place `q` can say where `head` lies: a region or country of it, or a town of its region.
bool Contains(const Place& q, const Place& head) {
  if (q.country.empty() || q.country != head.country) return false;
  if (q.precision == "country" || q.precision == "admin1" || q.precision == "admin2") return head.precision != "country";
  return q.precision == "city" && !q.admin1.empty() && q.admin1 == head.admin1 && head.precision == "city";
}

// A town in the chosen region, a scene of its own, scoring at most this much less, is chosen instead.
constexpr double kFinerMargin = 5.0;

// A town this far from the point of the region written after it, and not in it, is a namesake.
constexpr double kElsewhereKm = 100.0;

// Great-circle distance in km; -1 when a point is unknown.
double Km(const Place& a, const Place& b) {
  constexpr double kRad = 3.14159265358979 / 180.0;
  if (!a.lat || !a.lon || !b.lat || !b.lon) return -1.0;
  double h = std::pow(std::sin((*b.lat - *a.lat) * kRad / 2), 2) +
             std::cos(*a.lat * kRad) * std::cos(*b.lat * kRad) * std::pow(std::sin((*b.lon - *a.lon) * kRad / 2), 2);
  return 12742.0 * std::asin(std::sqrt(std::min(1.0, h)));
}

// "New York - Staten Island", "Seoul City - Yongsan": a city, a spaced dash and a part of it. The
// city's entity when `r` is such a part, else nullptr.
const EntityRef* CityBeforeDash(const Document& doc, const SentenceView& s, const EntityRef& r) {
  if (r.first < 2 || s.tokens[r.first - 1].lower != "-") return nullptr;
  const Span dash = s.tokens[r.first - 1].span;
  if (dash.begin == 0 || doc.text[dash.begin - 1] != ' ' || dash.end >= doc.text.size() || doc.text[dash.end] != ' ') return nullptr;
  size_t k = r.first - 2;
  if (s.tokens[k].lower == "city" && k > 0) --k;
  for (const EntityRef& o : s.entities) {
    if (o.last == k && &o != &r && IsPlace(*o.entity) && o.entity->place && o.entity->place->precision == "city") return &o;
  }
  return nullptr;
}

// Words for a part of a town written after its name: "in the Pitanga neighborhood", "in Moreno
// square", "in Santa Luzia community", "the Dur al Naft area of Basrah".
bool IsTownPartWord(std::string_view w) {
  static constexpr std::array<std::string_view, 15> kParts = {
      "neighborhood", "neighbourhood", "community", "square", "park",   "area",    "street", "road",
      "avenue",       "market",        "quarter",   "ward",   "colony", "sector",  "junction"};
  return std::find(kParts.begin(), kParts.end(), w) != kParts.end();
}

// Whether `part` (a name followed by a word for a part of a town) is near `other` (another
// place of the sentence): within 50 km of a town, inside a region. -1 when it cannot be told.
int NearPlace(const Place& part, const Place& other) {
  if (other.precision == "city") {
    double d = Km(part, other);
    return d < 0 ? -1 : d <= 50.0 ? 1 : 0;
  }
  if (other.precision == "admin1" || other.precision == "admin2") {
    if (part.country != other.country) return 0;
    if (part.precision == "admin1") return part.name == other.name ? 1 : 0;
    return part.admin1.empty() || other.admin1.empty() ? -1 : part.admin1 == other.admin1 ? 1 : 0;
  }
  return -1;
}

// Where the sentence's places are read through the names written after them: a town whose own
// region, written after it, is another country's is a namesake abroad ("Kale (Sagaing)" read as
// Calais); so is one of another region of the same country ("Yenisehir town, Diyarbakir" read as
// Bursa's Yenisehir). The gazetteer's town of that name in the region written after it is read
// instead (reread); failing one, the qualifier stands for it (misread).
struct QualifiedReadings {
  std::vector<const EntityRef*> misread_heads;
  std::vector<std::pair<const EntityRef*, Place>> reread;

  const Place& Of(const EntityRef& h) const {
    for (const auto& [ref, place] : reread) {
      if (ref == &h) return place;
    }
    return *h.entity->place;
  }
  bool Misread(const EntityRef& h) const {
    return std::find(misread_heads.begin(), misread_heads.end(), &h) != misread_heads.end();
  }
};

// "in Rio de Janeiro - North Zone (Rio de Janeiro)", "New York - Bronx": a name read as a region
// before a spaced dash and a capitalised part of it is the city of a "City - District" name; the
// region's town of that name, where the gazetteer has one (nullopt otherwise).
std::optional<Place> CityOfDistrictName(const Document& doc, const SentenceView& s, const EntityRef& r, const Lexicon* lexicon) {
  if (!lexicon || !IsPlace(*r.entity) || !r.entity->place || r.entity->place->precision != "admin1") return std::nullopt;
  if (r.last + 2 >= s.tokens.size() || s.tokens[r.last + 1].lower != "-") return std::nullopt;
  const Span dash = s.tokens[r.last + 1].span;
  if (dash.begin == 0 || doc.text[dash.begin - 1] != ' ' || dash.end >= doc.text.size() || doc.text[dash.end] != ' ') return std::nullopt;
  if (!std::isupper(static_cast<unsigned char>(doc.text[s.tokens[r.last + 2].span.begin]))) return std::nullopt;
  const Place& region = *r.entity->place;
  analyze::PlaceResolver resolver(*lexicon);
  int64_t i = resolver.FindInRegion(doc[r.entity->span], region.country, region.admin1.empty() ? region.name : region.admin1);
  if (i < 0) return std::nullopt;
  return resolver.ToPlace(static_cast<uint32_t>(i));
}

// Whether two names of admin-1 regions of one country may name the same region: one's words
// begin the other's ("Baja California" written for the town's "Baja California Sur", "Fes-Meknes"
// for a town still filed under "Fes": sources name regions before and after a reform differently).
bool SameRegionNamed(const std::string& a, const std::string& b) {
  std::string x = lexicon::NormalizePhrase(a), y = lexicon::NormalizePhrase(b);
  if (x.size() > y.size()) std::swap(x, y);
  return x.size() >= 3 && y.compare(0, x.size(), x) == 0 && (y.size() == x.size() || y[x.size()] == ' ');
}

// "Missour (Boulemane, Fes-Meknes)": whether another region written after the same name says
// the town lies there (by the name of its region).
bool AnotherQualifierAgrees(const Document& doc, const SentenceView& s, const EntityRef& qualifier, const EntityRef& head) {
  const Place& hp = *head.entity->place;
  for (const EntityRef& o : s.entities) {
    if (&o == &qualifier || !IsPlace(*o.entity) || !o.entity->place || o.entity->place->precision != "admin1") continue;
    const Place& op = *o.entity->place;
    if (op.country != hp.country) continue;
    auto oq = QualifierOf(doc, s, o);
    if (!oq || oq->head != &head) continue;
    if (op.admin1 == hp.admin1 || SameRegionNamed(hp.admin1, op.admin1)) return true;
  }
  return false;
}

QualifiedReadings ReadQualifiedNames(const Document& doc, const SentenceView& s, const Lexicon* lexicon) {
  QualifiedReadings rd;
  std::vector<const EntityRef*>& misread_heads = rd.misread_heads;
  std::vector<std::pair<const EntityRef*, Place>>& reread = rd.reread;
  for (const EntityRef& ref : s.entities) {
    if (std::optional<Place> city = CityOfDistrictName(doc, s, ref, lexicon)) reread.push_back({&ref, std::move(*city)});
  }
  for (const EntityRef& ref : s.entities) {
    if (!IsPlace(*ref.entity) || !ref.entity->place) continue;
    const Place& qp = *ref.entity->place;
    // (A town written after it may itself be a namesake, "Valladolid (Castilla ...)", unless it
    // bears its region's name: "Kale (Sagaing)", Sagaing in Sagaing Region.)
    if (qp.precision != "admin1" && qp.precision != "admin2" && qp.precision != "country" && !NamesItsRegion(doc, *ref.entity)) continue;
    auto q = QualifierOf(doc, s, ref);
    if (!q || qp.country.empty() || !q->head || !q->head->entity->place) continue;
    const Place& hp = *q->head->entity->place;
    // (A region abroad too: "Ain district (Shabwah)" read as the French department.)
    const bool abroad = (hp.precision == "city" && hp.country != qp.country) ||
                        (hp.precision == "admin1" && !hp.country.empty() && hp.country != qp.country);
    const bool names_region = qp.precision == "admin1" || (qp.precision == "city" && NamesItsRegion(doc, *ref.entity));
    // (Regions' names and borders differ between sources: a town near the region's point is taken at its word.)
    const bool elsewhere = !abroad && hp.precision == "city" && hp.country == qp.country && names_region &&
                           !qp.admin1.empty() && !hp.admin1.empty() && hp.admin1 != qp.admin1 && Km(hp, qp) > kElsewhereKm &&
                           !SameRegionNamed(hp.admin1, qp.admin1) && !AnotherQualifierAgrees(doc, s, ref, *q->head);
    if (!abroad && !elsewhere) continue;
    if (std::find(misread_heads.begin(), misread_heads.end(), q->head) != misread_heads.end() ||
        std::any_of(reread.begin(), reread.end(), [&](const auto& x) { return x.first == q->head; })) {
      continue;
    }
    const Span name{s.tokens[q->head_first].span.begin, s.tokens[q->head->last].span.end};
    if (lexicon && names_region) {
      if (int64_t i = analyze::PlaceResolver(*lexicon).FindInRegion(doc[name], qp.country, qp.admin1); i >= 0) {
        reread.push_back({q->head, analyze::PlaceResolver(*lexicon).ToPlace(static_cast<uint32_t>(i))});
        continue;
      }
    }
    if (elsewhere) {
      // A town of its country the gazetteer lacks ("Greenwood, W. Va."): the name as written, in
      // the region written after it, at that region's point (its precision says how coarse).
      // (At the first qualifier's point when that is a place of the same country: "Talanagar
      // village (Baleshwar, Odisha)" lies near Baleshwar.)
      const Place* at = &qp;
      int at_position = 1 << 20;
      for (const EntityRef& o : s.entities) {
        if (!IsPlace(*o.entity) || !o.entity->place || o.entity->place->country != qp.country) continue;
        auto oq = QualifierOf(doc, s, o);
        if (oq && oq->head == q->head && oq->position < at_position) at = &*o.entity->place, at_position = oq->position;
      }
      Place p;
      p.name = std::string(doc[name]);
      p.country = qp.country;
      p.admin1 = qp.admin1;
      p.lat = at->lat;
      p.lon = at->lon;
      p.precision = at->precision;
      reread.push_back({q->head, std::move(p)});
      continue;
    }
    misread_heads.push_back(q->head);
  }
  return rd;
}

// "the Pitanga neighborhood", "the Jardim Bela Vista neighborhood": whether a word for a part of a
// town follows the name (after the rest of a longer name).
bool IsTownPart(const Document& doc, const SentenceView& s, const EntityRef& x) {
  for (size_t k = x.last + 1; k < s.tokens.size() && k <= x.last + 4; ++k) {
    if (IsTownPartWord(s.tokens[k].lower)) return true;
    const WordToken& t = s.tokens[k];
    const bool name_word = !t.punct && (std::isupper(static_cast<unsigned char>(doc.text[t.span.begin])) ||
                                        t.lower == "de" || t.lower == "da" || t.lower == "do" || t.lower == "al" || t.lower == "el");
    if (!name_word) return false;
  }
  return false;
}

// Whether the word at t names a kind of place ("city", "province", "outskirts").
bool IsKindAt(const SentenceView& s, size_t t) {
  static const char* kKinds[] = {"city",   "town",    "village", "province", "region", "district", "state",
                                 "county", "capital", "port",    "island",   "area",   "suburb",   "outskirts"};
  return t < s.tokens.size() &&
         std::any_of(std::begin(kKinds), std::end(kKinds), [&](const char* x) { return s.tokens[t].lower == x; });
}

// What FindPlace weighs a sentence's places against.
struct SceneSearch {
  const Document& doc;
  const SentenceView& s;
  size_t cb, ce, trigger, source_entity_first;
  const std::string& home_country;
  bool from_scene;
  const std::vector<uint32_t>& acting;
  const Place* main_place;  // the article's main place, nullptr when none
};

// "Paraguayan Petroleum", "the Confederation of Indigenous Nationalities of Ecuador": a country
// named as part of a name -- a demonym opening a capitalised name, or "of COUNTRY" closing a
// capitalised name -- says whose, not where. Where the sentence or the article names a finer
// place of that country, that place is the scene.
bool CountryInAName(const SceneSearch& q, const EntityRef* r) {
  const Place& p = *r->entity->place;
  if (p.precision != "country" || p.country.empty()) return false;
  const bool demonym = r->entity->kind == "demonym" && !IsSceneWord(r->before) && r->last + 1 < q.s.tokens.size() &&
                       !q.s.tokens[r->last + 1].punct && r->entity->span.end < q.doc.text.size() &&
                       q.doc.text[r->entity->span.end] == ' ' &&  // ("Indian-controlled Kashmir" names a place)
                       std::isupper(static_cast<unsigned char>(q.doc.text[q.s.tokens[r->last + 1].span.begin]));
  const bool closes_name = r->before == "of" && r->first >= 2 && !q.s.tokens[r->first - 2].punct &&
                           std::isupper(static_cast<unsigned char>(q.doc.text[q.s.tokens[r->first - 2].span.begin])) &&
                           !IsKindAt(q.s, r->first - 2) && !IsPlaceKindWord(q.s.tokens[r->first - 2].lower);
  if (!demonym && !closes_name) return false;
  auto finer = [&](const Place& o) { return o.country == p.country && o.precision != "country"; };
  if (q.main_place && finer(*q.main_place)) return true;
  return std::any_of(q.s.entities.begin(), q.s.entities.end(), [&](const EntityRef& o) {
    return &o != r && IsPlace(*o.entity) && o.entity->place && o.entity->kind != "demonym" && finer(*o.entity->place);
  });
}

// A place of the sentence that cannot be the event's scene whatever its position: the source actor
// itself, an acting country, where an actor comes from ("Iraqi police"), a name inside a person's
// name, a time zone, a misread feature or namesake.
bool NotAScene(const SceneSearch& q, const QualifiedReadings& rd, const EntityRef* r) {
  const Document& doc = q.doc;
  const SentenceView& s = q.s;
  const size_t source_entity_first = q.source_entity_first;
  const std::vector<uint32_t>& acting = q.acting;
  const bool from_scene = q.from_scene;
  const std::string& home_country = q.home_country;
  // (A place after "in", "at", "near" read as the source actor is still where it happened.)
  const bool located_here = r->before == "in" || r->before == "at" || r->before == "near";
  if (!IsPlace(*r->entity) || (r->first == source_entity_first && !located_here) || rd.Misread(*r)) return true;
  if (r->entity->place && CountryInAName(q, r)) return true;
  // "The United States condemned the attack": a country that acts in another event of the
  // sentence is not where the attack happened.
  if (std::find(acting.begin(), acting.end(), r->entity->span.begin) != acting.end()) return true;
  if (r->before == "from" && !from_scene) return true;
  // ("evacuated from Kreminna, Luhansk": the region written after such a place only says where it lies.)
  if (!from_scene) {
    auto q = QualifierOf(doc, s, *r);
    if (q && q->head && q->head->before == "from") return true;
  }
  // "10:22 AM CT": a time zone after a clock time, not Connecticut.
  if (r->before == "am" || r->before == "pm" || r->before == "a.m." || r->before == "p.m." ||
      r->before == "a.m" || r->before == "p.m") {
    return true;
  }
  bool modifies_actor = false;
  for (const EntityRef& other : s.entities) {
    if (&other == r || !CanAct(*other.entity) || IsPlace(*other.entity)) continue;
    // "Iraqi police": the place says where the actor is from. ("A Fort Worth teen" is
    // mostly where the story happens.)
    // ("government officials in X": a place after "in" inside the actor's words is where it is.)
    const bool located = r->before == "in" || r->before == "at" || r->before == "near";
    if (other.entity->actor &&
        ((other.first <= r->first && r->last <= other.last && !located) || other.first == r->last + 1)) {
      modifies_actor = true;
    }
    // "Officer Justin Garner", "his wife, Amelia,": a place inside a person's name or in
    // apposition to a person is a name.
    if (other.entity->type == EntityType::kPerson &&
        ((r->first <= other.last && other.first <= r->last) ||
         (other.last + 2 == r->first && s.tokens[other.last + 1].lower == "," &&
          r->last + 1 < s.tokens.size() && s.tokens[r->last + 1].punct))) {
      modifies_actor = true;
    }
  }
  if (modifies_actor) return true;
  // "the Caspian coast" read as Caspian, Michigan in a story set elsewhere (place_binding.h).
  if (TownMisreadsFeature(doc, *r->entity, home_country)) return true;
  if (HyphenModifier(doc, *r->entity)) return true;  // "Saudi-led coalition"
  // "Seoul City - Yongsan": a part of a city read as a namesake far from it is no scene; the
  // city is. (A part near it is a candidate like any other.)
  if (const EntityRef* city = CityBeforeDash(doc, s, *r); city && Km(rd.Of(*city), rd.Of(*r)) > 50.0) return true;
  // "In Serra (Espirito Santo), a man was shot in the Pitanga neighborhood": a part of a town
  // read as a town or region far from every other place of its sentence is a namesake; the
  // town it is part of is the scene.
  // (The part word may follow the rest of a longer name: "the Jardim Bela Vista neighborhood".)
  if (IsTownPart(doc, s, *r) && (rd.Of(*r).precision == "city" || rd.Of(*r).precision == "admin1")) {
    bool near = false, far = false;
    for (const EntityRef& o : s.entities) {
      if (&o == r || !IsPlace(*o.entity) || !o.entity->place || IsTownPart(doc, s, o) || o.first == r->first) continue;
      int n = NearPlace(rd.Of(*r), rd.Of(o));
      near |= n == 1;
      far |= n == 0;
    }
    if (far && !near) return true;
  }
  return false;
}

struct ScoredPlace {
  const EntityRef* ref;
  double score;
  bool clause, scene;
};

// How well a place that may be the scene fits: a scene word before it, inside the event's clause,
// near the trigger, where the tree hangs it; nothing when its position rules it out.
std::optional<ScoredPlace> ScoreScene(const SceneSearch& q, const QualifiedReadings& rd, const EntityRef* r) {
  const Document& doc = q.doc;
  const SentenceView& s = q.s;
  const size_t cb = q.cb, ce = q.ce, trigger = q.trigger;
  const std::string& home_country = q.home_country;
  // Where the tree puts it against the trigger (place_binding.h); 0 on unparsed sentences.
  // A dateline ("LEXINGTON, Neb. (AP) -") is no part of the sentence's syntax: its tree is noise.
  const bool dateline = s.index < 3 && r->first <= 2 && [&] {
    std::string_view t = doc[s.entities.front().entity->span];
    return s.entities.front().first == 0 && t.size() >= 3 &&
           std::none_of(t.begin(), t.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  }();
  TreeBinding tree = dateline ? TreeBinding{} : BindToTrigger(doc, s.index, r->entity->span, s.tokens[trigger].span);
  // ("Sunset Woods Park": a town's name inside another name is part of it; "the Nebraska
  // Sandhills", "Zambia Railways": a region or country there still says where it is.)
  if (tree.attachment == Attachment::kNameModifier) {
    if (r->entity->place->precision == "city") return std::nullopt;
    tree = TreeBinding{};
  }
  // "officers in the Southwest Conditions Team", "the Knights Inn": after "the", a place
  // followed by a capitalised word that is no date nor another entity opens a name.
  if (r->first > 0 && s.tokens[r->first - 1].lower == "the" && r->last + 1 < s.tokens.size() &&
      !s.tokens[r->last + 1].punct) {
    const WordToken& nx = s.tokens[r->last + 1];
    bool upper = std::isupper(static_cast<unsigned char>(doc.text[nx.span.begin]));
    bool entity = std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& o) { return o.first == r->last + 1; });
    bool date = std::any_of(doc.dates.begin(), doc.dates.end(), [&](const DateMention& d) { return d.span.Contains(nx.span); });
    if (upper && !entity && !date) return std::nullopt;
  }
  // "put it to Smith's head": a name whose head, face or chest is told is a person's.
  const std::string& own = s.tokens[r->last].lower;
  size_t noun = own.size() > 2 && own.compare(own.size() - 2, 2, "'s") == 0 ? r->last + 1
                : r->last + 1 < s.tokens.size() && s.tokens[r->last + 1].lower == "'s" ? r->last + 2
                                                                                       : SIZE_MAX;
  if (noun < s.tokens.size()) {
    static const char* kBody[] = {"head", "face", "chest", "neck", "throat", "back", "temple", "arm", "arms",
                                  "leg", "legs", "hand", "hands", "stomach", "abdomen", "body", "shoulder", "eye"};
    const std::string& w = s.tokens[noun].lower;
    bool of = noun + 1 < s.tokens.size() && s.tokens[noun + 1].lower == "of";  // "the country's head of state"
    if (!of && std::any_of(std::begin(kBody), std::end(kBody), [&](const char* k) { return w == k; })) return std::nullopt;
  }
  bool clause = r->first >= cb && r->last < ce;
  // "... shot Saturday, the biggest loss since four agents died in Waco": a place in a later
  // subordinate clause belongs to that clause's event.
  if (r->first >= ce) {
    static const auto kOpeners = text::grammar::GrammarWords<std::unordered_set<std::string>>(
        {text::grammar::kSubordinators, text::grammar::kRelativePronouns}, {"whose", "where", "as"});
    // ("a week after a bomb killed 20 in Alexandria": the opener may follow a measure of time)
    size_t b = s.ClauseBegin(r->first);
    bool opened = false;
    for (size_t t = b; t < std::min(b + 3, r->first) && !opened; ++t) {
      const std::string& w = s.tokens[t].lower;
      opened = kOpeners.count(w) > 0 &&
               (t == b || std::string_view(w) == "after" || std::string_view(w) == "before" || std::string_view(w) == "since");
    }
    if (opened) return std::nullopt;
  }
  // "visited Kyiv", "shelled Kharkiv": a place right after the trigger is its scene; so is
  // "the city of Kharkiv".
  // "met Chinese President Xi": a country right before a capitalised word or another
  // actor modifies it; it is not the scene the way "visited China" is.
  bool adjacent = r->first == trigger + 1;
  if (adjacent && r->entity->type == EntityType::kCountry && r->last + 1 < s.tokens.size() && !s.tokens[r->last + 1].punct) {
    std::string_view next = std::string_view(doc.text).substr(s.tokens[r->last + 1].span.begin, 1);
    bool actor_next = std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& o) {
      return o.first == r->last + 1 && CanAct(*o.entity);
    });
    if (actor_next || (!next.empty() && std::isupper(static_cast<unsigned char>(next[0])))) adjacent = false;
  }
  // "in the Sudanese capital Khartoum": a country before a kind of place that names a place
  // right after it says which country's; the named place is the scene.
  if (r->entity->place->precision == "country" && IsKindAt(s, r->last + 1)) {
    bool named_after = std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& o) {
      return &o != r && IsPlace(*o.entity) && o.first == r->last + 2;
    });
    if (named_after) return std::nullopt;
  }
  bool scene = IsSceneWord(r->before) || adjacent || r->before == "from";
  // "a convoy heading to Paris", "on their way to X": a destination, not where the event is.
  if (r->before == "to" && r->first >= 2) {
    const std::string& w = s.tokens[r->first - 2].lower;
    if (w == "heading" || w == "headed" || w == "way" || w == "bound" || w == "route") scene = false;
  }
  // ("the village of X", "the Liberty City neighborhood of X", "off the coast of X")
  if (!scene && r->before == "of" && r->first >= 2) scene = IsKindAt(s, r->first - 2) || IsPlaceKindWord(s.tokens[r->first - 2].lower);
  // "in the Sudanese capital Khartoum", "in the port city Odesa": a place in apposition to a
  // kind of place takes the scene word before that phrase (up to three words back).
  if (!scene && r->first >= 2 && IsKindAt(s, r->first - 1)) {
    for (size_t k = r->first - 1; k-- > 0 && k + 5 > r->first && !scene;) {
      const std::string& w = s.tokens[k].lower;
      if (s.tokens[k].punct) break;
      scene = IsSceneWord(w);
    }
  }
  // "in Yejube (East Gojam, Amhara)", "near Hirske, Luhansk": a place that says where another
  // name lies is no scene of its own beside a place it contains; beside a name the gazetteer
  // lacks (or reads as a namesake abroad) it stands for that name, the first of the list most.
  // (A dateline's "LEXINGTON, Neb." keeps the reading it had: its region says where the story is.)
  double qualifier_score = 0;
  if (auto q = dateline ? std::nullopt : QualifierOf(doc, s, *r)) {
    if (q->head && q->head->entity->place && Contains(*r->entity->place, rd.Of(*q->head))) {
      qualifier_score = -8.0;
    } else if (!q->head || rd.Misread(*q->head)) {
      const std::string& before = q->head_first > 0 ? s.tokens[q->head_first - 1].lower : s.tokens[0].lower;
      scene |= q->head_first > 0 && (IsSceneWord(before) || (before == "of" && q->head_first >= 2 && IsKindAt(s, q->head_first - 2)));
      qualifier_score = -0.5 * q->position;
    }
  }
  // A foreign town named without a preposition in a story set elsewhere is more often a
  // misread name ("The Honda's driver", "Sakai and the parolee") than the scene; unless the tree
  // hangs it on the trigger ("air raids on X district (Y)": Y is where they struck).
  if (!scene && tree.attachment != Attachment::kScene && !home_country.empty() &&
      rd.Of(*r).country != home_country && rd.Of(*r).precision != "country") {
    return std::nullopt;
  }
  double dist = r->first > trigger ? r->first - trigger : trigger - r->last;
  // "of" marks a place of residence in local news ("Durr, of Trenton") as often as the scene.
  double score = (scene ? 10.0 : 0.0) + (clause ? 5.0 : 0.0) - dist * 0.1 + AttachmentScore(tree) + qualifier_score;
  // A city or region says more than a country.
  if (r->entity->place->precision != "country") score += 0.5;
  // A sea or an area across countries ("the Black Sea", "the Sahel") says less than a place of
  // one country: "in the Black Sea on Odesa region".
  if (r->entity->place->country.empty()) score -= 3.0;
  return ScoredPlace{r, score, clause, scene};
}

// "across Assam state, including in Hamren city": a town of the chosen region or country,
// itself a scene of the sentence and scoring nearly as well, is the more precise place.
const ScoredPlace* FinerPlace(const QualifiedReadings& rd, const std::vector<ScoredPlace>& scored, const ScoredPlace& best) {
  const Place& bp = rd.Of(*best.ref);
  if (bp.precision != "admin1" && bp.precision != "country") return nullptr;
  const ScoredPlace* finer = nullptr;
  for (const ScoredPlace& c : scored) {
    const Place& cp = rd.Of(*c.ref);
    if (!c.scene || cp.precision != "city" || cp.country != bp.country || c.score < best.score - kFinerMargin) continue;
    if (bp.precision == "admin1" && cp.admin1 != bp.name) continue;
    if (!finer || c.score > finer->score) finer = &c;
  }
  return finer;
}

// The place an event happened, from the places of its sentence: one after a scene word ("in",
// "throughout", "to") counts most, then one in the event's clause, then the nearest. Places
// that only say where an actor comes from ("troops from Russia", "U.S. military", "Iraqi
// police") or that are the source actor itself are skipped. Sets *in_clause.
std::optional<Location> FindPlace(const Document& doc, const SentenceView& s, size_t cb, size_t ce, size_t trigger,
                                  size_t source_entity_first, const std::string& home_country,
                                  bool from_scene, bool* in_clause,
                                  const std::vector<uint32_t>& acting, const Lexicon* lexicon, const Place* main_place) {
  const QualifiedReadings rd = ReadQualifiedNames(doc, s, lexicon);
  const SceneSearch q{doc, s, cb, ce, trigger, source_entity_first, home_country, from_scene, acting, main_place};
  std::vector<ScoredPlace> scored;
  const ScoredPlace* best = nullptr;
  for (const EntityRef& ref : s.entities) {
    if (NotAScene(q, rd, &ref)) continue;
    std::optional<ScoredPlace> c = ScoreScene(q, rd, &ref);
    if (!c) continue;
    scored.push_back(*c);
  }
  // The first of the highest scores (the scored list no longer grows: pointers into it hold).
  double best_score = -1e9;
  for (const ScoredPlace& c : scored) {
    if (c.score > best_score) best_score = c.score, best = &c;
  }
  if (!best) return std::nullopt;
  if (const ScoredPlace* finer = FinerPlace(rd, scored, *best)) best = finer;
  *in_clause = best->clause;
  Location loc;
  loc.place = rd.Of(*best->ref);
  loc.span = best->ref->entity->span;
  return loc;
}

// A dateline city ("PARIS (AFP) - Police arrested 457 people across the country") or no place at
// all gives way to the country when the clause says the event spans it.
void ApplyScope(const DocumentState& d, const SentenceState& st, TriggerState& t) {
  Event& e = t.base.event;
  bool dateline_only = e.location && st.s.index == 0 && e.location->span.begin == st.s.span.begin &&
                       e.location->place.precision != "country";
  if ((e.location && !dateline_only && t.base.location_basis == LocationBasis::kClause) || st.scope_at.empty()) return;
  std::string cc = e.location ? e.location->place.country : d.main_place ? d.main_place->place.country : std::string();
  bool in_scope = std::any_of(st.scope_at.begin(), st.scope_at.end(), [&](size_t k) { return k >= t.cb && k < t.ce; });
  const Entity* country = nullptr;
  for (size_t k = 0; in_scope && !cc.empty() && k < d.ctx.entities.size(); ++k) {
    const Entity* x = d.ctx.entities[k];
    if (x->place && x->place->precision == "country" && x->place->country == cc) {
      country = x;
      break;
    }
  }
  if (!country) return;
  e.location = Location{*country->place, country->span};
  t.base.location_basis = LocationBasis::kClause;
  t.in_clause = true;
  Explain(e.explain, pass::kPlaces, "place " + country->place->name + " (country): the clause spans the country (scope.cues)");
}

}  // namespace

// The article's main place: the most mentioned, counting the headline and the first sentence
// (the dateline) double.
std::optional<Location> MainPlace(const Document& doc, const std::vector<const Entity*>& entities) {
  std::map<std::string, std::pair<double, const Entity*>> score;
  uint32_t lead_end = doc.sentences.size() > 1 ? doc.sentences[1].span.end : doc.text.size();
  for (const Entity* e : entities) {
    if (!IsPlace(*e)) continue;
    // A dateline ("CARTHAGE, N.C. (AP) -", "BAGHDAD —"): a place in capitals opening one of the
    // first sentences says where the story happens.
    bool opens_sentence = false;
    for (size_t i = 0; i < std::min<size_t>(3, doc.sentences.size()); ++i) {
      if (doc.sentences[i].span.begin == e->span.begin) opens_sentence = true;
    }
    std::string_view t = doc[e->span];
    bool capitals = t.size() >= 3 && std::none_of(t.begin(), t.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    if (opens_sentence && capitals) {
      Location loc;
      loc.place = *e->place;
      return loc;
    }
    // "Russian forces", "the Turkish president": a demonym before an actor says who, not where
    // ("Hartford police" is where a local story happens).
    bool modifier = false;
    auto next = e->type != EntityType::kCountry ? entities.end() : std::lower_bound(entities.begin(), entities.end(), e->span.end,
                                 [](const Entity* x, uint32_t b) { return x->span.begin < b; });
    for (; next != entities.end() && (*next)->span.begin <= e->span.end + 1; ++next) {
      if ((*next)->actor && !IsPlace(**next)) modifier = true;
    }
    if (modifier) continue;
    // "Greenwood, W. Va.", "Wood County, W. Va.": a region written after a town in it only
    // says which town; it is a mention of the town, not of the region.
    if (e->place->precision == "admin1" && !entities.empty()) {
      auto self = std::lower_bound(entities.begin(), entities.end(), e->span.begin,
                                   [](const Entity* x, uint32_t b) { return x->span.begin < b; });
      if (self != entities.begin()) {
        const Entity* prev = *std::prev(self);
        std::string_view gap = prev->span.end <= e->span.begin
                                   ? std::string_view(doc.text).substr(prev->span.end, e->span.begin - prev->span.end)
                                   : std::string_view();
        // (the town's own reading may be wrong: "Greenwood, W. Va." still names a town)
        if (IsPlace(*prev) && prev->place && gap == ", " &&
            (prev->place->admin1 == e->place->name ||
             (prev->place->precision != "admin1" && prev->place->precision != "country"))) {
          continue;
        }
      }
    }
    // "the Caspian coast" read as a town abroad (place_binding.h).
    if (TownMisreadsFeature(doc, *e, "") || HyphenModifier(doc, *e)) continue;
    // "imports from the United States": where a thing comes from (origin_mention.h).
    if (OnlySaysOrigin(doc, *e)) continue;
    auto& slot = score[e->place->name];
    // ("Russian forces", "Saudi-led coalition": a demonym says whose more often than where.)
    slot.first += (e->span.begin < lead_end ? 2.0 : 1.0) * (e->kind == "demonym" ? 0.5 : 1.0);
    if (!slot.second) slot.second = e;
  }
  const Entity* best = nullptr;
  double best_score = 0;
  // (On a tie between a country and a town or region of it, the finer place says more: "a
  // fighter of the X Front attacked ... in Y district, Z": Y. Else the first named.)
  auto finer_of = [](const Entity* a, const Entity* b) {
    return a->place->precision != "country" && b->place->precision == "country" && a->place->country == b->place->country;
  };
  for (auto& [name, v] : score) {
    if (v.first > best_score ||
        (v.first == best_score && best &&
         (finer_of(v.second, best) || (!finer_of(best, v.second) && v.second->span.begin < best->span.begin)))) {
      best_score = v.first;
      best = v.second;
    }
  }
  if (!best) return std::nullopt;
  Location loc;
  loc.place = *best->place;
  return loc;  // span stays empty: inferred from the article
}

void FindScope(const CoderData& data, SentenceState& st) {
  if (data.scope.size() == 0) return;
  for (const PatternMatch& c : data.scope.MatchAll(st.s.tokens)) {
    if (c.pattern && c.pattern->role == "filed") {
      st.filed_at.push_back(c.last + 1);
    } else {
      st.scope_at.push_back(c.first);
    }
  }
}

namespace {

// "attacked Kibugu, coded to Burungu (...)", "(coded as Dimapur)": a note saying which place its
// event is filed under names that place right after the cue (scope.cues, label "filed"); the
// first place there, within a few words ("coded to the capital Manama"), is the event's.
const EntityRef* FiledPlace(const SentenceState& st) {
  for (size_t at : st.filed_at) {
    for (const EntityRef& r : st.s.entities) {
      if (r.first >= at && r.first <= at + 3 && IsPlace(*r.entity) && r.entity->place) return &r;
    }
  }
  return nullptr;
}

}  // namespace

void BindPlace(const CoderData& data, const DocumentState& d, const SentenceState& st, TriggerState& t) {
  const SentenceView& s = st.s;
  Event& e = t.base.event;
  // "The United States condemned the attack": a country that acts in another event of the
  // sentence is not where the attack happened.
  std::vector<uint32_t> acting;
  for (size_t k = st.first_of_sentence; k < d.events.size(); ++k) {
    if (d.events[k].event.source) acting.push_back(d.events[k].event.source->span.begin);
  }
  // "countries including Australia, France and Japan provide aid": the trigger's own coordinated
  // sources and the names coordinated with them act; none of them is where (a lone source is the
  // frame's own rule, in FindPlace).
  if (t.who.sources.size() > 1) {
    for (const Actor& a : t.who.sources) {
      for (uint32_t at : CoordinatedWith(*d.doc, a.span.begin)) acting.push_back(at);
    }
  }
  std::string home = d.main_place ? d.main_place->place.country : std::string();
  if (auto loc = FindPlace(*d.doc, s, t.cb, t.ce, t.m.trigger, t.who.source_entity_first, home, t.p->from_scene,
                           &t.in_clause, acting, data.lexicon, d.main_place ? &d.main_place->place : nullptr)) {
    e.location = loc;
    t.base.location_basis = t.in_clause ? LocationBasis::kClause : LocationBasis::kSentence;
    Explain(e.explain, pass::kPlaces,
            "place " + loc->place.name + " (" + loc->place.precision + "): named in the " + (t.in_clause ? "clause" : "sentence"));
  }
  // (Not a namesake far from every other place of the sentence: "(coded to Wadi al Mimlah)" read
  // as El Oued, Algeria, in a story set in Yemen.)
  const EntityRef* filed = FiledPlace(st);
  if (filed && filed->entity->kind == "demonym") filed = nullptr;
  if (filed) {
    bool near = false, far = false;
    for (const EntityRef& o : s.entities) {
      if (&o == filed || !IsPlace(*o.entity) || !o.entity->place || o.entity->kind == "demonym") continue;
      int n = NearPlace(*filed->entity->place, *o.entity->place);
      near |= n == 1;
      far |= n == 0;
    }
    if (far && !near) filed = nullptr;
  }
  if (filed) {
    e.location = Location{*filed->entity->place, filed->entity->span};
    t.base.location_basis = LocationBasis::kClause;
    t.in_clause = true;
    Explain(e.explain, pass::kPlaces, "place " + e.location->place.name + ": the note files the event under it (scope.cues)");
    return;
  }
  ApplyScope(d, st, t);
  if (e.location) return;
  if (d.main_place) {
    e.location = d.main_place;
    t.base.location_basis = LocationBasis::kArticle;
    Explain(e.explain, pass::kPlaces,
            "place " + d.main_place->place.name + " (" + d.main_place->place.precision + "): the article's main place");
  } else if (auto home = CountryAsPlace(*data.lexicon, d.story_country)) {
    // No place in the story at all: the country its actors belong to ("SNA soldiers").
    e.location = Location{*home, Span{}};
    t.base.location_basis = LocationBasis::kArticle;
    Explain(e.explain, pass::kPlaces, "place " + home->name + " (country): no place named, the country of the story's actors");
  } else {
    Explain(e.explain, pass::kPlaces, "no place found");
  }
}

}  // namespace eventmill::code
