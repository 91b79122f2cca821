// Role words read as adjectives: "military" in "military aid" or "military intelligence" says
// what kind of thing the noun is; it names no actor. Read on the parse (doc.tokens): a one-word
// actor of a role term (no country named in it) that is an adjectival modifier (amod) of a noun
// no actor holds. A demonym stays an actor ("Israeli strikes": Israel strikes), and so does a
// role word on a noun of people ("military officials"), which an actor holds. Part of the code
// layer; read by ActorAssigner::ReadByTree, which rules these words out of both readings. Also
// countries behind a stance prefix ("anti-Syria"), which name no actor either.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "code/sentence_view.h"
#include "eventmill/document.h"

namespace eventmill::code {

// The spans of the entities of sentence `s` that only modify a thing. Empty when the sentence
// has no parse.
std::vector<Span> RoleWordsAsModifiers(const Document& doc, const SentenceView& s);

// Countries written with a stance prefix: "an anti-Syria journalist", "pro-Western parties".
// The prefix says what its noun is for or against; the country acts in nothing and gives the noun
// no nationality. So with "ethnic": "ethnic Albanian guerrillas in Macedonia" names a people, not
// a state, and says nothing of whose citizens they are. The spans of such entities of sentence `s` (countries and demonyms only: a
// group named with its own words keeps its reading). Read on the text before each entity.
std::vector<Span> StanceModifiers(const Document& doc, const SentenceView& s);

// The country (ISO alpha-2) of a demonym or country that modifies the word `word` (doc.tokens
// index) in the tree: an amod, compound or possessive ("Vietnamese-led forces", "Ruritania's
// forces") held by a country entity of sentence `s` outside any entity holding `word`; "" for
// none. A country behind a stance prefix ("anti-"), or joined by a hyphen to a word other than
// "led" ("US-backed militias", "Russian-speaking towns"), names someone else: none. Also the
// country of whom the word is "loyal" to ("forces loyal to President X": X's country).
std::string ModifierCountry(const Document& doc, const SentenceView& s, uint32_t word);

// Nouns of people who side with someone: "supporters", "loyalists", "followers", "partisans" (by
// lemma, lower case). "Supporters of former President X" are of X's country, not X's office.
bool IsPartisanNoun(std::string_view lemma);

}  // namespace eventmill::code
