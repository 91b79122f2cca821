#include "syntax/tagger.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>

#include "syntax/serial.h"

namespace eventmill::syntax {

namespace {

constexpr uint64_t kNone = 0x51ed270b27d1f0aULL;  // the hash of "no word here"
constexpr int kStart = 250;                       // the class before the first word

}  // namespace

int Tagger::Features(const std::vector<WordFacts>& f, const std::vector<int>& classes, size_t i, uint64_t* out) {
  const size_t n = f.size();
  const WordFacts& w = f[i];
  uint64_t wm1 = i >= 1 ? f[i - 1].lower : kNone, wm2 = i >= 2 ? f[i - 2].lower : kNone;
  uint64_t wp1 = i + 1 < n ? f[i + 1].lower : kNone, wp2 = i + 2 < n ? f[i + 2].lower : kNone;
  uint64_t sm1 = i >= 1 ? f[i - 1].suffix[2] : kNone, sp1 = i + 1 < n ? f[i + 1].suffix[2] : kNone;
  uint64_t s2p1 = i + 1 < n ? f[i + 1].suffix[1] : kNone;
  uint64_t shp1 = i + 1 < n ? f[i + 1].shape : kNone, shm1 = i >= 1 ? f[i - 1].shape : kNone;
  uint64_t p1 = i >= 1 ? uint64_t(classes[i - 1]) : kStart, p2 = i >= 2 ? uint64_t(classes[i - 2]) : kStart;
  int k = 0;
  out[k++] = Key(0, 0);
  out[k++] = Key(1, w.lower);
  out[k++] = Key(2, w.form);
  for (int s = 0; s < 4; ++s) out[k++] = Key(3 + s, w.suffix[s]);
  for (int s = 0; s < 3; ++s) out[k++] = Key(7 + s, w.prefix[s]);
  out[k++] = Key(10, w.shape);
  out[k++] = Key(11, p1);
  out[k++] = Key(12, p2);
  out[k++] = Key(13, p1, p2);
  out[k++] = Key(14, p1, w.lower);
  out[k++] = Key(15, wm1);
  out[k++] = Key(16, sm1);
  out[k++] = Key(17, wp1);
  out[k++] = Key(18, sp1);
  out[k++] = Key(19, wm2);
  out[k++] = Key(20, wp2);
  out[k++] = Key(21, shp1);
  out[k++] = Key(22, wm1, w.lower);
  out[k++] = Key(23, w.lower, wp1);
  out[k++] = Key(24, p1, w.suffix[2]);
  out[k++] = Key(25, i == 0, w.shape);
  out[k++] = Key(26, w.shape, shp1);
  out[k++] = Key(27, s2p1);
  out[k++] = Key(28, p1, wp1);
  out[k++] = Key(29, shm1, w.shape);
  out[k++] = Key(30, p1, w.shape);
  out[k++] = Key(31, wm1, w.lower, wp1);
  // Word clusters (word_clusters.h): the word's, and its neighbours'.
  const uint64_t none = 0xffff;
  uint64_t cm1 = i >= 1 ? f[i - 1].fine : none, cp1 = i + 1 < n ? f[i + 1].fine : none;
  uint64_t kp2 = i + 2 < n ? f[i + 2].coarse : none;
  out[k++] = Key(32, w.fine);
  out[k++] = Key(33, w.coarse);
  out[k++] = Key(34, cp1);
  out[k++] = Key(35, cm1);
  out[k++] = Key(36, kp2);
  out[k++] = Key(37, p1, w.fine);
  out[k++] = Key(38, w.fine, cp1);
  return k;
}

void Tagger::Tag(const std::vector<std::string_view>& forms, const std::vector<WordFacts>& facts,
                 std::vector<int>* classes) const {
  classes->assign(forms.size(), 0);
  uint64_t keys[kMaxFeatures];
  std::vector<int32_t> scores(xpos_.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    auto it = dictionary_by_hash_.find(facts[i].form);
    if (it != dictionary_by_hash_.end()) {
      (*classes)[i] = it->second;
      continue;
    }
    int n = Features(facts, *classes, i, keys);
    std::fill(scores.begin(), scores.end(), 0);
    weights_.Score(keys, n, scores.data());
    (*classes)[i] = int(std::max_element(scores.begin(), scores.end()) - scores.begin());
  }
}

Tagger Tagger::Train(const std::vector<ConlluSentence>& train, const TaggerTrainOptions& options) {
  Tagger tagger;
  // Classes in a fixed order (sorted pairs), so the model does not depend on hash order.
  std::map<std::pair<std::string, std::string>, int> pairs;
  std::map<std::string, std::map<int, int>> form_counts;
  for (const auto& s : train)
    for (const auto& w : s.words) pairs[{w.xpos, w.upos}] = 0;
  for (auto& [pair, id] : pairs) {
    id = int(tagger.xpos_.size());
    tagger.xpos_.push_back(pair.first);
    tagger.upos_.push_back(pair.second);
  }
  for (const auto& s : train)
    for (const auto& w : s.words) ++form_counts[w.form][pairs[{w.xpos, w.upos}]];
  for (const auto& [form, counts] : form_counts) {
    int total = 0, best = 0, best_cls = 0;
    for (auto [cls, c] : counts) {
      total += c;
      if (c > best) best = c, best_cls = cls;
    }
    if (total >= 20 && best >= 0.995 * total) tagger.dictionary_[form] = best_cls;
  }

  std::vector<std::vector<WordFacts>> facts(train.size());
  std::vector<std::vector<int>> gold(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    std::vector<std::string_view> forms;
    for (const auto& w : train[s].words) {
      forms.push_back(w.form);
      gold[s].push_back(pairs[{w.xpos, w.upos}]);
    }
    ComputeWordFacts(forms, &facts[s], options.clusters);
  }
  PerceptronTrainer trainer(int(tagger.xpos_.size()));
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::vector<float> scores(tagger.xpos_.size());
  uint64_t keys[kMaxFeatures];
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t correct = 0, total = 0;
    for (size_t s : order) {
      std::vector<int> classes(gold[s].size(), 0);
      for (size_t i = 0; i < classes.size(); ++i) {
        auto it = tagger.dictionary_.find(train[s].words[i].form);
        if (it != tagger.dictionary_.end()) {
          classes[i] = it->second;
          continue;
        }
        int n = Features(facts[s], classes, i, keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.Score(keys, n, scores.data());
        int guess = int(std::max_element(scores.begin(), scores.end()) - scores.begin());
        trainer.Update(keys, n, gold[s][i], guess);
        trainer.NextInstance();
        correct += guess == gold[s][i];
        ++total;
        classes[i] = guess;
      }
    }
    if (options.verbose)
      std::fprintf(stderr, "tagger epoch %d: %.4f of the words outside the dictionary\n", epoch + 1,
                   double(correct) / double(std::max<size_t>(1, total)));
  }
  tagger.weights_ = trainer.Average(options.prune);
  tagger.HashDictionary();
  return tagger;
}

void Tagger::HashDictionary() {
  dictionary_by_hash_.clear();
  dictionary_by_hash_.reserve(dictionary_.size());
  for (const auto& [form, cls] : dictionary_) dictionary_by_hash_[HashString(form)] = cls;
}

void Tagger::AppendTo(std::string* out) const {
  PutStrings(out, xpos_);
  PutStrings(out, upos_);
  std::vector<std::pair<std::string, int>> dict(dictionary_.begin(), dictionary_.end());
  std::sort(dict.begin(), dict.end());
  PutU32(out, uint32_t(dict.size()));
  for (const auto& [form, cls] : dict) {
    PutString(out, form);
    PutU32(out, uint32_t(cls));
  }
  weights_.AppendTo(out);
}

bool Tagger::ReadFrom(std::string_view data, size_t* pos) {
  uint32_t n = 0;
  if (!GetStrings(data, pos, &xpos_) || !GetStrings(data, pos, &upos_) || xpos_.size() != upos_.size()) return false;
  if (!GetU32(data, pos, &n)) return false;
  dictionary_.clear();
  for (uint32_t i = 0; i < n; ++i) {
    std::string form;
    uint32_t cls = 0;
    if (!GetString(data, pos, &form) || !GetU32(data, pos, &cls) || cls >= xpos_.size()) return false;
    dictionary_[form] = int(cls);
  }
  HashDictionary();
  return weights_.ReadFrom(data, pos) && weights_.num_classes() == int(xpos_.size());
}

}  // namespace eventmill::syntax
