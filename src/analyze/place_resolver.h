// PlaceResolver: chooses, for each place mention in an article, one gazetteer entry among those
// its name could mean — by population and feature rank, the article's dominant country, the other
// countries and regions it names, admin hints written beside the name ("Alexandria, La."), and
// closeness to places that are not in doubt. Also finds spelling variants the gazetteer lacks by
// a bounded edit-distance match among the places of the article's countries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"
#include "eventmill/lexicon.h"

namespace eventmill::analyze {

struct PlaceMention {
  Span span;
  std::vector<uint32_t> candidates;  // indices of gazetteer places
  std::vector<uint8_t> alternate;    // per candidate: 1 when the name is an alternate name
  bool demonym = false;              // "Kazakh": counts for the country, is not a location itself
  int64_t hint = -1;                 // a place written right after it ("Paris, Texas"): its index
  double weight = 1.0;               // how much it counts towards the article's countries: more in
                                     // the dateline, headline and lead, less in a county guess
  bool locative = false;             // after "in", "across", "throughout": the story is there
  bool evidence_only = false;        // counts for the countries, is no entity (headline, names)
  bool headline = false;             // in the headline
  bool region_cue = false;           // "Washington state", "state of Washington", listed beside a region of its country
  bool qualifier = false;            // written after a name the gazetteer lacks, to say where it lies:
                                     // "Novohnativka, Donetsk", "Yejube (East Gojam, Amhara)"
  int64_t chosen = -1;               // the resolved place
  std::string why;                   // a short explanation of the choice
};

struct PlaceContext {
  // The article's home country (ISO alpha-2, "" when none): where its story happens, the country
  // of its bare actors ("police", "the Interior Ministry"). See Resolve for the evidence.
  std::string dominant_country;
  std::vector<std::string> countries;  // named in the article, most mentioned first
  int64_t main_region = -1;            // the admin-1 region the article is most about, or -1 (see MainRegion)
  uint32_t main_region_code = 0;       // its admin1_code, 0 when none
};

class PlaceResolver {
 public:
  explicit PlaceResolver(const Lexicon& lexicon) : lex_(&lexicon) {}
  // Resolves every mention (chosen, and why when `explain`) and returns the article's country context.
  PlaceContext Resolve(std::vector<PlaceMention>* mentions, bool explain = false) const;
  // The place whose name is nearest to `normalized` (edit distance at most 1, or 2 for names of
  // 9+ letters, same first letter) among the places of `countries`; -1 when none. Ties go to
  // the most populous.
  int64_t FuzzyFind(std::string_view normalized, const std::vector<std::string>& countries) const;
  // The admin-1 region the article is most about (ctx.main_region, else looked up by its code), or -1.
  int64_t MainRegion(const PlaceContext& ctx) const;
  // The town called `name` (as written, or within one edit for names of 6+ letters) in the
  // admin-1 region named `admin1` of `country`, the most populous when several; -1 when none.
  // For a name whose reading lies elsewhere although the text says which region it is in
  // ("Yenisehir town, Diyarbakir": the gazetteer's Yenisehir of that province, not Bursa's).
  int64_t FindInRegion(std::string_view name, std::string_view country, std::string_view admin1) const;
  // The contract's Place for a gazetteer entry.
  Place ToPlace(uint32_t index) const;

 private:
  double BaseScore(uint32_t place, bool alternate) const;
  const Lexicon* lex_;
};

// Levenshtein distance of two byte strings, giving up (returning limit + 1) past `limit`.
int BoundedEditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace eventmill::analyze
