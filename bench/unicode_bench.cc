// Hand-written Unicode code against ICU, on the same input (issue 11): each section times both
// on the dev-set pages and articles and counts where their answers differ. The figures decide
// which one the engine uses (docs/architecture.md, "Unicode"):
//   1. charset conversion: glibc iconv vs ICU ucnv, legacy charsets pages declare;
//   2. case folding for word comparison: lexicon::NormalizeToken vs ICU case folding + NFKD;
//   3. the tokenizer's code-point classes (hand ranges; ICU's upper case beyond Latin-1) vs
//      u_isalpha / u_isupper for every code point;
//   4. sentence boundaries: text::SplitSentences vs ICU's BreakIterator (alone and with the
//      project's abbreviation list).
// Not a Google Benchmark binary: it prints one table. Skips (exit 77) without ../shared.
// Run: build/bench/unicode_bench [--benchmark_min_time=...: quick run, as the bench.* test does]
#include <iconv.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/data_files.h"
#include "io/charset.h"
#include "lexicon/tokens.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace {

namespace fs = std::filesystem;
using eventmill::Span;
using Clock = std::chrono::steady_clock;

constexpr char kPagesDir[] = "../shared/devsets/extraction/trafilatura/pages";
constexpr char kArticles[] = "../shared/devsets/geo/articles.jsonl";

double Seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Runs f `reps` times and returns the best time in seconds.
template <typename F>
double Best(int reps, F f) {
  double best = 1e9;
  for (int r = 0; r < reps; ++r) {
    auto t0 = Clock::now();
    f();
    best = std::min(best, Seconds(t0));
  }
  return best;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ---------------------------------------------------------------- 1. charset conversion

// glibc iconv, as io/charset.cc used it before ICU: invalid bytes -> U+FFFD, skip one byte.
std::string IconvDecode(std::string_view bytes, const char* charset) {
  iconv_t cd = iconv_open("UTF-8", charset);
  if (cd == reinterpret_cast<iconv_t>(-1)) return "<no iconv converter>";
  std::string out;
  out.reserve(bytes.size() * 2);
  char buf[1 << 14];
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  for (;;) {
    char* o = buf;
    size_t o_left = sizeof buf;
    size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(buf, static_cast<size_t>(o - buf));
    if (rc != static_cast<size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (errno == E2BIG) continue;
    out.append("\xEF\xBF\xBD");
    if (errno != EILSEQ) break;
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  iconv_close(cd);
  return out;
}

std::string IcuDecode(std::string_view bytes, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* from = ucnv_open(charset, &err);
  if (U_FAILURE(err)) return "<no ICU converter>";
  UConverter* to = ucnv_open("UTF-8", &err);
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, bytes.data() + bytes.size(), nullptr,
                 nullptr, nullptr, nullptr, true, true, &err);
  out.resize(static_cast<size_t>(target - out.data()));
  ucnv_close(from);
  ucnv_close(to);
  return U_SUCCESS(err) ? out : "<ICU error>";
}

std::string IcuEncode(std::string_view utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  UConverter* cnv = ucnv_open(charset, &err);
  if (U_FAILURE(err)) return "";
  ucnv_setSubstChars(cnv, "?", 1, &err);
  std::string out(static_cast<size_t>(u.length()) * 4 + 16, '\0');
  int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(), u.length(), &err);
  ucnv_close(cnv);
  out.resize(U_SUCCESS(err) ? static_cast<size_t>(n) : 0);
  return out;
}

// A charset, the name each library opens it by, and a sentence of ours in its script.
struct Legacy {
  const char* whatwg;
  const char* iconv;
  const char* icu;
  const char* sample;
};

constexpr Legacy kLegacy[] = {
    {"windows-1250", "WINDOWS-1250", "windows-1250", "Demonstranci zebrali się przed budynkiem sądu w Łodzi i Brně."},
    {"iso-8859-2", "ISO-8859-2", "ISO-8859-2", "Demonstranci zebrali się przed budynkiem sądu w Łodzi i Brně."},
    {"windows-1251", "WINDOWS-1251", "windows-1251", "Протестующие собрались у здания суда в столице в четверг."},
    {"koi8-r", "KOI8-R", "KOI8-R", "Протестующие собрались у здания суда в столице в четверг."},
    {"koi8-u", "KOI8-U", "KOI8-U", "Протестувальники зібралися біля будівлі суду в Києві."},
    {"iso-8859-5", "ISO-8859-5", "ISO-8859-5", "Протестующие собрались у здания суда в столице в четверг."},
    {"ibm866", "IBM866", "ibm-866", "Протестующие собрались у здания суда в столице в четверг."},
    {"windows-1252", "WINDOWS-1252", "windows-1252", "Les manifestants se sont réunis devant l’hôtel de ville – “calmement”…"},
    {"iso-8859-15", "ISO-8859-15", "ISO-8859-15", "Les manifestants ont payé 50 € devant l'hôtel de ville à Besançon."},
    {"windows-1253", "WINDOWS-1253", "windows-1253", "Διαδηλωτές συγκεντρώθηκαν έξω από το δικαστήριο την Πέμπτη."},
    {"iso-8859-7", "ISO-8859-7", "ISO-8859-7", "Διαδηλωτές συγκεντρώθηκαν έξω από το δικαστήριο την Πέμπτη."},
    {"windows-1254", "WINDOWS-1254", "windows-1254", "Göstericiler perşembe günü İstanbul'da adliye önünde toplandı."},
    {"windows-1255", "WINDOWS-1255", "windows-1255", "מפגינים התאספו מול בית המשפט ביום חמישי."},
    {"windows-1256", "WINDOWS-1256", "windows-1256", "تجمع المتظاهرون أمام مبنى المحكمة يوم الخميس."},
    {"iso-8859-6", "ISO-8859-6", "ISO-8859-6", "تجمع المتظاهرون أمام مبنى المحكمة يوم الخميس."},
    {"windows-1257", "WINDOWS-1257", "windows-1257", "Protestētāji pulcējās pie tiesas ēkas Rīgā ceturtdien."},
    {"windows-874", "WINDOWS-874", "windows-874", "ผู้ประท้วงรวมตัวกันหน้าศาลเมื่อวันพฤหัสบดี"},
    {"macintosh", "MACINTOSH", "macintosh", "Les manifestants se sont réunis devant l'hôtel de ville."},
    {"shift_jis", "CP932", "windows-31j", "抗議者たちは木曜日、首都の裁判所の前に集まった。"},
    {"euc-jp", "EUC-JP", "EUC-JP", "抗議者たちは木曜日、首都の裁判所の前に集まった。"},
    {"iso-2022-jp", "ISO-2022-JP", "ISO-2022-JP", "抗議者たちは木曜日、首都の裁判所の前に集まった。"},
    {"gb18030", "GB18030", "gb18030", "抗议者周四聚集在首都的法院前。"},
    {"big5", "BIG5-HKSCS", "Big5-HKSCS", "抗議者週四聚集在首都的法院前。"},
    {"euc-kr", "CP949", "windows-949", "시위대가 목요일 수도의 법원 앞에 모였다."},
};

void CharsetSection(const std::vector<std::string>& texts, int reps) {
  std::printf("\n1. charset conversion (legacy bytes -> UTF-8), extraction pages re-encoded + a sentence of ours\n");
  std::printf("%-14s %8s %10s %10s %8s %14s %12s\n", "charset", "MB", "iconv MB/s", "ICU MB/s", "ICU/ic",
              "differ (cps)", "sample ok i/u");
  double total_iconv = 0, total_icu = 0, total_mb = 0;
  for (const Legacy& cs : kLegacy) {
    std::vector<std::string> pages;
    size_t bytes = 0;
    for (const std::string& t : texts) {
      std::string doc = t;
      for (int k = 0; k < 20; ++k) doc += "\n<p>" + std::string(cs.sample) + "</p>";
      pages.push_back(IcuEncode(doc, cs.icu));
      bytes += pages.back().size();
    }
    double t_iconv = Best(reps, [&] {
      for (const auto& p : pages) {
        std::string s = IconvDecode(p, cs.iconv);
        if (s.empty()) std::abort();
      }
    });
    double t_icu = Best(reps, [&] {
      for (const auto& p : pages) {
        std::string s = IcuDecode(p, cs.icu);
        if (s.empty()) std::abort();
      }
    });
    size_t differ = 0, sample_iconv = 0, sample_icu = 0;
    std::string first_difference;
    for (const auto& p : pages) {
      std::string a = IconvDecode(p, cs.iconv), b = IcuDecode(p, cs.icu);
      if (a.find(cs.sample) != std::string::npos) ++sample_iconv;
      if (b.find(cs.sample) != std::string::npos) ++sample_icu;
      if (a != b) {
        size_t i = 0, j = 0;
        while (i < a.size() && j < b.size()) {
          uint32_t x = eventmill::text::DecodeUtf8(a, &i), y = eventmill::text::DecodeUtf8(b, &j);
          if (x == y) continue;
          ++differ;
          if (first_difference.empty()) {
            char one[64];
            std::snprintf(one, sizeof one, "  first: iconv U+%04X, ICU U+%04X", x, y);
            first_difference = one;
          }
        }
      }
    }
    double mb = static_cast<double>(bytes) / 1e6;
    total_mb += mb, total_iconv += t_iconv, total_icu += t_icu;
    std::printf("%-14s %8.2f %10.0f %10.0f %8.2f %14zu %6zu/%zu%s\n", cs.whatwg, mb, mb / t_iconv, mb / t_icu,
                t_iconv / t_icu, differ, sample_iconv, sample_icu, first_difference.c_str());
  }
  std::printf("%-14s %8.2f %10.0f %10.0f %8.2f\n", "all", total_mb, total_mb / total_iconv, total_mb / total_icu,
              total_iconv / total_icu);

  // Every high byte alone, in each single-byte charset: where the two libraries disagree.
  std::printf("single bytes 0x80-0xFF where iconv and ICU disagree (iconv -> ICU):\n");
  for (const Legacy& cs : kLegacy) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* c = ucnv_open(cs.icu, &err);
    bool sbcs = U_SUCCESS(err) && ucnv_getMaxCharSize(c) == 1;
    if (c) ucnv_close(c);
    if (!sbcs) continue;
    std::string diffs;
    int n = 0;
    for (int b = 0x80; b <= 0xFF; ++b) {
      std::string byte(1, static_cast<char>(b));
      std::string x = IconvDecode(byte, cs.iconv), y = IcuDecode(byte, cs.icu);
      if (x == y) continue;
      size_t i = 0, j = 0;
      char one[48];
      std::snprintf(one, sizeof one, " %02X:%04X->%04X", b, x.empty() ? 0 : eventmill::text::DecodeUtf8(x, &i),
                    y.empty() ? 0 : eventmill::text::DecodeUtf8(y, &j));
      if (++n <= 6) diffs += one;
    }
    if (n) std::printf("  %-14s %3d bytes:%s%s\n", cs.whatwg, n, diffs.c_str(), n > 6 ? " ..." : "");
  }

  // Names a detector or a page may give that only one library opens.
  const char* kNames[] = {"ibm855", "mac-centraleurope", "iso-8859-16", "tis-620", "euc-tw", "viscii",
                          "georgian-ps", "windows-1258", "x-mac-cyrillic", "iso-8859-10", "iso-8859-13",
                          "iso-8859-14", "iso-8859-8", "hz-gb-2312", "iso-2022-kr", "iso-2022-cn", "cp949",
                          "gbk", "big5", "euc-kr", "iso-8859-11", "koi8-ru", "x-user-defined"};
  std::string only_iconv, only_icu;
  for (const char* name : kNames) {
    iconv_t cd = iconv_open("UTF-8", name);
    bool has_iconv = cd != reinterpret_cast<iconv_t>(-1);
    if (has_iconv) iconv_close(cd);
    UErrorCode err = U_ZERO_ERROR;
    UConverter* c = ucnv_open(name, &err);
    bool has_icu = U_SUCCESS(err);
    if (c) ucnv_close(c);
    if (has_iconv && !has_icu) only_iconv += std::string(" ") + name;
    if (has_icu && !has_iconv) only_icu += std::string(" ") + name;
  }
  std::printf("labels only iconv opens:%s\nlabels only ICU opens:%s\n", only_iconv.c_str(), only_icu.c_str());

  // The engine's own path (io::DecodeToUtf8, a declared charset) on the same pages, for the record.
  std::vector<std::string> cyr;
  size_t cyr_bytes = 0;
  for (const std::string& t : texts) {
    cyr.push_back(IcuEncode(t + "<p>" + kLegacy[2].sample + "</p>", "windows-1251"));
    cyr_bytes += cyr.back().size();
  }
  double t_engine = Best(reps, [&] {
    for (const auto& p : cyr) {
      auto r = eventmill::io::DecodeToUtf8(p, "text/html; charset=windows-1251", true, "bench");
      if (!r.ok()) std::abort();
    }
  });
  std::printf("io::DecodeToUtf8, windows-1251 declared: %.0f MB/s\n", static_cast<double>(cyr_bytes) / 1e6 / t_engine);
}

