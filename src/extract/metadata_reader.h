// MetadataReader: what a page says about itself, from its <head> and markup: JSON-LD
// (NewsArticle & co.), OpenGraph / article:* / Dublin Core meta, <link rel=canonical>, <time>,
// <html lang>, the <title> and the first <h1>. Each field keeps the most trusted source found
// (JSON-LD > OpenGraph/meta > <time> > <title>/<h1>).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/html/html_tree.h"

namespace eventmill::extract {

struct PageMetadata {
  std::string title;          // headline as given (may still carry " | Site")
  std::string html_title;     // the <title> element
  std::string h1;             // the first <h1>
  std::string site_name;
  std::vector<std::string> authors;
  std::string canonical_url;  // <link rel=canonical>, else og:url
  std::optional<std::string> published;  // ISO 8601 (see date_parser.h)
  std::string language;       // ISO 639-1 from <html lang> / meta, lower case; empty if not said
  std::string article_body;   // JSON-LD articleBody, when the page gives one
};

// Reads the metadata of a parsed page. Never fails: missing fields stay empty. Linear in the tree
// (JSON-LD scripts are parsed once each).
PageMetadata ReadMetadata(const html::HtmlTree& tree);

// Removes a site-name suffix or prefix from a page title ("Title | Site", "Site - Title").
// With an empty site name, only a short last part after " | " is taken as the site.
std::string StripSiteName(const std::string& title, const std::string& site_name);

// "en-US" -> "en"; "de_DE" -> "de"; "" for anything that is not a language tag.
std::string NormalizeLanguage(std::string_view tag);

// Collapses whitespace runs into one space and trims.
std::string CollapseWhitespace(std::string_view s);

}  // namespace eventmill::extract
