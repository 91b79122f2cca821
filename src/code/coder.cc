// Coder: the front door of the code stage. Create loads what the coder knows (CoderData:
// patterns, cues, the codebook and its mappings, recodes); Code runs the coder's named passes
// over the article (src/code/passes/passes.h lists them in order): triggers, filters, modality,
// frames, recodes, places, dates, counts, merging, confidence.
#include "eventmill/code.h"

#include <algorithm>

#include "code/match_memo.h"
#include "code/passes/passes.h"
#include "code/word_tokens.h"

namespace eventmill {

struct Coder::Impl {
  std::unique_ptr<code::CoderData> data;
};

Coder::Coder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Coder::~Coder() = default;
Coder::Coder(Coder&&) noexcept = default;
Coder& Coder::operator=(Coder&&) noexcept = default;

Result<Coder> Coder::Create(const Lexicon& lexicon, CodeOptions options) {
  auto impl = std::make_unique<Impl>();
  std::string data_dir = options.data_dir.empty() ? lexicon.data_dir() : options.data_dir;
  DataFiles patterns(options.patterns_dir.empty() ? data_dir + "/patterns" : options.patterns_dir);
  DataFiles mappings(options.mappings_dir.empty() ? data_dir + "/mappings" : options.mappings_dir);
  EM_ASSIGN_OR_RETURN(impl->data, code::CoderData::Load(lexicon, patterns, mappings));
  return Coder(std::move(impl));
}

bool Coder::MayCode(const Document& doc, const Sentence& s) const {
  const code::PatternSet& patterns = impl_->data->patterns;
  std::vector<std::string_view> words;
  for (uint32_t t = s.token_begin; t < s.token_end && t < doc.tokens.size(); ++t) words.push_back(doc[doc.tokens[t].span]);
  if (!patterns.MayMatch(words)) return false;  // cheap: no pattern has all its words here
  // The trigger pass's own match (the coder reads doc.sentences, so the same words): a sentence
  // whose every pattern fails on word order, or is blocked by a stop phrase, codes nothing.
  // The matches are kept for the trigger pass (code::MatchMemo), which would find the same.
  std::vector<code::WordToken> tokens = code::SentenceWords(doc, s);
  std::vector<code::PatternMatch> matches = patterns.Match(tokens);
  bool fires = std::any_of(matches.begin(), matches.end(), [](const code::PatternMatch& m) { return m.pattern->cameo != "-"; });
  code::MatchMemo::Keep(patterns, std::move(tokens), std::move(matches));
  return fires;
}

Status Coder::Code(Document& doc) const {
  code::RunPasses(*impl_->data, doc);
  return Status::Ok();
}

}  // namespace eventmill
