#include "eventmill/lexicon.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "lexicon/lexicon_impl.h"

namespace eventmill {

using lexicon::Header;

Lexicon::Impl::~Impl() {
  if (mapped && base) munmap(const_cast<char*>(base), size);
}

const lexicon::CountryRec* Lexicon::Impl::Country(std::string_view alpha2) const {
  if (alpha2.size() != 2) return nullptr;
  int a = alpha2[0] - 'A', b = alpha2[1] - 'A';
  if (a < 0 || a >= 26 || b < 0 || b >= 26) return nullptr;
  int32_t i = country_by_alpha2[a * 26 + b];
  return i < 0 ? nullptr : &countries[i];
}

namespace {

template <typename T>
bool View(const char* data, size_t size, const lexicon::Section& s, std::span<const T>* out) {
  if (s.offset > size || s.count > (size - s.offset) / sizeof(T) || s.offset % alignof(T) != 0) return false;
  *out = std::span<const T>(reinterpret_cast<const T*>(data + s.offset), s.count);
  return true;
}

}  // namespace

Status Lexicon::Impl::Attach(const char* data, size_t n, std::string_view where) {
  if (n < sizeof(Header) || std::memcmp(data, lexicon::kLexiconMagic, 8) != 0) {
    return Status::CorruptData(where, "not a compiled eventmill lexicon; rebuild it with `eventmill dict build`");
  }
  const auto* h = reinterpret_cast<const Header*>(data);
  if (h->version != lexicon::kLexiconVersion) {
    return Status::CorruptData(where, "compiled lexicon of version " + std::to_string(h->version) + ", this eventmill reads version " +
                                          std::to_string(lexicon::kLexiconVersion) + "; rebuild it with `eventmill dict build`");
  }
  if (h->strings.offset > n || h->strings.count > n - h->strings.offset || h->strings.count == 0 ||
      data[h->strings.offset + h->strings.count - 1] != 0) {
    return Status::CorruptData(where, "compiled lexicon: bad string section");
  }
  strings_ = data + h->strings.offset;
  strings_size_ = h->strings.count;
  if (!View(data, n, h->places, &places) || !View(data, n, h->actors, &actors) || !View(data, n, h->slots, &slots) ||
      !View(data, n, h->postings, &postings) || !View(data, n, h->fuzzy, &fuzzy) || !View(data, n, h->countries, &countries) ||
      !View(data, n, h->words, &words) || !View(data, n, h->filter, &filter) ||
      !View(data, n, h->any_case_starts, &any_case_starts) || !View(data, n, h->place_stop, &place_stop)) {
    return Status::CorruptData(where, "compiled lexicon: a section lies outside the file (truncated?)");
  }
  if (!slots.empty() && (slots.size() & (slots.size() - 1)) != 0) return Status::CorruptData(where, "compiled lexicon: bad hash table");
  slot_mask = slots.empty() ? 0 : static_cast<uint32_t>(slots.size() - 1);
  for (int i = 0; i < 26 * 26; ++i) country_by_alpha2[i] = -1;
  for (size_t i = 0; i < countries.size(); ++i) {
    const auto& c = countries[i];
    int a = c.alpha2[0] - 'A', b = c.alpha2[1] - 'A';
    if (a >= 0 && a < 26 && b >= 0 && b < 26 && c.place < places.size()) country_by_alpha2[a * 26 + b] = static_cast<int32_t>(i);
  }
  return Status::Ok();
}

std::string DefaultCompiledLexiconPath() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("EVENTMILL_LEXICON"); env && *env) return env;
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return "lexicon.bin";
  buf[n] = 0;
  fs::path dir = fs::path(buf).parent_path();
  fs::path first = dir / "lexicon.bin";
  // Test and bench binaries live below the build directory; the lexicon sits beside eventmill.
  for (fs::path d = dir; !d.empty() && d != d.root_path(); d = d.parent_path()) {
    std::error_code ec;
    if (fs::exists(d / "lexicon.bin", ec)) return (d / "lexicon.bin").string();
    if (fs::exists(d / "CMakeCache.txt", ec)) break;
  }
  return first.string();
}

const std::string& Lexicon::data_dir() const { return impl_->data_dir; }

Result<Lexicon> Lexicon::Load(const LexiconOptions& options) {
  auto impl = std::make_shared<Impl>();
  impl->data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  impl->path = options.compiled_path.empty() ? DefaultCompiledLexiconPath() : options.compiled_path;
  int fd = open(impl->path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::NotFound(impl->path, std::string("compiled lexicon missing (") + std::strerror(errno) +
                                            "); build it with `eventmill dict build` (or `make build`)");
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size <= 0) {
    close(fd);
    return Status::CorruptData(impl->path, "compiled lexicon is empty; rebuild it with `eventmill dict build`");
  }
  void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (p == MAP_FAILED) return Status::IoError(impl->path, std::string("mmap failed: ") + std::strerror(errno));
  impl->base = static_cast<const char*>(p);
  impl->size = static_cast<size_t>(st.st_size);
  impl->mapped = true;
  EM_RETURN_IF_ERROR(impl->Attach(impl->base, impl->size, impl->path));
  return Lexicon(std::move(impl));
}

}  // namespace eventmill
