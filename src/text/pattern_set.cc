#include "text/pattern_set.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>
#include <unordered_set>

#include "core/cameo_code.h"
#include "text/grammar_words.h"

namespace eventmill::text {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

int VowelGroups(std::string_view w) {
  int n = 0;
  bool in = false;
  for (char c : w) {
    bool v = IsVowel(c);
    if (v && !in) ++n;
    in = v;
  }
  return n;
}

// stab -> stabbed, rob -> robbing; open, shoot, kill do not double.
bool DoublesFinal(std::string_view w) {
  if (w.size() < 3 || VowelGroups(w) != 1) return false;
  char a = w[w.size() - 3], b = w[w.size() - 2], c = w[w.size() - 1];
  return !IsVowel(a) && IsVowel(b) && !IsVowel(c) && c != 'w' && c != 'x' && c != 'y';
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<std::string> SplitAlternatives(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string_view::npos) bar = s.size();
    if (bar > start) out.emplace_back(s.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const std::unordered_set<std::string>& BeForms() {
  static const auto kForms = grammar::GrammarWords<std::unordered_set<std::string>>(
      {grammar::kBeForms},
      {"am", "get", "gets", "got", "gotten", "getting", "'s", "remain", "remains", "remained"});
  return kForms;
}

const std::unordered_set<std::string>& SkippableBeforeParticiple() {
  static const std::unordered_set<std::string> kWords = {
      "not",   "also", "later",  "then", "reportedly", "allegedly", "subsequently", "all",  "both",
      "each",  "just", "never",  "been", "being",      "since",     "already",      "still", "soon",
      "n't",   "then", "eventually", "initially", "first", "previously"};
  return kWords;
}

}  // namespace

Result<Inflector> Inflector::Parse(std::string_view irregular_tsv, std::string_view name) {
  Inflector inf;
  std::istringstream in{std::string(irregular_tsv)};
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream fields(line);
    std::string lemma, past, pp, ing;
    if (!(fields >> lemma)) continue;
    if (!(fields >> past >> pp)) {
      return Status::InvalidInput(std::string(name) + ":" + std::to_string(lineno),
                                  "want 'lemma past participle', got '" + line + "'");
    }
    inf.irregular_[Lower(lemma)] = {Lower(past), Lower(pp)};
    if (fields >> ing) inf.ing_[Lower(lemma)] = Lower(ing);
    for (const auto& f : SplitAlternatives(Lower(past))) inf.participles_[f] = true;
    for (const auto& f : SplitAlternatives(Lower(pp))) inf.participles_[f] = true;
  }
  return inf;
}

std::vector<std::string> Inflector::Forms(std::string_view lemma_in) const {
  std::string lemma = Lower(lemma_in);
  std::vector<std::string> forms = {lemma};
  auto add = [&](std::string f) {
    if (std::find(forms.begin(), forms.end(), f) == forms.end()) forms.push_back(std::move(f));
  };
  // -s: protests, clashes, carries
  if (EndsWith(lemma, "s") || EndsWith(lemma, "x") || EndsWith(lemma, "z") || EndsWith(lemma, "ch") ||
      EndsWith(lemma, "sh") || EndsWith(lemma, "o")) {
    add(lemma + "es");
  } else if (lemma.size() > 1 && lemma.back() == 'y' && !IsVowel(lemma[lemma.size() - 2])) {
    add(lemma.substr(0, lemma.size() - 1) + "ies");
  } else {
    add(lemma + "s");
  }
  // -ing
  if (auto it = ing_.find(lemma); it != ing_.end()) {
    add(it->second);
  } else if (EndsWith(lemma, "ie")) {
    add(lemma.substr(0, lemma.size() - 2) + "ying");
  } else if (lemma.size() > 2 && lemma.back() == 'e' && !EndsWith(lemma, "ee") && !EndsWith(lemma, "ye") &&
             !EndsWith(lemma, "oe")) {
    add(lemma.substr(0, lemma.size() - 1) + "ing");
  } else if (DoublesFinal(lemma)) {
    add(lemma + lemma.back() + "ing");
  } else {
    add(lemma + "ing");
  }
  // past and participle
  if (auto it = irregular_.find(lemma); it != irregular_.end()) {
    for (auto& f : SplitAlternatives(it->second.first)) add(f);
    for (auto& f : SplitAlternatives(it->second.second)) add(f);
  } else if (lemma.back() == 'e') {
    add(lemma + "d");
  } else if (lemma.size() > 1 && lemma.back() == 'y' && !IsVowel(lemma[lemma.size() - 2])) {
    add(lemma.substr(0, lemma.size() - 1) + "ied");
  } else if (DoublesFinal(lemma)) {
    add(lemma + lemma.back() + "ed");
  } else {
    add(lemma + "ed");
  }
  return forms;
}

bool Inflector::IsParticiple(std::string_view word) const {
  if (EndsWith(word, "ed") && word.size() > 3) return true;
  return participles_.count(std::string(word)) > 0;
}

bool IsPassiveAt(const std::vector<WordToken>& tokens, size_t i, const Inflector& inflector) {
  if (i >= tokens.size() || !inflector.IsParticiple(tokens[i].lower)) return false;
  // "three soldiers killed by a roadside bomb": a participle with its "by" agent, without "be".
  if (i + 1 < tokens.size() && tokens[i + 1].lower == "by" && i > 0 && !tokens[i - 1].punct) return true;
  size_t j = i;
  int skipped = 0;
  while (j > 0 && skipped <= 3) {
    --j;
    const std::string& w = tokens[j].lower;
    if (BeForms().count(w)) return true;
    if (SkippableBeforeParticiple().count(w) || (EndsWith(w, "ly") && w.size() > 4)) {
      ++skipped;
      continue;
    }
    // "was arrested and charged": the coordinated participle shares the first one's voice.
    if ((w == "and" || w == "or") && j > 0) return IsPassiveAt(tokens, j - 1, inflector);
    return false;
  }
  return false;
}

namespace {

// A bit per hash of a map's keys (mod 2^16): most words of a sentence are no key, and a clear bit
// says so without walking the map's buckets (a cache miss or two each). Never says no to a key.
class KeyFilter {
 public:
  static size_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
  void Add(std::string_view key) {
    size_t h = Hash(key);
    bits_[(h >> 6) & (kWords - 1)] |= uint64_t{1} << (h & 63);
  }
  bool MayHave(std::string_view key) const {
    size_t h = Hash(key);
    return (bits_[(h >> 6) & (kWords - 1)] >> (h & 63)) & 1;
  }

