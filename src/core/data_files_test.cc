#include "core/data_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace eventmill {
namespace {

TEST(DataFiles, ReadsFromMemoryAndListsAFolder) {
  DataFiles files = DataFiles::FromStrings({{"p/b.patterns", "B"}, {"p/a.patterns", "A"}, {"p/c.txt", "C"}});
  auto list = files.List("p", ".patterns");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(*list, (std::vector<std::string>{"p/a.patterns", "p/b.patterns"}));
  EXPECT_EQ(*files.Sub("p").Read("c.txt"), "C");
  auto missing = files.Read("p/d.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("p/d.txt"), std::string::npos);
  EXPECT_FALSE(files.List("q", ".patterns").ok());
}

TEST(DataFiles, ForEachDataLineSkipsCommentsAndNumbersLines) {
  std::vector<int> numbers;
  Status s = ForEachDataLine("# c\n\nfirst\r\n  # indented comment\nsecond  \n", [&](int n, std::string_view line) {
    numbers.push_back(n);
    return line == "second" || line == "first" ? Status::Ok() : DataError("f", n, "bad");
  });
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(numbers, (std::vector<int>{3, 5}));
  Status bad = ForEachDataLine("x\ny\n", [](int n, std::string_view line) { return n == 2 ? DataError("f.tsv", n, "bad") : Status::Ok(); });
  EXPECT_EQ(bad.message(), "f.tsv:2: bad");
}

TEST(DataFiles, ReadsFilesUnderItsRootAndNamesAMissingOne) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("em_data_files_" + std::to_string(::getpid()));
  fs::create_directories(dir / "counts");
  std::ofstream(dir / "counts" / "numbers.txt") << "one = 1\n";
  DataFiles files(dir.string());
  EXPECT_EQ(*files.Read("counts/numbers.txt"), "one = 1\n");
  EXPECT_EQ(*files.Sub("counts").Read("numbers.txt"), "one = 1\n");
  auto missing = files.Read("counts/people.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find((dir / "counts" / "people.txt").string()), std::string::npos);
  EXPECT_FALSE(files.Read("counts").ok());  // a directory is not a data file
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eventmill
