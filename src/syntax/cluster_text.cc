#include "syntax/cluster_text.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "syntax/conllu.h"
#include "syntax/perceptron.h"
#include "syntax/word_splitter.h"

namespace eventmill::syntax {
namespace {

namespace fs = std::filesystem;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  return true;
}

std::string_view FirstLine(std::string_view text) { return text.substr(0, text.find('\n')); }

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "Name: value" with a header name of letters, digits and '-'.
bool IsHeaderLine(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (char c : line.substr(0, colon))
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
  return true;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(TrimRight(text.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return lines;
}

// A message's (or a MIME part's) headers, continuation lines joined, and its body.
struct MailPart {
  std::string content_type, encoding;  // lower-cased values; empty when absent
  std::string boundary;                // of a multipart content type
  std::string_view body;
};

std::string HeaderParameter(std::string_view value, std::string_view name) {
  std::string lower(value);
  for (char& c : lower) c = Lower(c);
  size_t at = lower.find(std::string(name) + "=");
  if (at == std::string::npos) return "";
  std::string_view v = value.substr(at + name.size() + 1);
  if (!v.empty() && v[0] == '"') {
    v.remove_prefix(1);
    return std::string(v.substr(0, v.find('"')));
  }
  return std::string(v.substr(0, std::min(v.find(';'), v.find(' '))));
}

MailPart SplitPart(std::string_view text) {
  MailPart part;
  size_t end = text.find("\n\n");
  if (size_t crlf = text.find("\r\n\r\n"); crlf < end) end = crlf;
  std::string_view headers = end == std::string_view::npos ? text : text.substr(0, end);
  part.body = end == std::string_view::npos ? std::string_view() : text.substr(end + 2);
  std::string current;
  auto finish = [&] {
    if (StartsWithNoCase(current, "content-type:")) {
      std::string_view v = std::string_view(current).substr(13);
      while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
      part.boundary = HeaderParameter(v, "boundary");
      std::string_view type = v.substr(0, v.find(';'));
      part.content_type.assign(TrimRight(type));
      for (char& c : part.content_type) c = Lower(c);
    } else if (StartsWithNoCase(current, "content-transfer-encoding:")) {
      std::string_view v = std::string_view(current).substr(26);
      while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
      part.encoding.assign(TrimRight(v));
      for (char& c : part.encoding) c = Lower(c);
    }
    current.clear();
  };
  for (std::string_view line : Lines(headers)) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      current += ' ';
      current += line.substr(line.find_first_not_of(" \t"));
    } else {
      finish();
      current.assign(line);
    }
  }
  finish();
  return part;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string DecodeQuotedPrintable(std::string_view body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '=') {
      out += body[i];
    } else if (i + 1 < body.size() && body[i + 1] == '\n') {
      ++i;  // soft line break
    } else if (i + 2 < body.size() && body[i + 1] == '\r' && body[i + 2] == '\n') {
      i += 2;
    } else if (i + 2 < body.size() && HexDigit(body[i + 1]) >= 0 && HexDigit(body[i + 2]) >= 0) {
      out += char(HexDigit(body[i + 1]) * 16 + HexDigit(body[i + 2]));
      i += 2;
    } else {
      out += '=';
    }
  }
  return out;
}

bool HasLetter(std::string_view line) {
  return std::any_of(line.begin(), line.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// A line of a plain-text body that is not prose: quoted, an attribution, markup, a long run with
// no space (encoded data, a long address), or no letter at all.
bool SkipBodyLine(std::string_view line) {
  std::string_view t = line.substr(std::min(line.size(), line.find_first_not_of(" \t")));
  if (t.empty() || t[0] == '>' || t[0] == '|' || !HasLetter(t)) return true;
  if (t.ends_with("wrote:") || t.ends_with("writes:")) return true;
  if (t[0] == '<' && t.find('>') != std::string_view::npos) return true;
  size_t run = 0;
  for (char c : t) {
    run = c == ' ' ? 0 : run + 1;
    if (run > 40) return true;
  }
  return false;
}

void AppendBodyParagraphs(std::string_view text, std::vector<std::string>* out) {
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) out->push_back(std::move(paragraph));
    paragraph.clear();
  };
  for (std::string_view line : Lines(text)) {
    if (line == "--" || line == "-- " || line.substr(0, 4) == "----" || line.substr(0, 4) == "____") {
      if (line.size() <= 3) break;  // the signature follows
      flush();
      continue;
    }
    if (line.empty() || SkipBodyLine(line)) {
      flush();
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line.substr(line.find_first_not_of(" \t"));
  }
  flush();
}

void AppendPartParagraphs(std::string_view text, int depth, std::vector<std::string>* out) {
  MailPart part = SplitPart(text);
  if (part.content_type.rfind("multipart/", 0) == 0) {
    if (part.boundary.empty() || depth > 3) return;
    const std::string delimiter = "--" + part.boundary;
    std::string_view body = part.body;
    size_t at = body.find(delimiter);
    while (at != std::string_view::npos) {
      size_t start = body.find('\n', at);
      if (start == std::string_view::npos) break;
      size_t next = body.find(delimiter, start);
      std::string_view inner = body.substr(start + 1, next == std::string_view::npos ? body.npos : next - start - 1);
      AppendPartParagraphs(inner, depth + 1, out);
      at = next;
    }
    return;
  }
  if (!part.content_type.empty() && part.content_type != "text/plain") return;
  if (part.encoding == "base64") return;
  if (part.encoding == "quoted-printable") {
    AppendBodyParagraphs(DecodeQuotedPrintable(part.body), out);
  } else {
    AppendBodyParagraphs(part.body, out);
  }
}

}  // namespace

