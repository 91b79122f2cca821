// Where the readable data files (data/) are found when no option names them. Part of core: the
// front doors (Pipeline::Create, Lexicon::Load, the CLI) call it once and pass the directory down;
// nothing deeper reads the environment.
#pragma once

#include <string>

namespace eventmill {

// Where data/ is: $EVENTMILL_DATA, else <binary>/../data, else the source tree's data/.
std::string DataDir();

// Where the npm data packages are installed (GeoNames, countries, AFINN): $EVENTMILL_NPM_DIR, else
// <data_dir>/../build/npm/node_modules (tools/setup.d installs them there).
std::string NpmDir(const std::string& data_dir);

}  // namespace eventmill
