// RecodeTable: data/mappings/recodes.tsv, the rows that turn an act told with a modality, or done
// between certain sides, into another act ("Russia denied attacking" is a denial, 016; a threatened
// shooting is a threat, 138; protesters fighting the police riot, 145). Read once by Coder::Create,
// then read-only; the recode pass (recode_pass.cc) asks it. Format: the file's header.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data_files.h"
#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill::code {

struct Recode {
  enum class When { kModality, kSides };
  When when = When::kModality;
  std::string modality;            // kModality: the modality that calls for it
  bool cue_only = false;           // kModality: only when read from a cue, not the pattern's option
  std::vector<std::string> side_a, side_b;  // kSides: actor roles of one side and of the other
  std::vector<std::string> codes;  // "190", "18*", "*"
  std::vector<std::string> except; // "01*"
  std::string to;                  // the code the event becomes
  std::string keep_modality;       // "" = same
  std::string why;                 // for --explain
  std::string where;               // "recodes.tsv:21"

  // Whether `cameo` is among the codes the row names.
  bool AppliesTo(std::string_view cameo) const;
};

class RecodeTable {
 public:
  // Parses recodes.tsv; `name` (the file's path) names it in errors ("recodes.tsv:21: ...").
  static Result<RecodeTable> Parse(std::string_view text, std::string_view name);
  static Result<RecodeTable> Load(const DataFiles& mappings);  // mappings/recodes.tsv

  // The first row for an event coded `cameo` told with `modality`; `from_cue`: the modality was
  // read from a cue, not from the pattern's own option.
  const Recode* ForModality(std::string_view cameo, std::string_view modality, bool from_cue) const;
  // The first row for an event coded `cameo` between actors of roles `a` and `b`.
  const Recode* ForSides(std::string_view cameo, std::string_view a, std::string_view b) const;

  const std::vector<Recode>& rows() const { return rows_; }

 private:
  std::vector<Recode> rows_;
};

}  // namespace eventmill::code
