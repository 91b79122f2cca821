// The common-actor pass: common-noun actors of a sentence ("the suspect", "a gunman", "a
// 16-year-old", from data/patterns/common_actors.cues) where the analyzer found no entity. They
// join the sentence's view and the article's entities (for back-references), with the story's
// country or the one of a demonym right before them.
#include <algorithm>
#include <utility>

#include "code/passes/passes.h"

namespace eventmill::code {
namespace {

// Longest first, then leftmost.
void LongestFirst(std::vector<PatternMatch>& found) {
  std::stable_sort(found.begin(), found.end(), [](const PatternMatch& a, const PatternMatch& b) {
    return a.last - a.first != b.last - b.first ? a.last - a.first > b.last - b.first : a.first < b.first;
  });
}

// "suspect Phillip Conner", "16-year-old boy", "victim's": the match only modifies what follows.
bool ModifiesNext(const SentenceView& s, const PatternMatch& m, const std::vector<PatternMatch>& found) {
  size_t next = m.last + 1;
  if (next >= s.tokens.size() || s.tokens[next].punct) return false;
  bool names = std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& r) { return r.first == next; }) ||
               std::any_of(found.begin(), found.end(), [&](const PatternMatch& o) { return o.first == next; });
  const std::string& w = s.tokens[next].lower;
  return names || w == "'s" || w == "'";
}

// The entity of a common actor, with the country of a place right before it ("the Turkish
// president", "Palestinian children"), else the story's.
Entity CommonEntity(const CoderData& data, const DocumentState& d, const SentenceView& s, const PatternMatch& m) {
  std::string cc = d.story_country, a3 = d.story_alpha3;
  for (const EntityRef& r : s.entities) {
    if (r.last + 1 != m.first || !IsPlace(*r.entity) || r.entity->place->country.empty()) continue;
    std::string_view x = data.Alpha3(r.entity->place->country);
    if (!x.empty()) {
      cc = r.entity->place->country;
      a3 = std::string(x);
    }
  }
  Entity e;
  e.span = {s.tokens[m.first].span.begin, s.tokens[m.last].span.end};
  e.text = std::string(d.doc->text.substr(e.span.begin, e.span.end - e.span.begin));
  e.kind = "common";
  const std::string& role = m.pattern->role;
  if (role == "person") {
    e.type = EntityType::kPerson;
  } else {
    e.type = EntityType::kGroup;
    e.actor = Actor{.text = e.text, .span = e.span, .code = a3 + role, .country = cc, .role = role, .name = e.text};
  }
  return e;
}

}  // namespace

void AddCommonActors(const CoderData& data, DocumentState& d, SentenceState& st) {
  if (data.common_actors.size() == 0) return;
  SentenceView& s = st.s;
  std::vector<PatternMatch> found = data.common_actors.MatchAll(s.tokens);
  if (found.empty()) return;
  LongestFirst(found);  // overlapping shorter matches are dropped
  std::vector<std::pair<size_t, size_t>> taken;
  auto in_entity = [&](size_t t) {
    return std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityRef& r) { return r.first <= t && t <= r.last; });
  };
  for (const PatternMatch& m : found) {
    bool overlap = false;
    for (auto [a, b] : taken) overlap = overlap || (m.first <= b && a <= m.last);
    if (overlap) continue;
    bool inside = false;
    for (size_t t = m.first; t <= m.last; ++t) inside = inside || in_entity(t);
    if (inside || ModifiesNext(s, m, found)) continue;
    taken.push_back({m.first, m.last});
    d.common_entities.push_back(CommonEntity(data, d, s, m));
    const Entity* ptr = &d.common_entities.back();
    EntityRef ref;
    ref.entity = ptr;
    ref.first = m.first;
    ref.last = m.last;
    if (m.first > 0) ref.before = s.tokens[m.first - 1].lower;
    if ((ref.before == "the" || ref.before == "a" || ref.before == "an") && m.first > 1) {
      ref.before = s.tokens[m.first - 2].lower;
    }
    auto at = std::lower_bound(s.entities.begin(), s.entities.end(), ref.first,
                               [](const EntityRef& r, size_t f) { return r.first < f; });
    s.entities.insert(at, std::move(ref));
    auto cat = std::lower_bound(d.ctx.entities.begin(), d.ctx.entities.end(), ptr->span.begin,
                                [](const Entity* x, uint32_t b) { return x->span.begin < b; });
    d.ctx.entities.insert(cat, ptr);
  }
}

}  // namespace eventmill::code
