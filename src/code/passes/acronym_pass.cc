// The acronym pass: "the United Nations Interim Force in Lebanon (UNIFIL)" defines UNIFIL as the
// long form written before it. An organisation the analyzer found without an actor whose name is
// such an acronym takes the actor of the entity that opens its long form (here the United
// Nations), at every mention, so that "UNIFIL's spokesman, X" speaks for it. The long form is the
// run of words before the parenthesis whose initials spell the acronym, short function words
// ("of", "the", "in") counting when their initial fits and skipped when it does not.
#include <cctype>
#include <map>
#include <string>
#include <string_view>

#include "code/passes/passes.h"

namespace eventmill::code {
namespace {

bool IsAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 10) return false;
  for (char c : w) {
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsFunctionWord(std::string_view w) {
  return w == "of" || w == "the" || w == "in" || w == "for" || w == "and" || w == "on" || w == "to" || w == "de";
}

// The byte where the long form of `acronym`, written right before `open` (the "("), begins; npos
// when the words there do not spell it.
size_t LongFormBegin(std::string_view text, size_t open, std::string_view acronym) {
  size_t end = open;
  int letter = static_cast<int>(acronym.size()) - 1;
  size_t begin = std::string_view::npos;
  for (int words = 0; words < 16 && letter >= 0; ++words) {
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t start = end;
    while (start > 0 && (std::isalpha(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '-')) --start;
    if (start == end) return std::string_view::npos;  // punctuation: the long form is broken
    std::string_view word = text.substr(start, end - start);
    char initial = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    if (initial == acronym[letter]) {
      --letter;
      begin = start;
    } else if (!IsFunctionWord(word)) {
      return std::string_view::npos;
    }
    end = start;
  }
  return letter < 0 ? begin : std::string_view::npos;
}

}  // namespace

void ExpandAcronyms(Document& doc) {
  std::map<std::string, Actor> defined;  // acronym -> the actor of its long form
  for (const Entity& e : doc.entities) {
    if (e.type != EntityType::kOrg || (e.actor && !e.actor->code.empty()) || !IsAcronym(e.text)) continue;
    if (defined.count(e.text)) continue;
    size_t at = doc.text.find("(" + e.text + ")");
    if (at == std::string::npos) continue;
    size_t begin = LongFormBegin(doc.text, at, e.text);
    if (begin == std::string::npos) continue;
    for (const Entity& o : doc.entities) {
      if (o.span.begin == begin && o.span.end <= at && o.actor && !o.actor->code.empty()) {
        defined[e.text] = *o.actor;
        break;
      }
    }
  }
  if (defined.empty()) return;
  for (Entity& e : doc.entities) {
    if (e.type != EntityType::kOrg || (e.actor && !e.actor->code.empty())) continue;
    auto it = defined.find(e.text);
    if (it == defined.end()) continue;
    Actor a = it->second;
    a.text = e.text;
    a.span = e.span;
    e.actor = a;
  }
}

}  // namespace eventmill::code
