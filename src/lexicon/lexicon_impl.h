// What a loaded Lexicon holds. Private to the engine: stages read it through lexicon/ headers.
#pragma once

#include <string>

#include "eventmill/lexicon.h"

namespace eventmill {

struct Lexicon::Impl {
  std::string data_dir;
};

}  // namespace eventmill
