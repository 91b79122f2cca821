#include "extract/byte_pair_filter.h"

#include <cstring>

namespace eventmill::extract {

void BytePairFilter::Reset(std::string_view text) {
  std::memset(bits_, 0, sizeof(bits_));
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 1; i < text.size(); ++i) {
    const uint32_t s = Slot(p[i - 1], p[i]);
    bits_[s >> 6] |= uint64_t{1} << (s & 63);
  }
}

}  // namespace eventmill::extract
