// Charset decoding: BOM, HTTP header, <meta> prescan, UTF-8 check, uchardet detection, then an
// ICU converter (ucnv), or glibc iconv for the few names a detector gives that ICU lacks.
// Labels are mapped as the WHATWG Encoding Standard does (latin1, iso-8859-1 and ascii read as
// windows-1252; shift_jis as windows-31j; gbk as gb18030; euc-kr as windows-949), so a page
// decodes as a browser would show it. Why ICU: bench/unicode_bench, docs/architecture.md "Unicode".
#include "io/charset.h"

#include <iconv.h>
#include <uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>

#include "text/utf8.h"

namespace eventmill::io {
namespace {

constexpr size_t kBinarySniffBytes = 8192;     // control-byte ratio measured over this prefix
constexpr size_t kNulSniffBytes = 1024;         // a NUL this early means binary
constexpr size_t kMetaPrescanBytes = 16384;     // <meta charset> searched in this prefix
constexpr size_t kDetectBytes = size_t{1} << 18;  // bytes given to uchardet

// WHATWG encoding labels -> encoding name. Source: https://encoding.spec.whatwg.org/#names-and-labels
// "replacement" encodings (iso-2022-kr, hz-gb-2312, ...) are left out: such a label is ignored and
// the bytes are detected instead.
const std::map<std::string_view, std::string_view>& Labels() {
  static const auto* labels = new std::map<std::string_view, std::string_view>{
      {"unicode-1-1-utf-8", "utf-8"}, {"unicode11utf8", "utf-8"}, {"unicode20utf8", "utf-8"}, {"utf-8", "utf-8"},
      {"utf8", "utf-8"}, {"x-unicode20utf8", "utf-8"},
      {"866", "ibm866"}, {"cp866", "ibm866"}, {"csibm866", "ibm866"}, {"ibm866", "ibm866"},
      {"csisolatin2", "iso-8859-2"}, {"iso-8859-2", "iso-8859-2"}, {"iso-ir-101", "iso-8859-2"},
      {"iso8859-2", "iso-8859-2"}, {"iso88592", "iso-8859-2"}, {"iso_8859-2", "iso-8859-2"},
      {"iso_8859-2:1987", "iso-8859-2"}, {"l2", "iso-8859-2"}, {"latin2", "iso-8859-2"},
      {"csisolatin3", "iso-8859-3"}, {"iso-8859-3", "iso-8859-3"}, {"iso-ir-109", "iso-8859-3"},
      {"iso8859-3", "iso-8859-3"}, {"iso88593", "iso-8859-3"}, {"iso_8859-3", "iso-8859-3"},
      {"iso_8859-3:1988", "iso-8859-3"}, {"l3", "iso-8859-3"}, {"latin3", "iso-8859-3"},
      {"csisolatin4", "iso-8859-4"}, {"iso-8859-4", "iso-8859-4"}, {"iso-ir-110", "iso-8859-4"},
      {"iso8859-4", "iso-8859-4"}, {"iso88594", "iso-8859-4"}, {"iso_8859-4", "iso-8859-4"},
      {"iso_8859-4:1988", "iso-8859-4"}, {"l4", "iso-8859-4"}, {"latin4", "iso-8859-4"},
      {"csisolatincyrillic", "iso-8859-5"}, {"cyrillic", "iso-8859-5"}, {"iso-8859-5", "iso-8859-5"},
      {"iso-ir-144", "iso-8859-5"}, {"iso8859-5", "iso-8859-5"}, {"iso88595", "iso-8859-5"},
      {"iso_8859-5", "iso-8859-5"}, {"iso_8859-5:1988", "iso-8859-5"},
      {"arabic", "iso-8859-6"}, {"asmo-708", "iso-8859-6"}, {"csiso88596e", "iso-8859-6"},
      {"csiso88596i", "iso-8859-6"}, {"csisolatinarabic", "iso-8859-6"}, {"ecma-114", "iso-8859-6"},
      {"iso-8859-6", "iso-8859-6"}, {"iso-8859-6-e", "iso-8859-6"}, {"iso-8859-6-i", "iso-8859-6"},
      {"iso-ir-127", "iso-8859-6"}, {"iso8859-6", "iso-8859-6"}, {"iso88596", "iso-8859-6"},
      {"iso_8859-6", "iso-8859-6"}, {"iso_8859-6:1987", "iso-8859-6"},
      {"csisolatingreek", "iso-8859-7"}, {"ecma-118", "iso-8859-7"}, {"elot_928", "iso-8859-7"},
      {"greek", "iso-8859-7"}, {"greek8", "iso-8859-7"}, {"iso-8859-7", "iso-8859-7"}, {"iso-ir-126", "iso-8859-7"},
      {"iso8859-7", "iso-8859-7"}, {"iso88597", "iso-8859-7"}, {"iso_8859-7", "iso-8859-7"},
      {"iso_8859-7:1987", "iso-8859-7"}, {"sun_eu_greek", "iso-8859-7"},
      {"csiso88598e", "iso-8859-8"}, {"csisolatinhebrew", "iso-8859-8"}, {"hebrew", "iso-8859-8"},
      {"iso-8859-8", "iso-8859-8"}, {"iso-8859-8-e", "iso-8859-8"}, {"iso-ir-138", "iso-8859-8"},
      {"iso8859-8", "iso-8859-8"}, {"iso88598", "iso-8859-8"}, {"iso_8859-8", "iso-8859-8"},
      {"iso_8859-8:1988", "iso-8859-8"}, {"visual", "iso-8859-8"},
      {"csiso88598i", "iso-8859-8-i"}, {"iso-8859-8-i", "iso-8859-8-i"}, {"logical", "iso-8859-8-i"},
      {"csisolatin6", "iso-8859-10"}, {"iso-8859-10", "iso-8859-10"}, {"iso-ir-157", "iso-8859-10"},
      {"iso8859-10", "iso-8859-10"}, {"iso885910", "iso-8859-10"}, {"l6", "iso-8859-10"}, {"latin6", "iso-8859-10"},
      {"iso-8859-13", "iso-8859-13"}, {"iso8859-13", "iso-8859-13"}, {"iso885913", "iso-8859-13"},
      {"iso-8859-14", "iso-8859-14"}, {"iso8859-14", "iso-8859-14"}, {"iso885914", "iso-8859-14"},
      {"csisolatin9", "iso-8859-15"}, {"iso-8859-15", "iso-8859-15"}, {"iso8859-15", "iso-8859-15"},
      {"iso885915", "iso-8859-15"}, {"iso_8859-15", "iso-8859-15"}, {"l9", "iso-8859-15"},
      {"iso-8859-16", "iso-8859-16"},
      {"cskoi8r", "koi8-r"}, {"koi", "koi8-r"}, {"koi8", "koi8-r"}, {"koi8-r", "koi8-r"}, {"koi8_r", "koi8-r"},
      {"koi8-ru", "koi8-u"}, {"koi8-u", "koi8-u"},
      {"csmacintosh", "macintosh"}, {"mac", "macintosh"}, {"macintosh", "macintosh"}, {"x-mac-roman", "macintosh"},
      {"dos-874", "windows-874"}, {"iso-8859-11", "windows-874"}, {"iso8859-11", "windows-874"},
      {"iso885911", "windows-874"}, {"tis-620", "windows-874"}, {"windows-874", "windows-874"},
      {"cp1250", "windows-1250"}, {"windows-1250", "windows-1250"}, {"x-cp1250", "windows-1250"},
      {"cp1251", "windows-1251"}, {"windows-1251", "windows-1251"}, {"x-cp1251", "windows-1251"},
      {"ansi_x3.4-1968", "windows-1252"}, {"ascii", "windows-1252"}, {"cp1252", "windows-1252"},
      {"cp819", "windows-1252"}, {"csisolatin1", "windows-1252"}, {"ibm819", "windows-1252"},
      {"iso-8859-1", "windows-1252"}, {"iso-ir-100", "windows-1252"}, {"iso8859-1", "windows-1252"},
      {"iso88591", "windows-1252"}, {"iso_8859-1", "windows-1252"}, {"iso_8859-1:1987", "windows-1252"},
      {"l1", "windows-1252"}, {"latin1", "windows-1252"}, {"us-ascii", "windows-1252"},
      {"windows-1252", "windows-1252"}, {"x-cp1252", "windows-1252"}, {"x-user-defined", "windows-1252"},
      {"cp1253", "windows-1253"}, {"windows-1253", "windows-1253"}, {"x-cp1253", "windows-1253"},
      {"cp1254", "windows-1254"}, {"csisolatin5", "windows-1254"}, {"iso-8859-9", "windows-1254"},
      {"iso-ir-148", "windows-1254"}, {"iso8859-9", "windows-1254"}, {"iso88599", "windows-1254"},
      {"iso_8859-9", "windows-1254"}, {"iso_8859-9:1989", "windows-1254"}, {"l5", "windows-1254"},
      {"latin5", "windows-1254"}, {"windows-1254", "windows-1254"}, {"x-cp1254", "windows-1254"},
      {"cp1255", "windows-1255"}, {"windows-1255", "windows-1255"}, {"x-cp1255", "windows-1255"},
      {"cp1256", "windows-1256"}, {"windows-1256", "windows-1256"}, {"x-cp1256", "windows-1256"},
      {"cp1257", "windows-1257"}, {"windows-1257", "windows-1257"}, {"x-cp1257", "windows-1257"},
      {"cp1258", "windows-1258"}, {"windows-1258", "windows-1258"}, {"x-cp1258", "windows-1258"},
      {"x-mac-cyrillic", "x-mac-cyrillic"}, {"x-mac-ukrainian", "x-mac-cyrillic"}, {"mac-cyrillic", "x-mac-cyrillic"},
      {"chinese", "gbk"}, {"csgb2312", "gbk"}, {"csiso58gb231280", "gbk"}, {"gb2312", "gbk"}, {"gb_2312", "gbk"},
      {"gb_2312-80", "gbk"}, {"gbk", "gbk"}, {"iso-ir-58", "gbk"}, {"x-gbk", "gbk"}, {"gb18030", "gb18030"},
      {"big5", "big5"}, {"big5-hkscs", "big5"}, {"cn-big5", "big5"}, {"csbig5", "big5"}, {"x-x-big5", "big5"},
      {"cseucpkdfmtjapanese", "euc-jp"}, {"euc-jp", "euc-jp"}, {"x-euc-jp", "euc-jp"},
      {"csiso2022jp", "iso-2022-jp"}, {"iso-2022-jp", "iso-2022-jp"},
      {"csshiftjis", "shift_jis"}, {"ms932", "shift_jis"}, {"ms_kanji", "shift_jis"}, {"shift-jis", "shift_jis"},
      {"shift_jis", "shift_jis"}, {"sjis", "shift_jis"}, {"windows-31j", "shift_jis"}, {"x-sjis", "shift_jis"},
      {"cseuckr", "euc-kr"}, {"csksc56011987", "euc-kr"}, {"euc-kr", "euc-kr"}, {"iso-ir-149", "euc-kr"},
      {"korean", "euc-kr"}, {"ks_c_5601-1987", "euc-kr"}, {"ks_c_5601-1989", "euc-kr"}, {"ksc5601", "euc-kr"},
      {"ksc_5601", "euc-kr"}, {"windows-949", "euc-kr"}, {"uhc", "euc-kr"},
      {"unicodefffe", "utf-16be"}, {"utf-16be", "utf-16be"},
      {"csunicode", "utf-16le"}, {"iso-10646-ucs-2", "utf-16le"}, {"ucs-2", "utf-16le"}, {"unicode", "utf-16le"},
      {"unicodefeff", "utf-16le"}, {"utf-16", "utf-16le"}, {"utf-16le", "utf-16le"},
  };
  return *labels;
}

// The glibc iconv name that decodes an encoding as WHATWG defines it.
std::string IconvName(std::string_view encoding) {
  static const std::map<std::string_view, std::string_view> kIconv = {
      {"iso-8859-8-i", "ISO-8859-8"}, {"x-mac-cyrillic", "MAC-CYRILLIC"}, {"gbk", "GB18030"},
      {"big5", "BIG5-HKSCS"}, {"shift_jis", "CP932"}, {"euc-kr", "CP949"},
  };
  if (auto it = kIconv.find(encoding); it != kIconv.end()) return std::string(it->second);
  std::string upper(encoding);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// A label -> WHATWG encoding name, or "" when the label is unknown.
std::string EncodingForLabel(std::string_view label) {
  std::string l = Lower(Trim(label));
  if (auto it = Labels().find(l); it != Labels().end()) return std::string(it->second);
  return "";
}

// "charset=" inside a Content-Type value or a <meta content="...">, as the WHATWG algorithm for
// extracting a character encoding from a meta element reads it.
std::string CharsetParameter(std::string_view s) {
  std::string lower = Lower(s);
  for (size_t i = lower.find("charset"); i != std::string::npos; i = lower.find("charset", i + 7)) {
    size_t j = i + 7;
    while (j < s.size() && IsSpace(s[j])) ++j;
    if (j >= s.size() || s[j] != '=') continue;
    ++j;
    while (j < s.size() && IsSpace(s[j])) ++j;
    if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
      size_t end = s.find(s[j], j + 1);
      if (end == std::string_view::npos) return "";
      return std::string(s.substr(j + 1, end - j - 1));
    }
    size_t end = j;
    while (end < s.size() && !IsSpace(s[end]) && s[end] != ';' && s[end] != '"' && s[end] != '\'') ++end;
    return std::string(s.substr(j, end - j));
  }
  return "";
}

// One attribute of a tag at s[*i] (WHATWG "get an attribute"); false at '>' or the end.
bool NextAttribute(std::string_view s, size_t* i, std::string* name, std::string* value) {
  size_t p = *i;
  while (p < s.size() && (IsSpace(s[p]) || s[p] == '/')) ++p;
  if (p >= s.size() || s[p] == '>') {
    *i = p;
    return false;
  }
  size_t start = p;
  while (p < s.size() && !IsSpace(s[p]) && s[p] != '=' && s[p] != '>' && !(s[p] == '/' && p > start)) ++p;
  *name = Lower(s.substr(start, p - start));
  value->clear();
  while (p < s.size() && IsSpace(s[p])) ++p;
  if (p < s.size() && s[p] == '=') {
    ++p;
    while (p < s.size() && IsSpace(s[p])) ++p;
    if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
      size_t end = s.find(s[p], p + 1);
      if (end == std::string_view::npos) end = s.size();
      *value = std::string(s.substr(p + 1, end - p - 1));
      p = std::min(end + 1, s.size());
    } else {
      size_t start_v = p;
      while (p < s.size() && !IsSpace(s[p]) && s[p] != '>') ++p;
      *value = std::string(s.substr(start_v, p - start_v));
    }
  }
  *i = p;
  return true;
}

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
  if (s.size() - std::min(at, s.size()) < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(s[at + k])) != prefix[k]) return false;
  }
  return true;
}

