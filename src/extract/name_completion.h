// NameCompletion: the full name of an author whom the page's metadata names short. A lone first
// name ("Todd", a WordPress display name), a login ("robert.stitz") or initials ("DT") is what a
// CMS fills in; the page usually shows the person in full somewhere (an author box, a licence
// line, a credit). Called by the extractor after it chose the authors, when it chose one short
// name and no other metadata source gave it in full.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "extract/html/html_tree.h"

namespace eventmill::extract {

struct CompletedName {
  std::string name;  // "Todd Bates"
  std::string how;   // for --explain: "from the page's text 'Todd Bates'"
};

// The full name for `short_name`:
//  - a first name (a capital, then small letters): the first text of the page where it stands
//    before one or two capitalised words that end the text or a clause (before ',', '-', '|', '('),
//    as in "Todd Bates" or "Foto: Todd Bates, 2019"; a name followed by more small-letter words is
//    part of a sentence, not a name line;
//  - a login of two parts ("robert.stitz", "anna_roe"): a text of the page that reads as a name
//    alone with the same letters ("Robert Stitz"), else the parts capitalised;
//  - initials of two or three capitals ("DT"): a text of the page that is a name alone of two or
//    three capitalised words with those initials ("Donald Townsend").
// Nothing when the page shows none of these.
std::optional<CompletedName> CompleteName(const html::HtmlTree& tree, std::string_view short_name);

}  // namespace eventmill::extract
