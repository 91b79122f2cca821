// The front door of extraction: bytes -> UTF-8 (io::DecodeToUtf8) -> HtmlTree -> main-text
// blocks (BoilerplateScorer) and metadata (MetadataReader, AttributionFinder, DateParser,
// LanguageDetector) -> Document. Plain-text pages pass through unchanged.
#include "eventmill/extract.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_set>

#include "eventmill/lexicon.h"
#include "extract/attribution_finder.h"
#include "extract/author_names.h"
#include "extract/boilerplate_scorer.h"
#include "extract/date_parser.h"
#include "extract/extract_data.h"
#include "extract/html/html_tree.h"
#include "extract/language_detector.h"
#include "extract/metadata_reader.h"
#include "extract/name_completion.h"
#include "extract/publication_date.h"
#include "io/charset.h"

namespace eventmill {

using extract::AsciiLower;
using extract::CollapseWhitespace;

struct Extractor::Impl {
  ExtractOptions options;
  extract::ExtractData data;
  std::unique_ptr<extract::BoilerplateScorer> scorer;
  std::unique_ptr<extract::AttributionFinder> attribution;

  Result<Document> ExtractHtml(const RawPage& page, std::string html) const;
  Result<Document> ExtractText(const RawPage& page, std::string text) const;
};

namespace {

// ASCII letters and digits (what std::isalnum says in the "C" locale, without a call per byte).
inline bool IsAsciiAlnum(unsigned char u) { return ((u | 32) >= 'a' && (u | 32) <= 'z') || (u >= '0' && u <= '9'); }
inline char AsciiLowerChar(unsigned char u) { return static_cast<char>(u >= 'A' && u <= 'Z' ? u + 32 : u); }

// Letters and digits only, lower-cased: for comparing a heading with the title.
std::string Alnum(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (IsAsciiAlnum(u) || u >= 0x80) out.push_back(AsciiLowerChar(u));
  }
  return out;
}

// Letters and digits only, lower-cased, without the punctuation of other scripts and typography
// (quotation marks, dashes, « »): for finding a pull quote inside the paragraph it repeats.
std::string Letters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char u = static_cast<unsigned char>(s[i]);
    if (u < 0x80) {
      if (IsAsciiAlnum(u)) out.push_back(AsciiLowerChar(u));
      continue;
    }
    // U+2000..U+206F (general punctuation: “ ” ‘ ’ – — …) and U+00A0..U+00BF (« » ©, no-break space).
    if (u == 0xE2 && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xFE) == 0x80) {
      i += 2;
      continue;
    }
    if (u == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(u));
  }
  return out;
}

// The keys (Alnum) a headline repeating the page title may have: the title, the <title> as
// written (with kicker or site), and each of its " | " / " - " parts long enough to be a headline.
std::vector<std::string> TitleKeys(const std::string& title, const std::string& raw_title) {
  std::vector<std::string> keys;
  auto add = [&](std::string_view t) {
    std::string k = Alnum(t);
    if (k.size() >= 15 && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  };
  add(title);
  add(raw_title);
  std::string_view rest = raw_title;
  while (!rest.empty()) {
    size_t cut = std::string_view::npos, len = 0;
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": "}) {
      size_t p = rest.find(sep);
      if (p < cut) cut = p, len = sep.size();
    }
    add(rest.substr(0, cut));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + len);
  }
  return keys;
}

// Whether a short line before the body is the headline again, perhaps with a date or kicker
// ("23.01.2022 - Wierer wins", "News | 30.10.2021 «Forty days in quarantine»").
bool RepeatsTitle(std::string_view line, const std::vector<std::string>& title_keys) {
  if (line.size() > 250) return false;
  const std::string key = Alnum(line);
  if (key.size() < 15) return false;
  for (const std::string& t : title_keys) {
    if (key == t) return true;
    if (t.find(key) != std::string::npos && key.size() * 2 >= t.size()) return true;
    if (key.find(t) != std::string::npos && t.size() * 10 >= key.size() * 4) return true;
  }
  return false;
}

// Whether the text has a letter or digit (any non-ASCII byte counts: letters of other scripts).
bool HasWordChar(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c)) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // U+00A0
      ++i;
      continue;
    }
    if (c >= 0xC0) return true;  // the lead byte of another character
  }
  return false;
}

