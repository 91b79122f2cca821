#include "extract/metadata_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "extract/date_parser.h"
#include "extract/extract_data.h"
#include "extract/headline_kicker.h"

namespace eventmill::extract {
namespace {

using html::HtmlTree;
using html::Node;
using html::Tag;
using nlohmann::json;

bool IsArticleType(const json& type) {
  auto one = [](const std::string& t) {
    return t == "NewsArticle" || t == "Article" || t == "BlogPosting" || t == "ReportageNews" ||
           t == "AnalysisNewsArticle" || t == "OpinionNewsArticle" || t == "BackgroundNewsArticle" ||
           t == "ReviewNewsArticle" || t == "Report" || t == "LiveBlogPosting" || t == "TechArticle" ||
           t == "ScholarlyArticle" || t == "SocialMediaPosting" || t == "Blog" || t == "Posting";
  };
  if (type.is_string()) return one(type.get<std::string>());
  if (type.is_array())
    for (const json& t : type)
      if (t.is_string() && one(t.get<std::string>())) return true;
  return false;
}

std::string StringOf(const json& j) {
  if (j.is_string()) return CollapseWhitespace(j.get<std::string>());
  if (j.is_object() && j.contains("name")) return StringOf(j["name"]);
  if (j.is_array() && !j.empty()) return StringOf(j[0]);
  return {};
}

// Names of a JSON-LD author value: strings, {"name"} objects, arrays of them; {"@id"} references
// are resolved through `ids` (Yoast's @graph names the Person in a node of its own). Persons go
// to *out, organisations to *orgs.
void NamesOf(const json& j, const std::unordered_map<std::string, const json*>& ids, std::vector<std::string>* out,
             std::vector<std::string>* orgs, int depth = 0) {
  if (depth > 4) return;
  if (j.is_array()) {
    for (const json& e : j) NamesOf(e, ids, out, orgs, depth + 1);
  } else if (j.is_object()) {
    if (!j.contains("name") && j.contains("@id") && j["@id"].is_string()) {
      auto it = ids.find(j["@id"].get<std::string>());
      if (it != ids.end() && it->second != &j) NamesOf(*it->second, ids, out, orgs, depth + 1);
      return;
    }
    if (!j.contains("name")) return;
    const std::string type = j.contains("@type") ? StringOf(j["@type"]) : std::string();
    NamesOf(j["name"], ids, type == "Organization" || type == "NewsMediaOrganization" ? orgs : out, orgs, depth + 1);
  } else if (j.is_string()) {
    std::string s = CollapseWhitespace(j.get<std::string>());
    if (!s.empty() && s.find("://") == std::string::npos && std::find(out->begin(), out->end(), s) == out->end())
      out->push_back(s);
  }
}

// Every JSON-LD node with an "@id", for resolving references.
void CollectIds(const json& j, std::unordered_map<std::string, const json*>* ids, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const json& e : j) CollectIds(e, ids, depth + 1);
  } else if (j.is_object()) {
    if (j.contains("@id") && j["@id"].is_string() && j.contains("name")) ids->emplace(j["@id"].get<std::string>(), &j);
    if (j.contains("@graph")) CollectIds(j["@graph"], ids, depth + 1);
  }
}

struct JsonLdFound {
  std::string headline, published, site_name, website_name, article_body;
  std::vector<std::string> authors, org_authors, page_authors;
  std::vector<DateCandidate> dates;
  std::unordered_map<std::string, const json*> ids;
  bool have_article = false;
};

std::string TypeName(const json& type) {
  if (type.is_string()) return type.get<std::string>();
  if (type.is_array() && !type.empty() && type[0].is_string()) return type[0].get<std::string>();
  return "object";
}

// The dates of one JSON-LD object of its own (not a property of another: a review's date, an
// author's birth date are not the page's).
void AddJsonLdDates(const json& j, bool article, JsonLdFound* f) {
  const std::string type = TypeName(j.contains("@type") ? j["@type"] : json());
  for (const char* key : {"datePublished", "dateCreated"}) {
    if (!j.contains(key)) continue;
    auto iso = ParseDateValue(StringOf(j[key]));
    if (!iso) continue;
    const bool created = std::strcmp(key, "dateCreated") == 0;
    int weight = created ? date_weight::kJsonLdCreated
                         : (article ? date_weight::kJsonLdArticle : date_weight::kJsonLdOther);
    f->dates.push_back({*iso, "json-ld " + type + "." + key, weight});
  }
}

void WalkJsonLd(const json& j, JsonLdFound* f, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const json& e : j) WalkJsonLd(e, f, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("@graph")) WalkJsonLd(j["@graph"], f, depth + 1);
  const json type = j.contains("@type") ? j["@type"] : json();
  const bool article = IsArticleType(type);
  // The first article object is the page's; later ones (a list of teasers) are other objects.
  AddJsonLdDates(j, article && !f->have_article, f);
  if (article && !f->have_article) {
    f->have_article = true;
    if (j.contains("headline")) f->headline = StringOf(j["headline"]);
    if (f->headline.empty() && j.contains("name")) f->headline = StringOf(j["name"]);
    if (j.contains("datePublished")) f->published = StringOf(j["datePublished"]);
    if (f->published.empty() && j.contains("dateCreated")) f->published = StringOf(j["dateCreated"]);
    if (j.contains("author")) NamesOf(j["author"], f->ids, &f->authors, &f->org_authors);
    if (j.contains("publisher")) f->site_name = StringOf(j["publisher"]);
    if (j.contains("articleBody") && j["articleBody"].is_string()) f->article_body = j["articleBody"].get<std::string>();
  } else if (!article && j.contains("author") && f->page_authors.empty()) {
    // A WebPage (or another object) naming the author: used when no article object does.
    std::vector<std::string> orgs;
    NamesOf(j["author"], f->ids, &f->page_authors, &orgs);
  }
  if (article) return;
  if (type.is_string() && type.get<std::string>() == "WebSite" && j.contains("name")) {
    if (f->website_name.empty()) f->website_name = StringOf(j["name"]);
  } else if (type.is_string() && j.contains("mainEntity")) {
    WalkJsonLd(j["mainEntity"], f, depth + 1);
  }
}

