#include "code/modality_classifier.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_set>

#include "text/grammar_words.h"

namespace eventmill::code {

Result<ModalityClassifier> ModalityClassifier::Parse(std::string_view cues, std::string_view light_verbs,
                                                     const Inflector& inflector) {
  ModalityClassifier c;
  std::istringstream lv{std::string(light_verbs)};
  std::string lemma;
  while (std::getline(lv, lemma)) {
    while (!lemma.empty() && (lemma.back() == ' ' || lemma.back() == '\r')) lemma.pop_back();
    if (lemma.empty() || lemma[0] == '#') continue;
    for (auto& f : inflector.Forms(lemma)) c.light_verbs_.insert(f);
  }
  EM_ASSIGN_OR_RETURN(c.cues_, PatternSet::Parse(cues, "modality.cues", inflector, /*labelled=*/true));
  return c;
}

bool ModalityClassifier::Transparent(const std::string& w) const {
  static const auto kWords = text::grammar::GrammarWords<std::unordered_set<std::string>>(
      {text::grammar::kArticles, text::grammar::kBeForms},
      {"to", "several", "times", "again", "also", "his", "her", "their", "its", "one", "any", "anyone", "more",
       "further", "new", "large", "mass", "major", "big", "another", "have", "get", "out", "up", "all"});
  if (kWords.count(w)) return true;
  if (w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0) return true;
  if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) return true;
  return light_verbs_.count(w) > 0;
}

bool ModalityClassifier::IsFiniteAuxiliary(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {"was", "were", "is", "are", "has", "have", "had"};
  return kWords.count(w) > 0;
}

ModalityReading ModalityClassifier::Classify(const SentenceView& s, const PatternMatch& m) const {
  ModalityReading r = ReadCues(s, m);
  // A pattern's own modality ("vowing to liquidate": threatened) holds unless the act is negated
  // ("is not threatened").
  if (!m.pattern->modality.empty() && r.modality != "negated" && r.modality != "charge") {
    r.modality = m.pattern->modality;
    r.cue = "pattern";
  }
  return r;
}

ModalityReading ModalityClassifier::ReadCues(const SentenceView& s, const PatternMatch& m) const {
  ModalityReading r;
  size_t cb = s.ClauseBegin(m.first);
  constexpr size_t kReach = 3;
  // Cues are matched on the clause up to the trigger; the nearest one wins.
  std::vector<WordToken> window(s.tokens.begin() + cb, s.tokens.begin() + m.first);
  size_t best_end = 0;
  bool found = false;
  for (const PatternMatch& cue : cues_.MatchAll(window)) {
    size_t end = cue.last + 1;  // in window coordinates
    // "charged with kidnapping, false imprisonment and sexual battery", "accused of ...": what
    // follows in the clause names the charge, however long the list.
    const std::string& last_word = window[cue.last].lower;
    bool charge_list = cue.pattern->role == "charge" && (last_word == "with" || last_word == "of" || last_word == "in");
    // ... up to the clause's own verb: in "a man suspected of theft was beaten by residents" the
    // beating is told, not charged.
    for (size_t k = end; k < window.size() && charge_list; ++k) charge_list = !IsFiniteAuxiliary(window[k].lower);
    if (end + kReach < window.size() && !charge_list) continue;
    // "tried to avoid a fight": a cue governs the verb right after it, not a later one.
    bool governs = true;
    for (size_t k = end; k < window.size() && governs && !charge_list; ++k) governs = Transparent(window[k].lower);
    if (!governs) continue;
    if (!found || end > best_end || (end == best_end && cue.last - cue.first > 0)) {
      best_end = end;
      found = true;
      r.modality = cue.pattern->role;
      r.cue = cue.pattern->text;
    }
  }
  return r;
}

}  // namespace eventmill::code
