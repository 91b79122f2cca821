#include "extract/boilerplate_scorer.h"

#include <algorithm>
#include <unordered_map>

namespace eventmill::extract {
namespace {

using html::HtmlTree;
using html::Node;
using html::Tag;

// Never text of the article, whatever their weight.
bool IsHardDropTag(Tag t) {
  switch (t) {
    case Tag::kHead: case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kBase:
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate: case Tag::kSvg:
    case Tag::kMath: case Tag::kIframe: case Tag::kObject: case Tag::kEmbed: case Tag::kCanvas:
    case Tag::kVideo: case Tag::kAudio: case Tag::kSelect: case Tag::kOption: case Tag::kTextarea:
    case Tag::kInput: case Tag::kButton: case Tag::kMap: case Tag::kDialog: case Tag::kFigcaption:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kDiv: case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4:
    case Tag::kH5: case Tag::kH6: case Tag::kUl: case Tag::kOl: case Tag::kLi: case Tag::kDl:
    case Tag::kDt: case Tag::kDd: case Tag::kBlockquote: case Tag::kPre: case Tag::kTable:
    case Tag::kThead: case Tag::kTbody: case Tag::kTfoot: case Tag::kTr: case Tag::kTd: case Tag::kTh:
    case Tag::kCaption: case Tag::kSection: case Tag::kArticle: case Tag::kMain: case Tag::kHeader:
    case Tag::kFooter: case Tag::kNav: case Tag::kAside: case Tag::kForm: case Tag::kFigure:
    case Tag::kFigcaption: case Tag::kAddress: case Tag::kDetails: case Tag::kSummary: case Tag::kHr:
    case Tag::kCenter: case Tag::kFieldset: case Tag::kLegend: case Tag::kMenu: case Tag::kBody:
    case Tag::kHtml: case Tag::kDocument:
      return true;
    default:
      return false;
  }
}

// Elements that group blocks; pruned inside the container when they hold only boilerplate.
bool IsSectionTag(Tag t) {
  switch (t) {
    case Tag::kDiv: case Tag::kSection: case Tag::kUl: case Tag::kOl: case Tag::kDl: case Tag::kTable:
    case Tag::kAside: case Tag::kHeader: case Tag::kFooter: case Tag::kNav: case Tag::kFigure:
    case Tag::kForm: case Tag::kMenu: case Tag::kCenter: case Tag::kArticle: case Tag::kSpan:
    case Tag::kOther: case Tag::kDetails: case Tag::kFieldset:
      return true;
    default:
      return false;
  }
}

int HeadingLevel(Tag t) {
  switch (t) {
    case Tag::kH1: return 1;
    case Tag::kH2: return 2;
    case Tag::kH3: return 3;
    case Tag::kH4: return 4;
    case Tag::kH5: return 5;
    case Tag::kH6: return 6;
    default: return 0;
  }
}

bool IsHiddenByStyle(std::string_view style) {
  if (style.empty()) return false;
  std::string s;
  for (char c : style)
    if (c != ' ' && c != '\t') s.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

bool HasSentencePunctuation(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' || c == '!' || c == '?' || c == ';') return true;
    if (static_cast<unsigned char>(c) == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x82)
      return true;  // 。
  }
  return false;
}

// A block that is all link and reads like a title ("Minister resigns over budget row"): the
// headline of a teaser card, an entry of a "latest"/"related" list. Not a menu word ("Sport").
bool IsLinkHeadline(std::string_view text, uint32_t chars, uint32_t link_chars) {
  if (chars < 20 || link_chars * 10 < chars * 9) return false;
  return std::count(text.begin(), text.end(), ' ') >= 2 || chars >= 30;
}

// The paragraph text a teaser card may have besides its headline (a summary).
constexpr uint32_t kMaxCardChars = 400;

// Text that is a sentence, not a label ("More on this story:"): long enough and ending in a
// full stop, '!' or '?' (before closing quotes), or 。
bool ReadsAsSentence(std::string_view s) {
  if (s.size() < 40) return false;
  while (!s.empty()) {
    const unsigned char c = static_cast<unsigned char>(s.back());
    if (c == '"' || c == '\'' || c == ')' || c == ' ') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99") ||
                                 s.ends_with("\xE2\x80\x9C"))) {
      s.remove_suffix(3);  // ” ’ “
    } else if (s.size() >= 2 && s.ends_with("\xC2\xBB")) {
      s.remove_suffix(2);  // »
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || s.ends_with("\xE3\x80\x82");
}

// A sentence of the story with most of its words linked ("The minister has [resigned over the
// budget row]."): a few words of its own, and a full stop; a link line has neither, nor a label
// ("Tipp: ...", "MORE: ...") or the separators of a breadcrumb trail.
bool LinkedSentence(std::string_view text, uint32_t chars, uint32_t link_chars) {
  if (chars - link_chars < 20 || !ReadsAsSentence(text) || std::count(text.begin(), text.end(), ' ') < 6) return false;
  if (text.substr(0, 30).find(':') != std::string_view::npos) return false;
  for (std::string_view sep : {"\xE2\x80\xBA", " > ", " | ", " \xC2\xBB "})  // › > | »
    if (text.find(sep) != std::string_view::npos) return false;
  return true;
}

// Whether two links under the element (a teaser card) go to the same address, and it has no
// more than three links: the headline and the "more" link of one teaser.
bool LinksTwice(const HtmlTree& tree, uint32_t root) {
  const auto& nodes = tree.nodes();
  std::string_view hrefs[3];
  int count = 0;
  for (uint32_t i = root + 1; i < nodes[root].end; ++i) {
    if (nodes[i].tag != Tag::kA) continue;
    const std::string_view href = tree.Attr(nodes[i], "href");
    if (href.empty() || href.front() == '#') continue;
    for (int k = 0; k < count; ++k)
      if (hrefs[k] == href) return true;
    if (count == 3) return false;
    hrefs[count++] = href;
  }
  return false;
}


// The main text. Every vector indexed by node holds one value per node of the tree.
struct RawBlock {
  uint32_t owner;
  std::string text;
  uint32_t chars = 0, link_chars = 0;
};

// One page's pass through the steps of FindMainText, each a method, sharing what the earlier ones
// found. Steps run in the order FindMainText calls them.
class MainTextPass {
 public:
  MainTextPass(const HtmlTree& tree, const ExtractData& data, const ScorerOptions& options)
      : tree(tree), nodes(tree.nodes()), n(static_cast<uint32_t>(tree.nodes().size())), data_(data), options_(options) {}

