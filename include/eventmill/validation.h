// Validation records: a sentence (or short text) with the events the coder must read from it, in
// the *.cases format of docs/patterns.md. `eventmill dict test` and the tests run them, so users
// can write and check their own patterns the way TABARI users did.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eventmill/code.h"
#include "eventmill/document.h"
#include "eventmill/lexicon.h"
#include "eventmill/status.h"

namespace eventmill::code {

struct ExpectedEvent {
  std::map<std::string, std::string> fields;  // cameo, source, target, location, modality, date, count,
                                              // acled (sub-event type, '_' for spaces), category
  std::string line;                           // as written, for messages
};

struct ValidationRecord {
  std::string title;
  std::string where;                 // "arrest.cases:12"
  std::string text;
  std::optional<std::string> published;
  std::string headline;  // the article's title, when the text opens with it ("headline:" line)
  std::vector<Entity> entities;      // given by hand (actor:, place:, country: lines)
  std::vector<Count> counts;         // given by hand (count: lines)
  std::vector<DateMention> dates;    // given by hand (date: lines)
  bool hand_entities = false, hand_counts = false, hand_dates = false;
  std::vector<ExpectedEvent> expected;
  bool others_allowed = false;       // "others: allowed": events beyond the listed ones are fine
};

// Parses a *.cases file; `name` names it in errors and in each record's `where`.
Result<std::vector<ValidationRecord>> ParseValidationRecords(std::string_view text, std::string_view name);

struct RecordResult {
  bool pass = false;
  std::vector<std::string> problems;  // one line each
  std::vector<std::string> coded;     // the events read, one line each ("173 KAZCOP -> - at Almaty")
};

// Runs records through the analyzer (sentences, and whatever the record does not give by hand)
// and the coder.
class ValidationRunner {
 public:
  static Result<ValidationRunner> Create(const Lexicon& lexicon, CodeOptions options = {});
  ~ValidationRunner();
  ValidationRunner(ValidationRunner&&) noexcept;
  ValidationRunner& operator=(ValidationRunner&&) noexcept;

  RecordResult Run(const ValidationRecord& record) const;
  // The coded document of a record (for tests that look at more than the expectations).
  Result<Document> Code(const ValidationRecord& record) const;

 private:
  struct Impl;
  explicit ValidationRunner(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One line describing an event: "173 src=KAZCOP tgt=- at=Kazakhstan mod=asserted counts=arrested:5135".
std::string DescribeEvent(const Event& e);

}  // namespace eventmill::code
