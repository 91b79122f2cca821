// The place-actor pass: a place that stands for its government. "Tbilisi has denied": a place
// opening the trigger's clause is the source when no other is found (PlaceAsSource, before
// merging); "urged Tehran to", "visited Kyiv", "criticised Moscow": a place right after a verbal or
// diplomatic trigger is the target; "opened an embassy in Syria" (a pattern marked target=place):
// the country of the scene is the target.
#include "code/passes/passes.h"

namespace eventmill::code {

void FindSubjectPlace(const SentenceState& st, TriggerState& t) {
  const SentenceView& s = st.s;
  for (const EntityRef& r : s.entities) {
    if (r.first >= t.cb && r.last < t.m.first && IsPlace(*r.entity) && !r.entity->actor &&
        r.entity->type == EntityType::kPlace && r.last + 3 >= t.m.first && (r.first == t.cb || r.first == 0)) {
      t.base.subject_place = r.entity;
    }
  }
}

void PlaceAsTarget(const CoderData& data, const SentenceState& st, TriggerState& t) {
  const SentenceView& s = st.s;
  const Event& e = t.base.event;
  ActorChoice& who = t.who;
  CameoCode code(e.cameo);
  // Verbal and diplomatic acts (short of coercion), not protests (14) nor shows of force (15).
  if (code.IsShortOfCoercion() && !code.HasRoot(14) && !code.HasRoot(15)) {
    for (const EntityRef& r : s.entities) {
      // "accused Washington of spreading ... Beijing's military": the place right after the
      // verb is the object, before any actor further on.
      if (who.target && who.target->span.begin < r.entity->span.begin) continue;
      if ((r.first != t.m.last + 1 && r.first != t.m.trigger + 1) || !IsPlace(*r.entity) || r.entity->place->country.empty()) continue;
      if (r.first < s.tokens.size() && r.last + 1 < s.tokens.size() && s.tokens[r.last + 1].lower == "'s") continue;
      std::string_view a3 = data.Alpha3(r.entity->place->country);
      if (a3.empty() || (!who.sources.empty() && who.sources[0].country == r.entity->place->country)) continue;
      who.target = Actor{.text = r.entity->text, .span = r.entity->span, .code = std::string(a3) + "GOV",
                         .country = r.entity->place->country, .role = "GOV", .name = r.entity->place->name};
      Explain(who.explain, pass::kPlaceActors, "target " + who.target->code + ": \"" + r.entity->text + "\" after the verb stands for its government");
    }
  }
  // "opened an embassy in Syria": the country of the scene is the target.
  if (t.p->place_target && !who.target && e.location && t.base.location_basis != LocationBasis::kArticle &&
      e.location->place.precision == "country") {
    std::string_view a3 = data.Alpha3(e.location->place.country);
    if (!a3.empty()) {
      who.target = Actor{.text = e.location->place.name, .span = e.location->span, .code = std::string(a3) + "GOV",
                         .country = e.location->place.country, .role = "GOV", .name = e.location->place.name};
      Explain(who.explain, pass::kPlaceActors, "target " + who.target->code + ": the country where it happens (target=place)");
    }
  }
  SceneActors(data, t);
}

void SceneActors(const CoderData& data, TriggerState& t) {
  const Event& e = t.base.event;
  ActorChoice& who = t.who;
  const FrameRules* rules = data.actors ? data.actors->frame_rules() : nullptr;
  if (who.target || !rules || !e.location || !t.in_clause || t.base.location_basis == LocationBasis::kArticle ||
      e.location->place.country.empty()) {
    return;
  }
  std::string role = rules->SceneTargetRole(e.cameo);
  std::string_view a3 = data.Alpha3(e.location->place.country);
  if (role.empty() || a3.empty()) return;
  who.target = Actor{.text = e.location->place.name, .span = e.location->span, .code = std::string(a3) + role,
                     .country = e.location->place.country, .role = role, .name = e.location->place.name};
  Explain(who.explain, pass::kPlaceActors,
          "target " + who.target->code + ": no target named; " + e.cameo.substr(0, 2) + " events are aimed at the " +
              role + " of the country where they happen, " + e.location->place.name + " (data/mappings/frames.tsv)");
}

void PlaceAsSource(const CoderData& data, const DocumentState& d, EventCandidate& c) {
  if (c.event.source || !c.subject_place || !CameoCode(c.event.cameo).IsShortOfCoercion()) return;
  const Place& pl = *c.subject_place->place;
  // The story's own code for the country, else the lexicon's: "Ottawa rejected the plan" speaks
  // for Canada even where no Canadian actor is named.
  auto it = d.alpha3_of.find(pl.country);
  std::string alpha3 = it != d.alpha3_of.end() ? it->second : std::string(data.Alpha3(pl.country));
  if (alpha3.empty()) return;
  Actor a{.text = c.subject_place->text, .span = c.subject_place->span, .code = alpha3 + "GOV",
          .country = pl.country, .role = "GOV", .name = pl.name};
  c.event.source = a;
  Explain(c.event.explain, pass::kPlaceActors, "source " + a.code + ": \"" + a.text + "\" speaks for its government (a place as subject)");
}

}  // namespace eventmill::code
