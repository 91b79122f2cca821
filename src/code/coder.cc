// Coder: the front door of the code stage. For each sentence: match the event patterns, read the
// modality, assign actors, find place and date, attach counts; then merge restatements and fill
// the codebook fields (QuadClass, Goldstein, PLOVER, ACLED).
#include "eventmill/code.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <fstream>
#include <map>
#include <unordered_set>
#include <sstream>

#include "code/actor_assigner.h"
#include "code/code_mappings.h"
#include "code/event_merger.h"
#include "code/modality_classifier.h"
#include "code/pattern_set.h"
#include "code/place_binding.h"
#include "code/sentence_view.h"
#include "core/hash.h"
#include "text/grammar_words.h"
#include "lexicon/lexicon_impl.h"

namespace eventmill {

using code::ActorAssigner;
using code::CodeMappings;
using code::EntityRef;
using code::EventCandidate;
using code::LocationBasis;
using code::ModalityClassifier;
using code::PatternMatch;
using code::PatternSet;
using code::SentenceView;

namespace {

// Words before a place that make it the scene of the event ("in Almaty", "throughout Kazakhstan").
bool IsSceneWord(const std::string& w) {
  static const auto kWords = text::grammar::GrammarWords<std::unordered_set<std::string>>(
      {text::grammar::kLocatives}, {"to", "into", "on", "nationwide", "over", "north", "south", "east", "west",
                                    "northern", "southern", "eastern", "western", "central"});
  return kWords.count(w) > 0;
}

std::string DatePart(const std::optional<std::string>& published) {
  if (!published || published->size() < 10) return "";
  return published->substr(0, 10);
}

}  // namespace

struct Coder::Impl {
  const Lexicon* lexicon = nullptr;
  CodeOptions options;
  PatternSet patterns;
  std::unique_ptr<ModalityClassifier> modality;
  std::unique_ptr<ActorAssigner> actors;
  std::unique_ptr<CodeMappings> mappings;
  std::vector<std::string> skip_prefixes;
  PatternSet common_actors;  // common_actors.cues: "the suspect", "a gunman", "the victim"
  PatternSet non_events;     // non_events.cues: captions and other sentences that tell no event
  PatternSet scope;          // scope.cues: "across the country", "nationwide": the scene is the country
  PatternSet acled_cues;     // acled.cues: the weapon, the crowd, a disaster or a crime told in a sentence,
                             // read by the ACLED rules of data/mappings/acled.tsv
  struct SlotRole {
    std::string prefix, slot, role;
  };
  std::vector<SlotRole> slot_roles;

  // A private person (no actor code) takes the article's dominant country and the role of its slot.
  void CompletePerson(std::optional<Actor>& a, const std::string& cameo, const std::string& slot,
                      const std::string& country, const std::string& alpha3, std::vector<std::string>& explain) const {
    if (!a || !a->code.empty()) return;
    const SlotRole* best = nullptr;
    for (const auto& r : slot_roles) {
      if (r.slot == slot && cameo.compare(0, r.prefix.size(), r.prefix) == 0 &&
          (!best || r.prefix.size() > best->prefix.size())) {
        best = &r;
      }
    }
    a->country = country;
    a->role = best ? best->role : "";
    a->code = alpha3.empty() ? "" : alpha3 + a->role;
    explain.push_back(slot + " " + a->text + ": a private person, " + (country.empty() ? "country unknown" : country) +
                      (best ? ", " + best->role + " as the event's " + slot : ""));
  }

