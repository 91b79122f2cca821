#include "extract/html/html_tree.h"

#include <mutex>
#include <myhtml/api.h>

#include <array>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace eventmill::extract::html {
namespace {

struct TagEntry {
  Tag tag;
  const char* name;
};

constexpr TagEntry kTags[] = {
    {Tag::kOther, "#other"}, {Tag::kText, "#text"}, {Tag::kDocument, "#document"},
    {Tag::kHtml, "html"}, {Tag::kHead, "head"}, {Tag::kBody, "body"}, {Tag::kTitle, "title"},
    {Tag::kMeta, "meta"}, {Tag::kLink, "link"}, {Tag::kBase, "base"}, {Tag::kScript, "script"},
    {Tag::kStyle, "style"}, {Tag::kNoscript, "noscript"}, {Tag::kTemplate, "template"},
    {Tag::kSvg, "svg"}, {Tag::kMath, "math"}, {Tag::kIframe, "iframe"}, {Tag::kObject, "object"},
    {Tag::kEmbed, "embed"}, {Tag::kCanvas, "canvas"}, {Tag::kVideo, "video"}, {Tag::kAudio, "audio"},
    {Tag::kPicture, "picture"}, {Tag::kSource, "source"}, {Tag::kImg, "img"}, {Tag::kMap, "map"},
    {Tag::kArea, "area"}, {Tag::kFigure, "figure"}, {Tag::kFigcaption, "figcaption"},
    {Tag::kA, "a"}, {Tag::kP, "p"}, {Tag::kBr, "br"}, {Tag::kHr, "hr"}, {Tag::kH1, "h1"},
    {Tag::kH2, "h2"}, {Tag::kH3, "h3"}, {Tag::kH4, "h4"}, {Tag::kH5, "h5"}, {Tag::kH6, "h6"},
    {Tag::kUl, "ul"}, {Tag::kOl, "ol"}, {Tag::kLi, "li"}, {Tag::kDl, "dl"}, {Tag::kDt, "dt"},
    {Tag::kDd, "dd"}, {Tag::kBlockquote, "blockquote"}, {Tag::kQ, "q"}, {Tag::kPre, "pre"},
    {Tag::kCode, "code"}, {Tag::kTable, "table"}, {Tag::kThead, "thead"}, {Tag::kTbody, "tbody"},
    {Tag::kTfoot, "tfoot"}, {Tag::kTr, "tr"}, {Tag::kTd, "td"}, {Tag::kTh, "th"},
    {Tag::kCaption, "caption"}, {Tag::kDiv, "div"}, {Tag::kSpan, "span"}, {Tag::kSection, "section"},
    {Tag::kArticle, "article"}, {Tag::kMain, "main"}, {Tag::kHeader, "header"},
    {Tag::kFooter, "footer"}, {Tag::kNav, "nav"}, {Tag::kAside, "aside"}, {Tag::kAddress, "address"},
    {Tag::kForm, "form"}, {Tag::kInput, "input"}, {Tag::kButton, "button"}, {Tag::kSelect, "select"},
    {Tag::kOption, "option"}, {Tag::kTextarea, "textarea"}, {Tag::kLabel, "label"},
    {Tag::kFieldset, "fieldset"}, {Tag::kLegend, "legend"}, {Tag::kTime, "time"}, {Tag::kEm, "em"},
    {Tag::kStrong, "strong"}, {Tag::kB, "b"}, {Tag::kI, "i"}, {Tag::kU, "u"}, {Tag::kSmall, "small"},
    {Tag::kSub, "sub"}, {Tag::kSup, "sup"}, {Tag::kMark, "mark"}, {Tag::kAbbr, "abbr"},
    {Tag::kCite, "cite"}, {Tag::kFont, "font"}, {Tag::kCenter, "center"}, {Tag::kDetails, "details"},
    {Tag::kSummary, "summary"}, {Tag::kDialog, "dialog"}, {Tag::kMenu, "menu"},
};

Tag TagByName(std::string_view name) {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, Tag>();
    for (const TagEntry& e : kTags) m->emplace(e.name, e.tag);
    return m;
  }();
  auto it = map->find(name);
  return it == map->end() ? Tag::kOther : it->second;
}

