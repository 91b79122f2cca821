// CountFinder: the figures of people killed, injured, arrested, detained, kidnapped, missing,
// displaced, evacuated, sentenced, released or taking part, each bound to what it counts and what
// happened to them within its clause ("5,135 people were arrested", "killing dozens of people",
// "the death toll rose to 225"). Numbers that are names, dates, times, ages, money, measures,
// counts of a charge or years of a sentence are never counts.
//
// Knowledge comes from data/counts/*.txt (number words, qualifiers, person nouns, kind cues,
// never-a-count cues); the code holds only the grammar of a figure and its clause.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"
#include "eventmill/status.h"
#include "core/data_files.h"
#include "text/pattern_set.h"
#include "text/sentence_splitter.h"

namespace eventmill::analyze {

// The compiled data of data/counts/. Immutable after Load; share it between threads.
struct CountLexicon {
  std::map<std::string, double> units, tens, multipliers;
  struct Vague {
    std::vector<std::string> words;
    double value = 0;
    std::string qualifier;
  };
  std::vector<Vague> vague;
  text::PatternSet qualifiers;                       // label: the qualifier
  std::set<std::string> people;
  std::vector<std::string> people_suffixes;
  text::PatternSet verb_cues, noun_cues, toll_cues;  // label: the Count kind
  text::PatternSet never_before, never_after, negations;
  std::set<std::string> money;
  // Words that make a nominal a part of another told beside it ("including two children").
  std::set<std::string, std::less<>> parts;
  // Verbs by which a recorder states the final figure of a toll ("coded" in "fatalities coded
  // as 20"): that figure replaces the others of its kind told in the document.
  std::set<std::string, std::less<>> final_tallies;

  // Reads counts/{numbers,qualifiers,people,kinds,never}.txt of `files`. An error names the
  // missing or malformed file (and line), or the section it lacks.
  static Result<CountLexicon> Load(const DataFiles& files);

  bool IsPersonNoun(const std::string& lower_word) const;

  // Whether a sentence of `words` (as written, any case) may hold a count: a kind cue's word
  // ("killed", "custody", "toll") within 12 words of a figure (a word that starts with a digit,
  // a number word: "five", "dozens") or of one person ("a", "an", "another" before a person
  // noun: "a guard was killed"). A cheap test before the sentence is parsed.
  bool MayHoldCount(const std::vector<std::string_view>& words) const;

  std::set<std::string, std::less<>> figure_words;  // MayHoldCount's number words, lower-case
  std::set<std::string, std::less<>> cue_words;    // MayHoldCount's cue words: each cue's longest
};

class CountFinder {
 public:
  // `lexicon` and `abbreviations` (for a document whose sentences are not split yet) must outlive
  // the finder.
  CountFinder(const CountLexicon& lexicon, const text::Abbreviations& abbreviations)
      : lex_(&lexicon), abbreviations_(&abbreviations) {}

  // Fills doc.counts from every sentence (splitting sentences first when doc.sentences is
  // empty), with restatements merged (see MergeRestatedCounts): a parsed sentence through its
  // dependency tree (count_tree.h), any other along its words. Thread-safe (const).
  void Find(Document& doc) const;

 private:
  const CountLexicon* lex_;
  const text::Abbreviations* abbreviations_;
};

// One fact stated twice is one count: of counts of the same kind (arrested and detained are one
// kind) whose values agree within 10%, an exact figure is kept over a qualified one ("5,135
// people" over "more than 5.1 thousand"), and the first of equal ones. Keeps text order.
std::vector<Count> MergeRestatedCounts(std::vector<Count> counts);

}  // namespace eventmill::analyze
