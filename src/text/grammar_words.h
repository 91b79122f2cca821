// The closed word classes of English grammar (articles, possessives, forms of "be" and "have",
// modals, pronouns, prepositions, conjunctions, months, weekdays), lower-case, defined once here.
// Every stage that needs a grammar word list builds it from these classes (GrammarWords) and adds
// only the words its own rule needs, so that no two files keep their own copy of a class.
// Domain knowledge (cue words, trigger verbs, roles) belongs in data/, not here.
#pragma once

#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace eventmill::text::grammar {

using WordClass = std::span<const std::string_view>;

// The words of class `a`, then those of `b` (a class made of another and a few words).
template <size_t A, size_t B>
constexpr std::array<std::string_view, A + B> Join(const std::string_view (&a)[A], const std::string_view (&b)[B]) {
  std::array<std::string_view, A + B> out{};
  for (size_t i = 0; i < A; ++i) out[i] = a[i];
  for (size_t i = 0; i < B; ++i) out[A + i] = b[i];
  return out;
}

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
// The wh- pronouns that open a relative clause ("the man who", "the town which"); a rule that also
// wants "that" or "whose" adds it.
inline constexpr std::string_view kRelativePronouns[] = {"who", "whom", "which"};
// Words that open a relative clause: the relative pronouns, "whose", "where" and "that".
inline constexpr auto kRelatives = Join(kRelativePronouns, {"whose", "where", "that"});
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

// Month names of the other languages news pages are dated in (German, French, Spanish, Italian,
// Dutch), lower case, with their month: for reading dates (extract/date_parser), not English words.
struct ForeignMonth {
  std::string_view name;
  int month;
};
inline constexpr ForeignMonth kForeignMonths[] = {
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7},
    {"oktober", 10}, {"dezember", 12},
    {"janvier", 1}, {"février", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6}, {"juillet", 7}, {"août", 8},
    {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    {"okt", 10}, {"dez", 12},
};

// The number (1-based) of the name in `full` (kMonths, kWeekdays) that `word` is or abbreviates
// ("sept" -> 9, "thurs" -> 4), 0 when none.
inline int NumberOf(WordClass full, std::string_view word) {
  for (size_t i = 0; i < full.size(); ++i)
    if (!word.empty() && full[i].substr(0, word.size()) == word) return static_cast<int>(i + 1);
  return 0;
}

// Whether `word` (lower case) is in `c`.
inline bool IsIn(WordClass c, std::string_view word) {
  for (std::string_view w : c)
    if (w == word) return true;
  return false;
}

// The month (1-12) `word` (lower case, whole) names: an English month or its abbreviation
// (kMonths, kMonthAbbreviations: "sept" -> 9) or a month of kForeignMonths ("août" -> 8); 0 when none.
inline int MonthOf(std::string_view word) {
  if (IsIn(kMonths, word) || IsIn(kMonthAbbreviations, word)) return NumberOf(kMonths, word);
  for (const ForeignMonth& m : kForeignMonths)
    if (m.name == word) return m.month;
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

}  // namespace eventmill::text::grammar
