// HeadlineKicker: tells the kicker (an overline, "Dachzeile") set in an <h1> before the headline
// apart from the headline itself: <h1><span>Klimaschutz</span>: <span>Bohren, bis es heiß
// wird</span></h1> is the headline "Bohren, bis es heiß wird" under the kicker "Klimaschutz".
// Called by MetadataReader for each <h1>; the title is the headline, the kicker goes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "extract/html/html_tree.h"

namespace eventmill::extract {

struct KickerSplit {
  std::string kicker;    // "Klimaschutz"
  std::string headline;  // "Bohren, bis es heiß wird"
};

// The split of the <h1> at node `h1`, when its first text stands in an element of its own (a
// <span>, <small>, <strong>...) and more text follows it: a line of its own that is no longer than
// the headline (in words), before a headline of two words or more that opens as a headline does
// (a capital, a digit, a quotation mark; "<em>Film</em> returns" is one headline). Separators
// between the two (": ", " – ", often hidden) go. Nothing when the <h1> is one piece.
std::optional<KickerSplit> SplitKicker(const html::HtmlTree& tree, uint32_t h1);

}  // namespace eventmill::extract
