// OriginMention: names of places that say who or whence rather than where, as the parse reads
// them: a country that only says where something comes from ("imports from the United States",
// "aid from Japan"), and the names coordinated with an acting one ("countries including
// Australia, France and Japan provide aid": all of them act). The article's main place and an event's scene
// (code/passes/place_pass.cc) skip such mentions. Part of the code layer.
#pragma once

#include <cstdint>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::code {

// True for a country (EntityType::kCountry, not a demonym) whose head word is the object of
// "from". False when the sentence is not parsed.
bool OnlySaysOrigin(const Document& doc, const Entity& e);

// The byte offsets where the words coordinated with the word at byte `at` begin ("Australia,
// France and Japan": all three for any of them), itself included; empty when not parsed.
std::vector<uint32_t> CoordinatedWith(const Document& doc, uint32_t at);

}  // namespace eventmill::code
