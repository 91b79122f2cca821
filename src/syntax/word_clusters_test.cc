#include "syntax/word_clusters.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>

#include "syntax/perceptron.h"

namespace eventmill::syntax {
namespace {

// Every determiner-noun-verb sentence over two words of each kind: words of one kind follow the
// same words, so the exchange algorithm puts them in one class.
std::vector<std::vector<std::string>> ToySentences() {
  std::vector<std::vector<std::string>> sentences;
  for (const char* det : {"the", "a", "this"})
    for (const char* noun : {"cat", "dog", "horse"})
      for (const char* verb : {"runs", "sleeps", "eats"}) sentences.push_back({det, noun, verb, "."});
  return sentences;
}

TEST(WordClusters, ExchangeRaisesTheLikelihood) {
  // Ids as LearnWordClusters gives them: 0 the boundary, then the words.
  std::map<std::string, int> id;
  std::vector<std::vector<int>> ids;
  for (const auto& s : ToySentences()) {
    ids.emplace_back();
    for (const auto& w : s) ids.back().push_back(id.emplace(w, int(id.size()) + 1).first->second);
  }
  const int num_words = int(id.size()) + 1, classes = 4;
  std::vector<int> start(num_words);
  for (int w = 0; w < num_words; ++w) start[w] = w % classes;
  std::vector<int> learned = ExchangeClusters(ids, num_words, classes, 10, false);
  ASSERT_EQ(learned.size(), size_t(num_words));
  for (int c : learned) EXPECT_TRUE(c >= 0 && c < classes);
  EXPECT_GT(ClassBigramLogLikelihood(ids, num_words, learned), ClassBigramLogLikelihood(ids, num_words, start) + 1.0);
  // Words that follow the same words share a class: every noun follows a determiner.
  EXPECT_EQ(learned[id["cat"]], learned[id["dog"]]);
  EXPECT_EQ(learned[id["dog"]], learned[id["horse"]]);
}

TEST(WordClusters, LearningIsDeterministic) {
  ClusterLearnOptions options{.fine_classes = 4, .coarse_classes = 2, .min_count = 1};
  EXPECT_EQ(LearnWordClusters(ToySentences(), options), LearnWordClusters(ToySentences(), options));
}

TEST(WordClusters, ReadsTheTsvAndRoundTrips) {
  std::string path = ::testing::TempDir() + "/clusters.tsv";
  std::ofstream(path) << "# comment\ncat\t3\t1\ndog\t3\t1\n";
  auto clusters = WordClusters::ReadTsv(path);
  ASSERT_TRUE(clusters.ok()) << clusters.status().message();
  EXPECT_EQ(clusters->Fine(HashString("cat")), 3u);
  EXPECT_EQ(clusters->Coarse(HashString("dog")), 1u);
  EXPECT_EQ(clusters->Fine(HashString("horse")), WordClusters::kNone);
  std::string bytes;
  clusters->AppendTo(&bytes);
  WordClusters back;
  size_t pos = 0;
  ASSERT_TRUE(back.ReadFrom(bytes, &pos));
  EXPECT_EQ(pos, bytes.size());
  EXPECT_EQ(back.Fine(HashString("dog")), 3u);
  std::remove(path.c_str());
}

TEST(WordClusters, AMalformedLineIsAnErrorNamingIt) {
  std::string path = ::testing::TempDir() + "/bad_clusters.tsv";
  std::ofstream(path) << "cat\t3\t1\ndog\tthree\t1\n";
  auto clusters = WordClusters::ReadTsv(path);
  ASSERT_FALSE(clusters.ok());
  EXPECT_NE(clusters.status().message().find(":2"), std::string::npos) << clusters.status().message();
  std::remove(path.c_str());
}

}  // namespace
}  // namespace eventmill::syntax
