// The Lexicon: gazetteer, countries, actor dictionaries, compiled from data/ and shared read-only
// by every thread (like RE2::Set: built once, then immutable).
#pragma once

#include <memory>
#include <string>

#include "eventmill/data_dir.h"
#include "eventmill/status.h"

namespace eventmill {

struct LexiconOptions {
  std::string data_dir;      // readable sources (data/); empty: eventmill::DataDir()
  std::string compiled_path; // compiled blob; empty: the default location next to the binary
};

class Lexicon {
 public:
  // Loads the compiled lexicon (mmap) or, failing that, what the data sources provide.
  static Result<Lexicon> Load(const LexiconOptions& options = {});

  // The data/ directory it was loaded with (LexiconOptions::data_dir, else DataDir()): the stages
  // built on this lexicon read their own data files there unless their options name another.
  const std::string& data_dir() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Lexicon(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// Where the compiled lexicon is looked for when LexiconOptions::compiled_path is empty:
// $EVENTMILL_LEXICON, else lexicon.bin beside the binary (or in a parent up to the build directory).
std::string DefaultCompiledLexiconPath();

}  // namespace eventmill
