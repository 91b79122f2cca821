// Lemmas: the treebank's own lemma for a (form, XPOS) pair where the suffix rules would get it
// wrong ("went"/VBD -> "go", "children"/NNS -> "child"), suffix rules by XPOS for the rest
// ("protesters"/NNS -> "protester", "stopped"/VBD -> "stop"). Proper nouns keep their form.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/conllu.h"

namespace eventmill::syntax {

class Lemmatizer {
 public:
  // Keeps the exceptions of `train`: pairs whose most frequent lemma differs from the rules'.
  static Lemmatizer Train(const std::vector<ConlluSentence>& train);

  // The lemma of `form` tagged `xpos`. Thread-safe.
  std::string Lemma(std::string_view form, std::string_view xpos) const;
  // The suffix rules alone.
  static std::string RuleLemma(std::string_view form, std::string_view xpos);
  size_t num_exceptions() const { return exceptions_.size(); }

  void AppendTo(std::string* out) const;
  bool ReadFrom(std::string_view data, size_t* pos);

 private:
  std::unordered_map<std::string, std::string> exceptions_;  // form '\t' xpos -> lemma
};

}  // namespace eventmill::syntax
