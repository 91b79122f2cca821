// Pipeline::Create reads every data file through the options it is given: a copy of data/ with
// one file hidden must fail to start with an error naming that file, for each file in turn.
#include "eventmill/pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "eventmill/data_dir.h"
#include "eventmill/json.h"

namespace eventmill {
namespace {

namespace fs = std::filesystem;

// The families the stages read at start-up. data/actors and data/places are compiled into the
// lexicon (`eventmill dict build`, tested in the lexicon layer); data/export is read by exports;
// *.cases are validation records, run by `eventmill dict test`.
constexpr const char* kFamilies[] = {"extract", "text", "counts", "dates", "quotes", "entities", "patterns", "mappings"};

class DataCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("em_pipeline_data_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* family : kFamilies) fs::copy(fs::path(DataDir()) / family, dir_ / family, fs::copy_options::recursive);
    // The syntax stage's model: the pipeline parses the sentences the later stages read.
    fs::create_directories(dir_ / "syntax");
    fs::copy(fs::path(DataDir()) / "syntax" / "en_ewt.model", dir_ / "syntax" / "en_ewt.model");
    // The one file of data/actors read at start-up as well: people's CAMEO roles by title
    // (analyze/person_actors).
    fs::create_directories(dir_ / "actors");
    fs::copy(fs::path(DataDir()) / "actors" / "titles.txt", dir_ / "actors" / "titles.txt");
  }
  void TearDown() override { fs::remove_all(dir_); }

  Status Start() const {
    auto p = Pipeline::Create({.threads = 1, .data_dir = dir_.string()});
    return p.ok() ? Status::Ok() : p.status();
  }
  // The data files of the copy the stages read by name, relative to it ("counts/numbers.txt").
  // *.patterns are the exception: the coder reads every one in patterns/ (so a new one needs no
  // registration), and a folder without any is the error (EmptyPatternsFolderIsAnError).
  std::vector<std::string> Files() const {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir_)) {
      std::string ext = e.path().extension().string();
      if (e.is_regular_file() && ext != ".cases" && ext != ".patterns") out.push_back(fs::relative(e.path(), dir_).string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  fs::path dir_;
};

TEST_F(DataCopy, StartsOnTheCopy) {
  Status s = Start();
  ASSERT_TRUE(s.ok()) << s.message();
}

TEST_F(DataCopy, EachMissingFileIsAnErrorNamingIt) {
  std::vector<std::string> files = Files();
  ASSERT_GT(files.size(), 20u);
  for (const std::string& rel : files) {
    fs::path path = dir_ / rel, hidden = dir_ / (rel + ".hidden");
    fs::rename(path, hidden);
    Status s = Start();
    fs::rename(hidden, path);
    ASSERT_FALSE(s.ok()) << rel << " is missing, yet the pipeline started";
    EXPECT_NE(s.message().find(rel), std::string::npos) << rel << ": " << s.message();
  }
}

TEST_F(DataCopy, EmptyPatternsFolderIsAnError) {
  for (const auto& e : fs::directory_iterator(dir_ / "patterns"))
    if (e.path().extension() == ".patterns") fs::remove(e.path());
  Status s = Start();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("patterns"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(".patterns"), std::string::npos) << s.message();
}

TEST_F(DataCopy, AMalformedLineIsAnErrorNamingFileAndLine) {
  struct Case {
    const char* file;
    const char* line;
  };
  for (Case c : {Case{"counts/numbers.txt", "[units"}, Case{"dates/calendar.txt", "january ="},
                 Case{"mappings/slot_roles.tsv", "18"}, Case{"text/abbreviations.txt", "[]"}}) {
    fs::path path = dir_ / c.file;
    std::ifstream in(path);
    std::string original((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    size_t lines = std::count(original.begin(), original.end(), '\n');
    std::ofstream(path, std::ios::app) << c.line << "\n";
    Status s = Start();
    std::ofstream(path, std::ios::trunc) << original;
    ASSERT_FALSE(s.ok()) << c.file << " has a malformed line, yet the pipeline started";
    std::string where = std::string(c.file) + ":" + std::to_string(lines + 1);
    EXPECT_NE(s.message().find(where), std::string::npos) << where << ": " << s.message();
  }
}

TEST_F(DataCopy, AnEmptyWordListIsAnErrorNamingIt) {
  std::ofstream(dir_ / "quotes" / "roles.txt", std::ios::trunc) << "# nothing left\n[roles]\n";
  Status s = Start();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("quotes/roles.txt"), std::string::npos) << s.message();
}

// By default the syntax stage parses what the later stages read: a sentence that may hold a
// count or an event gets tags and a tree, one that can hold neither only its tokens.
TEST(PipelineScope, ParsesTheSentencesTheLaterStagesRead) {
  auto pipeline = Pipeline::Create({.threads = 1});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  RawPage page{.source = "scope.txt",
               .bytes = "Gunmen shot two farmers near the market.\n\nThe weather was mild and sunny.\n\n"
                        "Police arrested the organisers of the march.\n",
               .is_text = true};
  auto doc = pipeline->Process(page);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->sentences.size(), 3u);
  EXPECT_TRUE(doc->sentences[0].parsed);   // a figure and an event
  EXPECT_FALSE(doc->sentences[1].parsed);  // neither
  EXPECT_TRUE(doc->sentences[2].parsed);   // an event without a figure
  const Token& police = doc->tokens[doc->sentences[2].token_begin];
  EXPECT_EQ(police.deprel, Deprel::kNsubj);
}

// Only a stage after the syntax stage chooses sentences: run through syntax alone, none is parsed
// unless the caller says which.
TEST(PipelineScope, SyntaxAloneParsesWhatTheCallerChooses) {
  auto none = Pipeline::Create({.threads = 1, .through = Stage::kSyntax});
  ASSERT_TRUE(none.ok()) << none.status().message();
  RawPage page{.source = "scope.txt", .bytes = "Two men fled. It rained.", .is_text = true};
  auto doc = none->Process(page);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 2u);
  EXPECT_FALSE(doc->sentences[0].parsed);
  PipelineOptions options{.threads = 1, .through = Stage::kSyntax};
  options.syntax.choose = [](const Document& d, const Sentence& s) { return d[d.tokens[s.token_begin].span] == "It"; };
  auto chosen = Pipeline::Create(options);
  ASSERT_TRUE(chosen.ok()) << chosen.status().message();
  doc = chosen->Process(page);
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->sentences[0].parsed);
  EXPECT_TRUE(doc->sentences[1].parsed);
}

