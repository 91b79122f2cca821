#include "analyze/facts.h"

#include "analyze/count_finder.h"

namespace eventmill::analyze {

void FindCounts(Document& doc) { CountFinder(CountLexicon::Default()).Find(doc); }
void FindDates(Document& doc) {}
void AttributeQuotes(Document& doc) {}

}  // namespace eventmill::analyze
