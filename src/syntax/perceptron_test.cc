// Weights: long rows are scored through their dense copy, short rows sparsely; both must give the
// same sums as the rows say, and survive the file form and pruning.
#include "syntax/perceptron.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace eventmill::syntax {
namespace {

Weights TwoRows() {
  const int classes = 21;  // not a multiple of 8: the dense rows' tail is added one by one
  Weights::Row long_row{Key(1, 1), {}}, short_row{Key(2, 2), {{3, 500}, {20, -7}}}, one{Key(4, 4), {{5, -1234}}};
  for (int c = 0; c < classes; c += 1) long_row.weights.push_back({uint8_t(c), int16_t(c % 2 ? -100 * c : 100 * c)});
  return Weights::FromRows(classes, {long_row, short_row, one});
}

std::vector<int32_t> ScoresOf(const Weights& w) {
  uint64_t keys[] = {Key(1, 1), Key(2, 2), Key(3, 3), Key(4, 4)};
  std::vector<int32_t> scores(w.num_classes(), 1);
  w.Score(keys, 4, scores.data());
  return scores;
}

TEST(Weights, DenseAndSparseRowsGiveTheRowsSums) {
  std::vector<int32_t> scores = ScoresOf(TwoRows());
  for (int c = 0; c < 21; ++c) {
    int32_t want = 1 + (c % 2 ? -100 * c : 100 * c) + (c == 3 ? 500 : 0) + (c == 20 ? -7 : 0) + (c == 5 ? -1234 : 0);
    EXPECT_EQ(scores[c], want) << c;
  }
}

TEST(Weights, FileFormAndPruningKeepTheRows) {
  Weights w = TwoRows();
  std::string bytes;
  w.AppendTo(&bytes);
  Weights back;
  size_t pos = 0;
  ASSERT_TRUE(back.ReadFrom(bytes, &pos));
  EXPECT_EQ(ScoresOf(back), ScoresOf(w));
  std::string again;
  back.AppendTo(&again);
  EXPECT_EQ(again, bytes);
  Weights pruned = w.Pruned(450);
  std::vector<int32_t> scores = ScoresOf(pruned);
  for (int c = 0; c < 21; ++c) {
    int32_t row = c % 2 ? -100 * c : 100 * c;
    int32_t want = 1 + (std::abs(row) >= 450 ? row : 0) + (c == 3 ? 500 : 0) + (c == 5 ? -1234 : 0);
    EXPECT_EQ(scores[c], want) << c;
  }
}

// Many long rows in one call (their sums are held in vector registers across rows, 64 classes at a
// time), rows of every length, absent keys, class counts with and without a tail of eight: the
// scores are the rows' sums exactly, as a plain map of rows adds them.
TEST(Weights, ManyRowsOfEveryLengthGiveTheRowsSums) {
  std::mt19937 rng(7);
  for (int classes : {104, 102, 70, 64, 9}) {
    std::vector<Weights::Row> rows;
    std::map<uint64_t, std::vector<std::pair<uint8_t, int16_t>>> plain;
    for (int r = 0; r < 400; ++r) {
      Weights::Row row{Key(7, uint64_t(r)), {}};
      const int len = 1 + int(rng() % uint32_t(classes));
      std::vector<int> cls(classes);
      for (int c = 0; c < classes; ++c) cls[c] = c;
      for (int c = 0; c < len; ++c) std::swap(cls[c], cls[c + rng() % uint32_t(classes - c)]);
      std::sort(cls.begin(), cls.begin() + len);
      for (int c = 0; c < len; ++c) row.weights.push_back({uint8_t(cls[c]), int16_t(int(rng() % 64001) - 32000)});
      plain[row.key] = row.weights;
      rows.push_back(row);
    }
    Weights w = Weights::FromRows(classes, rows);
    for (int call = 0; call < 50; ++call) {
      uint64_t keys[Weights::kMaxKeys];
      const int n = 1 + int(rng() % Weights::kMaxKeys);
      for (int k = 0; k < n; ++k) keys[k] = Key(7, rng() % 480);  // one in six is absent
      std::vector<int32_t> want(classes, 3), got(classes, 3);
      for (int k = 0; k < n; ++k) {
        auto it = plain.find(keys[k]);
        if (it == plain.end()) continue;
        for (auto [c, v] : it->second) want[c] += v;
      }
      w.Score(keys, n, got.data());
      ASSERT_EQ(got, want) << classes << " classes, call " << call;
    }
  }
}

}  // namespace
}  // namespace eventmill::syntax