  // A date mention the event may take: a day, or a month or year other than the publication's
  // ("in 1993"), never the publication's own month or year restated vaguely.
  static bool UsableDate(const Document& doc, const DateMention& d, const std::string& published, bool) {
    if (d.date.value.empty()) return false;
    if (d.date.precision == "day" || d.date.value.size() == 10) return true;
    if (!PartOfMonth(doc, d).empty()) return true;
    return published.compare(0, d.date.value.size(), d.date.value) != 0;
  }
  // "since the beginning of January", "early March", "mid-May", "late June": the day of the
  // month the part points at ("01", "05", "15", "25"), or "" for a plain month.
  static std::string PartOfMonth(const Document& doc, const DateMention& d) {
    if (d.date.value.size() != 7) return "";
    std::string t;
    for (char c : doc[d.span]) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t.find("beginning") != std::string::npos || t.find("start") != std::string::npos) return "01";
    if (t.find("early") != std::string::npos || t.find("first") != std::string::npos) return "05";
    if (t.find("mid") != std::string::npos) return "15";
    if (t.find("late") != std::string::npos || t.find("end of") != std::string::npos) return "25";
    return "";
  }
  // A part of a month becomes that day, so an event "since the beginning of January" told on
  // January 9 is dated January 1, not the publication day.
  static EventDate Refine(const Document& doc, const DateMention& d) {
    EventDate e = d.date;
    std::string day = PartOfMonth(doc, d);
    if (!day.empty()) {
      e.value = d.date.value + "-" + day;
      e.precision = "day";
      e.basis = "relative";
    }
    return e;
  }
  // A bare four-digit number ("1935 Dublin Road") is too weak to date an event; "in 1993" is not.
  static bool UsableDate(const Document& doc, const DateMention& d, const std::string& published) {
    if (!UsableDate(doc, d, published, true)) return false;
    if (d.date.value.size() == 10) return true;
    std::string_view text = doc[d.span];
    bool letters = std::any_of(text.begin(), text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    std::string_view before = doc.text;
    before = before.substr(0, d.span.begin);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    auto ends = [&](std::string_view w) { return before.size() >= w.size() && before.substr(before.size() - w.size()) == w; };
    // "of 1935 Orchard St.": a number before a capitalised word is a house number.
    std::string_view after = std::string_view(doc.text).substr(d.span.end);
    if (!letters && after.size() >= 2 && after[0] == ' ' && std::isupper(static_cast<unsigned char>(after[1]))) return false;
    return letters || ends(" in") || ends(" since") || ends(" of") || ends(" until");
  }

  bool SkipSentence(const Document& doc, const SentenceView& s) const {
    int words = 0;
    for (const auto& t : s.tokens) words += !t.punct;
    if (words < 3) return true;
    std::string start;
    for (size_t i = s.span.begin; i < s.span.end && start.size() < 40; ++i) {
      start += static_cast<char>(std::tolower(static_cast<unsigned char>(doc.text[i])));
    }
    for (const auto& p : skip_prefixes) {
      if (start.compare(0, p.size(), p) == 0) return true;
    }
    return false;
  }

  // Common-noun actors of a sentence ("the suspect", "a gunman", "a 16-year-old") where the
  // analyzer found no entity: added to the sentence's view and to the article's entities (for
  // back-references), kept in `store`. `country`/`alpha3`: the story's country.
  void AddCommonActors(SentenceView& s, const std::string& country, const std::string& alpha3,
                       std::deque<Entity>& store, code::DocumentContext& ctx) const {
    if (common_actors.size() == 0) return;
    std::vector<PatternMatch> found = common_actors.MatchAll(s.tokens);
    if (found.empty()) return;
    // Longest first, then leftmost; overlapping shorter matches are dropped.
    std::stable_sort(found.begin(), found.end(), [](const PatternMatch& a, const PatternMatch& b) {
      return a.last - a.first != b.last - b.first ? a.last - a.first > b.last - b.first : a.first < b.first;
    });
    std::vector<std::pair<size_t, size_t>> taken;
    auto in_entity = [&](size_t t) {
      return std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& r) { return r.first <= t && t <= r.last; });
    };
    auto starts_entity = [&](size_t t) {
      return std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& r) { return r.first == t; });
    };
    std::vector<std::pair<size_t, size_t>> spans;
    for (const PatternMatch& m : found) spans.push_back({m.first, m.last});
    for (const PatternMatch& m : found) {
      bool overlap = false;
      for (auto [a, b] : taken) overlap = overlap || (m.first <= b && a <= m.last);
      if (overlap) continue;
      bool inside = false;
      for (size_t t = m.first; t <= m.last; ++t) inside = inside || in_entity(t);
      if (inside) continue;
      size_t next = m.last + 1;
      // "suspect Phillip Conner", "16-year-old boy", "victim's": a modifier, not the actor.
      if (next < s.tokens.size() && !s.tokens[next].punct) {
        bool names = starts_entity(next) ||
                     std::any_of(spans.begin(), spans.end(), [&](const auto& sp) { return sp.first == next; });
        const std::string& w = s.tokens[next].lower;
        if (names || w == "'s" || w == "'") continue;
      }
      taken.push_back({m.first, m.last});
      // "the Turkish president", "Palestinian children": a demonym or place right before gives
      // the country.
      std::string cc = country, a3 = alpha3;
      for (const EntityRef& r : s.entities) {
        if (r.last + 1 != m.first || !code::IsPlace(*r.entity) || r.entity->place->country.empty()) continue;
        std::string_view x = lexicon->impl().Alpha3(r.entity->place->country);
        if (!x.empty()) {
          cc = r.entity->place->country;
          a3 = std::string(x);
        }
      }
      Entity e;
      e.span = {s.tokens[m.first].span.begin, s.tokens[m.last].span.end};
      e.text = std::string(ctx.doc->text.substr(e.span.begin, e.span.end - e.span.begin));
      e.kind = "common";
      const std::string& role = m.pattern->role;
      if (role == "person") {
        e.type = EntityType::kPerson;
      } else {
        e.type = EntityType::kGroup;
        e.actor = Actor{.text = e.text, .span = e.span, .code = a3 + role, .country = cc, .role = role, .name = e.text};
      }
      store.push_back(std::move(e));
      const Entity* ptr = &store.back();
      EntityRef ref;
      ref.entity = ptr;
      ref.first = m.first;
      ref.last = m.last;
      if (m.first > 0) ref.before = s.tokens[m.first - 1].lower;
      if ((ref.before == "the" || ref.before == "a" || ref.before == "an") && m.first > 1) {
        ref.before = s.tokens[m.first - 2].lower;
      }
      auto at = std::lower_bound(s.entities.begin(), s.entities.end(), ref.first,
                                 [](const EntityRef& r, size_t f) { return r.first < f; });
      s.entities.insert(at, std::move(ref));
      auto cat = std::lower_bound(ctx.entities.begin(), ctx.entities.end(), ptr->span.begin,
                                  [](const Entity* x, uint32_t b) { return x->span.begin < b; });
      ctx.entities.insert(cat, ptr);
    }
  }

  // The place an event happened, from the places of its sentence: one after a scene word ("in",
  // "throughout", "to") counts most, then one in the event's clause, then the nearest. Places
  // that only say where an actor comes from ("troops from Russia", "U.S. military", "Iraqi
  // police") or that are the source actor itself are skipped. Sets *in_clause.
  std::optional<Location> FindPlace(const Document& doc, const SentenceView& s, size_t cb, size_t ce, size_t trigger,
                                    size_t source_entity_first, const std::string& home_country,
                                    bool from_scene, bool* in_clause,
                                    const std::vector<uint32_t>& acting = {}) const {
    const EntityRef* best = nullptr;
    double best_score = -1e9;
    for (const EntityRef& ref : s.entities) {
      const EntityRef* r = &ref;
      if (!code::IsPlace(*r->entity) || r->first == source_entity_first) continue;
      // "The United States condemned the attack": a country that acts in another event of the
      // sentence is not where the attack happened.
      if (std::find(acting.begin(), acting.end(), r->entity->span.begin) != acting.end()) continue;
      if (r->before == "from" && !from_scene) continue;
      // "10:22 AM CT": a time zone after a clock time, not Connecticut.
      if (r->before == "am" || r->before == "pm" || r->before == "a.m." || r->before == "p.m." ||
          r->before == "a.m" || r->before == "p.m") {
        continue;
      }
      bool modifies_actor = false;
      for (const EntityRef& other : s.entities) {
        if (&other == r || !code::CanAct(*other.entity) || code::IsPlace(*other.entity)) continue;
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
      if (modifies_actor) continue;
      // "the Caspian coast" read as Caspian, Michigan in a story set elsewhere (place_binding.h).
      if (code::TownMisreadsFeature(doc, *r->entity, home_country)) continue;
      if (code::HyphenModifier(doc, *r->entity)) continue;  // "Saudi-led coalition"
      // Where the tree puts it against the trigger (place_binding.h); 0 on unparsed sentences.
      // A dateline ("LEXINGTON, Neb. (AP) -") is no part of the sentence's syntax: its tree is noise.
      const bool dateline = s.index < 3 && r->first <= 2 && [&] {
        std::string_view t = doc[s.entities.front().entity->span];
        return s.entities.front().first == 0 && t.size() >= 3 &&
               std::none_of(t.begin(), t.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
      }();
      code::TreeBinding tree = dateline ? code::TreeBinding{}
                                        : code::BindToTrigger(doc, s.index, r->entity->span, s.tokens[trigger].span);
      // ("Sunset Woods Park": a town's name inside another name is part of it; "the Nebraska
      // Sandhills", "Zambia Railways": a region or country there still says where it is.)
      if (tree.attachment == code::Attachment::kNameModifier) {
        if (r->entity->place->precision == "city") continue;
        tree = code::TreeBinding{};
      }
      // "officers in the Southwest Conditions Team", "the Knights Inn": after "the", a place
      // followed by a capitalised word that is no date nor another entity opens a name.
      if (r->first > 0 && s.tokens[r->first - 1].lower == "the" && r->last + 1 < s.tokens.size() &&
          !s.tokens[r->last + 1].punct) {
        const code::WordToken& nx = s.tokens[r->last + 1];
        bool upper = std::isupper(static_cast<unsigned char>(doc.text[nx.span.begin]));
        bool entity = std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& o) { return o.first == r->last + 1; });
        bool date = std::any_of(doc.dates.begin(), doc.dates.end(), [&](const DateMention& d) { return d.span.Contains(nx.span); });
        if (upper && !entity && !date) continue;
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
        if (!of && std::any_of(std::begin(kBody), std::end(kBody), [&](const char* k) { return w == k; })) continue;
      }
      bool clause = r->first >= cb && r->last < ce;
      // "... shot Saturday, the biggest loss since four agents died in Waco": a place in a later
      // subordinate clause belongs to that clause's event.
      if (r->first >= ce) {
        static const auto kOpeners = text::grammar::GrammarWords<std::unordered_set<std::string>>(
            {text::grammar::kSubordinators}, {"which", "who", "whom", "whose", "where", "as"});
        // ("a week after a bomb killed 20 in Alexandria": the opener may follow a measure of time)
        size_t b = s.ClauseBegin(r->first);
        bool opened = false;
        for (size_t t = b; t < std::min(b + 3, r->first) && !opened; ++t) {
          const std::string& w = s.tokens[t].lower;
          opened = kOpeners.count(w) > 0 &&
                   (t == b || std::string_view(w) == "after" || std::string_view(w) == "before" || std::string_view(w) == "since");
        }
        if (opened) continue;
      }
      // "visited Kyiv", "shelled Kharkiv": a place right after the trigger is its scene; so is
      // "the city of Kharkiv".
      // "met Chinese President Xi": a country right before a capitalised word or another
      // actor modifies it; it is not the scene the way "visited China" is.
      bool adjacent = r->first == trigger + 1;
      if (adjacent && r->entity->type == EntityType::kCountry && r->last + 1 < s.tokens.size() && !s.tokens[r->last + 1].punct) {
        std::string_view next = std::string_view(doc.text).substr(s.tokens[r->last + 1].span.begin, 1);
        bool actor_next = std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& o) {
          return o.first == r->last + 1 && code::CanAct(*o.entity);
        });
        if (actor_next || (!next.empty() && std::isupper(static_cast<unsigned char>(next[0])))) adjacent = false;
      }
      static const char* kKinds[] = {"city",   "town",    "village", "province", "region", "district", "state",
                                     "county", "capital", "port",    "island",   "area",   "suburb",   "outskirts"};
      auto is_kind = [&](size_t t) {
        return t < s.tokens.size() &&
               std::any_of(std::begin(kKinds), std::end(kKinds), [&](const char* x) { return s.tokens[t].lower == x; });
      };
      // "in the Sudanese capital Khartoum": a country before a kind of place that names a place
      // right after it says which country's; the named place is the scene.
      if (r->entity->place->precision == "country" && is_kind(r->last + 1)) {
        bool named_after = std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& o) {
          return &o != r && code::IsPlace(*o.entity) && o.first == r->last + 2;
        });
        if (named_after) continue;
      }
      bool scene = IsSceneWord(r->before) || adjacent || r->before == "from";
      if (!scene && r->before == "of" && r->first >= 2) scene = is_kind(r->first - 2);
      // "in the Sudanese capital Khartoum", "in the port city Odesa": a place in apposition to a
      // kind of place takes the scene word before that phrase (up to three words back).
      if (!scene && r->first >= 2 && is_kind(r->first - 1)) {
        for (size_t k = r->first - 1; k-- > 0 && k + 5 > r->first && !scene;) {
          const std::string& w = s.tokens[k].lower;
          if (s.tokens[k].punct) break;
          scene = IsSceneWord(w);
        }
      }
      // A foreign town named without a preposition in a story set elsewhere is more often a
      // misread name ("The Honda's driver", "Sakai and the parolee") than the scene; unless the tree
      // hangs it on the trigger ("air raids on X district (Y)": Y is where they struck).
      if (!scene && tree.attachment != code::Attachment::kScene && !home_country.empty() &&
          r->entity->place->country != home_country &&
          r->entity->place->precision != "country") {
        continue;
      }
      double dist = r->first > trigger ? r->first - trigger : trigger - r->last;
      // "of" marks a place of residence in local news ("Durr, of Trenton") as often as the scene.
      double score = (scene ? 10.0 : 0.0) + (clause ? 5.0 : 0.0) - dist * 0.1 + code::AttachmentScore(tree);
      // A city or region says more than a country.
      if (r->entity->place->precision != "country") score += 0.5;
      if (score > best_score) {
        best_score = score;
        best = r;
        *in_clause = clause;
      }
    }
    if (!best) return std::nullopt;
    Location loc;
    loc.place = *best->entity->place;
    loc.span = best->entity->span;
    return loc;
  }

  // The article's main place: the most mentioned, counting the headline and the first sentence
  // (the dateline) double.
  std::optional<Location> MainPlace(const Document& doc, const std::vector<const Entity*>& entities) const {
    std::map<std::string, std::pair<double, const Entity*>> score;
    uint32_t lead_end = doc.sentences.size() > 1 ? doc.sentences[1].span.end : doc.text.size();
    for (const Entity* e : entities) {
      if (!code::IsPlace(*e)) continue;
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
        if ((*next)->actor && !code::IsPlace(**next)) modifier = true;
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
          if (code::IsPlace(*prev) && prev->place && gap == ", " &&
              (prev->place->admin1 == e->place->name ||
               (prev->place->precision != "admin1" && prev->place->precision != "country"))) {
            continue;
          }
        }
      }
      // "the Caspian coast" read as a town abroad (place_binding.h).
      if (code::TownMisreadsFeature(doc, *e, "") || code::HyphenModifier(doc, *e)) continue;
      auto& slot = score[e->place->name];
      // ("Russian forces", "Saudi-led coalition": a demonym says whose more often than where.)
      slot.first += (e->span.begin < lead_end ? 2.0 : 1.0) * (e->kind == "demonym" ? 0.5 : 1.0);
      if (!slot.second) slot.second = e;
    }
    const Entity* best = nullptr;
    double best_score = 0;
    for (auto& [name, v] : score) {
      if (v.first > best_score || (v.first == best_score && best && v.second->span.begin < best->span.begin)) {
        best_score = v.first;
        best = v.second;
      }
    }
    if (!best) return std::nullopt;
    Location loc;
    loc.place = *best->place;
    return loc;  // span stays empty: inferred from the article
  }

  EventDate FindDate(const Document& doc, const SentenceView& s, size_t cb, size_t ce, size_t trigger,
                     bool* explicit_date, bool* inherited, std::string* how, bool* weak) const {
    *inherited = false;
    *weak = false;
    const DateMention* best = nullptr;
    int best_rank = 1 << 30;
    std::string published = DatePart(doc.published);
    for (const auto& d : doc.dates) {
      if (!s.span.Contains(d.span) || !UsableDate(doc, d, published)) continue;
      // "has killed 14,000 people since 2014": a year or month opening a period is when it began,
      // not when the event told happened ("since the beginning of January" is a day: Refine).
      if (PartOfMonth(doc, d).empty() && code::OpensPeriod(doc, d.span) && d.date.value.size() <= 7) continue;
      // "Trees planted 100 years ago were cut down": a time expression under another predicate
      // dates that one, not this event (place_binding.h; unparsed sentences keep the word rules).
      if (!code::DateBindsToTrigger(doc, s.index, d.span, s.tokens[trigger].span)) continue;
      // "On 16 March 2022, ...": a date that opens the sentence dates every event in it.
      const bool frame = code::DateFramesSentence(doc, s.index, d.span);
      size_t t = s.TokenAt(d.span.begin);
      // "marched against last week's coup": a date in the possessive dates the noun after it,
      // not this event, unless that noun is the event ("Sunday's attack killed ...").
      size_t te = d.span.end > d.span.begin ? s.TokenAt(d.span.end - 1) : t;
      std::string_view dt = doc[d.span];
      bool possessive = (te + 1 < s.tokens.size() && s.tokens[te + 1].lower == "'s") ||
                        (dt.size() > 2 && dt.substr(dt.size() - 2) == "'s") ||
                        (dt.size() > 4 && dt.substr(dt.size() - 4) == "\u2019s");
      // "civilians killed in Saturday's clashes": an event told as happening in or during the
      // dated one shares its day.
      bool within_dated = false;
      if (possessive && t > trigger && t <= trigger + 3) {
        within_dated = true;
        for (size_t k = trigger + 1; k < t && within_dated; ++k) {
          const std::string& w = s.tokens[k].lower;
          within_dated = w == "in" || w == "during" || w == "amid" || w == "the";
        }
        within_dated =
            within_dated && (s.tokens[trigger + 1].lower == "in" || s.tokens[trigger + 1].lower == "during" ||
                             s.tokens[trigger + 1].lower == "amid");
      }
      if (possessive && !within_dated && !(trigger > te && trigger <= te + 4)) continue;
      bool in_clause = t >= cb && t < ce;
      int dist = static_cast<int>(t > trigger ? t - trigger : trigger - t);
      int rank = frame ? 0 : (in_clause ? 0 : 1000) + dist;
      if (rank < best_rank) {
        best_rank = rank;
        best = &d;
      }
    }
    if (best) {
      *explicit_date = true;
      std::string_view t = doc[best->span];
      *inherited = t.find("week") != std::string_view::npos || t.find("Week") != std::string_view::npos;
      *how = "date from \"" + std::string(doc[best->span]) + "\" in the " + (best_rank < 1000 ? "clause" : "sentence");
      return Refine(doc, *best);
    }
    // A story told in order: the day named in the four sentences before ("The incident happened
    // Saturday. ... Durr stabbed Davis") still holds, unless it is after publication (a plan).
    constexpr size_t kStoryWindow = 4;
    for (const auto& d : doc.dates) {
      if (d.span.begin >= s.span.begin || d.date.value.size() != 10) continue;
      if (!published.empty() && d.date.value > published) continue;
      if (s.index >= kStoryWindow && d.span.begin < doc.sentences[s.index - kStoryWindow].span.begin) continue;
      if (s.index < 2 && s.index >= 1 && d.span.begin < doc.sentences[0].span.begin) continue;
      if (!best || d.span.begin > best->span.begin) best = &d;  // the last such mention wins
    }
    if (best && s.index > 0) {
      *explicit_date = true;
      *inherited = true;
      *weak = s.index >= 2 && best->span.begin < doc.sentences[s.index - 2].span.begin;
      *how = "date from \"" + std::string(doc[best->span]) + "\" in an earlier sentence of the story";
      return best->date;
    }
    *explicit_date = false;
    EventDate d;
    d.value = DatePart(doc.published);
    if (!d.value.empty()) {
      d.precision = "day";
      d.basis = "published";
      *how = "no date in the sentence: the publication date";
    } else {
      *how = "no date in the sentence and no publication date";
    }
    return d;
  }
};