// Meta names that carry the publication date: exact keys, and any key naming a publication
// ("zdf:publicationDate", "shareaholic:article_published_time", "sw-pubdate") that is not about a
// publisher or a change.
int MetaDateWeight(const std::string& key) {
  static const char* kGeneric[] = {"date", "dc.date", "dc:date", "dcterms.date", "dcterms.created", "dc.date.created",
                                   "created", "creation_date"};
  for (const char* g : kGeneric)
    if (key == g) return date_weight::kMetaGeneric;
  static const char* kExact[] = {"dc.date.issued", "dcterms.issued", "sailthru.date", "citation_date",
                                 "bepress_citation_date", "release_date", "og:release_date", "article.created"};
  for (const char* e : kExact)
    if (key == e) return date_weight::kMetaPublished;
  if (key.find("publisher") != std::string::npos || key.find("modif") != std::string::npos ||
      key.find("updat") != std::string::npos || key.find("expir") != std::string::npos)
    return 0;
  if (key.find("publish") != std::string::npos || key.find("pubdate") != std::string::npos ||
      key.find("publication") != std::string::npos || key.find("pub-date") != std::string::npos ||
      key.find("pub_date") != std::string::npos)
    return date_weight::kMetaPublished;
  return 0;
}

std::string NodeText(const HtmlTree& tree, uint32_t i) {
  std::string s;
  tree.AppendAllText(i, &s);
  return CollapseWhitespace(s);
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

}  // namespace

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // U+00A0 no-break space counts as a space here.
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
      continue;
    }
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string NormalizeLanguage(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_' || c == ' ' || c == ',' || c == ';') break;
    if (!((c | 32) >= 'a' && (c | 32) <= 'z')) return {};
    out.push_back(static_cast<char>(c | 32));
  }
  if (out.size() < 2 || out.size() > 3) return {};
  return out;
}

std::string StripSiteName(const std::string& title, const std::string& site_name) {
  static const char* kSeps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " ‹ ", " › "};
  const std::string site = AsciiLower(CollapseWhitespace(site_name));
  std::string t = CollapseWhitespace(title);
  auto matches_site = [&](std::string part) {
    part = AsciiLower(part);
    if (site.empty() || part.empty()) return false;
    auto strip = [](std::string s) {
      std::string o;
      for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) o.push_back(c);
      return o;
    };
    std::string a = strip(part), b = strip(site);
    if (a.empty() || b.empty()) return false;
    return a == b || a.find(b) != std::string::npos || b.find(a) != std::string::npos;
  };
  for (const char* sep : kSeps) {
    size_t pos = t.rfind(sep);
    if (pos != std::string::npos && pos > 0) {
      std::string last = t.substr(pos + std::strlen(sep));
      if (matches_site(last)) return StripSiteName(t.substr(0, pos), site_name);
    }
    pos = t.find(sep);
    if (pos != std::string::npos && pos > 0) {
      std::string first = t.substr(0, pos);
      if (matches_site(first)) return t.substr(pos + std::strlen(sep));
    }
  }
  // Without a known site name, " | Short Name" at the end is the site in all but odd cases.
  size_t bar = t.rfind(" | ");
  if (bar != std::string::npos && bar > 0) {
    std::string last = t.substr(bar + 3);
    size_t words = std::count(last.begin(), last.end(), ' ') + 1;
    if (words <= 4 && last.size() * 2 < bar) return t.substr(0, bar);
  }
  return t;
}

namespace {

// Words (letters and digits, lower-cased ASCII; other bytes kept) of a line, for comparing a
// headline with the titles in <head>.
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= s.size(); ++i) {
    const unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    // U+2000..U+206F (dashes, quotation marks) and U+00A0..U+00BF (« », no-break space) part words.
    if (c == 0xE2 && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xFE) == 0x80) {
      if (!w.empty()) out.push_back(std::move(w)), w.clear();
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0 &&
        static_cast<unsigned char>(s[i + 1]) <= 0xBF) {
      if (!w.empty()) out.push_back(std::move(w)), w.clear();
      ++i;
      continue;
    }
    if (std::isalnum(c) || c >= 0x80) {
      w.push_back(static_cast<char>(std::tolower(c)));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  return out;
}

// How well a heading repeats a reference title: the share of the heading's words found in the
// reference times the share of the reference's words found in the heading.
double Agreement(const std::vector<std::string>& heading, const std::vector<std::string>& ref) {
  if (heading.empty() || ref.empty()) return 0;
  auto found = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    size_t n = 0;
    for (const std::string& w : a)
      if (std::find(b.begin(), b.end(), w) != b.end()) ++n;
    return static_cast<double>(n) / a.size();
  };
  return found(heading, ref) * found(ref, heading);
}

// Whether element i sits in a part of the page that is not the article's own: a list item, an
// aside, a footer, or an element the class hints remove (comments, teasers).
// The class and id of an element, lower-cased into *out (reused: no allocation per element).
void ClassAndId(const HtmlTree& tree, const Node& nd, std::string* out) {
  out->clear();
  for (std::string_view v : {tree.Attr(nd, "class"), tree.Attr(nd, "id")}) {
    const size_t from = out->size();
    out->append(v);
    out->push_back(' ');
    for (size_t k = from; k < out->size(); ++k)
      if ((*out)[k] >= 'A' && (*out)[k] <= 'Z') (*out)[k] = static_cast<char>((*out)[k] | 32);
  }
}

// Narrow, for an author or a date element (a byline sits in a list of meta items, an <aside>, a
// box the hints call "author-info"; a paywalled article's box is still the article): only comment
// sections, teasers, sidebars, navigation and footers are other parts.
bool InOtherPart(const HtmlTree& tree, uint32_t i, const ExtractData* data, bool narrow = false) {
  const auto& nodes = tree.nodes();
  std::string names;
  for (uint32_t a = nodes[i].parent, steps = 0; a != 0 && steps < 40; a = nodes[a].parent, ++steps) {
    const Node& n = nodes[a];
    if (narrow && (n.tag == Tag::kFooter || n.attr_count > 0)) {
      // The footer of the story itself ("entry-footer", "post-footer", "article-footer") holds its
      // byline and date, like its header.
      ClassAndId(tree, n, &names);
      if (names.find("footer") != std::string::npos &&
          (names.find("entry") != std::string::npos || names.find("post") != std::string::npos ||
           names.find("article") != std::string::npos))
        continue;
    }
    if (n.tag == Tag::kFooter || n.tag == Tag::kNav) return true;
    if (!narrow && (n.tag == Tag::kLi || n.tag == Tag::kAside)) return true;
    // The page's frame (<body class="cookies-not-set">, a wrapper holding most of the page) is no part.
    if (n.tag == Tag::kBody || n.tag == Tag::kHtml || n.tag == Tag::kMain || n.tag == Tag::kArticle ||
        (n.end - a) * 2 > nodes.size())
      continue;
    if (narrow) {
      ClassAndId(tree, n, &names);
      for (std::string_view w : {"comment", "related", "teaser", "recommend", "sidebar", "footer"})
        if (names.find(w) != std::string::npos) return true;
    } else if (data) {
      int score = 0;
      for (std::string_view attr : {tree.Attr(n, "class"), tree.Attr(n, "id")})
        if (!attr.empty() && data->Classify(attr, &score) == HintKind::kRemove) return true;
    }
  }
  return false;
}

