// EntityStructure: people's roles and organisations read from the words around names, after the
// EntityFinder's dictionary pass (analyze layer; reads doc.tokens -- one tokenization per
// document -- their tags where the sentence is parsed, and doc.entities).
//
// People and their roles:
//   - a role before the name: "Carthage Police Officer NAME", "the sheriff's spokesman Capt. NAME"
//     (a chain of role phrases right before the name);
//   - an apposition after the name: "NAME, a former Greek foreign minister and ..." (the role is
//     the apposition's words from after its determiner to its role noun);
//   - an apposition before it: "the agency's media coordinator, NAME,";
//   - a name joined by "and" to a person ("Hege and NAME were shot"), a name with an age
//     ("31-year-old NAME", "NAME, 45,"), a run of proper nouns in a parsed sentence;
//   - a role found at one mention is every mention's (the surname's apposition is the full name's).
// Organisations from their structure and head words:
//   - an acronym in parentheses after a name that is an organisation's ("... Force in Lebanon
//     (UNIFIL)"), then every mention of it;
//   - an unknown acronym that speaks or owns ("ABC said", "ABC's investigation");
//   - on the sentence's tree (a sentence without one gets none of these; docs/syntax.md "Scope"):
//     the proper-noun phrase under one head ("the Popular Front for the Liberation of Palestine",
//     one name), an organisation by a head word of it ("the X Response Team", "the Z Front"), by
//     the member or organisation noun it modifies or possesses ("NCP members", "NAME television",
//     "the Y Army's fighters"), whose "of"/"from" it is ("militants of Y"), or by an apposition
//     ("the news agency, NAME,").
// Word lists: data/entities/structure.txt and data/quotes/roles.txt.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "eventmill/document.h"
#include "eventmill/status.h"
#include "text/pattern_set.h"

namespace eventmill::analyze {

struct EntityStructureLexicon {
  text::PatternSet roles;  // role phrases, lower case, a final dot cut
  std::set<std::string, std::less<>> org_heads, members, speech, say, stops, place_words;
  // Reads entities/structure.txt and quotes/roles.txt; an error names the file (and line).
  static Result<EntityStructureLexicon> Load(const DataFiles& files);
  // Whether the sentence of these words may name an organisation by its structure: a lower-case
  // member or organisation noun after a capitalised word (not the sentence's first) or its
  // possessive, or such a word before "of"/"from"/"," and a capitalised word: the sentences the
  // syntax stage parses for this pass (Analyzer::ReadsTree; docs/syntax.md "Scope").
  bool MayNameOrganisation(const std::vector<std::string_view>& words) const;
};

// Adds people, organisations and roles to doc.entities (kept sorted by span) from the structure
// around names. Reads doc.sentences and their words on doc.tokens (the syntax stage's, or the
// Analyzer's for a document it did not see). Linear in the number of words.
void ReadEntityStructure(Document& doc, const EntityStructureLexicon& lexicon);

}  // namespace eventmill::analyze