 private:
  static constexpr size_t kWords = 1024;
  std::vector<uint64_t> bits_ = std::vector<uint64_t>(kWords, 0);
};

// A word as the matcher compares it: a WordToken's lower-case text, or a lower-case string.
const std::string& LowerOf(const WordToken& t) { return t.lower; }
const std::string& LowerOf(const std::string& w) { return w; }

uint64_t NextGeneration() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace

struct PatternSet::Impl {
  uint64_t generation = NextGeneration();
  std::shared_ptr<const Inflector> inflector;
  std::vector<std::unique_ptr<Pattern>> patterns;
  std::unordered_map<std::string, std::vector<const Pattern*>> by_first_word;
  KeyFilter first_word_filter;  // by_first_word's keys
  std::vector<const Pattern*> unindexed;  // first element a prefix or optional
  size_t max_words = 0;  // the most words a pattern can cover (LongestEndingAt looks back so far)

  // MayMatch's index: patterns by a key word of their trigger (whole words, then prefixes);
  // patterns whose trigger has no such word (a number, a suffix, optional) are always checked.
  std::unordered_map<std::string, std::vector<const Pattern*>> by_key;
  KeyFilter key_filter;  // by_key's keys
  std::vector<std::pair<std::string, const Pattern*>> by_key_prefix;
  std::vector<const Pattern*> keyless;

