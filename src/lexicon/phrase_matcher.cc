#include "lexicon/phrase_matcher.h"

#include <memory>

#include "lexicon/lexicon_impl.h"

namespace eventmill::lexicon {

PhraseMatcher::PhraseMatcher(const Lexicon& lexicon) : lex_(&lexicon.impl()) {
  // Small words that stay lower case inside capitalised names ("Bay of Bengal", "Rio de Janeiro").
  for (const char* w : {"of", "the", "de", "la", "le", "el", "al", "and", "on", "upon", "du", "des", "von", "van", "der",
                        "di", "da", "do", "y", "en", "sur", "am", "for", "del",
                        // the Arabic article assimilated ("Deir ez-Zor", "Salah ad-Din", "Ras as Sidr")
                        "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "er", "es", "esh", "et", "ez"}) {
    particles_[n_particles_++] = TokenHash(w);
  }
}

bool PhraseMatcher::Joins(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return true;
  const Token& a = tokens[i - 1];
  const Token& b = tokens[i];
  int newlines = 0;
  bool space = false, dash = false;  // a dash between spaces ("Albany — An Albany") separates
  for (uint32_t k = a.end; k < b.begin; ++k) {
    char c = text[k];
    switch (c) {
      case ' ': case '\t':
        if (dash) return false;
        space = true;
        break;
      case '\r':
        break;
      case '-':
        if (space) return false;
        dash = true;
        break;
      case '\n':
        if (++newlines > 1) return false;
        break;
      case '.':
        // "St. Louis", "Ft. Worth": a dot after a short capitalised word.
        // In a dateline's capitals too: "ST. PAUL --", "ST. PETERSBURG, Russia (AP)".
        if (!(a.letters <= 3 && (a.flags & kUpperInitial) && !(a.flags & kAllUpper) && (b.flags & kUpperInitial)) &&
            !(a.letters == 2 && (a.flags & kAllUpper) && (b.flags & kAllUpper) && b.letters >= 3)) {
          return false;
        }
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
          if (space) return false;
          dash = true;
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

// Words recur within a text ("the", names): the slot of a word's one-word key is looked up in
// the large table once per text. Direct-mapped by the token hash.
struct PhraseMatcher::FirstCache {
  static constexpr size_t kSize = 256;
  uint64_t token[kSize] = {};
  const Slot* slot[kSize] = {};
};

PhraseMatchRef PhraseMatcher::LongestInto(std::string_view text, const std::vector<Token>& tokens, size_t i, MatchOptions options,
                                          std::vector<Posting>* postings, const std::vector<uint8_t>* joins,
                                          FirstCache* cache) const {
  PhraseMatchRef best;
  // Names start with a capital: a lower-case word can start only a lower-case entry ("police").
  if (!(tokens[i].flags & kUpperInitial) && !lex_->MayStartLowerCase(tokens[i].hash)) return best;
  const uint32_t start = static_cast<uint32_t>(postings->size());
  uint64_t h = kPhraseSeed;
  for (size_t j = i; j < tokens.size(); ++j) {
    if (j > i && options.stop_at_punctuation && !(joins ? (*joins)[j] != 0 : Joins(text, tokens, j))) break;
    h = PhraseHash(h, tokens[j].hash);
    if (h == 0) h = 1;
    const Slot* s;
    if (j == i && cache) {
      size_t ci = (tokens[j].hash >> 3) & (FirstCache::kSize - 1);
      if (cache->token[ci] == tokens[j].hash) {
        s = cache->slot[ci];
      } else {
        s = lex_->Find(h);
        cache->token[ci] = tokens[j].hash;
        cache->slot[ci] = s;
      }
    } else {
      s = lex_->Find(h);
    }
    if (!s) break;
    if (s->count) {
      // Entries of this longer phrase replace those of a shorter one found before.
      size_t at = postings->size();
      for (const Posting& p : lex_->PostingsOf(*s)) {
        if (CaseAllows(p, tokens, static_cast<uint32_t>(i))) postings->push_back(p);
      }
      size_t added = postings->size() - at;
      if (added) {
        if (at != start) {
          std::copy(postings->begin() + at, postings->end(), postings->begin() + start);
          postings->resize(start + added);
        }
        best.first = static_cast<uint32_t>(i);
        best.count = static_cast<uint32_t>(j - i + 1);
        best.post_begin = start;
        best.post_count = static_cast<uint32_t>(added);
      }
    }
    if (!s->is_prefix) break;
    // Past a possessive only into a longer name that has one ("People's Republic of China"):
    // "Kazakhstan's police" is two phrases, as no entry "Kazakhstan police" exists.
  }
  return best;
}

PhraseMatch PhraseMatcher::LongestAt(std::string_view text, const std::vector<Token>& tokens, size_t i,
                                     MatchOptions options) const {
  std::vector<Posting> postings;
  PhraseMatchRef r = LongestInto(text, tokens, i, options, &postings);
  PhraseMatch m;
  m.first = r.first;
  m.count = r.count;
  m.postings.assign(postings.begin() + r.post_begin, postings.begin() + r.post_begin + r.post_count);
  return m;
}

void PhraseMatcher::MatchInto(std::string_view text, const std::vector<Token>& tokens, std::vector<PhraseMatchRef>* matches,
                              std::vector<Posting>* postings, MatchOptions options, const std::vector<uint8_t>* joins) const {
  matches->clear();
  postings->clear();
  if (joins && joins->size() != tokens.size()) joins = nullptr;
  auto cache = std::make_unique<FirstCache>();
  // LongestInto's first test, inline: most words are lower case and start no entry.
  const bool filtered = lex_->any_case_starts.size() == kAnyCaseBits / 64;
  const uint64_t* any_case = lex_->any_case_starts.data();
  for (size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    if (filtered && !(t.flags & kUpperInitial)) {
      uint64_t bit = AnyCaseBit(t.hash);
      if (!(any_case[bit / 64] & (uint64_t{1} << (bit % 64)))) {
        ++i;
        continue;
      }
    }
    PhraseMatchRef m = LongestInto(text, tokens, i, options, postings, joins, cache.get());
    if (m.count) {
      i += m.count;
      matches->push_back(m);
    } else {
      ++i;
    }
  }
}

std::vector<PhraseMatch> PhraseMatcher::Match(std::string_view text, const std::vector<Token>& tokens,
                                              MatchOptions options) const {
  std::vector<PhraseMatchRef> refs;
  std::vector<Posting> postings;
  MatchInto(text, tokens, &refs, &postings, options);
  std::vector<PhraseMatch> out;
  out.reserve(refs.size());
  for (const auto& r : refs) {
    PhraseMatch m;
    m.first = r.first;
    m.count = r.count;
    m.postings.assign(postings.begin() + r.post_begin, postings.begin() + r.post_begin + r.post_count);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace eventmill::lexicon
