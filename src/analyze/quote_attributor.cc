// Quotes are found from the marks alone (FindQuotedSpans), then attributed in this order:
//   1. after the closing mark, in its sentence: '…," said X[, role]' or '…," X said / told Y'
//   2. before the opening mark, in its sentence: 'X said: "…"', 'He added, "…"',
//      'According to X, "…"', 'X declined to comment, saying only, "…"' (the sentence subject)
//   3. a partial quote inside a sentence: the sentence's subject
//   4. a quote right after another one: the same speaker (a continuation)
// Speakers are resolved against a timeline of people and organisations named so far: entities
// when present, capitalised names next to speech verbs or opening sentences otherwise.
#include "analyze/quote_attributor.h"

#include <algorithm>
#include <optional>

#include "eventmill/lexicon.h"
#include "syntax/word_splitter.h"
#include "text/grammar_words.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/utf8.h"
#include "text/word_lists.h"

namespace eventmill::analyze {
namespace {

using text::Token;
using text::TokenKind;

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::string p(phrase);
  std::vector<std::string> out;
  for (const Token& t : text::Tokenize(p, {0, static_cast<uint32_t>(p.size())}))
    out.push_back(text::AsciiLower(std::string_view(p).substr(t.span.begin, t.span.size())));
  return out;
}

void AddPhrases(const std::vector<text::WordListEntry>& entries, text::PatternSet* out) {
  for (const auto& e : entries)
    for (const auto& v : text::KeyAlternatives(e)) out->AddPhrase(PhraseWords(v), "");
}

// ---- quote marks ----------------------------------------------------------------------------

enum class Mark { kNone, kOpen, kClose, kStraight };

Mark MarkOf(uint32_t cp) {
  if (cp == 0x201C || cp == 0xAB || cp == 0x201E) return Mark::kOpen;
  if (cp == 0x201D || cp == 0xBB) return Mark::kClose;
  if (cp == '"') return Mark::kStraight;
  return Mark::kNone;
}

bool IsSpaceCp(uint32_t cp) { return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == 0xA0; }

struct QuoteMarks {
  uint32_t open = 0;            // byte offset of the opening mark
  uint32_t close = 0;           // byte offset just after the closing mark (or the paragraph end)
  std::vector<Span> segments;   // the words inside, one per paragraph
  Span inner() const { return {segments.front().begin, segments.back().end}; }
};

// The first code point of a paragraph is an opening mark (straight or curly).
bool OpensWithMark(std::string_view text, Span para, size_t* after) {
  if (para.begin >= para.end) return false;
  size_t i = para.begin;
  uint32_t cp = text::DecodeUtf8(text, &i);
  Mark m = MarkOf(cp);
  *after = i;
  return m == Mark::kOpen || m == Mark::kStraight;
}

Span Trimmed(std::string_view text, size_t b, size_t e) {
  while (b < e && (text[b] == ' ' || text[b] == '\n')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
  return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

std::vector<QuoteMarks> FindQuoteMarks(std::string_view text, const std::vector<Span>& paragraphs) {
  std::vector<QuoteMarks> out;
  std::optional<QuoteMarks> carried;  // a quote that runs on into the next paragraph
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    Span para = paragraphs[p];
    size_t i = para.begin;
    bool open = false;
    QuoteMarks cur;
    size_t inner_begin = 0;
    bool opened_at_start = false;
    if (carried) {
      size_t after;
      if (OpensWithMark(text, para, &after)) {
        cur = *carried;
        open = true;
        inner_begin = after;
        opened_at_start = true;
        i = after;
      } else {
        out.push_back(*carried);
      }
      carried.reset();
    }
    while (i < para.end) {
      size_t at = i;
      uint32_t cp = text::DecodeUtf8(text, &i);
      Mark m = MarkOf(cp);
      if (m == Mark::kNone) continue;
      uint32_t prev = 0;
      if (at > para.begin) {
        size_t k = at - 1;
        while (k > para.begin && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        size_t kk = k;
        prev = text::DecodeUtf8(text, &kk);
      }
      size_t j = i;
      uint32_t next = i < para.end ? text::DecodeUtf8(text, &j) : 0;
      bool opening_like = (at == para.begin || IsSpaceCp(prev) || prev == '(' || prev == '[' ||
                           prev == 0x2014 || prev == 0x2013 || prev == ':' || prev == '-') &&
                          next != 0 && !IsSpaceCp(next);
      if (!open) {
        if (m == Mark::kOpen || (m == Mark::kStraight && opening_like)) {
          // A digit before a straight quote is an inch mark: 4" pipe.
          if (m == Mark::kStraight && prev >= '0' && prev <= '9') continue;
          open = true;
          cur = QuoteMarks();
          cur.open = static_cast<uint32_t>(at);
          inner_begin = i;
          opened_at_start = at == para.begin;
        }
        continue;
      }
      if (m == Mark::kOpen && !opening_like) continue;
      if (m == Mark::kOpen) {
        // An unclosed quote followed by a new opening: start again here.
        cur = QuoteMarks();
        cur.open = static_cast<uint32_t>(at);
        inner_begin = i;
        opened_at_start = false;
        continue;
      }
      Span seg = Trimmed(text, inner_begin, at);
      open = false;
      if (seg.empty()) continue;
      cur.segments.push_back(seg);
      cur.close = static_cast<uint32_t>(i);
      out.push_back(cur);
    }
    if (open && opened_at_start) {
      Span seg = Trimmed(text, inner_begin, para.end);
      if (!seg.empty()) {
        cur.segments.push_back(seg);
        cur.close = para.end;
        carried = cur;
      }
    }
  }
  if (carried) out.push_back(*carried);
  return out;
}

// ---- names and mentions ---------------------------------------------------------------------

struct Speaker {
  std::string name, role;
  std::optional<Actor> actor;
  bool is_org = false;
  uint32_t pos = 0;  // where it was named
  bool empty() const { return name.empty(); }
};

struct Sent {
  Span span;
  std::vector<Token> toks;
  std::vector<std::string> lw;
};

class Attributor {
 public:
  Attributor(const QuoteLexicon& lex, const Document& doc) : lex_(lex), doc_(doc) {
    marks_ = FindQuoteMarks(doc_.text, doc_.paragraphs);
    if (marks_.empty()) return;  // nothing to attribute: skip the tokens of a quote-free page
    for (const Entity& e : doc.entities) entities_by_begin_.push_back(&e);
    std::stable_sort(entities_by_begin_.begin(), entities_by_begin_.end(),
                     [](const Entity* a, const Entity* b) { return a->span.begin < b->span.begin; });
    for (const Sentence& s : doc.sentences) {
      Sent st;
      st.span = s.span;
      st.toks = syntax::SentenceTokens(doc, s);
      for (const Token& t : st.toks) {
        std::string w = text::AsciiLower(doc[t.span]);
        size_t pos;
        while ((pos = w.find("\xE2\x80\x99")) != std::string::npos) w.replace(pos, 3, "'");
        st.lw.push_back(std::move(w));
      }
      sents_.push_back(std::move(st));
    }
    CollectMentions();
  }

  void Run(std::vector<Quote>* quotes) {
    const QuoteMarks* prev = nullptr;
    Speaker prev_speaker;
    for (const QuoteMarks& q : marks_) {
      Speaker sp = Attribute(q);
      if (sp.empty() && prev && SentenceIndex(q.open) <= SentenceIndex(prev->close) + 1 &&
          !prev_speaker.empty())
        sp = prev_speaker;
      Quote out;
      out.span = q.inner();
      for (const Span& seg : q.segments) {
        if (!out.text.empty()) out.text += ' ';
        out.text += std::string(doc_[seg]);
      }
      out.speaker = sp.name;
      out.speaker_role = sp.role;
      out.speaker_actor = sp.actor;
      quotes->push_back(std::move(out));
      if (!sp.empty()) {
        sp.pos = q.open;
        speakers_.push_back(sp);
      }
      prev = &q;
      prev_speaker = sp;
    }
  }

 private:
  // ---- token helpers
  // The sentence holding byte `pos` (or the first after it). O(log sentences).
  size_t SentenceIndex(uint32_t pos) const {
    auto it = std::upper_bound(sents_.begin(), sents_.end(), pos,
                               [](uint32_t p, const Sent& s) { return p < s.span.end; });
    if (it == sents_.end()) return sents_.empty() ? 0 : sents_.size() - 1;
    return static_cast<size_t>(it - sents_.begin());
  }

  static size_t MatchAny(const Sent& s, size_t i, const text::PatternSet& ps) {
    return ps.LongestAt(s.lw, i).length;
  }

  bool IsNameToken(const Sent& s, size_t i) const {
    if (i >= s.toks.size() || s.toks[i].kind != TokenKind::kWord) return false;
    // Sentence openers, weekdays and months are not part of names ("But Kackie Eller",
    // "Mahmoud Abbas Saturday").
    return s.toks[i].capitalized && !lex_.not_names.count(std::string(doc_[s.toks[i].span]));
  }
  bool IsParticle(const Sent& s, size_t i) const {
    return i < s.lw.size() && lex_.particles.count(s.lw[i]) && i + 1 < s.toks.size() &&
           (s.toks[i + 1].capitalized || lex_.particles.count(s.lw[i + 1]));
  }
  bool IsInitialDot(const Sent& s, size_t i) const {
    // "C" "." inside "Eugene C. Dexheimer"; "Gov." in "Gov. Timothy M. Kaine"
    if (!(i > 0 && i < s.lw.size() && s.lw[i] == "." && s.toks[i - 1].capitalized &&
          s.toks[i].span.begin == s.toks[i - 1].span.end))
      return false;
    size_t len = doc_[s.toks[i - 1].span].size();
    if (len == 1) return true;
    return len <= 4 && i + 1 < s.toks.size() && s.toks[i + 1].capitalized;
  }

  // The run of name tokens (capitalised words, particles, initials) starting at i.
  size_t RunForward(const Sent& s, size_t i) const {
    size_t k = i;
    while (k < s.toks.size() && (IsNameToken(s, k) || IsParticle(s, k) || IsInitialDot(s, k))) ++k;
    return k;
  }
  // The run ending at `end` (exclusive); returns its begin.
  size_t RunBackward(const Sent& s, size_t end) const {
    size_t k = end;
    while (k > 0 && (IsNameToken(s, k - 1) || IsInitialDot(s, k - 1) ||
                     (lex_.particles.count(s.lw[k - 1]) && k < end)))
      --k;
    return k;
  }

  std::string TextOf(const Sent& s, size_t b, size_t e) const {
    if (b >= e) return {};
    return std::string(doc_[{s.toks[b].span.begin, s.toks[e - 1].span.end}]);
  }

  bool IsOrgRun(const Sent& s, size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k)
      if (lex_.org_words.count(s.lw[k])) return true;
    return false;
  }

  // Entities overlapping span, of the given types. Looks at the few entities that begin
  // before span.end (entities do not nest deeply).
  const Entity* EntityOfTypes(Span span, std::initializer_list<EntityType> types) const {
    auto it = std::upper_bound(entities_by_begin_.begin(), entities_by_begin_.end(), span.end,
                               [](uint32_t end, const Entity* e) { return end <= e->span.begin; });
    for (int steps = 0; it != entities_by_begin_.begin() && steps < 16; ++steps) {
      --it;
      const Entity& e = **it;
      if (!e.span.Overlaps(span)) continue;
      for (EntityType t : types)
        if (e.type == t) return &e;
    }
    return nullptr;
  }
  const Entity* EntityIn(Span span) const {
    return EntityOfTypes(span, {EntityType::kPerson, EntityType::kOrg, EntityType::kGroup});
  }

  // A speaker from the name tokens [b, e) of s: the role is the longest role phrase in it, the
  // name what follows the role (all of it when there is no role).
  Speaker FromRun(const Sent& s, size_t b, size_t e) const {
    Speaker sp;
    // "Board of Elections Pam Carpenter": after "of", the name is the last two words.
    if (b > 0 && s.lw[b - 1] == "of" && e - b >= 3 && !IsInitialDot(s, e - 2)) b = e - 2;
    size_t name_b = b, role_b = e, role_e = e;
    for (size_t k = b; k < e; ++k) {
      size_t n = MatchAny(s, k, lex_.roles);
      if (n && k + n <= e) {
        // The longest role phrase from here is taken whole ("District Attorney").
        // Extend over further role words: "Police Chief", "District Attorney".
        size_t end = k + n;
        while (end < e) {
          size_t m = MatchAny(s, end, lex_.roles);
          if (!m || end + m > e) break;
          end += m;
        }
        if (end < e) {
          role_b = k;
          role_e = end;
          name_b = end;
        }
        k = end - 1;
      }
    }
    if (role_b < role_e) sp.role = TextOf(s, role_b, role_e);
    Span name_span{s.toks[name_b].span.begin, s.toks[e - 1].span.end};
    sp.name = TextOf(s, name_b, e);
    sp.is_org = IsOrgRun(s, name_b, e);
    sp.pos = name_span.begin;
    if (const Entity* ent = EntityIn(name_span)) {
      sp.name = ent->text;
      if (!ent->role.empty()) sp.role = ent->role;
      sp.actor = ent->actor;
      sp.is_org = ent->type != EntityType::kPerson;
    }
    // A surname alone takes the full name given earlier ("Weber" -> "Mike Weber").
    if (sp.name.find(' ') == std::string::npos) {
      int steps = 0;
      for (auto it = mentions_.rbegin(); it != mentions_.rend() && steps < kMaxLookBack; ++it) {
        if (it->pos >= sp.pos || it->is_org) continue;
        ++steps;
        const std::string& full = it->name;
        if (full.size() > sp.name.size() + 1 && full.compare(full.size() - sp.name.size(), sp.name.size(), sp.name) == 0 &&
            full[full.size() - sp.name.size() - 1] == ' ') {
          sp.name = full;
          if (sp.role.empty()) sp.role = it->role;
          if (!sp.actor) sp.actor = it->actor;
          break;
        }
      }
    }
    return sp;
  }

  // Role from an appositive after a name: ", the city's deputy mayor," -> "deputy mayor".
  std::string AppositiveRole(const Sent& s, size_t comma) const {
    if (comma >= s.lw.size() || s.lw[comma] != ",") return {};
    size_t b = comma + 1, e = b;
    while (e < s.lw.size() && e < b + 13 && s.lw[e] != "," && s.lw[e] != "." && s.lw[e] != ";" &&
           s.toks[e].kind != TokenKind::kQuote)
      ++e;
    if (b >= e || e > b + 12 || s.toks[b].kind == TokenKind::kNumber) return {};
    // Drop determiners and possessives: "the city's deputy mayor" -> "deputy mayor".
    size_t k = b;
    for (size_t j = b; j < e; ++j) {
      const std::string& w = s.lw[j];
      if (text::grammar::IsIn(text::grammar::kArticles, w) || text::grammar::IsIn(text::grammar::kPossessives, w))
        k = j + 1;
      else if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0)
        k = j + 1;
      else if (w == "of" || w == "at" || w == "for" || w == "in" || w == "with" || w == "from" ||
               w == "who" || w == "which" || w == "and" || w == "to" || w == "on")
        break;
      else
        continue;
    }
    size_t end = k;
    while (end < e && !(s.lw[end] == "of" || s.lw[end] == "at" || s.lw[end] == "for" || s.lw[end] == "in" ||
                        s.lw[end] == "with" || s.lw[end] == "from" || s.lw[end] == "who" ||
                        s.lw[end] == "which" || s.lw[end] == "and" || s.lw[end] == "to" || s.lw[end] == "on"))
      ++end;
    if (k >= end || end - k > 5) return {};
    bool has_role = false;
    for (size_t j = k; j < end; ++j)
      if (MatchAny(s, j, lex_.roles)) has_role = true;
    return has_role ? TextOf(s, k, end) : std::string();
  }

  // ---- mentions: who has been named so far
  void CollectMentions() {
    for (const Entity& e : doc_.entities) {
      if (e.type != EntityType::kPerson && e.type != EntityType::kOrg) continue;
      Speaker sp;
      sp.name = e.text;
      sp.role = e.role;
      sp.actor = e.actor;
      sp.is_org = e.type == EntityType::kOrg;
      sp.pos = e.span.begin;
      mentions_.push_back(sp);
    }
    for (const Sent& s : sents_) {
      for (size_t i = 0; i < s.toks.size(); ++i) {
        size_t v = MatchAny(s, i, lex_.verbs);
        if (!v) continue;
        // "X said" (with role words before: "police spokesman Farid Khan said") and, right
        // after a quote, "said X" ("Russia" in "Zelenskyy said Russia had fired" is no speaker)
        size_t b = RunBackward(s, i);
        if (b < i) {
          while (b > 0 && MatchAny(s, b - 1, lex_.roles)) --b;
          AddMention(s, b, i);
        }
        bool after_quote = i > 0 && (s.toks[i - 1].kind == TokenKind::kQuote ||
                                     (s.lw[i - 1] == "," && i > 1 && s.toks[i - 2].kind == TokenKind::kQuote));
        size_t e = RunForward(s, i + v);
        if (after_quote && e > i + v) AddMention(s, i + v, e);
      }
      // A name of two words or more opening the sentence: "Konstantin Kosachyov, chairman …"
      size_t e = RunForward(s, 0);
      if (e >= 2 && !lex_.not_names.count(std::string(doc_[s.toks[0].span]))) AddMention(s, 0, e);
    }
    std::stable_sort(mentions_.begin(), mentions_.end(),
                     [](const Speaker& a, const Speaker& b) { return a.pos < b.pos; });
  }

  void AddMention(const Sent& s, size_t b, size_t e) {
    while (b < e && lex_.not_names.count(std::string(doc_[s.toks[b].span]))) ++b;
    if (b >= e) return;
    Span span{s.toks[b].span.begin, s.toks[e - 1].span.end};
    if (!mention_starts_.insert(span.begin).second) return;
    if (EntityIn(span)) return;  // the entity is already there
    if (EntityOfTypes(span, {EntityType::kPlace, EntityType::kCountry})) return;  // "Tbilisi says"
    Speaker sp = FromRun(s, b, e);
    if (sp.name.empty()) return;
    std::string role = AppositiveRole(s, e);
    if (!role.empty() && sp.role.empty()) sp.role = role;
    mentions_.push_back(sp);
  }

  // The last mention (or earlier speaker) named before byte `before`. mentions_ and speakers_
  // are in text order, so this looks back from a binary search.
  Speaker LastMention(uint32_t before, bool person_only, bool org_only) const {
    Speaker best;
    auto search = [&](const std::vector<Speaker>& list) {
      auto it = std::lower_bound(list.begin(), list.end(), before,
                                 [](const Speaker& m, uint32_t b) { return m.pos < b; });
      for (int steps = 0; it != list.begin() && steps < kMaxLookBack; ++steps) {
        --it;
        if (person_only && it->is_org) continue;
        if (org_only && !it->is_org) continue;
        if (best.empty() || it->pos >= best.pos) best = *it;
        return;
      }
    };
    search(mentions_);
    search(speakers_);
    return best;
  }

  // "the statement said": the organisation that issued it, named before.
  Speaker StatementIssuer(size_t sent_index, uint32_t before) const {
    for (size_t si = sent_index + 1; si-- > 0 && si + 6 > sent_index;) {
      const Sent& s = sents_[si];
      for (size_t i = 0; i < s.toks.size(); ++i) {
        if (s.toks[i].span.begin >= before) break;
        if (!MatchAny(s, i, lex_.statements)) continue;
        // "X said in a statement", "X issued a statement": the name before the nearest verb.
        for (size_t v = i; v-- > 0;) {
          if (s.toks[v].kind != TokenKind::kWord) continue;
          size_t b = RunBackward(s, v);
          if (b < v && (IsOrgRun(s, b, v) || EntityIn({s.toks[b].span.begin, s.toks[v - 1].span.end}))) {
            Speaker sp = FromRun(s, b, v);
            sp.pos = s.toks[b].span.begin;
            return sp;
          }
        }
        // "a statement by/from X"
        if (i + 2 < s.toks.size() && (s.lw[i + 1] == "by" || s.lw[i + 1] == "from")) {
          size_t k = i + 2;
          if (s.lw[k] == "the") ++k;
          size_t e = RunForward(s, k);
          if (e > k) return FromRun(s, k, e);
        }
      }
    }
    return LastMention(before, false, true);
  }

  // "according to the spokesman, Ahmed Al-Masri, …": a description [b, e) followed by the
  // name in apposition.
  Speaker ResolveWithApposition(const Sent& s, size_t b, size_t e, uint32_t at) const {
    if (e < s.toks.size() && s.lw[e] == "," && e + 1 < s.toks.size() && IsNameToken(s, e + 1)) {
      bool description = false;
      for (size_t k = b; k < e; ++k)
        if (MatchAny(s, k, lex_.roles)) description = true;
      size_t ne = RunForward(s, e + 1);
      if (description && ne < s.toks.size() && s.lw[ne] == "," && !IsOrgRun(s, e + 1, ne)) {
        Speaker sp = FromRun(s, e + 1, ne);
        if (sp.role.empty()) {
          size_t rb = b;
          while (rb < e && (s.lw[rb] == "the" || s.lw[rb] == "a" || s.lw[rb] == "an")) ++rb;
          sp.role = TextOf(s, rb, e);
        }
        return sp;
      }
    }
    return Resolve(s, b, e, at);
  }

  // A speaker from the words [b, e) of s (a name, a pronoun, "the statement", "police").
  Speaker Resolve(const Sent& s, size_t b, size_t e, uint32_t at) const {
    while (b < e && (s.lw[b] == "," || s.lw[b] == "\xE2\x80\x94")) ++b;
    if (b >= e) return {};
    // "he said", "He added": the last speaker, unless a person was named after them.
    if (e - b == 1 && lex_.person_pronouns.count(s.lw[b])) {
      Speaker person = LastMention(at, true, false);
      Speaker last = speakers_.empty() ? Speaker() : speakers_.back();
      if (!last.empty() && (person.empty() || last.pos >= person.pos)) return last;
      return person;
    }
    if (e - b == 1 && lex_.any_pronouns.count(s.lw[b])) {
      Speaker last = speakers_.empty() ? Speaker() : speakers_.back();
      return last.empty() ? LastMention(at, false, false) : last;
    }
    for (size_t k = b; k < e; ++k)
      if (MatchAny(s, k, lex_.statements) && (k == b || s.lw[k - 1] == "the" || s.lw[k - 1] == "a" ||
                                              s.lw[k - 1] == "its" || s.lw[k - 1] == "ministry's"))
        return StatementIssuer(SentenceIndex(s.span.begin), s.toks[b].span.begin);
    // A name run inside, titles before it allowed: "city police spokesman Shamil Guseinov".
    size_t run_e = e;
    while (run_e > b && !IsNameToken(s, run_e - 1) && !IsInitialDot(s, run_e - 1)) --run_e;
    if (run_e > b) {
      size_t run_b = RunBackward(s, run_e);
      // Lower-case role words before the run belong to it: "spokesman Mark Tolchinsky".
      size_t rb = run_b;
      while (rb > b && MatchAny(s, rb - 1, lex_.roles)) --rb;
      Speaker sp = FromRun(s, rb, run_e);
      if (!sp.name.empty() && !lex_.not_names.count(sp.name)) {
        if (sp.role.empty()) sp.role = AppositiveRole(s, run_e);
        // "the head of state", "the president": a description of someone named before.
        bool all_roles = true;
        for (size_t k = rb; k < run_e; ++k)
          if (!MatchAny(s, k, lex_.roles)) all_roles = false;
        if (!all_roles) return sp;
      }
    }
    // A description ("the head of state", "the minister") or a common noun ("police").
    bool description = false;
    for (size_t k = b; k < e; ++k)
      if (MatchAny(s, k, lex_.roles)) description = true;
    if (description && (s.lw[b] == "the")) {
      Speaker person = LastMention(at, true, false);
      if (!person.empty()) return person;
    }
    // "the ministry said": the organisation named before whose name ends with that word.
    if (s.lw[b] == "the" && e - b >= 2) {
      const std::string& head = s.lw[e - 1];
      int steps = 0;
      for (auto it = mentions_.rbegin(); it != mentions_.rend() && steps < kMaxLookBack; ++it) {
        if (it->pos >= at || !it->is_org) continue;
        ++steps;
        std::string lower = text::AsciiLower(it->name);
        if (lower.size() >= head.size() && lower.compare(lower.size() - head.size(), head.size(), head) == 0)
          return *it;
      }
    }
    Speaker sp;
    size_t k = b;
    while (k < e && (s.lw[k] == "the" || s.lw[k] == "a" || s.lw[k] == "an")) ++k;
    static const std::set<std::string, std::less<>> kNotInNoun = {
        "of", "but", "and", "or", "that", "which", "who", "to", "in", "on", "at", "for", "with",
        "by", "as", "it", "is", "was", "were", "are", "be", "not", "per", "cent", "percent"};
    for (size_t j = k; j < e; ++j)
      if (kNotInNoun.count(s.lw[j]) || s.toks[j].kind != TokenKind::kWord || s.toks[j].has_digit) return {};
    if (k < e && e - k <= 3) sp.name = TextOf(s, k, e);
    sp.pos = s.toks[b].span.begin;
    return sp;
  }

  // The subject of the sentence: "According to X, …" or the name or pronoun opening it.
  Speaker SentenceSubject(const Sent& s, size_t limit, uint32_t at) const {
    size_t i = 0;
    while (i < limit && s.toks[i].kind != TokenKind::kWord) ++i;
    if (size_t n = MatchAny(s, i, lex_.according)) {
      size_t b = i + n, e = b;
      while (e < limit && s.lw[e] != "," && s.toks[e].kind != TokenKind::kQuote) ++e;
      return ResolveWithApposition(s, b, e, at);
    }
    if (i < limit && (lex_.person_pronouns.count(s.lw[i]) || lex_.any_pronouns.count(s.lw[i])))
      return Resolve(s, i, i + 1, at);
    // The first name of two words or more before the verb ("Former presidential candidate
    // Andrei Bogdanov on Wednesday became …, saying …"), or a one-word name opening it.
    for (size_t k = i; k < limit && k < i + 12; ++k) {
      if (!IsNameToken(s, k)) continue;
      size_t e = RunForward(s, k);
      size_t b = k;
      while (b < e && lex_.not_names.count(std::string(doc_[s.toks[b].span]))) ++b;
      if (b < e && e <= limit && (e - b >= 2 || (k == i && e == i + 1 && !lex_.not_names.count(std::string(doc_[s.toks[k].span])) &&
                                                  k + 1 < limit && !s.toks[k + 1].capitalized)))
        return Resolve(s, k, e, at);
      k = e;
    }
    return {};
  }

  // Token index range [b, e) of sentence s lying in [from, to) bytes.
  // At most kMaxWindow tokens next to the quote: bounds the work in endless sentences.
  static void TokenRange(const Sent& s, uint32_t from, uint32_t to, size_t* b, size_t* e) {
    auto first = std::lower_bound(s.toks.begin(), s.toks.end(), from,
                                  [](const Token& t, uint32_t f) { return t.span.begin < f; });
    auto last = std::upper_bound(s.toks.begin(), s.toks.end(), to,
                                 [](uint32_t t, const Token& tok) { return t < tok.span.end; });
    *b = static_cast<size_t>(first - s.toks.begin());
    *e = std::max(*b, static_cast<size_t>(last - s.toks.begin()));
  }
  static void Window(size_t* b, size_t* e, bool keep_end) {
    if (*e - *b <= kMaxWindow) return;
    if (keep_end) *b = *e - kMaxWindow; else *e = *b + kMaxWindow;
  }

  Speaker Attribute(const QuoteMarks& q) {
    if (sents_.empty()) return {};
    uint32_t at = q.open;
    // 1. After the closing mark, in its sentence.
    size_t si = SentenceIndex(q.close > 0 ? q.close - 1 : 0);
    const Sent& sa = sents_[si];
    size_t b, e;
    TokenRange(sa, q.close, sa.span.end, &b, &e);
    Window(&b, &e, false);
    while (b < e && (sa.lw[b] == "," || sa.lw[b] == "\xE2\x80\x94")) ++b;
    if (b < e && sa.toks[b].kind != TokenKind::kQuote) {
      if (size_t v = MatchAny(sa, b, lex_.verbs)) {
        size_t k = b + v, end = k;
        static const std::set<std::string, std::less<>> kStop = {
            "in", "on", "at", "after", "before", "when", "while", "as", "who", "that", "during",
            "according", "to", "told", "adding", "and", "but", "late", "early", "earlier", "later",
            "yesterday", "today", "on", "from", "last", "this", "about", "of"};
        while (end < e && end < k + 9 &&
               ((sa.toks[end].kind == TokenKind::kWord && !kStop.count(sa.lw[end])) || IsInitialDot(sa, end)))
          ++end;
        // Keep "of" inside names ("head of state", "Bank of England") only before a capital.
        Speaker sp = Resolve(sa, k, end, at);
        if (!sp.empty()) {
          if (sp.role.empty()) sp.role = AppositiveRole(sa, end);
          return sp;
        }
      }
      for (size_t k = b; k < e && k < b + 9; ++k) {
        if (sa.toks[k].kind != TokenKind::kWord) break;
        if (MatchAny(sa, k, lex_.verbs)) {
          Speaker sp = Resolve(sa, b, k, at);
          if (!sp.empty()) return sp;
          break;
        }
      }
      for (size_t k = b; k < e; ++k) {
        if (size_t n = MatchAny(sa, k, lex_.according)) {
          size_t x = k + n, y = x;
          while (y < e && sa.lw[y] != "," && sa.lw[y] != ".") ++y;
          Speaker sp = Resolve(sa, x, y, at);
          if (!sp.empty()) return sp;
        }
      }
    }
    // 2. Before the opening mark, in its sentence.
    size_t so = SentenceIndex(q.open);
    const Sent& sb = sents_[so];
    TokenRange(sb, sb.span.begin, q.open, &b, &e);
    Window(&b, &e, true);
    while (e > b && (sb.lw[e - 1] == "," || sb.lw[e - 1] == ":" || sb.lw[e - 1] == "\xE2\x80\x94")) --e;
    if (e > b) {
      for (size_t v = e; v-- > b;) {
        if (size_t n = MatchAny(sb, v, lex_.according)) {
          size_t y = v + n;
          while (y < e && sb.lw[y] != ",") ++y;
          Speaker sp = ResolveWithApposition(sb, v + n, y, at);
          if (!sp.empty()) return sp;
        }
        if (!MatchAny(sb, v, lex_.verbs)) continue;
        // "the claims", "a report": nouns, not speech verbs.
        static const auto kDeterminers = text::grammar::GrammarWords<std::set<std::string, std::less<>>>(
            {text::grammar::kArticles, text::grammar::kPossessives}, {"these", "those"});
        if (v > b && kDeterminers.count(sb.lw[v - 1])) continue;
        if (MatchAny(sb, v, lex_.participles)) return SentenceSubject(sb, v, at);
        // The subject before the verb, an appositive between commas skipped ("Morris, 55, told").
        size_t k = v;
        while (k > b && (sb.lw[k - 1] == "also" || sb.lw[k - 1] == "then" || sb.lw[k - 1] == "later")) --k;
        std::string role;
        if (k > b && sb.lw[k - 1] == ",") {
          size_t c = k - 1;
          size_t c0 = c;
          while (c0 > b && sb.lw[c0 - 1] != "," && c - c0 < 12) --c0;
          if (c0 > b && sb.lw[c0 - 1] == ",") {
            role = AppositiveRole(sb, c0 - 1);
            k = c0 - 1;
          }
        }
        if (k > b && (lex_.person_pronouns.count(sb.lw[k - 1]) || lex_.any_pronouns.count(sb.lw[k - 1])))
          return Resolve(sb, k - 1, k, at);
        size_t rb = RunBackward(sb, k);
        while (rb > b && MatchAny(sb, rb - 1, lex_.roles)) --rb;
        if (rb < k) {
          Speaker sp = Resolve(sb, rb, k, at);
          if (sp.role.empty()) sp.role = role;
          if (!sp.empty()) return sp;
        }
        // A common-noun subject: "the statement said", "police said".
        size_t nb = k;
        while (nb > b && k - nb < 4 && sb.toks[nb - 1].kind == TokenKind::kWord &&
               !MatchAny(sb, nb - 1, lex_.verbs) && sb.lw[nb - 1] != "that")
          --nb;
        if (nb < k) {
          Speaker sp = Resolve(sb, nb, k, at);
          if (!sp.empty()) return sp;
        }
        // No subject here ("that the claims were"): look further back for the speech verb.
      }
      // 3. A partial quote inside a sentence: the sentence's subject.
      size_t ai, aj;
      TokenRange(sa, q.close, sa.span.end, &ai, &aj);
      if (so == si && aj > ai) {
        Speaker sp = SentenceSubject(sb, e, at);
        if (!sp.empty()) return sp;
      }
    }
    return {};
  }

  static constexpr int kMaxLookBack = 200;      // mentions looked at when resolving a name
  static constexpr size_t kMaxWindow = 40;      // tokens read on each side of a quote

  const QuoteLexicon& lex_;
  const Document& doc_;
  std::vector<QuoteMarks> marks_;
  std::vector<const Entity*> entities_by_begin_;
  std::set<uint32_t> mention_starts_;
  std::vector<Sent> sents_;
  std::vector<Speaker> mentions_;
  std::vector<Speaker> speakers_;
};

}  // namespace

