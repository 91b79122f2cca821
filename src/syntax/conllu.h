// CoNLL-U (https://universaldependencies.org/format.html): the treebank's format, read for training
// and written by `eventmill parse`. Words are the integer-ID lines; multiword-token lines are kept
// so a parsed file lines up with its input; empty nodes (N.1) are dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::syntax {

struct ConlluWord {
  std::string form, lemma, upos, xpos, feats = "_", deprel, deps = "_", misc = "_";
  int head = 0;  // 1-based index of the head word in the sentence; 0 = the root
};

struct ConlluSentence {
  std::vector<std::string> comments;                    // lines starting with '#', without the newline
  std::vector<std::pair<int, std::string>> multiwords;  // (index of the first word, the whole line)
  std::vector<ConlluWord> words;
};

// Reads every sentence of `text`; `where` names the input in errors (a line that is not 10
// tab-separated columns, a bad ID or head).
Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text, std::string_view where);
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path);

// Appends the sentence as CoNLL-U, ending with a blank line.
void AppendConllu(const ConlluSentence& sentence, std::string* out);

}  // namespace eventmill::syntax