  void IndexKeyWords(const Pattern* p) {
    if (p->cameo == "-") return;  // a stop phrase makes no event
    const PatternElement& e = p->elements[p->trigger];
    bool keyed = e.kind == PatternElement::Kind::kWords && !e.optional;
    for (const auto& alt : e.alternatives) keyed = keyed && !alt.front().number && !alt.front().suffix;
    if (!keyed) {
      keyless.push_back(p);
      return;
    }
    for (const auto& alt : e.alternatives) {
      const PatternWord& w = alt.front();
      // A word the treebank may split ("cease-fire"): its first piece, as a prefix.
      size_t cut = w.text.find_first_of("-'");
      if (cut == 0 || w.text.empty()) {
        keyless.push_back(p);
        return;
      }
      if (w.prefix || cut != std::string::npos) {
        by_key_prefix.push_back({w.text.substr(0, cut), p});
      } else {
        key_filter.Add(w.text);
        auto& list = by_key[w.text];
        if (list.empty() || list.back() != p) list.push_back(p);
      }
    }
  }

  // The words of one sentence as MayMatch reads them: lower case, sorted (binary search for a
  // word or a prefix). Its buffers are kept from one sentence to the next (one Bag per thread),
  // so a sentence costs no allocation once the longest words have been seen.
  struct Bag {
    std::vector<std::string> store;        // the lower-cased words; [0, count) in use
    size_t count = 0;
    std::vector<std::string_view> sorted;  // views of store[0, count), sorted
    bool digit_first = false;              // some word starts with a digit

    void Fill(const std::vector<std::string_view>& words) {
      if (store.size() < words.size()) store.resize(words.size());
      count = words.size();
      sorted.clear();
      digit_first = false;
      for (size_t i = 0; i < words.size(); ++i) {
        std::string& lower = store[i];
        lower.assign(words[i]);
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        size_t pos;
        while ((pos = lower.find("\xE2\x80\x99")) != std::string::npos) lower.replace(pos, 3, "'");
        if (!lower.empty() && std::isdigit(static_cast<unsigned char>(lower[0]))) digit_first = true;
        sorted.push_back(lower);
      }
      std::sort(sorted.begin(), sorted.end());
    }
    bool HasWord(std::string_view w) const { return std::binary_search(sorted.begin(), sorted.end(), w); }
    // Whether some word starts with `prefix`: the first word not below it does, if any does.
    bool HasPrefix(std::string_view prefix) const {
      auto it = std::lower_bound(sorted.begin(), sorted.end(), prefix);
      return it != sorted.end() && it->substr(0, prefix.size()) == prefix;
    }
    bool Has(const PatternWord& w) const {
      if (w.number) return digit_first;
      if (w.prefix) return HasPrefix(w.text);
      if (w.suffix) {
        return std::any_of(sorted.begin(), sorted.end(), [&](std::string_view x) { return EndsWith(x, w.text); });
      }
      if (HasWord(w.text)) return true;
      // A word the treebank splits ("cease-fire" as "cease" "-" "fire", "don't" as "do" "n't"):
      // present when its pieces are (an apostrophe's split is not checked: present).
      if (w.text.find('\'') != std::string::npos) return true;
      if (w.text.find('-') == std::string::npos) return false;
      size_t b = 0;
      while (b <= w.text.size()) {
        size_t e = w.text.find('-', b);
        if (e == std::string::npos) e = w.text.size();
        if (e > b && !HasWord(std::string_view(w.text).substr(b, e - b))) return false;
        b = e + 1;
      }
      return true;
    }
    // Whether every element `p` needs has an alternative whose words are all in the sentence
    // (in any order: a test of words, not of the phrase).
    bool MayHold(const Pattern& p) const {
      for (const PatternElement& e : p.elements) {
        if (e.kind != PatternElement::Kind::kWords || e.optional) continue;
        bool any = false;
        for (const auto& alt : e.alternatives) {
          any = std::all_of(alt.begin(), alt.end(), [&](const PatternWord& w) { return Has(w); });
          if (any) break;
        }
        if (!any) return false;
      }
      return true;
    }
  };

