// The driver: runs the coder's passes (passes.h) in order over one article, sentence by
// sentence and trigger by trigger, on the shared state of coding_state.h. It decides nothing
// itself; each `if` here only says that a pass dropped what it was given.
#include <string>
#include <utility>

#include "code/passes/passes.h"

namespace eventmill::code {
namespace {

// One trigger: from a pattern match to the events it tells (none when a pass drops it).
void CodeTrigger(const CoderData& data, DocumentState& d, SentenceState& st, const PatternMatch& m) {
  const Document& doc = *d.doc;
  if (InCaption(st, m) || ReadsAsName(doc, st, m)) return;
  TriggerState t;
  t.m = m;
  t.p = m.pattern;
  if (!ReadModality(data, d, st, t)) return;
  if (IsConsequence(data, d, st, t)) return;
  if (!HasHumanParticipants(data, d, st, t)) return;
  FillFrame(data, d, st, t);
  CrowdsProtest(d, st, t);
  ImplyAuthority(d, t);
  StartEvent(data, st, t);
  ScoreMention(st, t);
  ReadCues(data, st, t);
  MarkElsewhere(st, t);
  MarkBackReference(st, t);
  FindSubjectPlace(st, t);
  ExplainTrigger(doc, st, t);
  BindPlace(data, d, st, t);
  PlaceAsTarget(data, st, t);
  BindDate(d, st, t);
  if (!IsAttributed(d, st, t)) return;
  EmitEvents(d, t);
}

// One sentence: its triggers, then its counts, then merging.
void CodeSentence(const CoderData& data, DocumentState& d, size_t si) {
  SentenceState st = OpenSentence(data, d, si);
  ReadLeadCues(data, d, st);
  if (IsSkippedSentence(data, *d.doc, st.s)) {
    GiveLoneToll(data, d, st);
    return;
  }
  AddCommonActors(data, d, st);
  st.first_of_sentence = d.events.size();
  FindCaptionClauses(data, st);
  FindScope(data, st);
  CarryCues(data, d, st);
  for (const PatternMatch& m : FindTriggers(data, st)) CodeTrigger(data, d, st, m);
  BindCounts(data, d, st);
  MergeSentence(data, d, st);
}

}  // namespace

void RunPasses(const CoderData& data, Document& doc) {
  doc.events.clear();
  if (doc.sentences.empty()) return;
  ExpandAcronyms(doc);
  DocumentState d = StartStory(data, doc);
  for (size_t si = 0; si < doc.sentences.size(); ++si) CodeSentence(data, d, si);
  DropDenied(d);
  FinishEvents(data, d);
}
}  // namespace eventmill::code
