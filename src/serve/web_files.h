// The dashboard's files for eventmill serve: maps a request path to a file under the web directory
// (no "..", no backslash or NUL, no symbolic link leading out of it), "/" and extension-less
// client routes to index.html, and gives each file its content type.
#pragma once

#include <string>
#include <string_view>

#include "eventmill/status.h"

namespace eventmill::serve {

struct WebFile {
  std::string path;          // the file on disk
  std::string content_type;  // "text/html; charset=utf-8", "application/javascript"...
};

// `dir` the web directory, `request_path` the decoded URL path ("/assets/app.js"). kInvalidInput for
// a path that tries to leave the directory, kNotFound for a missing file (or no index.html).
Result<WebFile> ResolveWebFile(const std::string& dir, std::string_view request_path);

// Content type of a file name by its extension; "application/octet-stream" when unknown.
std::string ContentTypeOf(std::string_view file_name);

}  // namespace eventmill::serve
