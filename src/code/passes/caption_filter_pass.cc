// The filter pass: what is read but tells no event. Lines too short to tell one or that open
// like a credit line (data/patterns/skip_sentences.txt), clauses that describe a picture
// (data/patterns/non_events.cues: "X is seen in a photo released by ..."), and a verb written with
// a capital inside a body sentence, which is a name ("Sue Griffin told").
#include <algorithm>
#include <cctype>

#include "code/passes/passes.h"

namespace eventmill::code {

bool IsSkippedSentence(const CoderData& data, const Document& doc, const SentenceView& s) {
  int words = 0;
  for (const auto& t : s.tokens) words += !t.punct;
  if (words < 3) return true;
  std::string start;
  for (size_t i = s.span.begin; i < s.span.end && start.size() < 40; ++i) {
    start += static_cast<char>(std::tolower(static_cast<unsigned char>(doc.text[i])));
  }
  for (const auto& p : data.skip_prefixes) {
    if (start.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

void FindCaptionClauses(const CoderData& data, SentenceState& st) {
  if (data.non_events.size() == 0) return;
  for (const PatternMatch& c : data.non_events.MatchAll(st.s.tokens)) {
    // The caption's clause, but not beyond a few words after the cue: a sentence split missed
    // at "Calif." may glue the story's first sentence to it.
    st.caption_clauses.push_back({st.s.ClauseBegin(c.first), std::min(st.s.ClauseEnd(c.last), c.last + 10)});
  }
}

bool InCaption(const SentenceState& st, const PatternMatch& m) {
  return std::any_of(st.caption_clauses.begin(), st.caption_clauses.end(),
                     [&](const auto& c) { return m.trigger >= c.first && m.trigger < c.second; });
}

bool ReadsAsName(const Document& doc, const SentenceState& st, const PatternMatch& m) {
  // "An ex-wife of Stewart's, Sue Griffin, told": a verb written with a capital inside a
  // sentence of the body is a name ("Sue", "Rob", "Bill"), not the act.
  const SentenceView& s = st.s;
  auto opens_speech = [](const std::string& w) {
    return w == "\"" || w == ":" || w == "(" || w == "-" || w == "\u2013" || w == "\u2014" || w == "'";
  };
  if (m.pattern->nominal || s.title || m.trigger == 0 || opens_speech(s.tokens[m.trigger - 1].lower) ||
      !std::isupper(static_cast<unsigned char>(doc.text[s.tokens[m.trigger].span.begin]))) {
    return false;
  }
  size_t words = 0, caps = 0;
  for (const auto& t : s.tokens) {
    if (t.punct) continue;
    ++words;
    caps += std::isupper(static_cast<unsigned char>(doc.text[t.span.begin])) != 0;
  }
  return caps * 2 < words;  // not a title-case line
}

}  // namespace eventmill::code
