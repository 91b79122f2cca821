// PersonActors: an actor for a person whose role the structure around the name gave
// (entity_structure) but no title the EntityFinder knew did: the role phrase's head maps to a CAMEO
// role through data/actors/titles.txt ("a former foreign minister" -> GOV, "the county's chief
// judge" -> JUD), and a country or nationality written in the role phrase gives the country
// ("a former Greek foreign minister" -> GRCGOV), as does a possessor right before the role
// ("Chile's foreign minister") or "of COUNTRY" right after it. Without one the country stays
// empty; the coder fills it from the story as it does for "detectives". A surname alone takes the
// actor of the one full name ending in it ("Saakashvili" after "President Mikheil Saakashvili").
// (analyze layer, after ReadEntityStructure.)
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/data_files.h"
#include "eventmill/document.h"
#include "eventmill/lexicon.h"
#include "eventmill/status.h"

namespace eventmill::analyze {

struct PersonRoleTable {
  // Title phrase, lower case, a final dot cut -> CAMEO role ("foreign minister" -> "GOV").
  std::map<std::string, std::string, std::less<>> roles;
  size_t longest_words = 1;
  // Reads actors/titles.txt ("titles (;) | ROLE | kind"); an error names file:line.
  static Result<PersonRoleTable> Load(const DataFiles& files);
  // The CAMEO role of a role phrase: of the longest title its last words make ("former foreign
  // minister" -> GOV); of the first of several roles joined by ", " that has one; "" for none.
  std::string CameoRole(std::string_view role_text) const;
};

// Gives each PERSON of doc.entities that has a role but no actor the actor its role makes, with
// the country of a COUNTRY entity (a country's name or a nationality) inside the role's words
// where they stand next to the name (its alpha-3 code from the lexicon).
void GivePeopleActors(Document& doc, const PersonRoleTable& table, const Lexicon& lexicon);

}  // namespace eventmill::analyze
