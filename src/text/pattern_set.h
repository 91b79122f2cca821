// PatternSet: the project's one phrase-matching engine for word lists and patterns (the
// gazetteer's compiled name table, lexicon::PhraseMatcher, is the other; docs/architecture.md says
// why). Compiled once, then matched read-only from any thread, like RE2::Set. A pattern maps a
// phrase with verb lemmas, alternatives, optional words and gaps ("{ask} ~ to send ~ peacekeep*")
// to a CAMEO code plus options (modality, how to read the actors): the event patterns of
// data/patterns/*.patterns (format: docs/patterns.md). The same grammar serves labelled cues
// (data/patterns/modality.cues, references.tsv), and plain phrases added word by word (AddPhrase:
// the count cues of data/counts, the quote verbs, the role words) are patterns of literal words,
// asked for the longest phrase at a word or ending before one (LongestAt, LongestEndingAt).
// Text layer: it reads WordTokens (text/word_token.h) or lower-case word strings.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/data_files.h"
#include "eventmill/status.h"
#include "text/word_token.h"

namespace eventmill::text {

// Verb forms: the regular English inflections of a lemma, corrected by an irregular-verb table.
class Inflector {
 public:
  // `irregular_tsv`: lines "lemma past participle" (see data/patterns/irregular_verbs.tsv).
  static Result<Inflector> Parse(std::string_view irregular_tsv, std::string_view name);
  // lemma, -s, past, past participle and -ing forms (a noun's plural is the -s form).
  std::vector<std::string> Forms(std::string_view lemma) const;
  // Whether `word` is a past tense or past participle form (regular -ed or irregular).
  bool IsParticiple(std::string_view word) const;

 private:
  std::unordered_map<std::string, std::pair<std::string, std::string>> irregular_;
  std::unordered_map<std::string, bool> participles_;
  std::unordered_map<std::string, std::string> ing_;
};

struct PatternWord {
  std::string text;
  bool prefix = false;             // written "peacekeep*": any word starting so
  bool suffix = false;             // written "*-year-old": any word ending so
  bool number = false;             // written "<n>": any word starting with a digit ("700", "5,135")
};

struct PatternElement {
  enum class Kind { kWords, kGap };
  Kind kind = Kind::kWords;
  // kWords: any of these alternatives, each one or more words ("(state of emergency|martial law)")
  std::vector<std::vector<PatternWord>> alternatives;
  bool optional = false;
  bool verb = false;               // written as {lemma}: marks the trigger when no ^ is given
  int max_gap = 0;                 // kGap: up to this many tokens
};

struct Pattern {
  std::string cameo;               // "173"; "-" for a stop phrase that blocks overlapping matches
  std::string text;                // the phrase as written, and where: "arrest.patterns:12"
  std::string where;
  std::vector<PatternElement> elements;
  int trigger = 0;                 // element whose token anchors actors (source before, target after)
  // Options (after ';' on the line):
  std::string modality;            // modality=threatened ...: the event's modality when it fires
  std::string role;                // for modality cues and references: the label on the line
  bool nominal = false;            // noun: "arrest of X", "X's arrest", "police raid"
  bool reverse = false;            // reverse: subject is the target, object the source ("suffer at the hands of")
  bool authority = false;          // agent=authority: no named agent means the authorities (arrests, charges)
  std::string default_role = "COP";  // with no authority named anywhere: the story country's police
                                   // (agent=court: its courts, JUD, for sentences and indictments)
  bool no_target = false;          // target=none
  bool feeling = false;            // feeling: a participle of feeling ("disappointed with", "angered by"):
                                   // never passive, its subject feels it about what follows
  bool mutual = false;             // mutual: both sides act ("clashed", "exchanged fire", "a shootout"):
                                   // "A and B clashed" is one event, a missing side is another actor of the sentence
  int voice = 0;                   // voice=passive (1) / voice=active (-1): fires only in that voice
  bool place_target = false;       // target=place: the country where it happens is the target ("opened an embassy in Syria")
  bool recipient_target = false;   // target=recipient: what the phrase sends is not the target; "to X", else the country of the scene
  bool from_scene = false;         // scene=from: "withdrew from Kherson" names the scene, not an origin
  bool force_passive = false;      // passive: the phrase is passive without "be" ("X, accused of", "a man charged with")
  bool result = false;             // result: the toll of an event told earlier in the sentence
                                   // ("a shootout left four gunmen dead"), not an event of its own
  double confidence = 0.8;
};

// The longest phrase LongestAt / LongestEndingAt found: its length in words and its label (the
// pattern's role: the label AddPhrase or a labelled line gave it).
struct PhraseHit {
  size_t length = 0;                 // words matched; 0 when none
  const std::string* label = nullptr;
  explicit operator bool() const { return length > 0; }
};

struct PatternMatch {
  const Pattern* pattern = nullptr;
  size_t first = 0, last = 0;      // token range [first, last] the phrase covers
  size_t trigger = 0;              // token index of the trigger element
  bool passive = false;            // trigger is a participle after a form of "be"/"get"
};

class PatternSet {
 public:
  // Reads every *.patterns file in `dir` (sorted by name) plus irregular_verbs.tsv.
  static Result<PatternSet> Load(const DataFiles& patterns);
  // Parses pattern lines; `name` names the source in errors ("arrest.patterns").
  // Lines of the cue format ("LABEL phrase") when `labelled` is true (modality.cues).
  static Result<PatternSet> Parse(std::string_view text, std::string_view name, const Inflector& inflector,
                                  bool labelled = false);
  PatternSet();
  ~PatternSet();
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;

