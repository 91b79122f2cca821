// The story pass: what holds for the whole article before any sentence is read: its entities in
// order, its main place, the country its story happens in (private persons and "the victim" take
// it) and the alpha-3 codes of its actors' countries.
#include <algorithm>
#include <map>
#include <utility>

#include "code/passes/passes.h"

namespace eventmill::code {
namespace {

// The country most of the article's actors belong to, and its alpha-3 code.
std::pair<std::string, std::string> PersonCountry(const std::vector<const Entity*>& entities) {
  std::map<std::string, std::pair<int, std::string>> tally;
  for (const Entity* e : entities) {
    if (!e->actor || e->actor->country.empty() || e->actor->code.size() < 3) continue;
    auto& t = tally[e->actor->country];
    ++t.first;
    t.second = e->actor->code.substr(0, 3);
  }
  int best = 0;
  std::pair<std::string, std::string> out;
  for (auto& [cc, t] : tally) {
    if (t.first > best) {
      best = t.first;
      out = {cc, t.second};
    }
  }
  return out;
}

}  // namespace

DocumentState StartStory(const CoderData& data, Document& doc) {
  DocumentState d;
  d.doc = &doc;
  d.ctx.doc = &doc;
  for (const auto& e : doc.entities) d.ctx.entities.push_back(&e);
  std::stable_sort(d.ctx.entities.begin(), d.ctx.entities.end(),
                   [](const Entity* a, const Entity* b) { return a->span.begin < b->span.begin; });
  d.main_place = MainPlace(doc, d.ctx.entities);
  auto [person_country, person_alpha3] = PersonCountry(d.ctx.entities);
  // The story's country: its main place's, else the one most of its actors belong to.
  d.story_country = d.main_place && !d.main_place->place.country.empty() ? d.main_place->place.country : person_country;
  d.story_alpha3 = d.story_country == person_country ? person_alpha3 : "";
  if (d.story_alpha3.empty() && !d.story_country.empty()) d.story_alpha3 = std::string(data.Alpha3(d.story_country));
  if (d.story_alpha3.empty()) d.story_country.clear();
  // Alpha-3 codes of the countries the article's actors belong to.
  for (const Entity* e : d.ctx.entities) {
    if (e->actor && !e->actor->country.empty() && e->actor->code.size() >= 3 && e->actor->code.compare(0, 3, "IGO") != 0) {
      d.alpha3_of.emplace(e->actor->country, e->actor->code.substr(0, 3));
    }
  }
  d.title_start = doc.title.substr(0, std::min<size_t>(doc.title.size(), 30));
  return d;
}

}  // namespace eventmill::code
