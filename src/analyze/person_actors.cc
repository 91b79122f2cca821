#include "analyze/person_actors.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "lexicon/lexicon_impl.h"

namespace eventmill::analyze {
namespace {

// Lower case, words split at spaces and hyphens kept ("secretary-general"); a final dot cut.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
    if (!w.empty()) out.push_back(std::move(w));
    w.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      flush();
    } else {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  flush();
  return out;
}

std::string Join(const std::vector<std::string>& w, size_t from, size_t to) {
  std::string s;
  for (size_t k = from; k < to; ++k) s += (k > from ? " " : "") + w[k];
  return s;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<PersonRoleTable> PersonRoleTable::Load(const DataFiles& files) {
  static constexpr std::string_view kFile = "actors/titles.txt";
  EM_ASSIGN_OR_RETURN(std::string text, files.Read(kFile));
  PersonRoleTable t;
  EM_RETURN_IF_ERROR(ForEachDataLine(text, [&](int line, std::string_view l) -> Status {
    size_t bar = l.find('|');
    if (bar == std::string_view::npos) return DataError(files.PathOf(kFile), line, "expected 'titles | ROLE | kind'");
    std::string_view rest = l.substr(bar + 1);
    std::string role(Trim(rest.substr(0, rest.find('|'))));
    if (role.empty()) return DataError(files.PathOf(kFile), line, "empty CAMEO role");
    std::string_view titles = l.substr(0, bar);
    while (!titles.empty()) {
      size_t semi = titles.find(';');
      std::vector<std::string> w = Words(Trim(titles.substr(0, semi)));
      titles = semi == std::string_view::npos ? std::string_view() : titles.substr(semi + 1);
      if (w.empty()) continue;
      t.longest_words = std::max(t.longest_words, w.size());
      t.roles.emplace(Join(w, 0, w.size()), role);
    }
    return Status::Ok();
  }));
  return t;
}

std::string PersonRoleTable::CameoRole(std::string_view role_text) const {
  while (!role_text.empty()) {
    size_t comma = role_text.find(", ");
    std::vector<std::string> w = Words(role_text.substr(0, comma));
    role_text = comma == std::string_view::npos ? std::string_view() : role_text.substr(comma + 2);
    // The head is the role's last word: the longest title its last words make.
    for (size_t n = std::min(w.size(), longest_words); n > 0; --n) {
      auto it = roles.find(Join(w, w.size() - n, w.size()));
      if (it != roles.end()) return it->second;
    }
  }
  return std::string();
}

// The last word of a person's name ("Saakashvili" of "Mikheil Saakashvili").
static std::string_view Surname(std::string_view name) {
  size_t sp = name.rfind(' ');
  return sp == std::string_view::npos ? name : name.substr(sp + 1);
}

namespace {

// "the city's deputy mayor", "the country's president": the country of the place named last
// before the role (a place or a country entity), when the role stands after "the NOUN's" and the
// noun is a kind of place; "" otherwise.
std::string CountryOfPlaceNamedLast(const Document& doc, Span role) {
  static constexpr std::string_view kPlaceNouns[] = {"city", "town", "village", "country", "nation", "state",
                                                     "province", "region", "capital", "county", "district"};
  std::string_view before = std::string_view(doc.text).substr(0, role.begin);
  for (std::string_view s : {std::string_view("'s "), std::string_view("\u2019s ")}) {
    if (before.size() < s.size() || before.substr(before.size() - s.size()) != s) continue;
    std::string_view head = before.substr(0, before.size() - s.size());
    size_t sp = head.rfind(' ');
    if (sp == std::string_view::npos || sp < 3) return "";
    std::string noun(head.substr(sp + 1));
    for (char& c : noun) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string det(head.substr(sp - 3, 3));
    for (char& c : det) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (det != "the" || std::find(std::begin(kPlaceNouns), std::end(kPlaceNouns), noun) == std::end(kPlaceNouns)) return "";
    std::string country;
    for (const Entity& c : doc.entities) {
      if (c.span.end > sp) break;  // entities are sorted by span
      if ((c.type == EntityType::kPlace || c.type == EntityType::kCountry) && c.place) country = c.place->country;
    }
    return country;
  }
  return "";
}

}  // namespace

void GivePeopleActors(Document& doc, const PersonRoleTable& table, const Lexicon& lexicon) {
  const auto& lex = lexicon.impl();
  // A surname alone is the person of the one full name with an actor that ends in it.
  std::map<std::string_view, const Entity*, std::less<>> by_surname;
  for (const Entity& e : doc.entities) {
    if (e.type != EntityType::kPerson || !e.actor || e.text.find(' ') == std::string::npos) continue;
    auto [it, added] = by_surname.emplace(Surname(e.text), &e);
    if (!added && it->second->actor->code != e.actor->code) it->second = nullptr;  // two people: neither
  }
  std::vector<std::pair<size_t, Actor>> shared;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    if (e.type != EntityType::kPerson || e.actor || e.text.find(' ') != std::string::npos) continue;
    auto it = by_surname.find(std::string_view(e.text));
    if (it == by_surname.end() || !it->second) continue;
    Actor a = *it->second->actor;
    a.text = e.text;
    a.span = e.span;
    shared.emplace_back(i, std::move(a));
  }
  for (auto& [i, a] : shared) doc.entities[i].actor = std::move(a);
  for (Entity& e : doc.entities) {
    if (e.type != EntityType::kPerson || e.actor || e.role.empty()) continue;
    std::string role = table.CameoRole(e.role);
    if (role.empty()) continue;
    // Where the role stands: right before the name or right after it (an apposition).
    std::string_view text = doc.text;
    std::string_view first_role = Trim(std::string_view(e.role).substr(0, e.role.find(", ")));
    Span at{0, 0};
    size_t before = e.span.begin >= first_role.size() + 3 ? e.span.begin - first_role.size() - 3 : 0;
    size_t found = text.substr(0, e.span.begin).rfind(first_role);
    if (found != std::string_view::npos && found >= before) {
      at = Span{static_cast<uint32_t>(found), static_cast<uint32_t>(found + first_role.size())};
    } else {
      // After: ", a former foreign minister", ", the city's deputy mayor" (a possessor between).
      found = text.find(first_role, e.span.end);
      if (found != std::string_view::npos && found <= e.span.end + 32 &&
          text.substr(e.span.end, found - e.span.end).find_first_of(".;:") == std::string_view::npos) {
        at = Span{static_cast<uint32_t>(found), static_cast<uint32_t>(found + first_role.size())};
      }
    }
    // A country or nationality among the role's words, or the possessor right before them
    // ("Kenya's foreign minister": the role read after the possessor).
    std::string country;
    for (const Entity& c : doc.entities) {
      if (c.type != EntityType::kCountry || !c.place || at.empty()) continue;
      const bool inside = c.span.begin >= at.begin && c.span.end <= at.end;
      std::string_view gap = c.span.end <= at.begin ? text.substr(c.span.end, at.begin - c.span.end) : std::string_view("-");
      const bool possessor = gap == "'s " || gap == "\u2019s " || gap == "' ";
      // "the president of Uruguay": the country right after the role.
      std::string_view after = c.span.begin >= at.end ? text.substr(at.end, c.span.begin - at.end) : std::string_view("-");
      const bool of_country = after == " of " || after == " of the ";
      if (inside || possessor || (of_country && c.actor && country.empty())) country = c.place->country;
    }
    if (country.empty() && !at.empty()) country = CountryOfPlaceNamedLast(doc, at);
    Actor a;
    a.text = e.text;
    a.span = e.span;
    a.country = country;
    a.role = role;
    a.code = (country.empty() ? std::string() : std::string(lex.Alpha3(country))) + role;
    a.name = e.canonical;
    e.actor = std::move(a);
  }
}

}  // namespace eventmill::analyze