// The WHATWG prescan of an HTML byte stream for <meta charset> / <meta http-equiv content>.
// Returns the WHATWG encoding name or "".
std::string PrescanMeta(std::string_view s) {
  s = s.substr(0, kMetaPrescanBytes);
  size_t i = 0;
  std::string name, value;
  while (i < s.size()) {
    if (s[i] != '<') {
      size_t next = s.find('<', i);
      if (next == std::string_view::npos) break;
      i = next;
      continue;
    }
    if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (StartsWithNoCase(s, i, "<meta") && i + 5 < s.size() && (IsSpace(s[i + 5]) || s[i + 5] == '/')) {
      i += 5;
      bool got_pragma = false, need_pragma = false, have_charset = false;
      std::string charset;
      while (NextAttribute(s, &i, &name, &value)) {
        if (name == "http-equiv" && Lower(Trim(value)) == "content-type") {
          got_pragma = true;
        } else if (name == "content" && !have_charset) {
          std::string c = CharsetParameter(value);
          if (!c.empty()) {
            charset = c;
            have_charset = need_pragma = true;
          }
        } else if (name == "charset" && !have_charset) {
          charset = value;
          have_charset = true;
          need_pragma = false;
        }
      }
      if (have_charset && (!need_pragma || got_pragma)) {
        std::string encoding = EncodingForLabel(charset);
        if (encoding == "utf-16le" || encoding == "utf-16be") encoding = "utf-8";  // as WHATWG says
        if (!encoding.empty()) return encoding;
      }
      continue;
    }
    if (i + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[i + 1])) ||
                             (s[i + 1] == '/' && i + 2 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 2]))))) {
      // Another tag: step over its attributes so a '>' inside a quoted value does not end it.
      while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
      while (NextAttribute(s, &i, &name, &value)) {
      }
      ++i;
      continue;
    }
    if (s.compare(i, 2, "<!") == 0 || s.compare(i, 2, "</") == 0 || s.compare(i, 2, "<?") == 0) {
      size_t end = s.find('>', i + 2);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    ++i;
  }
  return "";
}

