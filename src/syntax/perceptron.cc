#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "syntax/serial.h"

namespace eventmill::syntax {

namespace {

inline uint64_t Slot(uint64_t key) { return key ^ (key >> 29); }
inline uint64_t NonZero(uint64_t key) { return key ? key : 1; }

bool GetBytes(std::string_view data, size_t* pos, void* dst, size_t n) {
  if (data.size() - *pos < n || *pos > data.size()) return false;
  std::memcpy(dst, data.data() + *pos, n);
  *pos += n;
  return true;
}

}  // namespace

uint32_t FeatureIndex::Find(uint64_t key) const {
  if (keys_.empty()) return kMissing;
  key = NonZero(key);
  size_t mask = keys_.size() - 1;
  for (size_t i = Slot(key) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return rows_[i];
    if (keys_[i] == 0) return kMissing;
  }
}

void FeatureIndex::Reserve(uint32_t n) {
  size_t want = 16;
  while (want < size_t(n) * 2) want <<= 1;
  if (want <= keys_.size()) return;
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_rows = std::move(rows_);
  keys_.assign(want, 0);
  rows_.assign(want, 0);
  size_t mask = want - 1;
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (!old_keys[j]) continue;
    size_t i = Slot(old_keys[j]) & mask;
    while (keys_[i]) i = (i + 1) & mask;
    keys_[i] = old_keys[j];
    rows_[i] = old_rows[j];
  }
}

void FeatureIndex::Grow() { Reserve(std::max<uint32_t>(16, size_ * 2)); }

uint32_t FeatureIndex::FindOrAdd(uint64_t key) {
  if ((size_ + 1) * 2 > keys_.size()) Grow();
  key = NonZero(key);
  size_t mask = keys_.size() - 1;
  size_t i = Slot(key) & mask;
  for (;; i = (i + 1) & mask) {
    if (keys_[i] == key) return rows_[i];
    if (keys_[i] == 0) break;
  }
  keys_[i] = key;
  rows_[i] = size_;
  return size_++;
}

namespace {

// Adds dense rows (int16, stride >= from + 8 * B) to scores[from, from + 8 * B) ∩ [0, num_classes),
// holding the sums in registers across rows: the adds are exact, so the order does not matter.
#if defined(__x86_64__) && defined(__GNUC__)
#define EVENTMILL_DENSE_AVX2 1
template <int B>
__attribute__((target("avx2"))) void AddDenseAvx2(const int16_t* const* rows, int n, int from, int num_classes,
                                                  int32_t* scores) {
  __m256i acc[B];
#pragma GCC unroll 8
  for (int b = 0; b < B; ++b) acc[b] = _mm256_setzero_si256();
  for (int k = 0; k < n; ++k) {
    const int16_t* d = rows[k] + from;
#pragma GCC unroll 8
    for (int b = 0; b < B; ++b)
      acc[b] =
          _mm256_add_epi32(acc[b], _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(d + 8 * b))));
  }
#pragma GCC unroll 8
  for (int b = 0; b < B; ++b) {
    int32_t* s = scores + from + 8 * b;
    if (from + 8 * b + 8 <= num_classes) {
      __m256i* v = reinterpret_cast<__m256i*>(s);
      _mm256_storeu_si256(v, _mm256_add_epi32(_mm256_loadu_si256(v), acc[b]));
    } else {
      alignas(32) int32_t tail[8];
      _mm256_store_si256(reinterpret_cast<__m256i*>(tail), acc[b]);
      for (int j = 0; from + 8 * b + j < num_classes; ++j) s[j] += tail[j];
    }
  }
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

void AddDenseRowsAvx2(const int16_t* const* rows, int n, int stride, int num_classes, int32_t* scores) {
  // Eight registers of eight sums (64 classes) at a time.
  for (int from = 0; from < num_classes; from += 64) {
    switch (std::min(8, (std::min(stride, num_classes + 7) - from) / 8)) {
      case 1:
        AddDenseAvx2<1>(rows, n, from, num_classes, scores);
        break;
      case 2:
        AddDenseAvx2<2>(rows, n, from, num_classes, scores);
        break;
      case 3:
        AddDenseAvx2<3>(rows, n, from, num_classes, scores);
        break;
      case 4:
        AddDenseAvx2<4>(rows, n, from, num_classes, scores);
        break;
      case 5:
        AddDenseAvx2<5>(rows, n, from, num_classes, scores);
        break;
      case 6:
        AddDenseAvx2<6>(rows, n, from, num_classes, scores);
        break;
      case 7:
        AddDenseAvx2<7>(rows, n, from, num_classes, scores);
        break;
      default:
        AddDenseAvx2<8>(rows, n, from, num_classes, scores);
        break;
    }
  }
}
#endif

