// BoilerplateScorer: finds the main text of a page in its HtmlTree, without menus, teasers,
// share bars, comment sections and the like.
//
// How: the page is cut into text blocks (the inline text under one block-level element). Each
// block gets a weight from its length and link density: long, low-link text is content; link lists
// and short fragments are boilerplate. Class/id hints (data/extract/page_hints.txt), semantic tags
// (<nav>, <aside>, <footer>, forms with inputs) and hidden elements remove whole subtrees, unless
// such a subtree holds most of the page's paragraph text. The container is the element whose
// subtree has the greatest total weight (deepest on ties); its siblings with enough weight of their
// own join it (articles split across <div>s); inside it, sections with negative weight and no
// real paragraph are pruned. Linear in the number of nodes.
//
// Teasers by their shape, whatever their class names: a "link headline" is a block that is all
// link and reads as a title (3+ words, not the page's <h1>; custom elements with an href count as
// links); a teaser card is the largest element around one link headline with at most a
// summary's worth of paragraph text after it. An element whose paragraph text is all in two or
// more cards is a teaser list (soft-dropped like hinted boilerplate); a lone card after the last
// real paragraph of the story's core (the element directly holding most of its paragraphs) is
// pruned. The lead: from the first kept block upwards, paragraphs in the article header (and
// headings that read as a standfirst: a sentence, or 15+ words) join, at most two, passing over
// bylines, dates and removed share bars; the <h1>, a link list, a long removed stretch or leaving
// the article's column ends the walk. A heading whose section was cut (mostly links) goes, and so
// does a trailing heading unless it reads as a sentence (a pull quote).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/extract_data.h"
#include "extract/html/html_tree.h"

namespace eventmill::extract {

enum class BlockKind : uint8_t { kParagraph, kHeading, kListItem, kQuote, kPre, kTableRow, kOther };

struct ContentBlock {
  std::string text;         // whitespace collapsed; '\n' for <br>; "\n\n" between <br><br> parts
  BlockKind kind = BlockKind::kParagraph;
  int heading_level = 0;    // 1..6 for kHeading
  uint32_t node = 0;        // the block-level element that owns the text
  uint32_t text_chars = 0;  // bytes of text (without spaces)
  uint32_t link_chars = 0;  // of which inside <a>
  // Text of the page's blocks left out between this block and the next one kept (bytes without
  // spaces), and how much of it was links: a heading over a cut link list introduced boilerplate.
  uint32_t cut_chars_after = 0;
  uint32_t cut_link_chars_after = 0;
};

struct ScorerOptions {
  // Blocks at least this long (bytes, without links) count as real paragraphs.
  uint32_t min_paragraph_chars = 150;
};

class BoilerplateScorer {
 public:
  // `data` must outlive the scorer.
  explicit BoilerplateScorer(const ExtractData& data, ScorerOptions options = {})
      : data_(data), options_(options) {}

  // The main-text blocks of the page, in document order. Empty when the page has no text.
  // Thread-safe (const).
  std::vector<ContentBlock> FindMainText(const html::HtmlTree& tree) const;

 private:
  const ExtractData& data_;
  ScorerOptions options_;
};

}  // namespace eventmill::extract
