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
                      WordClass(kReflexives), WordClass(kCoordinators), WordClass(kRelatives), WordClass(kSubordinators),
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

}  // namespace
}  // namespace eventmill::text::grammar
