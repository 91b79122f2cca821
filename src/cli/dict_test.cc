#include "cli/dict_test.h"

#include <cstdio>

namespace eventmill::cli {

int RunDictTest(const std::vector<std::string>& args) {
  std::fprintf(stderr, "eventmill dict test: validation records are not supported yet\n");
  return 2;
}

}  // namespace eventmill::cli
