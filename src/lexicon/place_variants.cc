#include "lexicon/place_variants.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace eventmill::lexicon {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsArticle(std::string_view word) {
  static const std::set<std::string, std::less<>> kArticles = {"al", "el", "ar", "as", "ash", "ad", "adh", "at", "ath",
                                                               "az", "an", "ed", "er", "es", "esh", "et", "ez", "en"};
  return kArticles.count(Lower(word)) > 0;
}

// The article assimilated to `next` ("Raqqah" -> "Ar"), or "" before a moon letter.
std::string SunArticle(std::string_view next) {
  std::string n = Lower(next.substr(0, std::min<size_t>(2, next.size())));
  if (n.empty() || !std::isalpha(static_cast<unsigned char>(n[0]))) return "";
  for (const char* two : {"sh", "th", "dh"}) {
    if (n == two) return std::string("A") + two;
  }
  switch (n[0]) {
    case 't': case 'd': case 'r': case 'z': case 's': case 'n': return std::string("A") + n[0];
    default: return "";
  }
}

// `word` without the marks that write ayn and hamza ("Dar'a", "Dar`a", "Dar‘ā" -> "Dara"), or "".
std::string WithoutAynMarks(std::string_view word) {
  std::string out;
  bool any = false;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == '\'' || c == '`') {
      any = true;
      continue;
    }
    // U+2018/U+2019 (E2 80 98/99), U+02BE/U+02BF (CA BE/BF)
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(word[i + 2]) == 0x98 || static_cast<unsigned char>(word[i + 2]) == 0x99)) {
      any = true, i += 2;
      continue;
    }
    if (c == 0xCA && i + 1 < word.size() && (static_cast<unsigned char>(word[i + 1]) == 0xBE || static_cast<unsigned char>(word[i + 1]) == 0xBF)) {
      any = true, ++i;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  return any && out.size() >= 2 ? out : "";
}

struct Word {
  std::string text;
  bool hyphen_after = false;
};

}  // namespace

bool UsesArabicRomanisation(std::string_view cc) {
  static const std::set<std::string, std::less<>> kCountries = {"AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY",
                                                                "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE"};
  return kCountries.count(cc) > 0;
}

std::vector<std::string> ArabicSpellingVariants(std::string_view name, size_t limit) {
  std::vector<Word> words;
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ' && name[i] != '-') continue;
    if (i > start) words.push_back({std::string(name.substr(start, i - start)), i < name.size() && name[i] == '-'});
    start = i + 1;
  }
  if (words.empty()) return {};
  // Each word's spellings; "" drops the word (a leading article only).
  std::vector<std::vector<std::string>> options(words.size());
  bool any = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].text;
    options[i].push_back(w);
    if (std::string bare = WithoutAynMarks(w); !bare.empty()) {
      options[i].push_back(bare);
      any = true;
    }
    if (i + 1 < words.size() && IsArticle(w)) {
      bool upper = std::isupper(static_cast<unsigned char>(w[0]));
      std::string al = upper ? "Al" : "al", sun = SunArticle(words[i + 1].text);
      if (!upper && !sun.empty()) sun[0] = 'a';
      for (const std::string& form : {al, sun}) {
        if (!form.empty() && Lower(form) != Lower(w)) options[i].push_back(form);
      }
      size_t rest = name.size() - name.find(words[i + 1].text);
      if (i == 0 && rest >= 4) options[i].push_back("");
      any = true;
    }
  }
  std::string& last = words.back().text;
  if (last.size() >= 5 && Lower(last.substr(last.size() - 2)) == "ah") {
    options.back().push_back(last.substr(0, last.size() - 1));
    any = true;
  }
  if (!any) return {};
  std::vector<std::string> out;
  std::set<std::string> seen = {std::string(name)};
  std::vector<size_t> pick(words.size(), 0);
  while (out.size() < limit) {
    std::string v;
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string& w = options[i][pick[i]];
      if (w.empty()) continue;
      if (!v.empty()) v += (i > 0 && words[i - 1].hyphen_after && !options[i - 1][pick[i - 1]].empty()) ? '-' : ' ';
      v += w;
    }
    if (!v.empty() && seen.insert(v).second) out.push_back(v);
    size_t i = 0;  // the next combination, the last word's spellings varying slowest
    while (i < words.size() && ++pick[i] == options[i].size()) pick[i++] = 0;
    if (i == words.size()) break;
  }
  return out;
}

}  // namespace eventmill::lexicon
