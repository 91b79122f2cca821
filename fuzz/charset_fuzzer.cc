// libFuzzer target: arbitrary bytes (the first byte picks a Content-Type) through DecodeToUtf8.
// The output must always be valid UTF-8 without NULs. Build and run: fuzz/run.sh charset
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "io/charset.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* kTypes[] = {"", "text/html; charset=shift_jis", "text/html; charset=utf-16",
                                 "text/html; charset=iso-2022-jp", "text/html; charset=koi8-r",
                                 "text/html; charset=gbk", "text/html; charset=utf-8", "text/html; charset=x"};
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto r = eventmill::io::DecodeToUtf8(bytes, kTypes[data[0] % 8], data[0] & 8, "fuzz");
  if (r.ok() && (!eventmill::text::IsValidUtf8(r->text) || r->text.find('\0') != std::string::npos)) std::abort();
  return 0;
}
