#include "extract/attribution_finder.h"

#include <algorithm>
#include <cctype>

#include "extract/byte_pair_filter.h"

namespace eventmill::extract {
namespace {

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

std::string_view TrimPunct(std::string_view s) {
  auto junk = [](char c) {
    return c == ' ' || c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
           c == '\'' || c == '*' || c == '[' || c == ']' || c == '\n';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

void AddUnique(std::vector<std::string>* out, std::string s) {
  if (!s.empty() && std::find(out->begin(), out->end(), s) == out->end()) out->push_back(std::move(s));
}

// Labels that open an attribution line, lower case, without the colon.
constexpr std::string_view kSourceLabels[] = {
    "source", "sources", "source(s)", "quelle", "quellen", "fuente", "fuentes", "fonte", "bron",
    "источник", "источники", "джерело", "Источник", "Источники", "Джерело", "with inputs from", "inputs from", "(with inputs from",
    "with agency inputs", "agencies", "credit", "via"};

// Strings an agency name may stand next to to be credited (lower-case matching on the context).
constexpr std::string_view kAfter[] = {" reported", " reports", " said", " says", " contributed",
                                       " news agency", " quoted", " cited", " wrote", " added",
                                       " was told", " reporting", " meldet", " berichtet", " berichtete"};
constexpr std::string_view kBefore[] = {"according to ", "told ", "cited by ", "quoted by ", "reported by ",
                                        "via ", "laut ", "selon ", "segun ", "según ", "to the "};

}  // namespace


std::string AttributionFinder::AgencyNamed(std::string_view name) const {
  for (const Agency& a : data_.agencies())
    for (const std::string& alias : a.aliases)
      if (name == alias) return a.name;
  return {};
}

void AttributionFinder::FindCues(std::string_view text, bool lead, std::vector<std::string>* out) const {
  // Most aliases are not in the paragraph: one pass over it rules them out without a search each.
  thread_local BytePairFilter pairs;
  pairs.Reset(text);
  for (const Agency& a : data_.agencies()) {
    for (const std::string& alias : a.aliases) {
      if (!pairs.MayContain(alias)) continue;
      size_t pos = 0;
      while ((pos = text.find(alias, pos)) != std::string_view::npos) {
        size_t end = pos + alias.size();
        bool word = (pos == 0 || !IsWordByte(text[pos - 1])) && (end >= text.size() || !IsWordByte(text[end]));
        if (!word) {
          pos = end;
          continue;
        }
        const char before = pos > 0 ? text[pos - 1] : 0;
        const char after = end < text.size() ? text[end] : 0;
        bool credited = false;
        // (Reuters) - / (AFP) — in the lead; "/TASS/"
        if (before == '(' && after == ')' && lead) credited = true;
        if (before == '/' && after == '/') credited = true;
        // "... — TASS" / "- AFP" closing a paragraph
        if (!credited) {
          std::string_view tail = text.substr(end);
          while (!tail.empty() && (tail.front() == ' ' || tail.front() == '.' || tail.front() == ')')) tail.remove_prefix(1);
          std::string_view head = text.substr(0, pos);
          while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
          bool dash = head.size() >= 1 && (head.back() == '-' || (head.size() >= 3 && (head.substr(head.size() - 3) == "—" || head.substr(head.size() - 3) == "–")));
          if (tail.empty() && dash) credited = true;
        }
        if (!credited) {
          std::string rest = AsciiLower(text.substr(end, 24));
          for (std::string_view cue : kAfter)
            if (rest.compare(0, cue.size(), cue) == 0) credited = true;
          std::string prev = AsciiLower(text.substr(pos >= 24 ? pos - 24 : 0, pos >= 24 ? 24 : pos));
          for (std::string_view cue : kBefore)
            if (prev.size() >= cue.size() && prev.compare(prev.size() - cue.size(), cue.size(), cue) == 0) credited = true;
        }
        if (credited) AddUnique(out, a.name);
        pos = end;
      }
    }
  }
}

Attribution AttributionFinder::Find(const std::vector<std::string_view>& paragraphs) const {
  Attribution result;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    std::string_view para = paragraphs[p];
    // "Source: RT, RIA Novosti" -- a short line that only credits.
    if (para.size() < 160) {
      size_t colon = para.find(':');
      std::string label = colon != std::string_view::npos ? AsciiLower(TrimPunct(para.substr(0, colon))) : "";
      bool is_label = false;
      for (std::string_view l : kSourceLabels)
        if (label == l || label == std::string(l).substr(l.front() == '(' ? 1 : 0)) is_label = true;
      if (is_label && colon + 1 < para.size()) {
        std::string_view rest = para.substr(colon + 1);
        std::vector<std::string> names;
        bool all_names = true;
        while (!rest.empty()) {
          size_t cut = rest.find_first_of(",;/&");
          std::string_view item = rest.substr(0, cut);
          rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
          // " and " / " und " also separate
          for (std::string_view sep : {std::string_view(" and "), std::string_view(" und "), std::string_view(" et ")}) {
            size_t a = item.find(sep);
            if (a != std::string_view::npos) {
              std::string_view first = TrimPunct(item.substr(0, a));
              if (!first.empty()) names.emplace_back(first);
              item = item.substr(a + sep.size());
            }
          }
          item = TrimPunct(item);
          if (item.empty()) continue;
          std::string agency = AgencyNamed(item);
          size_t words = std::count(item.begin(), item.end(), ' ') + 1;
          if (!agency.empty()) {
            names.push_back(agency);
          } else if (words <= 4 && (std::isupper(static_cast<unsigned char>(item.front())) ||
                                    static_cast<unsigned char>(item.front()) >= 0x80) &&
                     item.find("://") == std::string_view::npos) {
            names.emplace_back(item);
          } else {
            all_names = false;
          }
        }
        if (all_names && !names.empty()) {
          for (std::string& n : names) {
            std::string a = AgencyNamed(n);
            AddUnique(&result.sources, a.empty() ? n : a);
          }
          result.attribution_lines.push_back(p);
          continue;
        }
      }
    }
    FindCues(para, /*lead=*/p < 3 || p + 1 == paragraphs.size(), &result.sources);
  }
  return result;
}

}  // namespace eventmill::extract
