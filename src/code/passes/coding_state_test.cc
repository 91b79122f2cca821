#include "code/passes/coding_state.h"

#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {

TEST(Explain, PrefixesTheLineWithThePassName) {
  std::vector<std::string> lines;
  Explain(lines, pass::kPlaces, "place Kyiv (city): named in the clause");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "places: place Kyiv (city): named in the clause");
}

TEST(CoderData, LoadsTheProjectData) {
  const CoderData& data = pass_testing::Data();
  EXPECT_GT(data.patterns.size(), 100u);
  EXPECT_FALSE(data.recodes.rows().empty());
  EXPECT_FALSE(data.slot_roles.empty());
  EXPECT_EQ(data.Alpha3("UA"), "UKR");
}

}  // namespace
}  // namespace eventmill::code
