// DataDir(): see eventmill/data_dir.h.
#include "eventmill/data_dir.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace eventmill {

std::string DataDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("EVENTMILL_DATA"); env && *env) return env;
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    buf[n] = 0;
    fs::path exe(buf);
    for (fs::path dir : {exe.parent_path().parent_path() / "data", exe.parent_path() / "data",
                         exe.parent_path().parent_path() / "share" / "eventmill" / "data"}) {
      std::error_code ec;
      if (fs::is_directory(dir / "patterns", ec) || fs::is_directory(dir / "actors", ec)) return dir.string();
    }
  }
  return EVENTMILL_SOURCE_DATA_DIR;
}

std::string NpmDir(const std::string& data_dir) {
  if (const char* env = std::getenv("EVENTMILL_NPM_DIR"); env && *env) return env;
  return (std::filesystem::path(data_dir).parent_path() / "build" / "npm" / "node_modules").string();
}

}  // namespace eventmill
