#include "code/sentence_view.h"

#include <algorithm>
#include <unordered_set>

#include "text/grammar_words.h"

namespace eventmill::code {
namespace {

const std::unordered_set<std::string>& ClauseOpeners() {
  static const auto kWords = text::grammar::GrammarWords<std::unordered_set<std::string>>(
      {text::grammar::kSubordinators, text::grammar::kRelatives}, {"whereas", "but", "whenever", "unless", "if"});
  return kWords;
}

// Reporting verbs end a clause: "police said 13 were arrested" reports an arrest whose target
// is not the police.
const std::unordered_set<std::string>& ReportingVerbs() {
  static const std::unordered_set<std::string> kWords = {
      "said",    "says",    "say",   "saying",  "told",     "tells",    "added",   "stated",
      "reported", "announced", "claimed", "confirmed", "insisted", "noted", "explained", "according",
      "declared", "warned", "believe", "believed", "suggested", "suggest"};
  return kWords;
}

}  // namespace

bool IsReportingVerb(const std::string& w) { return ReportingVerbs().count(w) > 0; }

bool CanAct(const Entity& e) {
  if (e.actor && !e.actor->empty()) return true;
  if (e.type == EntityType::kPerson) return true;  // a private person: role from the event (slot_roles.tsv)
  return e.type == EntityType::kCountry && e.place && !e.place->country.empty();
}

bool IsPlace(const Entity& e) {
  return (e.type == EntityType::kPlace || e.type == EntityType::kCountry) && e.place && !e.place->name.empty();
}

size_t SentenceView::ClauseBegin(size_t t) const {
  if (t >= clause.size()) return tokens.size();
  while (t > 0 && clause[t - 1] == clause[t]) --t;
  return t;
}

size_t SentenceView::ClauseEnd(size_t t) const {
  if (t >= clause.size()) return tokens.size();
  while (t + 1 < clause.size() && clause[t + 1] == clause[t]) ++t;
  return t + 1;
}

std::vector<const EntityRef*> SentenceView::EntitiesIn(size_t from, size_t to) const {
  std::vector<const EntityRef*> out;
  for (const auto& e : entities) {
    if (e.first >= from && e.last < to) out.push_back(&e);
  }
  return out;
}

bool SentenceView::AsideFrom(size_t t, size_t trigger) const {
  for (const auto& [a, b] : asides) {
    if (t >= a && t < b) return !(trigger >= a && trigger < b);
  }
  return false;
}

size_t SentenceView::TokenAt(uint32_t b) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), b,
                             [](const WordToken& t, uint32_t x) { return t.span.end <= x; });
  return static_cast<size_t>(it - tokens.begin());
}

SentenceView BuildSentenceView(const Document& doc, size_t index, const std::vector<const Entity*>& entities) {
  SentenceView v;
  v.index = index;
  v.span = doc.sentences[index].span;
  v.tokens = SentenceWords(doc, doc.sentences[index]);
  v.clause.assign(v.tokens.size(), 0);
  int c = 0;
  size_t aside_end = 0;  // tokens before this are inside an aside
  for (size_t i = 0; i < v.tokens.size(); ++i) {
    const std::string& w = v.tokens[i].lower;
    bool after_comma = i > 0 && v.tokens[i - 1].lower == ",";
    // ", who spent years as a fugitive, was released": the relative clause is an aside when a
    // comma closes it and the sentence goes on.
    if (i >= aside_end && after_comma && (text::grammar::IsIn(text::grammar::kRelativePronouns, w) || w == "whose")) {
      size_t j = i + 1;
      while (j < v.tokens.size() && v.tokens[j].lower != "," && v.tokens[j].lower != ";" && v.tokens[j].lower != ":" &&
             v.tokens[j].lower != "\"" && v.tokens[j].lower != "(" && v.tokens[j].lower != "-") {
        ++j;
      }
      if (j + 1 < v.tokens.size() && v.tokens[j].lower == "," && !v.tokens[j + 1].punct) {
        v.asides.push_back({i, j});
        aside_end = j + 1;
      }
    }
    if (i < aside_end) {
      v.clause[i] = c;
      continue;
    }
    if (w == ";" || w == ":" || w == "\"" || w == "(" || w == ")" || w == "-" ||
        (i > 0 && ClauseOpeners().count(w)) ||
        (after_comma && (w == "and" || w == "or" || w == "as" || w == "while" || w == "then")) ||
        (i > 0 && ReportingVerbs().count(v.tokens[i - 1].lower))) {
      ++c;
    }
    v.clause[i] = c;
  }
  // Entities inside the sentence, mapped to tokens.
  auto lo = std::lower_bound(entities.begin(), entities.end(), v.span.begin,
                             [](const Entity* e, uint32_t b) { return e->span.begin < b; });
  for (auto it = lo; it != entities.end() && (*it)->span.begin < v.span.end; ++it) {
    const Entity* e = *it;
    if (e->span.end > v.span.end) continue;
    EntityRef ref;
    ref.entity = e;
    ref.first = v.TokenAt(e->span.begin);
    if (ref.first >= v.tokens.size()) continue;
    ref.last = ref.first;
    while (ref.last + 1 < v.tokens.size() && v.tokens[ref.last + 1].span.begin < e->span.end) ++ref.last;
    if (ref.first > 0) ref.before = v.tokens[ref.first - 1].lower;
    // "the Kazakh Interior Ministry": look past a determiner for the governing word.
    if ((ref.before == "the" || ref.before == "a") && ref.first > 1) ref.before = v.tokens[ref.first - 2].lower;
    v.entities.push_back(std::move(ref));
  }
  return v;
}

}  // namespace eventmill::code