  // 1. Hard drops (tags that are never text, hidden elements) and class/id hints, top-down.
  void MarkDropsAndHints();
  // 2. Text blocks: the inline text under each block-level element, in document order.
  void CutTextBlocks();
  // 3. Block weights, summed up the tree; teaser cards.
  void WeighBlocks();
  // 4. Soft drops: hinted boilerplate, <nav>/<aside>/<footer>, forms with inputs, teaser lists.
  void SoftDrop();
  // Sums without the soft-dropped subtrees.
  void SumUp();
  // 5. The container: greatest total weight; hints nudge it, the deepest wins ties.
  void ChooseContainer();
  // 6. Which nodes are in: the container, its siblings with weight of their own, minus pruned
  // sections inside.
  void IncludeArticle();
  // The lead: a standfirst set apart in the article's header, above the body.
  void TakeLead();
  // The kept blocks as ContentBlocks, with the text cut between them.
  std::vector<ContentBlock> EmitBlocks();

  const HtmlTree& tree;
  const std::vector<Node>& nodes;
  const uint32_t n;
  const ExtractData& data_;
  const ScorerOptions& options_;
  std::vector<uint8_t> hard, link;   // dropped outright; elements whose text is link text
  std::vector<HintKind> hint;
  std::vector<int8_t> hint_score;
  std::vector<RawBlock> blocks;
  std::vector<double> sum, weight;   // by node; by block
  std::vector<uint32_t> good;        // chars of real paragraphs under the node
  std::vector<uint32_t> best;        // longest low-link block under the node
  std::vector<uint16_t> heads;       // link headlines under the node (teaser cards, link lists)
  // The first link headline and the first real paragraph under the node (block indices).
  std::vector<uint32_t> first_head, first_good;
  uint32_t total_good = 0;
  // Teaser cards: cards[i] counts the cards under i, card_good[i] their paragraph text; a card
  // with a summary is one teaser.
  std::vector<uint16_t> cards;
  std::vector<uint32_t> card_good;
  std::vector<uint8_t> teaser, soft, in;
  uint32_t container = 0;
  double container_score = 0;

