// The elsewhere pass: how a mention relates to the events told before it, for merging. "Elsewhere,
// ...", "In a separate incident, ...", "another bomb", "a second attack" tell another event (it
// merges with nothing told before); "the blast", "this violence", "condemned the attack" refer
// back to one (it joins the latest of its family whatever place its sentence names).
#include "code/passes/passes.h"

namespace eventmill::code {

void MarkElsewhere(const SentenceState& st, TriggerState& t) {
  const SentenceView& s = st.s;
  auto w = [&](size_t k) -> const std::string& {
    static const std::string kNone;
    return k < s.tokens.size() ? s.tokens[k].lower : kNone;
  };
  bool opens = w(0) == "elsewhere" || w(0) == "separately" ||
               (w(0) == "in" && (w(1) == "another" || (w(1) == "a" && (w(2) == "separate" || w(2) == "second"))));
  bool another = false;
  // (right before the act: "another bomb wounded", "a second car bomb"; not "a third is being
  // sought in the shooting", where "a third" is a person)
  for (size_t k = t.cb; k < t.m.first && !another; ++k) {
    if (k + 4 < t.m.first) continue;
    another = w(k) == "another" || (w(k) == "a" && (w(k + 1) == "second" || w(k + 1) == "third" || w(k + 1) == "separate" ||
                                                    w(k + 1) == "fresh" || w(k + 1) == "new"));
  }
  t.base.separate = opens || another;
  if (t.base.separate) Explain(t.base.event.explain, pass::kElsewhere, "told as another event: it merges with nothing told before");
}

void MarkBackReference(const SentenceState& st, TriggerState& t) {
  const SentenceView& s = st.s;
  const PatternMatch& m = t.m;
  // "the killing of ..." is told, not referred to.
  bool complement = m.last + 1 < s.tokens.size() && s.tokens[m.last + 1].lower == "of";
  // A verb's pattern read as a noun ("condemned the attack") refers back too.
  bool noun_use = t.p->nominal || (m.first == m.trigger && m.trigger > 0 &&
                                   (s.tokens[m.trigger - 1].lower == "the" || s.tokens[m.trigger - 1].lower == "this"));
  if (!noun_use || complement) return;
  for (size_t k = m.first; k-- > 0 && k + 4 > m.first;) {
    const std::string& w = s.tokens[k].lower;
    if (s.tokens[k].punct) break;
    if (w == "the" || w == "this" || w == "that" || w == "these" || w == "those") {
      t.base.anaphoric = true;
      Explain(t.base.event.explain, pass::kElsewhere, "\"" + w + "\" refers back: it joins the latest event of its family");
      break;
    }
    if (w == "a" || w == "an" || w == "of" || w == "in" || w == "and") break;
  }
}

}  // namespace eventmill::code