// Whether a short text may be a date label: a digit or a colon in it ("Veröffentlicht am 16.08.2019",
// "Datum:"), or a few words alone ("Mise en ligne").
bool LooksLikeLabel(std::string_view t) {
  if (t.size() < 25) return true;
  for (char c : t)
    if (c == ':' || (c >= '0' && c <= '9')) return true;
  return false;
}

// What lower-cased class and id names say, read in one pass (this runs for most elements):
// a date or the article's meta line ("post-date", "meta__date", "_publishingdate", "byline"), an
// author ("author vcard", "byline__author-name", "field-contributor", "journalist-name"), or a
// picture or comment beside one ("avatar").
struct NameHints {
  bool date = false, author = false, not_author = false;
};

NameHints ReadNameHints(std::string_view names) {
  NameHints h;
  auto at = [&](size_t p, std::string_view w) {  // compared in line: this runs for most elements
    if (names.size() - p < w.size()) return false;
    for (size_t k = 0; k < w.size(); ++k)
      if (names[p + k] != w[k]) return false;
    return true;
  };
  for (size_t p = 0; p < names.size(); ++p) {
    switch (names[p]) {
      case 'd': h.date = h.date || at(p, "date") || at(p, "datum"); break;
      case 't': h.date = h.date || at(p, "time"); h.not_author = h.not_author || at(p, "thumb"); break;
      case 'p': h.date = h.date || at(p, "publish") || at(p, "posted"); break;
      case 'c':
        h.date = h.date || at(p, "created");
        h.not_author = h.not_author || at(p, "comment");
        h.author = h.author || at(p, "contributor");  // schema.org's contributor, Drupal's field
        break;
      case 'j': h.author = h.author || at(p, "journalist"); break;
      case 'm': h.date = h.date || at(p, "meta"); break;
      case 'f': h.date = h.date || at(p, "fecha"); break;
      case 'i':
        h.date = h.date || at(p, "info");
        h.not_author = h.not_author || at(p, "image");
        break;
      case 'b':
        if (at(p, "byline")) h.date = h.author = true;
        h.not_author = h.not_author || at(p, "bio");
        break;
      case 'a':
        if (at(p, "author") || at(p, "autor")) h.date = h.author = true;
        h.not_author = h.not_author || at(p, "avatar");
        break;
      case 'w': h.author = h.author || at(p, "writer"); break;
      case 'v': h.author = h.author || at(p, "verfasser"); break;
      default: break;
    }
  }
  return h;
}

bool LooksLikeDateElement(const NameHints& h) { return h.date; }

bool LooksLikeAuthorElement(const Node& nd, const NameHints& h) {
  if (nd.tag == Tag::kImg || nd.tag == Tag::kMeta || nd.tag == Tag::kLink || nd.tag == Tag::kScript) return false;
  return h.author && !h.not_author;
}

// Whether a <time> element is a change stamp ("updated", "modified", "Editiert am").
bool IsChangeStamp(const HtmlTree& tree, uint32_t i, const ExtractData* data) {
  const Node& nd = tree.nodes()[i];
  const std::string cls = AsciiLower(std::string(tree.Attr(nd, "class")) + " " + std::string(tree.Attr(nd, "itemprop")));
  if (cls.find("updat") != std::string::npos || cls.find("modif") != std::string::npos ||
      cls.find("edit") != std::string::npos)
    return true;
  if (!data) return false;
  std::string text;
  tree.AppendAllText(i, &text);
  // The words before the element, in its parent ("Aktualisiert: <time>").
  const Node& parent = tree.nodes()[nd.parent];
  if (nd.parent != 0 && parent.end - nd.parent < 12) {
    std::string around;
    tree.AppendAllText(nd.parent, &around);
    text = around;
  }
  return data->MarksChange(text);
}

}  // namespace

std::string DecodeLeftoverEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i]);
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (name == "amp") cp = '&';
    else if (name == "quot") cp = '"';
    else if (name == "lt") cp = '<';
    else if (name == "gt") cp = '>';
    else if (name == "apos") cp = '\'';
    else if (name == "nbsp") cp = 0xA0;
    else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      unsigned long v = digits.empty() ? 0 : std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (end && *end == '\0' && v > 0 && v < 0x110000 && !(v >= 0xD800 && v < 0xE000)) cp = static_cast<uint32_t>(v);
    }
    if (cp == 0) {
      out.push_back(s[i]);
      continue;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    i = semi;
  }
  return out;
}

std::string HeadlineAmong(const std::vector<std::string>& h1s, const std::vector<std::string>& references) {
  std::vector<std::vector<std::string>> refs;
  for (const std::string& r : references)
    if (!r.empty()) refs.push_back(Words(r));
  std::string best;
  double best_score = 0;
  for (const std::string& h : h1s) {
    // The whole heading, and each of its lines (a kicker or a date set above the headline).
    std::vector<std::string> options{CollapseWhitespace(h)};
    if (h.find('\n') != std::string::npos) {
      size_t b = 0;
      while (b < h.size()) {
        size_t e = h.find('\n', b);
        if (e == std::string::npos) e = h.size();
        std::string line = CollapseWhitespace(std::string_view(h).substr(b, e - b));
        if (!line.empty() && line != options[0]) options.push_back(line);
        b = e + 1;
      }
    }
    for (const std::string& o : options) {
      const std::vector<std::string> words = Words(o);
      if (words.empty()) continue;
      for (const auto& r : refs) {
        const double score = Agreement(words, r);
        if (score > best_score + 1e-9) best_score = score, best = o;
      }
    }
  }
  if (best_score >= 0.3) return best;
  // No heading repeats a title, but one opens a title of the head before a separator ("Faire
  // Lieferketten - Jugendwerk - JW"): the rest is the site's name, the heading the page's title.
  static const char* kSeps[] = {" | ", " - ", " – ", " — ", " · ", " » ", " :: "};
  for (const std::string& h : h1s) {
    const std::string heading = CollapseWhitespace(h);
    if (Words(heading).size() < 2) continue;
    for (const std::string& r : references) {
      if (r.size() <= heading.size() || r.compare(0, heading.size(), heading) != 0) continue;
      for (const char* sep : kSeps)
        if (r.compare(heading.size(), std::strlen(sep), sep) == 0) return heading;
    }
  }
  return std::string();
}

