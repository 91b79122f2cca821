// Spelling variants of a place name that the gazetteer does not list (lexicon layer, used by the
// lexicon compiler). Arabic place names are romanised many ways: the article is written "al", or
// assimilated to the letter after it ("ar Raqqah", "as Suwayda", "ad Din"), or left out, and a final
// ta marbuta is "-ah" or "-a" ("Raqqah", "Raqqa"). The compiler adds each variant of a name of a
// place in an Arabic-speaking country as an alternate name of that place; the phrase key already
// folds case, diacritics and hyphens, so "Ar-Raqqa", "ar Raqqa" and "Ar Raqqa" are one key.
#ifndef EVENTMILL_LEXICON_PLACE_VARIANTS_H_
#define EVENTMILL_LEXICON_PLACE_VARIANTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace eventmill::lexicon {

// True for the ISO alpha-2 codes of countries whose place names are romanised from Arabic.
bool UsesArabicRomanisation(std::string_view country);

// The variants of `name` (never `name` itself, each once), at most `limit`: every article word
// ("Al", "El", "Ar", "As", "Ash", "Ad", ...; alone or before a hyphen) written as "Al" and as the
// form assimilated to the next word's first letter; a leading article left out where at least
// four letters remain; a final "ah" of the last word also written "a"; a word without the marks
// that write ayn and hamza ("Dar'a", "Dar‘ā" -> "Dara"). Empty when the name has none of these.
std::vector<std::string> ArabicSpellingVariants(std::string_view name, size_t limit = 12);

}  // namespace eventmill::lexicon

#endif  // EVENTMILL_LEXICON_PLACE_VARIANTS_H_
