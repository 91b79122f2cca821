// libFuzzer target: the readers of the knowledge files in data/ given arbitrary text (the first
// byte picks one): pattern files (data/patterns/*.patterns, modality cues), the irregular-verb
// table, validation records (*.cases), code mappings (cameo/plover/acled/counts .tsv, split at NUL
// bytes), word lists, and the lexicon's source files (data/actors, data/places). Each must end
// with a value or an error, without a crash or a sanitizer report.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "code/code_mappings.h"
#include "code/pattern_set.h"
#include "code/validation_records.h"
#include "fuzz/fuzz_util.h"
#include "lexicon/source_file.h"
#include "text/word_lists.h"

using namespace eventmill;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const code::Inflector* inflector = [] {
    auto i = code::Inflector::Parse("go\twent\tgone\nflee\tfled\tfled\n", "irregular_verbs.tsv");
    fuzz::Check(i.ok(), "inflector");
    return new code::Inflector(std::move(*i));
  }();
  switch (data[0] % 7) {
    case 0: (void)code::PatternSet::Parse(text, "fuzz.patterns", *inflector, false); break;
    case 1: (void)code::PatternSet::Parse(text, "modality.cues", *inflector, true); break;
    case 2: {
      auto inf = code::Inflector::Parse(text, "irregular_verbs.tsv");
      if (inf.ok()) (void)inf->Forms("run");
      break;
    }
    case 3: (void)code::ParseValidationRecords(text, "fuzz.cases"); break;
    case 4: {
      std::vector<std::string_view> parts;
      std::string_view rest = text;
      for (int i = 0; i < 3; ++i) {
        size_t nul = rest.find('\0');
        parts.push_back(rest.substr(0, nul));
        rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
      }
      parts.push_back(rest);
      (void)code::CodeMappings::Parse(parts[0], parts[1], parts[2], parts[3]);
      break;
    }
    case 5: (void)text::ParseWordLists(text); break;
    case 6: {
      static const std::string path = "/tmp/eventmill-fuzz-source-" + std::to_string(getpid()) + ".txt";
      FILE* f = std::fopen(path.c_str(), "wb");
      fuzz::Check(f != nullptr, "temporary file");
      std::fwrite(text.data(), 1, text.size(), f);
      std::fclose(f);
      std::vector<lexicon::SourceLine> lines;
      lexicon::ReadSourceFile(path, &lines);
      for (const auto& l : lines)
        for (const auto& field : l.fields) (void)lexicon::SplitList(field);
      unlink(path.c_str());
      break;
    }
  }
  return 0;
}