namespace {

// The site's name in the title of its news feed (<link rel="alternate" type="application/rss+xml"
// title="Site » Feed">, "Site RSS Feed", "Site - Atom"); empty for another feed (a comment feed,
// a category's: "Site » Story Kommentar-Feed") or another link.
std::string FeedSiteName(std::string_view type, std::string_view title) {
  const std::string t = AsciiLower(type);
  if (t.find("rss") == std::string::npos && t.find("atom") == std::string::npos) return {};
  std::string name = CollapseWhitespace(DecodeLeftoverEntities(title));
  const std::string lower = AsciiLower(name);
  if (lower.find("comment") != std::string::npos || lower.find("kommentar") != std::string::npos ||
      lower.find("commentaire") != std::string::npos)
    return {};
  // The feed's word at the end, with the separator before it.
  static const char* kFeedWords[] = {" rss feed", " atom feed", " feed", " rss", " atom"};
  bool cut = false;
  for (const char* w : kFeedWords) {
    const size_t n = std::strlen(w);
    if (lower.size() > n && lower.compare(lower.size() - n, n, w) == 0) {
      name.resize(name.size() - n);
      cut = true;
      break;
    }
  }
  if (!cut) return {};
  static const char* kSeps[] = {" »", " -", " |", " –", " :", " ::", " ·"};
  for (const char* sep : kSeps) {
    const size_t n = std::strlen(sep);
    if (name.size() > n && name.compare(name.size() - n, n, sep) == 0) name.resize(name.size() - n);
  }
  name = CollapseWhitespace(name);
  // "Site » Story" left over is a story's feed, not the site's; a separator alone names nothing.
  for (const char* sep : {" » ", " | ", " - ", " – ", "»"})
    if (name.find(sep) != std::string::npos) return {};
  if (std::none_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }))
    return {};
  return name;
}

// Nodes after the <h1> that are "right below the headline" (a date line, a byline).
constexpr uint32_t kBelowHeadline = 16;

// One pass over the page's nodes, collecting what each source of metadata says (JSON-LD, <meta>
// tags, <h1>s, date and author elements), then the choices among them; each step reads what the
// earlier ones left in the members.
struct MetadataScan {
  MetadataScan(const HtmlTree& tree, const ExtractData* data) : tree(tree), data(data), nodes(tree.nodes()) {}

  void AddDate(std::string_view value, std::string source, int weight);
  void ReadNode(uint32_t i);
  void ReadItempropDate(uint32_t i);
  void CollectAuthorElement(uint32_t i);
  void CollectMarkedAuthor(uint32_t i, bool itemprop);
  void ReadBylineText(uint32_t i);
  void ReadDateElement(uint32_t i);
  void ReadDateLabel(uint32_t i);
  void ReadDateBeforeHeadline(uint32_t h1);
  void ReadH1(uint32_t i);
  void FindScriptDate(uint32_t i);
  void CollectJsonLd(uint32_t i);
  void ReadTime(uint32_t i);
  void CollectMetaTag(uint32_t i);
  void ChooseTitle();
  void ChooseSiteName();
  void CollectAuthorCandidates();
  void ChooseDates();
  void ChooseLanguage();

  const HtmlTree& tree;
  const ExtractData* data;
  const std::vector<Node>& nodes;
  PageMetadata md;
  JsonLdFound ld;
  std::string feed_site;  // the site's name as its news feed gives it ("Site » Feed")
  std::string og_title, og_site, og_url, canonical, og_locale, meta_lang, html_lang, twitter_title, app_name;
  struct SplitHeading {
    std::string whole;  // the <h1>'s text, kicker and all
    KickerSplit split;
  };
  std::vector<SplitHeading> h1_kickers;  // the <h1>s that set a kicker before the headline
  std::vector<std::string> meta_authors, h1s, dom_authors, class_authors, label_authors;
  std::vector<std::string> byline_texts;  // "Von Max Muster" in the page's text, or the name after a lone "Von:"
  std::string twitter_label;  // the last twitter:labelN seen ("Written by"), for its twitter:dataN
  const char* dom_authors_from = "";
  bool have_itemprop = false, have_time_published = false, have_time_first = false, have_date_element = false;
  bool seen_h1 = false, have_script_date = false, have_label_date = false;
  // A date element above the first <h1>: the page's when the <h1> follows closely or there is none.
  DateCandidate date_element_before_h1;
  uint32_t date_element_before_h1_at = 0, first_h1_at = 0;
  // The first date element after it, and where its candidate went in md.dates.
  uint32_t date_element_after_h1_at = 0;
  size_t date_element_after_h1_index = 0;
  std::string names;  // class and id of the element at hand, lower-cased
};

