// Text for a terminal: what a page or a file name holds is shown, never obeyed. Escape sequences
// (ESC, CSI, OSC: a page could set the terminal's title or hide lines), other C0 and C1 control
// characters and DEL become U+FFFD; newlines can be kept (article text) or not (one table cell,
// one file name per line, so a name cannot forge lines of its own).
#pragma once

#include <string>
#include <string_view>

namespace eventmill::core {

enum class Newlines { kKeep, kReplace };

// `s` with every control character replaced (see above). Tabs count as controls too when
// newlines are replaced. Invalid UTF-8 is left as it is (the terminal shows it as such).
std::string Printable(std::string_view s, Newlines newlines = Newlines::kReplace);

}  // namespace eventmill::core
