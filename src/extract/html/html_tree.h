// HtmlTree: a compact, read-only element tree of an HTML5 page, built by a real HTML5 parser
// (myhtml, Debian libmodest). This is the only interface the rest of extract sees; the parser
// library is included by html_tree.cc alone.
//
// Nodes are stored in document (pre-)order in one vector, so "all descendants of n" is the index
// range (n, n.end) and a bottom-up pass is a reverse loop. Texts and attribute values live in one
// character buffer owned by the tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::extract::html {

// The tags extraction cares about; everything else is kOther (custom elements included).
enum class Tag : uint8_t {
  kOther, kText, kDocument,
  kHtml, kHead, kBody, kTitle, kMeta, kLink, kBase,
  kScript, kStyle, kNoscript, kTemplate, kSvg, kMath, kIframe, kObject, kEmbed, kCanvas,
  kVideo, kAudio, kPicture, kSource, kImg, kMap, kArea,
  kFigure, kFigcaption,
  kA, kP, kBr, kHr, kH1, kH2, kH3, kH4, kH5, kH6,
  kUl, kOl, kLi, kDl, kDt, kDd, kBlockquote, kQ, kPre, kCode,
  kTable, kThead, kTbody, kTfoot, kTr, kTd, kTh, kCaption,
  kDiv, kSpan, kSection, kArticle, kMain, kHeader, kFooter, kNav, kAside, kAddress,
  kForm, kInput, kButton, kSelect, kOption, kTextarea, kLabel, kFieldset, kLegend,
  kTime, kEm, kStrong, kB, kI, kU, kSmall, kSub, kSup, kMark, kAbbr, kCite, kFont, kCenter,
  kDetails, kSummary, kDialog, kMenu,
};

std::string_view TagName(Tag tag);

struct Attribute {
  uint32_t name_begin, name_size, value_begin, value_size;  // into HtmlTree's character buffer
};

struct Node {
  Tag tag = Tag::kOther;
  uint32_t parent = 0;       // the document node is its own parent
  uint32_t end = 0;          // one past the last descendant
  uint32_t next_sibling = 0; // 0 when none (index 0 is the document, never a sibling)
  uint32_t depth = 0;
  uint32_t attr_begin = 0, attr_count = 0;   // into HtmlTree::attributes()
  uint32_t text_begin = 0, text_size = 0;    // kText nodes: the text (entities decoded)
};

struct ParseOptions {
  // Elements nested deeper than this are dropped (their text is kept, flattened into the
  // ancestor at this depth). Bounds the parser's cost on pathological nesting, which would
  // otherwise be quadratic in the HTML5 tree builder.
  size_t max_depth = 512;
  // Tags, comments and attributes read at most; the page is cut before the first one over it
  // (HtmlTree::truncated()). The parser's memory grows with them (a few hundred bytes each,
  // allocations it does not check), so this bounds it whatever the markup: 250,000 items is
  // about 150 MB in the parser; the largest dev-set page has 29,000.
  size_t max_markup_items = 250'000;
};

class HtmlTree {
 public:
  // Parses UTF-8 HTML. Never fails on malformed HTML (the HTML5 algorithm repairs it); fails only
  // when the parser cannot be set up. Linear in the input for any nesting (see ParseOptions).
  // Thread-safe: each thread reuses its own parser instance.
  static Result<HtmlTree> Parse(std::string_view utf8_html, const ParseOptions& options = {});

  const std::vector<Node>& nodes() const { return nodes_; }
  const Node& node(uint32_t i) const { return nodes_[i]; }
  size_t size() const { return nodes_.size(); }

  std::string_view Text(const Node& n) const { return {chars_.data() + n.text_begin, n.text_size}; }
  // The value of attribute `name` (lower-case) of element n, or empty when absent.
  std::string_view Attr(const Node& n, std::string_view name) const;
  bool HasAttr(const Node& n, std::string_view name) const;
  std::string_view AttrName(const Attribute& a) const { return {chars_.data() + a.name_begin, a.name_size}; }
  std::string_view AttrValue(const Attribute& a) const { return {chars_.data() + a.value_begin, a.value_size}; }
  const std::vector<Attribute>& attributes() const { return attributes_; }

  // Concatenated text of all text nodes under n (no separators added), appended to *out.
  void AppendAllText(uint32_t n, std::string* out) const;

  // Whether the input had to be flattened because of max_depth.
  bool depth_limited() const { return depth_limited_; }
  // Whether the page was cut at ParseOptions::max_markup_items.
  bool truncated() const { return truncated_; }

 private:
  friend class TreeBuilder;
  std::vector<Node> nodes_;
  std::vector<Attribute> attributes_;
  std::string chars_;
  bool depth_limited_ = false;
  bool truncated_ = false;
};

// Prepares raw HTML for the parser: removes <noscript> sections (browsers read them as raw text;
// a parser without scripting would build their content as elements, and an unclosed <div> there
// swallows the page) and drops start and end tags nested deeper than max_depth, keeping all text.
// Returns false (and leaves *out untouched) when nothing had to change: the common case costs one
// scan. Exposed for tests.
// With max_markup_items, it also cuts the page before the first tag, comment or attribute over
// that number (*truncated says so).
bool PrescanHtml(std::string_view html, size_t max_depth, std::string* out, bool* depth_limited = nullptr,
                 size_t max_markup_items = SIZE_MAX, bool* truncated = nullptr);

}  // namespace eventmill::extract::html
