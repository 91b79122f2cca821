// Runs the validation tables tests/golden/analyze/*.cases (the DuckDB .test shape): each case is
// a text (one or more lines; a blank line inside it is a paragraph break), a line "----", then
// the expected records, one JSON object per line, ending at a blank line or the end of file.
// Lines "published: 2022-01-09" between cases set the publication date of the cases after them.
// Lines starting with '#' between cases are comments.
//
// The file name says what is checked: counts*.cases -> doc.counts, dates*.cases -> doc.dates,
// quotes*.cases -> doc.quotes. The expected records must be exactly the records found, in text
// order; each gives only the fields it checks:
//   counts: kind value qualifier who text      dates: text value precision basis
//   quotes: text speaker speaker_role
// An empty expected block means nothing may be found (the "never a count" tables).
// A failing case prints the records actually found, ready to review and paste.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/facts.h"
#include "core/load_once_for_tests.h"
#include "eventmill/data_dir.h"
#include "text/sentence_splitter.h"

namespace eventmill::analyze {
namespace {

namespace fs = std::filesystem;

// The project's analyze data, loaded once for the tests of this file.
const AnalyzeData& Data() {
  return LoadOnce<AnalyzeData>([] { return AnalyzeData::Load(DataFiles(DataDir())); });
}

using Record = std::map<std::string, std::string>;  // field -> value as text ("5135", "exact")

// Parses a flat JSON object of strings, numbers, null and booleans. Returns false on bad input.
bool ParseFlatJson(const std::string& s, Record* out) {
  size_t i = 0;
  auto ws = [&] {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  };
  auto str = [&](std::string* v) {
    if (s[i] != '"') return false;
    ++i;
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\' && i + 1 < s.size()) {
        ++i;
        char c = s[i];
        if (c == 'n') v->push_back('\n');
        else if (c == 't') v->push_back('\t');
        else if (c == 'u' && i + 4 < s.size()) {
          unsigned cp = std::stoul(s.substr(i + 1, 4), nullptr, 16);
          i += 4;
          if (cp < 0x80) v->push_back(static_cast<char>(cp));
          else if (cp < 0x800) {
            v->push_back(static_cast<char>(0xC0 | (cp >> 6)));
            v->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          } else {
            v->push_back(static_cast<char>(0xE0 | (cp >> 12)));
            v->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            v->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          }
        } else v->push_back(c);
      } else {
        v->push_back(s[i]);
      }
      ++i;
    }
    if (i >= s.size()) return false;
    ++i;
    return true;
  };
  ws();
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  ws();
  if (i < s.size() && s[i] == '}') return true;
  while (i < s.size()) {
    ws();
    std::string key, value;
    if (!str(&key)) return false;
    ws();
    if (i >= s.size() || s[i] != ':') return false;
    ++i;
    ws();
    if (i < s.size() && s[i] == '"') {
      if (!str(&value)) return false;
    } else {
      while (i < s.size() && s[i] != ',' && s[i] != '}') value.push_back(s[i++]);
      while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
      if (value == "null") value.clear();
    }
    (*out)[key] = value;
    ws();
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    if (i < s.size() && s[i] == '}') return true;
    return false;
  }
  return false;
}

std::string Number(double v) {
  std::ostringstream o;
  o.precision(15);
  o << v;
  return o.str();
}

struct Case {
  std::string file;
  int line = 0;
  std::string text;
  std::string published;
  std::vector<std::string> expected;
};

std::vector<Case> ReadCases(const fs::path& path) {
  std::ifstream in(path);
  std::vector<Case> out;
  std::string line, published;
  int line_no = 0;
  enum { kBetween, kText, kExpected } state = kBetween;
  Case cur;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (state == kBetween) {
      if (line.empty() || line[0] == '#') continue;
      if (line.rfind("published:", 0) == 0) {
        published = line.substr(10);
        while (!published.empty() && published.front() == ' ') published.erase(0, 1);
        continue;
      }
      cur = Case{path.filename().string(), line_no, line, published, {}};
      state = kText;
    } else if (state == kText) {
      if (line == "----") {
        while (!cur.text.empty() && cur.text.back() == '\n') cur.text.pop_back();
        state = kExpected;
      } else {
        cur.text += "\n" + line;
      }
    } else {
      if (line.empty()) {
        out.push_back(cur);
        state = kBetween;
      } else {
        cur.expected.push_back(line);
      }
    }
  }
  if (state == kExpected) out.push_back(cur);
  return out;
}

