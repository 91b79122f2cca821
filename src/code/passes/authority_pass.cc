// The authority pass: "Three inmates were captured in Alliance" in a story that names no police,
// court or government at all: an arrest (a pattern marked agent=authority) is still made by the
// state, its police; a sentence or an indictment (agent=court) by its courts.
#include "code/passes/passes.h"

namespace eventmill::code {

void ImplyAuthority(const DocumentState& d, TriggerState& t) {
  ActorChoice& who = t.who;
  const Pattern& p = *t.p;
  if (!p.authority || !who.sources.empty() || !who.recode.empty() || d.story_alpha3.empty()) return;
  Actor a{.text = "", .span = {}, .code = d.story_alpha3 + p.default_role, .country = d.story_country,
          .role = p.default_role, .name = p.default_role == "JUD" ? "the courts (not named)" : "the police (not named)"};
  Explain(who.explain, pass::kAuthorities, "source " + a.code + ": no authority named in the story, " + a.name);
  who.sources.push_back(std::move(a));
}

}  // namespace eventmill::code