// Whether a short line reads as a person's name signing a story: two or three words, each a
// capital and then small letters ("Jane Roe", "Anna-Lena de Vries" with its particle) or an
// initial ("W."), no digit, nothing after the name.
bool ReadsAsSignature(std::string_view line) {
  size_t words = 0, capitalised = 0;
  size_t b = 0;
  while (b < line.size()) {
    size_t e = line.find(' ', b);
    if (e == std::string_view::npos) e = line.size();
    std::string_view w = line.substr(b, e - b);
    b = e + 1;
    if (w.empty()) continue;
    ++words;
    const unsigned char c0 = static_cast<unsigned char>(w[0]);
    const bool initial = w.size() == 2 && c0 >= 'A' && c0 <= 'Z' && w[1] == '.';
    bool letters = true;
    for (size_t k = 1; k < w.size() && !initial; ++k) {
      const unsigned char c = static_cast<unsigned char>(w[k]);
      if (!((c >= 'a' && c <= 'z') || c >= 0x80 || c == '-' || c == '\'')) letters = false;
    }
    // Latin-1 capitals are C3 80..9E in UTF-8 ("Ä", "É").
    const bool upper_start =
        (c0 >= 'A' && c0 <= 'Z') || (c0 == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) < 0xA0);
    if (initial || (upper_start && letters && w.size() >= 2))
      ++capitalised;
    else if (!(w == "de" || w == "van" || w == "von" || w == "der" || w == "da" || w == "di" || w == "le"))
      return false;
  }
  return words >= 2 && words <= 3 && capitalised >= 2;
}

size_t BlocksChars(const std::vector<extract::ContentBlock>& blocks) {
  size_t n = 0;
  for (const extract::ContentBlock& b : blocks) n += b.text_chars;
  return n;
}

// The position of `needle` (lower-case ASCII) in `s` from `from`, ignoring ASCII case.
size_t FindNoCase(std::string_view s, std::string_view needle, size_t from) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  // A needle opening with a byte that has no case ('<') is searched for with memchr.
  const bool caseless_first = !needle.empty() && !((needle[0] | 32) >= 'a' && (needle[0] | 32) <= 'z');
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (caseless_first) {
      const void* p = std::memchr(s.data() + i, needle[0], s.size() - needle.size() + 1 - i);
      if (!p) break;
      i = static_cast<size_t>(static_cast<const char*>(p) - s.data());
    }
    size_t k = 0;
    while (k < needle.size() && lower(s[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// The page without its <noscript> and </noscript> tags, their content kept.
std::string UnwrapNoscript(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    size_t open = FindNoCase(html, "<noscript", i);
    size_t close = FindNoCase(html, "</noscript", i);
    size_t at = std::min(open, close);
    if (at == std::string_view::npos) break;
    out.append(html.substr(i, at - i));
    size_t gt = html.find('>', at);
    i = gt == std::string_view::npos ? html.size() : gt + 1;
  }
  if (i < html.size()) out.append(html.substr(i));
  return out;
}

std::string HostOf(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  url.remove_prefix(p + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.rfind("www.", 0) == 0) url.remove_prefix(4);
  return std::string(url);
}

std::string Origin(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  size_t slash = url.find('/', p + 3);
  return std::string(url.substr(0, slash));
}

// Splits text into paragraphs at blank lines: spans of the non-blank parts, trimmed.
std::vector<Span> ParagraphSpans(std::string_view text) {
  std::vector<Span> out;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // Skip blank lines.
    while (i < n && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= n) break;
    size_t b = i, e = i;
    while (i < n) {
      size_t nl = text.find('\n', i);
      size_t line_end = nl == std::string_view::npos ? n : nl;
      std::string_view line = text.substr(i, line_end - i);
      bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
      if (blank) break;
      e = line_end;
      while (e > b && (text[e - 1] == '\r' || text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
      i = nl == std::string_view::npos ? n : nl + 1;
    }
    if (e > b) out.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }
  return out;
}

// Cuts doc->text to at most max_bytes at the end of a paragraph (or, when the first paragraph is
// longer, at a character boundary), so that the later stages' memory is bounded.
void LimitText(size_t max_bytes, Document* doc) {
  const size_t total = doc->text.size();
  size_t keep = 0;
  size_t paragraphs = 0;
  while (paragraphs < doc->paragraphs.size() && doc->paragraphs[paragraphs].end <= max_bytes) {
    keep = doc->paragraphs[paragraphs].end;
    ++paragraphs;
  }
  doc->paragraphs.resize(paragraphs);
  if (paragraphs == 0) {
    keep = max_bytes;
    while (keep > 0 && (static_cast<unsigned char>(doc->text[keep]) & 0xC0) == 0x80) --keep;
    if (keep > 0) doc->paragraphs.push_back(Span{0, static_cast<uint32_t>(keep)});
  }
  doc->text.resize(keep);
  doc->text.shrink_to_fit();
  doc->diagnostics.push_back({"extract", "truncated: main text of " + std::to_string(total) +
                                             " bytes cut to " + std::to_string(keep) + " (the " +
                                             std::to_string(max_bytes) + "-byte text limit)"});
}

std::string LanguageFor(const std::string& declared, std::string_view text, std::vector<Diagnostic>* diags) {
  // A declared language stands unless a detection on 1000 bytes and more says otherwise: under
  // that, nothing to detect.
  if (!declared.empty() && text.size() < 1000) return declared;
  // A first look at the opening 2 KiB that reads as the declared language lets it stand without
  // the longer read (docs/extraction.md, speed).
  if (!declared.empty() && text.size() > (size_t{2} << 10) &&
      extract::DetectLanguage(text, size_t{2} << 10).code == declared)
    return declared;
  extract::DetectedLanguage detected = extract::DetectLanguage(text);
  if (declared.empty()) return detected.code;
  // Templates often declare a default language the article is not in; a confident detection on a
  // real amount of text wins.
  if (!detected.code.empty() && detected.code != declared && detected.reliable && detected.percent >= 90 &&
      text.size() >= 1000) {
    diags->push_back({"extract", "page declares language '" + declared + "' but the text reads as '" +
                                     detected.code + "'"});
    return detected.code;
  }
  return declared;
}


// The steps from a parsed page's main-text blocks and metadata to its Document, in order; each
// step reads what the earlier ones left in the members.
struct HtmlExtraction {
  HtmlExtraction(const RawPage& page, const extract::PageMetadata& md, const extract::ExtractData& data,
                 const extract::AttributionFinder* attribution, Document doc)
      : page(page), md(md), data(data), attribution(attribution), doc(std::move(doc)) {}

  void ChooseUrls();
  void ChooseSiteName();
  void ChooseTitle();
  void SplitBlocks(const std::vector<extract::ContentBlock>& blocks);
  void DropRepeatedParagraphs();
  void DropCopiedParagraphs();
  void CutAtEndMarker();
  void TakeOutMetadataLines();
  void UseArticleBody();
  void MarkAttributionAndTrailer();
  void FindClosingByline();
  void CompleteShortName(const std::vector<extract::AuthorCandidate>& candidates, size_t from);
  void JoinText();
  void ChooseAuthors();
  void ChoosePublicationDate();

  const RawPage& page;
  const extract::PageMetadata& md;
  const extract::ExtractData& data;
  const extract::AttributionFinder* attribution;
  const extract::html::HtmlTree* tree = nullptr;  // the page, for completing a short author name
  Document doc;
  std::vector<std::string> title_keys;
  std::vector<std::string> paragraphs;
  std::vector<extract::BlockKind> kinds;  // parallel to paragraphs
  std::optional<std::string> visible_date;  // from a date line taken out of the text
  std::string byline;                       // a byline taken out of the text ("By Jane Doe")
  std::string closing_byline;               // a byline or a signature after the story ("Text: Jo Roe")
  std::vector<bool> keep;                   // parallel to paragraphs: whether it goes into the text
};

void HtmlExtraction::ChooseUrls() {
  doc.url = page.url;
  std::string canonical = md.canonical_url;
  if (!canonical.empty() && canonical.front() == '/' && canonical.rfind("//", 0) != 0) {
    std::string origin = Origin(page.url);
    canonical = origin.empty() ? std::string() : origin + canonical;
  } else if (canonical.rfind("//", 0) == 0) {
    canonical = "https:" + canonical;
  } else if (canonical.find("://") == std::string::npos) {
    canonical.clear();
  }
  doc.canonical_url = canonical;
  if (doc.url.empty()) doc.url = doc.canonical_url;
}

// The site name: the page's own word, else the " | Site" of its <title>, else the host.
void HtmlExtraction::ChooseSiteName() {
  doc.site_name = md.site_name;
  if (doc.site_name.empty() && !md.html_title.empty()) {
    std::string stripped = extract::StripSiteName(md.html_title, "");
    if (stripped.size() + 3 < md.html_title.size()) {
      std::string rest = CollapseWhitespace(md.html_title.substr(stripped.size()));
      while (!rest.empty() && (rest.front() == '|' || rest.front() == ' ')) rest.erase(rest.begin());
      doc.site_name = rest;
    }
  }
  if (doc.site_name.empty()) doc.site_name = HostOf(doc.url);
}

void HtmlExtraction::ChooseTitle() {
  doc.title = page.title.empty() ? extract::StripSiteName(md.title, doc.site_name) : page.title;
  doc.extract_explain.push_back("title from " + (page.title.empty() ? md.title_source : std::string("the input record")) +
                                (page.title.empty() && doc.title != md.title ? ", site name stripped" : ""));
}

// Headings that repeat the title are not text; a leading <h1> is the headline in any case.
void HtmlExtraction::SplitBlocks(const std::vector<extract::ContentBlock>& blocks) {
  const std::string title_key = Alnum(doc.title);
  title_keys = TitleKeys(doc.title, md.title);
  for (size_t b = 0; b < blocks.size(); ++b) {
    const extract::ContentBlock& block = blocks[b];
    if (block.kind == extract::BlockKind::kHeading) {
      std::string key = Alnum(block.text);
      if (key == title_key || (block.heading_level == 1 && paragraphs.empty())) continue;
    }
    // "<br><br>" inside one block separates paragraphs.
    std::string_view t = block.text;
    while (!t.empty()) {
      size_t cut = t.find("\n\n");
      std::string_view part = t.substr(0, cut);
      t = cut == std::string_view::npos ? std::string_view() : t.substr(cut + 2);
      while (!part.empty() && (part.front() == '\n' || part.front() == ' ')) part.remove_prefix(1);
      while (!part.empty() && (part.back() == '\n' || part.back() == ' ')) part.remove_suffix(1);
      if (part.empty()) continue;
      std::string p(part);
      // Runs of line breaks inside a paragraph become one.
      std::string clean;
      clean.reserve(p.size());
      for (char c : p) {
        if (c == '\n' && !clean.empty() && clean.back() == '\n') continue;
        if (c == ' ' && !clean.empty() && clean.back() == '\n') continue;
        clean.push_back(c);
      }
      if (data.IsBoilerplateLine(clean)) continue;
      paragraphs.push_back(std::move(clean));
      kinds.push_back(block.kind);
    }
  }
}

// A paragraph the page shows twice (a fact box in a mobile and a desktop copy, a teaser of the
// story itself) is text once.
void HtmlExtraction::DropRepeatedParagraphs() {
  std::vector<bool> repeated(paragraphs.size(), false);
  {
    std::unordered_set<std::string_view> seen;  // views into paragraphs, which stay put here
    for (size_t i = 0; i < paragraphs.size(); ++i)
      repeated[i] = paragraphs[i].size() >= 40 && !seen.insert(paragraphs[i]).second;
  }
  size_t k = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (repeated[i]) continue;
    if (k != i) {
      paragraphs[k] = std::move(paragraphs[i]);
      kinds[k] = kinds[i];
    }
    ++k;
  }
  paragraphs.resize(k);
  kinds.resize(k);
}

// A quote block or a loose box of text whose words all stand in a longer paragraph is a copy
// of it: a pull quote, a caption repeating a sentence of the body. The longer one stays; a
// paragraph of the story quoting another (a statement printed after the report) is left alone.
void HtmlExtraction::DropCopiedParagraphs() {
  if (paragraphs.size() > 1 && paragraphs.size() <= 400) {
    std::vector<std::string> keys;
    keys.reserve(paragraphs.size());
    for (const std::string& p : paragraphs) keys.push_back(Letters(p));
    std::vector<bool> copy(paragraphs.size(), false);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (kinds[i] != extract::BlockKind::kQuote && kinds[i] != extract::BlockKind::kOther) continue;
      if (keys[i].size() < 30 || keys[i].size() > 400) continue;
      for (size_t j = 0; j < keys.size() && !copy[i]; ++j)
        copy[i] = j != i && !copy[j] && keys[j].size() > keys[i].size() && keys[j].find(keys[i]) != std::string::npos;
    }
    size_t k = 0;
    for (size_t i = 0; i < paragraphs.size(); ++i) {
      if (copy[i]) continue;
      if (k != i) {
        paragraphs[k] = std::move(paragraphs[i]);
        kinds[k] = kinds[i];
      }
      ++k;
    }
    paragraphs.resize(k);
    kinds.resize(k);
  }
}

// A closing section label ("About the author", "Kontakt:") ends the article when what follows
// it is short next to what came before.
void HtmlExtraction::CutAtEndMarker() {
  size_t before = 0, total = 0;
  for (const std::string& p : paragraphs) total += p.size();
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0 && data.IsEndMarker(paragraphs[i]) && (total - before) * 2 < before) {
      paragraphs.resize(i);
      kinds.resize(i);
      break;
    }
    before += paragraphs[i].size();
  }
}

// Metadata lines that sit in the text block: copyright credits anywhere, and before the first
// real paragraph short dates and datelines of the page ("23.10.2018", "opublikowano: 7 kwietnia
// 2021", "24.01.2022 11:38 Kategorie: News").
void HtmlExtraction::TakeOutMetadataLines() {
  std::vector<std::string> kept;
  std::vector<extract::BlockKind> kept_kinds;
  bool seen_long = false;
  int long_seen = 0;  // paragraphs of 100 bytes and more so far: the standfirst, the first of the body
  size_t first_long = 0;
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    std::string& p = paragraphs[pi];
    const bool short_line = p.size() < 200;
    if (short_line && (p.find("\xC2\xA9") != std::string::npos)) continue;  // ©
    if (data.EndsWithCredit(p)) continue;  // an image caption: "... (Foto: Getty)"
    if (data.HasFurniturePhrase(p)) continue;  // "... All rights reserved."
    if (!HasWordChar(p)) continue;             // a paragraph of non-breaking spaces or dashes
    if (!seen_long && RepeatsTitle(p, title_keys)) continue;
    // Dates, bylines and reading times may also sit between the standfirst and the body (a few
    // lines after it, not the cells of a table of results further down).
    const bool header_line = !seen_long || (pi < first_long + 5 && kinds[pi] != extract::BlockKind::kTableRow);
    if (long_seen < 2 && header_line && p.size() < 120) {
      size_t digits = std::count_if(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
      size_t letters = std::count_if(p.begin(), p.end(), [](char c) {
        return ((c | 32) >= 'a' && (c | 32) <= 'z') || static_cast<unsigned char>(c) >= 0xC0;
      });
      size_t words = std::count(p.begin(), p.end(), ' ') + 1;
      auto date = extract::FindDateInText(p, p.size());
      // "23.10.2018", "Updated: 8 Nov 2023", "19. Oktober 2019, 19:08 Uhr Editiert am ... Nr. 43/2019"
      if ((p.size() < 80 && words <= 8 && (date || digits * 3 >= p.size())) || (date && digits * 2 >= letters)) {
        if (!visible_date && date && !data.MarksChange(p) && !data.LabelsAnotherDate(p)) visible_date = date;
        continue;
      }
    }
    if (long_seen < 2 && header_line && kinds[pi] != extract::BlockKind::kHeading && data.IsByline(p)) {
      if (byline.empty()) byline = p;
      continue;
    }
    // Before the article starts, a few words without a sentence are a byline, a reading time or
    // a label ("Iwona Kurz", "11 minut czytania"); headings stay.
    auto quoted = [](const std::string& t) {
      for (std::string_view q : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9E", "\xC2\xAB"})
        if (t.find(q) != std::string::npos) return true;
      return false;
    };
    if (!seen_long && kinds[pi] != extract::BlockKind::kHeading && p.size() < 40 && p.find_first_of(".!?:") == std::string::npos &&
        !quoted(p) && std::count(p.begin(), p.end(), ' ') < 4)
      continue;
    if (p.size() >= 100) {
      if (!seen_long) first_long = pi;
      seen_long = true;
      ++long_seen;
    }
    kept.push_back(std::move(p));
    kept_kinds.push_back(kinds[pi]);
  }
  paragraphs = std::move(kept);
  kinds = std::move(kept_kinds);
}

// Pages that render the article by script often carry it whole in JSON-LD articleBody.
void HtmlExtraction::UseArticleBody() {
  size_t found = 0;
  for (const std::string& p : paragraphs) found += p.size();
  std::string body = md.article_body;
  if (body.find('<') != std::string::npos && body.find('>') != std::string::npos) body.clear();  // HTML inside
  if (body.size() > 200 && found * 2 < body.size()) {
    paragraphs.clear();
    kinds.clear();
    for (Span s : ParagraphSpans(body)) {
      std::string p = CollapseWhitespace(std::string_view(body).substr(s.begin, s.end - s.begin));
      if (!p.empty()) {
        paragraphs.push_back(std::move(p));
        kinds.push_back(extract::BlockKind::kParagraph);
      }
    }
    doc.diagnostics.push_back({"extract", "main text taken from JSON-LD articleBody"});
  }
}

// Attribution lines are metadata, and so is what trails the story: keep marks them out of the text.
void HtmlExtraction::MarkAttributionAndTrailer() {
  std::vector<std::string_view> views(paragraphs.begin(), paragraphs.end());
  extract::Attribution attribution_found = attribution->Find(views);
  doc.attributed_sources = attribution_found.sources;
  keep.assign(paragraphs.size(), true);
  for (size_t i : attribution_found.attribution_lines) keep[i] = false;

  // After the story: the author's bio, and a lone credit line of a word or two ("GIS",
  // "PM DJV/fh", "BVINEWS.COM") following a real paragraph (attribution lines are taken above).
  std::vector<size_t> kept;
  for (size_t i = 0; i < paragraphs.size(); ++i)
    if (keep[i]) kept.push_back(i);
  for (int dropped = 0; kept.size() > 2 && dropped < 3; ++dropped) {
    const std::string& last = paragraphs[kept.back()];
    const std::string& before = paragraphs[kept[kept.size() - 2]];
    const char end = last.back();
    // After a sentence, not after a list item or a label.
    const char before_end = before.back();
    const bool after_sentence =
        before.size() >= 100 || (before.size() >= 40 && (before_end == '.' || before_end == '!' ||
                                                         before_end == '?' || before_end == '"' ||
                                                         static_cast<unsigned char>(before_end) >= 0x80));
    const bool credit = last.size() < 30 && std::count(last.begin(), last.end(), ' ') < 3 && end != '.' &&
                        end != '!' && end != '?' && end != ':' && after_sentence &&
                        kinds[kept.back()] != extract::BlockKind::kHeading;
    // A label whose content was cut ("Legal notes:", "Sources:"), left at the very end.
    const bool label = last.size() < 60 && end == ':' && kinds[kept.back()] != extract::BlockKind::kListItem;
    if (!credit && !label && !data.IsAuthorBio(last)) break;
    // A name alone closing the story is its author's signature ("Jane Roe").
    if (credit && closing_byline.empty() && ReadsAsSignature(last)) closing_byline = last;
    keep[kept.back()] = false;
    kept.pop_back();
  }
}

// A byline among the last lines of the story ("Autorin: Jane Roe, Projektleiterin", "Text: Jo Roe"):
// a source of the author when no earlier one names a person. The line stays in the text.
void HtmlExtraction::FindClosingByline() {
  int seen = 0;
  for (size_t i = paragraphs.size(); i-- > 0 && seen < 3;) {
    if (!keep[i]) continue;
    // The last line a name alone after the story's sentences: its signature.
    if (seen++ == 0 && i >= 2 && kinds[i] == extract::BlockKind::kParagraph && ReadsAsSignature(paragraphs[i])) {
      closing_byline = paragraphs[i];
      return;
    }
    if (kinds[i] != extract::BlockKind::kHeading && data.IsByline(paragraphs[i])) {
      closing_byline = paragraphs[i];
      return;
    }
  }
}

void HtmlExtraction::JoinText() {
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (!keep[i]) continue;
    if (!doc.text.empty()) doc.text += "\n\n";
    Span s{static_cast<uint32_t>(doc.text.size()), 0};
    doc.text += paragraphs[i];
    s.end = static_cast<uint32_t>(doc.text.size());
    doc.paragraphs.push_back(s);
  }
  if (doc.text.empty()) doc.diagnostics.push_back({"extract", "no main text found"});
}

