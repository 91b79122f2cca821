#include "code/place_binding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "analyze/place_resolver.h"
#include "code/sentence_view.h"
#include "lexicon/lexicon_impl.h"

namespace eventmill::code {

namespace {

constexpr size_t kMaxDepth = 64;  // a tree deeper than this is broken; stop climbing

// Relations that open a clause of their own: what hangs below one belongs to that clause's predicate.
bool Clausal(const Token& t) {
  switch (t.deprel) {
    case Deprel::kAcl:
    case Deprel::kAclRelcl:
    case Deprel::kAdvcl:
    case Deprel::kAdvclRelcl:
    case Deprel::kCcomp:
    case Deprel::kXcomp:
    case Deprel::kCsubj:
    case Deprel::kCsubjOuter:
    case Deprel::kCsubjPass:
    case Deprel::kParataxis:
      return true;
    case Deprel::kConj:  // "police fired and protesters fled": a conjoined verb is another clause
      return t.upos == Upos::kVerb || t.upos == Upos::kAux;
    default:
      return false;
  }
}

bool Subject(const Token& t) {
  return t.deprel == Deprel::kNsubj || t.deprel == Deprel::kNsubjPass || t.deprel == Deprel::kNsubjOuter ||
         t.deprel == Deprel::kExpl;
}

// The index (into doc.tokens) of the head word of the words at `span` in the sentence: the one
// whose head lies outside them; -1 when no word of the sentence overlaps the span.
int64_t HeadOf(const Document& doc, const Sentence& s, Span span) {
  int64_t first = -1, last = -1;
  for (uint32_t i = s.token_begin; i < s.token_end && i < doc.tokens.size(); ++i) {
    const Span& w = doc.tokens[i].span;
    if (w.end <= span.begin || w.begin >= span.end) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return -1;
  for (int64_t i = first; i <= last; ++i) {
    int32_t h = doc.tokens[i].head;
    if (h < first || h > last) return i;
  }
  return first;
}

// t and its heads up to the root (at most kMaxDepth).
std::vector<int64_t> Ancestors(const Document& doc, const Sentence& s, int64_t t) {
  std::vector<int64_t> up;
  while (t >= 0 && up.size() < kMaxDepth) {
    up.push_back(t);
    int32_t h = doc.tokens[t].head;
    if (h < static_cast<int32_t>(s.token_begin) || h >= static_cast<int32_t>(s.token_end)) break;
    t = h;
  }
  return up;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool HyphenModifier(const Document& doc, const Entity& mention) {
  if (mention.span.end >= doc.text.size() || doc.text[mention.span.end] != '-') return false;
  size_t e = mention.span.end + 1;
  while (e < doc.text.size() && std::isalpha(static_cast<unsigned char>(doc.text[e]))) ++e;
  std::string word = Lower(std::string_view(doc.text).substr(mention.span.end + 1, e - mention.span.end - 1));
  static constexpr std::array<std::string_view, 14> kModifiers = {
      "led", "backed", "based", "born", "made", "funded", "allied", "aligned", "supported", "sponsored",
      "owned", "registered", "flagged", "bound"};
  return std::find(kModifiers.begin(), kModifiers.end(), word) != kModifiers.end();
}

std::optional<Place> CountryAsPlace(const Lexicon& lexicon, std::string_view alpha2) {
  if (alpha2.size() != 2) return std::nullopt;
  const lexicon::CountryRec* c = lexicon.impl().Country(alpha2);
  if (!c || c->place >= lexicon.impl().places.size()) return std::nullopt;
  return analyze::PlaceResolver(lexicon).ToPlace(c->place);
}

bool IsPlaceKindWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 30> kKinds = {
      "city",     "town",        "village",   "province", "region",   "district", "state",      "county",
      "capital",  "port",        "island",    "area",     "suburb",   "outskirts", "township", "municipality",
      "oblast",   "governorate", "department", "prefecture", "commune", "neighbourhood", "neighborhood",
      "locality", "settlement",  "hamlet",    "camp",     "valley",   "border",   "coast"};
  return std::find(kKinds.begin(), kKinds.end(), lower) != kKinds.end();
}

bool TownMisreadsFeature(const Document& doc, const Entity& mention, const std::string& story_country) {
  if (!mention.place || mention.place->precision != "city" || mention.place->country.empty()) return false;
  bool foreign = !story_country.empty() && mention.place->country != story_country;
  if (!foreign) {
    bool own = false, elsewhere = false;
    for (const Entity& e : doc.entities) {
      if (!e.place || e.place->country.empty() || e.span == mention.span || e.place->name == mention.place->name) continue;
      (e.place->country == mention.place->country ? own : elsewhere) = true;
    }
    foreign = elsewhere && !own;
  }
  if (!foreign) return false;
  static constexpr std::array<std::string_view, 18> kFeatures = {
      "coast", "coastline", "shore", "shores", "sea",    "river",     "lake",  "mountains", "valley",
      "basin", "desert",    "steppe", "delta", "plain",  "peninsula", "gulf",  "littoral",  "highlands"};
  std::string_view after = std::string_view(doc.text).substr(std::min<size_t>(mention.span.end, doc.text.size()));
  size_t k = 0;
  while (k < after.size() && after[k] == ' ') ++k;
  size_t e = k;
  while (e < after.size() && std::isalpha(static_cast<unsigned char>(after[e]))) ++e;
  if (k == 0 || e == k) return false;
  std::string word = Lower(after.substr(k, e - k));
  return std::find(kFeatures.begin(), kFeatures.end(), word) != kFeatures.end();
}

TreeBinding BindToTrigger(const Document& doc, size_t sentence, Span mention, Span trigger) {
  TreeBinding out;
  if (sentence >= doc.sentences.size() || !doc.sentences[sentence].parsed) return out;
  const Sentence& s = doc.sentences[sentence];
  int64_t m = HeadOf(doc, s, mention), t = HeadOf(doc, s, trigger);
  if (m < 0 || t < 0 || m == t) return out;
  // "Sunset Woods Park", "Pakistan Railways": a compound of another proper name is part of that
  // name. ("Kharkiv region", "Taze township": a compound of a kind of place stands for it.)
  {
    const Token& mt = doc.tokens[m];
    if ((mt.deprel == Deprel::kCompound || mt.deprel == Deprel::kFlat) && mt.head >= 0) {
      const Token& h = doc.tokens[mt.head];
      bool inside = h.span.begin >= mention.begin && h.span.end <= mention.end;
      // ("Manaus - South Zone": a dash between makes two names, the second a part of the first.)
      bool joined = true;
      for (int64_t k = std::min<int64_t>(m, mt.head) + 1; k < std::max<int64_t>(m, mt.head); ++k) {
        joined &= doc.tokens[k].upos != Upos::kPunct;
      }
      if (!inside && joined && h.upos == Upos::kPropn && !IsPlaceKindWord(Lower(doc[h.span]))) {
        out.attachment = Attachment::kNameModifier;
        return out;
      }
    }
  }
  std::vector<int64_t> up_m = Ancestors(doc, s, m), up_t = Ancestors(doc, s, t);
  // The lowest common ancestor: its position on each path.
  size_t km = up_m.size(), kt = up_t.size();
  for (size_t i = 0; i < up_m.size() && km == up_m.size(); ++i) {
    auto at = std::find(up_t.begin(), up_t.end(), up_m[i]);
    if (at != up_t.end()) km = i, kt = static_cast<size_t>(at - up_t.begin());
  }
  if (km == up_m.size()) return out;  // two roots: a broken tree
  // A name or a time expression opens no clause: a clausal relation on the mention's own head
  // ("Friday" as xcomp) is a parsing slip, and only the relations above it count.
  const Upos mu = doc.tokens[m].upos;
  const size_t own = mu == Upos::kVerb || mu == Upos::kAux ? 0 : 1;
  auto crosses_clause = [&](const std::vector<int64_t>& path, size_t upto) {
    for (size_t i = &path == &up_m ? own : 0; i < upto; ++i) {
      // A word of the trigger's own phrase ("mass shooting" tagged as a noun and a verb) is the
      // trigger: its relation opens no other clause.
      const Span& w = doc.tokens[path[i]].span;
      if (w.begin >= trigger.begin && w.end <= trigger.end) continue;
      // "the bomb that killed 20 in X", "an attack which left 5 dead in X": a clause that
      // modifies the trigger noun tells that event itself.
      const Token& tok = doc.tokens[path[i]];
      const bool describes_trigger = (tok.deprel == Deprel::kAcl || tok.deprel == Deprel::kAclRelcl) && tok.head == t &&
                                     (doc.tokens[t].upos == Upos::kNoun || doc.tokens[t].upos == Upos::kPropn);
      if (describes_trigger) continue;
      if (Clausal(tok)) return true;
    }
    return false;
  };
  out.hops = static_cast<int>(km);
  if (kt == 0) {
    // The trigger governs the mention.
    if (crosses_clause(up_m, km)) out.attachment = Attachment::kOtherClause;
    else if (Subject(doc.tokens[up_m[km - 1]])) out.attachment = Attachment::kSubject;
    else out.attachment = Attachment::kScene;
    return out;
  }
  if (km == 0) {
    // The mention governs the trigger: "the town of X, where clashes broke out", "X shelling".
    out.attachment = Attachment::kScene;
    out.hops = static_cast<int>(kt);
    return out;
  }
  if (crosses_clause(up_m, km) && !crosses_clause(up_t, kt)) {
    out.attachment = Attachment::kOtherClause;
  } else if (crosses_clause(up_m, km)) {
    // Both under clauses of a common head: the tree (often a parse that took the main verb for a
    // modifier, "The Court ruled on March 25 to send ...") cannot tell them apart.
    out.attachment = Attachment::kOuterClause;
  } else if (Subject(doc.tokens[up_m[km - 1]])) {
    // The subject of the predicate above ("Residents of X said police fired"): who, not where.
    out.attachment = crosses_clause(up_t, kt) ? Attachment::kOtherClause : Attachment::kSubject;
  } else {
    out.attachment = Attachment::kOuterClause;
  }
  return out;
}

double AttachmentScore(const TreeBinding& b) {
  switch (b.attachment) {
    case Attachment::kScene:
      return std::max(3.0, 6.5 - 0.5 * b.hops);
    case Attachment::kSubject:
      return 1.0;
    case Attachment::kOuterClause:
      return 2.0;
    case Attachment::kOtherClause:
      return -6.0;
    case Attachment::kNameModifier:
      return -20.0;
    case Attachment::kUnparsed:
      return 0.0;
  }
  return 0.0;
}

namespace {

// "Officers seized guns in raids, police said Thursday": a time on the verb that reports the
// event is when it was told, which bounds the event; news dates an event so when nothing else
// in the sentence does (a date of its own clause still ranks first in the date pass).
bool ReportDates(const Document& doc, const Sentence& s, Span date) {
  int64_t m = HeadOf(doc, s, date);
  if (m < 0) return false;
  int32_t h = doc.tokens[m].head;
  if (h < static_cast<int32_t>(s.token_begin) || h >= static_cast<int32_t>(s.token_end)) return false;
  const Token& verb = doc.tokens[h];
  return verb.upos == Upos::kVerb && IsReportingVerb(Lower(doc[verb.span]));
}

}  // namespace

bool DateBindsToTrigger(const Document& doc, size_t sentence, Span date, Span trigger) {
  if (DateFramesSentence(doc, sentence, date)) return true;
  TreeBinding b = BindToTrigger(doc, sentence, date, trigger);
  if (b.attachment == Attachment::kUnparsed) return true;
  if (b.attachment == Attachment::kOtherClause) return ReportDates(doc, doc.sentences[sentence], date);
  // "A statue erected 100 years ago was destroyed": right after a verb that opens another clause
  // (a participle modifying a noun), the time is that verb's, even where the parser hung it on
  // the main verb.
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t i = s.token_begin + 1; i < s.token_end && i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].span.begin < date.begin) continue;
    const Token& prev = doc.tokens[i - 1];
    bool is_trigger = prev.span.begin >= trigger.begin && prev.span.end <= trigger.end;
    return is_trigger || prev.upos != Upos::kVerb || !Clausal(prev);
  }
  return true;
}

bool OpensPeriod(const Document& doc, Span date) {
  if (date.begin > doc.text.size()) return false;
  std::string_view before = std::string_view(doc.text).substr(0, date.begin);
  while (!before.empty() && std::isspace(static_cast<unsigned char>(before.back()))) before.remove_suffix(1);
  size_t word = before.size();
  while (word > 0 && std::isalpha(static_cast<unsigned char>(before[word - 1]))) --word;
  return Lower(before.substr(word)) == "since";
}

bool DateFramesSentence(const Document& doc, size_t sentence, Span date) {
  if (sentence >= doc.sentences.size()) return false;
  const Sentence& s = doc.sentences[sentence];
  if (date.begin < s.span.begin || date.end > s.span.end) return false;
  // Only an opening preposition ("On", "In", "Around", "Between") may come before the date, and
  // a comma after it closes the frame.
  std::string_view before = std::string_view(doc.text).substr(s.span.begin, date.begin - s.span.begin);
  while (!before.empty() && std::isspace(static_cast<unsigned char>(before.back()))) before.remove_suffix(1);
  std::string word = Lower(before);
  static constexpr std::array<std::string_view, 9> kOpeners = {"", "on", "in", "around", "between", "by", "during",
                                                               "late on", "early on"};
  if (std::find(kOpeners.begin(), kOpeners.end(), word) == kOpeners.end()) return false;
  std::string_view after = std::string_view(doc.text).substr(date.end, std::min<size_t>(3, s.span.end - date.end));
  size_t k = 0;
  while (k < after.size() && after[k] == ' ') ++k;
  return k < after.size() && after[k] == ',';
}

}  // namespace eventmill::code