// A document's output does not depend on the documents processed before it: the stages keep
// working memory per thread (the entity finder's, the place resolver's), and none of it may carry
// over. Pages A, B, A' on one pipeline and one thread, A' a copy of A and B a longer text with
// other names, places and figures, each give the JSON a first page on a fresh pipeline and thread
// gives. (tools/doc_independence.py checks the same over a dev set with `eventmill code`.)
TEST(PipelineScope, EachDocumentIsProcessedAsIfAlone) {
  const RawPage a{.source = "a.txt",
                  .bytes = "Kazakh President Kassym-Jomart Tokayev visited Almaty on Monday. Police arrested 12 "
                           "protesters there, the city's deputy mayor said.\n",
                  .is_text = true};
  const RawPage b{.source = "b.txt",
                  .bytes = "BAMAKO, Mali (Reuters) - Soldiers clashed with rebels near Gao and Timbuktu on Sunday, "
                           "killing at least 14 fighters, the army said.\n\nMali's defence minister, Sadio Camara, "
                           "told reporters in Bamako that two soldiers were injured. Residents of Kidal fled towards "
                           "Algeria, and police in Niamey, Niger, detained three men. \"We will not give up,\" "
                           "Camara said. French President Emmanuel Macron spoke with officials in Paris.\n",
                  .is_text = true};
  const std::vector<const RawPage*> pages = {&a, &b, &a};
  auto json_of = [](const Pipeline& p, const RawPage& page) {
    auto doc = p.Process(page);
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    std::string json;
    if (doc.ok()) AppendDocumentJson(*doc, &json);
    return json;
  };
  std::vector<std::string> alone(pages.size()), in_turn(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    std::thread([&, i] {
      auto fresh = Pipeline::Create({.threads = 1});
      ASSERT_TRUE(fresh.ok()) << fresh.status().message();
      alone[i] = json_of(*fresh, *pages[i]);
    }).join();
  }
  auto pipeline = Pipeline::Create({.threads = 1});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  std::thread([&] {
    for (size_t i = 0; i < pages.size(); ++i) in_turn[i] = json_of(*pipeline, *pages[i]);
  }).join();
  for (size_t i = 0; i < pages.size(); ++i) {
    EXPECT_EQ(in_turn[i], alone[i]) << "page " << i << " processed after " << i << " others";
  }
  EXPECT_NE(alone[1].find("\"events\":[{"), std::string::npos) << alone[1];
  EXPECT_NE(alone[0].find("Almaty"), std::string::npos);
}

}  // namespace
}  // namespace eventmill
