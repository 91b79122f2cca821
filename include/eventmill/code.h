// The event coder: from an analysed Document to CAMEO-coded events with actors, place, date,
// counts, modality and evidence (plus PLOVER, ACLED, QuadClass, Goldstein).
#pragma once

#include <memory>
#include <string>

#include "eventmill/document.h"
#include "eventmill/lexicon.h"
#include "eventmill/status.h"

namespace eventmill {

struct CodeOptions {
  std::string data_dir;      // data/; empty: the lexicon's data_dir()
  std::string patterns_dir;  // empty: data_dir + "/patterns"
  std::string mappings_dir;  // empty: data_dir + "/mappings" (CAMEO codebook, PLOVER, ACLED)
};

class Coder {
 public:
  // `lexicon` must outlive the Coder. An error names a data file that is missing or malformed.
  static Result<Coder> Create(const Lexicon& lexicon, CodeOptions options = {});
  ~Coder();
  Coder(Coder&&) noexcept;
  Coder& operator=(Coder&&) noexcept;

  // Fills doc.events. Thread-safe (const).
  Status Code(Document& doc) const;

  // Whether an event pattern fires in sentence `s`: a cheap test of the patterns' words on
  // doc.tokens, then the trigger pass's own match. The pipeline parses such sentences, so the
  // coder can read their trees (SyntaxOptions::choose). Thread-safe.
  bool MayCode(const Document& doc, const Sentence& s) const;

  struct Impl;

 private:
  explicit Coder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventmill
