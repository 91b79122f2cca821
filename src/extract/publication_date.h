// PublicationDate: chooses a page's publication date among every date the page offers (JSON-LD,
// microdata, meta tags, <time>, the URL path, a dateline in the text). Sits between
// MetadataReader / the extractor, which collect the candidates, and Document::published.
//
// Each candidate carries a trust weight by source; candidates are grouped by day, a day backed by
// several sources gains, a UTC stamp yields to the neighbouring local day another source gives
// (a page shows its local date), and when two strong sources disagree on the day no date is
// given: a wrong date is worse than none, since every relative date of the text hangs on it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventmill::extract {

// Trust weights of the sources (higher wins); shared by the collectors so that tests and
// explanations read the same scale.
namespace date_weight {
inline constexpr int kUrlDay = 95;          // /2022/01/09/ in the canonical URL
inline constexpr int kJsonLdArticle = 90;   // datePublished of the page's NewsArticle & co.
inline constexpr int kMetaPublished = 85;   // article:published_time, parsely-pub-date, ...
inline constexpr int kItemprop = 85;        // itemprop="datePublished"
inline constexpr int kJsonLdOther = 75;     // datePublished of another JSON-LD object (WebPage)
inline constexpr int kTextHeader = 80;      // a date line above the article body: what readers see
inline constexpr int kTimePublished = 70;   // <time pubdate>, <time class="published">
inline constexpr int kPublishedLabel = 65;  // "Veröffentlicht am 16.08.2019" in the page's text
inline constexpr int kScriptKey = 60;       // {"publishedDate": ...} in a page's script state
inline constexpr int kJsonLdCreated = 60;   // dateCreated
inline constexpr int kDateElement = 55;     // <span class="date">8 January 2020</span> below the <h1>
inline constexpr int kTimeFirst = 50;       // the first other <time datetime> of the page
inline constexpr int kTextDateline = 50;    // "MOSCOW, January 9, 2022 -" opening the first paragraph
inline constexpr int kMetaGeneric = 45;     // name="date", DC.date: often the last change; not alone
inline constexpr int kUrlMonth = 30;        // /2013/10/ in the URL: the month only
}  // namespace date_weight

struct DateCandidate {
  std::string value;     // ISO 8601 as ParseDateValue gives it ("2022-01-09T14:26:31Z"), or "2013-10"
  std::string source;    // where it was read, for --explain ("meta article:published_time")
  int weight = 0;        // see date_weight
  bool visible = false;  // shown to readers as a date (a date line, a date element): breaks ties
};

struct DateChoice {
  std::optional<std::string> value;  // the chosen date (ISO 8601); none when unknown or in doubt
  std::string precision;             // "time", "day" or "month"; empty without a value
  std::string source;                // the winning candidate's source
  std::optional<std::string> month;  // "2013-10" when only the month is known (value stays empty)
  std::vector<std::string> explain;  // every candidate and why the choice fell as it did
};

// The least score (weight, plus a little for each further source of the same day) that gives a
// date: one weak source alone (a bare meta "date") does not.
inline constexpr int kMinDateScore = 50;

// A dateline in the story's first paragraphs: the first paragraph's (see FindDateline), else a
// date that opens one of the next three paragraphs when they come after a standfirst or a
// subheading ("29.11.2022 – Mehrfach hatte ..."): a paragraph of the story's length (150 bytes or
// more), the date its first word. Gives the date and the paragraph's index; a later paragraph
// that opens with a date (a list of events) is not looked at.
struct LeadDateline {
  std::string value;
  size_t paragraph = 0;
};
std::optional<LeadDateline> FindLeadDateline(const std::vector<std::string_view>& paragraphs);

// Chooses among the candidates (any order, duplicates welcome). Never fails.
DateChoice ChoosePublicationDate(const std::vector<DateCandidate>& candidates);

}  // namespace eventmill::extract