// Tag names are short: compared in line, without a call to memcmp for each candidate.
inline bool Is(std::string_view n, std::string_view w) {
  if (n.size() != w.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (n[i] != w[i]) return false;
  return true;
}

bool IsVoid(std::string_view n) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                               "link", "meta", "param", "source", "track", "wbr", "keygen"};
  for (auto v : kVoid)
    if (Is(n, v)) return true;
  return false;
}

bool IsRawText(std::string_view n) {
  return Is(n, "script") || Is(n, "style") || Is(n, "textarea") || Is(n, "title") || Is(n, "xmp") ||
         Is(n, "iframe") || Is(n, "noembed") || Is(n, "noframes");
}

// Elements an HTML5 parser closes implicitly when the same tag opens again.
bool ClosesSame(std::string_view n) {
  return Is(n, "p") || Is(n, "li") || Is(n, "dt") || Is(n, "dd") || Is(n, "option") || Is(n, "tr") ||
         Is(n, "td") || Is(n, "th") || Is(n, "a");
}

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// One myhtml parser per thread, reused across pages (set-up costs far more than a small page).
class ThreadParser {
 public:
  ThreadParser() {
    myhtml_ = myhtml_create();
    if (myhtml_ && myhtml_init(myhtml_, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) == MyHTML_STATUS_OK) {
      ok_ = NewTree();
    }
    for (size_t i = 0; i < tag_map_.size(); ++i) tag_map_[i] = Tag::kOther;
    if (ok_) {
      // From our names to myhtml's ids (reading myhtml's names back by id crashed in some runs).
      for (const TagEntry& e : kTags) {
        if (e.name[0] == '#') continue;
        myhtml_tag_id_t id = myhtml_tag_id_by_name(tree_, e.name, std::strlen(e.name));
        if (id != MyHTML_TAG__UNDEF && id < tag_map_.size()) tag_map_[id] = e.tag;
      }
      tag_map_[MyHTML_TAG__TEXT] = Tag::kText;
    }
  }
  ~ThreadParser() {
    if (tree_) myhtml_tree_destroy(tree_);
    if (myhtml_) myhtml_destroy(myhtml_);
  }
  bool ok() const { return ok_; }
  myhtml_tree_t* tree() { return tree_; }
  Tag MapTag(myhtml_tag_id_t id) const { return id < tag_map_.size() ? tag_map_[id] : Tag::kOther; }
  // After a big page, give its memory back rather than keep it for the thread's lifetime.
  void Release(size_t page_bytes) {
    if (page_bytes > (size_t{4} << 20)) {
      myhtml_tree_destroy(tree_);
      tree_ = nullptr;
      ok_ = NewTree();
    } else {
      myhtml_tree_clean(tree_);
    }
  }

 private:
  bool NewTree() {
    tree_ = myhtml_tree_create();
    if (!tree_ || myhtml_tree_init(tree_, myhtml_) != MyHTML_STATUS_OK) return false;
    myhtml_tree_parse_flags_set(tree_, MyHTML_TREE_PARSE_FLAGS_WITHOUT_DOCTYPE_IN_TREE);
    return true;
  }
  myhtml_t* myhtml_ = nullptr;
  myhtml_tree_t* tree_ = nullptr;
  bool ok_ = false;
  std::array<Tag, 512> tag_map_{};
};

}  // namespace

std::string_view TagName(Tag tag) {
  for (const TagEntry& e : kTags)
    if (e.tag == tag) return e.name;
  return "#other";
}

