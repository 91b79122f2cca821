// The crowd pass: "as thousands marched", "hundreds gathered": in a protest, a crowd counted by a
// bare number right before the verb is the one that acts (the story's protesters), not an actor
// named before it ("police detained 100 people as thousands marched").
#include "code/passes/passes.h"

namespace eventmill::code {

void CrowdsProtest(const DocumentState& d, const SentenceState& st, TriggerState& t) {
  ActorChoice& who = t.who;
  if (!CameoCode(t.p->cameo).HasRoot(14) || d.story_alpha3.empty() || who.sources.size() > 1) return;
  const SentenceView& s = st.s;
  const PatternMatch& m = t.m;
  size_t cb0 = s.ClauseBegin(m.trigger);
  for (size_t k = m.first; k-- > cb0 && k + 4 > m.first;) {
    const std::string& w = s.tokens[k].lower;
    if (!who.sources.empty() && who.sources[0].span.end > s.tokens[k].span.begin) break;
    if (w == "thousands" || w == "hundreds" || w == "dozens" || w == "scores" || w == "tens") {
      if (!who.sources.empty()) Explain(who.explain, pass::kCrowds, "source " + who.sources[0].text + ": not the crowd that acts");
      who.sources.clear();
      Actor a{.text = std::string((*d.doc)[s.tokens[k].span]), .span = s.tokens[k].span, .code = d.story_alpha3 + "PRO",
              .country = d.story_country, .role = "PRO", .name = ""};
      Explain(who.explain, pass::kCrowds, "source " + a.code + ": a crowd counted by a number (\"" + a.text + "\")");
      who.sources.push_back(std::move(a));
      break;
    }
  }
}

}  // namespace eventmill::code
