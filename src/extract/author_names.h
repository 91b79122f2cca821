// AuthorNames: turns the author values a page gives (JSON-LD, meta author, a byline line) into
// person names: "By Jane Doe and John Roe, Reuters" -> {"Jane Doe", "John Roe"} with "Reuters" an
// agency. Called by the extractor after MetadataReader; the words it strips (byline openers,
// role words, agency names) are data (data/extract/boilerplate_phrases.txt, agencies.txt).
#pragma once

#include <string>
#include <vector>

#include "extract/extract_data.h"

namespace eventmill::extract {

// Names only: a leading byline word ("By", "Von", "Autor:"), e-mail addresses, links, dates and
// times, role words ("Senior Reporter") and what follows a '|' go; several authors in one value
// ("A and B", "A, B & C", "A; B") are split; agency names go to *agencies (canonical names).
// Keeps the order, without duplicates.
std::vector<std::string> CleanAuthors(const std::vector<std::string>& raw, const ExtractData& data,
                                      std::vector<std::string>* agencies);

}  // namespace eventmill::extract
