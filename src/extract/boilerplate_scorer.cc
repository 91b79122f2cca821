#include "extract/boilerplate_scorer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

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

struct BlockStats {
  double weight = 0;
  uint32_t good_chars = 0;   // text in real paragraphs
};

}  // namespace

std::vector<ContentBlock> BoilerplateScorer::FindMainText(const HtmlTree& tree) const {
  const auto& nodes = tree.nodes();
  const uint32_t n = static_cast<uint32_t>(nodes.size());
  std::vector<ContentBlock> out;
  if (n <= 1) return out;

  // 1. Hard drops (tags that are never text, hidden elements) and class/id hints, top-down.
  std::vector<uint8_t> hard(n, 0);
  std::vector<HintKind> hint(n, HintKind::kNone);
  std::vector<int8_t> hint_score(n, 0);
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
    if (tree.HasAttr(nd, "hidden") || tree.Attr(nd, "aria-hidden") == "true" ||
        IsHiddenByStyle(tree.Attr(nd, "style"))) {
      hard[i] = 1;
      continue;
    }
    int s1 = 0, s2 = 0;
    HintKind k1 = data_.Classify(tree.Attr(nd, "class"), &s1);
    HintKind k2 = data_.Classify(tree.Attr(nd, "id"), &s2);
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
    std::string_view role = tree.Attr(nd, "role");
    if (role == "navigation" || role == "contentinfo" || role == "complementary" || role == "search" ||
        role == "dialog" || role == "alertdialog" || role == "menu" || role == "menubar") {
      k = HintKind::kRemove;
    }
    if (nd.tag == Tag::kA && tree.Attr(nd, "rel") == "tag") k = HintKind::kRemove;  // tag links
    std::string_view itemprop = tree.Attr(nd, "itemprop");
    int score = s1 + s2;
    if (itemprop == "articleBody" || itemprop == "text" || role == "main" || role == "article") score += 3;
    if (k == HintKind::kNone && score != 0) k = score > 0 ? HintKind::kPositive : HintKind::kNegative;
    hint[i] = k;
    hint_score[i] = static_cast<int8_t>(std::clamp(score, -100, 100));
  }

  // 2. Text blocks: the inline text under each block-level element, in document order.
  struct RawBlock {
    uint32_t owner;
    std::string text;
    uint32_t chars = 0, link_chars = 0;
  };
  std::vector<RawBlock> blocks;
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
        if (t == Tag::kA) --in_link;
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
        for (char c : t) {
          bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
          if (space && !in_pre) {
            pending_space = true;
            continue;
          }
          if (pending_space && !cur.text.empty() && cur.text.back() != '\n') cur.text.push_back(' ');
          pending_space = false;
          cur.text.push_back(c);
          if (!space) {
            ++cur.chars;
            if (in_link) ++cur.link_chars;
          }
        }
        // A non-breaking space (U+00A0) is text to the parser; collapse it like a space.
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
        if (nd.tag == Tag::kA) ++in_link;
        if (nd.tag == Tag::kPre) ++in_pre;
      }
    }
    flush();
  }
  if (blocks.empty()) return out;

  // 3. Block weights, summed up the tree.
  std::vector<double> sum(n, 0);
  std::vector<uint32_t> good(n, 0);   // chars of real paragraphs under the node
  std::vector<uint32_t> best(n, 0);   // longest low-link block under the node
  std::vector<double> weight(blocks.size());
  uint32_t total_good = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const RawBlock& rb = blocks[b];
    const double total = rb.chars;
    const double plain = rb.chars - rb.link_chars;
    const double ld = total > 0 ? rb.link_chars / total : 1;
    const Tag t = nodes[rb.owner].tag;
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
    if (ld <= 0.3 && plain >= 60) {
      good[rb.owner] += static_cast<uint32_t>(plain);
      total_good += static_cast<uint32_t>(plain);
      best[rb.owner] = std::max(best[rb.owner], static_cast<uint32_t>(plain));
    }
  }
  for (uint32_t i = n - 1; i >= 1; --i) {
    const uint32_t p = nodes[i].parent;
    sum[p] += sum[i];
    good[p] += good[i];
    best[p] = std::max(best[p], best[i]);
  }

  // 4. Soft drops: hinted boilerplate, <nav>/<aside>/<footer>, forms with inputs; never a
  // subtree that holds most of the page's paragraph text.
  std::vector<uint8_t> soft(n, 0);
  {
    std::vector<uint8_t> has_input(n, 0);
    for (uint32_t i = n - 1; i >= 1; --i) {
      const Tag t = nodes[i].tag;
      if (t == Tag::kTextarea || t == Tag::kInput || t == Tag::kSelect) has_input[i] = 1;
      if (has_input[i]) has_input[nodes[i].parent] = 1;
    }
    for (uint32_t i = 1; i < n; ++i) {
      const Node& nd = nodes[i];
      if (nd.tag == Tag::kText) continue;
      if (soft[nd.parent]) {
        soft[i] = 1;
        continue;
      }
      bool remove = hint[i] == HintKind::kRemove || nd.tag == Tag::kNav || nd.tag == Tag::kAside ||
                    nd.tag == Tag::kFooter || (nd.tag == Tag::kForm && has_input[i]);
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
  // Recompute sums without the soft-dropped subtrees.
  std::fill(sum.begin(), sum.end(), 0);
  std::fill(good.begin(), good.end(), 0);
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (soft[blocks[b].owner]) continue;
    sum[blocks[b].owner] += weight[b];
    const double plain = blocks[b].chars - blocks[b].link_chars;
    if (plain >= 60 && blocks[b].link_chars * 10 <= blocks[b].chars * 3) good[blocks[b].owner] += static_cast<uint32_t>(plain);
  }
  for (uint32_t i = n - 1; i >= 1; --i) {
    if (soft[i]) continue;
    sum[nodes[i].parent] += sum[i];
    good[nodes[i].parent] += good[i];
  }

  // 5. The container: greatest total weight; hints nudge it, the deepest wins ties.
  uint32_t container = 0;
  double container_score = 0;
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
  if (std::getenv("EM_DEBUG")) {
    for (uint32_t i = container; i != 0; i = nodes[i].parent)
      fprintf(stderr, "chain %u %s class=%.60s soft=%d sum=%.0f good=%u\n", i, std::string(html::TagName(nodes[i].tag)).c_str(),
              std::string(tree.Attr(nodes[i], "class")).c_str(), soft[i], sum[i], good[i]);
    fprintf(stderr, "container %u score %.0f total_good %u blocks %zu\n", container, container_score, total_good, blocks.size());
    for (uint32_t i = 1; i < n; ++i) if (soft[i] && !soft[nodes[i].parent] && nodes[i].end - i > 50)
      fprintf(stderr, "  soft %u %s class=%.60s id=%.30s size=%u\n", i, std::string(html::TagName(nodes[i].tag)).c_str(),
              std::string(tree.Attr(nodes[i], "class")).c_str(), std::string(tree.Attr(nodes[i], "id")).c_str(), nodes[i].end - i);
  }
  if (container_score <= 0) {
    // No real paragraph anywhere: keep every block that is not a link list.
    container = 0;
  }

  // 6. Which nodes are in: the container, its siblings with weight of their own, minus pruned
  // sections inside.
  std::vector<uint8_t> in(n, 0);
  auto include = [&](uint32_t root) {
    in[root] = 1;
    for (uint32_t i = root + 1; i < nodes[root].end; ++i) {
      const Node& nd = nodes[i];
      if (!in[nd.parent] || soft[i]) {
        i = nd.end - 1;
        continue;
      }
      bool prune = IsSectionTag(nd.tag) && sum[i] < 0 && best[i] < options_.min_paragraph_chars && good[i] == 0;
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

  for (size_t b = 0; b < blocks.size(); ++b) {
    RawBlock& rb = blocks[b];
    if (!in[rb.owner]) continue;
    if (container == 0 && weight[b] < 0) continue;
    // Link lists and fragments inside the container, e.g. a "Read more" link line.
    if (rb.link_chars * 10 > rb.chars * 6 && rb.chars < options_.min_paragraph_chars) continue;
    ContentBlock cb;
    const Tag t = nodes[rb.owner].tag;
    cb.heading_level = HeadingLevel(t);
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
    if (data_.IsBoilerplateLine(cb.text)) continue;
    out.push_back(std::move(cb));
  }
  // A heading at the end introduced a section that was cut ("Related articles" over a pruned
  // link list).
  {
    std::vector<ContentBlock> kept;
    kept.reserve(out.size());
    for (size_t b = 0; b < out.size(); ++b) {
      if (out[b].kind == BlockKind::kHeading) {
        if (b + 1 == out.size()) continue;
      }
      kept.push_back(std::move(out[b]));
    }
    out = std::move(kept);
  }
  // Trailing short link lines ("Read more", "Related") belong to what was cut.
  while (!out.empty()) {
    const ContentBlock& last = out.back();
    bool drop = last.kind == BlockKind::kHeading ||
                (last.text_chars < 40 && last.link_chars * 2 >= last.text_chars);
    if (!drop) break;
    out.pop_back();
  }
  return out;
}

}  // namespace eventmill::extract