// Letters and digits, lower-cased, with the accents of Latin-1 letters dropped ("Gàbor Muniér" ->
// "gabormunier"): for matching a login, written without them, to a name.
std::string FoldedAlnum(std::string_view s) {
  static constexpr char kBase[] = "aaaaaaaceeeeiiii" "dnooooo/ouuuuyts";  // U+00C0..U+00DF, lower-cased
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char u = static_cast<unsigned char>(s[i]);
    if (u == 0xC3 && i + 1 < s.size()) {
      const unsigned char v = static_cast<unsigned char>(s[++i]);
      if (v >= 0x80 && v <= 0xBF) {
        const char b = kBase[(v - 0x80) & 0x1F];
        if (b != '/') out.push_back(b);
      }
      continue;
    }
    if (std::isalnum(u)) out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

// A lone first name ("Todd") or a login ("robert.stitz") that a later source gives in full
// ("Todd Bates", "Robert Stitz"): the full name.
void HtmlExtraction::CompleteShortName(const std::vector<extract::AuthorCandidate>& candidates, size_t from) {
  if (doc.authors.size() != 1 || doc.authors[0].find(' ') != std::string::npos) return;
  const std::string& short_name = doc.authors[0];
  const std::string key = FoldedAlnum(short_name);
  const bool login = short_name.find_first_of("._") != std::string::npos;
  for (size_t k = from; k < candidates.size(); ++k) {
    std::vector<std::string> ignored;
    for (const std::string& n : extract::CleanAuthors(candidates[k].names, data, &ignored)) {
      const size_t sp = n.find(' ');
      if (sp == std::string::npos) continue;
      const bool fuller = login ? FoldedAlnum(n) == key : FoldedAlnum(n.substr(0, sp)) == key;
      if (!fuller) continue;
      doc.extract_explain.push_back("author '" + short_name + "' completed as '" + n + "' from " +
                                    candidates[k].source);
      doc.authors[0] = n;
      return;
    }
  }
}

// Authors: the first source that gives a name; names only; agencies in a byline are sources.
void HtmlExtraction::ChooseAuthors() {
  std::vector<extract::AuthorCandidate> candidates = md.author_candidates;
  if (!byline.empty()) {
    // A byline in the text is what readers see: it goes before the page's own markup guesses.
    size_t at = 0;
    while (at < candidates.size() && candidates[at].source.find("json-ld author") != std::string::npos &&
           candidates[at].source.find("organisation") == std::string::npos)
      ++at;
    candidates.insert(candidates.begin() + at, {{byline}, "a byline in the text"});
  }
  if (!closing_byline.empty()) candidates.push_back({{closing_byline}, "a byline after the text"});
  // The site itself named as the author (its name, its host) counts only when no source names
  // anyone else: a person in a later source wins, and the site leaves a list that names a person.
  const std::string site = Alnum(doc.site_name), host = Alnum(HostOf(doc.url.empty() ? doc.canonical_url : doc.url));
  auto is_site = [&](const std::string& n) {
    const std::string k = Alnum(n);
    return k == site || (!host.empty() && k.size() >= 4 && host.find(k) != std::string::npos) ||
           (!host.empty() && k.size() >= 6 && k.find(host) != std::string::npos);
  };
  std::vector<std::string> site_named;
  std::string site_named_from;
  for (size_t ci = 0; ci < candidates.size(); ++ci) {
    const extract::AuthorCandidate& c = candidates[ci];
    std::vector<std::string> agencies;
    std::vector<std::string> names = extract::CleanAuthors(c.names, data, &agencies);
    std::erase_if(names, [](const std::string& n) { return Alnum(n).empty(); });
    for (std::string& a : agencies)
      if (std::find(doc.attributed_sources.begin(), doc.attributed_sources.end(), a) == doc.attributed_sources.end())
        doc.attributed_sources.push_back(std::move(a));
    std::string listed;
    for (const std::string& n : c.names) listed += (listed.empty() ? "'" : "', '") + n.substr(0, 80);
    doc.extract_explain.push_back("author candidate from " + c.source + ": " + listed + "'");
    std::vector<std::string> people = names;
    std::erase_if(people, is_site);
    if (people.empty()) {
      if (site_named.empty() && !names.empty()) site_named = std::move(names), site_named_from = c.source;
      continue;
    }
    doc.authors = std::move(people);
    doc.extract_explain.push_back("authors from " + c.source);
    CompleteShortName(candidates, ci + 1);
    if (tree && doc.authors.size() == 1 && doc.authors[0].find(' ') == std::string::npos) {
      if (auto full = extract::CompleteName(*tree, doc.authors[0])) {
        doc.extract_explain.push_back("author '" + doc.authors[0] + "' completed as '" + full->name + "' " + full->how);
        doc.authors[0] = std::move(full->name);
      }
    }
    break;
  }
  if (doc.authors.empty() && !site_named.empty()) {
    doc.authors = std::move(site_named);
    doc.extract_explain.push_back("authors from " + site_named_from + " (the site itself; no source names a person)");
  }
}

// Published date: the best supported of all the dates the page offers.
void HtmlExtraction::ChoosePublicationDate() {
  if (!page.published.empty()) {
    doc.published = extract::ParseDateValue(page.published);
    if (doc.published) {
      doc.published_precision = doc.published->find('T') != std::string::npos ? "time" : "day";
      doc.published_source = "the input record";
    } else {
      doc.diagnostics.push_back({"extract", "published '" + page.published.substr(0, 40) + "' is not a valid date: ignored"});
    }
  } else {
    std::vector<extract::DateCandidate> dates = md.dates;
    for (const std::string* u : {&doc.url, &doc.canonical_url}) {
      if (u->empty() || (u == &doc.canonical_url && *u == doc.url)) continue;
      const char* which = u == &doc.url ? "the URL" : "the canonical URL";
      if (auto d = extract::FindDateInUrl(*u)) {
        dates.push_back({*d, which, extract::date_weight::kUrlDay});
      } else if (auto m = extract::FindMonthInUrl(*u)) {
        dates.push_back({*m, which, extract::date_weight::kUrlMonth});
      }
    }
    if (visible_date)
      dates.push_back({*visible_date, "a date line above the text", extract::date_weight::kTextHeader, true});
    // A dateline opens the paragraph ("MOSCOW, January 9, 2022 -"), the first or the first of the
    // body after a standfirst; a date further on is one the story speaks of.
    std::vector<std::string_view> lead;
    for (size_t p = 0; p < doc.paragraphs.size() && p < 4; ++p) lead.push_back(doc[doc.paragraphs[p]]);
    if (auto d = extract::FindLeadDateline(lead)) {
      const std::string_view opening = lead[d->paragraph].substr(0, std::min<size_t>(lead[d->paragraph].size(), 200));
      // One further down supports the markup or stands alone; it never overrules the markup as a
      // date the page shows does.
      if (!data.MarksChange(opening))
        dates.push_back({d->value,
                         d->paragraph == 0 ? "a dateline in the first paragraph"
                                           : "a dateline opening paragraph " + std::to_string(d->paragraph + 1),
                         extract::date_weight::kTextDateline, d->paragraph == 0});
    }
    extract::DateChoice choice = extract::ChoosePublicationDate(dates);
    doc.published = choice.value;
    doc.published_precision = choice.precision;
    doc.published_source = choice.source;
    if (choice.month) doc.published_month = *choice.month;
    for (std::string& x : choice.explain) doc.extract_explain.push_back("date: " + std::move(x));
  }
}

}  // namespace

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Result<Extractor> Extractor::Create(ExtractOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::string dir = options.data_dir.empty() ? DataDir() + "/extract" : options.data_dir;
  EM_ASSIGN_OR_RETURN(impl->data, extract::ExtractData::Load(dir));
  impl->scorer = std::make_unique<extract::BoilerplateScorer>(impl->data);
  impl->attribution = std::make_unique<extract::AttributionFinder>(impl->data);
  return Extractor(std::move(impl));
}