void MetadataScan::ReadNode(uint32_t i) {
  const Node& nd = nodes[i];
  if (nd.tag != Tag::kText && nd.attr_count > 0 && !have_itemprop && tree.Attr(nd, "itemprop") == "datePublished")
    ReadItempropDate(i);
  // Bylines and date lines sit by the headline: before it, or in the first stretch after it.
  const bool want_author = class_authors.size() < 8 && (!seen_h1 || i - first_h1_at < 2000);
  const bool want_date = !have_date_element && (!seen_h1 || i - first_h1_at < 3000);
  const bool small_named =
      nd.tag != Tag::kText && nd.attr_count > 0 && nd.end - i < 40 && (want_author || want_date);
  NameHints hints;
  if (small_named) {
    ClassAndId(tree, nd, &names);
    hints = ReadNameHints(names);
  }
  if (small_named && want_author && nd.end - i < 30 && LooksLikeAuthorElement(nd, hints) &&
      !InOtherPart(tree, i, data, /*narrow=*/true))
    CollectAuthorElement(i);
  if (nd.tag != Tag::kText && nd.attr_count > 0 && dom_authors.size() < 6) {
    // <span itemprop="author">, <a rel="author">: the name as shown.
    const bool itemprop = tree.Attr(nd, "itemprop") == "author";
    const bool rel = nd.tag == Tag::kA && AsciiLower(tree.Attr(nd, "rel")) == "author";
    if ((itemprop || rel) && !InOtherPart(tree, i, data, /*narrow=*/true)) CollectMarkedAuthor(i, itemprop);
  }
  // Right below the headline, a short element holding a date is the date line whatever its class.
  const bool below_h1 = seen_h1 && i - first_h1_at < kBelowHeadline && nd.tag != Tag::kText && nd.end - i < 8;
  if (((small_named && want_date) || below_h1) && !have_date_element && nd.tag != Tag::kScript &&
      (nd.tag == Tag::kTime ? tree.Attr(nd, "datetime").empty() : below_h1 || LooksLikeDateElement(hints)) &&
      (seen_h1 || date_element_before_h1.value.empty()))
    ReadDateElement(i);
  if (nd.tag == Tag::kH1 && !seen_h1) first_h1_at = i;
  // Bylines written as text sit where author elements do.
  if (nd.tag == Tag::kText && want_author && data && byline_texts.size() < 4 && nd.text_size < 120 && nd.text_size > 1)
    ReadBylineText(i);
  // Labels sit in the article's header and body: from the headline on (or anywhere on a page
  // without one), for the first thousand nodes.
  if (nd.tag == Tag::kText && !have_label_date && data && nd.text_size < 80 && nd.text_size > 4 &&
      (seen_h1 ? i - first_h1_at < 1000 : i < 3000) && LooksLikeLabel(tree.Text(nd)) &&
      data->MarksPublication(tree.Text(nd)))
    ReadDateLabel(i);
  switch (nd.tag) {
    case Tag::kHtml:
      if (html_lang.empty()) html_lang = std::string(tree.Attr(nd, "lang"));
      if (html_lang.empty()) html_lang = std::string(tree.Attr(nd, "xml:lang"));
      break;
    case Tag::kTitle:
      if (md.html_title.empty()) md.html_title = NodeText(tree, i);
      break;
    case Tag::kH1:
      ReadH1(i);
      break;
    case Tag::kLink: {
      std::string rel = AsciiLower(tree.Attr(nd, "rel"));
      if (rel == "canonical" && canonical.empty()) canonical = CollapseWhitespace(tree.Attr(nd, "href"));
      if (rel == "alternate" && feed_site.empty()) feed_site = FeedSiteName(tree.Attr(nd, "type"), tree.Attr(nd, "title"));
      break;
    }
    case Tag::kScript:
      if (AsciiLower(tree.Attr(nd, "type")).find("ld+json") != std::string::npos) {
        CollectJsonLd(i);
      } else if (!have_script_date && nd.end > i + 1) {
        FindScriptDate(i);
      }
      break;
    case Tag::kTime:
      ReadTime(i);
      break;
    case Tag::kMeta:
      CollectMetaTag(i);
      break;
    default:
      break;
  }
}

void MetadataScan::AddDate(std::string_view value, std::string source, int weight) {
  if (auto iso = ParseDateValue(value)) md.dates.push_back({*iso, std::move(source), weight});
}

// itemprop="datePublished" on a <meta>, a <time> or any element: content, datetime or text.
void MetadataScan::ReadItempropDate(uint32_t i) {
  const Node& nd = nodes[i];
  std::string_view v = tree.Attr(nd, "content");
  if (v.empty()) v = tree.Attr(nd, "datetime");
  std::string text;
  if (v.empty()) {
    tree.AppendAllText(i, &text);
    v = text;
  }
  size_t before = md.dates.size();
  AddDate(v, std::string("itemprop datePublished (") + std::string(html::TagName(nd.tag)) + ")",
          date_weight::kItemprop);
  have_itemprop = md.dates.size() > before;
}

// <span class="author vcard">, <p class="byline">Von Max Muster</p>: short text, cleaned later.
void MetadataScan::CollectAuthorElement(uint32_t i) {
  std::string text = NodeText(tree, i);
  if (!text.empty() && text.size() <= 100) class_authors.push_back(text);
}

void MetadataScan::CollectMarkedAuthor(uint32_t i, bool itemprop) {
  const Node& nd = nodes[i];
  std::string name;
  // An itemprop="name" inside holds the name alone.
  for (uint32_t k = i + 1; k < nd.end && name.empty(); ++k)
    if (nodes[k].tag != Tag::kText && tree.Attr(nodes[k], "itemprop") == "name") {
      std::string_view c = tree.Attr(nodes[k], "content");
      name = c.empty() ? NodeText(tree, k) : CollapseWhitespace(c);
    }
  if (name.empty() && nd.tag == Tag::kMeta) name = CollapseWhitespace(tree.Attr(nd, "content"));
  if (name.empty()) name = NodeText(tree, i);
  if (!name.empty() && name.size() < 120 && std::find(dom_authors.begin(), dom_authors.end(), name) == dom_authors.end()) {
    if (dom_authors.empty()) dom_authors_from = itemprop ? "itemprop author" : "a rel=author link";
    dom_authors.push_back(name);
  }
}

// A byline in the page's text by the headline, whatever the element's class: "Von Max Muster am"
// in one text, or a label alone ("Von:", "Autor", "By") and the name in the next text.
void MetadataScan::ReadBylineText(uint32_t i) {
  std::string_view raw = tree.Text(nodes[i]);
  size_t first = 0;  // past spaces and a bar ("| By" after a date), without memchr per byte
  while (first < raw.size() && (raw[first] == ' ' || raw[first] == '\t' || raw[first] == '\r' || raw[first] == '\n' ||
                                raw[first] == '|' || raw[first] == '-'))
    ++first;
  if (raw.compare(first, 2, "\xC2\xA0") == 0) first += 2;  // "-&nbsp;Redaktion: ..." after a date
  if (first == raw.size()) return;
  raw.remove_prefix(first);
  // Cheap test first, without copying: most texts open with no byline word's first word.
  const unsigned char c0 = static_cast<unsigned char>(raw[0]);
  if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z'))) return;
  const bool opens = std::any_of(data->byline_words().begin(), data->byline_words().end(), [&](const std::string& w) {
    if (w.empty() || static_cast<char>(c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0) != w[0]) return false;
    size_t n = 1;
    while (n < w.size() && w[n] != ' ' && w[n] != ':') ++n;
    if (raw.size() < n) return false;
    for (size_t k = 0; k < n; ++k)
      if (static_cast<char>(std::tolower(static_cast<unsigned char>(raw[k]))) != w[k]) return false;
    return raw.size() == n || !std::isalpha(static_cast<unsigned char>(raw[n]));
  });
  if (!opens) return;
  const std::string t = CollapseWhitespace(raw);
  std::string name;
  if (data->IsByline(t)) {
    // One label at most: "Text: Title: Subtitle" is a share line, not a byline.
    if (std::count(t.begin(), t.end(), ':') > 1) return;
    name = t;
  } else if (t.size() <= 24 && nodes[i].parent != 0 && nodes[i].parent + 1 == i &&
             nodes[nodes[i].parent].tag != Tag::kA &&
             ((c0 >= 'A' && c0 <= 'Z') || nodes[nodes[i].parent].end - nodes[i].parent <= 5)) {
    // A label opening its element ("Von:", "Autor", "Par <a>Name</a>"), not a link in a menu:
    // capitalised, or in small letters when the element holds the label and a name alone
    // ("von <a>Ulrike</a>"), not in running text.
    // The label without its colon and spaces ("Autor:" and "Autor" alike).
    auto bare = [](std::string_view w) {
      while (!w.empty() && (w.back() == ':' || w.back() == ' ')) w.remove_suffix(1);
      return w;
    };
    const std::string label = AsciiLower(t);
    const bool alone =
        !bare(label).empty() && std::any_of(data->byline_words().begin(), data->byline_words().end(),
                                            [&](const std::string& w) { return bare(w) == bare(label); });
    if (!alone) return;
    for (uint32_t k = i + 1, seen = 0; k < nodes.size() && k < i + 12 && seen < 1; ++k) {
      if (nodes[k].tag != Tag::kText) continue;
      std::string next = CollapseWhitespace(tree.Text(nodes[k]));
      if (next.empty() || next == "|" || next.back() == ':') continue;  // a second label ("Auteur(s) :")
      ++seen;
      if (next.size() < 80) name = next;
    }
  }
  if (name.empty() || InOtherPart(tree, i, data, /*narrow=*/true)) return;
  if (std::find(byline_texts.begin(), byline_texts.end(), name) == byline_texts.end()) byline_texts.push_back(name);
}