// The same sums with SSE2 (or plain C++), through memory.
void AddDenseRows(const int16_t* const* rows, int n, int num_classes, int32_t* scores) {
  const int full = num_classes & ~7;
  for (int k = 0; k < n; ++k) {
    const int16_t* d = rows[k];
    int j = 0;
#if defined(__SSE2__)
    for (; j < full; j += 8) {
      __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + j));
      __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16), hi = _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16);
      __m128i* s0 = reinterpret_cast<__m128i*>(scores + j);
      __m128i* s1 = reinterpret_cast<__m128i*>(scores + j + 4);
      _mm_storeu_si128(s0, _mm_add_epi32(_mm_loadu_si128(s0), lo));
      _mm_storeu_si128(s1, _mm_add_epi32(_mm_loadu_si128(s1), hi));
    }
#endif
    for (; j < num_classes; ++j) scores[j] += d[j];
  }
}

}  // namespace

void Weights::Score(const uint64_t* keys, int n, int32_t* scores) const {
  if (slots_.empty()) return;
  const size_t mask = slots_.size() - 1;
  uint64_t sparse[kMaxKeys];
  const int16_t* dense[kMaxKeys];
  n = std::min(n, kMaxKeys);
  // Slots are prefetched 32 keys ahead of the probe (all ~90 at once overran the CPU's queue of
  // misses: 12% slower on the geo set's calls).
  constexpr int kAhead = 32;
  for (int k = 0; k < n && k < kAhead; ++k) __builtin_prefetch(&slots_[keys[k] & mask]);
  // Find every key's slot first, prefetching its row, so the rows' cache misses overlap.
  int m = 0, nd = 0;
  for (int k = 0; k < n; ++k) {
    if (k + kAhead < n) __builtin_prefetch(&slots_[keys[k + kAhead] & mask]);
    const uint64_t want = Fingerprint(keys[k]);
    for (size_t i = keys[k] & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) break;
      if ((slot >> 32) != want) continue;
      const uint32_t len = slot & 0xff;
      if (len == kInline) {
        scores[(slot >> 8) & 0xff] += int16_t(slot >> 16);
      } else if (len == kDense) {
        const int16_t* d = &dense_[size_t((slot >> 8) & 0xffffff) * size_t(dense_stride_)];
        for (int j = 0; j < dense_stride_; j += 32) __builtin_prefetch(d + j);
        dense[nd++] = d;
      } else {
        sparse[m++] = slot;
        const uint32_t* e = &entries_[(slot >> 8) & 0xffffff];
        const uint32_t* last = e + len - 1;
        for (; e < last; e += 16) __builtin_prefetch(e);  // a row may cross into the next lines
        __builtin_prefetch(last);
      }
      break;
    }
  }
  for (int k = 0; k < m; ++k) {
    const uint32_t* e = &entries_[(sparse[k] >> 8) & 0xffffff];
    const uint32_t len = sparse[k] & 0xff;
    for (uint32_t j = 0; j < len; ++j) scores[e[j] & 0xff] += int16_t(e[j] >> 16);
  }
  if (nd == 0) return;
#if defined(EVENTMILL_DENSE_AVX2)
  if (HasAvx2()) {
    AddDenseRowsAvx2(dense, nd, dense_stride_, num_classes_, scores);
    return;
  }
#endif
  AddDenseRows(dense, nd, num_classes_, scores);
}

uint32_t Weights::LengthOf(uint64_t slot) const {
  const uint32_t len = slot & 0xff;
  if (len == kInline) return 1;
  if (len == kDense) return dense_rows_[(slot >> 8) & 0xffffff].second;
  return len;
}

