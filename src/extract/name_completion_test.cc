#include "extract/name_completion.h"

#include <gtest/gtest.h>

namespace eventmill::extract {
namespace {

std::optional<CompletedName> Complete(const std::string& body, std::string_view name) {
  auto tree = html::HtmlTree::Parse("<html><body>" + body + "</body></html>");
  EXPECT_TRUE(tree.ok());
  return CompleteName(*tree, name);
}

TEST(NameCompletion, FirstNameFromANameLine) {
  auto n = Complete("<p>Some story text.</p><div class='box'><p>Mara Lindqvist</p><p>Editor</p></div>", "Mara");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->name, "Mara Lindqvist");
}

TEST(NameCompletion, FirstNameBeforeARoleOrACredit) {
  auto n = Complete("<p>Mara Lindqvist - engineer and traveller since 2001</p>", "Mara");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->name, "Mara Lindqvist");
  n = Complete("<p>Photo: Mara Lindqvist, 2019</p>", "Mara");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->name, "Mara Lindqvist");
}

TEST(NameCompletion, AFirstNameInASentenceIsNotCompleted) {
  EXPECT_FALSE(Complete("<p>Mara Went to the market and bought bread.</p>", "Mara"));
  EXPECT_FALSE(Complete("<p>Nobody here is called so.</p>", "Mara"));
  // Inside a word, or in a script.
  EXPECT_FALSE(Complete("<p>Tamara Lindqvist</p>", "Mara"));
  EXPECT_FALSE(Complete("<script>var a = 'Mara Lindqvist';</script>", "Mara"));
}

TEST(NameCompletion, InitialsFromANameAlone) {
  auto n = Complete("<p>This diary by <a href='/'>Donald Thorne</a> is licensed.</p>", "DT");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->name, "Donald Thorne");
  EXPECT_FALSE(Complete("<p>Daily Times reported it.</p>", "DT"));
}

TEST(NameCompletion, OnlyShortNamesAreCompleted) {
  EXPECT_FALSE(Complete("<p>Mara Lindqvist</p>", "Mara Lindqvist"));
  EXPECT_FALSE(Complete("<p>Redaktion Nord</p>", "redaktion"));
}

}  // namespace
}  // namespace eventmill::extract