// Whether element i sits in a list item that links to another page by a headline (a teaser list
// of events or stories: "29.02.2020 <a>Wine tasting in the old town</a>"); a list of the
// article's meta items (date, author) holds no such link.
bool InTeaserListItem(const HtmlTree& tree, uint32_t i) {
  const auto& nodes = tree.nodes();
  // The list item around the element, or the list the element is (a <ul> right below a headline).
  uint32_t li = nodes[i].tag == Tag::kLi || nodes[i].tag == Tag::kUl || nodes[i].tag == Tag::kOl ? i : 0;
  for (uint32_t a = nodes[i].parent, steps = 0; li == 0 && a != 0 && steps < 4; a = nodes[a].parent, ++steps)
    if (nodes[a].tag == Tag::kLi) li = a;
  if (li == 0 || nodes[li].end - li > 200) return false;
  for (uint32_t k = li + 1; k < nodes[li].end; ++k) {
    if (nodes[k].tag != Tag::kA || tree.Attr(nodes[k], "href").empty() ||
        AsciiLower(tree.Attr(nodes[k], "rel")) == "author")
      continue;
    std::string text;
    tree.AppendAllText(k, &text);
    // The headline is the link's text or, on a link over a picture, its title.
    if (CollapseWhitespace(text).size() >= 25 || CollapseWhitespace(tree.Attr(nodes[k], "title")).size() >= 25)
      return true;
  }
  return false;
}

// A visible date set apart by the headline: <span class="date">, <p class="meta">, a <time>
// without datetime. Its own short text, read as written. Outside comments and teasers.
void MetadataScan::ReadDateElement(uint32_t i) {
  const Node& nd = nodes[i];
  std::string text = NodeText(tree, i);
  if (text.size() <= 150 && !IsChangeStamp(tree, i, data) && !InOtherPart(tree, i, data, /*narrow=*/true) &&
      !InTeaserListItem(tree, i)) {
    if (auto d = FindDateInText(text, 80)) {
      DateCandidate c{*d, "a date element by the headline (" + std::string(html::TagName(nd.tag)) + ")",
                      date_weight::kDateElement, /*visible=*/true};
      if (seen_h1) {
        date_element_after_h1_at = i;
        date_element_after_h1_index = md.dates.size();
        md.dates.push_back(std::move(c));
        have_date_element = true;
      } else {
        date_element_before_h1 = std::move(c);
        date_element_before_h1_at = i;
      }
    }
  }
}

// A date alone in the element right before the headline ("<h3>21.01.2022</h3><h1>...") is the
// page's date line whatever its tag or class (found when the <h1> comes; see ChooseDates).
void MetadataScan::ReadDateBeforeHeadline(uint32_t h1) {
  const uint32_t parent = nodes[h1].parent;
  if (parent >= h1) return;
  uint32_t before = 0;  // the last sibling before the <h1> that holds text
  for (uint32_t k = parent + 1; k < h1; k = nodes[k].end > k ? nodes[k].end : k + 1) {
    if (nodes[k].tag == Tag::kText && tree.Text(nodes[k]).find_first_not_of(" \t\r\n") == std::string_view::npos)
      continue;
    before = k;
  }
  if (before == 0 || nodes[before].tag == Tag::kText || nodes[before].tag == Tag::kScript ||
      nodes[before].end - before > 6)
    return;
  const std::string text = NodeText(tree, before);
  if (text.size() < 6 || text.size() > 24 || IsChangeStamp(tree, before, data)) return;
  if (auto d = FindDateline(text); d && FindDateInText(text, 24) == d) {
    date_element_before_h1 = DateCandidate{*d, "a date alone right above the headline (" +
                                                   std::string(html::TagName(nodes[before].tag)) + ")",
                                           date_weight::kDateElement, /*visible=*/true};
    date_element_before_h1_at = before;
  }
}

// "Veröffentlicht am 16.08.2019", "Mise en ligne" over "23 mai 2019": a labelled date, in the
// label's text or in the next few texts.
void MetadataScan::ReadDateLabel(uint32_t i) {
  const Node& nd = nodes[i];
  std::optional<std::string> d = FindDateInText(tree.Text(nd), 120);
  for (uint32_t k = i + 1, seen = 0; !d && k < nodes.size() && k < i + 12 && seen < 2; ++k)
    if (nodes[k].tag == Tag::kText && nodes[k].text_size < 120 &&
        CollapseWhitespace(tree.Text(nodes[k])).size() > 0)  // blank texts between elements do not count
      d = FindDateInText(tree.Text(nodes[k]), 60), ++seen;
  if (d && !data->MarksChange(tree.Text(nd)) && !InOtherPart(tree, i, data, /*narrow=*/true)) {
    md.dates.push_back({*d, "a date labelled as published in the text", date_weight::kPublishedLabel, true});
    have_label_date = true;
  }
}

