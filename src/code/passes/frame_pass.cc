// The frame pass: who did it and to whom. The trigger's source(s) and target come from the
// ActorAssigner (actor_assigner.h); before merging, actors are completed: a private person takes
// the story's country and the role of its slot (data/mappings/slot_roles.tsv), "detectives"
// without a country take the story's, a country named without an actor takes its alpha-3 code.
#include "code/passes/passes.h"

namespace eventmill::code {

void FillFrame(const CoderData& data, const DocumentState& d, const SentenceState& st, TriggerState& t) {
  PatternMatch read = t.m;
  if (t.p->feeling) read.passive = false;  // "we are disappointed with X": we feel it about X
  t.who = data.actors->Assign(d.ctx, st.s, read);
  for (std::string& line : t.who.explain) line.insert(0, std::string(pass::kFrames) + ": ");
}

void CompletePerson(const CoderData& data, std::optional<Actor>& a, const std::string& cameo, const std::string& slot,
                    const std::string& country, const std::string& alpha3, std::vector<std::string>& explain) {
  if (!a || !a->code.empty()) return;
  const CoderData::SlotRole* best = nullptr;
  for (const auto& r : data.slot_roles) {
    if (r.slot == slot && cameo.compare(0, r.prefix.size(), r.prefix) == 0 &&
        (!best || r.prefix.size() > best->prefix.size())) {
      best = &r;
    }
  }
  a->country = country;
  a->role = best ? best->role : "";
  a->code = alpha3.empty() ? "" : alpha3 + a->role;
  Explain(explain, pass::kFrames,
          slot + " " + a->text + ": a private person, " + (country.empty() ? "country unknown" : country) +
              (best ? ", " + best->role + " as the event's " + slot : ""));
}

void CompleteActors(const CoderData& data, const DocumentState& d, EventCandidate& c) {
  CompletePerson(data, c.event.source, c.event.cameo, "source", d.story_country, d.story_alpha3, c.event.explain);
  CompletePerson(data, c.event.target, c.event.cameo, "target", d.story_country, d.story_alpha3, c.event.explain);
  // "detectives", "the Sheriff's Office" with no country: the story's.
  for (std::optional<Actor>* a : {&c.event.source, &c.event.target}) {
    if (*a && (*a)->country.empty() && !(*a)->role.empty() && (*a)->code == (*a)->role && !d.story_alpha3.empty() &&
        (*a)->role != "IGO" && (*a)->role != "NGO" && (*a)->role != "MNC") {
      (*a)->country = d.story_country;
      (*a)->code = d.story_alpha3 + (*a)->role;
    }
  }
  // A country named without an actor ("Russian diplomats") is coded by its alpha-3 code; a place
  // that stands for its government ("Berlin rejected") by its alpha-3 code and role.
  for (std::optional<Actor>* a : {&c.event.source, &c.event.target}) {
    if (*a && (*a)->code.size() == 2 && (*a)->code == (*a)->country) {
      std::string_view a3 = data.Alpha3((*a)->country);
      if (!a3.empty()) (*a)->code = std::string(a3) + (*a)->role;
    }
  }
}

}  // namespace eventmill::code
