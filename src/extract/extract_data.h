// ExtractData: the knowledge extraction reads from data/extract/ (class/id hints, boilerplate
// phrases, news agency names), loaded once and shared read-only by every thread.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::extract {

enum class HintKind : uint8_t { kNone = 0, kRemove, kNegative, kPositive, kHidden };

struct Agency {
  std::string name;                  // canonical ("AFP")
  std::vector<std::string> aliases;  // all spellings, canonical included
};

class ExtractData {
 public:
  // Reads page_hints.txt, boilerplate_phrases.txt and agencies.txt from `dir` (data/extract).
  // Fails with NotFound / InvalidInput naming the file and line.
  static Result<ExtractData> Load(const std::string& dir);
  // The built-in minimum, for tests that must not depend on data files.
  static ExtractData FromStrings(std::string_view hints, std::string_view phrases, std::string_view agencies);

  // The strongest hint among the words of a class attribute or id ("td-post-sharing-top").
  // Precedence: hidden > remove > negative/positive (these two are summed into *score).
  HintKind Classify(std::string_view class_or_id, int* score) const;

  // Whether a (whitespace-collapsed) line is a known boilerplate phrase.
  bool IsBoilerplateLine(std::string_view line) const;
  // Whether a line is a section label that closes the article ("About the author", "Kontakt:").
  bool IsEndMarker(std::string_view line) const;

  // Whether a short line (under 300 bytes) holds a phrase that marks it as furniture wherever
  // it stands in the line ("Copyright 2023 Example Corp. All rights reserved."), or all parts of a
  // phrase "A + B" ("follow + on twitter"); a part "^A" must start the line, and a phrase that
  // starts so ("^disclaimer") marks lines up to 700 bytes.
  bool HasFurniturePhrase(std::string_view line) const;

  // Whether a paragraph reads as the author's bio: two or three capitalised words (a name), the
  // verb "is"/"ist"/"was"/"est", and a role word of data ("reporter", "redakteur") soon after.
  bool IsAuthorBio(std::string_view para) const;

  // Whether a short line is a byline: a byline word of data ("By", "Von", "Par") and a name
  // ("By Jane Doe and John Roe", "von Anna Muster, dpa"), no sentence.
  bool IsByline(std::string_view line) const;

  // Whether a line holds a word of data that marks a date as a change stamp ("Updated",
  // "aktualisiert", "mis à jour"), at the start of a word; the first 300 bytes are read.
  bool MarksChange(std::string_view text) const;

  // Whether a short text holds a word of data that labels the publication date ("veröffentlicht",
  // "published on", "mise en ligne"), at the start of a word; the first 300 bytes are read.
  bool MarksPublication(std::string_view text) const;
  // Whether a date line opens with a label of one or two words and a colon that is no
  // publication label ("Termin: 21.02.2020, 19 Uhr", "Deadline: May 3"): the date of something else.
  bool LabelsAnotherDate(std::string_view line) const;

  // Whether a word or phrase of data is never an author's name ("Donnerstag", "No Author").
  bool IsNotAName(std::string_view part) const;

  // The words that open a byline, lower-cased, each with a trailing space ("by ", "von ").
  const std::vector<std::string>& byline_words() const;

  // The words that close a letter before the writer's name, lower-cased, each with a trailing
  // space ("deine ", "yours "): "Deine Mady" signs as "Mady".
  const std::vector<std::string>& signoff_words() const;

  // Whether a short line ends in a picture credit ("... Bild: dpa", "(Foto: Getty)", "Photo:
  // Reuters"): the caption of an image, not text.
  bool EndsWithCredit(std::string_view line) const;

  // Whether a line opens with a picture-credit label ("Foto: Jo Roe", "Photo : AFP"): a credit,
  // not a byline, when it stands for an author.
  bool OpensWithCredit(std::string_view line) const;

  const std::vector<Agency>& agencies() const { return agencies_; }
  // Role words of author bios, lower-cased ("reporter", "redakteur").
  const std::vector<std::string>& bio_roles() const { return bio_roles_; }

 private:
  Status AddHints(std::string_view text, const std::string& where);
  Status AddPhrases(std::string_view text, const std::string& where);
  Status AddAgencies(std::string_view text, const std::string& where);
  HintKind Lookup(std::string_view word) const;

  // Keyed by std::string, looked up by std::string_view without a copy.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {  // FNV-1a: class words are short
      uint64_t h = 14695981039346656037ull;
      for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      return static_cast<size_t>(h);
    }
  };
  std::unordered_map<std::string, HintKind, WordHash, std::equal_to<>> exact_;
  // Which (length, first byte) pairs the keys of exact_ have: most words of a page's class names
  // are no key, and this says so without hashing them. Lengths over 63 share the last row.
  uint64_t exact_shapes_[64 * 256 / 64] = {};
  static size_t ShapeOf(std::string_view w) {
    return std::min<size_t>(w.size(), 63) * 256 + static_cast<unsigned char>(w[0]);
  }
  void AddExact(const std::string& word, HintKind kind);
  // exact_.find(word), or exact_.end() at once when no key has the word's shape.
  std::unordered_map<std::string, HintKind, WordHash, std::equal_to<>>::const_iterator FindExact(
      std::string_view word) const;
  std::vector<std::pair<std::string, HintKind>> prefixes_;
  std::unordered_map<std::string, bool> phrases_;     // lower-cased exact lines
  std::vector<std::string> phrase_prefixes_;          // lower-cased, for "phrase*"
  std::unordered_map<std::string, bool> end_markers_; // lower-cased section labels
  std::vector<std::string> credit_labels_;            // lower-cased, with ':' ("foto:")
  size_t max_credit_label_ = 0;                       // the longest of them
  struct WithinPart {
    std::string text;       // lower-cased
    bool at_start = false;  // must start the line
  };
  std::vector<std::vector<WithinPart>> within_phrases_;  // each: all parts in one short line
  bool any_anchored_ = false;                            // some phrase starts with "^"
  std::vector<std::string> bio_roles_;                   // lower-cased role words of author bios
  std::vector<std::string> byline_words_;                // lower-cased, with a trailing space
  std::vector<std::string> change_words_;                // lower-cased, "change: " lines
  std::vector<std::string> published_words_;             // lower-cased, "published: " lines
  std::vector<std::string> not_names_;                   // lower-cased, "notname: " lines
  std::vector<std::string> signoff_words_;               // lower-cased, with a trailing space
  std::vector<Agency> agencies_;
};

// Lower-cases ASCII letters (other bytes unchanged).
std::string AsciiLower(std::string_view s);

}  // namespace eventmill::extract
