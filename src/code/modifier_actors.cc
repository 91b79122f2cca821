#include "code/modifier_actors.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace eventmill::code {

std::vector<Span> RoleWordsAsModifiers(const Document& doc, const SentenceView& s) {
  std::vector<Span> out;
  if (s.index >= doc.sentences.size() || !doc.sentences[s.index].parsed) return out;
  const Sentence& sent = doc.sentences[s.index];
  auto held_by_actor = [&](const Span& word) {
    return std::any_of(s.entities.begin(), s.entities.end(),
                       [&](const EntityRef& r) { return CanAct(*r.entity) && r.entity->span.Contains(word); });
  };
  for (const EntityRef& r : s.entities) {
    const Entity& e = *r.entity;
    if (!e.actor || e.type == EntityType::kCountry || e.type == EntityType::kPerson) continue;
    // A role term alone: no country named in it ("Kenyan troops" names Kenya's).
    if (e.place || e.actor->role.empty()) continue;
    uint32_t word = UINT32_MAX;
    for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
      if (!e.span.Overlaps(doc.tokens[i].span)) continue;
      if (word != UINT32_MAX) {  // more than one word: a name, not an adjective
        word = UINT32_MAX;
        break;
      }
      word = i;
    }
    if (word == UINT32_MAX || !e.span.Contains(doc.tokens[word].span)) continue;
    const Token& t = doc.tokens[word];
    if (t.deprel != Deprel::kAmod || t.head < 0) continue;
    const Token& head = doc.tokens[static_cast<size_t>(t.head)];
    if (head.upos != Upos::kNoun || held_by_actor(head.span)) continue;
    out.push_back(e.span);
  }
  return out;
}

namespace {

// The text right before byte `at` ends in `prefix` ("anti-"), which starts a word.
bool PrefixBefore(std::string_view text, uint32_t at, std::string_view prefix) {
  if (at < prefix.size() || at > text.size()) return false;
  size_t from = at - prefix.size();
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(text[from + k])) != prefix[k]) return false;
  }
  return from == 0 || !std::isalpha(static_cast<unsigned char>(text[from - 1]));
}

}  // namespace

std::vector<Span> StanceModifiers(const Document& doc, const SentenceView& s) {
  std::vector<Span> out;
  for (const EntityRef& r : s.entities) {
    const Entity& e = *r.entity;
    if (e.type != EntityType::kCountry) continue;
    if (PrefixBefore(doc.text, e.span.begin, "anti-") || PrefixBefore(doc.text, e.span.begin, "pro-") ||
        PrefixBefore(doc.text, e.span.begin, "ethnic ")) {
      out.push_back(e.span);
    }
  }
  return out;
}

std::string ModifierCountry(const Document& doc, const SentenceView& s, uint32_t word) {
  if (s.index >= doc.sentences.size() || !doc.sentences[s.index].parsed || word >= doc.tokens.size()) return "";
  const Sentence& sent = doc.sentences[s.index];
  const Span& head = doc.tokens[word].span;
  const std::vector<Span> stance = StanceModifiers(doc, s);
  // "led" modifying the word ("Vietnamese-led forces" parsed with "Vietnamese" under "led",
  // "forces led by X"): what hangs from it counts as the word's modifier.
  auto leads_word = [&](int32_t h) {
    if (h < static_cast<int32_t>(sent.token_begin) || h >= static_cast<int32_t>(sent.token_end)) return false;
    const Token& l = doc.tokens[h];
    return l.head == static_cast<int32_t>(word) && l.lemma == "lead" && (l.deprel == Deprel::kAmod || l.deprel == Deprel::kAcl);
  };
  for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
    const Token& t = doc.tokens[i];
    bool modifier = t.head == static_cast<int32_t>(word) &&
                    (t.deprel == Deprel::kAmod || t.deprel == Deprel::kCompound || t.deprel == Deprel::kNmodPoss);
    if (!modifier && !(t.deprel != Deprel::kPunct && leads_word(t.head))) continue;
    for (const EntityRef& r : s.entities) {
      const Entity& e = *r.entity;
      if (e.type != EntityType::kCountry || !e.span.Overlaps(t.span) || e.span.Overlaps(head)) continue;
      if (std::find(stance.begin(), stance.end(), e.span) != stance.end()) continue;
      // "US-backed", "Russian-speaking": the hyphen joins the country to what it does to the noun.
      if (e.span.end < doc.text.size() && doc.text[e.span.end] == '-') {
        std::string_view rest = std::string_view(doc.text).substr(e.span.end + 1, 4);
        bool led = rest.size() >= 3 && (rest.substr(0, 3) == "led" || rest.substr(0, 3) == "Led") &&
                   (rest.size() == 3 || !std::isalpha(static_cast<unsigned char>(rest[3])));
        if (!led) continue;
      }
      std::string cc = e.place ? e.place->country : e.actor ? e.actor->country : "";
      if (cc.size() == 2) return cc;
    }
  }
  // "forces loyal to President X": whose they are is whom they are loyal to.
  for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
    const Token& t = doc.tokens[i];
    if (t.head != static_cast<int32_t>(word) || t.lemma != "loyal") continue;
    for (uint32_t k = sent.token_begin; k < sent.token_end; ++k) {
      const Token& o = doc.tokens[k];
      if (o.head != static_cast<int32_t>(i) || (o.deprel != Deprel::kObl && o.deprel != Deprel::kNmod)) continue;
      for (const EntityRef& r : s.entities) {
        const Entity& e = *r.entity;
        if (!e.span.Overlaps(o.span)) continue;
        std::string cc = e.actor && !e.actor->country.empty() ? e.actor->country : e.place ? e.place->country : "";
        if (cc.size() == 2) return cc;
      }
    }
  }
  return "";
}

bool IsPartisanNoun(std::string_view lemma) {
  static constexpr std::string_view kPartisans[] = {"supporter", "loyalist", "follower", "partisan",
                                                    "backer",    "sympathizer", "sympathiser", "devotee"};
  return std::find(std::begin(kPartisans), std::end(kPartisans), lemma) != std::end(kPartisans);
}

}  // namespace eventmill::code
