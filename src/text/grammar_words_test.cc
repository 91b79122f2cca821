#include "text/grammar_words.h"

#include <gtest/gtest.h>

#include <set>
#include <unordered_set>

namespace eventmill::text::grammar {
namespace {

TEST(GrammarWords, BuildsASetFromClassesAndExtraWords) {
  auto words = GrammarWords<std::set<std::string, std::less<>>>({kArticles, kBeForms}, {"per", "the"});
  EXPECT_EQ(words.size(), 3u + 7u + 1u);
  EXPECT_TRUE(words.count("an"));
  EXPECT_TRUE(words.count("been"));
  EXPECT_TRUE(words.count("per"));
  EXPECT_FALSE(words.count("am"));
  auto hashed = GrammarWords<std::unordered_set<std::string>>({kWeekdays});
  EXPECT_TRUE(hashed.count("sunday"));
}

TEST(GrammarWords, ClassesAreLowerCaseAndWithoutRepeats) {
  for (WordClass c : {WordClass(kArticles), WordClass(kPossessives), WordClass(kDemonstratives), WordClass(kBeForms),
                      WordClass(kHaveForms), WordClass(kModals), WordClass(kSubjectPronouns), WordClass(kObjectPronouns),
                      WordClass(kReflexives), WordClass(kCoordinators), WordClass(kRelatives), WordClass(kRelativePronouns),
                      WordClass(kSubordinators),
                      WordClass(kLocatives), WordClass(kMonths), WordClass(kMonthAbbreviations), WordClass(kWeekdays)}) {
    std::set<std::string_view> seen;
    for (std::string_view w : c) {
      EXPECT_TRUE(seen.insert(w).second) << "repeated: " << w;
      for (char ch : w) EXPECT_FALSE(ch >= 'A' && ch <= 'Z') << w;
    }
  }
  EXPECT_TRUE(IsIn(kMonths, "may"));
  EXPECT_FALSE(IsIn(kMonths, "mai"));
}

TEST(GrammarWords, RelativesAreThePronounsAndThreeWordsMore) {
  EXPECT_EQ(kRelatives.size(), std::size(kRelativePronouns) + 3);
  for (std::string_view w : kRelativePronouns) EXPECT_TRUE(IsIn(kRelatives, w)) << w;
  EXPECT_TRUE(IsIn(kRelatives, "that") && IsIn(kRelatives, "whose") && IsIn(kRelatives, "where"));
  EXPECT_FALSE(IsIn(kRelativePronouns, "that"));
}

TEST(GrammarWords, MonthOfReadsEnglishAndForeignMonthNames) {
  EXPECT_EQ(MonthOf("january"), 1);
  EXPECT_EQ(MonthOf("may"), 5);
  EXPECT_EQ(MonthOf("jun"), 6);
  EXPECT_EQ(MonthOf("jul"), 7);
  EXPECT_EQ(MonthOf("sept"), 9);
  EXPECT_EQ(MonthOf("mar"), 3);
  EXPECT_EQ(MonthOf("août"), 8);
  EXPECT_EQ(MonthOf("märz"), 3);
  EXPECT_EQ(MonthOf("dez"), 12);
  EXPECT_EQ(MonthOf("mei"), 5);
  EXPECT_EQ(MonthOf("ma"), 0);        // no prefix of a name, only names and the listed abbreviations
  EXPECT_EQ(MonthOf("janu"), 0);
  EXPECT_EQ(MonthOf("January"), 0);   // lower case only
  EXPECT_EQ(MonthOf(""), 0);
  std::set<std::string_view> seen;
  for (const ForeignMonth& m : kForeignMonths) {
    EXPECT_TRUE(seen.insert(m.name).second) << "repeated: " << m.name;
    EXPECT_FALSE(IsIn(kMonths, m.name) || IsIn(kMonthAbbreviations, m.name)) << m.name << " is English";
    EXPECT_TRUE(m.month >= 1 && m.month <= 12) << m.name;
  }
}

}  // namespace
}  // namespace eventmill::text::grammar
