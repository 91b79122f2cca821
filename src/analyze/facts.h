// Counts, dates and quotes: the entry points the Analyzer calls, one per component
// (count_finder.h, date_resolver.h, quote_attributor.h hold the machinery and its contracts).
#pragma once

#include "eventmill/document.h"

namespace eventmill::analyze {

// Fills doc.counts (CountFinder over CountLexicon::Default()). Uses doc.sentences when filled.
void FindCounts(Document& doc);
// Fills doc.dates, resolved against doc.published (DateResolver over DateLexicon::Default()).
void FindDates(Document& doc);
// Fills doc.quotes with speakers (QuoteAttributor). Uses doc.sentences and doc.entities.
void AttributeQuotes(Document& doc);

}  // namespace eventmill::analyze
