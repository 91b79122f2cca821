#include "analyze/facts.h"

namespace eventmill::analyze {

void FindCounts(Document& doc) {}
void FindDates(Document& doc) {}
void AttributeQuotes(Document& doc) {}

}  // namespace eventmill::analyze
