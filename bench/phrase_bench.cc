// Why two phrase engines are kept for word lists: the count cues of data/counts/kinds.txt (the
// count finder's text::PhraseSet: longest phrase at a word, or ending before one) matched along
// the words of the geoparsing dev set by text::PhraseSet and by code::PatternSet (the coder's
// pattern engine, which reads the same phrases as labelled cues, as it reads data/patterns/
// modality.cues). The third engine, lexicon::PhraseMatcher, matches the compiled gazetteer
// (millions of names, case rules, a memory-mapped table; analyze_bench's BM_EntityFinder_*) and
// is not a candidate for small lists. Both benches report how many words open a cue (they differ
// only where PatternSet's overlap rules or word forms do) and fail when none is found. Skips (exit 77) without
// ../shared.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "code/pattern_set.h"
#include "code/word_tokens.h"
#include "text/phrase_set.h"

namespace {

using eventmill::code::PatternSet;
using eventmill::code::WordToken;

std::string Shared() {
  const char* env = std::getenv("EVENTMILL_SHARED");
  return env && *env ? env : "../shared";
}

struct Setup {
  std::vector<std::vector<WordToken>> texts;    // the coder's words of each article
  std::vector<std::vector<std::string>> lower;  // the same, lower-case strings
  eventmill::text::PhraseSet phrases;
  PatternSet patterns;
  size_t words = 0;
};

// "key = a | b c | d" lines of kinds.txt: every phrase with its kind.
std::vector<std::pair<std::string, std::string>> CountCues(const std::string& path) {
  std::vector<std::pair<std::string, std::string>> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t eq = line.find(" = ");
    if (line.empty() || line[0] == '#' || line[0] == '[' || eq == std::string::npos) continue;
    std::string key = line.substr(0, eq);
    std::stringstream alts(line.substr(eq + 3));
    std::string alt;
    while (std::getline(alts, alt, '|')) {
      size_t b = alt.find_first_not_of(' '), e = alt.find_last_not_of(' ');
      if (b != std::string::npos) out.push_back({key, alt.substr(b, e - b + 1)});
    }
  }
  return out;
}

const Setup* TheSetup() {
  static Setup* s = []() -> Setup* {
    auto* s = new Setup;
    std::ifstream in(Shared() + "/devsets/geo/articles.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
      std::string text = j["text"].get<std::string>();
      s->texts.push_back(eventmill::code::TokenizeWords(text, {0, uint32_t(text.size())}));
      s->lower.emplace_back();
      for (const WordToken& w : s->texts.back()) s->lower.back().push_back(w.lower);
      s->words += s->texts.back().size();
    }
    auto cues = CountCues("data/counts/kinds.txt");
    if (s->texts.empty() || cues.empty()) return nullptr;
    std::string labelled;
    for (const auto& [kind, phrase] : cues) {
      std::vector<std::string> words;
      std::stringstream ws(phrase);
      for (std::string w; ws >> w;) words.push_back(w);
      s->phrases.Add(words, kind);
      labelled += kind + " " + phrase + "\n";
    }
    auto inflector = eventmill::code::Inflector::Parse("", "none");
    auto set = PatternSet::Parse(labelled, "kinds.txt", *inflector, /*labelled=*/true);
    if (!set.ok()) {
      std::fprintf(stderr, "phrase_bench: %s\n", set.status().message().c_str());
      return nullptr;
    }
    s->patterns = std::move(*set);
    return s;
  }();
  return s;
}

// Words at which a cue starts, by the PhraseSet.
size_t PhraseSetStarts(const Setup& s) {
  size_t n = 0;
  for (const auto& words : s.lower)
    for (size_t i = 0; i < words.size(); ++i) n += s.phrases.LongestAt(words, i) ? 1 : 0;
  return n;
}

// Words at which a cue starts, by the PatternSet (every match, overlaps kept).
size_t PatternSetStarts(const Setup& s) {
  size_t n = 0;
  for (const auto& words : s.texts) {
    std::vector<bool> starts(words.size());
    for (const auto& m : s.patterns.MatchAll(words)) starts[m.first] = true;
    for (bool b : starts) n += b;
  }
  return n;
}

void BM_CountCues_PhraseSet(benchmark::State& state) {
  const Setup& s = *TheSetup();
  size_t n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(n = PhraseSetStarts(s));
  if (n == 0 || PatternSetStarts(s) == 0) state.SkipWithError("no cue found: wrong path");
  state.counters["cue_starts"] = double(n);
  state.counters["words/s"] = benchmark::Counter(double(s.words), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CountCues_PhraseSet)->Unit(benchmark::kMillisecond);

void BM_CountCues_PatternSet(benchmark::State& state) {
  const Setup& s = *TheSetup();
  size_t n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(n = PatternSetStarts(s));
  if (n == 0) state.SkipWithError("no cue found: wrong path");
  state.counters["cue_starts"] = double(n);
  state.counters["words/s"] = benchmark::Counter(double(s.words), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CountCues_PatternSet)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (!TheSetup()) {
    std::fprintf(stderr,
                 "phrase_bench: needs ../shared/devsets/geo/articles.jsonl and data/counts/kinds.txt; skipped\n");
    return 77;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
