// EntityFinder: places, countries, people (with roles), organisations and actor groups in a
// Document, each with its span, canonical name, and actor code / resolved place where it applies.
//
// How: the document's words (doc.tokens) are matched against the lexicon (PhraseMatcher: gazetteer names,
// demonyms, actor dictionaries, titles, cue words); then, left to right, dictionary matches and
// capitalised words are read as entities — named actors; "Kazakh" + "security forces" composed
// into KAZCOP; organisations from a capitalised name with a head word ("Khabar 24 TV");
// people from capitalised names with a cue (a title before, an apposition with a title after,
// "said", "Mr."); places resolved by PlaceResolver; unknown spellings after a place cue by a
// bounded fuzzy match within the article's countries.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "analyze/place_resolver.h"
#include "eventmill/document.h"
#include "eventmill/lexicon.h"
#include "eventmill/status.h"
#include "lexicon/phrase_matcher.h"

namespace eventmill::analyze {

class EntityFinder {
 public:
  explicit EntityFinder(const Lexicon& lexicon);
  // Fills doc.entities (sorted by span). Uses doc.sentences when present. Thread-safe (const).
  // Linear in doc.text (fuzzy matching is bounded per candidate word).
  void Find(Document& doc) const;
  // Runs Find on `text` alone and describes each entity and how it was resolved (dict lookup).
  std::string Explain(std::string_view text) const;

 private:
  class Pass;  // one document's pass: the steps of FindImpl (entity_finder.cc)
  void FindImpl(Document& doc, std::vector<std::string>* explain) const;
  // Appends the place names of a headline as evidence-only mentions (they count towards the
  // article's countries, and are no entities).
  void TitleMentions(std::string_view title, std::vector<PlaceMention>* out) const;
  const Lexicon* lexicon_;
  lexicon::PhraseMatcher matcher_;
  PlaceResolver places_;
};

}  // namespace eventmill::analyze
