#include "eventmill/document.h"

#include "core/hash.h"

namespace eventmill {

std::string Hex64(uint64_t v) {
  static const char kDigits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[i] = kDigits[v & 15];
    v >>= 4;
  }
  return s;
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kPlace: return "PLACE";
    case EntityType::kCountry: return "COUNTRY";
    case EntityType::kGroup: return "GROUP";
  }
  return "ORG";
}

std::string DocumentId(const Document& doc) {
  if (!doc.canonical_url.empty()) return Hex64(Hash64(doc.canonical_url));
  if (!doc.url.empty()) return Hex64(Hash64(doc.url));
  return Hex64(Hash64(doc.text, /*seed=*/0x7465787400000000ULL));
}

}  // namespace eventmill

namespace eventmill {
namespace {

constexpr std::string_view kUposNames[] = {"X",    "ADJ",  "ADP",   "ADV",   "AUX",   "CCONJ", "DET",   "INTJ", "NOUN",
                                           "NUM",  "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM",   "VERB"};
constexpr std::string_view kDeprelNames[] = {
    "_",          "acl",       "acl:relcl",   "advcl",        "advcl:relcl", "advmod",   "amod",       "appos",
    "aux",        "aux:pass",  "case",        "cc",           "cc:preconj",  "ccomp",    "clf",        "compound",
    "compound:prt", "conj",    "cop",         "csubj",        "csubj:outer", "csubj:pass", "dep",      "det",
    "det:predet", "discourse", "dislocated",  "expl",         "fixed",       "flat",     "flat:foreign", "goeswith",
    "iobj",       "list",      "mark",        "nmod",         "nmod:desc",   "nmod:poss", "nmod:unmarked", "nsubj",
    "nsubj:outer", "nsubj:pass", "nummod",    "obj",          "obl",         "obl:agent", "obl:unmarked", "orphan",
    "parataxis",  "punct",     "reparandum",  "root",         "vocative",    "xcomp"};
static_assert(std::size(kDeprelNames) == size_t(Deprel::kXcomp) + 1);
static_assert(std::size(kUposNames) == size_t(Upos::kVerb) + 1);

}  // namespace

std::string_view UposName(Upos upos) { return kUposNames[size_t(upos)]; }

Upos UposFromName(std::string_view name) {
  for (size_t i = 0; i < std::size(kUposNames); ++i)
    if (kUposNames[i] == name) return Upos(i);
  return Upos::kX;
}

std::string_view DeprelName(Deprel deprel) { return kDeprelNames[size_t(deprel)]; }

Deprel DeprelFromName(std::string_view name) {
  for (size_t i = 1; i < std::size(kDeprelNames); ++i)
    if (kDeprelNames[i] == name) return Deprel(i);
  size_t colon = name.find(':');
  if (colon != std::string_view::npos) return DeprelFromName(name.substr(0, colon));
  return name.empty() || name == "_" ? Deprel::kNone : Deprel::kDep;
}

Deprel UniversalDeprel(Deprel deprel) {
  std::string_view name = DeprelName(deprel);
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? deprel : DeprelFromName(name.substr(0, colon));
}

}  // namespace eventmill
