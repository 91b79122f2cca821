// WordLists: the readable data-file format shared by the text and analyze data families
// (data/text/*.txt, data/counts/*.txt, data/dates/*.txt, data/quotes/*.txt).
//
//   # comment to the end of the line
//   [section]                     starts a section (entries before any header go to "")
//   key = value one | value two   an entry with '|'-separated values (trimmed)
//   plain line                    an entry whose key is the whole line and has no values
//
// Keys and values keep their case; callers lower-case where they match case-insensitively.
// A section header without its ']', an empty section name, and an entry "key = " with an empty key
// or no value are errors naming the file and the line.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "eventmill/status.h"

namespace eventmill::text {

struct WordListEntry {
  std::string key;
  std::vector<std::string> values;
  int line = 0;
};

// Section name -> entries in file order.
using WordLists = std::map<std::string, std::vector<WordListEntry>>;

// Parses the format above; `name` names the file in errors ("data/counts/numbers.txt:12: ...").
Result<WordLists> ParseWordLists(std::string_view content, std::string_view name);

// Reads and parses `relative` of `files`; an error names the file when it cannot be read or parsed.
Result<WordLists> ReadWordLists(const DataFiles& files, std::string_view relative);

// An error naming `name` when `lists` lacks one of `sections` or holds no entry in it: a reader
// never runs on an empty table.
Status RequireSections(const WordLists& lists, std::string_view name, std::initializer_list<std::string_view> sections);

// The '|'-separated alternatives of an entry's key, trimmed, empty ones dropped: the line
// "killed | dead" of a section without '=' is two phrases.
std::vector<std::string> KeyAlternatives(const WordListEntry& entry);

// ASCII lower-case copy (UTF-8 bytes >= 0x80 are kept).
std::string AsciiLower(std::string_view s);

}  // namespace eventmill::text