Result<Document> Extractor::Extract(const RawPage& page) const {
  if (page.bytes.size() > impl_->options.max_page_bytes) {
    return Status::LimitExceeded(page.source, "page of " + std::to_string(page.bytes.size()) +
                                                  " bytes is over the limit of " +
                                                  std::to_string(impl_->options.max_page_bytes));
  }
  EM_ASSIGN_OR_RETURN(io::DecodedText decoded,
                      io::DecodeToUtf8(page.bytes, page.content_type, !page.is_text, page.source));
  // Plain text over the text limit is cut before it is read: at a blank line when there is one
  // in its second half, else at a character boundary.
  const size_t max_text = impl_->options.max_text_bytes;
  std::string cut_note;
  if (page.is_text && decoded.text.size() > max_text) {
    size_t keep = decoded.text.rfind("\n\n", max_text);
    if (keep == std::string::npos || keep < max_text / 2) {
      keep = max_text;
      while (keep > 0 && (static_cast<unsigned char>(decoded.text[keep]) & 0xC0) == 0x80) --keep;
    }
    cut_note = "truncated: text of " + std::to_string(decoded.text.size()) + " bytes cut to " +
               std::to_string(keep) + " (the " + std::to_string(max_text) + "-byte text limit)";
    decoded.text.resize(keep);
  }
  Result<Document> doc = page.is_text ? impl_->ExtractText(page, std::move(decoded.text))
                                       : impl_->ExtractHtml(page, std::move(decoded.text));
  if (doc.ok() && !cut_note.empty()) doc->diagnostics.push_back({"extract", cut_note});
  if (doc.ok() && doc->text.size() > impl_->options.max_text_bytes) {
    LimitText(impl_->options.max_text_bytes, &*doc);
    doc->id = DocumentId(*doc);
  }
  return doc;
}