Coder::Coder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Coder::~Coder() = default;
Coder::Coder(Coder&&) noexcept = default;
Coder& Coder::operator=(Coder&&) noexcept = default;

Result<Coder> Coder::Create(const Lexicon& lexicon, CodeOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->lexicon = &lexicon;
  impl->options = options;
  std::string data_dir = options.data_dir.empty() ? lexicon.data_dir() : options.data_dir;
  DataFiles patterns(options.patterns_dir.empty() ? data_dir + "/patterns" : options.patterns_dir);
  DataFiles mappings(options.mappings_dir.empty() ? data_dir + "/mappings" : options.mappings_dir);
  EM_ASSIGN_OR_RETURN(impl->patterns, PatternSet::Load(patterns));
  EM_ASSIGN_OR_RETURN(std::string cues, patterns.Read("modality.cues"));
  EM_ASSIGN_OR_RETURN(std::string light, patterns.Read("light_verbs.txt"));
  EM_ASSIGN_OR_RETURN(ModalityClassifier modality, ModalityClassifier::Parse(cues, light, impl->patterns.inflector()));
  impl->modality = std::make_unique<ModalityClassifier>(std::move(modality));
  EM_ASSIGN_OR_RETURN(std::string refs, patterns.Read("references.tsv"));
  EM_ASSIGN_OR_RETURN(ActorAssigner actors, ActorAssigner::Parse(refs, light, impl->patterns.inflector()));
  impl->actors = std::make_unique<ActorAssigner>(std::move(actors));
  impl->actors->SetVerbForms(impl->patterns.VerbForms());
  EM_ASSIGN_OR_RETURN(CodeMappings codebook, CodeMappings::Load(mappings));
  impl->mappings = std::make_unique<CodeMappings>(std::move(codebook));
  EM_ASSIGN_OR_RETURN(std::string slots, mappings.Read("slot_roles.tsv"));
  EM_RETURN_IF_ERROR(ForEachDataLine(slots, [&](int number, std::string_view line) {
    std::istringstream f{std::string(line)};
    Impl::SlotRole r;
    if (!(f >> r.prefix >> r.slot >> r.role)) {
      return DataError(mappings.PathOf("slot_roles.tsv"), number, "want three fields: CAMEO prefix, slot, role");
    }
    impl->slot_roles.push_back(r);
    return Status::Ok();
  }));
  EM_ASSIGN_OR_RETURN(std::string common, patterns.Read("common_actors.cues"));
  EM_ASSIGN_OR_RETURN(impl->common_actors,
                      PatternSet::Parse(common, "common_actors.cues", impl->patterns.inflector(), /*labelled=*/true));
  EM_ASSIGN_OR_RETURN(std::string non, patterns.Read("non_events.cues"));
  EM_ASSIGN_OR_RETURN(impl->non_events,
                      PatternSet::Parse(non, "non_events.cues", impl->patterns.inflector(), /*labelled=*/true));
  EM_ASSIGN_OR_RETURN(std::string scope, patterns.Read("scope.cues"));
  EM_ASSIGN_OR_RETURN(impl->scope, PatternSet::Parse(scope, "scope.cues", impl->patterns.inflector(), /*labelled=*/true));
  EM_ASSIGN_OR_RETURN(std::string acled, patterns.Read("acled.cues"));
  EM_ASSIGN_OR_RETURN(impl->acled_cues, PatternSet::Parse(acled, "acled.cues", impl->patterns.inflector(), /*labelled=*/true));
  EM_ASSIGN_OR_RETURN(std::string skip, patterns.Read("skip_sentences.txt"));
  EM_RETURN_IF_ERROR(ForEachDataLine(skip, [&](int, std::string_view line) {
    impl->skip_prefixes.emplace_back(line);
    return Status::Ok();
  }));
  // Every pattern's code must be in the codebook: a typo in a pattern file is an error at start.
  for (size_t i = 0; i < impl->patterns.size(); ++i) {
    const code::Pattern& p = impl->patterns.pattern(i);
    if (p.cameo == "-") continue;
    const code::CameoEntry* entry = impl->mappings->Find(p.cameo);
    if (!entry || entry->code != p.cameo) {
      return Status::InvalidInput(p.where, "CAMEO code " + p.cameo + " is not in the codebook (data/mappings/cameo.tsv)");
    }
  }
  return Coder(std::move(impl));
}

