#include "eventmill/code.h"

namespace eventmill {

struct Coder::Impl {
  const Lexicon* lexicon = nullptr;
  CodeOptions options;
};

Coder::Coder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Coder::~Coder() = default;
Coder::Coder(Coder&&) noexcept = default;
Coder& Coder::operator=(Coder&&) noexcept = default;

Result<Coder> Coder::Create(const Lexicon& lexicon, CodeOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->lexicon = &lexicon;
  impl->options = options;
  return Coder(std::move(impl));
}

Status Coder::Code(Document& doc) const { return Status::Ok(); }

}  // namespace eventmill