void MetadataScan::ReadH1(uint32_t i) {
  const Node& nd = nodes[i];
  // Text nodes on lines of their own: a kicker in a <span> stays apart from the headline.
  std::string lines;
  // Text nodes that meet word to word (a kicker in a <span> before the headline) go on lines
  // of their own; punctuation and spaces join ("THW" ":" " Vergangenheit").
  auto punct = [](char c) { return c == ':' || c == ',' || c == '.' || c == ';' || c == '!' || c == '?'; };
  for (uint32_t k = i + 1; k < nd.end; ++k) {
    if (nodes[k].tag != Tag::kText) continue;
    // A style sheet set inside the heading (CSS-in-JS) is not its text.
    if (nodes[nodes[k].parent].tag == Tag::kStyle || nodes[nodes[k].parent].tag == Tag::kScript) continue;
    std::string_view t = tree.Text(nodes[k]);
    const size_t first = t.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
      lines += ' ';
      continue;
    }
    const size_t last = lines.find_last_not_of(" \t\r\n");
    if (last != std::string::npos && !punct(t[first]) && !punct(lines[last])) lines += '\n';
    lines += t;
  }
  std::string text = CollapseWhitespace(lines);
  if (md.h1.empty()) md.h1 = text;
  // An <h1> that links to the home page is the site's logo, not a headline.
  bool logo = false;
  for (uint32_t k = i + 1; k < nd.end && !logo; ++k) {
    if (nodes[k].tag != Tag::kA) continue;
    std::string_view href = tree.Attr(nodes[k], "href");
    if (size_t scheme = href.find("://"); scheme != std::string_view::npos) {
      const size_t slash = href.find('/', scheme + 3);
      href = slash == std::string_view::npos ? std::string_view("/") : href.substr(slash);
    }
    logo = href == "/" || href == "/index.html" || href == "/index.php" || href == "./";
  }
  if (!text.empty() && !logo && h1s.size() < 20) {
    h1s.push_back(lines);
    // A kicker in an element of its own before the headline is no part of the title.
    if (auto split = SplitKicker(tree, i)) h1_kickers.push_back({text, std::move(*split)});
  }
  if (!logo && !seen_h1 && date_element_before_h1.value.empty() && !have_date_element) ReadDateBeforeHeadline(i);
  // Bylines and date lines are looked for by the headline, not by the logo.
  if (!logo) seen_h1 = true;
}

// A page's state in a script ({"publishedDate":"2016-11-04T20:37:27Z"}): the first such key.
// A pass over the script for each stem ("ublish", "ublicationDate"), then the whole key.
void MetadataScan::FindScriptDate(uint32_t i) {
  const std::string_view body = tree.Text(nodes[i + 1]);
  static constexpr std::string_view kKeys[] = {"\"datePublished\":\"", "\"publishedDate\":\"",
                                               "\"published_at\":\"", "\"publishDate\":\"",
                                               "\"publicationDate\":\"", "\"firstPublishedAt\":\""};
  size_t first[std::size(kKeys)];
  std::fill(std::begin(first), std::end(first), std::string_view::npos);
  for (std::string_view stem : {std::string_view("ublish"), std::string_view("ublicationDate\"")}) {
    for (size_t at = body.find(stem); at != std::string_view::npos; at = body.find(stem, at + stem.size())) {
      for (size_t k = 0; k < std::size(kKeys); ++k) {
        const size_t u = kKeys[k].find(stem);
        if (u == std::string_view::npos || first[k] != std::string_view::npos || at < u) continue;
        if (body.compare(at - u, kKeys[k].size(), kKeys[k]) == 0) first[k] = at - u + kKeys[k].size();
      }
    }
  }
  // The keys in order of trust, each at its first place in the script.
  for (size_t k = 0; k < std::size(kKeys) && !have_script_date; ++k) {
    if (first[k] == std::string_view::npos) continue;
    const std::string_view value = body.substr(first[k], 40);
    const size_t before = md.dates.size();
    AddDate(value.substr(0, value.find('"')), "a script's " + std::string(kKeys[k].substr(1, kKeys[k].size() - 4)),
            date_weight::kScriptKey);
    have_script_date = md.dates.size() > before;
  }
}

void MetadataScan::CollectJsonLd(uint32_t i) {
  std::string body;
  tree.AppendAllText(i, &body);
  try {
    json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    bool repaired = false;
    if (j.is_discarded()) {
      // Raw line breaks and tabs inside strings are common and invalid JSON: read them as
      // spaces, for the metadata; an articleBody so mangled is not taken for the text.
      for (char& c : body)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      j = json::parse(body, nullptr, /*allow_exceptions=*/false);
      repaired = true;
    }
    if (!j.is_discarded()) {
      const std::string body_before = ld.article_body;
      ld.ids.clear();
      CollectIds(j, &ld.ids, 0);
      WalkJsonLd(j, &ld, 0);
      ld.ids.clear();  // the nodes die with j
      if (repaired) ld.article_body = body_before;
    }
  } catch (const std::exception&) {
    // Malformed JSON-LD is common; the other sources still count.
  }
}

void MetadataScan::ReadTime(uint32_t i) {
  const Node& nd = nodes[i];
  std::string_view dt = tree.Attr(nd, "datetime");
  if (dt.empty() || have_time_first) return;
  const std::string cls = AsciiLower(tree.Attr(nd, "class"));
  const bool published = tree.HasAttr(nd, "pubdate") || cls.find("publish") != std::string::npos ||
                         cls.find("entry-date") != std::string::npos || cls.find("post-date") != std::string::npos;
  if (IsChangeStamp(tree, i, data) || InOtherPart(tree, i, data)) return;
  if (published && !have_time_published) {
    AddDate(dt, "<time> marked published", date_weight::kTimePublished);
    have_time_published = true;
  } else if (!published) {
    AddDate(dt, "the first <time> of the page", date_weight::kTimeFirst);
    have_time_first = true;
  }
}

