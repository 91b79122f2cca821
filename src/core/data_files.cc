#include "core/data_files.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace eventmill {

namespace fs = std::filesystem;

DataFiles DataFiles::FromStrings(std::map<std::string, std::string, std::less<>> files) {
  DataFiles d("");
  d.in_memory_ = true;
  d.files_ = std::move(files);
  return d;
}

std::string DataFiles::PathOf(std::string_view relative) const {
  if (root_.empty()) return std::string(relative);
  if (relative.empty()) return root_;
  return root_ + "/" + std::string(relative);
}

DataFiles DataFiles::Sub(std::string_view folder) const {
  if (!in_memory_) return DataFiles(PathOf(folder));
  std::map<std::string, std::string, std::less<>> sub;
  std::string prefix = std::string(folder) + "/";
  for (const auto& [name, text] : files_)
    if (name.compare(0, prefix.size(), prefix) == 0) sub.emplace(name.substr(prefix.size()), text);
  DataFiles d = FromStrings(std::move(sub));
  d.root_ = PathOf(folder);
  return d;
}

Result<std::string> DataFiles::Read(std::string_view relative) const {
  std::string path = PathOf(relative);
  if (in_memory_) {
    std::string key = std::string(relative);
    auto it = files_.find(key);
    if (it == files_.end()) return Status::NotFound(path, "cannot read (no such data file)");
    return it->second;
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::InvalidInput(path, "is a directory, not a data file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path, std::string("cannot read (") + std::strerror(errno) + ")");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path, "read failed");
  return ss.str();
}

Result<std::vector<std::string>> DataFiles::List(std::string_view folder, std::string_view suffix) const {
  std::vector<std::string> out;
  auto matches = [&](std::string_view name) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  std::string prefix = folder.empty() ? "" : std::string(folder) + "/";
  if (in_memory_) {
    for (const auto& [name, text] : files_) {
      if (name.compare(0, prefix.size(), prefix) != 0) continue;
      std::string_view rest = std::string_view(name).substr(prefix.size());
      if (rest.find('/') == std::string_view::npos && matches(rest)) out.push_back(name);
    }
  } else {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(PathOf(folder), ec)) {
      std::string name = entry.path().filename().string();
      if (entry.is_regular_file(ec) && matches(name)) out.push_back(prefix + name);
    }
    if (ec) return Status::NotFound(PathOf(folder), "cannot list data folder (" + ec.message() + ")");
  }
  if (out.empty()) return Status::NotFound(PathOf(folder), "no data file ending in '" + std::string(suffix) + "'");
  std::sort(out.begin(), out.end());
  return out;
}

Status DataError(std::string_view file, int line, std::string_view what) {
  std::string where(file);
  if (line > 0) where += ":" + std::to_string(line);
  return Status::InvalidInput(where, what);
}

}  // namespace eventmill
