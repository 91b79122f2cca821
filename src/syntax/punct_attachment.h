// Punctuation re-attachment after parsing (syntax layer, applied by SyntaxModel::Analyze to the
// parser's output only). Two rules of the UD punctuation guideline
// (universaldependencies.org/u/dep/punct.html), which EWT's punctuation was normalised with:
//  - paired marks (quotes, brackets) attach to the head of the material they enclose: the opening
//    mark to the first word inside whose head lies outside the pair, the closing mark to the last;
//  - sentence-final marks (. ? !) attach to the highest projectivity-keeping ancestor of the
//    nearest word to their left; the parser's head is kept when it is on that climbing path.
// Commas, dashes and colons keep the parser's head: the rule cannot tell which side a comma
// belongs to, and on EWT dev re-attaching them lost more heads than it won.
#pragma once

#include <string_view>
#include <vector>

namespace eventmill::syntax {

// `heads`: 0-based, -1 = the root; `is_punct[i]`: word i is tagged PUNCT. Changes only the heads
// of punctuation words that have no dependents, and only to attachments that keep the tree
// projective around them.
void ReattachPunctuation(const std::vector<std::string_view>& forms, const std::vector<bool>& is_punct,
                         std::vector<int>* heads);

}  // namespace eventmill::syntax
