#include "code/passes/pass_test_support.h"

namespace eventmill::code {
namespace {
using namespace pass_testing;

TEST(PassDriver, EveryExplainLineNamesTheStepThatWroteIt) {
  Document doc = Doc("Police arrested 40 protesters in Nairobi on Sunday. The arrests followed a march.");
  AddActor(doc, "Police", "KENCOP", "KE");
  AddActor(doc, "protesters", "KENPRO", "KE");
  AddPlace(doc, "Nairobi", "KE", "city");
  AddCount(doc, "40 protesters", "arrested", 40);
  doc.dates.push_back(DateMention{.span = Find(doc, "on Sunday"), .date = {"2023-05-07", "day", "relative"}});
  RunPasses(Data(), doc);
  ASSERT_FALSE(doc.events.empty());
  const std::vector<std::string_view> names = {pass::kStory, pass::kFilters, pass::kTriggers, pass::kModality,
                                               pass::kTolls, pass::kFrames, pass::kCrowds, pass::kAuthorities,
                                               pass::kRecodes, pass::kElsewhere, pass::kPlaces, pass::kPlaceActors,
                                               pass::kDates, pass::kCounts, pass::kMerging, pass::kConfidence};
  for (const Event& e : doc.events) {
    for (const std::string& line : e.explain) {
      bool named = std::any_of(names.begin(), names.end(),
                               [&](std::string_view n) { return line.rfind(std::string(n) + ": ", 0) == 0; });
      EXPECT_TRUE(named) << line;
    }
  }
  const Event& e = doc.events[0];
  EXPECT_EQ(e.cameo.substr(0, 2), "17");
  EXPECT_TRUE(Explains(e.explain, pass::kPlaces, "Nairobi"));
  EXPECT_TRUE(Explains(e.explain, pass::kDates, "on Sunday"));
  EXPECT_TRUE(Explains(e.explain, pass::kCounts, "40 protesters"));
}

TEST(PassDriver, NoSentencesNoEvents) {
  Document doc;
  doc.events.push_back(Event{});
  RunPasses(Data(), doc);
  EXPECT_TRUE(doc.events.empty());
}

}  // namespace
}  // namespace eventmill::code