bool PrescanHtml(std::string_view html, size_t max_depth, std::string* out, bool* depth_limited,
                 size_t max_markup_items, bool* truncated) {
  if (depth_limited) *depth_limited = false;
  if (truncated) *truncated = false;
  // Tags, comments and attributes seen: what the parser allocates a node or token for.
  size_t items = 0;
  std::vector<std::string> stack;
  std::unordered_map<std::string, int> dropped_open;  // start tags dropped, by name
  size_t copied = 0;
  bool changed = false;
  std::string result;
  auto drop = [&](size_t b, size_t e) {
    if (!changed) result.reserve(html.size());
    changed = true;
    result.append(html.substr(copied, b - copied));
    copied = e;
  };
  const size_t n = html.size();
  size_t i = 0;
  std::string name;
  while (i < n) {
    const void* lt = std::memchr(html.data() + i, '<', n - i);
    if (!lt) break;
    size_t b = static_cast<const char*>(lt) - html.data();
    i = b + 1;
    if (i >= n) break;
    const char c1 = html[i];
    const bool markup = c1 == '!' || c1 == '?' || c1 == '/' || ((c1 | 32) >= 'a' && (c1 | 32) <= 'z');
    if (markup && ++items > max_markup_items) {
      // Over the budget: the rest of the page is not read (the caller flags the result).
      if (truncated) *truncated = true;
      drop(b, n);
      break;
    }
    if (html.compare(i, 3, "!--") == 0) {
      size_t e = html.find("-->", i + 3);
      i = e == std::string_view::npos ? n : e + 3;
      continue;
    }
    bool closing = html[i] == '/';
    size_t s = closing ? i + 1 : i;
    if (s >= n || !((html[s] | 32) >= 'a' && (html[s] | 32) <= 'z')) {
      if (html[i] == '!' || html[i] == '?') {
        size_t e = html.find('>', i);
        i = e == std::string_view::npos ? n : e + 1;
      }
      continue;
    }
    name.clear();
    size_t j = s;
    while (j < n && !IsSpace(html[j]) && html[j] != '/' && html[j] != '>') name.push_back(Lower(html[j++]));
    // Find the tag's end, skipping quoted attribute values; each attribute counts as an item.
    char quote = 0;
    bool after_space = false;
    while (j < n) {
      char c = html[j];
      if (quote) {
        // Inside a quoted value only its closing quote matters: jump to it (values run long:
        // URLs, srcsets, JSON in data attributes).
        const void* q = std::memchr(html.data() + j, quote, n - j);
        j = q ? static_cast<size_t>(static_cast<const char*>(q) - html.data()) : n;
        if (j < n) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      } else if (IsSpace(c) || c == '/') {
        after_space = true;
      } else if (after_space) {
        after_space = false;
        ++items;
      }
      ++j;
    }
    if (items > max_markup_items) {
      if (truncated) *truncated = true;
      drop(b, n);
      break;
    }
    size_t e = j < n ? j + 1 : n;
    bool self_closing = j < n && j > s && html[j - 1] == '/';
    i = e;
    if (closing) {
      size_t k = stack.size();
      size_t lowest = stack.size() > 8 ? stack.size() - 8 : 0;
      while (k > lowest && stack[k - 1] != name) --k;
      if (k > lowest) {
        stack.resize(k - 1);
      } else if (auto it = dropped_open.find(name); it != dropped_open.end() && it->second > 0) {
        --it->second;
        drop(b, e);  // the end tag of an element we dropped
      }
      continue;
    }
    if (IsVoid(name) || self_closing) continue;
    if (name == "noscript") {
      // Browsers run scripts, so they read <noscript> as raw text; a parser without scripting
      // builds its content as elements, and one unclosed <div> there swallows the page. It is
      // never main text: drop it whole.
      size_t k = e, close = n;
      while (true) {
        size_t c = html.find("</", k);
        if (c == std::string_view::npos) break;
        bool match = c + 10 <= n;
        for (size_t t = 0; match && t < 8; ++t) match = Lower(html[c + 2 + t]) == "noscript"[t];
        if (match) {
          size_t gt = html.find('>', c);
          close = gt == std::string_view::npos ? n : gt + 1;
          break;
        }
        k = c + 2;
      }
      drop(b, close);
      i = close;
      continue;
    }
    if (IsRawText(name)) {
      // Skip the raw text up to the matching end tag; it holds no elements.
      size_t k = e;
      while (true) {
        size_t c = html.find("</", k);
        if (c == std::string_view::npos) { i = n; break; }
        bool match = c + 2 + name.size() <= n;
        for (size_t t = 0; match && t < name.size(); ++t) match = Lower(html[c + 2 + t]) == name[t];
        if (match) { i = c; break; }
        k = c + 2;
      }
      continue;
    }
    if (!stack.empty() && ClosesSame(name) && stack.back() == name) stack.pop_back();
    if (stack.size() >= max_depth) {
      if (depth_limited) *depth_limited = true;
      ++dropped_open[name];
      drop(b, e);
      continue;
    }
    stack.push_back(name);
  }
  if (!changed) return false;
  result.append(html.substr(copied));
  *out = std::move(result);
  return true;
}

