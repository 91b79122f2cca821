// The syntax stage (after extract, before analyze): splits doc.text into sentences and UD words
// once, then gives the chosen sentences part-of-speech tags (UPOS and Penn XPOS), lemmas and a
// labelled dependency tree (Universal Dependencies), all stored on the Document. The model is
// trained by the project on the English Web Treebank (`eventmill syntax train`) and shipped in
// data/syntax/.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eventmill/document.h"
#include "eventmill/status.h"

namespace eventmill {

// Which sentences get tags and trees; every sentence gets its tokens.
enum class ParseScope {
  kAll,      // every sentence
  kFigures,  // sentences with a figure (digits or a number word): what count binding reads
  kNone,     // none: sentences and tokens only, and the model is not loaded
  kChosen,   // the sentences SyntaxOptions::choose accepts (the pipeline asks its later stages)
};

struct SyntaxOptions {
  std::string data_dir;    // data/ (text/abbreviations.txt, syntax/); empty: DataDir()
  std::string model_path;  // empty: data_dir + "/syntax/en_ewt.model"
  ParseScope scope = ParseScope::kAll;
  // With ParseScope::kChosen: whether sentence `s` of `doc` gets tags and a tree. It is asked
  // after the sentence's tokens are on doc.tokens (untagged), from any thread, so it must be
  // thread-safe and cheap (a look at the words). Empty: no sentence is chosen.
  std::function<bool(const Document& doc, const Sentence& s)> choose;
};

// One analysed word of ParseWords.
struct ParsedWord {
  Upos upos = Upos::kX;
  std::string upos_name, xpos, lemma, deprel;  // deprel as the model names it ("nsubj:pass")
  int head = -1;                               // 0-based index in the sentence, -1 = root
};

class Parser {
 public:
  // Loads the model (tens of milliseconds). NotFound / CorruptData name the file.
  static Result<Parser> Load(const SyntaxOptions& options = {});

  // Fills doc.sentences (when empty) and doc.tokens, and tags, lemmatizes and parses the sentences
  // options.scope chooses (Sentence::parsed). Never touches doc.text. Thread-safe (const); linear
  // in the text.
  Status Parse(Document& doc) const;

  // Tags and parses one sentence given as words (e.g. a CoNLL-U sentence). Thread-safe. Empty
  // when the parser was loaded with ParseScope::kNone.
  std::vector<ParsedWord> ParseWords(const std::vector<std::string_view>& words) const;

  struct Model;

 private:
  Parser(std::shared_ptr<const Model> model, SyntaxOptions options);
  std::shared_ptr<const Model> model_;
  SyntaxOptions options_;
};

}  // namespace eventmill
