// AttributionFinder: the news agencies a page credits -- "Source: RT, RIA Novosti",
// "(Reuters) -", "AFP reported", "— TASS", "Reuters contributed" -- with agency names from
// data/extract/agencies.txt. Attribution lines ("Source: ...") are metadata, not main text: the
// finder says which paragraphs they are so the extractor leaves them out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/extract_data.h"

namespace eventmill::extract {

struct Attribution {
  std::vector<std::string> sources;        // canonical agency names (or names as written), in order
  std::vector<size_t> attribution_lines;   // indices of paragraphs that only credit sources
};

class AttributionFinder {
 public:
  explicit AttributionFinder(const ExtractData& data) : data_(data) {}  // data must outlive it
  Attribution Find(const std::vector<std::string_view>& paragraphs) const;

 private:
  // The canonical name of the agency named exactly by `name`, or empty.
  std::string AgencyNamed(std::string_view name) const;
  void FindCues(std::string_view text, bool lead, std::vector<std::string>* out) const;
  const ExtractData& data_;
};

}  // namespace eventmill::extract
