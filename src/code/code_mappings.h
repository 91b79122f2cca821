// CodeMappings: the CAMEO codebook with QuadClass and Goldstein weights, and the published
// mappings from CAMEO to PLOVER and (with counts and actors) to ACLED, all read from
// data/mappings/*.tsv. Built once, then read-only from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill::code {

struct CameoEntry {
  std::string code, name;
  int quad_class = 0;
  double goldstein = 0;
};

class CodeMappings {
 public:
  // Reads cameo.tsv, plover.tsv, acled.tsv and counts.tsv from `dir`.
  static Result<CodeMappings> Load(const DataFiles& mappings);
  // The same from texts (for tests); each `*_name` names its text in errors.
  static Result<CodeMappings> Parse(std::string_view cameo, std::string_view plover, std::string_view acled,
                                    std::string_view counts);

  // The codebook entry of `code`, or null when neither it nor its root is in the codebook.
  const CameoEntry* Find(std::string_view code) const;
  // Fills cameo_root, quad_class, goldstein, plover, plover_mode, the ACLED fields and the
  // non-political category of `event` from event.cameo, its counts, its actors and the cue labels
  // read in its sentences (`cues`: data/patterns/acled.cues labels such as "air", "grenade",
  // "pre:mob"). Returns false when the code is unknown.
  bool Fill(Event& event, const std::vector<std::string>& cues = {}) const;
  // Whether an event coded `cameo` may carry a count of `kind` (counts.tsv).
  bool CountFits(std::string_view cameo, std::string_view kind) const;

 private:
  struct Prefixed {
    std::string prefix;
    std::vector<std::string> values;
  };
  static const Prefixed* Longest(const std::vector<Prefixed>& rows, std::string_view code);
  std::vector<CameoEntry> cameo_;
  std::vector<Prefixed> plover_, counts_;
  std::vector<Prefixed> acled_;  // values: condition, event_type, sub_event_type (in file order);
                                 // event_type "-": no ACLED event, sub_event_type is the category
};

}  // namespace eventmill::code
