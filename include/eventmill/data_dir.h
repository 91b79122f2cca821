// Where the readable data files (data/) are found when no option names them. Part of core: the
// front doors (Pipeline::Create, Lexicon::Load, the CLI) call it once and pass the directory down;
// nothing deeper reads the environment.
#pragma once

#include <string>

namespace eventmill {

// Where data/ is: $EVENTMILL_DATA, else <binary>/../data, else the source tree's data/.
std::string DataDir();

}  // namespace eventmill
