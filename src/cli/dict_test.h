// `eventmill dict test FILE...`: runs validation records (sentence + expected events) through the
// coder; the format is documented in docs/patterns.md. Implemented with the code stage.
#pragma once

#include <string>
#include <vector>

namespace eventmill::cli {

int RunDictTest(const std::vector<std::string>& args);

}  // namespace eventmill::cli