Result<QuoteLexicon> QuoteLexicon::Load(const DataFiles& files) {
  QuoteLexicon lex;
  EM_ASSIGN_OR_RETURN(text::WordLists speech, text::ReadWordLists(files, "quotes/speech.txt"));
  EM_ASSIGN_OR_RETURN(text::WordLists roles, text::ReadWordLists(files, "quotes/roles.txt"));
  EM_ASSIGN_OR_RETURN(text::WordLists orgs, text::ReadWordLists(files, "quotes/organisations.txt"));
  EM_RETURN_IF_ERROR(text::RequireSections(speech, files.PathOf("quotes/speech.txt"),
                                           {"verbs", "participles", "according", "statements", "pronouns", "particles", "not_names"}));
  EM_RETURN_IF_ERROR(text::RequireSections(roles, files.PathOf("quotes/roles.txt"), {"roles"}));
  EM_RETURN_IF_ERROR(text::RequireSections(orgs, files.PathOf("quotes/organisations.txt"), {"words"}));
  AddPhrases(speech["verbs"], &lex.verbs);
  AddPhrases(speech["participles"], &lex.participles);
  AddPhrases(speech["according"], &lex.according);
  AddPhrases(speech["statements"], &lex.statements);
  AddPhrases(roles["roles"], &lex.roles);
  for (const auto& e : speech["pronouns"]) {
    if (e.values.empty()) continue;
    (e.values[0] == "person" ? lex.person_pronouns : lex.any_pronouns).insert(e.key);
  }
  for (const auto& e : speech["particles"])
    for (const auto& w : text::KeyAlternatives(e)) lex.particles.insert(w);
  for (const auto& e : speech["not_names"])
    for (const auto& w : text::KeyAlternatives(e)) lex.not_names.insert(w);
  for (const auto& e : orgs["words"])
    for (const auto& w : text::KeyAlternatives(e)) lex.org_words.insert(text::AsciiLower(w));
  return lex;
}

std::vector<Span> FindQuotedSpans(std::string_view text, const std::vector<Span>& paragraphs) {
  std::vector<Span> out;
  for (const QuoteMarks& q : FindQuoteMarks(text, paragraphs)) out.push_back(q.inner());
  return out;
}

void QuoteAttributor::Attribute(Document& doc) const {
  if (doc.paragraphs.empty()) doc.paragraphs = text::SplitParagraphs(doc.text);
  if (doc.sentences.empty()) doc.sentences = text::SplitSentences(doc.text, doc.paragraphs, *abbreviations_);
  doc.quotes.clear();
  Attributor a(*lex_, doc);
  a.Run(&doc.quotes);
}

}  // namespace eventmill::analyze