// ---------------------------------------------------------------- 2. case folding

// ICU's answer to "which words are the same": full case folding, then NFKD without the combining
// marks (so "Zürich" = "zurich", "ﬁre" = "fire", "２０" = "20"), keeping what NormalizeToken keeps.
std::string IcuFold(std::string_view token) {
  static const icu::Normalizer2* nfkd = [] {
    UErrorCode err = U_ZERO_ERROR;
    return icu::Normalizer2::getNFKDInstance(err);
  }();
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(token);
  u.foldCase();
  icu::UnicodeString d = nfkd->normalize(u, err);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) continue;
    if (u_isalnum(c)) kept.append(c);
    else if (c == '.' || c == '\'' || c == 0x2019) kept.append(c == '.' ? UChar32('.') : UChar32('\''));
  }
  while (kept.length() && kept.charAt(kept.length() - 1) == '.') kept.truncate(kept.length() - 1);
  std::string out;
  kept.toUTF8String(out);
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void FoldSection(const std::vector<std::string>& articles, int reps) {
  std::vector<std::string_view> words;
  size_t word_bytes = 0;
  for (const std::string& a : articles) {
    for (const auto& t : eventmill::text::Tokenize(a, {0, static_cast<uint32_t>(a.size())})) {
      if (t.kind != eventmill::text::TokenKind::kWord) continue;
      words.push_back(std::string_view(a).substr(t.span.begin, t.span.size()));
      word_bytes += t.span.size();
    }
  }
  size_t sink = 0;
  double t_hand = Best(reps, [&] {
    for (auto w : words) sink += eventmill::lexicon::NormalizeToken(w).size();
  });
  double t_icu = Best(reps, [&] {
    for (auto w : words) sink += IcuFold(w).size();
  });
  double t_hybrid = Best(reps, [&] {
    for (auto w : words) sink += (IsAscii(w) ? eventmill::lexicon::NormalizeToken(w) : IcuFold(w)).size();
  });
  size_t non_ascii = 0, differ = 0;
  std::map<std::string, std::string> examples;
  for (auto w : words) {
    if (IsAscii(w)) continue;
    ++non_ascii;
    std::string a = eventmill::lexicon::NormalizeToken(w), b = IcuFold(w);
    if (a != b) {
      ++differ;
      if (examples.size() < 8) examples[std::string(w)] = a + " | " + b;
    }
  }
  double mw = static_cast<double>(words.size()) / 1e6;
  std::printf("\n2. case folding of word tokens (geo articles: %zu words, %zu non-ASCII, sink %zu)\n", words.size(),
              non_ascii, sink % 10);
  std::printf("hand NormalizeToken %.1f M words/s; ICU foldCase+NFKD %.1f M words/s; ASCII by hand + ICU for the "
              "rest %.1f M words/s\n",
              mw / t_hand, mw / t_icu, mw / t_hybrid);
  std::printf("non-ASCII words folded differently: %zu of %zu; e.g. (word: hand | ICU)\n", differ, non_ascii);
  for (const auto& [w, d] : examples) std::printf("  %s: %s\n", w.c_str(), d.c_str());

  // Normalisation of whole texts: how many are not NFC / NFKC already, and what checking costs.
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  size_t not_nfc = 0, not_nfkc = 0, bytes = 0;
  for (const auto& a : articles) bytes += a.size();
  double t_check = Best(reps, [&] {
    not_nfc = not_nfkc = 0;
    for (const auto& a : articles) {
      UErrorCode e = U_ZERO_ERROR;
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(a);
      if (!nfc->isNormalized(u, e)) ++not_nfc;
      if (!nfkc->isNormalized(u, e)) ++not_nfkc;
    }
  });
  std::printf("texts not in NFC: %zu, not in NFKC: %zu of %zu; UTF-16 conversion + both checks %.0f MB/s\n", not_nfc,
              not_nfkc, articles.size(), static_cast<double>(bytes) / 1e6 / t_check);
}

