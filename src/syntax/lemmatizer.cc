#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>

#include "syntax/serial.h"

namespace eventmill::syntax {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// "stopp" -> "stop", "creat" -> "create", "us" -> "use": the stem left after -ed / -ing.
std::string RestoreStem(std::string stem) {
  size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 'l' && stem[n - 1] != 's' &&
      stem[n - 1] != 'z' && stem[n - 1] != 'f')
    return stem.substr(0, n - 1);
  static const char* const kNeedsE[] = {"at", "iz", "ys", "us", "v",  "c",  "g",  "ur", "ir", "bl", "pl", "tl", "dl",
                                        "uc", "ut", "id", "od", "om", "ok", "ak", "ok", "ib", "in", "ap", "ar"};
  for (const char* end : kNeedsE) {
    std::string_view e(end);
    if (EndsWith(stem, e) && !(e == "g" && EndsWith(stem, "ng")) && !(e == "in" && EndsWith(stem, "ain")) &&
        !(e == "ar" && EndsWith(stem, "ear")))
      return stem + "e";
  }
  return stem;
}

std::string Plural(std::string w) {
  if (EndsWith(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
  if (EndsWith(w, "sses") || EndsWith(w, "xes") || EndsWith(w, "zes") || EndsWith(w, "ches") || EndsWith(w, "shes"))
    return w.substr(0, w.size() - 2);
  if (EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is") || w.size() <= 2) return w;
  if (EndsWith(w, "s")) return w.substr(0, w.size() - 1);
  return w;
}

}  // namespace

std::string Lemmatizer::RuleLemma(std::string_view form, std::string_view xpos) {
  if (xpos == "NNP") return std::string(form);
  if (xpos == "NNPS") return Plural(std::string(form));
  std::string w = Lower(form);
  if (xpos == "NNS") return Plural(w);
  if (xpos == "VBZ") {
    if (EndsWith(w, "oes")) return w.substr(0, w.size() - 2);
    return Plural(w);
  }
  if (xpos == "VBD" || xpos == "VBN") {
    if (EndsWith(w, "ied") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
    if (EndsWith(w, "eed")) return w.substr(0, w.size() - 1);
    if (EndsWith(w, "ed") && w.size() > 3) return RestoreStem(w.substr(0, w.size() - 2));
    return w;
  }
  if (xpos == "VBG") {
    if (EndsWith(w, "ying") && w.size() > 5) return w.substr(0, w.size() - 3);
    if (EndsWith(w, "ing") && w.size() > 4) return RestoreStem(w.substr(0, w.size() - 3));
    return w;
  }
  if (xpos == "JJR" || xpos == "RBR") {
    if (EndsWith(w, "ier") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
    if (EndsWith(w, "er") && w.size() > 4) return RestoreStem(w.substr(0, w.size() - 2));
    return w;
  }
  if (xpos == "JJS" || xpos == "RBS") {
    if (EndsWith(w, "iest") && w.size() > 5) return w.substr(0, w.size() - 4) + "y";
    if (EndsWith(w, "est") && w.size() > 5) return RestoreStem(w.substr(0, w.size() - 3));
    return w;
  }
  return w;
}

Lemmatizer Lemmatizer::Train(const std::vector<ConlluSentence>& train) {
  std::map<std::string, std::map<std::string, int>> counts;
  for (const auto& s : train)
    for (const auto& w : s.words) ++counts[w.form + '\t' + w.xpos][w.lemma];
  Lemmatizer lemmatizer;
  for (const auto& [key, lemmas] : counts) {
    std::string best;
    int best_count = 0;
    for (const auto& [lemma, c] : lemmas)
      if (c > best_count) best = lemma, best_count = c;
    size_t tab = key.find('\t');
    if (best != RuleLemma(std::string_view(key).substr(0, tab), std::string_view(key).substr(tab + 1)))
      lemmatizer.exceptions_[key] = best;
  }
  return lemmatizer;
}

std::string Lemmatizer::Lemma(std::string_view form, std::string_view xpos) const {
  std::string key;
  key.reserve(form.size() + xpos.size() + 1);
  key.append(form).append(1, '\t').append(xpos);
  auto it = exceptions_.find(key);
  if (it != exceptions_.end()) return it->second;
  if (form.size() && form[0] >= 'A' && form[0] <= 'Z' && xpos != "NNP" && xpos != "NNPS") {
    // A capitalized common word (sentence start): try its lower-case form.
    std::string lower = Lower(form);
    key.replace(0, form.size(), lower);
    it = exceptions_.find(key);
    if (it != exceptions_.end()) return it->second;
  }
  return RuleLemma(form, xpos);
}

void Lemmatizer::AppendTo(std::string* out) const {
  std::vector<std::pair<std::string, std::string>> sorted(exceptions_.begin(), exceptions_.end());
  std::sort(sorted.begin(), sorted.end());
  PutU32(out, uint32_t(sorted.size()));
  for (const auto& [k, v] : sorted) PutString(out, k), PutString(out, v);
}

bool Lemmatizer::ReadFrom(std::string_view data, size_t* pos) {
  uint32_t n = 0;
  if (!GetU32(data, pos, &n)) return false;
  exceptions_.clear();
  exceptions_.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    std::string k, v;
    if (!GetString(data, pos, &k) || !GetString(data, pos, &v)) return false;
    exceptions_.emplace(std::move(k), std::move(v));
  }
  return true;
}

}  // namespace eventmill::syntax
