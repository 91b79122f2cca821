// The averaged perceptron the tagger and the dependency parser learn with, and the compact
// weights they run with. Features are 64-bit hashes (FeatureKey); each feature holds a short
// sparse row of (class, weight) pairs, so a model with millions of features stays small.
// Sits in src/syntax/, under the tagger (tagger.h) and the parser (dependency_parser.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventmill::syntax {

// Mixing for feature keys: Key(template, a, b, ...) is a well-spread 64-bit hash.
inline uint64_t MixKey(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 32);
}
inline uint64_t Key(uint64_t t, uint64_t a) { return MixKey(MixKey(t * 0x100000001b3ULL + 1, a), 17); }
inline uint64_t Key(uint64_t t, uint64_t a, uint64_t b) {
  return MixKey(MixKey(MixKey(t * 0x100000001b3ULL + 2, a), b), 19);
}
inline uint64_t Key(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  return MixKey(MixKey(MixKey(MixKey(t * 0x100000001b3ULL + 3, a), b), c), 23);
}
// FNV-1a of a string, for words, affixes and shapes.
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

// An open-addressing map from feature key to row index (keys are never 0; 0 marks a free slot).
class FeatureIndex {
 public:
  static constexpr uint32_t kMissing = 0xffffffffu;
  uint32_t Find(uint64_t key) const;
  // Returns the row of `key`, adding it as row size() when absent.
  uint32_t FindOrAdd(uint64_t key);
  uint32_t size() const { return size_; }
  void Reserve(uint32_t n);

 private:
  void Grow();
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> rows_;
  uint32_t size_ = 0;
};

// Weights as they run: an open-addressing table of 64-bit slots (a 32-bit fingerprint of the
// feature key, where its row starts, the row's length) over rows of (class, int16 weight) pairs.
// Lookups of one instance's features are batched with prefetches, so cache misses overlap. The
// file form stores the table's rows in slot order, so loading writes it front to back.
// Immutable after loading; Score is thread-safe.
class Weights {
 public:
  int num_classes() const { return num_classes_; }
  // Adds the weights of the features to scores[0, num_classes). n <= kMaxKeys.
  static constexpr int kMaxKeys = 128;
  void Score(const uint64_t* keys, int n, int32_t* scores) const;
  size_t num_features() const { return num_rows_; }
  size_t num_weights() const { return entries_.size(); }

  // A copy without the weights whose magnitude is below min_abs (in quantized units, of 32000 for
  // the largest): smaller and faster, at some cost in accuracy.
  Weights Pruned(int min_abs) const;

  void AppendTo(std::string* out) const;
  // Reads what AppendTo wrote from data[*pos...]; false when truncated or inconsistent.
  bool ReadFrom(std::string_view data, size_t* pos);

  struct Row {
    uint64_t key;
    std::vector<std::pair<uint8_t, int16_t>> weights;  // (class, quantized weight)
  };
  static Weights FromRows(int num_classes, std::vector<Row> rows);

 private:
  friend class PerceptronTrainer;
  void Build(std::vector<Row> rows);
  // Long rows (16 entries or more; fewer with under 64 classes) also as dense int16 rows, added
  // with vector instructions (AVX2 where the CPU has it, the sums held in registers across rows;
  // SSE2 otherwise): their slots then hold the length kDense and the dense row's number, and
  // dense_rows_ keeps where the row's entries are. Scores are the same to the last bit (integer
  // sums, in any order).
  void Densify();
  // A row of one entry lives in its slot (length kInline, weight << 8 | class where the row's
  // start was), so scoring it reads no entries.
  // How many entries a slot's row has in entries_ (rows lie there in slot order).
  uint32_t LengthOf(uint64_t slot) const;
  static uint32_t Fingerprint(uint64_t key) { return uint32_t(key >> 32) | 1u; }
  static constexpr uint32_t kDense = 0xff, kInline = 0xfe;  // rows hold at most num_classes (< 254)

  int num_classes_ = 0;
  int table_bits_ = 0;
  size_t num_rows_ = 0;
  std::vector<uint64_t> slots_;                            // fingerprint << 32 | begin << 8 | length; 0 = empty
  std::vector<uint32_t> entries_;                          // uint16 weight << 16 | class
  int dense_stride_ = 0;                                   // num_classes_ rounded up to 8
  std::vector<int16_t> dense_;                             // dense_stride_ weights per dense row
  std::vector<std::pair<uint32_t, uint32_t>> dense_rows_;  // (begin, length) in entries_
};

// Training: perceptron updates with lazy averaging (Collins 2002; Daume's trick of timestamps).
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes);
  int num_classes() const { return num_classes_; }
  // Current (not averaged) weights of the features added to scores.
  void Score(const uint64_t* keys, int n, float* scores) const;
  // One update: +1 to `good`, -1 to `bad` for every feature. Call NextInstance() after each instance.
  void Update(const uint64_t* keys, int n, int good, int bad);
  // Adds `delta` to class `cls` of every feature (for sequence updates).
  void Add(const uint64_t* keys, int n, int cls, float delta);
  void NextInstance() { ++now_; }
  // The averaged weights, quantized so the largest is 32000; weights below min_abs after
  // quantization are dropped, and rows left empty.
  Weights Average(int min_abs) const;

 private:
  struct Entry {
    uint8_t cls;
    float w;
    double total;
    int64_t stamp;
  };
  void Add(uint32_t row, int cls, float delta);
  int num_classes_;
  int64_t now_ = 1;
  FeatureIndex index_;
  std::vector<uint64_t> keys_;
  std::vector<std::vector<Entry>> rows_;
};

}  // namespace eventmill::syntax
