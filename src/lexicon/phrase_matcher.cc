#include "lexicon/phrase_matcher.h"

#include "lexicon/lexicon_impl.h"

namespace eventmill::lexicon {

PhraseMatcher::PhraseMatcher(const Lexicon& lexicon) : lex_(&lexicon.impl()) {
  // Small words that stay lower case inside capitalised names ("Bay of Bengal", "Rio de Janeiro").
  for (const char* w : {"of", "the", "de", "la", "le", "el", "al", "and", "on", "upon", "du", "des", "von", "van", "der",
                        "di", "da", "do", "y", "en", "sur", "am", "for", "del"}) {
    particles_[n_particles_++] = TokenHash(w);
  }
}

bool PhraseMatcher::Joins(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return true;
  const Token& a = tokens[i - 1];
  const Token& b = tokens[i];
  int newlines = 0;
  for (uint32_t k = a.end; k < b.begin; ++k) {
    char c = text[k];
    switch (c) {
      case ' ': case '\t': case '-': case '\r':
        break;
      case '\n':
        if (++newlines > 1) return false;
        break;
      case '.':
        // "St. Louis", "Ft. Worth": a dot after a short capitalised word.
        if (!(a.letters <= 3 && (a.flags & kUpperInitial) && !(a.flags & kAllUpper) && (b.flags & kUpperInitial))) return false;
        break;
      case '\'':
        // a possessive between the words: "the city's deputy mayor"
        if (k + 1 < b.begin && (text[k + 1] == 's' || text[k + 1] == 'S')) ++k;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x80) return false;
        // Non-ASCII separators: only a no-break space (C2 A0) or a dash (E2 80 90..95) join.
        if (static_cast<unsigned char>(c) == 0xC2 && k + 1 < b.begin && static_cast<unsigned char>(text[k + 1]) == 0xA0) {
          ++k;
          break;
        }
        if (static_cast<unsigned char>(c) == 0xE2 && k + 2 < b.begin && static_cast<unsigned char>(text[k + 1]) == 0x80 &&
            static_cast<unsigned char>(text[k + 2]) == 0x99) {  // ’ (and a possessive s after it)
          k += 2;
          if (k + 1 < b.begin && (text[k + 1] == 's' || text[k + 1] == 'S')) ++k;
          break;
        }
        if (static_cast<unsigned char>(c) == 0xE2 && k + 2 < b.begin && static_cast<unsigned char>(text[k + 1]) == 0x80 &&
            static_cast<unsigned char>(text[k + 2]) >= 0x90 && static_cast<unsigned char>(text[k + 2]) <= 0x95) {
          k += 2;
          break;
        }
        return false;
    }
  }
  return true;
}

bool PhraseMatcher::CaseAllows(const Posting& p, const std::vector<Token>& tokens, uint32_t first) const {
  if (!(p.flags & (kCapitalized | kAllCaps))) return true;
  for (uint32_t k = first; k < first + p.tokens && k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (!(t.flags & kHasLetter)) continue;
    if (p.flags & kAllCaps) {
      if (!(t.flags & kAllUpper)) return false;
      continue;
    }
    if (t.flags & kUpperInitial) continue;
    bool particle = false;
    for (int j = 0; j < n_particles_; ++j) particle |= particles_[j] == t.hash;
    if (!particle || k == first) return false;
  }
  return true;
}

PhraseMatch PhraseMatcher::LongestAt(std::string_view text, const std::vector<Token>& tokens, size_t i,
                                     MatchOptions options) const {
  PhraseMatch best;
  uint64_t h = kPhraseSeed;
  for (size_t j = i; j < tokens.size(); ++j) {
    if (j > i && options.stop_at_punctuation && !Joins(text, tokens, j)) break;
    h = PhraseHash(h, tokens[j].hash);
    if (h == 0) h = 1;
    const Slot* s = lex_->Find(h);
    if (!s) break;
    if (s->count) {
      std::vector<Posting> ok;
      for (const Posting& p : lex_->PostingsOf(*s)) {
        if (CaseAllows(p, tokens, static_cast<uint32_t>(i))) ok.push_back(p);
      }
      if (!ok.empty()) {
        best.first = static_cast<uint32_t>(i);
        best.count = static_cast<uint32_t>(j - i + 1);
        best.postings = std::move(ok);
      }
    }
    if (!s->is_prefix) break;
    // A phrase never continues past a possessive ("Kazakhstan's police").
    if (tokens[j].flags & kPossessive) break;
  }
  return best;
}

std::vector<PhraseMatch> PhraseMatcher::Match(std::string_view text, const std::vector<Token>& tokens,
                                              MatchOptions options) const {
  std::vector<PhraseMatch> out;
  for (size_t i = 0; i < tokens.size();) {
    PhraseMatch m = LongestAt(text, tokens, i, options);
    if (m.count) {
      i += m.count;
      out.push_back(std::move(m));
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace eventmill::lexicon
