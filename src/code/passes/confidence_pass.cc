// The confidence pass: how sure the coder is of each event. A mention starts from its pattern's
// confidence, raised in the sentence's main clause and in the lead, lowered when the act is named
// only as the reason for another ("protested against the killing of": background). Once merged,
// an event gains for its actors, a place in its clause, its restatements and an ACLED type, and
// loses for being read from the headline alone. This pass also fills the codebook fields and ids.
#include <algorithm>

#include "code/passes/passes.h"
#include "core/hash.h"

namespace eventmill::code {

void ScoreMention(const SentenceState& st, TriggerState& t) {
  const SentenceView& s = st.s;
  const PatternMatch& m = t.m;
  Event& e = t.base.event;
  // The sentence's main clause tells its news; an act named later, in a clause that explains
  // it ("... to protest the killing of a student"), is background.
  if (t.cb == 0) e.confidence += 0.03;
  // The lead tells the news; a later sentence adds its aftermath ("4 arrested.").
  if (s.index == 0) e.confidence += 0.03;
  // "protested against the killing of", "over the arrest of", "justice for the death of": an
  // act named as the reason for another is background too ("a call for demonstrations" is one).
  if ((!t.p->nominal && m.first != m.trigger) || CameoCode(t.p->cameo).HasRoot(14)) return;
  for (size_t k = m.first; k-- > t.cb && k + 4 > m.first;) {
    const std::string& w = s.tokens[k].lower;
    if (w == "against" || w == "over" || w == "for" || w == "following" || w == "after" || w == "denounce" ||
        w == "condemn" || w == "protest" || w == "protesting" || w == "denouncing" || w == "condemning") {
      e.confidence -= 0.08;
      Explain(e.explain, pass::kConfidence, "named as the reason for another act (\"" + w + "\"): background");
      break;
    }
    if (s.tokens[k].punct) break;
  }
}

void FinishEvents(const CoderData& data, DocumentState& d) {
  Document& doc = *d.doc;
  std::string doc_id = doc.id.empty() ? DocumentId(doc) : doc.id;
  for (auto& c : d.merged) {
    Event& e = c.event;
    for (const std::string& l : d.lead_cues) c.cues.push_back(l);
    if (!data.mappings->Fill(e, c.cues)) continue;
    if (!c.cues.empty()) {
      std::string said = "told with (acled.cues):";
      for (const std::string& cue : c.cues) said += " " + cue;
      Explain(e.explain, pass::kConfidence, std::move(said));
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
}

}  // namespace eventmill::code