class TreeBuilder {
 public:
  static void Build(ThreadParser& parser, size_t max_depth, HtmlTree* out);
};

void TreeBuilder::Build(ThreadParser& parser, size_t max_depth, HtmlTree* out) {
  myhtml_tree_t* tree = parser.tree();
  myhtml_tree_node_t* document = myhtml_tree_get_document(tree);
  auto& nodes = out->nodes_;
  auto& chars = out->chars_;
  auto& attrs = out->attributes_;
  Node doc;
  doc.tag = Tag::kDocument;
  nodes.push_back(doc);
  std::vector<uint32_t> open = {0};       // our open ancestors
  std::vector<uint32_t> last_child = {0}; // last child of each open ancestor
  // The elements descended into, and whether each was added. The walk never follows parent
  // pointers: after foster parenting and adoption they need not lead back the way we came.
  std::vector<std::pair<myhtml_tree_node_t*, bool>> path;

  auto add = [&](Node n) -> uint32_t {
    uint32_t idx = static_cast<uint32_t>(nodes.size());
    n.parent = open.back();
    n.depth = static_cast<uint32_t>(open.size());
    n.end = idx + 1;
    if (last_child.back()) nodes[last_child.back()].next_sibling = idx;
    last_child.back() = idx;
    nodes.push_back(n);
    return idx;
  };
  auto close = [&]() {
    nodes[open.back()].end = static_cast<uint32_t>(nodes.size());
    open.pop_back();
    last_child.pop_back();
  };

  myhtml_tree_node_t* cur = document ? myhtml_node_child(document) : nullptr;
  while (cur) {
    myhtml_tag_id_t id = myhtml_node_tag_id(cur);
    bool is_element = id != MyHTML_TAG__TEXT && id != MyHTML_TAG__COMMENT && id != MyHTML_TAG__DOCTYPE &&
                      id != MyHTML_TAG__UNDEF && id != MyHTML_TAG__END_OF_FILE;
    bool added = false;
    if (id == MyHTML_TAG__TEXT) {
      size_t len = 0;
      const char* t = myhtml_node_text(cur, &len);
      if (t && len) {
        Node n;
        n.tag = Tag::kText;
        n.text_begin = static_cast<uint32_t>(chars.size());
        n.text_size = static_cast<uint32_t>(len);
        chars.append(t, len);
        add(n);
      }
    } else if (is_element) {
      if (open.size() <= max_depth) {
        Node n;
        n.tag = parser.MapTag(id);
        n.attr_begin = static_cast<uint32_t>(attrs.size());
        for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(cur); a; a = myhtml_attribute_next(a)) {
          size_t kl = 0, vl = 0;
          const char* k = myhtml_attribute_key(a, &kl);
          const char* v = myhtml_attribute_value(a, &vl);
          Attribute at;
          at.name_begin = static_cast<uint32_t>(chars.size());
          at.name_size = static_cast<uint32_t>(kl);
          if (k) chars.append(k, kl);
          at.value_begin = static_cast<uint32_t>(chars.size());
          at.value_size = static_cast<uint32_t>(v ? vl : 0);
          if (v) chars.append(v, vl);
          attrs.push_back(at);
        }
        n.attr_count = static_cast<uint32_t>(attrs.size()) - n.attr_begin;
        uint32_t idx = add(n);
        open.push_back(idx);
        last_child.push_back(0);
        added = true;
      } else {
        out->depth_limited_ = true;
      }
    }
    myhtml_tree_node_t* child = is_element ? myhtml_node_child(cur) : nullptr;
    if (child) {
      path.emplace_back(cur, added);
      cur = child;
      continue;
    }
    if (added) close();
    // Move to the next node in document order, closing the elements we leave.
    while (cur) {
      myhtml_tree_node_t* next = myhtml_node_next(cur);
      if (next) {
        cur = next;
        break;
      }
      if (path.empty()) {
        cur = nullptr;
        break;
      }
      cur = path.back().first;
      if (path.back().second) close();
      path.pop_back();
    }
  }
  while (open.size() > 1) close();
  nodes[0].end = static_cast<uint32_t>(nodes.size());
}