std::vector<Record> Actual(const std::string& what, const Document& doc) {
  std::vector<Record> out;
  if (what == "counts") {
    for (const Count& c : doc.counts)
      out.push_back({{"kind", c.kind}, {"value", Number(c.value)}, {"qualifier", c.qualifier},
                     {"who", c.who}, {"text", c.text}});
  } else if (what == "dates") {
    for (const DateMention& d : doc.dates)
      out.push_back({{"text", std::string(doc[d.span])}, {"value", d.date.value},
                     {"precision", d.date.precision}, {"basis", d.date.basis}});
  } else {
    for (const Quote& q : doc.quotes)
      out.push_back({{"text", q.text}, {"speaker", q.speaker}, {"speaker_role", q.speaker_role}});
  }
  return out;
}

std::string Show(const Record& r) {
  std::string s = "{";
  for (const auto& [k, v] : r) s += (s.size() > 1 ? ", \"" : "\"") + k + "\": \"" + v + "\"";
  return s + "}";
}

fs::path CasesDir() {
  for (fs::path p : {fs::path("tests/golden/analyze"), fs::path("../tests/golden/analyze"),
                     fs::path(EVENTMILL_SOURCE_DATA_DIR) / ".." / "tests" / "golden" / "analyze"})
    if (fs::is_directory(p)) return p;
  return {};
}

void RunFile(const std::string& prefix) {
  fs::path dir = CasesDir();
  if (dir.empty()) GTEST_SKIP() << "tests/golden/analyze not found";
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || entry.path().extension() != ".cases") continue;
    for (const Case& c : ReadCases(entry.path())) {
      ++cases;
      Document doc;
      doc.text = c.text;
      if (!c.published.empty()) doc.published = c.published;
      doc.paragraphs = text::SplitParagraphs(doc.text);
      doc.sentences = text::SplitSentences(doc.text, doc.paragraphs, Data().abbreviations);
      if (prefix == "counts") FindCounts(doc, Data());
      else if (prefix == "dates") FindDates(doc, Data());
      else AttributeQuotes(doc, Data());
      std::vector<Record> actual = Actual(prefix, doc);
      std::string where = c.file + ":" + std::to_string(c.line) + ": " + c.text.substr(0, 100);
      bool ok = actual.size() == c.expected.size();
      std::string why;
      for (size_t i = 0; ok && i < c.expected.size(); ++i) {
        Record want;
        if (!ParseFlatJson(c.expected[i], &want)) {
          ADD_FAILURE() << where << "\n  bad expected line: " << c.expected[i];
          ok = false;
          break;
        }
        for (const auto& [k, v] : want) {
          auto it = actual[i].find(k);
          if (it == actual[i].end() || it->second != v) {
            ok = false;
            why = "field " + k + ": want \"" + v + "\", got \"" + (it == actual[i].end() ? "" : it->second) + "\"";
            break;
          }
        }
      }
      if (!ok) {
        std::string got;
        for (const Record& r : actual) got += "\n    " + Show(r);
        ADD_FAILURE() << where << "\n  " << (why.empty() ? "wrong number of records" : why) << "\n  expected "
                      << c.expected.size() << ", found " << actual.size() << ":" << got;
      }
    }
  }
  EXPECT_GT(cases, 0) << "no " << prefix << "*.cases in " << dir;
}

TEST(GoldenCases, Counts) { RunFile("counts"); }
TEST(GoldenCases, Dates) { RunFile("dates"); }
TEST(GoldenCases, Quotes) { RunFile("quotes"); }

}  // namespace
}  // namespace eventmill::analyze
