#include "analyze/facts.h"

namespace eventmill::analyze {

Result<AnalyzeData> AnalyzeData::Load(const DataFiles& files) {
  AnalyzeData data;
  EM_ASSIGN_OR_RETURN(data.abbreviations, text::Abbreviations::Load(files));
  EM_ASSIGN_OR_RETURN(data.counts, CountLexicon::Load(files));
  EM_ASSIGN_OR_RETURN(data.dates, DateLexicon::Load(files));
  EM_ASSIGN_OR_RETURN(data.quotes, QuoteLexicon::Load(files));
  EM_ASSIGN_OR_RETURN(data.entity_structure, EntityStructureLexicon::Load(files));
  EM_ASSIGN_OR_RETURN(data.person_roles, PersonRoleTable::Load(files));
  return data;
}

void FindCounts(Document& doc, const AnalyzeData& data) { CountFinder(data.counts, data.abbreviations).Find(doc); }
void FindDates(Document& doc, const AnalyzeData& data) { DateResolver(data.dates).Find(doc); }
void AttributeQuotes(Document& doc, const AnalyzeData& data) {
  QuoteAttributor(data.quotes, data.abbreviations).Attribute(doc);
}

}  // namespace eventmill::analyze