 private:
  // ExtractData::Classify, remembered per value: a page repeats its class names on many elements.
  HintKind ClassifyOnce(std::string_view value, int* score) {
    if (value.empty()) return data_.Classify(value, score);
    auto [it, added] = classified_.try_emplace(value);
    if (added) it->second.first = data_.Classify(value, &it->second.second);
    *score = it->second.second;
    return it->second.first;
  }
  std::unordered_map<std::string_view, std::pair<HintKind, int>> classified_;  // values point into the tree
};

// The attributes MarkDropsAndHints reads, found in one pass over the element's attributes (the
// first of each name, as HtmlTree::Attr gives it).
struct HintAttributes {
  std::string_view cls, id, role, itemprop, style, aria_hidden, rel;
  bool has_href = false, has_hidden = false;
};

HintAttributes ReadHintAttributes(const HtmlTree& tree, const Node& nd) {
  HintAttributes out;
  uint32_t seen = 0;  // one bit per name: the first attribute of a name counts
  auto take = [&](uint32_t bit, std::string_view value, std::string_view* field) {
    if (seen & bit) return;
    seen |= bit;
    *field = value;
  };
  for (uint32_t a = 0; a < nd.attr_count; ++a) {
    const html::Attribute& attr = tree.attributes()[nd.attr_begin + a];
    const std::string_view name = tree.AttrName(attr);
    switch (name.size()) {
      case 2:
        if (name == "id") take(1, tree.AttrValue(attr), &out.id);
        break;
      case 3:
        if (name == "rel") take(2, tree.AttrValue(attr), &out.rel);
        break;
      case 4:
        if (name == "role") take(4, tree.AttrValue(attr), &out.role);
        else if (name == "href") out.has_href = true;
        break;
      case 5:
        if (name == "class") take(8, tree.AttrValue(attr), &out.cls);
        else if (name == "style") take(16, tree.AttrValue(attr), &out.style);
        break;
      case 6:
        if (name == "hidden") out.has_hidden = true;
        break;
      case 8:
        if (name == "itemprop") take(32, tree.AttrValue(attr), &out.itemprop);
        break;
      case 11:
        if (name == "aria-hidden") take(64, tree.AttrValue(attr), &out.aria_hidden);
        break;
      default:
        break;
    }
  }
  return out;
}

void MainTextPass::MarkDropsAndHints() {
  // 1. Hard drops (tags that are never text, hidden elements) and class/id hints, top-down.
  hard.assign(n, 0);
  hint.assign(n, HintKind::kNone);
  hint_score.assign(n, 0);
  link.assign(n, 0);
  for (uint32_t i = 1; i < n; ++i) {
    const Node& nd = nodes[i];
    if (hard[nd.parent]) {
      hard[i] = 1;
      continue;
    }
    if (nd.tag == Tag::kText) continue;
    if (IsHardDropTag(nd.tag)) {
      hard[i] = 1;
      continue;
    }
    if (nd.attr_count == 0) continue;
    const HintAttributes at = ReadHintAttributes(tree, nd);
    // A link goes somewhere: an anchor (<a name="section-2">) is not one.
    if (nd.tag == Tag::kA && at.has_href) link[i] = 1;
    // Custom elements with an href are links too (<pp-link href=...> of web-component menus).
    if (nd.tag == Tag::kOther && at.has_href) link[i] = 1;
    if (at.has_hidden || at.aria_hidden == "true" || IsHiddenByStyle(at.style)) {
      hard[i] = 1;
      continue;
    }
    int s1 = 0, s2 = 0;
    HintKind k1 = ClassifyOnce(at.cls, &s1);
    HintKind k2 = ClassifyOnce(at.id, &s2);
    HintKind k = std::max(k1, k2, [](HintKind a, HintKind b) {
      auto rank = [](HintKind h) {
        return h == HintKind::kHidden ? 4 : h == HintKind::kRemove ? 3 : h == HintKind::kNone ? 0 : 1;
      };
      return rank(a) < rank(b);
    });
    if (k == HintKind::kHidden) {
      hard[i] = 1;
      continue;
    }
    const std::string_view role = at.role;
    if (role == "navigation" || role == "contentinfo" || role == "complementary" || role == "search" ||
        role == "dialog" || role == "alertdialog" || role == "menu" || role == "menubar") {
      k = HintKind::kRemove;
    }
    if (nd.tag == Tag::kA && at.rel == "tag") k = HintKind::kRemove;  // tag links
    const std::string_view itemprop = at.itemprop;
    int score = s1 + s2;
    if (itemprop == "articleBody" || itemprop == "text" || role == "main" || role == "article") score += 3;
    if (k == HintKind::kNone && score != 0) k = score > 0 ? HintKind::kPositive : HintKind::kNegative;
    hint[i] = k;
    hint_score[i] = static_cast<int8_t>(std::clamp(score, -100, 100));
  }
}

void MainTextPass::CutTextBlocks() {
  // 2. Text blocks: the inline text under each block-level element, in document order.
  {
    std::vector<uint32_t> stack;   // open elements
    std::vector<uint32_t> owners;  // open block-level elements
    int in_link = 0, in_pre = 0;
    RawBlock cur{0, {}};
    bool pending_space = false;
    auto flush = [&]() {
      while (!cur.text.empty() && (cur.text.back() == ' ' || cur.text.back() == '\n')) cur.text.pop_back();
      if (cur.chars > 0) blocks.push_back(std::move(cur));
      cur = RawBlock{owners.empty() ? 0 : owners.back(), {}};
      pending_space = false;
    };
    owners.push_back(0);
    cur.owner = 0;
    for (uint32_t i = 1; i < n; ++i) {
      while (!stack.empty() && i >= nodes[stack.back()].end) {
        uint32_t closed = stack.back();
        stack.pop_back();
        Tag t = nodes[closed].tag;
        if (link[closed]) --in_link;
        if (t == Tag::kPre) --in_pre;
        if (IsBlockTag(t) && !owners.empty() && owners.back() == closed) {
          flush();
          owners.pop_back();
          cur.owner = owners.back();
        }
      }
      const Node& nd = nodes[i];
      if (hard[i]) {
        i = nd.end - 1;  // skip the subtree
        continue;
      }
      if (nd.tag == Tag::kText) {
        std::string_view t = tree.Text(nd);
        auto is_space = [](char c) {
          return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        };
        size_t ci = 0;
        while (ci < t.size()) {
          const char c = t[ci];
          // A non-breaking space (U+00A0, French and Polish typography) is a space of the text.
          if (c == '\xC2' && ci + 1 < t.size() && t[ci + 1] == '\xA0' && !in_pre) {
            ci += 2;
            pending_space = true;
            continue;
          }
          const bool space = is_space(c);
          if (space && !in_pre) {
            pending_space = true;
            ++ci;
            continue;
          }
          if (pending_space && !cur.text.empty() && cur.text.back() != '\n') cur.text.push_back(' ');
          pending_space = false;
          if (space) {  // in <pre>: kept as written, not counted
            cur.text.push_back(c);
            ++ci;
            continue;
          }
          // A run of other bytes goes in at once (a 0xC2 ends it: it may open a non-breaking space).
          size_t e = ci + 1;
          while (e < t.size() && !is_space(t[e]) && t[e] != '\xC2') ++e;
          cur.text.append(t.data() + ci, e - ci);
          cur.chars += static_cast<uint32_t>(e - ci);
          if (in_link) cur.link_chars += static_cast<uint32_t>(e - ci);
          ci = e;
        }
        continue;
      }
      if (nd.tag == Tag::kBr) {
        if (!cur.text.empty()) cur.text.push_back('\n');
        pending_space = false;
        continue;
      }
      if (nd.end == i + 1 && nd.tag != Tag::kHr) continue;  // empty element
      if (IsBlockTag(nd.tag) || nd.tag == Tag::kHr) {
        flush();
        if (nd.tag == Tag::kHr) continue;
        owners.push_back(i);
        cur.owner = i;
      } else if (!cur.text.empty() && (nd.tag == Tag::kTd || nd.tag == Tag::kTh)) {
        pending_space = true;
      }
      if (nd.end > i + 1) {
        stack.push_back(i);
        if (link[i]) ++in_link;
        if (nd.tag == Tag::kPre) ++in_pre;
      }
    }
    flush();
  }
}

void MainTextPass::WeighBlocks() {
  // 3. Block weights, summed up the tree.
  sum.assign(n, 0);
  good.assign(n, 0);
  best.assign(n, 0);
  weight.assign(blocks.size(), 0);
  heads.assign(n, 0);
  first_head.assign(n, UINT32_MAX);
  first_good.assign(n, UINT32_MAX);
  total_good = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const RawBlock& rb = blocks[b];
    const double total = rb.chars;
    const double plain = rb.chars - rb.link_chars;
    const double ld = total > 0 ? rb.link_chars / total : 1;
    Tag t = nodes[rb.owner].tag;
    // A heading's text in a box of its own (<h2><div>The hypothesis</div></h2>) weighs as the heading.
    if ((t == Tag::kDiv || t == Tag::kP) && HeadingLevel(nodes[nodes[rb.owner].parent].tag)) t = nodes[nodes[rb.owner].parent].tag;
    double w;
    if (ld > 0.5) {
      w = -total;
    } else if (plain >= options_.min_paragraph_chars) {
      w = plain * (1 - ld);
    } else if (plain >= 60 && HasSentencePunctuation(rb.text)) {
      w = plain * 0.8 * (1 - ld);
    } else if (HeadingLevel(t)) {
      w = 0;
    } else if (plain >= 25) {
      w = plain * 0.2;
    } else if (t == Tag::kTd || t == Tag::kTh || t == Tag::kLi || t == Tag::kDd || t == Tag::kDt || t == Tag::kP ||
               t == Tag::kTr) {
      w = 0;  // table cells, list items, short paragraphs: neutral
    } else {
      w = -0.5 * total;
    }
    weight[b] = w;
    sum[rb.owner] += w;
    if (t != Tag::kH1 && IsLinkHeadline(rb.text, rb.chars, rb.link_chars)) {  // an <h1> is the page's own
      ++heads[rb.owner];
      first_head[rb.owner] = std::min(first_head[rb.owner], static_cast<uint32_t>(b));
    }
    if (ld <= 0.3 && plain >= 60) {
      good[rb.owner] += static_cast<uint32_t>(plain);
      total_good += static_cast<uint32_t>(plain);
      best[rb.owner] = std::max(best[rb.owner], static_cast<uint32_t>(plain));
      first_good[rb.owner] = std::min(first_good[rb.owner], static_cast<uint32_t>(b));
    }
  }
  for (uint32_t i = n - 1; i >= 1; --i) {
    const uint32_t p = nodes[i].parent;
    sum[p] += sum[i];
    good[p] += good[i];
    best[p] = std::max(best[p], best[i]);
    heads[p] = static_cast<uint16_t>(std::min<uint32_t>(65535, heads[p] + heads[i]));
    first_head[p] = std::min(first_head[p], first_head[i]);
    first_good[p] = std::min(first_good[p], first_good[i]);
  }
  // Teaser cards: the largest element around one link headline with at most a summary's worth
  // of paragraph text after it. cards[i] counts the cards under i, card_good[i] their paragraph text.
  cards.assign(n, 0);
  card_good.assign(n, 0);
  teaser.assign(n, 0);
  for (uint32_t i = n - 1; i >= 1; --i) {
    if (heads[i] == 1 && good[i] <= kMaxCardChars && first_head[i] < first_good[i]) {
      cards[i] = 1;
      card_good[i] = good[i];
      if (good[i] > 0) teaser[i] = 1;
    }
    const uint32_t p = nodes[i].parent;
    cards[p] = static_cast<uint16_t>(std::min<uint32_t>(65535, cards[p] + cards[i]));
    card_good[p] += card_good[i];
  }
}

void MainTextPass::SoftDrop() {
  // 4. Soft drops: hinted boilerplate, <nav>/<aside>/<footer>, forms with inputs; never a
  // subtree that holds most of the page's paragraph text.
  soft.assign(n, 0);
  {
    std::vector<uint8_t> has_input(n, 0), has_table(n, 0);
    for (uint32_t i = n - 1; i >= 1; --i) {
      const Tag t = nodes[i].tag;
      if (t == Tag::kTextarea || t == Tag::kInput || t == Tag::kSelect) has_input[i] = 1;
      if (t == Tag::kTable) has_table[i] = 1;
      if (has_input[i]) has_input[nodes[i].parent] = 1;
      if (has_table[i]) has_table[nodes[i].parent] = 1;
    }
    for (uint32_t i = 1; i < n; ++i) {
      const Node& nd = nodes[i];
      if (nd.tag == Tag::kText) continue;
      if (soft[nd.parent]) {
        soft[i] = 1;
        continue;
      }
      bool remove = hint[i] == HintKind::kRemove || nd.tag == Tag::kNav || nd.tag == Tag::kAside ||
                    nd.tag == Tag::kFooter || (nd.tag == Tag::kForm && has_input[i]) ||
                    (nd.tag == Tag::kFigure && !has_table[i]) ||  // images with captions and credits
                    (cards[i] >= 2 && good[i] < card_good[i] + kMaxCardChars / 4);  // teaser list
      if (!remove) continue;
      if (nd.tag == Tag::kBody || nd.tag == Tag::kHtml || nd.tag == Tag::kMain) continue;
      // Never remove most of the page's paragraph text; nor a third of it from an element that
      // also says it is content ("full-content enable-pin-share", <article>).
      if (total_good > 0 && good[i] * 10 >= total_good * 6) continue;
      const bool says_content = hint_score[i] > 0 || nd.tag == Tag::kArticle;
      if (says_content && total_good > 0 && good[i] * 10 >= total_good * 3 && nd.tag != Tag::kForm) continue;
      soft[i] = 1;
    }
  }
}

void MainTextPass::SumUp() {
// Sums without the soft-dropped subtrees.
  std::fill(sum.begin(), sum.end(), 0);
  std::fill(good.begin(), good.end(), 0);
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (soft[blocks[b].owner]) continue;
    sum[blocks[b].owner] += weight[b];
    const double plain = blocks[b].chars - blocks[b].link_chars;
    if (plain >= 60 && blocks[b].link_chars * 10 <= blocks[b].chars * 3)
      good[blocks[b].owner] += static_cast<uint32_t>(plain);
  }
  for (uint32_t i = n - 1; i >= 1; --i) {
    if (soft[i]) continue;
    sum[nodes[i].parent] += sum[i];
    good[nodes[i].parent] += good[i];
  }
}

