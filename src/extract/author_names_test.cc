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
  EXPECT_EQ(CleanAuthors({"Autor: Jo Roe, Datum: 03.Mär.19"}, Data(), &agencies), (std::vector<std::string>{"Jo Roe"}));
  EXPECT_EQ(CleanAuthors({"jane@example.org"}, Data(), &agencies), (std::vector<std::string>{}));
  EXPECT_TRUE(agencies.empty());
}

TEST(AuthorNames, APictureCreditIsNoAuthor) {
  const ExtractData data = ExtractData::FromStrings(
      "", "byline: By\nbyline: Text und Foto:\ncredit: Foto\ncredit: Photo\n", "dpa|DPA\n");
  std::vector<std::string> agencies;
  EXPECT_EQ(CleanAuthors({"Foto: Jo Roe"}, data, &agencies), (std::vector<std::string>{}));
  EXPECT_EQ(CleanAuthors({"Photo : Jo Roe", "By Ann Lee"}, data, &agencies), (std::vector<std::string>{"Ann Lee"}));
  // Who wrote and took the pictures is the author.
  EXPECT_EQ(CleanAuthors({"Text und Foto: Jo Roe"}, data, &agencies), (std::vector<std::string>{"Jo Roe"}));
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

TEST(AuthorNames, CutsDatesHandlesAndLeads) {
  ExtractData data = ExtractData::FromStrings("", "byline: By\nbyline: Von\nnotname: donnerstag\n", "");
  std::vector<std::string> agencies;
  EXPECT_EQ(CleanAuthors({"Author: Bo2man am 29.12.2010, 13:36"}, data, &agencies), (std::vector<std::string>{"Bo2man"}));
  EXPECT_EQ(CleanAuthors({"Posted on September 21, 2020 by Adi Tzlil"}, data, &agencies),
            (std::vector<std::string>{"Adi Tzlil"}));
  EXPECT_EQ(CleanAuthors({"Williams Perdomo @wperdomod"}, data, &agencies), (std::vector<std::string>{"Williams Perdomo"}));
  EXPECT_EQ(CleanAuthors({"Alexa von Heyden"}, data, &agencies), (std::vector<std::string>{"Alexa von Heyden"}));
  EXPECT_EQ(CleanAuthors({"Donnerstag"}, data, &agencies), (std::vector<std::string>{}));
  EXPECT_EQ(CleanAuthors({"Publiziert am Montag"}, data, &agencies), (std::vector<std::string>{}));  // not a name
  ExtractData label = ExtractData::FromStrings("", "byline: Artikel von\n", "");
  EXPECT_EQ(CleanAuthors({"Artikel von:"}, label, &agencies), (std::vector<std::string>{}));  // a label alone
}

TEST(AuthorNames, DropsRoleWordsBeforeTheNameAndDegreesAfterIt) {
  ExtractData data = ExtractData::FromStrings("", "role: reporter\nrole: experte\nrole: senior\nnotname: phd\n", "");
  std::vector<std::string> agencies;
  EXPECT_EQ(CleanAuthors({"Senior Reporter Jane Doe"}, data, &agencies), (std::vector<std::string>{"Jane Doe"}));
  EXPECT_EQ(CleanAuthors({"Garten-Experte Max Muster"}, data, &agencies), (std::vector<std::string>{"Max Muster"}));
  EXPECT_EQ(CleanAuthors({"Jo Roe, PhD"}, data, &agencies), (std::vector<std::string>{"Jo Roe"}));
  // A role and one word is no name to keep.
  EXPECT_EQ(CleanAuthors({"Senior Reporter"}, data, &agencies), (std::vector<std::string>{}));
}

TEST(AuthorNames, DropsTheSignOffBeforeASignature) {
  ExtractData data = ExtractData::FromStrings("", "signoff: Deine\nbyline: Von\n", "");
  std::vector<std::string> agencies;
  EXPECT_EQ(CleanAuthors({"Deine Anna"}, data, &agencies), (std::vector<std::string>{"Anna"}));
  EXPECT_EQ(CleanAuthors({"Deine"}, data, &agencies),
            (std::vector<std::string>{"Deine"}));  // nothing after it: left alone
}

TEST(AuthorNames, KeepsInitials) {
  std::vector<std::string> agencies;
  EXPECT_EQ(CleanAuthors({"R. R."}, Data(), &agencies), (std::vector<std::string>{"R. R."}));
}

}  // namespace
}  // namespace eventmill::extract