  void Index(const Pattern* p) {
    IndexKeyWords(p);
    size_t words = 0;
    for (const PatternElement& e : p->elements) {
      size_t longest = e.kind == PatternElement::Kind::kGap ? size_t(e.max_gap) : 0;
      for (const auto& alt : e.alternatives) longest = std::max(longest, alt.size());
      words += longest;
    }
    max_words = std::max(max_words, words);
    const PatternElement& first = p->elements.front();
    bool indexable = first.kind == PatternElement::Kind::kWords && !first.optional;
    for (const auto& alt : first.alternatives) {
      indexable = indexable && !alt.front().prefix && !alt.front().suffix && !alt.front().number;
    }
    if (!indexable) {
      unindexed.push_back(p);
      return;
    }
    for (const auto& alt : first.alternatives) {
      first_word_filter.Add(alt.front().text);
      auto& list = by_first_word[alt.front().text];
      if (list.empty() || list.back() != p) list.push_back(p);
    }
  }

  // "a Mt. Vernon man", "Lt. Col. Smith": a period glued to a short word, with the sentence going on
  // after it (the splitter did not end it there), closes an abbreviation, not a clause, so a gap
  // runs across it.
  // (Bare words carry no spans: a period among them always closes.)
  static bool EndsAbbreviation(std::span<const std::string>, size_t) { return false; }
  static bool EndsAbbreviation(const std::vector<WordToken>& tokens, size_t k) {
    if (k == 0 || k + 1 >= tokens.size()) return false;
    const WordToken& word = tokens[k - 1];
    if (word.punct || word.span.end != tokens[k].span.begin || word.lower.size() > 3) return false;
    return std::all_of(word.lower.begin(), word.lower.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  }

  static bool WordAccepts(const PatternWord& w, const std::string& lower) {
    if (w.number) return !lower.empty() && std::isdigit(static_cast<unsigned char>(lower[0]));
    if (w.suffix) return lower.size() > w.text.size() && EndsWith(lower, w.text);
    if (!w.prefix) return lower == w.text;
    return lower.size() >= w.text.size() && lower.compare(0, w.text.size(), w.text) == 0;
  }

  // Matches elements [ei..] from token ti; fills pos[ei] with the token of each element (or
  // SIZE_MAX for a skipped optional). Returns the index one past the last token, or 0 on failure.
  // `Words`: std::vector<WordToken> (a sentence) or std::span<const std::string> (bare words).
  template <typename Words>
  static size_t MatchFrom(const Pattern& p, size_t ei, const Words& tokens, size_t ti, std::vector<size_t>& pos) {
    if (ei == p.elements.size()) return ti;
    const PatternElement& e = p.elements[ei];
    if (e.kind == PatternElement::Kind::kGap) {
      for (int g = 0; g <= e.max_gap && ti + g <= tokens.size(); ++g) {
        if (g > 0) {
          const std::string& w = LowerOf(tokens[ti + g - 1]);
          if ((w == "." && !EndsAbbreviation(tokens, ti + g - 1)) || w == ";" || w == "?" || w == "!") break;
        }
        pos[ei] = ti + g;
        if (size_t end = MatchFrom(p, ei + 1, tokens, ti + g, pos)) return end;
      }
      return 0;
    }
    for (const auto& alt : e.alternatives) {
      if (ti + alt.size() > tokens.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < alt.size() && ok; ++k) ok = WordAccepts(alt[k], LowerOf(tokens[ti + k]));
      if (!ok) continue;
      pos[ei] = ti;
      if (size_t end = MatchFrom(p, ei + 1, tokens, ti + alt.size(), pos)) return end;
    }
    if (e.optional) {
      pos[ei] = SIZE_MAX;
      return MatchFrom(p, ei + 1, tokens, ti, pos);
    }
    return 0;
  }

  // One past the last word of `p`'s first reading of `words` from word `i`; 0 when it does not match.
  static size_t ReadingEnd(const Pattern* p, std::span<const std::string> words, size_t i) {
    thread_local std::vector<size_t> pos;  // reused: no allocation per attempt
    pos.assign(p->elements.size(), SIZE_MAX);
    size_t end = MatchFrom(*p, 0, words, i, pos);
    return end > i ? end : 0;
  }

  // The first pattern in index order (by_first_word's, then the unindexed) for which `accept`
  // (a pattern) returns true, trying those that may start at `word`.
  template <typename Accept>
  const Pattern* FirstStartingWith(const std::string& word, Accept accept) const {
    if (first_word_filter.MayHave(word)) {
      if (auto it = by_first_word.find(word); it != by_first_word.end()) {
        for (const Pattern* p : it->second)
          if (accept(p)) return p;
      }
    }
    for (const Pattern* p : unindexed)
      if (accept(p)) return p;
    return nullptr;
  }

  void TryAt(const Pattern* p, const std::vector<WordToken>& tokens, size_t ti, std::vector<PatternMatch>& out) const {
    thread_local std::vector<size_t> pos;  // reused: no allocation per attempt
    pos.assign(p->elements.size(), SIZE_MAX);
    size_t end = MatchFrom(*p, 0, tokens, ti, pos);
    if (end == 0 || end <= ti) return;
    PatternMatch m;
    m.pattern = p;
    m.first = ti;
    m.last = end - 1;
    m.trigger = pos[p->trigger] == SIZE_MAX ? ti : pos[p->trigger];
    m.passive = p->force_passive || IsPassiveAt(tokens, m.trigger, *inflector);
    // "Three escaped inmates captured in the Sandhills", "two soldiers killed on Monday": a
    // participle of a verb that takes an object (arrests, attacks), followed by a preposition
    // rather than its object, is a reduced passive.
    if (!m.passive && (p->authority || CameoCode(p->cameo).HasRoot(18)) && m.trigger > 0 &&
        m.trigger + 1 < tokens.size() && inflector->IsParticiple(tokens[m.trigger].lower)) {
      static const std::unordered_set<std::string> kPreps = {"in", "at", "on", "near", "after", "during", "outside",
                                                             "inside", "last", "earlier", "overnight", "yesterday"};
      static const auto kSubjects =
          grammar::GrammarWords<std::unordered_set<std::string>>({grammar::kSubjectPronouns}, {"who"});
      const WordToken& before = tokens[m.trigger - 1];
      const std::string& next = tokens[m.trigger + 1].lower;
      bool figure = next == "at" && m.trigger + 2 < tokens.size() &&
                    (tokens[m.trigger + 2].lower == "least" || tokens[m.trigger + 2].lower == "most");  // "arrested at least 20"
      if (kPreps.count(next) && !figure && !before.punct && !kSubjects.count(before.lower)) m.passive = true;
    }
    if ((p->voice == 1 && !m.passive) || (p->voice == -1 && m.passive)) return;
    out.push_back(m);
  }
};

PatternSet::PatternSet() : impl_(std::make_unique<Impl>()) {}
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

size_t PatternSet::size() const { return impl_->patterns.size(); }
uint64_t PatternSet::generation() const { return impl_->generation; }

std::vector<std::string> PatternSet::VerbForms() const {
  std::unordered_set<std::string> seen;
  for (const auto& p : impl_->patterns) {
    for (const auto& e : p->elements) {
      if (!e.verb) continue;
      for (const auto& alt : e.alternatives) seen.insert(alt.front().text);
    }
  }
  return {seen.begin(), seen.end()};
}
const Pattern& PatternSet::pattern(size_t i) const { return *impl_->patterns[i]; }
const Inflector& PatternSet::inflector() const { return *impl_->inflector; }

void PatternSet::Add(PatternSet&& other) {
  if (!impl_->inflector) impl_->inflector = other.impl_->inflector;
  for (auto& p : other.impl_->patterns) {
    impl_->Index(p.get());
    impl_->patterns.push_back(std::move(p));
  }
  other.impl_->patterns.clear();
  impl_->generation = NextGeneration();
  other.impl_->generation = NextGeneration();
}

void PatternSet::AddPhrase(std::vector<std::string> words, std::string label) {
  if (words.empty()) return;
  if (!impl_->inflector) impl_->inflector = std::make_shared<const Inflector>();
  auto p = std::make_unique<Pattern>();
  p->cameo = "-";  // as a labelled line: a cue, no event
  p->role = std::move(label);
  for (std::string& w : words) {
    if (!p->text.empty()) p->text += ' ';
    p->text += w;
    PatternElement e;
    e.alternatives.push_back({PatternWord{.text = std::move(w)}});
    p->elements.push_back(std::move(e));
  }
  impl_->Index(p.get());
  impl_->patterns.push_back(std::move(p));
  impl_->generation = NextGeneration();
}

PhraseHit PatternSet::LongestAt(const std::vector<std::string>& words, size_t i) const {
  if (i >= words.size()) return {};
  PhraseHit best;
  impl_->FirstStartingWith(words[i], [&](const Pattern* p) {
    size_t end = Impl::ReadingEnd(p, words, i);
    if (end > i && end - i > best.length) best = {end - i, &p->role};
    return false;  // every candidate: the longest wins, the first of equals
  });
  return best;
}

PhraseHit PatternSet::LongestEndingAt(const std::vector<std::string>& words, size_t end) const {
  if (end == 0 || end > words.size()) return {};
  std::span<const std::string> before(words.data(), end);
  // The earliest start whose reading ends at `end` is the longest phrase.
  for (size_t j = end > impl_->max_words ? end - impl_->max_words : 0; j < end; ++j) {
    const Pattern* p = impl_->FirstStartingWith(words[j], [&](const Pattern* p) { return Impl::ReadingEnd(p, before, j) == end; });
    if (p) return {end - j, &p->role};
  }
  return {};
}

Result<PatternSet> PatternSet::Parse(std::string_view text, std::string_view name, const Inflector& inflector,
                                     bool labelled) {
  PatternSet set;
  set.impl_->inflector = std::make_shared<const Inflector>(inflector);
  std::istringstream in{std::string(text)};
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    std::string where = std::string(name) + ":" + std::to_string(lineno);
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::string options;
    if (auto semi = line.find(';'); semi != std::string::npos) {
      options = line.substr(semi + 1);
      line.resize(semi);
    }
    std::istringstream words(line);
    std::string head;
    if (!(words >> head)) continue;
    auto p = std::make_unique<Pattern>();
    p->where = where;
    if (labelled) {
      p->role = head;
      p->cameo = "-";
    } else {
      bool digits = !head.empty() && std::all_of(head.begin(), head.end(), ::isdigit);
      if (head != "-" && (!digits || head.size() < 2 || head.size() > 4)) {
        return Status::InvalidInput(where, "a pattern line starts with a CAMEO code (2-4 digits) or '-', got '" + head + "'");
      }
      p->cameo = head;
    }
    // Elements are separated by spaces, except inside a (...) group of alternatives.
    std::vector<std::string> toks;
    {
      std::string rest, w;
      std::getline(words, rest);
      std::istringstream ws(rest);
      while (ws >> w) {
        if (!toks.empty() && std::count(toks.back().begin(), toks.back().end(), '(') >
                                 std::count(toks.back().begin(), toks.back().end(), ')')) {
          toks.back() += ' ' + w;
        } else {
          toks.push_back(w);
        }
      }
    }
    int marked_trigger = -1, first_verb = -1;
    for (std::string tok : toks) {
      if (!p->text.empty()) p->text += ' ';
      p->text += tok;
      PatternElement e;
      if (tok[0] == '~') {
        e.kind = PatternElement::Kind::kGap;
        e.max_gap = tok.size() > 1 ? std::atoi(tok.c_str() + 1) : 4;
        if (e.max_gap <= 0 || e.max_gap > 20) return Status::InvalidInput(where, "gap '" + tok + "' must be ~1 .. ~20");
        if (p->elements.empty()) return Status::InvalidInput(where, "a pattern cannot start with a gap");
        p->elements.push_back(std::move(e));
        continue;
      }
      if (tok[0] == '^') {
        marked_trigger = static_cast<int>(p->elements.size());
        tok.erase(0, 1);
      }
      if (tok.size() > 1 && tok.back() == '?') {
        e.optional = true;
        tok.pop_back();
      }
      if (tok.empty()) return Status::InvalidInput(where, "empty element");
      auto add_words = [&](std::string_view alt) {
        std::vector<PatternWord> seq;
        std::istringstream as{std::string(alt)};
        std::string w;
        while (as >> w) {
          PatternWord pw;
          if (w == "<n>") pw.number = true;
          if (w.size() > 1 && w.back() == '*') {
            pw.prefix = true;
            w.pop_back();
          } else if (w.size() > 1 && w.front() == '*') {
            pw.suffix = true;
            w.erase(0, 1);
          }
          pw.text = Lower(w);
          seq.push_back(std::move(pw));
        }
        if (!seq.empty()) e.alternatives.push_back(std::move(seq));
      };
      if (tok.front() == '{') {
        if (tok.back() != '}') return Status::InvalidInput(where, "unclosed '{' in '" + tok + "'");
        e.verb = true;
        for (const auto& lemma : SplitAlternatives(std::string_view(tok).substr(1, tok.size() - 2))) {
          for (auto& f : inflector.Forms(lemma)) e.alternatives.push_back({PatternWord{f, false}});
        }
        if (first_verb < 0) first_verb = static_cast<int>(p->elements.size());
      } else if (tok.front() == '(') {
        if (tok.back() != ')') return Status::InvalidInput(where, "unclosed '(' in '" + tok + "'");
        for (const auto& alt : SplitAlternatives(std::string_view(tok).substr(1, tok.size() - 2))) add_words(alt);
      } else {
        for (const auto& alt : SplitAlternatives(tok)) add_words(alt);
      }
      if (e.alternatives.empty()) return Status::InvalidInput(where, "empty element '" + tok + "'");
      // Longer alternatives first, so "state of emergency" is tried before "state".
      std::stable_sort(e.alternatives.begin(), e.alternatives.end(),
                       [](const auto& a, const auto& b) { return a.size() > b.size(); });
      p->elements.push_back(std::move(e));
    }
    if (p->elements.empty()) return Status::InvalidInput(where, "a pattern needs a phrase after its code");
    if (p->elements.back().kind == PatternElement::Kind::kGap) {
      return Status::InvalidInput(where, "a pattern cannot end with a gap");
    }
    p->trigger = marked_trigger >= 0 ? marked_trigger : first_verb >= 0 ? first_verb : 0;
    std::istringstream opts(options);
    std::string opt;
    while (opts >> opt) {
      auto eq = opt.find('=');
      std::string key = opt.substr(0, eq), value = eq == std::string::npos ? "" : opt.substr(eq + 1);
      if (key == "modality") {
        static const std::unordered_set<std::string> kModalities = {"asserted", "attempted", "threatened",
                                                                    "planned",  "denied",    "hypothetical"};
        if (!kModalities.count(value)) return Status::InvalidInput(where, "unknown modality '" + value + "'");
        p->modality = value;
      } else if (key == "noun") {
        p->nominal = true;
      } else if (key == "feeling") {
        p->feeling = true;
      } else if (key == "mutual") {
        p->mutual = true;
      } else if (key == "reverse") {
        p->reverse = true;
      } else if (key == "agent" && value == "authority") {
        p->authority = true;
      } else if (key == "agent" && value == "court") {
        p->authority = true;
        p->default_role = "JUD";
      } else if (key == "voice" && (value == "passive" || value == "active")) {
        p->voice = value == "passive" ? 1 : -1;
      } else if (key == "scene" && value == "from") {
        p->from_scene = true;
      } else if (key == "passive") {
        p->force_passive = true;
      } else if (key == "result") {
        p->result = true;
      } else if (key == "target" && value == "place") {
        p->place_target = true;
      } else if (key == "target" && value == "recipient") {
        p->recipient_target = true;
        p->place_target = true;
      } else if (key == "target" && value == "none") {
        p->no_target = true;
      } else if (key == "confidence") {
        p->confidence = std::atof(value.c_str());
        if (p->confidence <= 0 || p->confidence > 1) return Status::InvalidInput(where, "confidence must be in (0, 1]");
      } else {
        return Status::InvalidInput(where, "unknown option '" + opt + "'");
      }
    }
    set.impl_->Index(p.get());
    set.impl_->patterns.push_back(std::move(p));
  }
  return set;
}

Result<PatternSet> PatternSet::Load(const DataFiles& patterns) {
  EM_ASSIGN_OR_RETURN(std::string irregular, patterns.Read("irregular_verbs.tsv"));
  EM_ASSIGN_OR_RETURN(Inflector inflector, Inflector::Parse(irregular, "irregular_verbs.tsv"));
  EM_ASSIGN_OR_RETURN(std::vector<std::string> files, patterns.List("", ".patterns"));
  PatternSet all;
  all.impl_->inflector = std::make_shared<const Inflector>(inflector);
  for (const std::string& f : files) {
    EM_ASSIGN_OR_RETURN(std::string text, patterns.Read(f));
    EM_ASSIGN_OR_RETURN(PatternSet one, Parse(text, f, inflector));
    all.Add(std::move(one));
  }
  return all;
}

std::vector<PatternMatch> PatternSet::MatchAll(const std::vector<WordToken>& tokens) const {
  std::vector<PatternMatch> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& word = tokens[i].lower;
    if (impl_->first_word_filter.MayHave(word)) {
      if (auto it = impl_->by_first_word.find(word); it != impl_->by_first_word.end()) {
        for (const Pattern* p : it->second) impl_->TryAt(p, tokens, i, out);
      }
    }
    for (const Pattern* p : impl_->unindexed) impl_->TryAt(p, tokens, i, out);
  }
  return out;
}

bool PatternSet::MayMatch(const std::vector<std::string_view>& words) const {
  thread_local Impl::Bag bag;
  bag.Fill(words);
  for (const Pattern* p : impl_->keyless)
    if (bag.MayHold(*p)) return true;
  for (size_t i = 0; i < bag.count; ++i) {
    if (!impl_->key_filter.MayHave(bag.store[i])) continue;
    if (auto it = impl_->by_key.find(bag.store[i]); it != impl_->by_key.end())
      for (const Pattern* p : it->second)
        if (bag.MayHold(*p)) return true;
  }
  for (const auto& [prefix, p] : impl_->by_key_prefix) {
    if (bag.HasPrefix(prefix) && bag.MayHold(*p)) return true;
  }
  return false;
}

std::vector<PatternMatch> PatternSet::Match(const std::vector<WordToken>& tokens) const {
  std::vector<PatternMatch> all = MatchAll(tokens);
  std::stable_sort(all.begin(), all.end(), [](const PatternMatch& a, const PatternMatch& b) {
    size_t la = a.last - a.first, lb = b.last - b.first;
    if (la != lb) return la > lb;
    bool sa = a.pattern->cameo == "-", sb = b.pattern->cameo == "-";
    if (sa != sb) return sa;
    return a.first < b.first;
  });
  std::vector<PatternMatch> kept, out;
  // Stop phrases first: they block every match they overlap, whatever its length, except a noun
  // pattern that holds the whole stop phrase: it reads the phrase as the compound the stop phrase
  // says it is ("bomb threats" is a threat, though "bomb threat" stops the bombing "bomb" alone
  // would be; "fire chief" still stops the dismissal "{fire} ~3 chief" would read).
  for (const auto& m : all) {
    if (m.pattern->cameo == "-") kept.push_back(m);
  }
  for (const auto& m : all) {
    if (m.pattern->cameo == "-") continue;
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const PatternMatch& k) {
      bool holds_stop = k.pattern->cameo == "-" && m.pattern->nominal && m.first <= k.first && k.last <= m.last;
      return m.first <= k.last && k.first <= m.last && !holds_stop;
    });
    if (overlaps) continue;
    kept.push_back(m);
    if (m.pattern->cameo != "-") out.push_back(m);
  }
  std::sort(out.begin(), out.end(), [](const PatternMatch& a, const PatternMatch& b) { return a.trigger < b.trigger; });
  return out;
}

}  // namespace eventmill::text