// <?xml version="1.0" encoding="..."?> at the very start (XHTML pages without a <meta>).
std::string XmlDeclarationEncoding(std::string_view s) {
  if (s.substr(0, 5) != "<?xml") return "";
  std::string_view decl = s.substr(0, s.find("?>"));
  size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  size_t q = decl.find_first_of("\"'", at);
  if (q == std::string_view::npos) return "";
  size_t end = decl.find(decl[q], q + 1);
  if (end == std::string_view::npos) return "";
  return EncodingForLabel(decl.substr(q + 1, end - q - 1));
}

// A known binary format by its first bytes, or nullptr.
const char* BinaryMagic(std::string_view s) {
  struct Magic {
    std::string_view bytes;
    const char* name;
  };
  static constexpr Magic kMagics[] = {
      {"%PDF-", "PDF"}, {"\x89PNG\r\n\x1a\n", "PNG"}, {"\xFF\xD8\xFF", "JPEG"}, {"GIF87a", "GIF"}, {"GIF89a", "GIF"},
      {"PK\x03\x04", "ZIP"}, {"PK\x05\x06", "ZIP"}, {"\x1F\x8B", "gzip"}, {"BZh", "bzip2"},
      {std::string_view("\xFD" "7zXZ\x00", 6), "xz"}, {"7z\xBC\xAF\x27\x1C", "7-Zip"}, {"\x28\xB5\x2F\xFD", "zstd"},
      {"\x7F" "ELF", "ELF"}, {"RIFF", "RIFF"}, {"OggS", "Ogg"}, {"ID3", "MP3"}, {"fLaC", "FLAC"},
      {"wOFF", "WOFF"}, {"wOF2", "WOFF2"}, {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE"}, {"Rar!\x1A\x07", "RAR"},
      {"\xCA\xFE\xBA\xBE", "Java class"}, {std::string_view("SQLite format 3\0", 16), "SQLite"},
      {"\x1A\x45\xDF\xA3", "Matroska"}, {std::string_view("II*\0", 4), "TIFF"}, {std::string_view("MM\0*", 4), "TIFF"},
  };
  for (const Magic& m : kMagics) {
    if (s.substr(0, m.bytes.size()) == m.bytes) return m.name;
  }
  if (s.size() >= 12 && s.substr(4, 4) == "ftyp") return "MP4";
  return nullptr;
}

// "binary content, not text" when a magic matches or the prefix has too many control bytes.
Status CheckNotBinary(std::string_view bytes, const std::string& source) {
  if (const char* kind = BinaryMagic(bytes)) {
    return Status::InvalidInput(source, std::string("binary content, not text (") + kind + ")");
  }
  std::string_view head = bytes.substr(0, kBinarySniffBytes);
  if (head.substr(0, kNulSniffBytes).find('\0') != std::string_view::npos) {
    return Status::InvalidInput(source, "binary content, not text (NUL bytes)");
  }
  size_t control = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    // Tab, LF, VT, FF, CR and ESC (ISO-2022 shifts) occur in text; other C0 bytes do not.
    if (c < 0x20 && !(c >= 0x09 && c <= 0x0D) && c != 0x1B) ++control;
  }
  if (control * 20 > head.size()) {
    return Status::InvalidInput(source, "binary content, not text (control bytes)");
  }
  return Status::Ok();
}

