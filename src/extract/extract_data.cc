#include "extract/extract_data.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "extract/byte_pair_filter.h"

namespace eventmill::extract {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

template <typename F>
void ForEachLine(std::string_view text, F f) {
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    f(line, line_no);
  }
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path, "cannot read extraction data file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Words of a class token are runs of letters: "comments18-wrapper" -> comments, wrapper.
bool IsAlnum(unsigned char c) { return ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80; }

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return out;
}

Status ExtractData::AddHints(std::string_view text, const std::string& where) {
  Status status;
  ForEachLine(text, [&](std::string_view line, size_t no) {
    std::istringstream ss{std::string(line)};
    std::string kind_word, word;
    ss >> kind_word;
    HintKind kind = kind_word == "remove"     ? HintKind::kRemove
                    : kind_word == "negative" ? HintKind::kNegative
                    : kind_word == "positive" ? HintKind::kPositive
                    : kind_word == "hidden"   ? HintKind::kHidden
                                              : HintKind::kNone;
    if (kind == HintKind::kNone) {
      if (status.ok()) status = Status::InvalidInput(where + ":" + std::to_string(no), "unknown hint kind '" + kind_word + "'");
      return;
    }
    while (ss >> word) {
      word = AsciiLower(word);
      if (kind == HintKind::kHidden) {
        AddExact(word, kind);  // whole class tokens, as written
        continue;
      }
      // "author-box" / "author_box" are stored squashed, to match any spelling of the pair.
      word.erase(std::remove_if(word.begin(), word.end(), [](char c) { return c == '-' || c == '_'; }), word.end());
      if (word.size() > 1 && word.back() == '*') {
        prefixes_.emplace_back(word.substr(0, word.size() - 1), kind);
      } else {
        AddExact(word, kind);
      }
    }
  });
  return status;
}

Status ExtractData::AddPhrases(std::string_view text, const std::string&) {
  ForEachLine(text, [&](std::string_view line, size_t) {
    std::string l = AsciiLower(line);
    if (l.rfind("end: ", 0) == 0) {
      end_markers_[l.substr(5)] = true;
      return;
    }
    if (l.rfind("within: ", 0) == 0) {
      // "A + B": every part somewhere in the line; a part written "^A" starts the line.
      std::vector<WithinPart> parts;
      std::string_view rest = std::string_view(l).substr(8);
      while (!rest.empty()) {
        size_t plus = rest.find(" + ");
        std::string_view part = Trim(rest.substr(0, plus));
        rest = plus == std::string_view::npos ? std::string_view() : rest.substr(plus + 3);
        WithinPart wp;
        if (!part.empty() && part.front() == '^') {
          wp.at_start = true;
          part.remove_prefix(1);
        }
        wp.text = std::string(part);
        if (!wp.text.empty()) parts.push_back(std::move(wp));
      }
      if (!parts.empty()) {
        any_anchored_ = any_anchored_ || parts.front().at_start;
        // Anchored phrases first: one comparison each.
        if (parts.front().at_start) {
          within_phrases_.insert(within_phrases_.begin(), std::move(parts));
        } else {
          within_phrases_.push_back(std::move(parts));
        }
      }
      return;
    }
    if (l.rfind("byline: ", 0) == 0) {
      byline_words_.push_back(l.substr(8) + " ");
      return;
    }
    if (l.rfind("signoff: ", 0) == 0) {
      signoff_words_.push_back(l.substr(9) + " ");
      return;
    }
    if (l.rfind("notname: ", 0) == 0) {
      not_names_.push_back(l.substr(9));
      return;
    }
    if (l.rfind("published: ", 0) == 0) {
      published_words_.push_back(l.substr(11));
      return;
    }
    if (l.rfind("change: ", 0) == 0) {
      change_words_.push_back(l.substr(8));
      return;
    }
    if (l.rfind("role: ", 0) == 0) {
      bio_roles_.push_back(l.substr(6));
      return;
    }
    if (l.rfind("credit: ", 0) == 0) {
      credit_labels_.push_back(l.substr(8) + ":");
      max_credit_label_ = std::max(max_credit_label_, credit_labels_.back().size());
      return;
    }
    if (l.size() > 1 && l.back() == '*') {
      l.pop_back();
      while (!l.empty() && l.back() == ' ') l.pop_back();
      phrase_prefixes_.push_back(l);
    } else {
      while (l.size() > 1 && (l.back() == ':' || l.back() == ' ')) l.pop_back();
      phrases_[l] = true;
    }
  });
  return Status::Ok();
}

