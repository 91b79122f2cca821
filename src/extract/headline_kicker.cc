#include "extract/headline_kicker.h"

#include <cctype>
#include <vector>

#include "extract/metadata_reader.h"

namespace eventmill::extract {
namespace {

using html::Node;
using html::Tag;

size_t WordCount(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// Whether a piece holds letters or digits at all (": ", " – ", " | " do not).
bool HasWordChars(const std::string& s) {
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) return true;
    // Non-ASCII letters; U+2000..U+206F (dashes, quotation marks) are punctuation.
    if (u >= 0xC3 && u < 0xE2) return true;
    if (u > 0xE2) return true;
  }
  return false;
}

// How a headline opens: a capital, a digit, a quotation mark or any non-ASCII letter ("Ä", "„",
// "«"); not a small ASCII letter, which continues a sentence the first piece began.
bool OpensLikeHeadline(const std::string& s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c >= 0x80;
}

}  // namespace

std::optional<KickerSplit> SplitKicker(const html::HtmlTree& tree, uint32_t h1) {
  const std::vector<Node>& nodes = tree.nodes();
  if (h1 >= nodes.size()) return std::nullopt;
  struct Piece {
    std::string text;
    uint32_t at = 0;
    bool element = false;
  };
  std::vector<Piece> pieces;
  // The pieces of the <h1>, or of the one element that wraps all of its text (a link).
  for (uint32_t parent = h1, depth = 0; depth < 3; ++depth) {
    pieces.clear();
    for (uint32_t k = parent + 1; k < nodes[parent].end && pieces.size() < 8; k = nodes[k].end > k ? nodes[k].end : k + 1) {
      const Node& child = nodes[k];
      std::string text;
      if (child.tag == Tag::kText) {
        text = CollapseWhitespace(tree.Text(child));
      } else {
        if (child.tag == Tag::kBr || child.tag == Tag::kImg || child.tag == Tag::kScript || child.tag == Tag::kStyle)
          continue;
        tree.AppendAllText(k, &text);
        text = CollapseWhitespace(text);
      }
      if (text.empty()) continue;
      pieces.push_back({std::move(text), k, child.tag != Tag::kText});
    }
    if (pieces.size() != 1 || !pieces[0].element) break;
    parent = pieces[0].at;
  }
  if (pieces.size() < 2 || !pieces[0].element || !HasWordChars(pieces[0].text)) return std::nullopt;
  std::string rest;
  for (size_t p = 1; p < pieces.size(); ++p) {
    const std::string& t = pieces[p].text;
    if (rest.empty() && !HasWordChars(t)) continue;  // the separator after the kicker
    if (!rest.empty() && t.find_first_of(",.;:!?") != 0) rest += ' ';
    rest += t;
  }
  KickerSplit out{pieces[0].text, CollapseWhitespace(rest)};
  const size_t kicker_words = WordCount(out.kicker), headline_words = WordCount(out.headline);
  if (headline_words < 2 || kicker_words > headline_words || !OpensLikeHeadline(out.headline)) return std::nullopt;
  return out;
}

}  // namespace eventmill::extract