Status Coder::Code(Document& doc) const {
  const Impl& im = *impl_;
  doc.events.clear();
  if (doc.sentences.empty()) return Status::Ok();
  code::DocumentContext ctx;
  ctx.doc = &doc;
  for (const auto& e : doc.entities) ctx.entities.push_back(&e);
  std::stable_sort(ctx.entities.begin(), ctx.entities.end(),
                   [](const Entity* a, const Entity* b) { return a->span.begin < b->span.begin; });
  std::optional<Location> main_place = im.MainPlace(doc, ctx.entities);
  // The country most of the article's actors belong to, for private persons.
  std::string person_country, person_alpha3;
  {
    std::map<std::string, std::pair<int, std::string>> tally;
    for (const Entity* e : ctx.entities) {
      if (!e->actor || e->actor->country.empty() || e->actor->code.size() < 3) continue;
      auto& t = tally[e->actor->country];
      ++t.first;
      t.second = e->actor->code.substr(0, 3);
    }
    int best = 0;
    for (auto& [cc, t] : tally) {
      if (t.first > best) {
        best = t.first;
        person_country = cc;
        person_alpha3 = t.second;
      }
    }
  }

  // The story's country: its main place's, else the one most of its actors belong to. Private
  // persons and common-noun actors ("the victim") take it.
  std::string story_country = main_place && !main_place->place.country.empty() ? main_place->place.country : person_country;
  std::string story_alpha3 = story_country == person_country ? person_alpha3 : "";
  if (story_alpha3.empty() && !story_country.empty()) story_alpha3 = std::string(im.lexicon->impl().Alpha3(story_country));
  if (story_alpha3.empty()) story_country.clear();
  std::deque<Entity> common_entities;  // the coder's own actors: "the suspect", "a gunman"

  // Alpha-3 codes of the countries the article's actors belong to.
  std::map<std::string, std::string> alpha3_of;
  for (const Entity* e : ctx.entities) {
    if (e->actor && !e->actor->country.empty() && e->actor->code.size() >= 3 && e->actor->code.compare(0, 3, "IGO") != 0) {
      alpha3_of.emplace(e->actor->country, e->actor->code.substr(0, 3));
    }
  }
  auto finish = [&](EventCandidate& c) {
    // "Protesters clashed with police": a fight between protesters and the security forces is a
    // riot (145), not armed combat.
    if ((c.event.cameo == "190" || c.event.cameo == "19") && c.event.source && c.event.target) {
      auto is = [](const Actor& a, std::initializer_list<const char*> roles) {
        return std::any_of(roles.begin(), roles.end(), [&](const char* r) { return a.role == r; });
      };
      const Actor& a = *c.event.source;
      const Actor& b = *c.event.target;
      if ((is(a, {"PRO", "OPP"}) && is(b, {"COP", "MIL"})) || (is(b, {"PRO", "OPP"}) && is(a, {"COP", "MIL"}))) {
        c.event.explain.push_back("a fight between protesters and the security forces is a riot: 145 for " + c.event.cameo);
        c.event.cameo = "145";
      }
    }
    if (!c.event.source && c.subject_place && c.event.cameo < "17") {
      const Place& pl = *c.subject_place->place;
      auto it = alpha3_of.find(pl.country);
      if (it != alpha3_of.end()) {
        Actor a{.text = c.subject_place->text, .span = c.subject_place->span, .code = it->second + "GOV",
                .country = pl.country, .role = "GOV", .name = pl.name};
        c.event.source = a;
        c.event.explain.push_back("source " + a.code + ": \"" + a.text + "\" speaks for its government (a place as subject)");
      }
    }
    im.CompletePerson(c.event.source, c.event.cameo, "source", story_country, story_alpha3, c.event.explain);
    im.CompletePerson(c.event.target, c.event.cameo, "target", story_country, story_alpha3, c.event.explain);
    // "detectives", "the Sheriff's Office" with no country: the story's.
    for (std::optional<Actor>* a : {&c.event.source, &c.event.target}) {
      if (*a && (*a)->country.empty() && !(*a)->role.empty() && (*a)->code == (*a)->role && !story_alpha3.empty() &&
          (*a)->role != "IGO" && (*a)->role != "NGO" && (*a)->role != "MNC") {
        (*a)->country = story_country;
        (*a)->code = story_alpha3 + (*a)->role;
      }
    }
    // A country named without an actor ("Russian diplomats") is coded by its alpha-3 code.
    for (std::optional<Actor>* a : {&c.event.source, &c.event.target}) {
      if (*a && (*a)->code.size() == 2 && (*a)->code == (*a)->country) {
        std::string_view a3 = im.lexicon->impl().Alpha3((*a)->country);
        if (!a3.empty()) (*a)->code = std::string(a3);
      }
    }
    im.mappings->Fill(c.event, c.cues);
  };
  // The headline, when the text repeats it at the top.
  std::string title_start = doc.title.substr(0, std::min<size_t>(doc.title.size(), 30));
  std::vector<EventCandidate> events;  // the current sentence's, until merged
  std::vector<EventCandidate> merged;
  std::vector<const Count*> title_counts;  // figures of the headline no headline event took
  std::vector<std::string> headline_denies;
  std::vector<std::string> lead_cues;  // "lead:natural_disaster": what the story's lead tells  // "Woman wasn't kidnapped": no kidnapping anywhere in the story
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    SentenceView s = code::BuildSentenceView(doc, si, ctx.entities);
    if (si == 0) {
      std::string_view first = doc[s.span];
      s.title = !title_start.empty() ? first.substr(0, title_start.size()) == title_start
                                     : doc.sentences.size() > 1 && doc.paragraphs.size() > 1 &&
                                           doc.paragraphs[0].Contains(s.span) && doc.paragraphs[0].end <= s.span.end + 2;
    }
    // A disaster told in the lead (first two sentences) is what the story is about: its events
    // carry "lead:LABEL" for the ACLED rules (an arrest in a flood story is no political arrest).
    if (si < 2 && im.acled_cues.size() > 0) {
      for (const PatternMatch& c : im.acled_cues.MatchAll(s.tokens)) {
        const std::string& label = c.pattern->role;
        if (label.find("disaster") == std::string::npos) continue;
        std::string lead = "lead:" + label;
        if (std::find(lead_cues.begin(), lead_cues.end(), lead) == lead_cues.end()) lead_cues.push_back(lead);
      }
    }
    if (im.SkipSentence(doc, s)) {
      // "2 fatalities.", "1 killed.": a sentence that is only a toll gives it to the latest event
      // told before it that takes it and has none yet (ACLED notes close with one).
      for (const Count& c : doc.counts) {
        if (!s.span.Contains(c.span) || merged.empty() || (c.kind != "killed" && c.kind != "injured")) continue;
        EventCandidate& last = merged.back();
        if (!im.mappings->CountFits(last.event.cameo, c.kind) ||
            std::any_of(last.event.counts.begin(), last.event.counts.end(), [&](const Count& x) { return x.kind == c.kind; })) {
          continue;
        }
        last.event.counts.push_back(c);
        last.event.explain.push_back("count " + c.kind + " \"" + c.text + "\": a toll told on its own after the event");
      }
      continue;
    }
    im.AddCommonActors(s, story_country, story_alpha3, common_entities, ctx);
    size_t first_of_sentence = events.size();
    bool consequence_seen = false;  // a ", killing 20" toll was read in this sentence
    std::vector<std::pair<size_t, size_t>> charge_clauses;  // "accused of killing eight people"
    // Clauses that describe a picture ("X is seen in a photo released by ..."): no events.
    std::vector<std::pair<size_t, size_t>> caption_clauses;
    if (im.non_events.size() > 0) {
      for (const PatternMatch& c : im.non_events.MatchAll(s.tokens)) {
        // The caption's clause, but not beyond a few words after the cue: a sentence split
        // missed at "Calif." may glue the story's first sentence to it.
        caption_clauses.push_back({s.ClauseBegin(c.first), std::min(s.ClauseEnd(c.last), c.last + 10)});
      }
    }
    // "across the country", "nationwide": the scene of an event in that clause is the country.
    std::vector<size_t> scope_at;
    if (im.scope.size() > 0) {
      for (const PatternMatch& c : im.scope.MatchAll(s.tokens)) scope_at.push_back(c.first);
    }
    // The weapon, the crowd, a disaster told in the sentence (acled.cues), read once it has an event.
    std::vector<PatternMatch> acled_cues;
    bool acled_cues_read = false;
    // "Police intervened and detained 20 protesters.", "They pelted stones at the police.", "No
    // clashes were reported.": what the forces or the crowd did, told in one of the two sentences
    // after a demonstration or a territory taken, is part of it (ACLED: intervention, excessive
    // force, violent demonstration; a transfer without a fight).
    if (im.acled_cues.size() > 0) {
      static const struct {
        const char* family;
        std::vector<std::string> labels;
      } kCarried[] = {{"14", {"crowd_control", "riot_acts", "live_fire", "state_forces"}}, {"192", {"withdraw"}}};
      for (size_t k = merged.size(); k-- > 0;) {
        EventCandidate& prev = merged[k];
        if (prev.sentence == SIZE_MAX || prev.sentence + 2 < si) break;
        const auto* carried = std::find_if(std::begin(kCarried), std::end(kCarried), [&](const auto& c) {
          return prev.event.cameo.rfind(c.family, 0) == 0;
        });
        if (carried == std::end(kCarried)) continue;
        if (!acled_cues_read) acled_cues = im.acled_cues.MatchAll(s.tokens);
        acled_cues_read = true;
        for (const PatternMatch& c : acled_cues) {
          const std::string& label = c.pattern->role;
          if (std::find(carried->labels.begin(), carried->labels.end(), label) == carried->labels.end()) continue;
          if (std::find(prev.cues.begin(), prev.cues.end(), label) == prev.cues.end()) prev.cues.push_back(label);
        }
        break;
      }
    }
    for (const PatternMatch& m : im.patterns.Match(s.tokens)) {
      const code::Pattern& p = *m.pattern;
      if (std::any_of(caption_clauses.begin(), caption_clauses.end(),
                      [&](const auto& c) { return m.trigger >= c.first && m.trigger < c.second; })) {
        continue;
      }
      // "An ex-wife of Stewart's, Sue Griffin, told": a verb written with a capital inside a
      // sentence of the body is a name ("Sue", "Rob", "Bill"), not the act.
      auto opens_speech = [](const std::string& w) { return w == "\"" || w == ":" || w == "(" || w == "-" || w == "\u2013" || w == "\u2014" || w == "'"; };
      if (!p.nominal && !s.title && m.trigger > 0 && !opens_speech(s.tokens[m.trigger - 1].lower) &&
          std::isupper(static_cast<unsigned char>(doc.text[s.tokens[m.trigger].span.begin]))) {
        size_t words = 0, caps = 0;
        for (const auto& t : s.tokens) {
          if (t.punct) continue;
          ++words;
          caps += std::isupper(static_cast<unsigned char>(doc.text[t.span.begin])) != 0;
        }
        if (caps * 2 < words) continue;  // not a title-case line
      }
      code::ModalityReading mod = im.modality->Classify(s, m);
      // A charge never names an arrest or a jailing told after it ("the man accused of knifing
      // him went to jail"; "resisting arrest" merges with the arrest anyway).
      if (mod.modality == "charge" && p.authority) mod = code::ModalityReading{};
      // "negated": did not happen; "charge": the crime named in a charge, told as its own event
      // elsewhere if at all.
      if (mod.modality == "negated" && s.title) headline_denies.push_back(p.cameo);
      if (mod.modality == "charge") charge_clauses.push_back({s.ClauseBegin(m.trigger), s.ClauseEnd(m.last)});
      if (mod.modality == "negated" || mod.modality == "charge") continue;
      // "the army could launch an offensive", "if the talks fail": what might happen is no event.
      if (mod.modality == "hypothetical") continue;
      // ", killing 20 people": the result of the event just told, not another event.
      // ", killing seven residents and a nurse and wounding three others": "and" goes on with
      // the toll.
      const std::string& tw = s.tokens[m.trigger].lower;
      bool consequence = m.first > 0 &&
                         (s.tokens[m.first - 1].lower == "," || (s.tokens[m.first - 1].lower == "and" && consequence_seen)) &&
                         tw.size() > 4 && tw.compare(tw.size() - 3, 3, "ing") == 0 && events.size() > first_of_sentence &&
                         (p.cameo.compare(0, 2, "18") == 0 || p.cameo.compare(0, 2, "19") == 0 ||
                          p.cameo.compare(0, 2, "20") == 0);
      // "killed at least 18 people and wounded 59": a second toll verb joined by "and" to the
      // attack just told is its toll too (its counts go to that event below).
      if (!consequence && !m.passive && !p.nominal && p.cameo.compare(0, 2, "18") == 0 && m.first > 0 &&
          s.tokens[m.first - 1].lower == "and" && events.size() > first_of_sentence) {
        const EventCandidate& prev = events.back();
        const std::string& pc = prev.event.cameo;
        consequence = prev.trigger < m.first && prev.trigger + 8 >= m.first &&
                      (pc.compare(0, 2, "18") == 0 || pc.compare(0, 2, "19") == 0 || pc.compare(0, 2, "20") == 0);
      }
      if (consequence) {
        consequence_seen = true;
        // Those it killed are the ones the event was done to.
        Event& last = events.back().event;
        if (!last.target) {
          for (const EntityRef& r : s.entities) {
            if (r.first <= m.trigger || r.first > m.trigger + 4 || !code::CanAct(*r.entity) || code::IsPlace(*r.entity)) continue;
            last.target = ActorAssigner::ActorOf(*r.entity);
            last.explain.push_back("target " + last.target->code + " (\"" + last.target->text + "\"): the ones its toll names");
            im.CompletePerson(last.target, last.cameo, "target", story_country, story_alpha3, last.explain);
            break;
          }
        }
      }
      if (consequence || (p.result && events.size() > first_of_sentence)) continue;
      PatternMatch read = m;
      if (p.feeling) read.passive = false;  // "we are disappointed with X": we feel it about X
      code::ActorChoice who = im.actors->Assign(ctx, s, read);
      // "as thousands marched", "hundreds gathered": a crowd counted by a bare number protests.
      // The crowd right before the verb acts, not an actor named before it ("detained 100 people
      // as thousands marched").
      if (p.cameo.compare(0, 2, "14") == 0 && !story_alpha3.empty() &&
          (who.sources.empty() || who.sources.size() == 1)) {
        size_t cb0 = s.ClauseBegin(m.trigger);
        for (size_t k = m.first; k-- > cb0 && k + 4 > m.first;) {
          const std::string& w = s.tokens[k].lower;
          if (!who.sources.empty() && who.sources[0].span.end > s.tokens[k].span.begin) break;
          if (w == "thousands" || w == "hundreds" || w == "dozens" || w == "scores" || w == "tens") {
            if (!who.sources.empty()) who.explain.push_back("source " + who.sources[0].text + ": not the crowd that acts");
            who.sources.clear();
            Actor a{.text = std::string(doc[s.tokens[k].span]), .span = s.tokens[k].span, .code = story_alpha3 + "PRO",
                    .country = story_country, .role = "PRO", .name = ""};
            who.explain.push_back("source " + a.code + ": a crowd counted by a number (\"" + a.text + "\")");
            who.sources.push_back(std::move(a));
            break;
          }
        }
      }
      // "Three inmates were captured in Alliance" in a story that names no police, court or
      // government at all: an arrest is still made by the state, its police (a sentence by its
      // courts, agent=court).
      if (p.authority && who.sources.empty() && who.recode.empty() && !story_alpha3.empty()) {
        Actor a{.text = "", .span = {}, .code = story_alpha3 + p.default_role, .country = story_country,
                .role = p.default_role, .name = p.default_role == "JUD" ? "the courts (not named)" : "the police (not named)"};
        who.explain.push_back("source " + a.code + ": no authority named in the story, " + a.name);
        who.sources.push_back(std::move(a));
      }
      size_t cb = s.ClauseBegin(m.trigger), ce = s.ClauseEnd(m.trigger);
      EventCandidate base;
      Event& e = base.event;
      e.cameo = who.recode.empty() ? p.cameo : who.recode;
      e.modality = mod.modality;
      // "Russia denied attacking the hospital": the event is the denial (016) by the one who
      // would have acted; the act itself is told elsewhere, if it happened.
      if (mod.modality == "denied" && p.cameo.compare(0, 2, "01") != 0) {
        e.explain.push_back("a denied " + e.cameo + " is a denial: 016");
        e.cameo = "016";
        e.modality = "asserted";
      }
      // "threatened to shoot him": the event is the threat (CAMEO 138), not a shooting.
      if (mod.modality == "threatened" && p.modality.empty() &&
          (p.cameo.compare(0, 2, "18") == 0 || p.cameo.compare(0, 2, "19") == 0 || p.cameo.compare(0, 2, "20") == 0)) {
        e.cameo = "138";
      }
      e.evidence = s.span;
      e.pattern = p.text + " [" + p.cameo + "] (" + p.where + ")";
      e.confidence = p.confidence;
      // The sentence's main clause tells its news; an act named later, in a clause that explains
      // it ("... to protest the killing of a student"), is background.
      if (cb == 0) e.confidence += 0.03;
      // The lead tells the news; a later sentence adds its aftermath ("4 arrested.").
      if (si == 0) e.confidence += 0.03;
      // "protested against the killing of", "over the arrest of", "justice for the death of": an
      // act named as the reason for another is background too.
      if ((p.nominal || m.first == m.trigger) && p.cameo.compare(0, 2, "14") != 0) {  // "a call for demonstrations" is one
        for (size_t k = m.first; k-- > cb && k + 4 > m.first;) {
          const std::string& w = s.tokens[k].lower;
          if (w == "against" || w == "over" || w == "for" || w == "following" || w == "after" || w == "denounce" ||
              w == "condemn" || w == "protest" || w == "protesting" || w == "denouncing" || w == "condemning") {
            e.confidence -= 0.08;
            break;
          }
          if (s.tokens[k].punct) break;
        }
      }
      base.title = s.title;
      base.trigger = m.trigger;
      base.sentence = si;
      if (!acled_cues_read && im.acled_cues.size() > 0) acled_cues = im.acled_cues.MatchAll(s.tokens);
      acled_cues_read = true;
      for (const PatternMatch& c : acled_cues) {
        auto add = [&](std::string label) {
          if (std::find(base.cues.begin(), base.cues.end(), label) == base.cues.end()) base.cues.push_back(std::move(label));
        };
        add(c.pattern->role);
        // Before the trigger in its clause: who acts ("a mob attacked", "villagers clashed").
        if (c.last < m.first && c.first >= cb) add("pre:" + c.pattern->role);
        // After it in its clause: what it is done to ("attacked an army post").
        if (c.first > m.trigger && c.last < ce) add("post:" + c.pattern->role);
      }
      // "Elsewhere, ...", "In a separate incident, ...", "another bomb", "a second attack": another event.
      {
        auto w = [&](size_t k) -> const std::string& {
          static const std::string kNone;
          return k < s.tokens.size() ? s.tokens[k].lower : kNone;
        };
        bool opens = w(0) == "elsewhere" || w(0) == "separately" ||
                     (w(0) == "in" && (w(1) == "another" || (w(1) == "a" && (w(2) == "separate" || w(2) == "second"))));
        bool another = false;
        // (right before the act: "another bomb wounded", "a second car bomb"; not "a third is
        // being sought in the shooting", where "a third" is a person)
        for (size_t k = cb; k < m.first && !another; ++k) {
          if (k + 4 < m.first) continue;
          another = w(k) == "another" ||
                    (w(k) == "a" && (w(k + 1) == "second" || w(k + 1) == "third" || w(k + 1) == "separate" ||
                                     w(k + 1) == "fresh" || w(k + 1) == "new"));
        }
        base.separate = opens || another;
        if (base.separate) e.explain.push_back("told as another event: it merges with nothing told before");
      }
      // "the blast", "the fifth major attack", "this violence": a definite noun refers back.
      bool complement = m.last + 1 < s.tokens.size() && s.tokens[m.last + 1].lower == "of";  // "the killing of ..."
      // A verb's pattern read as a noun ("condemned the attack") refers back too.
      bool noun_use = p.nominal || (m.first == m.trigger && m.trigger > 0 &&
                                    (s.tokens[m.trigger - 1].lower == "the" || s.tokens[m.trigger - 1].lower == "this"));
      if (noun_use && !complement) {
        for (size_t k = m.first; k-- > 0 && k + 4 > m.first;) {
          const std::string& w = s.tokens[k].lower;
          if (s.tokens[k].punct) break;
          if (w == "the" || w == "this" || w == "that" || w == "these" || w == "those") {
            base.anaphoric = true;
            break;
          }
          if (w == "a" || w == "an" || w == "of" || w == "in" || w == "and") break;
        }
      }
      // "Tbilisi has denied": the place that is the subject of the clause, for verbal events.
      for (const EntityRef& r : s.entities) {
        if (r.first >= cb && r.last < m.first && code::IsPlace(*r.entity) && !r.entity->actor &&
            r.entity->type == EntityType::kPlace && r.last + 3 >= m.first && (r.first == cb || r.first == 0)) {
          base.subject_place = r.entity;
        }
      }
      e.explain.push_back("matched \"" + std::string(doc[Span{s.tokens[m.first].span.begin, s.tokens[m.last].span.end}]) +
                          "\"" + (m.passive ? " (passive)" : "") + (p.nominal ? " (noun)" : ""));
      if (mod.modality != "asserted") e.explain.push_back("modality " + mod.modality + " from \"" + mod.cue + "\"");
      bool in_clause = false;
      std::vector<uint32_t> acting;
      for (size_t k = first_of_sentence; k < events.size(); ++k) {
        if (events[k].event.source) acting.push_back(events[k].event.source->span.begin);
      }
      if (auto loc = im.FindPlace(doc, s, cb, ce, m.trigger, who.source_entity_first,
                                  main_place ? main_place->place.country : std::string(), p.from_scene, &in_clause,
                                  acting)) {
        e.location = loc;
        base.location_basis = in_clause ? LocationBasis::kClause : LocationBasis::kSentence;
        e.explain.push_back("place " + loc->place.name + " (" + loc->place.precision + "): named in the " +
                            (in_clause ? "clause" : "sentence"));
      }
      // A dateline city ("PARIS (AFP) - Police arrested 457 people across the country") or no
      // place at all gives way to the country when the clause says the event spans it.
      bool dateline_only = e.location && si == 0 && e.location->span.begin == s.span.begin &&
                           e.location->place.precision != "country";
      if ((!e.location || dateline_only || base.location_basis != LocationBasis::kClause) && !scope_at.empty()) {
        std::string cc = e.location ? e.location->place.country : main_place ? main_place->place.country : std::string();
        bool in_scope = std::any_of(scope_at.begin(), scope_at.end(), [&](size_t t) { return t >= cb && t < ce; });
        const Entity* country = nullptr;
        for (size_t k = 0; in_scope && !cc.empty() && k < ctx.entities.size(); ++k) {
          const Entity* x = ctx.entities[k];
          if (x->place && x->place->precision == "country" && x->place->country == cc) {
            country = x;
            break;
          }
        }
        if (country) {
          e.location = Location{*country->place, country->span};
          base.location_basis = LocationBasis::kClause;
          in_clause = true;
          e.explain.push_back("place " + country->place->name + " (country): the clause spans the country (scope.cues)");
        }
      }
      if (e.location) {
      } else if (main_place) {
        e.location = main_place;
        base.location_basis = LocationBasis::kArticle;
        e.explain.push_back("place " + main_place->place.name + " (" + main_place->place.precision +
                            "): the article's main place");
      } else if (auto home = code::CountryAsPlace(*im.lexicon, story_country)) {
        // No place in the story at all: the country its actors belong to ("SNA soldiers").
        e.location = Location{*home, Span{}};
        base.location_basis = LocationBasis::kArticle;
        e.explain.push_back("place " + home->name + " (country): no place named, the country of the story's actors");
      } else {
        e.explain.push_back("no place found");
      }
      // "urged Tehran to", "visited Kyiv", "criticised Moscow": a place right after a verbal or
      // diplomatic trigger stands for its government.
      if (e.cameo < "17" && e.cameo.compare(0, 2, "14") != 0 && e.cameo.compare(0, 2, "15") != 0) {
        for (const EntityRef& r : s.entities) {
          // "accused Washington of spreading ... Beijing's military": the place right after the
          // verb is the object, before any actor further on.
          if (who.target && who.target->span.begin < r.entity->span.begin) continue;
          if ((r.first != m.last + 1 && r.first != m.trigger + 1) || !code::IsPlace(*r.entity) || r.entity->place->country.empty()) continue;
          if (r.first < s.tokens.size() && r.last + 1 < s.tokens.size() && s.tokens[r.last + 1].lower == "'s") continue;
          std::string_view a3 = im.lexicon->impl().Alpha3(r.entity->place->country);
          if (a3.empty() || (!who.sources.empty() && who.sources[0].country == r.entity->place->country)) continue;
          who.target = Actor{.text = r.entity->text, .span = r.entity->span, .code = std::string(a3) + "GOV",
                             .country = r.entity->place->country, .role = "GOV", .name = r.entity->place->name};
          who.explain.push_back("target " + who.target->code + ": \"" + r.entity->text + "\" after the verb stands for its government");
        }
      }
      // "opened an embassy in Syria": the country of the scene is the target.
      if (p.place_target && !who.target && e.location && base.location_basis != LocationBasis::kArticle &&
          e.location->place.precision == "country") {
        std::string_view a3 = im.lexicon->impl().Alpha3(e.location->place.country);
        if (!a3.empty()) {
          who.target = Actor{.text = e.location->place.name, .span = e.location->span, .code = std::string(a3) + "GOV",
                             .country = e.location->place.country, .role = "GOV", .name = e.location->place.name};
          who.explain.push_back("target " + who.target->code + ": the country where it happens (target=place)");
        }
      }
      std::string how;
      e.date = im.FindDate(doc, s, cb, ce, m.trigger, &base.date_explicit, &base.date_inherited, &how, &base.date_weak);
      base.date_vague = base.date_inherited && how.find("earlier sentence") == std::string::npos;
      e.explain.push_back(how);
      if (who.target) e.target = who.target;
      for (const auto& x : who.explain) e.explain.push_back(x);
      if (who.sources.empty()) {
        events.push_back(base);
      } else {
        for (const Actor& a : who.sources) {
          EventCandidate c = base;
          c.event.source = a;
          events.push_back(std::move(c));
        }
      }
    }
    // "2 held, 3rd sought in slaying. Two people have been arrested ...": a figure of the
    // headline that no event of the headline takes, or one told in a charge ("accused of killing
    // eight people"), goes to the first later event that takes its kind (the analyzer keeps one
    // mention of each figure, so the body's restatement of it is gone). It comes before the
    // sentence's own figures, which may be parts of it ("seven residents" of eight).
    if (!title_counts.empty()) {
      for (auto it = title_counts.begin(); it != title_counts.end();) {
        const Count& c = **it;
        bool placed = false;
        for (size_t k = first_of_sentence; k < events.size() && !placed; ++k) {
          Event& e = events[k].event;
          // "at the time of the shootings" refers back to the event; it does not tell it.
          if (events[k].anaphoric || !im.mappings->CountFits(e.cameo, c.kind)) continue;
          if (std::any_of(e.counts.begin(), e.counts.end(), [&](const Count& x) { return x.kind == c.kind; })) continue;
          e.counts.push_back(c);
          e.explain.push_back("count " + c.kind + " \"" + c.text + "\": from the headline or a charge told before");
          placed = true;
        }
        it = placed ? title_counts.erase(it) : std::next(it);
      }
    }
    // Counts of the sentence go to the nearest event whose family takes them, preferring the
    // count's own clause.
    for (const Count& c : doc.counts) {
      if (!s.span.Contains(c.span)) continue;
      size_t ct = s.TokenAt(c.span.begin);
      EventCandidate* best = nullptr;
      size_t best_dist = SIZE_MAX;
      for (size_t k = first_of_sentence; k < events.size(); ++k) {
        Event& e = events[k].event;
        if (!im.mappings->CountFits(e.cameo, c.kind)) continue;
        // "seven residents and a nurse" holds "seven residents": the whole figure replaces its part.
        auto part = std::find_if(e.counts.begin(), e.counts.end(), [&](const Count& x) {
          return x.kind == c.kind && c.span.Contains(x.span) && !(c.span == x.span);
        });
        if (part != e.counts.end()) {
          *part = c;
          best = nullptr;
          best_dist = SIZE_MAX - 1;  // placed: no other event takes it
          break;
        }
        bool taken = std::any_of(e.counts.begin(), e.counts.end(), [&](const Count& x) { return x.kind == c.kind; });
        if (taken) continue;
        size_t t = events[k].trigger;
        size_t dist = (ct > t ? ct - t : t - ct) + (s.clause[std::min(ct, s.clause.size() - 1)] == s.clause[t] ? 0 : 1000);
        if (dist < best_dist) {
          best_dist = dist;
          best = &events[k];
        }
      }
      if (best) {
        best->event.counts.push_back(c);
        best->event.explain.push_back("count " + c.kind + " \"" + c.text + "\": " +
                                      (best_dist < 1000 ? "in the clause" : "in the sentence"));
      } else if (best_dist == SIZE_MAX &&
                 (s.title || std::any_of(charge_clauses.begin(), charge_clauses.end(),
                                         [&](const auto& cl) { return ct >= cl.first && ct < cl.second; }))) {
        title_counts.push_back(&c);
      }
    }
    // Merge as we go, so memory follows the number of distinct events, not of sentences.
    std::vector<EventCandidate> fresh(std::make_move_iterator(events.begin() + first_of_sentence),
                                      std::make_move_iterator(events.end()));
    events.resize(first_of_sentence);
    for (auto& c : fresh) {
      finish(c);
      code::MergeInto(merged, std::move(c));
    }
  }
  events = std::move(merged);
  std::erase_if(events, [&](const EventCandidate& c) {
    return std::find(headline_denies.begin(), headline_denies.end(), c.event.cameo) != headline_denies.end();
  });
  std::string doc_id = doc.id.empty() ? DocumentId(doc) : doc.id;
  for (auto& c : events) {
    Event& e = c.event;
    for (const std::string& l : lead_cues) c.cues.push_back(l);
    if (!im.mappings->Fill(e, c.cues)) continue;
    if (!c.cues.empty()) {
      std::string said = "told with (acled.cues):";
      for (const std::string& cue : c.cues) said += " " + cue;
      e.explain.push_back(std::move(said));
    }
    double conf = e.confidence;
    if (e.source) conf += 0.05;
    if (e.target) conf += 0.05;
    if (c.location_basis == LocationBasis::kClause) conf += 0.03;
    if (c.title) conf -= 0.1;
    conf += 0.04 * c.restatements;
    // A material act ACLED would code (a protest, an attack, an arrest) is what a sentence that
    // also voices a demand or a criticism is about: "staged a protest to demand ..." is the protest.
    if (!e.acled_event_type.empty()) conf += 0.1;
    e.confidence = std::clamp(conf, 0.05, 0.99);
    e.id = Hex64(Hash64(doc_id + ":" + e.cameo + ":" + std::to_string(e.evidence.begin)));
    doc.events.push_back(std::move(e));
  }
  return Status::Ok();
}

}  // namespace eventmill