Status ExtractData::AddAgencies(std::string_view text, const std::string&) {
  ForEachLine(text, [&](std::string_view line, size_t) {
    Agency a;
    while (!line.empty()) {
      size_t bar = line.find('|');
      std::string_view name = Trim(line.substr(0, bar));
      line = bar == std::string_view::npos ? std::string_view() : line.substr(bar + 1);
      if (name.empty()) continue;
      if (a.name.empty()) a.name = std::string(name);
      a.aliases.emplace_back(name);
    }
    if (!a.name.empty()) agencies_.push_back(std::move(a));
  });
  return Status::Ok();
}

Result<ExtractData> ExtractData::Load(const std::string& dir) {
  ExtractData data;
  const std::string hints = dir + "/page_hints.txt", phrases = dir + "/boilerplate_phrases.txt",
                    agencies = dir + "/agencies.txt";
  EM_ASSIGN_OR_RETURN(std::string h, ReadFile(hints));
  EM_ASSIGN_OR_RETURN(std::string p, ReadFile(phrases));
  EM_ASSIGN_OR_RETURN(std::string a, ReadFile(agencies));
  EM_RETURN_IF_ERROR(data.AddHints(h, hints));
  EM_RETURN_IF_ERROR(data.AddPhrases(p, phrases));
  EM_RETURN_IF_ERROR(data.AddAgencies(a, agencies));
  return data;
}

ExtractData ExtractData::FromStrings(std::string_view hints, std::string_view phrases, std::string_view agencies) {
  ExtractData data;
  (void)data.AddHints(hints, "hints");
  (void)data.AddPhrases(phrases, "phrases");
  (void)data.AddAgencies(agencies, "agencies");
  return data;
}

void ExtractData::AddExact(const std::string& word, HintKind kind) {
  exact_[word] = kind;
  if (word.empty()) return;
  const size_t shape = ShapeOf(word);
  exact_shapes_[shape / 64] |= uint64_t{1} << (shape % 64);
}

std::unordered_map<std::string, HintKind, ExtractData::WordHash, std::equal_to<>>::const_iterator
ExtractData::FindExact(std::string_view word) const {
  if (word.empty()) return exact_.find(word);
  const size_t shape = ShapeOf(word);
  if (!((exact_shapes_[shape / 64] >> (shape % 64)) & 1)) return exact_.end();
  return exact_.find(word);
}

HintKind ExtractData::Lookup(std::string_view word) const {
  auto it = FindExact(word);
  if (it != exact_.end()) return it->second;
  for (const auto& [prefix, kind] : prefixes_) {
    if (word.size() < prefix.size() || word[0] != prefix[0]) continue;
    if (word.compare(0, prefix.size(), prefix) == 0) return kind;
  }
  return HintKind::kNone;
}

