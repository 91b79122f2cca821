#include "lexicon/source_file.h"

#include <fstream>

namespace eventmill::lexicon {
namespace {

std::string Trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
  return std::string(s.substr(a, b - a));
}

}  // namespace

bool ReadSourceFile(const std::string& path, std::vector<SourceLine>* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    if (Trim(line).empty()) continue;
    SourceLine l;
    l.where = path + ":" + std::to_string(n);
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == '|') {
        l.fields.push_back(Trim(std::string_view(line).substr(start, i - start)));
        start = i + 1;
      }
    }
    while (l.fields.size() > 1 && l.fields.back().empty()) l.fields.pop_back();
    out->push_back(std::move(l));
  }
  return true;
}

std::vector<std::string> SplitList(std::string_view field) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= field.size(); ++i) {
    if (i == field.size() || field[i] == ';') {
      std::string item = Trim(field.substr(start, i - start));
      if (!item.empty()) out.push_back(std::move(item));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace eventmill::lexicon
