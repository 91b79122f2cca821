#include "syntax/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <unordered_map>

#include "syntax/perceptron.h"
#include "syntax/serial.h"

namespace eventmill::syntax {

Result<WordClusters> WordClusters::ReadTsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path, "cannot open the word clusters");
  WordClusters clusters;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t'), t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos || t1 == 0)
      return Status::CorruptData(path + ":" + std::to_string(n), "expected word<TAB>fine<TAB>coarse");
    char* end = nullptr;
    unsigned long fine = std::strtoul(line.c_str() + t1 + 1, &end, 10);
    if (end != line.c_str() + t2 || fine >= kNone)
      return Status::CorruptData(path + ":" + std::to_string(n), "bad fine cluster number");
    unsigned long coarse = std::strtoul(line.c_str() + t2 + 1, &end, 10);
    if (*end != '\0' || end == line.c_str() + t2 + 1 || coarse >= kNone)
      return Status::CorruptData(path + ":" + std::to_string(n), "bad coarse cluster number");
    clusters.Add(HashString(std::string_view(line).substr(0, t1)), uint32_t(fine), uint32_t(coarse));
  }
  return clusters;
}

void WordClusters::AppendTo(std::string* out) const {
  std::vector<std::pair<uint64_t, uint32_t>> sorted(fine_.begin(), fine_.end());
  std::sort(sorted.begin(), sorted.end());
  PutU32(out, uint32_t(sorted.size()));
  for (auto [hash, value] : sorted) {
    out->append(reinterpret_cast<const char*>(&hash), 8);
    PutU32(out, value);
  }
}

bool WordClusters::ReadFrom(std::string_view data, size_t* pos) {
  uint32_t n = 0;
  if (!GetU32(data, pos, &n) || (data.size() - *pos) / 12 < n) return false;
  fine_.clear();
  fine_.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t hash = 0;
    uint32_t value = 0;
    std::memcpy(&hash, data.data() + *pos, 8);
    *pos += 8;
    if (!GetU32(data, pos, &value)) return false;
    fine_[hash] = value;
  }
  return true;
}

namespace {

// x log x for the counts of the model, looked up instead of computed.
class XLogX {
 public:
  explicit XLogX(size_t max) : table_(max + 1) {
    for (size_t x = 1; x <= max; ++x) table_[x] = double(x) * std::log(double(x));
  }
  double operator()(int64_t x) const { return table_[size_t(x)]; }

 private:
  std::vector<double> table_;
};

}  // namespace

std::vector<int> ExchangeClusters(const std::vector<std::vector<int>>& sentences, int num_words, int classes,
                                  int passes, bool verbose) {
  // Bigrams (v, w) with the boundary (word 0) before and after each sentence.
  std::vector<uint64_t> pairs;
  std::vector<int64_t> count(num_words, 0);
  for (const auto& s : sentences) {
    int prev = 0;
    for (int w : s) {
      pairs.push_back(uint64_t(prev) << 32 | uint32_t(w));
      ++count[w];
      prev = w;
    }
    pairs.push_back(uint64_t(prev) << 32);
    ++count[0];
  }
  std::sort(pairs.begin(), pairs.end());
  // Predecessors of each word with the bigram's count.
  std::vector<std::vector<std::pair<int, int>>> pred(num_words);
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    pred[pairs[i] & 0xffffffffu].push_back({int(pairs[i] >> 32), int(j - i)});
    i = j;
  }
  const XLogX g(pairs.size() + 1);
  // The model's counts: N(v, c) = times v is followed by a word of class c; N(c) = words of class c.
  std::vector<int> cls(num_words);
  for (int w = 0; w < num_words; ++w) cls[w] = w % classes;
  std::vector<int32_t> nvc(size_t(num_words) * classes, 0);
  std::vector<int64_t> nc(classes, 0);
  for (int w = 0; w < num_words; ++w) {
    nc[cls[w]] += count[w];
    for (auto [v, n] : pred[w]) nvc[size_t(v) * classes + cls[w]] += n;
  }
  std::vector<double> gain(classes);
  for (int pass = 0; pass < passes; ++pass) {
    int moved = 0;
    for (int w = 1; w < num_words; ++w) {
      const int old = cls[w];
      const int64_t cw = count[w];
      nc[old] -= cw;
      for (auto [v, n] : pred[w]) nvc[size_t(v) * classes + old] -= n;
      for (int c = 0; c < classes; ++c) gain[c] = g(nc[c]) - g(nc[c] + cw);
      for (auto [v, n] : pred[w]) {
        const int32_t* row = &nvc[size_t(v) * classes];
        for (int c = 0; c < classes; ++c) gain[c] += g(row[c] + n) - g(row[c]);
      }
      int best = old;
      for (int c = 0; c < classes; ++c)
        if (gain[c] > gain[best] + 1e-9) best = c;
      cls[w] = best;
      nc[best] += cw;
      for (auto [v, n] : pred[w]) nvc[size_t(v) * classes + best] += n;
      moved += best != old;
    }
    if (verbose)
      std::fprintf(stderr, "clusters %d: pass %d moved %d of %d words\n", classes, pass + 1, moved, num_words);
    if (moved == 0) break;
  }
  return cls;
}

double ClassBigramLogLikelihood(const std::vector<std::vector<int>>& sentences, int num_words,
                                const std::vector<int>& cls) {
  std::map<std::pair<int, int>, double> nvc;
  std::map<int, double> nv, nc;
  std::vector<double> nw(num_words, 0);
  auto add = [&](int v, int w) { nvc[{v, cls[w]}] += 1, nv[v] += 1, nc[cls[w]] += 1, nw[w] += 1; };
  for (const auto& s : sentences) {
    int prev = 0;
    for (int w : s) add(prev, w), prev = w;
    add(prev, 0);
  }
  double ll = 0;
  for (auto [vc, n] : nvc) ll += n * std::log(n / nv[vc.first]);
  for (int w = 0; w < num_words; ++w)
    if (nw[w] > 0) ll += nw[w] * std::log(nw[w] / nc[cls[w]]);
  return ll;
}

std::string LearnWordClusters(const std::vector<std::vector<std::string>>& sentences,
                              const ClusterLearnOptions& options) {
  std::unordered_map<std::string, int64_t> freq;
  for (const auto& s : sentences)
    for (const auto& w : s) ++freq[w];
  // Vocabulary: frequent words, most frequent first (ties by spelling), after the boundary (id 0);
  // every rarer word shares the last id.
  std::vector<std::pair<int64_t, std::string>> vocab;
  for (const auto& [w, n] : freq)
    if (n >= options.min_count) vocab.push_back({-n, w});
  std::sort(vocab.begin(), vocab.end());
  std::unordered_map<std::string, int> id;
  for (size_t i = 0; i < vocab.size(); ++i) id[vocab[i].second] = int(i + 1);
  const int rare = int(vocab.size() + 1), num_words = rare + 1;
  std::vector<std::vector<int>> ids(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s)
    for (const auto& w : sentences[s]) {
      auto it = id.find(w);
      ids[s].push_back(it == id.end() ? rare : it->second);
    }
  std::vector<int> fine = ExchangeClusters(ids, num_words, options.fine_classes, options.passes, options.verbose);
  std::vector<int> coarse = ExchangeClusters(ids, num_words, options.coarse_classes, options.passes, options.verbose);
  std::string out;
  for (size_t i = 0; i < vocab.size(); ++i)
    out += vocab[i].second + "\t" + std::to_string(fine[i + 1]) + "\t" + std::to_string(coarse[i + 1]) + "\n";
  return out;
}

}  // namespace eventmill::syntax
