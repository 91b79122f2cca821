// Counts of a parsed sentence, bound through its dependency tree (the syntax stage's doc.tokens):
// a figure to the noun it numbers (nummod), the noun to its verb (nsubj, nsubj:pass, obj) or to
// the toll it states (obl of "rose to", "coded as"), the conjuncts of one subject summed. So in
// "Five people, including two children, were killed" the verb's subject is "people" (5), and
// "two children" is a part named inside it; "a man was shot and killed" counts one; in "killing
// at least 12 and wounding 30" each figure is the object of its own verb.
//
// Sentences without a parse, headlines in title case (the treebank's tagger misreads them), and
// the figures the tree binds to no kind are read along their words instead (count_finder.cc).
#pragma once

#include <vector>

#include "analyze/count_finder.h"
#include "eventmill/document.h"

namespace eventmill::analyze {

// The counts of `sentence` (Sentence::parsed must be true). Spans index doc.text.
// *undecided: the first words (indexes in the sentence's tokens) of figures the tree binds to no
// kind: a figure the parser hung where no rule reads it ("counted two dead" with "two" as a
// dep of "counted"). CountFinder reads those along the words.
// *finals (appended to): the spans of the counts that are a recorder's final tally
// ("Fatalities coded as 20": a verb of data/counts/kinds.txt [final] with "as"), which replace
// every other count of their kind in the document.
std::vector<Count> FindCountsOnTree(const CountLexicon& lex, const Document& doc, const Sentence& sentence,
                                    std::vector<size_t>* undecided, std::vector<Span>* finals);

}  // namespace eventmill::analyze