void Weights::Densify() {
  dense_.clear();
  dense_rows_.clear();
  dense_stride_ = (num_classes_ + 7) & ~7;
  if (num_classes_ >= int(kInline)) return;
  // Rows of 16 entries and more: few (3,976 of the parser's 577,757 rows, 0.8 MB as dense rows),
  // but they are the frequent features, 60% of the lookups, and one of them costs 13 vector adds
  // held in registers instead of 16-70 scattered adds through memory.
  const uint32_t min_length = uint32_t(std::clamp(num_classes_ / 4, 2, 16));
  for (uint64_t& slot : slots_) {
    if (!slot) continue;
    uint64_t begin = (slot >> 8) & 0xffffff;
    uint32_t len = slot & 0xff;
    if (len == 1) {
      const uint32_t e = entries_[begin];  // weight << 16 | class
      slot = (slot >> 32) << 32 | uint64_t((e >> 16) << 8 | (e & 0xff)) << 8 | kInline;
      continue;
    }
    if (len < min_length || len == kDense || len == kInline) continue;
    size_t d = dense_rows_.size();
    dense_rows_.push_back({uint32_t(begin), len});
    dense_.resize(dense_.size() + size_t(dense_stride_), 0);
    int16_t* row = &dense_[d * size_t(dense_stride_)];
    for (uint32_t j = 0; j < len; ++j) row[entries_[begin + j] & 0xff] += int16_t(entries_[begin + j] >> 16);
    slot = (slot >> 32) << 32 | uint64_t(d) << 8 | kDense;
  }
}

Weights Weights::FromRows(int num_classes, std::vector<Row> rows) {
  Weights w;
  w.num_classes_ = num_classes;
  w.Build(std::move(rows));
  return w;
}

void Weights::Build(std::vector<Row> rows) {
  num_rows_ = rows.size();
  table_bits_ = 4;
  while ((size_t(1) << table_bits_) < rows.size() * 3 / 2 + 16) ++table_bits_;
  slots_.assign(size_t(1) << table_bits_, 0);
  entries_.clear();
  const size_t mask = slots_.size() - 1;
  // Rows are laid out in slot order, so the file can be read front to back.
  std::vector<int64_t> row_at(slots_.size(), -1);
  for (size_t r = 0; r < rows.size(); ++r) {
    size_t i = rows[r].key & mask;
    while (row_at[i] >= 0) i = (i + 1) & mask;
    row_at[i] = int64_t(r);
  }
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (row_at[i] < 0) continue;
    const Row& row = rows[size_t(row_at[i])];
    uint64_t begin = entries_.size();
    for (auto [cls, w] : row.weights) entries_.push_back(uint32_t(uint16_t(w)) << 16 | cls);
    slots_[i] = uint64_t(Fingerprint(row.key)) << 32 | begin << 8 | row.weights.size();
  }
  Densify();
}

Weights Weights::Pruned(int min_abs) const {
  // The same table (rows keep their slots, so probe chains stay whole), fewer entries.
  Weights w = *this;
  w.entries_.clear();
  uint64_t from = 0;
  for (size_t i = 0; i < slots_.size(); ++i) {
    uint64_t slot = slots_[i];
    if (!slot) continue;
    uint64_t begin = w.entries_.size();
    const uint32_t len = LengthOf(slot);
    const uint32_t* e = &entries_[from];
    from += len;
    for (uint32_t j = 0; j < len; ++j)
      if (std::abs(int(int16_t(e[j] >> 16))) >= min_abs) w.entries_.push_back(e[j]);
    w.slots_[i] = (slot >> 32) << 32 | begin << 8 | (w.entries_.size() - begin);
  }
  w.Densify();
  return w;
}

namespace {

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(char(v | 0x80));
    v >>= 7;
  }
  out->push_back(char(v));
}

bool GetVarint(std::string_view data, size_t* pos, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *pos < data.size(); shift += 7) {
    uint8_t b = uint8_t(data[(*pos)++]);
    *v |= uint64_t(b & 0x7f) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

}  // namespace

void Weights::AppendTo(std::string* out) const {
  PutU32(out, uint32_t(num_classes_));
  PutU32(out, uint32_t(table_bits_));
  PutU32(out, uint32_t(num_rows_));
  PutU32(out, uint32_t(entries_.size()));
  // Per row, in slot order: the gap to its slot, its fingerprint, its length. Then the entries.
  size_t last = 0;
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (!slots_[i]) continue;
    PutVarint(out, i - last);
    last = i;
    PutU32(out, uint32_t(slots_[i] >> 32));
    out->push_back(char(uint8_t(LengthOf(slots_[i]))));
  }
  for (uint32_t e : entries_) out->push_back(char(e & 0xff));
  for (uint32_t e : entries_) {
    uint16_t w = uint16_t(e >> 16);
    out->append(reinterpret_cast<const char*>(&w), 2);
  }
}

