// The merge pass: the events of a trigger (one per source actor) join the sentence's; once the
// sentence is read they are completed (recodes by sides, a place as source, persons and
// countries of the actors, the codebook fields merging compares) and merged into the article's
// events as they come (EventMerger: a restatement joins the event it restates), so memory follows
// the number of distinct events. At the end, an act the headline denies is dropped everywhere.
#include <algorithm>
#include <iterator>

#include "code/passes/passes.h"

namespace eventmill::code {

void EmitEvents(DocumentState& d, TriggerState& t) {
  Event& e = t.base.event;
  if (t.who.target) e.target = t.who.target;
  for (auto& x : t.who.explain) e.explain.push_back(std::move(x));
  if (t.who.sources.empty()) {
    d.events.push_back(std::move(t.base));
    return;
  }
  for (const Actor& a : t.who.sources) {
    EventCandidate c = t.base;
    c.event.source = a;
    d.events.push_back(std::move(c));
  }
}

void MergeSentence(const CoderData& data, DocumentState& d, const SentenceState& st) {
  std::vector<EventCandidate> fresh(std::make_move_iterator(d.events.begin() + st.first_of_sentence),
                                    std::make_move_iterator(d.events.end()));
  d.events.resize(st.first_of_sentence);
  for (auto& c : fresh) {
    RecodeBySides(data, c);
    PlaceAsSource(data, d, c);
    CompleteActors(data, d, c);
    data.mappings->Fill(c.event, c.cues);
    MergeInto(d.merged, std::move(c));
  }
}

void DropDenied(DocumentState& d) {
  std::erase_if(d.merged, [&](const EventCandidate& c) {
    return std::find(d.headline_denies.begin(), d.headline_denies.end(), c.event.cameo) != d.headline_denies.end();
  });
}

}  // namespace eventmill::code
