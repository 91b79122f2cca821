#include "eventmill/printable.h"

#include <gtest/gtest.h>

namespace eventmill::core {
namespace {

// Issue 18.7: terminal escapes in page text or file names are shown, never obeyed.
TEST(Printable, ReplacesEscapesAndControls) {
  const std::string title_escape = "\x1b]0;pwned\x07";
  EXPECT_EQ(Printable("a" + title_escape + "b"), "a\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD" "b");
  EXPECT_EQ(Printable("x\xC2\x9B" "31mred"), "x\xEF\xBF\xBD" "31mred");  // C1 CSI
  EXPECT_EQ(Printable("a\x7f" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(Printable("file\nname.html"), "file name.html");
  EXPECT_EQ(Printable("para one\n\npara\ttwo\r\n", Newlines::kKeep), "para one\n\npara\ttwo\n");
  EXPECT_EQ(Printable("Алматы \xC2\xA0 ok"), "Алматы \xC2\xA0 ok");  // no-break space is not a control
  EXPECT_EQ(Printable(std::string("a\0b", 3)), "a\xEF\xBF\xBD" "b");
}

}  // namespace
}  // namespace eventmill::core
