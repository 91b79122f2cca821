#include "code/event_merger.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include "core/cameo_code.h"

namespace eventmill::code {
namespace {

bool IsLowerBound(const std::string& q) { return q == "more_than" || q == "at_least"; }
bool IsVague(const std::string& q) { return q == "about" || q == "approx"; }

std::string Base(const std::string& kind) { return kind == "detained" ? "arrested" : kind; }

bool PlacesCompatible(const EventCandidate& a, const EventCandidate& b) {
  if (!a.event.location || !b.event.location) return true;
  if (a.location_basis == LocationBasis::kArticle || b.location_basis == LocationBasis::kArticle) return true;
  const Place& p = a.event.location->place;
  const Place& q = b.event.location->place;
  if (p.name == q.name) return true;
  // A headline names the story's place loosely ("Gaza" for "the Gaza Strip"): the same country will do.
  if ((a.title || b.title) && !p.country.empty() && p.country == q.country) return true;
  // A country and a place inside it may be the same event told at two scales.
  if ((p.precision == "country" || q.precision == "country") && !p.country.empty() && p.country == q.country) {
    return true;
  }
  // So may a region and a town in it ("captured in Nebraska", "captured in Alliance").
  auto inside = [](const Place& region, const Place& town) {
    return region.precision == "admin1" && town.precision != "admin1" && town.precision != "country" &&
           !region.name.empty() && town.admin1 == region.name && town.country == region.country;
  };
  return inside(p, q) || inside(q, p);
}

int DaysBetween(const std::string& a, const std::string& b) {
  auto days = [](const std::string& s) -> long {
    if (s.size() < 10) return -1;
    int y = std::atoi(s.substr(0, 4).c_str()), m = std::atoi(s.substr(5, 2).c_str()), d = std::atoi(s.substr(8, 2).c_str());
    // days from civil (Howard Hinnant's algorithm)
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe;
  };
  long x = days(a), y = days(b);
  if (x < 0 || y < 0) return 0;
  return static_cast<int>(std::labs(x - y));
}

bool DatesCompatible(const EventCandidate& a, const EventCandidate& b) {
  // A date carried over from an earlier sentence is a guess: it never keeps two mentions apart.
  if (!a.date_explicit || !b.date_explicit || a.date_inherited || b.date_inherited) return true;
  return DaysBetween(a.event.date.value, b.event.date.value) <= 1;
}

bool AllCountsCompatible(const Event& a, const Event& b) {
  for (const Count& x : a.counts) {
    for (const Count& y : b.counts) {
      if (Base(x.kind) == Base(y.kind) && !CountsCompatible(x, y)) return false;
    }
  }
  return true;
}

// Prefer an exact figure over a rounded or bounded restatement of it.
bool BetterCount(const Count& a, const Count& b) {
  auto rank = [](const Count& c) { return c.qualifier.empty() || c.qualifier == "exact" ? 0 : IsVague(c.qualifier) ? 1 : 2; };
  return rank(a) < rank(b);
}

void Absorb(EventCandidate& into, EventCandidate& from, bool keep_place = false) {
  Event& e = into.event;
  Event& f = from.event;
  // The toll of an attack told elsewhere does not move the attack: only an attack placed by the
  // article alone takes the toll's place.
  if (keep_place && into.location_basis != LocationBasis::kArticle && into.location_basis != LocationBasis::kNone) {
    from.event.location.reset();
  }
  for (const std::string& c : from.cues) {
    if (std::find(into.cues.begin(), into.cues.end(), c) == into.cues.end()) into.cues.push_back(c);
  }
  // A later, more specific code of the same family refines the first ("shot", then "killed").
  if (f.cameo.size() > e.cameo.size() && f.cameo.compare(0, e.cameo.size(), e.cameo) == 0) e.cameo = f.cameo;
  auto rank = [](const EventCandidate& c) { return static_cast<int>(c.location_basis) * 2 + (c.title ? 1 : 0); };
  // Equally well placed, a city says more than its country.
  bool finer = e.location && f.location && rank(from) == rank(into) && e.location->place.precision == "country" &&
               f.location->place.precision != "country";
  // A town told after its region ("in Nebraska", then "in Alliance") is the finer scene, at any rank.
  if (e.location && f.location && e.location->place.precision == "admin1" &&
      f.location->place.precision != "admin1" && f.location->place.precision != "country" &&
      f.location->place.admin1 == e.location->place.name && f.location->place.country == e.location->place.country &&
      from.location_basis != LocationBasis::kArticle) {
    finer = true;
  }
  if (f.location && (!e.location || rank(from) < rank(into) || finer)) {
    e.location = f.location;
    into.location_basis = from.location_basis;
    e.explain.push_back("merging: place taken from a restatement: " + f.location->place.name);
  }
  // The better date wins: one stated in the sentence, then one carried over or vague, then the
  // publication date; equally good, a day over a week.
  auto date_rank = [](const EventCandidate& c) {
    return !c.date_explicit || c.date_weak ? 0 : c.date_vague ? 1 : c.date_inherited ? 2 : 3;
  };
  if (date_rank(from) > date_rank(into)) {
    e.date = f.date;
    into.date_explicit = true;
    into.date_inherited = from.date_inherited;
    into.date_vague = from.date_vague;
    into.date_weak = from.date_weak;
  }
  // A restatement fills a missing actor, never with the event's other actor ("550 people had been
  // killed and 4,900 wounded": the people are not who killed them).
  auto same_actor = [](const Actor& a, const Actor& b) { return a.span == b.span || (a.code == b.code && a.text == b.text); };
  if (!e.source && f.source && !(e.target && same_actor(*f.source, *e.target))) e.source = f.source;
  if (!e.target && f.target && !(e.source && same_actor(*f.target, *e.source))) e.target = f.target;
  for (Count& c : f.counts) {
    auto same = std::find_if(e.counts.begin(), e.counts.end(), [&](const Count& x) { return Base(x.kind) == Base(c.kind); });
    if (same == e.counts.end()) {
      e.counts.push_back(c);
    } else if (BetterCount(c, *same)) {
      *same = c;
    }
  }
  // The body states an event better than the headline does.
  if (into.title && !from.title) {
    // ... and names its actors better ("police disappointed with release of Olson", then "with
    // Gov. Schwarzenegger's decision").
    if (f.source) e.source = f.source;
    if (f.target) e.target = f.target;
    e.evidence = f.evidence;
    into.title = false;
  }
  e.confidence = std::max(e.confidence, f.confidence);
  into.restatements += 1 + from.restatements;
  if (from.sentence != SIZE_MAX && (into.sentence == SIZE_MAX || from.sentence > into.sentence)) into.sentence = from.sentence;
  into.first_body_sentence = std::min(into.first_body_sentence, from.first_body_sentence);
  // Explanations stay short however often an event is restated (a page may repeat it 100,000 times).
  constexpr int kMaxListed = 8;
  if (into.restatements <= kMaxListed) e.explain.push_back("merging: restated: \"" + f.pattern + "\" (merged)");
}

}  // namespace

bool SameFamily(const std::string& a, const std::string& b) {
  if (a.compare(0, 2, b, 0, 2) != 0) return false;
  // Fights and mass violence are told with many words for one event ("clashes", "shootout");
  // elsewhere the third digit separates different acts (arrest 173 vs state of emergency 1724).
  if (CameoCode(a).HasRoot(19) || CameoCode(a).HasRoot(20)) return true;
  if (a.size() == 2 || b.size() == 2) return true;
  return a.compare(0, 3, b, 0, 3) == 0;
}

bool CountsCompatible(const Count& a, const Count& b) {
  double x = a.value, y = b.value;
  if (x == y) return true;
  double hi = std::max(x, y), lo = std::min(x, y);
  const Count& low = x < y ? a : b;
  if (IsLowerBound(low.qualifier) && hi <= lo * 1.5) return true;  // "more than 5,000" and "5,135"
  if ((IsVague(a.qualifier) || IsVague(b.qualifier) || IsLowerBound(a.qualifier) || IsLowerBound(b.qualifier)) &&
      hi - lo <= 0.1 * hi) {
    return true;
  }
  return false;
}

void MergeRestatements(std::vector<EventCandidate>& events) {
  std::vector<EventCandidate> out;
  for (auto& ev : events) MergeInto(out, std::move(ev));
  events = std::move(out);
}

bool GenericViolence(const std::string& c) {
  if (c == "18" || c == "180" || c == "182" || c == "1823") return true;
  return false;
}

// Among generic acts a killing says most, then an assault, then an attack.
int GenericRank(const std::string& c) { return c == "1823" ? 3 : c == "182" ? 2 : 1; }

bool SpecificViolence(const std::string& c) {
  CameoCode code(c);
  return code.Within("183") || code.Within("185") || code.Within("186") || code.HasRoot(19) || code.HasRoot(20);
}

bool SameAttack(const EventCandidate& specific, const EventCandidate& generic, bool same_sentence) {
  if (!GenericViolence(generic.event.cameo)) return false;
  // In one sentence two generic acts ("killed when gunmen attacked a village", "were killed by
  // militants in an ambush") are one attack too, coded by the more specific of the two.
  bool generic_pair = same_sentence && GenericViolence(specific.event.cameo) &&
                      !SameFamily(specific.event.cameo, generic.event.cameo);
  if (!SpecificViolence(specific.event.cameo) && !generic_pair) return false;
  if (specific.event.modality != generic.event.modality) return false;
  if (!PlacesCompatible(specific, generic) || !DatesCompatible(specific, generic) ||
      !AllCountsCompatible(specific.event, generic.event)) {
    return false;
  }
  const auto& a = specific.event.source;
  const auto& b = generic.event.source;
  // (in a fight either side may be told as the one who acts: "died in a shootout when the SWAT
  // team stormed the apartment")
  const auto& t = specific.event.target;
  bool other_side = b && t && t->code == b->code && CameoCode(specific.event.cameo).HasRoot(19);
  if (same_sentence) return !a || !b || a->code == b->code || other_side;
  // Across sentences only a toll told without its perpetrator ("20 people were killed") restates
  // the attack told before it, and only at the same place: a toll for a whole country is a
  // tally, not the toll of one clash in one of its cities.
  if (b) return false;
  if (generic.location_basis == LocationBasis::kArticle || generic.location_basis == LocationBasis::kNone) return true;
  return specific.event.location && generic.event.location &&
         specific.event.location->place.name == generic.event.location->place.name;
}

namespace {

// "Two men were charged with burglary. ... In another town a man stabbed his neighbour. He was
// taken to jail.": an arrest that names no place of its own, told after a crime
// first told after an earlier arrest, answers that crime; it does not restate the earlier arrest.
// Returns that crime (the latest such the text places itself, else the latest), or null.
const EventCandidate* CrimeTheArrestAnswers(const std::vector<EventCandidate>& out, const EventCandidate& kept,
                                            const EventCandidate& ev) {
  if (!CameoCode(ev.event.cameo).HasRoot(17) || !CameoCode(kept.event.cameo).HasRoot(17)) return nullptr;
  if (ev.location_basis != LocationBasis::kArticle && ev.location_basis != LocationBasis::kNone) return nullptr;
  if (kept.sentence == SIZE_MAX || ev.sentence == SIZE_MAX) return nullptr;
  const EventCandidate* crime = nullptr;
  for (const EventCandidate& c : out) {
    if (!CameoCode(c.event.cameo).HasRoot(18) || c.event.modality != "asserted") continue;
    if (c.first_body_sentence == SIZE_MAX || c.first_body_sentence <= kept.sentence ||
        c.first_body_sentence > ev.sentence) {
      continue;
    }
    // (the latest one the text places itself: "the victim was treated for wounds", placed by the
    // article's place is the same stabbing told again)
    auto rank = [](const EventCandidate& x) {
      bool placed = x.location_basis == LocationBasis::kClause || x.location_basis == LocationBasis::kSentence;
      return std::pair<bool, size_t>(placed, x.first_body_sentence);
    };
    if (!crime || rank(c) > rank(*crime)) crime = &c;
  }
  return crime;
}

}  // namespace

void MergeInto(std::vector<EventCandidate>& out, EventCandidate&& ev) {
  if (!ev.title && ev.first_body_sentence == SIZE_MAX) ev.first_body_sentence = ev.sentence;
  // "Another bomb wounded two policemen", "In a separate incident, ...": a new event, though it
  // may be told with its toll in its own sentence.
  if (ev.separate) {
    std::vector<EventCandidate> own;
    size_t first = out.size();
    while (first > 0 && out[first - 1].sentence == ev.sentence && out[first - 1].separate) --first;
    for (size_t k = first; k < out.size(); ++k) own.push_back(std::move(out[k]));
    out.resize(first);
    ev.separate = false;
    for (auto& o : own) o.separate = false;
    MergeInto(own, std::move(ev));
    for (auto& o : own) {
      o.separate = true;
      out.push_back(std::move(o));
    }
    return;
  }
  // "The blast came a day after ...", "the fighting is the latest round of violence to plague the
  // North Caucasus": a definite noun names the event told before, not a new one elsewhere.
  if (ev.anaphoric) {
    for (size_t k = out.size(); k-- > 0;) {
      EventCandidate& kept = out[k];
      // "condemned the attack": an attack named generically refers to whatever violence came before.
      bool attack = (ev.event.cameo == "18" || ev.event.cameo == "180") &&
                    (CameoCode(kept.event.cameo).HasRoot(18) || SpecificViolence(kept.event.cameo));
      bool family = attack || SameFamily(kept.event.cameo, ev.event.cameo) ||
                    (SpecificViolence(kept.event.cameo) && GenericViolence(ev.event.cameo)) ||
                    (SpecificViolence(kept.event.cameo) && SpecificViolence(ev.event.cameo) &&
                     CameoCode(kept.event.cameo).Root() == CameoCode(ev.event.cameo).Root());
      if (!family || kept.event.modality != ev.event.modality || !DatesCompatible(kept, ev)) continue;
      std::string code = kept.event.cameo;
      Absorb(kept, ev, /*keep_place=*/true);
      if (!SameFamily(code, kept.event.cameo)) kept.event.cameo = code;
      return;
    }
  }
  // A killing, shooting or attack told with the means that did it ("a suicide bomber killed 12",
  // "the blast killed 20", "shelling killed three") is one event, coded by its means.
  for (size_t k = 0; k < out.size(); ++k) {
    EventCandidate& kept = out[k];
    // The headline tells the story's main event again: it joins the body's attack either way.
    bool same_sentence = kept.sentence == ev.sentence || kept.title || ev.title;
    if (SameAttack(kept, ev, same_sentence)) {
      std::string code = kept.event.cameo;
      if (GenericViolence(code) && GenericRank(ev.event.cameo) > GenericRank(code)) code = ev.event.cameo;
      Absorb(kept, ev, /*keep_place=*/true);
      kept.event.cameo = code;
      return;
    }
    if (same_sentence && SameAttack(ev, kept, true)) {
      std::string code = ev.event.cameo;
      if (ev.event.location && ev.location_basis <= kept.location_basis) {
        kept.event.location = ev.event.location;
        kept.location_basis = ev.location_basis;
      }
      Absorb(kept, ev, /*keep_place=*/true);
      kept.event.cameo = code;
      kept.event.pattern = ev.event.pattern;
      return;
    }
  }
  {
    bool merged = false;
    size_t answered_crime = 0;  // first sentence of the crime an arrest answers, once found
    for (auto& kept : out) {
      if (!SameFamily(kept.event.cameo, ev.event.cameo) || kept.event.modality != ev.event.modality) continue;
      if (!PlacesCompatible(kept, ev) || !DatesCompatible(kept, ev) || !AllCountsCompatible(kept.event, ev.event)) continue;
      // Two different named sources are two events (two arrests by two forces may still be one,
      // but two attackers are not).
      // A fight told from the other side ("police and rebels clashed", "rebels fought police")
      // is the same fight.
      bool swapped = kept.event.source && ev.event.source && kept.event.target && ev.event.target &&
                     CameoCode(kept.event.cameo).HasRoot(19) && kept.event.source->code == ev.event.target->code &&
                     kept.event.target->code == ev.event.source->code;
      if (kept.event.source && ev.event.source && kept.event.source->code != ev.event.source->code &&
          kept.event.cameo_root != "17" && !swapped) {
        continue;
      }
      // (an arrest told before the crime it answers is never the one it restates)
      if (kept.sentence != SIZE_MAX && kept.sentence < answered_crime) continue;
      if (const EventCandidate* crime = CrimeTheArrestAnswers(out, kept, ev)) {
        answered_crime = crime->first_body_sentence;
        if (crime->event.location && crime->location_basis < ev.location_basis) {
          ev.event.location = crime->event.location;
          ev.location_basis = crime->location_basis;
          ev.event.explain.push_back(
              "merging: an arrest told after the crime it answers: no restatement of an earlier arrest; "
              "place of that crime: " +
              crime->event.location->place.name);
        }
        continue;
      }
      Absorb(kept, ev);
      merged = true;
      break;
    }
    if (!merged) out.push_back(std::move(ev));
  }
}

}  // namespace eventmill::code
