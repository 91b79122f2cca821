#include "text/word_lists.h"


namespace eventmill::text {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Result<WordLists> ParseWordLists(std::string_view content, std::string_view name) {
  WordLists out;
  std::string section;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) {
      if (nl == content.size()) break;
      continue;
    }
    if (line.front() == '[') {
      if (line.back() != ']') return DataError(name, line_no, "section header without its closing ']'");
      section = std::string(Trim(line.substr(1, line.size() - 2)));
      if (section.empty()) return DataError(name, line_no, "empty section name");
      out[section];
      continue;
    }
    WordListEntry entry;
    entry.line = line_no;
    size_t eq = line.find(" = ");
    if (line.front() == '=') return DataError(name, line_no, "entry without a key before '='");
    if (eq == std::string_view::npos) {
      if (line.back() == '=') return DataError(name, line_no, "entry '" + std::string(line) + "' without a value after '='");
      entry.key = std::string(line);
    } else {
      entry.key = std::string(Trim(line.substr(0, eq)));
      std::string_view rest = line.substr(eq + 3);
      while (true) {
        size_t bar = rest.find('|');
        std::string_view v = Trim(rest.substr(0, bar));
        if (!v.empty()) entry.values.emplace_back(v);
        if (bar == std::string_view::npos) break;
        rest = rest.substr(bar + 1);
      }
      if (entry.key.empty()) return DataError(name, line_no, "entry without a key before ' = '");
      if (entry.values.empty()) return DataError(name, line_no, "entry '" + entry.key + "' without a value after ' = '");
    }
    out[section].push_back(std::move(entry));
    if (nl == content.size()) break;
  }
  return out;
}

Result<WordLists> ReadWordLists(const DataFiles& files, std::string_view relative) {
  EM_ASSIGN_OR_RETURN(std::string content, files.Read(relative));
  return ParseWordLists(content, files.PathOf(relative));
}

Status RequireSections(const WordLists& lists, std::string_view name, std::initializer_list<std::string_view> sections) {
  for (std::string_view section : sections) {
    auto it = lists.find(std::string(section));
    if (it == lists.end()) return DataError(name, 0, "no [" + std::string(section) + "] section");
    if (it->second.empty()) return DataError(name, 0, "[" + std::string(section) + "] has no entries");
  }
  return Status::Ok();
}

std::vector<std::string> KeyAlternatives(const WordListEntry& entry) {
  std::vector<std::string> out;
  std::string_view k = entry.key;
  while (!k.empty()) {
    size_t bar = k.find('|');
    std::string_view v = k.substr(0, bar);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    if (!v.empty()) out.emplace_back(v);
    if (bar == std::string_view::npos) break;
    k = k.substr(bar + 1);
  }
  return out;
}

}  // namespace eventmill::text
