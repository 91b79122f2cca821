#include "syntax/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace eventmill::syntax {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      cols.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return cols;
}

bool ParseInt(std::string_view s, int* v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text, std::string_view where) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  size_t line_no = 0, pos = 0;
  auto flush = [&] {
    if (!current.words.empty()) sentences.push_back(std::move(current));
    current = ConlluSentence();
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      if (nl == text.size()) break;
      continue;
    }
    if (line[0] == '#') {
      current.comments.emplace_back(line);
      continue;
    }
    auto bad = [&](std::string_view what) {
      return Status::InvalidInput(std::string(where) + ":" + std::to_string(line_no), what);
    };
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() != 10) return bad("not 10 tab-separated columns");
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // an empty node
    if (id.find('-') != std::string_view::npos) {
      current.multiwords.push_back({int(current.words.size()), std::string(line)});
      continue;
    }
    int n = 0;
    if (!ParseInt(id, &n) || n != int(current.words.size()) + 1) return bad("word IDs must count 1, 2, 3…");
    ConlluWord w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.feats = cols[5];
    if (cols[6] == "_") {
      w.head = -1;
    } else if (!ParseInt(cols[6], &w.head) || w.head < 0) {
      return bad("HEAD is not a number");
    }
    w.deprel = cols[7];
    w.deps = cols[8];
    w.misc = cols[9];
    current.words.push_back(std::move(w));
    if (nl == text.size()) break;
  }
  flush();
  for (auto& s : sentences)
    for (auto& w : s.words)
      if (w.head > int(s.words.size())) return Status::InvalidInput(where, "a HEAD points past its sentence");
  return sentences;
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path, "cannot open");
  std::stringstream buf;
  buf << in.rdbuf();
  return ParseConllu(buf.str(), path);
}

void AppendConllu(const ConlluSentence& sentence, std::string* out) {
  for (const auto& c : sentence.comments) out->append(c).push_back('\n');
  size_t mw = 0;
  auto field = [&](const std::string& s) { out->append(s.empty() ? "_" : s); };
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    while (mw < sentence.multiwords.size() && sentence.multiwords[mw].first == int(i)) {
      out->append(sentence.multiwords[mw++].second).push_back('\n');
    }
    const ConlluWord& w = sentence.words[i];
    out->append(std::to_string(i + 1)).push_back('\t');
    field(w.form), out->push_back('\t');
    field(w.lemma), out->push_back('\t');
    field(w.upos), out->push_back('\t');
    field(w.xpos), out->push_back('\t');
    field(w.feats), out->push_back('\t');
    out->append(w.head < 0 ? "_" : std::to_string(w.head)).push_back('\t');
    field(w.deprel), out->push_back('\t');
    field(w.deps), out->push_back('\t');
    field(w.misc), out->push_back('\n');
  }
  out->push_back('\n');
}

}  // namespace eventmill::syntax