void MetadataScan::CollectMetaTag(uint32_t i) {
  const Node& nd = nodes[i];
  std::string key = AsciiLower(tree.Attr(nd, "property"));
  if (key.empty()) key = AsciiLower(tree.Attr(nd, "name"));
  std::string content = CollapseWhitespace(tree.Attr(nd, "content"));
  std::string http_equiv = AsciiLower(tree.Attr(nd, "http-equiv"));
  if (http_equiv == "content-language" && meta_lang.empty()) meta_lang = content;
  if (content.empty() || key.empty()) return;
  if (key == "og:title") {
    if (og_title.empty()) og_title = content;
  } else if (key == "twitter:title") {
    if (twitter_title.empty()) twitter_title = content;
  } else if (key == "og:site_name") {
    if (og_site.empty()) og_site = content;
  } else if (key == "application-name" || key == "apple-mobile-web-app-title") {
    if (app_name.empty()) app_name = content;
  } else if (key == "og:url") {
    if (og_url.empty()) og_url = content;
  } else if (key == "og:locale") {
    if (og_locale.empty()) og_locale = content;
  } else if (key == "language" || key == "dc.language" || key == "content-language") {
    if (meta_lang.empty()) meta_lang = content;
  } else if (key == "author" || key == "article:author" || key == "dc.creator" || key == "byl" ||
             key == "sailthru.author" || key == "parsely-author" || key == "dcterms.creator" ||
             key == "dc:creator" || key == "citation_author" || key == "cxenseparse:author" ||
             key == "shareaholic:article_author_name" || key == "dcsext.author" || key == "authors") {
    std::string a = DecodeLeftoverEntities(content);
    if (a.rfind("By ", 0) == 0 || a.rfind("by ", 0) == 0) a = a.substr(3);
    if (!a.empty() && a.find("://") == std::string::npos &&
        std::find(meta_authors.begin(), meta_authors.end(), a) == meta_authors.end())
      meta_authors.push_back(a);
  } else if (key.rfind("twitter:label", 0) == 0) {
    twitter_label = AsciiLower(content);
  } else if (key.rfind("twitter:data", 0) == 0) {
    // "Written by" / "Verfasst von" / "Geschrieben von" labels the author's name.
    if (twitter_label.find("by") != std::string::npos || twitter_label.find("von") != std::string::npos ||
        twitter_label.find("autor") != std::string::npos || twitter_label.find("author") != std::string::npos ||
        twitter_label.find("par") != std::string::npos || twitter_label.find("por") != std::string::npos)
      label_authors.push_back(content);
    twitter_label.clear();
  } else if (int w = MetaDateWeight(key); w > 0) {
    AddDate(content, "meta " + key, w);
  }
}

// Title: the <h1> that repeats a title of the head (the page's own headline, not a teaser's or
// the site's logo), else JSON-LD headline, OpenGraph, Twitter card, <title>, the first <h1>.
void MetadataScan::ChooseTitle() {
  for (std::string* t : {&ld.headline, &og_title, &twitter_title, &md.html_title})
    *t = CollapseWhitespace(DecodeLeftoverEntities(*t));
  // The headlines without their kickers are headings to compare with the titles of the head too.
  std::vector<std::string> headings = h1s;
  for (const SplitHeading& s : h1_kickers) headings.push_back(s.split.headline);
  std::string h1 = HeadlineAmong(headings, {ld.headline, og_title, twitter_title, md.html_title});
  // The <h1> that repeats a title with its kicker gives the headline without it.
  std::string kicker;
  for (const SplitHeading& s : h1_kickers)
    if (!h1.empty() && (h1 == s.whole || h1 == s.split.headline)) h1 = s.split.headline, kicker = s.split.kicker;
  const std::pair<const std::string*, const char*> titles[] = {
      {&h1, "h1"}, {&ld.headline, "json-ld headline"}, {&og_title, "og:title"}, {&twitter_title, "twitter:title"},
      {&md.html_title, "<title>"}, {&md.h1, "first h1"}};
  for (const auto& [t, name] : titles) {
    if (!t->empty()) {
      md.title = *t;
      md.title_source = name;
      if (t == &h1 && !kicker.empty()) md.title_source = "h1 without its kicker '" + kicker + "'";
      break;
    }
  }
}

void MetadataScan::ChooseSiteName() {
  for (const std::string* s : {&og_site, &ld.site_name, &ld.website_name, &app_name, &feed_site}) {
    if (!s->empty()) {
      md.site_name = DecodeLeftoverEntities(*s);
      break;
    }
  }
}

// Author candidates, most trusted first; the extractor takes the first that cleans to a name.
void MetadataScan::CollectAuthorCandidates() {
  auto add_authors = [&](std::vector<std::string> names, const char* from) {
    if (!names.empty()) md.author_candidates.push_back({std::move(names), from});
  };
  add_authors(ld.authors, "json-ld author");
  add_authors(ld.page_authors, "json-ld author of the page");
  add_authors(meta_authors, "meta author");
  add_authors(label_authors, "twitter:label 'written by'");
  add_authors(dom_authors, dom_authors_from);
  for (std::string& a : class_authors) add_authors({std::move(a)}, "an author element of the page");
  for (std::string& a : byline_texts) add_authors({std::move(a)}, "a byline in the page");
  add_authors(ld.org_authors, "json-ld author (an organisation)");
  if (!md.author_candidates.empty()) {
    md.authors = md.author_candidates.front().names;
    md.authors_source = md.author_candidates.front().source;
  }
}

void MetadataScan::ChooseDates() {
  // A date element right below the headline is the headline's; one further down may be a
  // teaser's, and then a date line close above the headline is the page's date, if there is one.
  if (!date_element_before_h1.value.empty() && (!seen_h1 || first_h1_at - date_element_before_h1_at <= 60)) {
    if (!have_date_element)
      md.dates.push_back(std::move(date_element_before_h1));
    else if (date_element_after_h1_at - first_h1_at > kBelowHeadline &&
             first_h1_at - date_element_before_h1_at < date_element_after_h1_at - first_h1_at)
      md.dates[date_element_after_h1_index] = std::move(date_element_before_h1);
  }
  md.dates.insert(md.dates.begin(), ld.dates.begin(), ld.dates.end());
  md.published = ChoosePublicationDate(md.dates).value;
}

void MetadataScan::ChooseLanguage() {
  for (const std::string* l : {&html_lang, &meta_lang, &og_locale}) {
    std::string n = NormalizeLanguage(*l);
    if (!n.empty()) {
      md.language = n;
      break;
    }
  }
}

}  // namespace

PageMetadata ReadMetadata(const HtmlTree& tree, const ExtractData* data) {
  MetadataScan scan(tree, data);
  for (uint32_t i = 1; i < scan.nodes.size(); ++i) scan.ReadNode(i);
  scan.ChooseTitle();
  scan.ChooseSiteName();
  scan.CollectAuthorCandidates();
  scan.md.article_body = std::move(scan.ld.article_body);
  scan.md.canonical_url = !scan.canonical.empty() ? scan.canonical : scan.og_url;
  scan.ChooseDates();
  scan.ChooseLanguage();
  return std::move(scan.md);
}

}  // namespace eventmill::extract
