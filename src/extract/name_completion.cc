#include "extract/name_completion.h"

#include <vector>

#include "extract/metadata_reader.h"

namespace eventmill::extract {
namespace {

using html::Node;
using html::Tag;

// A capital: ASCII, or a Latin-1 capital (C3 80..9E in UTF-8: "Ä", "É").
bool CapitalAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  const unsigned char c = static_cast<unsigned char>(s[i]);
  return (c >= 'A' && c <= 'Z') ||
         (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
          static_cast<unsigned char>(s[i + 1]) <= 0x9E && s[i + 1] != '\x97');
}

bool NameLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80 || c == '-' || c == '\''; }

// A name word at s[i]: a capital and two or more small letters ("Bates", "Müller-Lüdenscheidt");
// its end, or npos.
size_t NameWordEnd(std::string_view s, size_t i) {
  if (!CapitalAt(s, i)) return std::string_view::npos;
  size_t e = i + (static_cast<unsigned char>(s[i]) == 0xC3 ? 2 : 1);
  while (e < s.size() && NameLetter(static_cast<unsigned char>(s[e]))) ++e;
  if (e - i < 3) return std::string_view::npos;
  // A small letter must follow the capital: "USA" is no name word.
  const unsigned char second = static_cast<unsigned char>(s[i + (static_cast<unsigned char>(s[i]) == 0xC3 ? 2 : 1)]);
  if (!(second >= 'a' && second <= 'z') && second < 0x80) return std::string_view::npos;
  return e;
}

// Whether the name ends its clause at s[e]: the end of the text, or a separator after it
// ("Stefanus Stahl - Maschinenbauer", "Todd Bates, 2019", "Jo Roe (Text)").
bool ClauseEndsAt(std::string_view s, size_t e) {
  while (e < s.size() && s[e] == ' ') ++e;
  if (e == s.size()) return true;
  const unsigned char c = static_cast<unsigned char>(s[e]);
  if (c == ',' || c == '-' || c == '|' || c == '(' || c == ';' || c == '/' || c == '.' || c == ':') return true;
  return c == 0xE2 && e + 2 < s.size() && s[e + 1] == '\x80' && (s[e + 2] == '\x93' || s[e + 2] == '\x94');  // – —
}

bool IsFirstName(std::string_view s) {
  if (s.size() < 3 || !CapitalAt(s, 0)) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!((c >= 'a' && c <= 'z') || c >= 0x80)) return false;
  }
  return NameWordEnd(s, 0) == s.size();
}

bool IsInitials(std::string_view s) {
  if (s.size() < 2 || s.size() > 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// "Todd Bates" in `t` after the first name at `at`: one or two name words that end the clause.
std::string SurnameAfter(std::string_view t, size_t at, size_t first_size) {
  size_t b = at + first_size;
  if (b >= t.size() || t[b] != ' ') return {};
  const size_t e1 = NameWordEnd(t, b + 1);
  if (e1 == std::string_view::npos) return {};
  if (e1 + 1 < t.size() && t[e1] == ' ') {
    const size_t e2 = NameWordEnd(t, e1 + 1);
    if (e2 != std::string_view::npos && ClauseEndsAt(t, e2)) return std::string(t.substr(at, e2 - at));
  }
  return ClauseEndsAt(t, e1) ? std::string(t.substr(at, e1 - at)) : std::string();
}

// The initials of a text that is a name alone ("Donald Townsend" -> "DT"); empty otherwise.
std::string InitialsOfName(std::string_view t) {
  std::string initials;
  size_t b = 0;
  while (b < t.size()) {
    const size_t e = NameWordEnd(t, b);
    if (e == std::string_view::npos || initials.size() == 3) return {};
    initials.push_back(static_cast<unsigned char>(t[b]) == 0xC3 ? '?' : t[b]);
    if (e == t.size()) break;
    if (t[e] != ' ') return {};
    b = e + 1;
  }
  return initials.size() >= 2 ? initials : std::string();
}

bool InScriptOrStyle(const std::vector<Node>& nodes, const Node& nd) {
  const Tag p = nodes[nd.parent].tag;
  return p == Tag::kScript || p == Tag::kStyle || p == Tag::kNoscript || p == Tag::kTemplate;
}

}  // namespace

std::optional<CompletedName> CompleteName(const html::HtmlTree& tree, std::string_view short_name) {
  const bool first_name = IsFirstName(short_name), initials = IsInitials(short_name);
  if (!first_name && !initials) return std::nullopt;
  const std::vector<Node>& nodes = tree.nodes();
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const Node& nd = nodes[i];
    if (nd.tag != Tag::kText || nd.text_size < short_name.size() + 3 || nd.text_size > 400 ||
        InScriptOrStyle(nodes, nd))
      continue;
    const std::string t = CollapseWhitespace(tree.Text(nd));
    if (initials) {
      if (t.size() <= 40 && InitialsOfName(t) == short_name) return CompletedName{t, "from the page's text '" + t + "'"};
      continue;
    }
    for (size_t at = t.find(short_name); at != std::string::npos; at = t.find(short_name, at + 1)) {
      if (at > 0 && NameLetter(static_cast<unsigned char>(t[at - 1]))) continue;
      if (at > 0 && t[at - 1] >= 'A' && t[at - 1] <= 'Z') continue;
      std::string full = SurnameAfter(t, at, short_name.size());
      if (!full.empty()) return CompletedName{full, "from the page's text '" + t.substr(0, 80) + "'"};
    }
  }
  return std::nullopt;
}

}  // namespace eventmill::extract