// ---------------------------------------------------------------- 3. code-point classes

void ClassSection(const std::vector<std::string>& texts, int reps) {
  std::vector<uint32_t> cps;
  for (const auto& t : texts) {
    for (size_t i = 0; i < t.size();) cps.push_back(eventmill::text::DecodeUtf8(t, &i));
  }
  size_t sink = 0;
  double t_hand = Best(reps, [&] {
    for (uint32_t c : cps) sink += eventmill::text::IsWordLetter(c) + 2 * eventmill::text::IsUpperLetter(c);
  });
  double t_icu = Best(reps, [&] {
    for (uint32_t c : cps) {
      auto cp = static_cast<UChar32>(c);
      sink += (u_isalpha(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0) + 2 * u_isupper(cp);
    }
  });
  std::set<uint32_t> letter_diff, upper_diff;
  size_t letter_tokens = 0;
  for (uint32_t c : cps) {
    auto cp = static_cast<UChar32>(c);
    bool icu_letter = u_isalpha(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0;
    if (icu_letter != eventmill::text::IsWordLetter(c)) letter_diff.insert(c), ++letter_tokens;
    if (static_cast<bool>(u_isupper(cp)) != eventmill::text::IsUpperLetter(c)) upper_diff.insert(c);
  }
  double mc = static_cast<double>(cps.size()) / 1e6;
  std::printf("\n3. code-point classes (%zu code points of pages + articles, sink %zu)\n", cps.size(), sink % 10);
  std::printf("engine classes %.0f M cps/s; u_isalpha/u_isupper %.0f M cps/s\n", mc / t_hand, mc / t_icu);
  std::string ex;
  for (uint32_t c : letter_diff) {
    if (ex.size() > 120) break;
    char one[16];
    std::snprintf(one, sizeof one, " U+%04X", c);
    ex += one;
  }
  std::printf("letter class differs on %zu distinct code points (%zu occurrences):%s\n", letter_diff.size(),
              letter_tokens, ex.c_str());
  ex.clear();
  for (uint32_t c : upper_diff) {
    if (ex.size() > 120) break;
    char one[16];
    std::snprintf(one, sizeof one, " U+%04X", c);
    ex += one;
  }
  std::printf("upper-case class differs on %zu distinct code points:%s\n", upper_diff.size(), ex.c_str());
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  double t_tok = Best(reps, [&] {
    for (const auto& t : texts) sink += eventmill::text::Tokenize(t, {0, static_cast<uint32_t>(t.size())}).size();
  });
  std::printf("Tokenize %.0f MB/s\n", static_cast<double>(bytes) / 1e6 / t_tok);
}

// ---------------------------------------------------------------- 4. sentence boundaries

// Sentence ends (UTF-8 offsets, trailing space trimmed) by ICU inside each paragraph.
std::vector<uint32_t> IcuSentenceEnds(icu::BreakIterator* bi, std::string_view text, const std::vector<Span>& paragraphs) {
  std::vector<uint32_t> ends;
  for (Span p : paragraphs) {
    std::string_view para = text.substr(p.begin, p.size());
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(para);
    // UTF-16 index -> UTF-8 offset
    std::vector<uint32_t> at(static_cast<size_t>(u.length()) + 1, static_cast<uint32_t>(para.size()));
    int32_t u16 = 0;
    for (size_t i = 0; i < para.size();) {
      size_t before = i;
      uint32_t cp = eventmill::text::DecodeUtf8(para, &i);
      at[static_cast<size_t>(u16)] = static_cast<uint32_t>(before);
      u16 += cp > 0xFFFF ? 2 : 1;
    }
    bi->setText(u);
    for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
      uint32_t e = at[static_cast<size_t>(b)];
      while (e > 0 && (para[e - 1] == ' ' || para[e - 1] == '\n' || para[e - 1] == '\r' || para[e - 1] == '\t')) --e;
      ends.push_back(p.begin + e);
    }
  }
  return ends;
}

// The word before a sentence end at `end` ("Mr" for "Mr."), the one after it, for the merge rule.
bool AbbreviationEnd(std::string_view text, uint32_t end, const eventmill::text::Abbreviations& abbr) {
  if (end == 0 || text[end - 1] != '.') return false;
  size_t b = end - 1;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
  std::string_view prev = text.substr(b, end - 1 - b);
  size_t n = end;
  while (n < text.size() && text[n] == ' ') ++n;
  size_t m = n;
  while (m < text.size() && std::isalpha(static_cast<unsigned char>(text[m]))) ++m;
  std::string_view next = text.substr(n, m - n);
  if (abbr.titles.count(prev)) return true;
  bool initial = prev.size() == 1 && std::isupper(static_cast<unsigned char>(prev[0]));
  return (abbr.may_end.count(prev) || initial) && !abbr.starters.count(next);
}

void SentenceSection(const std::vector<std::string>& articles, int reps) {
  auto abbr = eventmill::text::Abbreviations::Load(eventmill::DataFiles("data"));
  if (!abbr.ok()) {
    std::printf("\n4. sentence boundaries: skipped, %s\n", abbr.status().message().c_str());
    return;
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> plain(icu::BreakIterator::createSentenceInstance(icu::Locale("en"), err));
  std::unique_ptr<icu::BreakIterator> suppressed(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), err));
  if (U_FAILURE(err)) {
    std::printf("\n4. sentence boundaries: skipped, ICU: %s\n", u_errorName(err));
    return;
  }
  size_t bytes = 0;
  std::vector<std::vector<Span>> paras;
  for (const auto& a : articles) bytes += a.size(), paras.push_back(eventmill::text::SplitParagraphs(a));
  size_t sink = 0;
  double t_hand = Best(reps, [&] {
    for (size_t i = 0; i < articles.size(); ++i)
      sink += eventmill::text::SplitSentences(articles[i], paras[i], *abbr).size();
  });
  double t_icu = Best(reps, [&] {
    for (size_t i = 0; i < articles.size(); ++i) sink += IcuSentenceEnds(suppressed.get(), articles[i], paras[i]).size();
  });
  std::printf("\n4. sentence boundaries (geo articles, %.1f MB; sink %zu)\n", static_cast<double>(bytes) / 1e6, sink % 10);
  std::printf("hand splitter %.0f MB/s; ICU BreakIterator (en@ss=standard) %.0f MB/s\n",
              static_cast<double>(bytes) / 1e6 / t_hand, static_cast<double>(bytes) / 1e6 / t_icu);
  struct Way {
    const char* name;
    icu::BreakIterator* bi;
    bool project_abbreviations;
  };
  for (const Way& way : {Way{"ICU en", plain.get(), false}, Way{"ICU en@ss=standard", suppressed.get(), false},
                         Way{"ICU en + abbreviations.txt", plain.get(), true}}) {
    size_t both = 0, hand_only = 0, icu_only = 0;
    std::vector<std::string> examples;
    for (size_t i = 0; i < articles.size(); ++i) {
      std::set<uint32_t> hand;
      for (const auto& s : eventmill::text::SplitSentences(articles[i], paras[i], *abbr)) hand.insert(s.span.end);
      std::set<uint32_t> icu;
      for (uint32_t e : IcuSentenceEnds(way.bi, articles[i], paras[i])) {
        if (way.project_abbreviations && AbbreviationEnd(articles[i], e, *abbr)) continue;
        icu.insert(e);
      }
      for (uint32_t e : icu) {
        if (hand.count(e)) {
          ++both;
        } else {
          ++icu_only;
          if (examples.size() < 3 && e >= 30) examples.push_back("ICU only: …" + articles[i].substr(e - 30, 45) + "…");
        }
      }
      for (uint32_t e : hand) {
        if (icu.count(e)) continue;
        ++hand_only;
        if (examples.size() < 6 && e >= 30) examples.push_back("hand only: …" + articles[i].substr(e - 30, 45) + "…");
      }
    }
    std::printf("%-28s ends in both %zu, hand only %zu, ICU only %zu\n", way.name, both, hand_only, icu_only);
    for (auto& e : examples) {
      std::replace(e.begin(), e.end(), '\n', ' ');
      std::printf("    %s\n", e.c_str());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (!fs::is_directory(kPagesDir) || !fs::exists(kArticles)) {
    std::printf("skip: %s or %s is absent (../shared beside the checkout)\n", kPagesDir, kArticles);
    return 77;
  }
  bool quick = false;
  for (int i = 1; i < argc; ++i) quick = quick || std::strncmp(argv[i], "--benchmark_min_time", 20) == 0;
  const int reps = quick ? 1 : 3;
  const size_t max_pages = quick ? 20 : 200;

  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kPagesDir)) {
    if (e.path().extension() == ".html") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  if (files.size() > max_pages) files.resize(max_pages);
  std::vector<std::string> pages;  // UTF-8 HTML
  for (const auto& f : files) {
    auto r = eventmill::io::DecodeToUtf8(ReadAll(f), "", true, f.string());
    if (r.ok()) pages.push_back(std::move(r->text));
  }
  std::vector<std::string> articles;
  std::ifstream in(kArticles);
  for (std::string line; std::getline(in, line) && (!quick || articles.size() < 60);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) articles.push_back(j["text"]);
  }
  std::printf("unicode_bench: %zu extraction pages, %zu geo articles, %s run\n", pages.size(), articles.size(),
              quick ? "quick" : "full");
  CharsetSection(pages, reps);
  FoldSection(articles, reps);
  std::vector<std::string> all = pages;
  all.insert(all.end(), articles.begin(), articles.end());
  ClassSection(all, reps);
  SentenceSection(articles, reps);
  return 0;
}
