#include "text/utf8.h"

#include <gtest/gtest.h>

namespace eventmill::text {
namespace {

TEST(Utf8, KeepsValidTextByteForByte) {
  std::string s = "Alma-Ata \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80";
  EXPECT_TRUE(IsValidUtf8(s));
  EXPECT_EQ(RepairUtf8(s), s);
}

TEST(Utf8, ReplacesInvalidBytes) {
  std::string s = "caf\xE9 ok";  // Latin-1 e-acute
  EXPECT_FALSE(IsValidUtf8(s));
  EXPECT_EQ(RepairUtf8(s), "caf\xEF\xBF\xBD ok");
}

TEST(Utf8, ReplacesTruncatedSequenceAtEnd) {
  EXPECT_EQ(RepairUtf8("ab\xE2\x80"), "ab\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));
}

TEST(Utf8, DropsNulBytes) { EXPECT_EQ(RepairUtf8(std::string("a\0b", 3)), "ab"); }

}  // namespace
}  // namespace eventmill::text
