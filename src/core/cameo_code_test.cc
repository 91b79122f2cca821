#include "core/cameo_code.h"

#include <gtest/gtest.h>

namespace eventmill {
namespace {

TEST(CameoCode, RootFamilyAndQuadClass) {
  CameoCode c("1823");
  EXPECT_TRUE(c.IsValid());
  EXPECT_EQ(c.Root(), "18");
  EXPECT_EQ(c.RootNumber(), 18);
  EXPECT_EQ(c.Family(), "182");
  EXPECT_EQ(c.QuadClass(), CameoCode::Quad::kMaterialConflict);
  EXPECT_EQ(CameoCode("18").Family(), "18");
  EXPECT_EQ(CameoCode("016").QuadClass(), CameoCode::Quad::kVerbalCooperation);
  EXPECT_EQ(CameoCode("073").QuadClass(), CameoCode::Quad::kMaterialCooperation);
  EXPECT_EQ(CameoCode("112").QuadClass(), CameoCode::Quad::kVerbalConflict);
  EXPECT_EQ(CameoCode("145").QuadClass(), CameoCode::Quad::kMaterialConflict);
}

TEST(CameoCode, MalformedCodesHaveNoRoot) {
  for (const char* bad : {"", "1", "21", "00", "1a", "12345", "-"}) {
    CameoCode c(bad);
    EXPECT_FALSE(c.IsValid()) << bad;
    EXPECT_EQ(c.Root(), "") << bad;
    EXPECT_EQ(c.QuadClass(), CameoCode::Quad::kUnknown) << bad;
    EXPECT_FALSE(c.IsViolent()) << bad;
    EXPECT_FALSE(c.IsShortOfCoercion()) << bad;
  }
}

TEST(CameoCode, ViolenceIsRoots18To20) {
  EXPECT_FALSE(CameoCode("175").IsViolent());
  EXPECT_TRUE(CameoCode("18").IsViolent());
  EXPECT_TRUE(CameoCode("190").IsViolent());
  EXPECT_TRUE(CameoCode("2042").IsViolent());
  EXPECT_FALSE(CameoCode("145").IsViolent());
}

TEST(CameoCode, SaidOrDone) {
  EXPECT_TRUE(CameoCode("036").IsVerbal());
  EXPECT_FALSE(CameoCode("036").IsMaterial());
  EXPECT_TRUE(CameoCode("0871").IsMaterial());
  EXPECT_TRUE(CameoCode("173").IsMaterial());
  EXPECT_TRUE(CameoCode("112").IsConflict());
  EXPECT_FALSE(CameoCode("057").IsConflict());
}

TEST(CameoCode, ShortOfCoercionIsRootsBelow17) {
  // The test the coder once wrote as `cameo < "17"`.
  for (const char* c : {"01", "016", "0871", "112", "145", "163"}) EXPECT_TRUE(CameoCode(c).IsShortOfCoercion()) << c;
  for (const char* c : {"17", "173", "18", "20"}) EXPECT_FALSE(CameoCode(c).IsShortOfCoercion()) << c;
}

TEST(CameoCode, WithinAPrefix) {
  EXPECT_TRUE(CameoCode("1823").Within("18"));
  EXPECT_TRUE(CameoCode("1823").Within("182"));
  EXPECT_FALSE(CameoCode("1823").Within("183"));
  EXPECT_FALSE(CameoCode("18").Within("182"));
  EXPECT_FALSE(CameoCode("18").Within(""));
}

}  // namespace
}  // namespace eventmill