  // Appends the patterns of `other` (both must use inflections of the same Inflector).
  void Add(PatternSet&& other);
  // Appends a phrase of literal words (lower case, split as the words it is matched against are
  // split) labelled `label`; an empty phrase is ignored. Ties between phrases of the same length
  // go to the one added first.
  void AddPhrase(std::vector<std::string> words, std::string label);
  bool empty() const { return size() == 0; }

  // The longest match starting at words[i] (lower-case words; a pattern's first reading of them),
  // or none. Thread-safe (const); costs the patterns whose first word is words[i].
  PhraseHit LongestAt(const std::vector<std::string>& words, size_t i) const;
  // The longest match ending right before words[end] (covering words[end - length, end)).
  PhraseHit LongestEndingAt(const std::vector<std::string>& words, size_t end) const;

  // Every match in `tokens`, then overlaps resolved: a longer match (more tokens) wins over a
  // shorter one it overlaps; stop phrases ("-") win and produce nothing. Sorted by trigger.
  // Thread-safe (const). Cost: O(tokens x patterns starting at each token).
  std::vector<PatternMatch> Match(const std::vector<WordToken>& tokens) const;
  // Every match without overlap resolution (for cues, which may overlap triggers).
  std::vector<PatternMatch> MatchAll(const std::vector<WordToken>& tokens) const;

  // Whether some pattern (not a stop phrase) may match a sentence made of `words` (as written,
  // any case; split as the treebank splits them or as TokenizeWords does): false only when each
  // pattern needs an element none of whose alternatives has all its words in the sentence. Order
  // and gaps are not checked, so it never says false where Match would find an event. A cheap
  // test before a sentence is read closely (whether to parse it). Thread-safe; linear in words
  // times the patterns keyed by them.
  bool MayMatch(const std::vector<std::string_view>& words) const;

  // Every form of the {lemma} verbs the patterns name ("arrested", "investigate").
  std::vector<std::string> VerbForms() const;

  // Which set this is, as it stands: unique in the process, and new after every Add (a cache of
  // its matches keys on it; see match_memo.h).
  uint64_t generation() const;

  size_t size() const;
  const Pattern& pattern(size_t i) const;  // i < size(), in file order
  const Inflector& inflector() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether the token at `i` (a participle) reads as passive: a form of "be"/"get" before it,
// across adverbs, "not" and coordinations ("was arrested and charged").
bool IsPassiveAt(const std::vector<WordToken>& tokens, size_t i, const Inflector& inflector);

}  // namespace eventmill::text
