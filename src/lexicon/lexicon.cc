#include "eventmill/lexicon.h"

#include "lexicon/lexicon_impl.h"

namespace eventmill {

Result<Lexicon> Lexicon::Load(const LexiconOptions& options) {
  auto impl = std::make_shared<Impl>();
  impl->data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  return Lexicon(std::move(impl));
}

}  // namespace eventmill
