// The project's validation records (data/patterns/*.cases) must all pass, and the record format
// is read as docs/patterns.md says.
#include "eventmill/validation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace eventmill::code {
namespace {

ValidationRunner& Runner() {
  static Lexicon* lexicon = new Lexicon(*Lexicon::Load());
  static ValidationRunner* runner = [] {
    auto r = ValidationRunner::Create(*lexicon);
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return new ValidationRunner(std::move(*r));
  }();
  return *runner;
}

TEST(ValidationRecords, ParsesHandGivenEntitiesAndExpectations) {
  auto records = ParseValidationRecords(
      "# comment\n== arrest\ntext: Police arrested five people in Almaty.\npublished: 2022-01-09\n"
      "actor: Police | KAZCOP | KZ\nplace: Almaty | Almaty | KZ | city\n"
      "event: 173 source=KAZCOP location=Almaty\n== none\ntext: Nothing happened here.\nevents: none\n",
      "t.cases");
  ASSERT_TRUE(records.ok()) << records.status().message();
  ASSERT_EQ(records->size(), 2u);
  const auto& r = (*records)[0];
  EXPECT_EQ(r.title, "arrest");
  EXPECT_EQ(r.where, "t.cases:2");
  ASSERT_EQ(r.entities.size(), 2u);
  EXPECT_EQ(r.entities[0].actor->code, "KAZCOP");
  EXPECT_EQ(r.entities[0].actor->role, "COP");
  EXPECT_EQ(r.entities[1].place->name, "Almaty");
  ASSERT_EQ(r.expected.size(), 1u);
  EXPECT_EQ(r.expected[0].fields.at("source"), "KAZCOP");
  EXPECT_TRUE((*records)[1].expected.empty());
}

TEST(ValidationRecords, RejectsAMentionThatIsNotInTheText) {
  auto records = ParseValidationRecords("== x\ntext: Police arrested five people.\nactor: army | KAZMIL | KZ\n", "t.cases");
  ASSERT_FALSE(records.ok());
  EXPECT_NE(records.status().message().find("t.cases:3"), std::string::npos) << records.status().message();
}

TEST(ValidationRecords, RejectsUnknownKeys) {
  auto records = ParseValidationRecords("== x\ntext: a b c.\nsentense: typo\n", "t.cases");
  ASSERT_FALSE(records.ok());
  EXPECT_NE(records.status().message().find("unknown key"), std::string::npos);
}

TEST(ValidationRecords, AWrongExpectationFails) {
  auto records = ParseValidationRecords(
      "== x\ntext: Police arrested five people in Almaty.\nactor: Police | KAZCOP | KZ\nevent: 190\n", "t.cases");
  ASSERT_TRUE(records.ok());
  RecordResult res = Runner().Run((*records)[0]);
  EXPECT_FALSE(res.pass);
  ASSERT_GE(res.problems.size(), 2u);  // 190 missing, 173 unexpected
}

TEST(ValidationRecords, EveryProjectRecordPasses) {
  namespace fs = std::filesystem;
  std::string dir = DataDir() + "/patterns";
  int files = 0, records_run = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".cases") continue;
    ++files;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    auto records = ParseValidationRecords(ss.str(), entry.path().filename().string());
    ASSERT_TRUE(records.ok()) << records.status().message();
    for (const auto& r : *records) {
      ++records_run;
      RecordResult res = Runner().Run(r);
      std::string detail;
      for (const auto& p : res.problems) detail += "\n  " + p;
      for (const auto& c : res.coded) detail += "\n  coded: " + c;
      EXPECT_TRUE(res.pass) << r.where << " " << r.title << detail;
    }
  }
  EXPECT_GE(files, 5);
  EXPECT_GE(records_run, 30);
}

}  // namespace
}  // namespace eventmill::code
