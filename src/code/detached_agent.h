// DetachedAgent: the "by" agent of a passive verb that an aside has cut off from it. In "The
// minister was accused of fraud, much of it hidden abroad, by his successors" the parser hangs
// "by his successors" from the nearest word of the aside ("hidden"); the comma before "by" says
// that the aside is over and the phrase goes back to the verb the aside interrupts. Read on the
// parse (doc.tokens heads and relations) of one sentence; part of the code layer, called by the
// frame filler (frame_filler.cc) for a passive trigger without an agent of its own.
#pragma once

#include <cstdint>
#include <optional>

#include "eventmill/document.h"

namespace eventmill::code {

// The noun of a "by" phrase that follows a comma after the passive verb `verb` (doc.tokens
// index), lies in `verb`'s subtree and hangs from some other word of it; nullopt when none. The
// caller checks that `verb` is passive and has no agent of its own. Cost: linear in the
// sentence's words times the tree's depth.
std::optional<uint32_t> DetachedAgent(const Document& doc, const Sentence& sentence, uint32_t verb);

}  // namespace eventmill::code
