#include "analyze/facts.h"

#include "analyze/count_finder.h"
#include "analyze/date_resolver.h"
#include "analyze/quote_attributor.h"

namespace eventmill::analyze {

void FindCounts(Document& doc) { CountFinder(CountLexicon::Default()).Find(doc); }
void FindDates(Document& doc) { DateResolver(DateLexicon::Default()).Find(doc); }
void AttributeQuotes(Document& doc) { QuoteAttributor(QuoteLexicon::Default()).Attribute(doc); }

}  // namespace eventmill::analyze