void MainTextPass::ChooseContainer() {
  // 5. The container: greatest total weight; hints nudge it, the deepest wins ties.
  auto choose = [&]() {
    for (uint32_t i = 1; i < n; ++i) {
      const Node& nd = nodes[i];
      if (nd.tag == Tag::kText || soft[i]) continue;
      double s = sum[i];
      if (s > 0 && hint_score[i] != 0) s *= 1.0 + 0.05 * std::clamp<int>(hint_score[i], -4, 4);
      if (s > 0 && nd.tag == Tag::kArticle) s *= 1.05;
      if (s > 0 && s >= container_score) {
        container_score = s;
        container = i;
      }
    }
  };
  choose();
  if (container == 0 && total_good > 0) {
    // The hints removed every paragraph: trust the text over the hints.
    std::fill(soft.begin(), soft.end(), 0);
    SumUp();
    choose();
  }
  // A paragraph is not a container: articles have several, so start from its parent.
  while (container != 0 && !IsSectionTag(nodes[container].tag) && nodes[container].tag != Tag::kMain &&
         nodes[container].tag != Tag::kBody) {
    container = nodes[container].parent;
  }
  // Hints choose among near-equals; they do not cut off text the enclosing element adds (a lead
  // paragraph just outside itemprop=articleBody).
  while (container != 0) {
    const uint32_t p = nodes[container].parent;
    if (p == 0 || soft[p] || nodes[p].tag == Tag::kBody || nodes[p].tag == Tag::kHtml) break;
    if (sum[p] > sum[container] && good[p] > good[container]) {
      container = p;
    } else {
      break;
    }
  }
  if (container_score <= 0) {
    // No real paragraph anywhere: keep every block that is not a link list.
    container = 0;
  }
}

