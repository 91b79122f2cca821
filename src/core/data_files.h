// DataFiles: the one way the engine reads its knowledge files (data/ and its families). A front
// door (Pipeline::Create, Analyzer::Create, Coder::Create, Extractor::Create) builds one from its
// options and passes it down; nothing deeper picks a path or reads the environment. A file that
// cannot be read is an error naming it; a malformed line is an error naming the file and the line
// (DataError). FromStrings serves tests the same way from memory.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/status.h"

namespace eventmill {

class DataFiles {
 public:
  // Files under `root` (a data/ directory, or one family of it such as data/patterns).
  explicit DataFiles(std::string root) : root_(std::move(root)) {}
  // Files held in memory, by relative path ("counts/numbers.txt"), for tests.
  static DataFiles FromStrings(std::map<std::string, std::string, std::less<>> files);

  const std::string& root() const { return root_; }
  // The files of one family: DataFiles(root/folder), or the in-memory files below folder/.
  DataFiles Sub(std::string_view folder) const;
  // The path a message names: root/relative.
  std::string PathOf(std::string_view relative) const;

  // The whole contents of root/relative. NotFound "<path>: cannot read (No such file or
  // directory)" when it is missing; an empty file is read as empty.
  Result<std::string> Read(std::string_view relative) const;
  // The files directly in root/folder whose names end in `suffix`, sorted, relative to root
  // ("patterns/01_statements.patterns"). NotFound when the folder is missing or has none.
  Result<std::vector<std::string>> List(std::string_view folder, std::string_view suffix) const;

 private:
  std::string root_;
  bool in_memory_ = false;
  std::map<std::string, std::string, std::less<>> files_;  // in memory: relative path -> contents
};

// InvalidInput "<file>:<line>: <what>" (the line left out when 0): a malformed data line.
Status DataError(std::string_view file, int line, std::string_view what);

// Calls fn(line_number, line) for each line of `text` (1-based; '\r' and trailing blanks cut;
// blank lines and lines starting with '#' skipped). Stops at and returns the first error fn returns.
template <typename Fn>
Status ForEachDataLine(std::string_view text, Fn&& fn) {
  int number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    size_t lead = line.find_first_not_of(" \t");
    if (lead == std::string_view::npos || line[lead] == '#') continue;
    Status s = fn(number, line);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace eventmill