// Counts well-formed multi-byte UTF-8 sequences and invalid bytes.
void CountUtf8(std::string_view s, size_t* multibyte, size_t* invalid) {
  *multibyte = *invalid = 0;
  for (size_t i = 0; i < s.size();) {
    // ASCII runs, 8 bytes at a time: most of a page's bytes are markup.
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t start = i;
    uint32_t cp = text::DecodeUtf8(s, &i);
    if (cp == text::kReplacementChar && i == start + 1) {
      ++*invalid;
    } else {
      ++*multibyte;
    }
  }
}

// uchardet's guess as a WHATWG encoding (or an iconv name uchardet gave), "" when it has none.
std::string Detect(std::string_view bytes, bool is_html) {
  std::string sample;
  std::string_view input = bytes.substr(0, kDetectBytes);
  if (is_html) {
    // Markup is ASCII and dilutes the statistics: give the detector the text between tags.
    sample.reserve(input.size() / 2);
    bool in_tag = false;
    for (char c : input) {
      if (c == '<') in_tag = true;
      else if (c == '>') in_tag = false, sample.push_back(' ');
      else if (!in_tag) sample.push_back(c);
    }
    input = sample;
  }
  uchardet_t ud = uchardet_new();
  if (!ud) return "";
  uchardet_handle_data(ud, input.data(), input.size());
  uchardet_data_end(ud);
  std::string guess = Lower(uchardet_get_charset(ud));
  uchardet_delete(ud);
  if (guess.empty()) return "";
  std::string encoding = EncodingForLabel(guess);
  if (encoding == "utf-16le" && guess == "utf-16") return "";  // no BOM: not trusted
  if (!encoding.empty()) return encoding;
  return guess;  // e.g. ibm855, mac-centraleurope: iconv knows them
}

