// WordLists: the readable data-file format shared by the text and analyze data families
// (data/text/*.txt, data/counts/*.txt, data/dates/*.txt, data/quotes/*.txt).
//
//   # comment to the end of the line
//   [section]                     starts a section (entries before any header go to "")
//   key = value one | value two   an entry with '|'-separated values (trimmed)
//   plain line                    an entry whose key is the whole line and has no values
//
// Keys and values keep their case; callers lower-case where they match case-insensitively.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::text {

struct WordListEntry {
  std::string key;
  std::vector<std::string> values;
  int line = 0;
};

// Section name -> entries in file order.
using WordLists = std::map<std::string, std::vector<WordListEntry>>;

// Parses the format above. Never fails: malformed lines are kept as plain keys.
WordLists ParseWordLists(std::string_view content);

// Reads and parses `path`; an error names the path when it cannot be read.
Result<WordLists> ReadWordLists(const std::string& path);

// ASCII lower-case copy (UTF-8 bytes >= 0x80 are kept).
std::string AsciiLower(std::string_view s);

}  // namespace eventmill::text