Result<HtmlTree> HtmlTree::Parse(std::string_view utf8_html, const ParseOptions& options) {
  thread_local std::unique_ptr<ThreadParser> parser;
  if (!parser) {
    // myhtml's set-up touches shared tables; build one thread's parser at a time.
    static std::mutex setup;
    std::lock_guard<std::mutex> lock(setup);
    parser = std::make_unique<ThreadParser>();
  }
  if (!parser->ok()) return Status::Internal("", "cannot initialise the HTML parser");
  std::string limited;
  std::string_view input = utf8_html;
  HtmlTree tree;
  bool depth_limited = false, truncated = false;
  if (PrescanHtml(utf8_html, options.max_depth, &limited, &depth_limited, options.max_markup_items, &truncated)) {
    input = limited;
  }
  tree.depth_limited_ = depth_limited;
  tree.truncated_ = truncated;
  tree.nodes_.reserve(input.size() / 40 + 16);
  tree.chars_.reserve(input.size() / 2 + 64);
  if (myhtml_parse(parser->tree(), MyENCODING_UTF_8, input.data(), input.size()) != MyHTML_STATUS_OK) {
    parser->Release(input.size());
    return Status::Internal("", "HTML parser failed");
  }
  TreeBuilder::Build(*parser, options.max_depth, &tree);
  parser->Release(input.size());
  return tree;
}

namespace {

// Attribute names are short: compared in line, without a call to memcmp for each.
inline bool SameName(const char* chars, const Attribute& a, std::string_view name) {
  if (a.name_size != name.size()) return false;
  const char* p = chars + a.name_begin;
  for (size_t i = 0; i < name.size(); ++i)
    if (p[i] != name[i]) return false;
  return true;
}

}  // namespace

std::string_view HtmlTree::Attr(const Node& n, std::string_view name) const {
  for (uint32_t i = 0; i < n.attr_count; ++i) {
    const Attribute& a = attributes_[n.attr_begin + i];
    if (SameName(chars_.data(), a, name)) return AttrValue(a);
  }
  return {};
}

bool HtmlTree::HasAttr(const Node& n, std::string_view name) const {
  for (uint32_t i = 0; i < n.attr_count; ++i)
    if (SameName(chars_.data(), attributes_[n.attr_begin + i], name)) return true;
  return false;
}

void HtmlTree::AppendAllText(uint32_t n, std::string* out) const {
  for (uint32_t i = n + 1; i < nodes_[n].end; ++i)
    if (nodes_[i].tag == Tag::kText) out->append(Text(nodes_[i]));
}

}  // namespace eventmill::extract::html