bool Weights::ReadFrom(std::string_view data, size_t* pos) {
  uint32_t classes = 0, bits = 0, rows = 0, entries = 0;
  if (!GetBytes(data, pos, &classes, 4) || !GetBytes(data, pos, &bits, 4) || !GetBytes(data, pos, &rows, 4) ||
      !GetBytes(data, pos, &entries, 4))
    return false;
  if (classes == 0 || classes > 256 || bits > 30 || rows > (size_t(1) << bits) || entries >= (1u << 24)) return false;
  num_classes_ = int(classes);
  table_bits_ = int(bits);
  num_rows_ = rows;
  slots_.assign(size_t(1) << bits, 0);
  size_t slot = 0;
  uint64_t begin = 0;
  for (uint32_t r = 0; r < rows; ++r) {
    uint64_t gap = 0;
    uint32_t fp = 0;
    uint8_t len = 0;
    if (!GetVarint(data, pos, &gap) || !GetBytes(data, pos, &fp, 4) || !GetBytes(data, pos, &len, 1)) return false;
    slot += gap;
    if (slot >= slots_.size() || (r > 0 && gap == 0) || !(fp & 1)) return false;
    slots_[slot] = uint64_t(fp) << 32 | begin << 8 | len;
    begin += len;
  }
  if (begin != entries) return false;
  if (data.size() - *pos < size_t(entries) * 3) return false;
  entries_.resize(entries);
  const char* cls = data.data() + *pos;
  const char* w = cls + entries;
  for (uint32_t j = 0; j < entries; ++j) {
    uint16_t v;
    std::memcpy(&v, w + 2 * size_t(j), 2);
    if (uint8_t(cls[j]) >= classes) return false;
    entries_[j] = uint32_t(v) << 16 | uint8_t(cls[j]);
  }
  *pos += size_t(entries) * 3;
  Densify();
  return true;
}

PerceptronTrainer::PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

void PerceptronTrainer::Score(const uint64_t* keys, int n, float* scores) const {
  for (int k = 0; k < n; ++k) {
    uint32_t row = index_.Find(keys[k]);
    if (row == FeatureIndex::kMissing) continue;
    for (const Entry& e : rows_[row]) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::Add(uint32_t row, int cls, float delta) {
  for (Entry& e : rows_[row]) {
    if (e.cls == cls) {
      e.total += double(e.w) * double(now_ - e.stamp);
      e.stamp = now_;
      e.w += delta;
      return;
    }
  }
  rows_[row].push_back(Entry{uint8_t(cls), delta, 0.0, now_});
}

void PerceptronTrainer::Update(const uint64_t* keys, int n, int good, int bad) {
  if (good == bad) return;
  for (int k = 0; k < n; ++k) {
    uint32_t row = index_.FindOrAdd(keys[k]);
    if (row == rows_.size()) {
      rows_.emplace_back();
      keys_.push_back(keys[k]);
    }
    Add(row, good, 1.0f);
    Add(row, bad, -1.0f);
  }
}

void PerceptronTrainer::Add(const uint64_t* keys, int n, int cls, float delta) {
  for (int k = 0; k < n; ++k) {
    uint32_t row = index_.FindOrAdd(keys[k]);
    if (row == rows_.size()) {
      rows_.emplace_back();
      keys_.push_back(keys[k]);
    }
    Add(row, cls, delta);
  }
}

Weights PerceptronTrainer::Average(int min_abs) const {
  // Averaged weights, then one scale for the whole model so the largest weight fits int16.
  std::vector<std::vector<std::pair<uint8_t, double>>> averaged(rows_.size());
  double max_abs = 1e-9;
  for (size_t r = 0; r < rows_.size(); ++r) {
    for (const Entry& e : rows_[r]) {
      double avg = (e.total + double(e.w) * double(now_ - e.stamp)) / double(now_);
      averaged[r].push_back({e.cls, avg});
      max_abs = std::max(max_abs, std::fabs(avg));
    }
  }
  double scale = 32000.0 / max_abs;
  std::vector<Weights::Row> rows;
  for (size_t r = 0; r < rows_.size(); ++r) {
    Weights::Row row{keys_[r], {}};
    std::sort(averaged[r].begin(), averaged[r].end());
    for (auto& [cls, avg] : averaged[r]) {
      long q = std::lround(avg * scale);
      if (q != 0 && std::abs(q) >= min_abs && row.weights.size() < 255) row.weights.push_back({cls, int16_t(q)});
    }
    if (!row.weights.empty()) rows.push_back(std::move(row));
  }
  Weights w;
  w.num_classes_ = num_classes_;
  w.Build(std::move(rows));
  return w;
}

}  // namespace eventmill::syntax
