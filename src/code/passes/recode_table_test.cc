#include "code/passes/recode_table.h"

#include <gtest/gtest.h>

#include "eventmill/data_dir.h"

namespace eventmill::code {
namespace {

constexpr char kTable[] =
    "# when\tcodes\tto\tmodality\twhy\n"
    "modality=denied\t*,!01*\t016\tasserted\ta denial\n"
    "modality=threatened/cue\t18*,19*,20*\t138\tsame\ta threat\n"
    "sides=PRO,OPP~COP,MIL\t190,19\t145\tsame\ta riot\n";

TEST(RecodeTable, ModalityRowsByCodeAndExclusion) {
  auto t = RecodeTable::Parse(kTable, "recodes.tsv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  const Recode* r = t->ForModality("194", "denied", true);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->to, "016");
  EXPECT_EQ(r->keep_modality, "asserted");
  EXPECT_EQ(r->where, "recodes.tsv:2");
  EXPECT_EQ(t->ForModality("012", "denied", true), nullptr);  // "!01*" excludes statements
  EXPECT_EQ(t->ForModality("173", "attempted", true), nullptr);
}

TEST(RecodeTable, CueOnlyRowsIgnoreThePatternsOwnModality) {
  auto t = RecodeTable::Parse(kTable, "recodes.tsv");
  ASSERT_TRUE(t.ok());
  ASSERT_NE(t->ForModality("1823", "threatened", true), nullptr);
  EXPECT_EQ(t->ForModality("1823", "threatened", false), nullptr);
  EXPECT_EQ(t->ForModality("173", "threatened", true), nullptr);  // not violence
  EXPECT_EQ(t->ForModality("1823", "threatened", true)->keep_modality, "");
}

TEST(RecodeTable, SidesEitherWayRoundAndExactCodes) {
  auto t = RecodeTable::Parse(kTable, "recodes.tsv");
  ASSERT_TRUE(t.ok());
  EXPECT_NE(t->ForSides("190", "PRO", "COP"), nullptr);
  EXPECT_NE(t->ForSides("19", "MIL", "OPP"), nullptr);
  EXPECT_EQ(t->ForSides("193", "PRO", "COP"), nullptr);  // "190" names that code only
  EXPECT_EQ(t->ForSides("190", "REB", "MIL"), nullptr);
  EXPECT_EQ(t->ForSides("190", "PRO", "PRO"), nullptr);
}

TEST(RecodeTable, MalformedRowsNameFileAndLine) {
  auto fields = RecodeTable::Parse("modality=denied\t*\t016\n", "data/mappings/recodes.tsv");
  ASSERT_FALSE(fields.ok());
  EXPECT_NE(fields.status().message().find("data/mappings/recodes.tsv:1"), std::string::npos) << fields.status().message();
  auto when = RecodeTable::Parse("# header\nmood=sad\t*\t016\tsame\twhy\n", "recodes.tsv");
  ASSERT_FALSE(when.ok());
  EXPECT_NE(when.status().message().find("recodes.tsv:2"), std::string::npos) << when.status().message();
  EXPECT_FALSE(RecodeTable::Parse("modality=denied\t1x*\t016\tsame\twhy\n", "r").ok());
  EXPECT_FALSE(RecodeTable::Parse("modality=denied\t!01*\t016\tsame\twhy\n", "r").ok());  // exclusions only
  EXPECT_FALSE(RecodeTable::Parse("modality=denied\t*\t01*\tsame\twhy\n", "r").ok());
  EXPECT_FALSE(RecodeTable::Parse("sides=PRO\t190\t145\tsame\twhy\n", "r").ok());
  EXPECT_FALSE(RecodeTable::Parse("modality=denied\t*\t016\tsame\t\n", "r").ok());
  EXPECT_FALSE(RecodeTable::Parse("# only comments\n", "r").ok());
}

TEST(RecodeTable, TheProjectTableLoads) {
  auto t = RecodeTable::Load(DataFiles(DataDir() + "/mappings"));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_GE(t->rows().size(), 3u);
}

}  // namespace
}  // namespace eventmill::code
