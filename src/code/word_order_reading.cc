#include "code/word_order_reading.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "core/cameo_code.h"

namespace eventmill::code::word_order {
namespace {

bool EndsWith(const std::string& w, const char* tail, size_t n) {
  return w.size() >= n && w.compare(w.size() - n, n, tail) == 0;
}

bool IsIng(const std::string& w) { return w.size() > 4 && EndsWith(w, "ing", 3); }

}  // namespace

bool ReadsAsNoun(const SentenceView& s, const PatternMatch& m) {
  bool nominal = m.pattern->nominal;
  const std::string& w = s.tokens[m.trigger].lower;
  // "in an attack", "the raid": no verb follows an article either.
  bool ing = IsIng(w);
  // "with release of Olson": a plain verb form before "of" is its noun.
  bool plain = w.size() > 2 && w.compare(w.size() - 2, 2, "ed") != 0 && !ing && w.compare(w.size() - 2, 2, "en") != 0;
  if (!nominal && plain && m.trigger + 1 < s.tokens.size() && s.tokens[m.trigger + 1].lower == "of") nominal = true;
  if (!nominal && m.trigger > 0) {
    const std::string& b = s.tokens[m.trigger - 1].lower;
    // "with protests against the price rise", "amid riots": no verb follows a preposition.
    static const WordSet kPrepositions = {"with", "amid",    "amidst", "after", "following", "during", "of",
                                          "in",   "against", "over",   "about", "despite",   "for"};
    nominal = b == "the" || b == "a" || b == "an" || (!ing && kPrepositions.count(b) > 0) ||
              (ing && (b == "his" || b == "her" || b == "their" || b == "its" || b == "this" || b == "that" ||
                       (b.size() > 2 && b.compare(b.size() - 2, 2, "'s") == 0)));
  }
  return nominal;
}

AdjectivalParticiple ReadAdjectivalParticiple(const SentenceView& s, const PatternMatch& m, const WordSet& verbs) {
  AdjectivalParticiple out;
  const Pattern& p = *m.pattern;
  const std::string& w = s.tokens[m.trigger].lower;
  bool harm = CameoCode(p.cameo).IsViolent();
  bool participle = (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) || w == "shot" || w == "slain" ||
                    w == "hurt" || w == "beaten" || w == "stricken";
  if (!harm || !participle || p.nominal || m.first != m.trigger || m.last != m.trigger || m.trigger == 0 ||
      m.trigger + 1 >= s.tokens.size()) {
    return out;
  }
  static const WordSet kDeterminers = {"the", "a",   "an",    "whose", "his",  "her",     "their",
                                       "its", "two", "three", "four",  "five", "several", "many"};
  static const WordSet kNoNoun = {
      "by",   "in",      "at",      "on",         "to",       "and",     "or",     "with",  "from",  "into", "near",
      "the",  "a",       "an",      "his",        "her",      "their",   "its",    "him",   "them",  "me",   "us",
      "dead", "twice",   "once",    "again",      "after",    "before",  "during", "while", "when",  "as",   "for",
      "over", "himself", "herself", "themselves", "down",     "up",      "out",    "were",  "was",   "are",  "is",
      "had",  "have",    "has",     "been",       "included", "include", "who",    "that",  "which", "of"};
  const std::string& b = s.tokens[m.trigger - 1].lower;
  const WordToken& nx = s.tokens[m.trigger + 1];
  out.adjectival = kDeterminers.count(b) > 0 && !nx.punct && !kNoNoun.count(nx.lower) && !IsReportingVerb(nx.lower) &&
                   !verbs.count(nx.lower);
  if (!out.adjectival) return out;
  for (const EntityRef& r : s.entities) {
    if (r.first > m.trigger && r.first <= m.trigger + 2 && CanAct(*r.entity)) {
      out.victim = &r;
      break;
    }
  }
  if (!out.victim && b == "whose" && m.trigger >= 3 && s.tokens[m.trigger - 2].lower == ",") {
    for (const EntityRef& r : s.entities) {
      if (r.last + 3 == m.trigger && CanAct(*r.entity)) out.victim = &r;
    }
  }
  return out;
}

const EntityRef* ByAgent(const std::vector<const EntityRef*>& after) {
  for (const EntityRef* r : after) {
    if (r->before == "by") return r;
  }
  return nullptr;
}

Sides SidesBetween(const SentenceView& s, const PatternMatch& m, size_t clause_end, const RefsIn& refs_in) {
  Sides out;
  // (the phrase may end inside it: "fighting between police" matched "{fight} ~3 police")
  // A mutual act takes its sides from a "between" later in its clause, past its scene and day
  // ("clashes erupted in the capital on 15 April between A and B").
  size_t reach = m.pattern->mutual ? clause_end : std::max(m.last, m.trigger) + 4;
  for (size_t i = m.trigger + 1; i < clause_end && i < reach; ++i) {
    if (i > std::max(m.last, m.trigger) + 3 && s.tokens[i].punct) break;  // (past a comma: another phrase)
    if (s.tokens[i].lower != "between") continue;
    auto refs = refs_in(i + 1, clause_end, true);
    // "between police in the north and protesters": a place after "in" only says where a side is.
    refs.erase(std::remove_if(refs.begin(), refs.end(),
                              [](const EntityRef* r) {
                                return IsPlace(*r->entity) && (r->before == "in" || r->before == "from");
                              }),
               refs.end());
    if (refs.size() >= 2) {
      out.a = refs[0];
      out.b = refs[1];
    }
    break;
  }
  return out;
}

// A reporting verb follows token `last`, right after it or past an adverb of place or time
// ("police here said", "officials later told").
bool ReportsAfter(const SentenceView& s, size_t last) {
  static const std::unordered_set<std::string> kBetween = {"here", "there", "also", "today", "tonight",
                                                           "yesterday", "later", "earlier", "again", "now"};
  size_t k = last + 1;
  if (k < s.tokens.size() && kBetween.count(s.tokens[k].lower)) ++k;
  return k < s.tokens.size() && IsReportingVerb(s.tokens[k].lower);
}

std::vector<const EntityRef*> ObjectCandidates(const SentenceView& s, const PatternMatch& m,
                                               const std::vector<const EntityRef*>& after, const EntityRef* by_agent) {
  std::vector<const EntityRef*> out;
  for (const EntityRef* r : after) {
    // target=recipient: "sent peacekeeping forces to Kazakhstan": what is sent is no target.
    if (m.pattern->recipient_target && r->first <= std::max(m.last, m.trigger)) continue;
    // "..., police said", "..., Thai police here said": the one who reports after a comma is no
    // target.
    bool reporter = r->first > 0 && s.tokens[r->first - 1].lower == "," && ReportsAfter(s, r->last);
    if (r != by_agent && !reporter) out.push_back(r);
  }
  return out;
}

const EntityRef* SubjectOf(const SentenceView& s, const std::vector<const EntityRef*>& before) {
  const EntityRef* subject = before.empty() ? nullptr : before.back();
  if (subject && before.size() >= 2) {
    size_t k = subject->first;
    static const WordSet kSkip = {"the",    "a",     "an",       "former",     "late", "ousted", "jailed",
                                  "exiled", "slain", "detained", "imprisoned", "his",  "her",    "their"};
    while (k > 0 && kSkip.count(s.tokens[k - 1].lower)) --k;
    if (k > 1 && s.tokens[k - 1].lower == "of") {
      const EntityRef* head = before[before.size() - 2];
      if (head->last + 2 == k) subject = head;
    }
  }
  return subject;
}

std::vector<const EntityRef*> CoordinatedWith(const SentenceView& s, const std::vector<const EntityRef*>& before,
                                              const EntityRef* head) {
  std::vector<const EntityRef*> chain = {head};
  for (auto it = std::find(before.rbegin(), before.rend(), head); it != before.rend(); ++it) {
    auto next = std::next(it);
    if (next == before.rend()) break;
    // Adjacent entities are one name ("Chinese President"), not a list.
    bool only_joiners = (*next)->last + 1 < (*it)->first;
    for (size_t t = (*next)->last + 1; t < (*it)->first; ++t) {
      const std::string& w = s.tokens[t].lower;
      // "Indian security forces and suspected militants": a modifier of the next actor still joins.
      static const WordSet kModifiers = {"suspected", "alleged", "armed",  "unidentified",
                                         "unknown",   "rival",   "masked", "heavily"};
      if (w != "," && w != "and" && w != "or" && w != "the" && w != "as" && w != "well" && !kModifiers.count(w)) {
        only_joiners = false;
      }
    }
    if (!only_joiners) break;
    chain.push_back(*next);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

bool IsParticipleAdjunct(const SentenceView& s, const PatternMatch& m, size_t clause_begin, bool nominal) {
  const std::string& tw = s.tokens[m.trigger].lower;
  if (nominal || !IsIng(tw)) return false;
  if (m.trigger > 0 && s.tokens[m.trigger - 1].lower == ",") return true;
  // ", killing dozens and wounding thousands": a participle coordinated with an adjunct is one too.
  if (m.trigger > 1 && s.tokens[m.trigger - 1].lower == "and") {
    for (size_t t = m.trigger - 1; t-- > clause_begin && t + 8 > m.trigger;) {
      if (s.tokens[t].punct) break;
      if (IsIng(s.tokens[t].lower) && t > 0 && s.tokens[t - 1].lower == ",") return true;
    }
  }
  return false;
}

bool ModifiesNoun(const SentenceView& s, const PatternMatch& m, const EntityRef& subject, const WordSet& verbs,
                  const WordSet& light_verbs) {
  if (subject.last + 3 < m.trigger) return false;
  static const WordSet kPreps = {"in",    "at",     "on",   "of",   "for",     "with", "by",    "from",  "to",
                                 "after", "during", "near", "into", "against", "over", "under", "since", "before"};
  return std::none_of(s.tokens.begin() + subject.last + 1, s.tokens.begin() + m.trigger, [&](const WordToken& t) {
    // "12 villagers in an attack": a preposition ends the modifier.
    return t.punct || verbs.count(t.lower) > 0 || IsReportingVerb(t.lower) || light_verbs.count(t.lower) > 0 ||
           kPreps.count(t.lower) > 0;
  });
}

const EntityRef* LightVerbSubject(const SentenceView& s, const PatternMatch& m,
                                  const std::vector<const EntityRef*>& candidates, const WordSet& light_verbs) {
  // The nearest subject first ("Authorities said Robert Stewart went on a rampage").
  for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
    const EntityRef* cand = *it;
    for (size_t t = cand->last + 1; t < m.trigger; ++t) {
      if (light_verbs.count(s.tokens[t].lower) > 0) return cand;
    }
  }
  return nullptr;
}

bool ComplementOfNoun(const SentenceView& s, const PatternMatch& m, const EntityRef& object) {
  size_t end = std::max(m.last, m.trigger);
  if (object.first <= end) return true;  // inside the matched phrase ("{attack} ~3 police")
  bool across_punct = std::any_of(s.tokens.begin() + end + 1, s.tokens.begin() + object.first,
                                  [](const WordToken& t) { return t.punct; });
  return !across_punct && object.first <= end + 4;
}

bool SharesEarlierSubject(const SentenceView& s, const PatternMatch& m, size_t clause_begin, const EntityRef& earlier) {
  // "Police said Durr stabbed Davis": the one who reports is not the one who acts.
  for (size_t t = earlier.last + 1; t < m.trigger; ++t) {
    if (IsReportingVerb(s.tokens[t].lower)) return false;
  }
  // "..., a week after a bomb killed 20": a clause with a subject of its own shares none.
  static const WordSet kOwnSubject = {"a",         "an",       "the",    "this",   "these", "those",
                                      "thousands", "hundreds", "dozens", "scores", "many"};
  for (size_t t = clause_begin; t < m.trigger; ++t) {
    if (kOwnSubject.count(s.tokens[t].lower)) return false;
  }
  return true;
}

}  // namespace eventmill::code::word_order