void MainTextPass::IncludeArticle() {
  // 6. Which nodes are in: the container, its siblings with weight of their own, minus pruned
  // sections inside.
  in.assign(n, 0);
  // The end of the story's core: the last real paragraph of the element that directly holds most
  // of its paragraph text.
  uint32_t core_end = n;
  if (container != 0) {
    std::vector<uint32_t> para_chars(n, 0);  // by parent element
    uint32_t core = 0;
    auto real = [&](const RawBlock& rb) {
      return !soft[rb.owner] && rb.chars - rb.link_chars >= 60 && rb.link_chars * 10 <= rb.chars * 3;
    };
    for (const RawBlock& rb : blocks) {
      if (rb.owner <= container || rb.owner >= nodes[container].end || !real(rb)) continue;
      const uint32_t p = nodes[rb.owner].parent;
      para_chars[p] += rb.chars - rb.link_chars;
      if (core == 0 || para_chars[p] > para_chars[core]) core = p;
    }
    // After its last real paragraph (teasers may sit inside the same element).
    if (core != 0)
      for (const RawBlock& rb : blocks)
        if (nodes[rb.owner].parent == core && real(rb)) core_end = nodes[rb.owner].end;
  }
  // Elements that hold a linked sentence themselves (<div class="paragraph">The pair <a>...</a>.</div>).
  std::vector<uint8_t> sentence_owner(n, 0);
  for (const RawBlock& rb : blocks)
    if (rb.link_chars * 2 > rb.chars && LinkedSentence(rb.text, rb.chars, rb.link_chars)) sentence_owner[rb.owner] = 1;
  auto include = [&](uint32_t root) {
    in[root] = 1;
    for (uint32_t i = root + 1; i < nodes[root].end; ++i) {
      const Node& nd = nodes[i];
      if (!in[nd.parent] || soft[i]) {
        i = nd.end - 1;
        continue;
      }
      bool prune = IsSectionTag(nd.tag) && sum[i] < 0 && best[i] < options_.min_paragraph_chars && good[i] == 0 &&
                   !sentence_owner[i];
      // A lone teaser after the story's paragraphs ("Read next: headline, summary").
      prune = prune || (teaser[i] && i >= core_end);
      // Anywhere, a card that links to its story twice: the headline and a "more" link after the
      // summary ("... Hintergründe. mehr").
      prune = prune || (teaser[i] && LinksTwice(tree, i));
      if (prune) {
        i = nd.end - 1;
        continue;
      }
      in[i] = 1;
    }
  };
  include(container);
  if (container != 0) {
    const uint32_t parent = nodes[container].parent;
    const double threshold = std::max(40.0, 0.15 * sum[container]);
    for (uint32_t s = parent + 1; s < nodes[parent].end; s = nodes[s].end) {
      if (s == container || soft[s] || nodes[s].tag == Tag::kText) continue;
      if (sum[s] >= threshold && good[s] > 0) include(s);
    }
  }
}