HintKind ExtractData::Classify(std::string_view value, int* score) const {
  if (value.empty()) return HintKind::kNone;
  // Words of camelCase names are words too ("feedbackBox", "commentInfo_Notice"): a '-' goes
  // where a lower-case letter meets an upper-case one.
  // Reused buffers: this runs for the class and id of every element of a page.
  thread_local std::string lower, pair;
  lower.clear();
  for (size_t c = 0; c < value.size(); ++c) {
    const char ch = value[c];
    if (ch >= 'A' && ch <= 'Z') {
      if (c > 0 && value[c - 1] >= 'a' && value[c - 1] <= 'z') lower.push_back('-');
      lower.push_back(static_cast<char>(ch + 32));
    } else {
      lower.push_back(ch);
    }
  }
  bool hidden = false, remove = false;
  int s = 0;
  auto note = [&](HintKind k) {
    switch (k) {
      case HintKind::kHidden: hidden = true; break;
      case HintKind::kRemove: remove = true; break;
      case HintKind::kNegative: s -= 1; break;
      case HintKind::kPositive: s += 1; break;
      default: break;
    }
  };
  size_t i = 0;
  const size_t n = lower.size();
  while (i < n) {
    while (i < n && (lower[i] == ' ' || lower[i] == '\t' || lower[i] == '\n')) ++i;
    size_t tb = i;
    while (i < n && !(lower[i] == ' ' || lower[i] == '\t' || lower[i] == '\n')) ++i;
    std::string_view token(lower.data() + tb, i - tb);
    if (token.empty()) continue;
    {
      auto it = FindExact(token);
      if (it != exact_.end() && it->second == HintKind::kHidden) {
        note(it->second);
        continue;
      }
    }
    // Two-word hints ("author-box") against each pair of neighbouring words ("td-author-box-wrap").
    std::string_view prev_word;  // into `lower`, which does not change in this loop
    size_t j = 0;
    while (j < token.size()) {
      while (j < token.size() && !IsAlnum(token[j])) ++j;
      size_t wb = j;
      while (j < token.size() && IsAlnum(token[j])) ++j;
      // Hidden hints name whole class tokens only ("hidden", not "fusion-header-hidden").
      if (j > wb) {
        std::string_view word = token.substr(wb, j - wb);
        // "has-ads", "no-sidebar", "with-comments" describe what an element contains or lacks,
        // not what it is.
        if (prev_word == "has" || prev_word == "no" || prev_word == "with" || prev_word == "without" ||
            prev_word == "show" || prev_word == "hide") {
          prev_word = {};
          continue;
        }
        HintKind k = Lookup(word);
        if (k != HintKind::kNone) {
          // "caption-style", "share-position": the word names how the element looks, not what it is.
          size_t next = j;
          while (next < token.size() && !IsAlnum(token[next])) ++next;
          size_t next_end = next;
          while (next_end < token.size() && IsAlnum(token[next_end])) ++next_end;
          const std::string_view next_word = token.substr(next, next_end - next);
          if (next_word == "style" || next_word == "styles" || next_word == "position" || next_word == "color")
            k = HintKind::kNone;
        }
        if (k != HintKind::kHidden) note(k);
        if (!prev_word.empty()) {
          // The pair's shape is known before it is put together.
          const size_t shape = std::min<size_t>(prev_word.size() + word.size(), 63) * 256 +
                               static_cast<unsigned char>(prev_word[0]);
          if ((exact_shapes_[shape / 64] >> (shape % 64)) & 1) {
            pair.assign(prev_word);
            pair.append(word);
            auto it = exact_.find(std::string_view(pair));
            if (it != exact_.end() && it->second != HintKind::kHidden) note(it->second);
          }
        }
        prev_word = word;
      }
    }
  }
  if (score) *score = s;
  if (hidden) return HintKind::kHidden;
  if (remove) return HintKind::kRemove;
  if (s < 0) return HintKind::kNegative;
  if (s > 0) return HintKind::kPositive;
  return HintKind::kNone;
}

bool ExtractData::IsEndMarker(std::string_view line) const {
  if (line.size() > 60) return false;
  std::string l = AsciiLower(line);
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  return end_markers_.count(l) > 0;
}