ClusterTextKind DetectClusterTextKind(std::string_view filename, std::string_view head) {
  if (filename.size() > 7 && filename.substr(filename.size() - 7) == ".conllu") return ClusterTextKind::kConllu;
  if (filename.rfind("data.", 0) == 0) return ClusterTextKind::kWordNet;
  std::string_view first = FirstLine(head);
  if (first.rfind("From ", 0) == 0 || StartsWithNoCase(first, "return-path:") || StartsWithNoCase(first, "received:"))
    if (IsHeaderLine(FirstLine(head.substr(std::min(head.size(), first.size() + 1)))) || IsHeaderLine(first))
      return ClusterTextKind::kMail;
  // Tagged text: the first line with words has every word in the form word/tag.
  for (std::string_view line : Lines(head)) {
    std::istringstream words{std::string(line)};
    std::string w;
    int n = 0;
    bool tagged = true;
    while (words >> w) {
      ++n;
      size_t slash = w.rfind('/');
      if (slash == std::string::npos || slash == 0 || slash + 1 == w.size()) tagged = false;
    }
    if (n > 0) return tagged && n >= 2 ? ClusterTextKind::kTagged : ClusterTextKind::kPlain;
  }
  return ClusterTextKind::kPlain;
}

std::string UntagLine(std::string_view line) {
  std::string out;
  std::istringstream words{std::string(line)};
  std::string w;
  while (words >> w) {
    size_t slash = w.rfind('/');
    std::string word = slash == std::string::npos || slash == 0 ? w : w.substr(0, slash);
    if (word == "``" || word == "''") word = "\"";
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::vector<std::string> MailParagraphs(std::string_view message) {
  std::vector<std::string> out;
  if (message.rfind("From ", 0) == 0) message.remove_prefix(std::min(message.size(), message.find('\n') + 1));
  AppendPartParagraphs(message, 0, &out);
  return out;
}

std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<Span> spans;
  SplitWords(text, Span{0, uint32_t(text.size())}, &spans);
  std::vector<std::string> words;
  for (Span s : spans) {
    std::string w(text.substr(s.begin, s.size()));
    for (char& c : w) c = Lower(c);
    words.push_back(std::move(w));
  }
  return words;
}

Status ClusterTextReader::Read(const std::string& path, std::vector<std::vector<std::string>>* sentences) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return ReadFile(path, sentences);
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec))
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  if (ec) return Status::IoError(path, "cannot list the directory");
  std::sort(files.begin(), files.end());
  for (const auto& f : files) EM_RETURN_IF_ERROR(ReadFile(f, sentences));
  return Status::Ok();
}

Status ClusterTextReader::ReadFile(const std::string& path, std::vector<std::vector<std::string>>* sentences) {
  const std::string name = fs::path(path).filename().string();
  if (DetectClusterTextKind(name, "") == ClusterTextKind::kConllu) {
    EM_ASSIGN_OR_RETURN(std::vector<ConlluSentence> conllu, ReadConlluFile(path));
    for (const auto& s : conllu) {
      std::vector<std::string> words;
      for (const auto& w : s.words) {
        std::string lower = w.form;
        for (char& c : lower) c = Lower(c);
        words.push_back(std::move(lower));
      }
      sentences->push_back(std::move(words));
    }
    return Status::Ok();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path, "cannot open the text");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  auto add = [&](std::string_view line) {
    std::vector<std::string> words = LowerWords(line);
    if (!words.empty()) sentences->push_back(std::move(words));
  };
  switch (DetectClusterTextKind(name, std::string_view(text).substr(0, 4096))) {
    case ClusterTextKind::kMail:
      for (const std::string& p : MailParagraphs(text))
        if (seen_mail_paragraphs_.insert(HashString(p)).second) add(p);
      break;
    case ClusterTextKind::kTagged:
      for (std::string_view line : Lines(text)) add(UntagLine(line));
      break;
    case ClusterTextKind::kWordNet:
      // "offset ... | gloss; \"example\"" lines; the licence lines at the top start with a space.
      for (std::string_view line : Lines(text)) {
        size_t bar = line.find(" | ");
        if (line.empty() || line[0] == ' ' || bar == std::string_view::npos) continue;
        add(line.substr(bar + 3));
      }
      break;
    default:
      for (std::string_view line : Lines(text)) add(line);
  }
  return Status::Ok();
}

}  // namespace eventmill::syntax
