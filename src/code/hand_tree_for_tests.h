// For tests: a one-sentence Document whose parse is written by hand (no model), so a test of a
// reading on the tree states the tree it reads. Words are joined by single spaces; heads are
// 1-based as in CoNLL-U (0 = root). Header-only; included by code/*_test.cc only.
#ifndef EVENTMILL_CODE_HAND_TREE_FOR_TESTS_H_
#define EVENTMILL_CODE_HAND_TREE_FOR_TESTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "eventmill/document.h"

namespace eventmill::code {

// One word of a hand-written tree: form, UPOS, XPOS, lemma, 1-based head (0 = root), relation.
struct HandWord {
  std::string form, upos, xpos, lemma;
  int head;
  std::string deprel;
};

inline Document HandTree(const std::vector<HandWord>& words) {
  Document doc;
  for (const HandWord& w : words) {
    if (!doc.text.empty()) doc.text += ' ';
    Token t;
    t.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + w.form.size())};
    doc.text += w.form;
    t.upos = UposFromName(w.upos);
    t.xpos = w.xpos;
    t.lemma = w.lemma;
    t.head = w.head - 1;
    t.deprel = DeprelFromName(w.deprel);
    doc.tokens.push_back(t);
  }
  Sentence s;
  s.span = {0, static_cast<uint32_t>(doc.text.size())};
  s.token_begin = 0;
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  s.parsed = true;
  doc.sentences.push_back(s);
  return doc;
}

}  // namespace eventmill::code

#endif  // EVENTMILL_CODE_HAND_TREE_FOR_TESTS_H_
