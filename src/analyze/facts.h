// Counts, dates and quotes: the knowledge they read (AnalyzeData) and the entry points the
// Analyzer calls, one per component (count_finder.h, date_resolver.h, quote_attributor.h hold the
// machinery and its contracts).
#pragma once

#include "analyze/count_finder.h"
#include "analyze/date_resolver.h"
#include "analyze/entity_structure.h"
#include "analyze/person_actors.h"
#include "analyze/quote_attributor.h"
#include "core/data_files.h"
#include "eventmill/document.h"
#include "eventmill/status.h"
#include "text/sentence_splitter.h"

namespace eventmill::analyze {

// What the analyze stage reads beside the Lexicon: text/abbreviations.txt, counts/, dates/ and
// quotes/ of data/. Loaded once (Analyzer::Create), then shared read-only by every thread.
struct AnalyzeData {
  text::Abbreviations abbreviations;
  CountLexicon counts;
  DateLexicon dates;
  QuoteLexicon quotes;
  EntityStructureLexicon entity_structure;  // entities/structure.txt
  PersonRoleTable person_roles;             // actors/titles.txt
  // An error names the missing or malformed file (and line).
  static Result<AnalyzeData> Load(const DataFiles& files);
};

// Fills doc.counts (CountFinder). Uses doc.sentences when filled.
void FindCounts(Document& doc, const AnalyzeData& data);
// Fills doc.dates, resolved against doc.published (DateResolver).
void FindDates(Document& doc, const AnalyzeData& data);
// Fills doc.quotes with speakers (QuoteAttributor). Uses doc.sentences and doc.entities.
void AttributeQuotes(Document& doc, const AnalyzeData& data);

}  // namespace eventmill::analyze