// Thread-local converters, one per charset, reused across pages.
iconv_t Converter(const std::string& iconv_name) {
  struct Cache {
    std::map<std::string, iconv_t> converters;
    ~Cache() {
      for (auto& [name, cd] : converters) iconv_close(cd);
    }
  };
  thread_local Cache cache_holder;
  auto& cache = cache_holder.converters;
  if (auto it = cache.find(iconv_name); it != cache.end()) {
    iconv(it->second, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
    return it->second;
  }
  iconv_t cd = iconv_open("UTF-8", iconv_name.c_str());
  if (cd != reinterpret_cast<iconv_t>(-1)) cache.emplace(iconv_name, cd);
  return cd;
}

void AppendReplacement(std::string* out) { out->append("\xEF\xBF\xBD"); }

// The ICU converter name that decodes an encoding as WHATWG defines it.
std::string IcuName(std::string_view encoding) {
  static const std::map<std::string_view, std::string_view> kIcu = {
      {"iso-8859-8-i", "ISO-8859-8"}, {"gbk", "gb18030"}, {"big5", "Big5-HKSCS"}, {"shift_jis", "windows-31j"},
      {"euc-kr", "windows-949"}, {"ibm866", "ibm-866"},
  };
  if (auto it = kIcu.find(encoding); it != kIcu.end()) return std::string(it->second);
  return std::string(encoding);
}

// Every byte sequence the charset does not define (illegal or unassigned) reads as one U+FFFD:
// ICU's default would give U+001A (SUB) for an unassigned byte of a single-byte charset.
void ToUnicodeReplacement(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                          UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to write
  *err = U_ZERO_ERROR;
  static const UChar kFffd = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
}

// Thread-local ICU converters, one per charset (nullptr when ICU does not know it), and the UTF-8
// target, reused across pages.
struct IcuConverters {
  std::map<std::string, UConverter*> from;
  UConverter* utf8 = nullptr;
  ~IcuConverters() {
    for (auto& [name, cnv] : from) {
      if (cnv) ucnv_close(cnv);
    }
    if (utf8) ucnv_close(utf8);
  }
};

UConverter* IcuConverter(const std::string& icu_name, UConverter** utf8) {
  thread_local IcuConverters cache;
  UErrorCode err = U_ZERO_ERROR;
  if (!cache.utf8) cache.utf8 = ucnv_open("UTF-8", &err);
  *utf8 = cache.utf8;
  if (!cache.utf8) return nullptr;
  auto [it, inserted] = cache.from.emplace(icu_name, nullptr);
  if (inserted) {
    err = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(icu_name.c_str(), &err);
    if (U_SUCCESS(err) && cnv) {
      ucnv_setToUCallBack(cnv, ToUnicodeReplacement, nullptr, nullptr, nullptr, &err);
      it->second = cnv;
    } else if (cnv) {
      ucnv_close(cnv);
    }
  }
  if (it->second) ucnv_resetToUnicode(it->second);
  return it->second;
}

// bytes in `encoding` -> UTF-8 with ICU; false when ICU does not know the encoding.
bool ConvertWithIcu(std::string_view bytes, const std::string& encoding, std::string* out) {
  UConverter* utf8 = nullptr;
  UConverter* from = IcuConverter(IcuName(encoding), &utf8);
  if (!from) return false;
  ucnv_resetFromUnicode(utf8);
  // One UTF-8 code point per input byte at most 3 bytes (U+FFFD, BMP), 4 for 4-byte sequences.
  out->assign(bytes.size() * 3 + 16, '\0');
  char* target = out->data();
  const char* source = bytes.data();
  UErrorCode err = U_ZERO_ERROR;
  ucnv_convertEx(utf8, from, &target, out->data() + out->size(), &source, bytes.data() + bytes.size(), nullptr,
                 nullptr, nullptr, nullptr, true, true, &err);
  if (U_FAILURE(err)) return false;
  out->resize(static_cast<size_t>(target - out->data()));
  return true;
}

// bytes in `encoding` -> UTF-8; invalid or incomplete sequences become U+FFFD. ICU first, glibc
// iconv for a name only it knows (uchardet's "georgian-ps", ...). False when neither knows it.
bool Convert(std::string_view bytes, const std::string& encoding, std::string* out) {
  if (ConvertWithIcu(bytes, encoding, out)) return true;
  iconv_t cd = Converter(IconvName(encoding));
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  const size_t unit = encoding.rfind("utf-16", 0) == 0 ? 2 : 1;
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 2 + 16);
  char buf[1 << 14];
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  for (;;) {
    char* o = buf;
    size_t o_left = sizeof buf;
    size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
    out->append(buf, static_cast<size_t>(o - buf));
    if (rc != static_cast<size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (errno == E2BIG) continue;
    AppendReplacement(out);
    if (errno != EILSEQ) break;  // EINVAL: an incomplete sequence at the end
    size_t skip = std::min(unit, in_left);
    in += skip;
    in_left -= skip;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  char* o = buf;  // the final shift of a stateful encoding
  size_t o_left = sizeof buf;
  iconv(cd, nullptr, nullptr, &o, &o_left);
  out->append(buf, static_cast<size_t>(o - buf));
  return true;
}

bool HasUtf16Bom(std::string_view bytes) { return bytes.substr(0, 2) == "\xFE\xFF" || bytes.substr(0, 2) == "\xFF\xFE"; }

}  // namespace

Status CheckLooksLikeText(std::string_view bytes, const std::string& source) {
  if (bytes.empty()) return Status::InvalidInput(source, "empty input");
  if (HasUtf16Bom(bytes)) return Status::Ok();
  return CheckNotBinary(bytes, source);
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view content_type, bool is_html,
                                 const std::string& source) {
  if (bytes.empty()) return Status::InvalidInput(source, "empty input");
  DecodedText result;
  bool valid_utf8 = false;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    result.charset = "utf-8";
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    bytes.remove_prefix(2);
    result.charset = "utf-16be";
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    bytes.remove_prefix(2);
    result.charset = "utf-16le";
  } else {
    EM_RETURN_IF_ERROR(CheckNotBinary(bytes, source));
    std::string declared = EncodingForLabel(CharsetParameter(content_type));
    // Without a BOM a UTF-16 label is wrong for text that passed the binary check (no NULs).
    if (declared == "utf-16le" || declared == "utf-16be") declared.clear();
    if (declared.empty() && is_html) declared = PrescanMeta(bytes);
    if (declared.empty() && is_html) declared = XmlDeclarationEncoding(bytes);
    size_t multibyte = 0, invalid = 0;
    CountUtf8(bytes, &multibyte, &invalid);
    valid_utf8 = invalid == 0;
    if (!declared.empty()) {
      // A legacy label on bytes that are valid UTF-8 with non-ASCII text is a stale server or
      // template default: such bytes are almost never valid UTF-8 by chance.
      result.charset = (invalid == 0 && multibyte > 0) ? "utf-8" : declared;
    } else if (invalid == 0 || multibyte >= 4 * invalid) {
      result.charset = "utf-8";  // ASCII, UTF-8, or UTF-8 with a few broken bytes
    } else {
      result.charset = Detect(bytes, is_html);
      if (result.charset.empty()) result.charset = "windows-1252";
    }
  }
  if (bytes.empty()) return Status::InvalidInput(source, "empty input");
  if (result.charset == "utf-8" && valid_utf8) {
    result.text.assign(bytes.data(), bytes.size());  // the common case: a copy, nothing to repair
    if (result.text.find('\0') != std::string::npos) result.text = text::RepairUtf8(bytes);
  } else if (result.charset == "utf-8" || !Convert(bytes, result.charset, &result.text)) {
    if (result.charset != "utf-8") result.charset = "utf-8";
    result.text = text::RepairUtf8(bytes);
  } else if (result.text.find('\0') != std::string::npos) {
    result.text.erase(std::remove(result.text.begin(), result.text.end(), '\0'), result.text.end());
  }
  if (result.text.compare(0, 3, "\xEF\xBB\xBF") == 0) result.text.erase(0, 3);
  return result;
}

}  // namespace eventmill::io
