// MetadataReader: what a page says about itself, from its <head> and markup: JSON-LD
// (NewsArticle & co.), OpenGraph / article:* / Dublin Core meta, <link rel=canonical>, <time>,
// <html lang>, the <title> and the first <h1>. Each field keeps the most trusted source found
// (JSON-LD > OpenGraph/meta > <time> > <title>/<h1>).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/html/html_tree.h"
#include "extract/publication_date.h"

namespace eventmill::extract {

struct AuthorCandidate {
  std::vector<std::string> names;  // as the page gives them
  std::string source;              // "json-ld author", "meta author", "an author element of the page", ...
};

struct PageMetadata {
  std::string title;          // headline as given (may still carry " | Site")
  std::string html_title;     // the <title> element
  std::string h1;             // the first <h1>
  std::string site_name;
  std::vector<std::string> authors;    // as the page gives them (see author_names.h to clean)
  std::string authors_source;          // "json-ld author", "meta author", "itemprop author", ...
  std::vector<AuthorCandidate> author_candidates;  // every source, most trusted first (authors: the first)
  std::string canonical_url;  // <link rel=canonical>, else og:url
  std::optional<std::string> published;  // ISO 8601 (see date_parser.h): the choice among `dates`
  std::vector<DateCandidate> dates;       // every publication date the markup offers
  std::string title_source;               // where `title` was read ("h1", "og:title", ...)
  std::string language;       // ISO 639-1 from <html lang> / meta, lower case; empty if not said
  std::string article_body;   // JSON-LD articleBody, when the page gives one
};

class ExtractData;

// Reads the metadata of a parsed page. Never fails: missing fields stay empty. Linear in the tree
// (JSON-LD scripts are parsed once each). With `data`, a <time> inside a part the class hints
// remove (comments, teasers) is no candidate for the publication date.
PageMetadata ReadMetadata(const html::HtmlTree& tree, const ExtractData* data = nullptr);

// The headline among the page's <h1> elements (or a part of one, when a kicker is glued to it):
// the one that best repeats one of `references` (og:title, <title>, ...); failing that, one of two
// words or more that opens a reference before a separator ("Heading - Site - Section"); empty
// when none does.
std::string HeadlineAmong(const std::vector<std::string>& h1s, const std::vector<std::string>& references);

// Decodes the character references a page left in an attribute or JSON value (double-escaped
// "&amp;#8222;" reads "&#8222;" after the parser): &#NNN; &#xHH; &amp; &quot; &lt; &gt; &apos;.
std::string DecodeLeftoverEntities(std::string_view s);

// Removes a site-name suffix or prefix from a page title ("Title | Site", "Site - Title").
// With an empty site name, only a short last part after " | " is taken as the site.
std::string StripSiteName(const std::string& title, const std::string& site_name);

// "en-US" -> "en"; "de_DE" -> "de"; "" for anything that is not a language tag.
std::string NormalizeLanguage(std::string_view tag);

// Collapses whitespace runs into one space and trims.
std::string CollapseWhitespace(std::string_view s);

}  // namespace eventmill::extract