bool ExtractData::IsBoilerplateLine(std::string_view line) const {
  if (line.size() > 200) return false;
  std::string l = AsciiLower(line);
  while (l.size() > 1 && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  if (phrases_.count(l)) return true;
  for (const std::string& p : phrase_prefixes_)
    if (l.size() >= p.size() && l.compare(0, p.size(), p) == 0) return true;
  return false;
}

bool ExtractData::HasFurniturePhrase(std::string_view line) const {
  if (line.size() >= 700 || within_phrases_.empty()) return false;
  // A phrase anchored at the start of the line is strong enough for a paragraph-long notice
  // ("Disclaimer: ..."); others mark short lines only.
  const bool is_short = line.size() < 300;
  if (!is_short && !any_anchored_) return false;
  thread_local std::string l;  // the line lower-cased, reused (this runs for every paragraph)
  l.assign(is_short ? line : line.substr(0, 300));
  for (char& c : l)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  // Most phrases have a part that is not in the line: ruled out without a search.
  thread_local BytePairFilter pairs;
  pairs.Reset(l);
  size_t lead = 0;  // where the line's first word starts, past quotes and brackets
  while (lead < l.size() && std::string_view(" \"'([*").find(l[lead]) != std::string_view::npos) ++lead;
  for (const std::vector<WithinPart>& parts : within_phrases_) {
    if (!is_short && !parts.front().at_start) continue;
    bool all = true;
    for (const WithinPart& part : parts) {
      const bool found = part.at_start ? lead < l.size() && l[lead] == part.text[0] &&
                                             l.compare(lead, part.text.size(), part.text) == 0
                                       : pairs.MayContain(part.text) && l.find(part.text) != std::string::npos;
      if (!found) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

bool ExtractData::IsAuthorBio(std::string_view para) const {
  if (para.size() < 30 || para.size() > 600 || bio_roles_.empty()) return false;
  // "Name Surname is a senior writer ...", "Jane Doe ist Redakteurin ...": two or three
  // capitalised words, then the verb, within the first few words.
  size_t caps = 0;
  std::string_view rest = para;
  while (caps < 4) {
    size_t sp = rest.find(' ');
    if (sp == std::string_view::npos) return false;
    std::string_view word = rest.substr(0, sp);
    rest.remove_prefix(sp + 1);
    const unsigned char c = word.empty() ? 0 : static_cast<unsigned char>(word.front());
    std::string w = AsciiLower(word);
    if (caps >= 2 && (w == "is" || w == "ist" || w == "was" || w == "war" || w == "est" || w == "es")) break;
    if (!((c >= 'A' && c <= 'Z') || c >= 0xC0)) return false;
    ++caps;
  }
  if (caps < 2 || caps >= 4) return false;
  const std::string l = AsciiLower(rest.substr(0, std::min<size_t>(rest.size(), 160)));
  for (const std::string& role : bio_roles_)
    if (l.find(role) != std::string::npos) return true;
  return false;
}

namespace {

// Whether one of `words` (lower-cased) stands in the first 300 bytes of `text` at a word's start.
bool HasWordAtStart(std::string_view text, const std::vector<std::string>& words) {
  if (words.empty()) return false;
  if (text.size() > 300) text = text.substr(0, 300);
  thread_local std::string l;  // lower-cased text, reused: called for many short texts of a page
  l.assign(text);
  for (char& c : l)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 32);
  thread_local BytePairFilter pairs;  // rules out most words without a search
  pairs.Reset(l);
  for (const std::string& w : words) {
    if (!pairs.MayContain(w)) continue;
    for (size_t p = l.find(w); p != std::string::npos; p = l.find(w, p + 1)) {
      const unsigned char before = p == 0 ? ' ' : static_cast<unsigned char>(l[p - 1]);
      if (!std::isalnum(before) && before < 0x80) return true;  // at the start of a word
    }
  }
  return false;
}

}  // namespace

bool ExtractData::MarksPublication(std::string_view text) const { return HasWordAtStart(text, published_words_); }

bool ExtractData::LabelsAnotherDate(std::string_view line) const {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 24) return false;
  int spaces = 0;
  for (char c : line.substr(0, colon)) {
    if (c >= '0' && c <= '9') return false;  // "19:08 Uhr": a time, not a label
    spaces += c == ' ';
  }
  return spaces <= 1 && !MarksPublication(line) && !IsByline(line);
}

bool ExtractData::MarksChange(std::string_view text) const {
  if (text.size() > 300) text = text.substr(0, 300);
  const std::string l = AsciiLower(text);
  for (const std::string& w : change_words_) {
    for (size_t p = l.find(w); p != std::string::npos; p = l.find(w, p + 1)) {
      const unsigned char before = p == 0 ? ' ' : static_cast<unsigned char>(l[p - 1]);
      if (!std::isalnum(before) && before < 0x80) return true;  // at the start of a word
    }
  }
  return false;
}

bool ExtractData::IsNotAName(std::string_view part) const {
  const std::string l = AsciiLower(part);
  return std::find(not_names_.begin(), not_names_.end(), l) != not_names_.end();
}

const std::vector<std::string>& ExtractData::byline_words() const { return byline_words_; }
const std::vector<std::string>& ExtractData::signoff_words() const { return signoff_words_; }

bool ExtractData::IsByline(std::string_view line) const {
  if (line.size() > 120 || byline_words_.empty()) return false;
  const std::string l = AsciiLower(line);
  for (const std::string& w : byline_words_) {
    if (l.size() <= w.size() + 2 || l.compare(0, w.size(), w) != 0) continue;
    // A name follows: a capital letter (or a letter of another script), and no sentence.
    const unsigned char c = static_cast<unsigned char>(line[w.size()]);
    if (!((c >= 'A' && c <= 'Z') || c >= 0xC0)) continue;
    if (std::count(line.begin(), line.end(), ' ') > 12) continue;
    const char last = line.back();
    if (last == '!' || last == '?' || last == ':') continue;
    if (line.find(". ") != std::string_view::npos && line.find(". ") + 4 < line.size() &&
        std::count(line.begin(), line.end(), ' ') > 8)
      continue;
    return true;
  }
  return false;
}

bool ExtractData::OpensWithCredit(std::string_view line) const {
  while (!line.empty() && (line.front() == ' ' || line.front() == '(' || line.front() == '['))
    line.remove_prefix(1);
  std::string head = AsciiLower(line.substr(0, std::min(line.size(), max_credit_label_ + 2)));
  for (size_t c = head.find(" :"); c != std::string::npos; c = head.find(" :", c)) head.erase(c, 1);
  for (const std::string& label : credit_labels_)
    if (head.compare(0, label.size(), label) == 0) return true;
  return false;
}

bool ExtractData::EndsWithCredit(std::string_view line) const {
  if (line.size() > 500 || credit_labels_.empty()) return false;
  // A caption of several sentences may be longer than a line: then its credit follows a full stop
  // ("... printed at twice the speed. Photo: Jane Roe").
  const bool long_caption = line.size() > 250;
  // The credit ends the line: at most 60 bytes of name after the label, so only the line's tail
  // is searched (with room for the label, brackets and spaces before and after). Every label ends
  // in ':', so the search goes from each colon of the tail, the last first; a label counts at its
  // last place in the line only.
  const size_t window = std::min(line.size(), max_credit_label_ + 72);
  const size_t offset = line.size() - window;
  std::string tail = AsciiLower(line.substr(offset));
  // French typography puts a space before the colon ("Crédit photo : AFP").
  for (size_t c = tail.find(" :"); c != std::string::npos; c = tail.find(" :", c)) tail.erase(c, 1);
  const std::string_view l = tail;
  uint64_t seen = 0;  // labels met at a later colon (the first 64)
  for (size_t colon = l.rfind(':'); colon != std::string_view::npos; colon = colon ? l.rfind(':', colon - 1) : std::string_view::npos) {
    for (size_t k = 0; k < credit_labels_.size(); ++k) {
      const std::string& label = credit_labels_[k];
      if (label.size() > colon + 1) continue;
      const size_t pos = colon + 1 - label.size();
      if (l.compare(pos, label.size(), label) != 0) continue;
      const uint64_t bit = k < 64 ? uint64_t{1} << k : 0;
      if (seen & bit) continue;
      seen |= bit;
      // A whole word: at the start or after a space, '(', '[', '|' or '/'.
      if (pos + offset > 0) {
        const char before = pos > 0 ? l[pos - 1] : line[offset - 1];
        if (std::string_view(" ([|/").find(before) == std::string_view::npos) continue;
      }
      if (long_caption) {
        size_t b = pos;
        while (b > 0 && (l[b - 1] == ' ' || l[b - 1] == '(' || l[b - 1] == '[')) --b;
        if (b == 0 || l[b - 1] != '.') continue;
      }
      // The credit is the end of the line: a name or two, no further sentence.
      std::string_view rest = l.substr(pos + label.size());
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == ')' || rest.back() == ']')) rest.remove_suffix(1);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      if (rest.empty() || rest.size() > 60 || rest.find(". ") != std::string_view::npos) continue;
      return true;
    }
  }
  return false;
}

}  // namespace eventmill::extract
