// Unlabelled English for the word clusters (`eventmill syntax clusters`, word_clusters.h): reads each
// input by its kind and hands back its sentences as lower-cased words split the treebank's way.
// Kinds: CoNLL-U (the words), WordNet's data.* files (glosses and examples), tagged text in the
// Brown corpus's "word/tag" form (the tags dropped), mail messages in RFC 822 form (the plain-text
// body, without headers, quoted lines, signatures, attachments or HTML parts; a paragraph met before,
// e.g. a mailing list's footer, is read once), and plain text (one or more sentences a line). A
// directory stands for its *.txt files in name order. Sits in src/syntax/, beside word_clusters.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "eventmill/status.h"

namespace eventmill::syntax {

enum class ClusterTextKind { kConllu, kWordNet, kTagged, kMail, kPlain };

// The kind of a file from its name and its first bytes.
ClusterTextKind DetectClusterTextKind(std::string_view filename, std::string_view head);

// "The/at jury/nn said/vbd ``/`` no/at" -> "The jury said \" no": the words of a Brown-tagged line
// (the tag after each word's last '/' dropped; `` and '' become ").
std::string UntagLine(std::string_view line);

// The paragraphs of a mail message's readable body, each joined to one line (see the file comment).
std::vector<std::string> MailParagraphs(std::string_view message);

// The lower-cased words of text, split the treebank's way.
std::vector<std::string> LowerWords(std::string_view text);

class ClusterTextReader {
 public:
  // Appends the sentences of the file (or the *.txt files of the directory) at path. A file that
  // cannot be read is an error naming it.
  Status Read(const std::string& path, std::vector<std::vector<std::string>>* sentences);

 private:
  Status ReadFile(const std::string& path, std::vector<std::vector<std::string>>* sentences);
  std::unordered_set<uint64_t> seen_mail_paragraphs_;
};

}  // namespace eventmill::syntax