void MainTextPass::TakeLead() {
  // The lead: a standfirst or first paragraph set apart in the article's header, above the body
  // (<h2 class="subheadline">, <p class="intro">), separated from it by bylines, dates and share
  // bars. Walking up from the first block kept: such paragraphs join; short furniture is passed
  // over; the headline (<h1>), a link list or a long stretch of removed text ends the header.
  if (container != 0 && container_score > 0) {
    size_t first = 0;
    while (first < blocks.size() && !in[blocks[first].owner]) ++first;
    uint32_t passed = 0;  // chars of furniture passed over
    int taken = 0;        // a standfirst is a paragraph or two
    const uint32_t body_depth = nodes[container].depth;
    for (size_t b = first; b-- > 0 && passed < 300 && taken < 2;) {
      const RawBlock& rb = blocks[b];
      const Node& owner = nodes[rb.owner];
      if (owner.tag == Tag::kH1) break;
      if (in[rb.owner]) continue;
      if (soft[rb.owner]) {  // a share bar, an ad slot; a photo caption (a sentence) at a quarter of its length
        passed += rb.chars >= 60 && HasSentencePunctuation(rb.text) ? rb.chars / 4 : rb.chars;
        continue;
      }
      // A link list ends the header; a byline of linked names ("Jane Roe, John Moe") is passed.
      if (rb.link_chars * 2 > rb.chars && rb.chars >= 25) {
        if (rb.chars >= 50) break;
        passed += rb.chars;
        continue;
      }
      // Only from the article's own column: the block and the container meet a few levels up.
      uint32_t a = rb.owner, c = container;
      while (nodes[a].depth > nodes[c].depth) a = nodes[a].parent;
      while (nodes[c].depth > nodes[a].depth) c = nodes[c].parent;
      while (a != c) {
        a = nodes[a].parent;
        c = nodes[c].parent;
      }
      if (nodes[a].tag == Tag::kBody || nodes[a].tag == Tag::kHtml || nodes[a].tag == Tag::kDocument ||
          body_depth > nodes[a].depth + 4)
        break;
      const uint32_t plain = rb.chars - rb.link_chars;
      // Headings are taken when they read as a standfirst (a sentence, or 15 words and more), not
      // as a headline or label.
      const bool heading = HeadingLevel(owner.tag) != 0;
      const bool sentence = ReadsAsSentence(rb.text);
      if ((plain >= 60 || sentence) && rb.link_chars * 10 <= rb.chars * 3 &&
          (!heading || std::count(rb.text.begin(), rb.text.end(), ' ') >= 14 || sentence)) {
        in[rb.owner] = 1;
        ++taken;
      } else {
        passed += rb.chars;
      }
    }
  }
}

