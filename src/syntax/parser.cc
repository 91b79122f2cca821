// The front door of the syntax stage (include/eventmill/syntax.h): sentences and words of a
// Document, then the model's tags, lemmas and trees.
#include <cctype>

#include "core/data_files.h"
#include "eventmill/data_dir.h"
#include "eventmill/syntax.h"
#include "syntax/model.h"
#include "syntax/word_splitter.h"
#include "text/sentence_splitter.h"

namespace eventmill {

struct Parser::Model {
  text::Abbreviations abbreviations;  // for sentence breaks (data/text/abbreviations.txt)
  bool loaded = false;                // the tagger and parser below (not with ParseScope::kNone)
  syntax::SyntaxModel model;
  std::vector<Upos> upos;       // by tagger class
  std::vector<Deprel> deprels;  // by parser label
};

namespace {

// Number words: a sentence with one of these (or a digit) holds a figure.
bool IsNumberWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "one",      "two",      "three",    "four",      "five",     "six",      "seven",   "eight",     "nine",
      "ten",      "eleven",   "twelve",   "thirteen",  "fourteen", "fifteen",  "sixteen", "seventeen", "eighteen",
      "nineteen", "twenty",   "thirty",   "forty",     "fifty",    "sixty",    "seventy", "eighty",    "ninety",
      "hundred",  "hundreds", "thousand", "thousands", "million",  "millions", "dozen",   "dozens"};
  if (w.size() > 9) return false;
  char lower[10];
  for (size_t i = 0; i < w.size(); ++i) lower[i] = char(std::tolower(static_cast<unsigned char>(w[i])));
  std::string_view l(lower, w.size());
  for (std::string_view k : kWords)
    if (k == l) return true;
  return false;
}

bool HasFigure(const Document& doc, const Sentence& s) {
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    std::string_view w = doc[doc.tokens[t].span];
    if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) return true;
    if (IsNumberWord(w)) return true;
  }
  return false;
}

}  // namespace

Parser::Parser(std::shared_ptr<const Model> model, SyntaxOptions options)
    : model_(std::move(model)), options_(std::move(options)) {}

Result<Parser> Parser::Load(const SyntaxOptions& options) {
  std::string data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  auto m = std::make_shared<Model>();
  EM_ASSIGN_OR_RETURN(m->abbreviations, text::Abbreviations::Load(DataFiles(data_dir)));
  if (options.scope == ParseScope::kNone) return Parser(std::move(m), options);
  std::string path = options.model_path.empty() ? data_dir + "/syntax/en_ewt.model" : options.model_path;
  EM_ASSIGN_OR_RETURN(syntax::SyntaxModel model, syntax::SyntaxModel::Load(path));
  m->model = std::move(model);
  m->loaded = true;
  for (int c = 0; c < m->model.tagger().num_classes(); ++c) m->upos.push_back(UposFromName(m->model.tagger().upos(c)));
  for (const auto& l : m->model.parser().labels()) m->deprels.push_back(DeprelFromName(l));
  return Parser(std::move(m), options);
}

std::vector<ParsedWord> Parser::ParseWords(const std::vector<std::string_view>& words) const {
  if (!model_ || !model_->loaded) return {};
  std::vector<syntax::AnalyzedWord> analyzed;
  std::vector<std::string> lemmas;
  model_->model.Analyze(words, &analyzed, &lemmas);
  std::vector<ParsedWord> out(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const auto& a = analyzed[i];
    out[i].upos = model_->upos[a.tag];
    out[i].upos_name = model_->model.tagger().upos(a.tag);
    out[i].xpos = model_->model.tagger().xpos(a.tag);
    out[i].lemma = std::move(lemmas[i]);
    out[i].deprel = model_->model.parser().labels()[a.label];
    out[i].head = a.head;
  }
  return out;
}

Status Parser::Parse(Document& doc) const {
  if (doc.paragraphs.empty()) doc.paragraphs = text::SplitParagraphs(doc.text);
  if (doc.sentences.empty()) doc.sentences = text::SplitSentences(doc.text, doc.paragraphs, model_->abbreviations);
  doc.tokens.clear();
  std::vector<Span> spans;
  std::vector<std::string_view> forms;
  std::vector<syntax::AnalyzedWord> analyzed;
  std::vector<std::string> lemmas;
  for (Sentence& s : doc.sentences) {
    spans.clear();
    syntax::SplitWords(doc.text, s.span, &spans);
    s.token_begin = uint32_t(doc.tokens.size());
    for (Span w : spans) {
      doc.tokens.emplace_back();
      doc.tokens.back().span = w;
    }
    s.token_end = uint32_t(doc.tokens.size());
    s.parsed = false;
    if (s.token_begin == s.token_end || !model_->loaded) continue;
    if (options_.scope == ParseScope::kFigures && !HasFigure(doc, s)) continue;
    if (options_.scope == ParseScope::kChosen && !(options_.choose && options_.choose(doc, s))) continue;
    forms.clear();
    for (Span w : spans) forms.push_back(doc[w]);
    model_->model.Analyze(forms, &analyzed, &lemmas);
    for (size_t i = 0; i < spans.size(); ++i) {
      Token& t = doc.tokens[s.token_begin + i];
      const auto& a = analyzed[i];
      t.upos = model_->upos[a.tag];
      t.xpos = model_->model.tagger().xpos(a.tag);
      t.lemma = std::move(lemmas[i]);
      t.head = a.head < 0 ? -1 : int32_t(s.token_begin) + a.head;
      t.deprel = model_->deprels[a.label];
    }
    s.parsed = true;
  }
  return Status::Ok();
}

}  // namespace eventmill