Result<Document> Extractor::Impl::ExtractText(const RawPage& page, std::string text) const {
  Document doc;
  doc.source = page.source;
  doc.url = page.url;
  doc.input_id = page.input_id;
  doc.plain_text_input = true;
  doc.text = std::move(text);
  doc.paragraphs = ParagraphSpans(doc.text);
  std::vector<std::string_view> paras;
  for (Span s : doc.paragraphs) paras.push_back(doc[s]);
  doc.attributed_sources = attribution->Find(paras).sources;
  doc.language = LanguageFor("", doc.text, &doc.diagnostics);
  if (!page.title.empty()) {
    doc.title = page.title;
  } else if (doc.paragraphs.size() > 1) {
    // A first line standing alone, short and without a full stop, is the headline.
    std::string_view first = doc[doc.paragraphs[0]];
    if (first.size() <= 250 && first.find('\n') == std::string_view::npos && first.back() != '.')
      doc.title = std::string(first);
  }
  if (!page.published.empty()) {
    doc.published = extract::ParseDateValue(page.published);
    if (!doc.published) {
      doc.diagnostics.push_back({"extract", "published '" + page.published.substr(0, 40) + "' is not a valid date: ignored"});
    }
  } else if (!doc.paragraphs.empty()) {
    for (size_t p = 0; p < doc.paragraphs.size() && p < 3 && !doc.published; ++p)
      doc.published = extract::FindDateInText(doc[doc.paragraphs[p]]);
  }
  if (!doc.published && !page.url.empty()) doc.published = extract::FindDateInUrl(page.url);
  doc.id = DocumentId(doc);
  return doc;
}

