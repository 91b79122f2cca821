// The shape of the lexicon's readable data files (data/actors/*.txt, data/places/*.txt): one entry
// a line, fields separated by '|', lists inside a field separated by ';', '#' to the end of the
// line is a comment, blank lines are skipped. Fields are trimmed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eventmill::lexicon {

struct SourceLine {
  std::string where;                // "path:line", for messages
  std::vector<std::string> fields;  // trimmed; empty fields kept
};

// Appends the entries of `path` to `out`; false when it cannot be read.
bool ReadSourceFile(const std::string& path, std::vector<SourceLine>* out);

// "a; b ;c" -> {"a", "b", "c"}; empty items dropped.
std::vector<std::string> SplitList(std::string_view field);

}  // namespace eventmill::lexicon
