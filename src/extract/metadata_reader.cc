#include "extract/metadata_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "extract/date_parser.h"
#include "extract/extract_data.h"

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

void NamesOf(const json& j, std::vector<std::string>* out) {
  if (j.is_array()) {
    for (const json& e : j) NamesOf(e, out);
  } else if (j.is_object()) {
    if (j.contains("name")) NamesOf(j["name"], out);
  } else if (j.is_string()) {
    std::string s = CollapseWhitespace(j.get<std::string>());
    if (!s.empty() && s.find("://") == std::string::npos &&
        std::find(out->begin(), out->end(), s) == out->end())
      out->push_back(s);
  }
}

struct JsonLdFound {
  std::string headline, published, site_name, website_name, article_body;
  std::vector<std::string> authors;
  bool have_article = false;
};

void WalkJsonLd(const json& j, JsonLdFound* f, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const json& e : j) WalkJsonLd(e, f, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("@graph")) WalkJsonLd(j["@graph"], f, depth + 1);
  const json type = j.contains("@type") ? j["@type"] : json();
  if (IsArticleType(type) && !f->have_article) {
    f->have_article = true;
    if (j.contains("headline")) f->headline = StringOf(j["headline"]);
    if (f->headline.empty() && j.contains("name")) f->headline = StringOf(j["name"]);
    if (j.contains("datePublished")) f->published = StringOf(j["datePublished"]);
    if (f->published.empty() && j.contains("dateCreated")) f->published = StringOf(j["dateCreated"]);
    if (j.contains("author")) NamesOf(j["author"], &f->authors);
    if (j.contains("publisher")) f->site_name = StringOf(j["publisher"]);
    if (j.contains("articleBody") && j["articleBody"].is_string()) f->article_body = j["articleBody"].get<std::string>();
  } else if (type.is_string() && type.get<std::string>() == "WebSite" && j.contains("name")) {
    if (f->website_name.empty()) f->website_name = StringOf(j["name"]);
  } else if (type.is_string() && type.get<std::string>() == "WebPage" && j.contains("mainEntity")) {
    WalkJsonLd(j["mainEntity"], f, depth + 1);
  }
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

PageMetadata ReadMetadata(const HtmlTree& tree) {
  PageMetadata md;
  JsonLdFound ld;
  std::string og_title, og_site, og_url, canonical, meta_date, og_locale, meta_lang, html_lang, time_date,
      twitter_title, app_name, itemprop_date;
  std::vector<std::string> meta_authors;
  const auto& nodes = tree.nodes();
  bool in_body_time = false;
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const Node& nd = nodes[i];
    switch (nd.tag) {
      case Tag::kHtml:
        if (html_lang.empty()) html_lang = std::string(tree.Attr(nd, "lang"));
        if (html_lang.empty()) html_lang = std::string(tree.Attr(nd, "xml:lang"));
        break;
      case Tag::kTitle:
        if (md.html_title.empty()) md.html_title = NodeText(tree, i);
        break;
      case Tag::kH1:
        if (md.h1.empty()) md.h1 = NodeText(tree, i);
        break;
      case Tag::kLink: {
        std::string rel = AsciiLower(tree.Attr(nd, "rel"));
        if (rel == "canonical" && canonical.empty()) canonical = CollapseWhitespace(tree.Attr(nd, "href"));
        break;
      }
      case Tag::kScript: {
        std::string type = AsciiLower(tree.Attr(nd, "type"));
        if (type.find("ld+json") == std::string::npos) break;
        std::string body;
        tree.AppendAllText(i, &body);
        try {
          json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
          if (!j.is_discarded()) WalkJsonLd(j, &ld, 0);
        } catch (const std::exception&) {
          // Malformed JSON-LD is common; the other sources still count.
        }
        break;
      }
      case Tag::kTime: {
        if (!time_date.empty() && in_body_time) break;
        std::string_view dt = tree.Attr(nd, "datetime");
        if (dt.empty()) break;
        bool pub = tree.HasAttr(nd, "pubdate") || tree.Attr(nd, "itemprop") == "datePublished";
        if (time_date.empty() || pub) {
          time_date = std::string(dt);
          in_body_time = pub;
        }
        break;
      }
      case Tag::kMeta: {
        std::string key = AsciiLower(tree.Attr(nd, "property"));
        if (key.empty()) key = AsciiLower(tree.Attr(nd, "name"));
        std::string itemprop(tree.Attr(nd, "itemprop"));
        std::string content = CollapseWhitespace(tree.Attr(nd, "content"));
        std::string http_equiv = AsciiLower(tree.Attr(nd, "http-equiv"));
        if (http_equiv == "content-language" && meta_lang.empty()) meta_lang = content;
        if (itemprop == "datePublished" && itemprop_date.empty()) itemprop_date = content;
        if (content.empty() || key.empty()) break;
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
                   key == "sailthru.author" || key == "parsely-author") {
          std::string a = content;
          if (a.rfind("By ", 0) == 0 || a.rfind("by ", 0) == 0) a = a.substr(3);
          if (!a.empty() && a.find("://") == std::string::npos &&
              std::find(meta_authors.begin(), meta_authors.end(), a) == meta_authors.end())
            meta_authors.push_back(a);
        } else if (key == "article:published_time" || key == "og:article:published_time" ||
                   key == "datepublished" || key == "publishdate" || key == "publish-date" || key == "pubdate" ||
                   key == "date" || key == "dc.date" || key == "dc.date.issued" || key == "dcterms.date" ||
                   key == "dcterms.created" || key == "sailthru.date" || key == "parsely-pub-date" ||
                   key == "citation_publication_date" || key == "article.published" ||
                   key == "published_time" || key == "release_date" || key == "original-publish-date") {
          if (meta_date.empty()) meta_date = content;
        }
        break;
      }
      default:
        break;
    }
  }
  // Title: JSON-LD headline, OpenGraph, Twitter card, <title>, <h1>.
  for (const std::string* t : {&ld.headline, &og_title, &twitter_title, &md.html_title, &md.h1}) {
    if (!t->empty()) {
      md.title = *t;
      break;
    }
  }
  for (const std::string* s : {&og_site, &ld.site_name, &ld.website_name, &app_name}) {
    if (!s->empty()) {
      md.site_name = *s;
      break;
    }
  }
  md.authors = !ld.authors.empty() ? ld.authors : meta_authors;
  md.article_body = std::move(ld.article_body);
  md.canonical_url = !canonical.empty() ? canonical : og_url;
  for (const std::string* d : {&ld.published, &meta_date, &itemprop_date, &time_date}) {
    if (d->empty()) continue;
    if (auto iso = ParseDateValue(*d)) {
      md.published = *iso;
      break;
    }
  }
  for (const std::string* l : {&html_lang, &meta_lang, &og_locale}) {
    std::string n = NormalizeLanguage(*l);
    if (!n.empty()) {
      md.language = n;
      break;
    }
  }
  return md;
}

}  // namespace eventmill::extract