std::vector<ContentBlock> MainTextPass::EmitBlocks() {
  std::vector<ContentBlock> out;
  for (size_t b = 0; b < blocks.size(); ++b) {
    RawBlock& rb = blocks[b];
    auto cut = [&]() {
      if (out.empty()) return;
      out.back().cut_chars_after += rb.chars;
      out.back().cut_link_chars_after += rb.link_chars;
    };
    if (!in[rb.owner] || (container == 0 && weight[b] < 0) ||
        // Link lists and fragments inside the container, e.g. a "Read more" link line.
        (rb.link_chars * 10 > rb.chars * 6 && rb.chars < options_.min_paragraph_chars &&
         !LinkedSentence(rb.text, rb.chars, rb.link_chars))) {
      cut();
      continue;
    }
    ContentBlock cb;
    const Tag t = nodes[rb.owner].tag;
    cb.heading_level = HeadingLevel(t);
    // A heading's text in a box of its own (<h2><div>The hypothesis</div></h2>) is the heading.
    if (cb.heading_level == 0 && (t == Tag::kDiv || t == Tag::kP)) cb.heading_level = HeadingLevel(nodes[nodes[rb.owner].parent].tag);
    cb.kind = cb.heading_level                                 ? BlockKind::kHeading
              : t == Tag::kLi || t == Tag::kDd || t == Tag::kDt ? BlockKind::kListItem
              : t == Tag::kBlockquote                           ? BlockKind::kQuote
              : t == Tag::kPre                                  ? BlockKind::kPre
              : t == Tag::kTr || t == Tag::kTd || t == Tag::kTh ? BlockKind::kTableRow
              : t == Tag::kP                                    ? BlockKind::kParagraph
                                                                : BlockKind::kOther;
    cb.node = rb.owner;
    cb.text = std::move(rb.text);
    cb.text_chars = rb.chars;
    cb.link_chars = rb.link_chars;
    if (data_.IsBoilerplateLine(cb.text)) {
      cut();
      continue;
    }
    out.push_back(std::move(cb));
  }
  return out;
}

