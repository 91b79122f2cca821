// The closed word classes of English grammar (articles, possessives, forms of "be" and "have",
// modals, pronouns, prepositions, conjunctions, months, weekdays), lower-case, defined once here.
// Every stage that needs a grammar word list builds it from these classes (GrammarWords) and adds
// only the words its own rule needs, so that no two files keep their own copy of a class.
// Domain knowledge (cue words, trigger verbs, roles) belongs in data/, not here.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace eventmill::text::grammar {

using WordClass = std::span<const std::string_view>;

inline constexpr std::string_view kArticles[] = {"the", "a", "an"};
inline constexpr std::string_view kPossessives[] = {"his", "her", "their", "its", "our", "my", "your"};
inline constexpr std::string_view kDemonstratives[] = {"this", "that", "these", "those"};
// "am" is left out: in news it is mostly the time of day ("at 5 am").
inline constexpr std::string_view kBeForms[] = {"be", "is", "are", "was", "were", "been", "being"};
inline constexpr std::string_view kHaveForms[] = {"have", "has", "had"};
// "can" is left out (also a noun), and so is the rare "shall".
inline constexpr std::string_view kModals[] = {"will", "would", "could", "should", "may", "might", "must"};
inline constexpr std::string_view kSubjectPronouns[] = {"he", "she", "they", "we", "i", "it", "you"};
inline constexpr std::string_view kObjectPronouns[] = {"him", "them", "us", "me"};
inline constexpr std::string_view kReflexives[] = {"himself", "herself", "themselves"};
inline constexpr std::string_view kCoordinators[] = {"and", "but", "or", "nor"};
// Words that open a subordinate or relative clause.
inline constexpr std::string_view kRelatives[] = {"which", "who", "whom", "whose", "where", "that"};
inline constexpr std::string_view kSubordinators[] = {"after", "since", "before", "when", "while", "because",
                                                      "until", "although", "though"};
// Prepositions that put something in a place ("in Almaty", "throughout Kazakhstan").
inline constexpr std::string_view kLocatives[] = {"in", "at", "near", "throughout", "across",
                                                  "inside", "outside", "within", "around"};
inline constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                               "july",    "august",   "september", "october", "november", "december"};
inline constexpr std::string_view kMonthAbbreviations[] = {"jan", "feb", "mar", "apr", "jun", "jul",
                                                           "aug", "sep", "sept", "oct", "nov", "dec"};
inline constexpr std::string_view kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                                 "friday", "saturday", "sunday"};
inline constexpr std::string_view kWeekdayAbbreviations[] = {"mon", "tue", "tues", "wed", "thu", "thurs",
                                                             "fri", "sat", "sun"};

// The number (1-based) of the name in `full` (kMonths, kWeekdays) that `word` is or abbreviates
// ("sept" -> 9, "thurs" -> 4), 0 when none.
inline int NumberOf(WordClass full, std::string_view word) {
  for (size_t i = 0; i < full.size(); ++i)
    if (!word.empty() && full[i].substr(0, word.size()) == word) return static_cast<int>(i + 1);
  return 0;
}

// A set of the words of `classes` and `extra` (any set type with insert(std::string)):
//   static const auto kStops = GrammarWords<std::set<std::string, std::less<>>>({kArticles, kBeForms}, {"per"});
template <typename Set>
Set GrammarWords(std::initializer_list<WordClass> classes, std::initializer_list<std::string_view> extra = {}) {
  Set out;
  for (WordClass c : classes)
    for (std::string_view w : c) out.insert(std::string(w));
  for (std::string_view w : extra) out.insert(std::string(w));
  return out;
}

// Whether `word` (lower-case) is in `c`.
inline bool IsIn(WordClass c, std::string_view word) {
  for (std::string_view w : c)
    if (w == word) return true;
  return false;
}

}  // namespace eventmill::text::grammar
