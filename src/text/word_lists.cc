#include "text/word_lists.h"

#include <fstream>
#include <sstream>

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

WordLists ParseWordLists(std::string_view content) {
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
    if (line.front() == '[' && line.back() == ']') {
      section = std::string(Trim(line.substr(1, line.size() - 2)));
      out[section];
      continue;
    }
    WordListEntry entry;
    entry.line = line_no;
    size_t eq = line.find(" = ");
    if (eq == std::string_view::npos) {
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
    }
    out[section].push_back(std::move(entry));
    if (nl == content.size()) break;
  }
  return out;
}

Result<WordLists> ReadWordLists(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path, "cannot read word list");
  std::stringstream buf;
  buf << in.rdbuf();
  return ParseWordLists(buf.str());
}

}  // namespace eventmill::text