Result<Document> Extractor::Impl::ExtractHtml(const RawPage& page, std::string html) const {
  Document doc;
  doc.source = page.source;
  doc.input_id = page.input_id;
  extract::html::ParseOptions parse_options;
  parse_options.max_depth = options.max_depth;
  parse_options.max_markup_items = options.max_markup_items;
  auto tree_or = extract::html::HtmlTree::Parse(html, parse_options);
  if (!tree_or.ok()) return Status::Internal(page.source, tree_or.status().message());
  const extract::html::HtmlTree& tree = *tree_or;
  if (tree.truncated()) {
    doc.diagnostics.push_back({"extract", "truncated: the page has more than " +
                                              std::to_string(options.max_markup_items) +
                                              " tags and attributes; the rest of it was not read"});
  }
  if (tree.depth_limited()) {
    doc.diagnostics.push_back({"extract", "elements nested deeper than " + std::to_string(options.max_depth) +
                                              " were flattened"});
  }
  extract::PageMetadata md = extract::ReadMetadata(tree, &data);
  std::vector<extract::ContentBlock> blocks = scorer->FindMainText(tree);
  // Pages that show their article to readers without scripts only, inside <noscript> (a
  // script-rendered blog): when the page gave next to no text, read it as such a reader would.
  if (BlocksChars(blocks) < 300 && FindNoCase(html, "<noscript", 0) != std::string::npos) {
    auto shown = extract::html::HtmlTree::Parse(UnwrapNoscript(html), parse_options);
    if (shown.ok()) {
      std::vector<extract::ContentBlock> more = scorer->FindMainText(*shown);
      if (BlocksChars(more) > 2 * BlocksChars(blocks) + 200) {
        blocks = std::move(more);
        doc.diagnostics.push_back({"extract", "main text taken from <noscript>"});
      }
    }
  }
  HtmlExtraction x(page, md, data, attribution.get(), std::move(doc));
  x.tree = &tree;
  x.ChooseUrls();
  x.ChooseSiteName();
  x.ChooseTitle();
  x.SplitBlocks(blocks);
  x.DropRepeatedParagraphs();
  x.DropCopiedParagraphs();
  x.CutAtEndMarker();
  x.TakeOutMetadataLines();
  x.UseArticleBody();
  x.MarkAttributionAndTrailer();
  if (x.closing_byline.empty()) x.FindClosingByline();
  x.JoinText();
  x.ChooseAuthors();
  x.ChoosePublicationDate();
  x.doc.language = LanguageFor(
      md.language, x.doc.text.empty() ? std::string_view(md.title) : std::string_view(x.doc.text), &x.doc.diagnostics);
  x.doc.id = DocumentId(x.doc);
  return std::move(x.doc);
}

}  // namespace eventmill