// After the last paragraph of the article's own parent, short blocks from other boxes are calls
// to action, contact boxes and credits, not the story.
void DropShortBoxesAfterStory(const std::vector<Node>& nodes, std::vector<ContentBlock>& out) {
  // After the last paragraph of the article's own parent, short blocks from other boxes are
  // calls to action, contact boxes and credits, not the story.
  if (out.size() <= 2) return;
  {
    // The box of a block is its parent; where every paragraph has a wrapper of its own
    // (<div class="paragraph"><p>...</p></div>), the wrapper's parent: so the short steps and
    // subheads of such a story ("2. Plant") are not taken for another box after it.
    std::vector<uint32_t> box(out.size());
    for (size_t b = 0; b < out.size(); ++b) {
      box[b] = nodes[out[b].node].parent;
      const bool alone = (b == 0 || nodes[out[b - 1].node].parent != box[b]) &&
                         (b + 1 == out.size() || nodes[out[b + 1].node].parent != box[b]);
      const Node& wrap = nodes[box[b]];
      if (alone && out[b].kind == BlockKind::kParagraph && wrap.parent != 0 &&
          (wrap.tag == Tag::kDiv || wrap.tag == Tag::kSpan || wrap.tag == Tag::kOther))
        box[b] = wrap.parent;
    }
    std::vector<std::pair<uint32_t, uint32_t>> by_parent;  // box -> chars
    for (size_t b = 0; b < out.size(); ++b) {
      const uint32_t p = box[b];
      auto it = std::find_if(by_parent.begin(), by_parent.end(), [&](auto& e) { return e.first == p; });
      if (it == by_parent.end()) by_parent.emplace_back(p, out[b].text_chars);
      else it->second += out[b].text_chars;
    }
    const uint32_t main_parent =
        std::max_element(by_parent.begin(), by_parent.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
    size_t last_main = 0;
    for (size_t b = 0; b < out.size(); ++b)
      if (box[b] == main_parent) last_main = b;
    const Node& mp = nodes[main_parent];
    std::vector<ContentBlock> kept;
    for (size_t b = 0; b < out.size(); ++b) {
      const bool inside = out[b].node > main_parent && out[b].node < mp.end;
      if (b > last_main && !inside && out[b].text_chars < 80 && out[b].kind != BlockKind::kHeading &&
          out[b].kind != BlockKind::kListItem && out[b].kind != BlockKind::kTableRow)
        continue;
      kept.push_back(std::move(out[b]));
    }
    out = std::move(kept);
  }
}

// A heading whose section was cut introduced boilerplate.
void DropHeadingsOverCutText(std::vector<ContentBlock>& out) {
  // A heading whose section was cut introduced boilerplate: "Related articles" over a pruned
  // link list, a label at the very end. A heading that reads as a sentence ("Officials denied
  // it. The army did not.") is a pull quote or a short section and stays at the end.
  {
    std::vector<ContentBlock> kept;
    kept.reserve(out.size());
    bool body_seen = false;  // a paragraph of the body came before
    for (size_t b = 0; b < out.size(); ++b) {
      const ContentBlock& cb = out[b];
      if (cb.kind != BlockKind::kHeading && cb.text_chars >= 100) body_seen = true;
      if (cb.kind == BlockKind::kHeading) {
        // Above the body, a heading of 15 words and more is a standfirst (taken by the lead walk
        // over bylines and linked dates), not the label of a link list.
        const bool label = body_seen || std::count(cb.text.begin(), cb.text.end(), ' ') < 14;
        const bool over_cut_links =
            label && cb.cut_link_chars_after >= 40 && cb.cut_link_chars_after * 2 >= cb.cut_chars_after;
        const bool last = b + 1 == out.size();
        if (over_cut_links || (last && !ReadsAsSentence(cb.text))) {
          if (!kept.empty()) {
            kept.back().cut_chars_after += cb.text_chars + cb.cut_chars_after;
            kept.back().cut_link_chars_after += cb.link_chars + cb.cut_link_chars_after;
          }
          continue;
        }
      }
      kept.push_back(std::move(out[b]));
    }
    out = std::move(kept);
  }
}

// Trailing short link lines ("Read more", "Related") belong to what was cut.
void DropTrailingLinkLines(std::vector<ContentBlock>& out) {
  // Trailing short link lines ("Read more", "Related") belong to what was cut.
  while (!out.empty()) {
    const ContentBlock& last = out.back();
    bool drop = (last.kind == BlockKind::kHeading && !ReadsAsSentence(last.text)) ||
                (last.text_chars < 40 && last.link_chars * 2 >= last.text_chars);
    if (!drop) break;
    out.pop_back();
  }
}

}  // namespace

std::vector<ContentBlock> BoilerplateScorer::FindMainText(const HtmlTree& tree) const {
  MainTextPass pass(tree, data_, options_);
  if (pass.n <= 1) return {};
  pass.MarkDropsAndHints();
  pass.CutTextBlocks();
  if (pass.blocks.empty()) return {};
  pass.WeighBlocks();
  pass.SoftDrop();
  pass.SumUp();
  pass.ChooseContainer();
  pass.IncludeArticle();
  pass.TakeLead();
  std::vector<ContentBlock> out = pass.EmitBlocks();
  DropShortBoxesAfterStory(pass.nodes, out);
  DropHeadingsOverCutText(out);
  DropTrailingLinkLines(out);
  return out;
}


}  // namespace eventmill::extract
