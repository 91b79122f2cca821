// Role words read as adjectives: "military" in "military aid" or "military intelligence" says
// what kind of thing the noun is; it names no actor. Read on the parse (doc.tokens): a one-word
// actor of a role term (no country named in it) that is an adjectival modifier (amod) of a noun
// no actor holds. A demonym stays an actor ("Israeli strikes": Israel strikes), and so does a
// role word on a noun of people ("military officials"), which an actor holds. Part of the code
// layer; read by ActorAssigner::ReadByTree, which rules these words out of both readings.
#pragma once

#include <vector>

#include "code/sentence_view.h"
#include "eventmill/document.h"

namespace eventmill::code {

// The spans of the entities of sentence `s` that only modify a thing. Empty when the sentence
// has no parse.
std::vector<Span> RoleWordsAsModifiers(const Document& doc, const SentenceView& s);

}  // namespace eventmill::code
