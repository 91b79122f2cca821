#include "extract/author_names.h"

#include <gtest/gtest.h>

namespace eventmill::extract {
namespace {

ExtractData Data() {
  return ExtractData::FromStrings("", "byline: By\nbyline: Von\nbyline: Autor:\nrole: reporter\nrole: redakteur\n",
                                  "Reuters|Thomson Reuters\ndpa|DPA|Deutsche Presse-Agentur\n");
}

TEST(AuthorNames, StripsBylineWordsRolesAndDates) {
  std::vector<std::string> agencies;
  EXPECT_EQ(CleanAuthors({"By Jane Doe, Senior Reporter"}, Data(), &agencies), (std::vector<std::string>{"Jane Doe"}));
  EXPECT_EQ(CleanAuthors({"Von Max Muster | 12.03.2022"}, Data(), &agencies), (std::vector<std::string>{"Max Muster"}));
  EXPECT_EQ(CleanAuthors({"Autor:Anna Berg"}, Data(), &agencies), (std::vector<std::string>{"Anna Berg"}));
  EXPECT_EQ(CleanAuthors({"jane@example.org"}, Data(), &agencies), (std::vector<std::string>{}));
  EXPECT_TRUE(agencies.empty());
}

TEST(AuthorNames, SplitsSeveralAuthorsAndMovesAgencies) {
  std::vector<std::string> agencies;
  EXPECT_EQ(CleanAuthors({"By Jane Doe and John Roe, Reuters"}, Data(), &agencies),
            (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(agencies, (std::vector<std::string>{"Reuters"}));
  agencies.clear();
  EXPECT_EQ(CleanAuthors({"Benjamin Fischer und Marcus Theurer (dpa)", "Benjamin Fischer"}, Data(), &agencies),
            (std::vector<std::string>{"Benjamin Fischer", "Marcus Theurer"}));
  EXPECT_EQ(agencies, (std::vector<std::string>{"dpa"}));
}

TEST(AuthorNames, KeepsInitials) {
  std::vector<std::string> agencies;
  EXPECT_EQ(CleanAuthors({"R. R."}, Data(), &agencies), (std::vector<std::string>{"R. R."}));
}

}  // namespace
}  // namespace eventmill::extract
