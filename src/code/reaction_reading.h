// ReactingSubjects: who reacts to an event is not who did it. In "Police were disappointed with
// the release of X" or "The union was angry over the arrest", the event noun hangs as a
// prepositional dependent (obl, nmod) from an adjective; that adjective's subject (or, in a
// headline's "Police disappointed with release", the noun it modifies) feels something
// about the act and never performs it, so it may not be taken as the act's unnamed agent (the
// authority who released or arrested). Reads the syntax stage's doc.tokens; part of the code layer.
#pragma once

#include <cstdint>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::code {

// The words (spans of doc.tokens) of the subject of the adjective that the event noun starting at
// byte `trigger_at` of sentence `sentence` hangs from through a preposition, with the words
// coordinated with it and their name parts; empty when the sentence is unparsed or the noun is
// not told so. Linear in the sentence's words.
std::vector<Span> ReactingSubjects(const Document& doc, size_t sentence, uint32_t trigger_at);

}  // namespace eventmill::code
