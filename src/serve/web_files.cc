// Request path -> file under the web directory, with its content type (see web_files.h).
#include "serve/web_files.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <string>

namespace eventmill::serve {
namespace {

std::string RealPath(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return {};
  return buf;
}

bool IsRegularFile(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string_view Extension(std::string_view name) {
  auto slash = name.rfind('/');
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return name.substr(dot + 1);
}

}  // namespace

std::string ContentTypeOf(std::string_view file_name) {
  std::string ext(Extension(file_name));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::pair<const char*, const char*> kTypes[] = {
      {"html", "text/html; charset=utf-8"},   {"htm", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"}, {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},     {"json", "application/json; charset=utf-8"},
      {"map", "application/json; charset=utf-8"}, {"geojson", "application/geo+json"},
      {"topojson", "application/json; charset=utf-8"}, {"svg", "image/svg+xml"},
      {"png", "image/png"},                   {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},                 {"gif", "image/gif"},
      {"webp", "image/webp"},                 {"ico", "image/x-icon"},
      {"woff", "font/woff"},                  {"woff2", "font/woff2"},
      {"ttf", "font/ttf"},                    {"txt", "text/plain; charset=utf-8"},
      {"wasm", "application/wasm"},
  };
  for (const auto& [e, type] : kTypes)
    if (ext == e) return type;
  return "application/octet-stream";
}

Result<WebFile> ResolveWebFile(const std::string& dir, std::string_view request_path) {
  if (dir.empty()) return Status::NotFound(request_path, "no dashboard directory (--web)");
  if (request_path.empty() || request_path[0] != '/') return Status::InvalidInput(request_path, "path must start with /");
  if (request_path.find('\\') != std::string_view::npos || request_path.find('\0') != std::string_view::npos)
    return Status::InvalidInput("path", "backslash or NUL in the path");
  // Every segment must be a plain name: no "..", no ".", no empty segment inside.
  std::string rel;
  size_t pos = 1;
  while (pos <= request_path.size()) {
    size_t end = request_path.find('/', pos);
    if (end == std::string_view::npos) end = request_path.size();
    std::string_view seg = request_path.substr(pos, end - pos);
    if (seg == ".." || seg == ".") return Status::InvalidInput(request_path, "'.' or '..' in the path");
    if (!seg.empty()) {
      if (!rel.empty()) rel += '/';
      rel.append(seg);
    }
    pos = end + 1;
  }
  const std::string root = RealPath(dir);
  if (root.empty()) return Status::NotFound(dir, "the dashboard directory does not exist (build web/ first)");
  auto inside = [&](const std::string& p) -> std::string {
    std::string real = RealPath(p);
    if (real.empty() || real.compare(0, root.size() + 1, root + "/") != 0 || !IsRegularFile(real)) return {};
    return real;
  };
  if (!rel.empty()) {
    std::string file = inside(root + "/" + rel);
    if (!file.empty()) return WebFile{file, ContentTypeOf(file)};
    // A client route ("/article/abc") gets the app; a missing asset is a 404.
    if (!Extension(rel).empty()) return Status::NotFound(request_path, "no such file");
  }
  std::string index = inside(root + "/index.html");
  if (index.empty()) return Status::NotFound(dir, "no index.html: the dashboard is not built (make build)");
  return WebFile{index, ContentTypeOf(index)};
}

}  // namespace eventmill::serve
