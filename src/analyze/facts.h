// Counts, dates and quotes: the figures, the dates (resolved against the publication date) and
// the direct quotes with their speakers.
#pragma once

#include "eventmill/document.h"

namespace eventmill::analyze {

// Fills doc.counts. Needs doc.sentences.
void FindCounts(Document& doc);
// Fills doc.dates, resolved against doc.published.
void FindDates(Document& doc);
// Fills doc.quotes. Needs doc.sentences and doc.entities (speakers).
void AttributeQuotes(Document& doc);

}  // namespace eventmill::analyze
