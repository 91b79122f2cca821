#include "code/actor_assigner.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_set>

#include "code/modifier_actors.h"
#include "code/reaction_reading.h"
#include "code/word_order_reading.h"
#include "core/cameo_code.h"
#include "text/grammar_words.h"

namespace eventmill::code {
namespace {

// Words before an entity that make it a place, not a participant ("clashes in Almaty").
const std::unordered_set<std::string>& LocativeWords() {
  static const auto kWords = text::grammar::GrammarWords<std::unordered_set<std::string>>(
      {text::grammar::kLocatives}, {"from", "nationwide", "including"});
  return kWords;
}

bool IsAuthorityRole(const std::string& role) {
  return role == "COP" || role == "GOV" || role == "MIL" || role == "JUD" || role == "SPY" || role == "LEG";
}

bool Fits(const Entity& e, const std::vector<std::string>& kinds) {
  std::string type(EntityTypeName(e.type));
  std::string role = e.actor ? e.actor->role : "";
  for (const auto& k : kinds) {
    if (k == type || (!role.empty() && k == role)) return true;
  }
  return false;
}

std::string Describe(const Actor& a) { return a.code + " (\"" + a.text + "\")"; }

}  // namespace

Actor ActorAssigner::ActorOf(const Entity& e) {
  if (e.actor && !e.actor->empty()) {
    Actor a = *e.actor;
    if (a.text.empty()) a.text = e.text;
    if (a.span.empty()) a.span = e.span;
    return a;
  }
  Actor a;
  a.text = e.text;
  a.span = e.span;
  if (e.place) a.country = e.place->country;
  a.code = a.country;
  a.name = e.canonical.empty() ? e.text : e.canonical;
  return a;
}

Result<ActorAssigner> ActorAssigner::Parse(std::string_view references_tsv, std::string_view light_verbs,
                                           const Inflector& inflector) {
  ActorAssigner a;
  std::istringstream lv{std::string(light_verbs)};
  std::string lemma;
  while (std::getline(lv, lemma)) {
    if (lemma.empty() || lemma[0] == '#') continue;
    while (!lemma.empty() && (lemma.back() == ' ' || lemma.back() == '\r')) lemma.pop_back();
    for (auto& f : inflector.Forms(lemma)) a.light_verbs_.insert(f);
    a.frame_words_.light_verbs.insert(lemma);
  }
  std::istringstream in{std::string(references_tsv)};
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream f(line);
    std::string word, kinds, flag;
    if (!(f >> word)) continue;
    if (!(f >> kinds)) {
      return Status::InvalidInput("references.tsv:" + std::to_string(lineno), "want 'word TYPES,ROLES'");
    }
    std::vector<std::string> list;
    std::istringstream ks(kinds);
    std::string k;
    while (std::getline(ks, k, ',')) list.push_back(k);
    a.references_[word] = std::move(list);
    if (f >> flag && flag == "pronoun") a.pronouns_.insert(word);
  }
  return a;
}

std::optional<Actor> ActorAssigner::ResolveReference(const DocumentContext& ctx, const SentenceView& s, size_t from,
                                                     size_t to, std::string* how, const Actor* not_this,
                                                     bool* by_pronoun) const {
  // The referring word nearest the trigger wins ("members of the organization have sent").
  for (size_t i = to; i-- > from;) {
    if (s.AsideFrom(i, to)) continue;
    const std::string& w = s.tokens[i].lower;
    // "We are extremely disappointed," Weber said: inside a quote, "we" and "I" are its speaker.
    if (w == "we" || w == "i" || w == "us" || w == "our") {
      for (const auto& q : ctx.doc->quotes) {
        if (q.span.Contains(s.tokens[i].span) && q.speaker_actor && !q.speaker_actor->empty()) {
          *how = "\"" + w + "\" in a quote is its speaker, " + q.speaker;
          return *q.speaker_actor;
        }
      }
      continue;
    }
    auto it = references_.find(w);
    if (it == references_.end()) continue;
    // Only a definite description or a pronoun refers back: "the organization", "he".
    bool pronoun = pronouns_.count(w) > 0;
    if (!pronoun && !(i > 0 && (s.tokens[i - 1].lower == "the" || s.tokens[i - 1].lower == "its" ||
                                s.tokens[i - 1].lower == "their"))) {
      continue;
    }
    // "outside the police headquarters", "in a police car": a noun compound names a thing.
    static const std::unordered_set<std::string> kThings = {
        "headquarters", "station", "stations", "building", "buildings", "car", "cars", "vehicle", "vehicles", "van",
        "cell", "cells", "compound", "post", "academy", "barracks", "records", "report", "reports", "tape", "line"};
    if (i + 1 < s.tokens.size() && kThings.count(s.tokens[i + 1].lower)) continue;
    uint32_t before = s.tokens[i].span.begin;
    // A pronoun that opens its sentence continues the last sentence's subject: "The attackers
    // arrived and opened fire on residents. They burned shops": they are the attackers.
    bool opens = i == 0 || (i == 1 && s.tokens[0].punct);
    if (pronoun && opens && s.index > 0 && s.index <= ctx.doc->sentences.size()) {
      const Span& prev = ctx.doc->sentences[s.index - 1].span;
      uint32_t prev_begin = prev.begin, prev_end = prev.end;
      auto first = std::lower_bound(ctx.entities.begin(), ctx.entities.end(), prev_begin,
                                    [](const Entity* x, size_t b) { return x->span.begin < b; });
      for (auto at = first; at != ctx.entities.end(); ++at) {
        const Entity* e = *at;
        if (e->span.begin >= prev_end) break;
        if (!Fits(*e, it->second) || !CanAct(*e)) continue;
        if (e->actor && e->actor->role == "MED") continue;
        if (not_this && (e->span == not_this->span || e->text == not_this->text)) continue;
        *how = "\"" + s.tokens[i].lower + "\" opens the sentence: the last sentence's subject, " + e->text;
        if (by_pronoun) *by_pronoun = true;
        return ActorOf(*e);
      }
    }
    // The last fitting actor before the word, named or not ("the victim"), but never the
    // clause's own source ("Kresin pulled her": her is not Kresin).
    for (auto e = ctx.entities.rbegin(); e != ctx.entities.rend(); ++e) {
      if ((*e)->span.begin >= before) continue;
      if (before - (*e)->span.begin > 3000) break;
      if (!Fits(**e, it->second)) continue;
      if (not_this && ((*e)->span == not_this->span || (*e)->text == not_this->text ||
                       (!not_this->name.empty() && (*e)->canonical == not_this->name))) {
        continue;
      }
      // "OUAGADOUGOU (AFP) — ... They burned shops": the agency that reports is not who "they" are.
      if (pronoun && (*e)->actor && (*e)->actor->role == "MED") continue;
      if (!CanAct(**e)) return std::nullopt;
      *how = "\"" + s.tokens[i].lower + "\" refers back to " + (*e)->text;
      if (by_pronoun) *by_pronoun = pronoun;
      return ActorOf(**e);
    }
  }
  return std::nullopt;
}

std::optional<Actor> ActorAssigner::Authority(const DocumentContext& ctx, const SentenceView& s, const Actor* not_this,
                                              const std::vector<Span>& reacting, std::string* how) const {
  auto usable = [&](const Entity& e) {
    // "Police were disappointed with the release": who reacts to the act did not do it.
    bool reacts = std::any_of(reacting.begin(), reacting.end(), [&](const Span& w) { return e.span.Contains(w); });
    return e.actor && IsAuthorityRole(e.actor->role) && (!not_this || not_this->span.begin != e.span.begin) && !reacts;
  };
  for (const auto& ref : s.entities) {
    if (usable(*ref.entity)) {
      *how = "no agent named: the authority in the sentence, " + ref.entity->text;
      return ActorOf(*ref.entity);
    }
  }
  for (const auto& q : ctx.doc->quotes) {
    if (q.span.Overlaps(s.span) && q.speaker_actor && IsAuthorityRole(q.speaker_actor->role)) {
      *how = "no agent named: the speaker of the quote, " + q.speaker;
      return *q.speaker_actor;
    }
  }
  // The nearest authority named before the sentence, then the first one after it.
  for (auto e = ctx.entities.rbegin(); e != ctx.entities.rend(); ++e) {
    if ((*e)->span.begin < s.span.begin && usable(**e)) {
      *how = "no agent named: the last authority named before, " + (*e)->text;
      return ActorOf(**e);
    }
  }
  for (const Entity* e : ctx.entities) {
    if (e->span.begin >= s.span.end && usable(*e)) {
      *how = "no agent named: the authority named after, " + e->text;
      return ActorOf(*e);
    }
  }
  return std::nullopt;
}

std::vector<const EntityRef*> ActorAssigner::ActorRefs(const DocumentContext& ctx, const SentenceView& s,
                                                     const PatternMatch& m, size_t from, size_t to,
                                                     bool allow_locative) const {
  std::vector<const EntityRef*> refs;
  bool after_trigger = from > m.last;
  const std::vector<Span> stance = ctx.doc ? StanceModifiers(*ctx.doc, s) : std::vector<Span>{};
  for (const EntityRef* r : s.EntitiesIn(from, to)) {
    if (!CanAct(*r->entity)) continue;
    if (s.AsideFrom(r->first, m.trigger)) continue;  // "Olson, who spent years as a fugitive, was released"
    // "an anti-Syria journalist": a country behind a stance prefix names no actor.
    if (std::find(stance.begin(), stance.end(), r->entity->span) != stance.end()) continue;
    // "WASHINGTON (AP) —": the agency of a dateline reports, it does not act.
    if (r->first > 0 && r->last + 1 < s.tokens.size() && s.tokens[r->first - 1].lower == "(" &&
        s.tokens[r->last + 1].lower == ")" && r->entity->actor && r->entity->actor->role == "MED") {
      continue;
    }
    // "Kazakh President Tokayev": a demonym before another actor modifies it, it does not act.
    if ((!r->entity->actor || r->entity->actor->role.empty()) && r->entity->type == EntityType::kCountry &&
        std::any_of(s.entities.begin(), s.entities.end(),
                    [&](const EntityRef& o) {
                      // right before the actor, or before a title ("Kazakh President Tokayev")
                      if (!CanAct(*o.entity) || o.first <= r->last || s.tokens[r->last + 1].punct) return false;
                      if (o.first == r->last + 1) return true;
                      const std::string& text = ctx.doc->text;
                      return o.first == r->last + 2 &&
                             std::isupper(static_cast<unsigned char>(text[s.tokens[r->last + 1].span.begin]));
                    })) {
      continue;
    }
    // "the Israeli city of Ashkelon", "the Syrian border": a demonym before a place noun says
    // where, not who.
    if (r->entity->type == EntityType::kCountry && r->last + 1 < s.tokens.size()) {
      static const std::unordered_set<std::string> kPlaceNouns = {
          "city", "town", "village", "capital", "port", "border", "province", "region", "territory", "coast",
          "side", "soil", "airspace", "waters", "countryside", "frontier", "district", "state"};
      if (kPlaceNouns.count(s.tokens[r->last + 1].lower)) continue;
    }
    // "near the border with Georgia": a country past a border says where.
    if (r->first >= 2 && (r->before == "with" || r->before == "of") &&
        (s.tokens[r->first - 2].lower == "border" || s.tokens[r->first - 2].lower == "frontier")) {
      continue;
    }
    // "criticism of Russia": after the trigger, "of" introduces the target.
    // "fired at protesters", "shot at police": people after "at" are aimed at, not a place.
    bool aimed_at = r->before == "at" && r->first > m.trigger &&
                    (r->entity->type == EntityType::kGroup || r->entity->type == EntityType::kPerson);
    if (!allow_locative && LocativeWords().count(r->before) && !aimed_at) continue;
    // "the capital of Kazakhstan" names a place; "thousands of protesters" names actors.
    if (!allow_locative && !after_trigger && r->before == "of" && r->entity->type == EntityType::kCountry) continue;
    // Skip an entity nested inside the previous one ("Kazakhstan" in "President of Kazakhstan").
    if (!refs.empty() && r->first <= refs.back()->last) {
      if (r->entity->actor && !refs.back()->entity->actor) refs.back() = r;
      continue;
    }
    refs.push_back(r);
  }
  return refs;
}

std::optional<ActorAssigner::TreeChoice> ActorAssigner::ReadByTree(const DocumentContext& ctx, const SentenceView& s,
                                                    const PatternMatch& m) const {
  if (!frames_ || !ctx.doc || m.trigger >= s.tokens.size()) return std::nullopt;
  const Document& doc = *ctx.doc;
  const Pattern& p = *m.pattern;
  Span phrase{s.tokens[m.first].span.begin, s.tokens[std::min(m.last, s.tokens.size() - 1)].span.end};
  FrameReading frame =
      ReadFrame(doc, s.index, s.tokens[m.trigger].span.begin, p.cameo, *frames_, frame_words_, phrase);
  if (!frame.parsed) return std::nullopt;
  ActorChoice out;
  for (auto& e : frame.explain) out.explain.push_back("tree: " + e);
  // "military aid", "military intelligence": a role word as an adjective names no actor.
  // "an anti-Syria journalist": a country behind a stance prefix names no actor either.
  const std::vector<Span> modifiers = RoleWordsAsModifiers(doc, s);
  const std::vector<Span> stance = StanceModifiers(doc, s);
  // ", Thai police here said": the one who reports after a comma acts in nothing it reports, however
  // the parser hung it.
  std::vector<Span> reporters;
  for (const EntityRef& r : s.entities) {
    if (r.first > 0 && s.tokens[r.first - 1].lower == "," && word_order::ReportsAfter(s, r.last)) {
      reporters.push_back(r.entity->span);
    }
  }
  auto modifies = [&](const Entity& e) {
    return std::find(modifiers.begin(), modifiers.end(), e.span) != modifiers.end() ||
           std::find(stance.begin(), stance.end(), e.span) != stance.end() ||
           std::any_of(reporters.begin(), reporters.end(), [&](const Span& r) { return r.Contains(e.span); });
  };
  // "Berlin rejected", "relations with Kigali": in a verbal or diplomatic act (short of coercion,
  // not a protest nor a show of force), a city or country named as the slot's own word stands for
  // its government. Its code is the country's alpha-2 code until the frame pass completes it
  // (CompleteActors: alpha-3 + GOV). A place after "in" fills no slot (frames.tsv), so the scene
  // of an event never becomes its actor here.
  CameoCode family(p.cameo);
  bool places_act = family.IsShortOfCoercion() && !family.HasRoot(14) && !family.HasRoot(15);
  auto PlaceAsGovernment = [&](const FrameArgument& a, const Actor* not_this, size_t* first,
                               std::string* how) -> std::optional<Actor> {
    if (!places_act) return std::nullopt;
    for (const EntityRef& r : s.entities) {
      const Entity& e = *r.entity;
      if (!e.span.Contains(doc.tokens[a.word].span) || e.type != EntityType::kPlace || !e.place ||
          e.place->country.empty() || (e.place->precision != "city" && e.place->precision != "country")) {
        continue;
      }
      if (not_this && e.span == not_this->span) continue;
      Actor g = ActorOf(e);
      g.role = "GOV";
      *first = r.first;
      *how = a.how + "; \"" + e.text + "\" stands for its government";
      return g;
    }
    return std::nullopt;
  };
  // The actor a slot's word names: the entity that holds it or one of its name parts, or for a
  // pronoun the actor it refers back to.
  // `on_head`: the actor names the argument's own word, not a modifier of it ("German" in
  // "German Chancellor Scholz" when Scholz is no entity).
  auto actor_of = [&](const FrameArgument& a, const Actor* not_this, size_t* first, std::string* how,
                      bool* on_head) -> std::optional<Actor> {
    *on_head = true;
    if (a.pronoun) {
      size_t i = s.TokenAt(doc.tokens[a.word].span.begin);
      if (i >= s.tokens.size()) return std::nullopt;
      std::string ref;
      auto actor = ResolveReference(ctx, s, i, i + 1, &ref, not_this);
      if (actor) *how = a.how + "; " + ref;
      return actor;
    }
    // The first entity that holds one of the words; but a person the dictionaries do not know
    // gives way to the office a title or an apposition names ("Jones, the army's spokesman,").
    const EntityRef* found = nullptr;
    for (uint32_t w : a.look_in) {
      const Span& word = doc.tokens[w].span;
      for (const EntityRef& r : s.entities) {
        if (!r.entity->span.Contains(word) || !CanAct(*r.entity) || modifies(*r.entity)) continue;
        if (not_this && r.entity->span == not_this->span) continue;
        bool coded = r.entity->actor && !r.entity->actor->code.empty();
        if (!found) {
          found = &r;
          *how = a.how;
          if (coded || r.entity->type != EntityType::kPerson) break;
        } else if (coded && r.entity->type != EntityType::kCountry && !IsPlace(*r.entity)) {
          *how = a.how + "; \"" + r.entity->text + "\" names the office of " + found->entity->text;
          found = &r;
          break;
        }
      }
      if (found && found->entity->actor && !found->entity->actor->code.empty() && w != a.look_in.front()) break;
    }
    if (!found) return PlaceAsGovernment(a, not_this, first, how);
    *on_head = found->entity->span.Contains(doc.tokens[a.word].span);
    *first = found->first;
    Actor actor = ActorOf(*found->entity);
    // "supporters of former President X": people of X's country who side with X, not X's office.
    const Token& head_word = doc.tokens[a.word];
    if (!*on_head && actor.country.size() == 2 && !actor.role.empty() &&
        (found->entity->type == EntityType::kPerson || found->entity->type == EntityType::kOrg)) {
      std::string lemma = head_word.lemma;
      for (char& ch : lemma) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (IsPartisanNoun(lemma)) {
        *how += "; \"" + std::string(doc[head_word.span]) + "\" side with " + found->entity->text;
        actor.text = std::string(doc[head_word.span]);
        actor.span = head_word.span;
        actor.name = actor.text + " of " + (actor.name.empty() ? found->entity->text : actor.name);
        actor.code = actor.country;
        actor.role = "PRO";  // as common_actors.cues codes a crowd of supporters
        *on_head = true;
      }
    }
    return actor;
  };
  auto taken = [&](const Actor& a) {
    return std::any_of(out.sources.begin(), out.sources.end(), [&](const Actor& x) { return x.span == a.span; }) ||
           (out.target && out.target->span == a.span);
  };
  std::vector<const FrameArgument*> sources, targets;
  for (const FrameArgument& a : frame.sources) {
    // "angered by the decision": what a feeling is about is its target, not its agent.
    bool by = a.relation == Deprel::kOblAgent || (a.relation == Deprel::kObl && a.how.find("\"by\"") != std::string::npos);
    (p.feeling && by ? targets : sources).push_back(&a);
  }
  for (const FrameArgument& a : frame.targets) {
    // "we are disappointed with X", "angered by X": who feels it is the source.
    if (p.feeling && a.relation == Deprel::kNsubjPass) {
      sources.push_back(&a);
      continue;
    }
    // target=recipient: "sent troops to Kazakhstan": what is sent is no target.
    if (p.recipient_target && (a.relation == Deprel::kObj || a.relation == Deprel::kNsubjPass)) continue;
    targets.push_back(&a);
  }
  const FrameArgument* first_source = nullptr;
  bool source_direct = false, target_direct = false, subject_before_by = false;
  for (const FrameArgument* a : sources) {
    // Coordinated words are one event each; another relation naming a source ("Israeli" in
    // "Israeli police raid") is the same actor told twice.
    if (first_source && a->group != first_source->group) continue;
    size_t first = SIZE_MAX;
    std::string how;
    bool on_head = true;
    auto actor = actor_of(*a, nullptr, &first, &how, &on_head);
    if (!actor || taken(*actor)) continue;
    if (out.sources.empty()) {
      out.source_entity_first = first;
      subject_before_by = a->relation == Deprel::kNsubj && a->word < doc.tokens.size() &&
                          s.TokenAt(doc.tokens[a->word].span.begin) < m.trigger &&
                          m.trigger + 1 < s.tokens.size() && s.tokens[m.trigger + 1].lower == "by";
    }
    if (!first_source) first_source = a;
    source_direct = source_direct || (a->direct && on_head);
    out.sources.push_back(*actor);
    out.explain.push_back("source " + Describe(*actor) + ": " + how);
  }
  for (const FrameArgument* a : targets) {
    size_t first = SIZE_MAX;
    std::string how;
    bool on_head = true;
    auto actor = actor_of(*a, out.sources.empty() ? nullptr : &out.sources.front(), &first, &how, &on_head);
    if (!actor || taken(*actor)) continue;
    out.target = *actor;
    target_direct = a->direct && on_head;
    out.explain.push_back("target " + Describe(*actor) + ": " + how);
    break;
  }
  TreeChoice tree;
  tree.sides_named = out.target.has_value() &&
                     std::any_of(frame.sources.begin(), frame.sources.end(), [](const FrameArgument& a) {
                       return a.how.find("(first side)") != std::string::npos;
                     });
  for (uint32_t w : frame.not_actors) tree.not_actors.push_back(doc.tokens[w].span);
  tree.not_actors.insert(tree.not_actors.end(), modifiers.begin(), modifiers.end());
  tree.source_direct = source_direct;
  tree.subject_before_by = subject_before_by;
  tree.target_direct = target_direct;
  tree.choice = std::move(out);
  return tree;
}

namespace {

// "Vietnamese-led forces" where the group "forces" took the article's country: the demonym that
// modifies its head word in the tree says whose they are (modifier_actors.h). For the actors of
// either reading, on a parsed sentence.
void CountryFromModifiers(const Document& doc, const SentenceView& s, ActorChoice& out) {
  if (s.index >= doc.sentences.size() || !doc.sentences[s.index].parsed) return;
  const Sentence& sent = doc.sentences[s.index];
  auto correct = [&](Actor& a) {
    if (a.role.empty() || a.span.empty()) return;
    const Entity* group = nullptr;
    for (const EntityRef& r : s.entities) {
      if (r.entity->span == a.span && r.entity->type == EntityType::kGroup) group = r.entity;
    }
    if (!group) return;
    // "ethnic Hungarian activists", "anti-American protesters": the group's demonym names no
    // state; the group is of the story's country (completed by the frame pass).
    for (const Span& sp : StanceModifiers(doc, s)) {
      if (sp.begin != a.span.begin || !a.span.Contains(sp) || a.country.empty()) continue;
      out.explain.push_back("modifiers: \"" + a.text + "\": its demonym names a people or a stance, not " + a.country);
      a.country.clear();
      a.code = a.role;
      return;
    }
    // The head word of the group: inside its span, hanging from a word outside it.
    for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
      const Token& t = doc.tokens[i];
      if (!a.span.Contains(t.span)) continue;
      if (t.head >= 0 && a.span.Contains(doc.tokens[t.head].span)) continue;
      std::string cc = ModifierCountry(doc, s, i);
      if (!cc.empty() && cc != a.country) {
        out.explain.push_back("modifiers: \"" + a.text + "\" of " + cc + ", as its modifier says, not " +
                              (a.country.empty() ? std::string("unknown") : a.country));
        a.country = a.code = cc;
      }
      return;
    }
  };
  for (Actor& a : out.sources) correct(a);
  if (out.target) correct(*out.target);
}

}  // namespace

ActorChoice ActorAssigner::Combine(TreeChoice tree, ActorChoice words, bool* sides_named) const {
  // Per slot: the trigger verb's own core relation (nsubj, obj, nsubj:pass, obl:agent), which the
  // parser gets right most often; else the word-order reading, less the actors the tree rules out
  // (the speaker of a reported clause, "according to X"); else what else the tree read (a light
  // verb's subject, a controller, a relative clause's noun, a prepositional object). Measured on
  // the dev sets (docs/patterns.md): the tree alone loses to this order, because a misparse
  // (a past tense read as a participle, a clause hung on the wrong verb) costs more there than
  // the word order does.
  ActorChoice from_tree = std::move(tree.choice);
  auto ruled_out = [&](const Actor& a) {
    return std::any_of(tree.not_actors.begin(), tree.not_actors.end(),
                       [&](const Span& w) { return !a.span.empty() && a.span.Contains(w); });
  };
  ActorChoice out;
  out.explain = std::move(from_tree.explain);
  std::vector<std::string> word_explain = std::move(words.explain);
  // "President X on Thursday shortened by one hour the curfew": where the word order reads a
  // passive ("shortened by") and takes the subject for the target, but the tree reads that actor
  // as the source (the subject of the verb), the tree decides: one actor does not fill both slots.
  bool words_target_is_tree_source =
      tree.subject_before_by && words.target &&
      std::any_of(from_tree.sources.begin(), from_tree.sources.end(),
                  [&](const Actor& a) { return !a.span.empty() && a.span == words.target->span; });
  if (tree.target_direct && from_tree.target) {
    out.target = std::move(from_tree.target);
  } else if (words.target && !ruled_out(*words.target) && !words_target_is_tree_source) {
    out.target = std::move(words.target);
  } else {
    if (words_target_is_tree_source) {
      out.explain.push_back("tree: not \"" + words.target->text +
                            "\" as the target: the verb's own subject is the source");
    } else if (words.target) {
      out.explain.push_back("tree: not \"" + words.target->text +
                            "\", whom the tree rules out (the speaker of a report, what the source owns, or a "
                            "role word as an adjective)");
    }
    // A weaker reading of the tree does not turn the word order's source into the target ("3
    // gunmen killed a man" with "killed" misread as a participle on "gunmen").
    bool words_source = !tree.source_direct && from_tree.target &&
                        std::any_of(words.sources.begin(), words.sources.end(), [&](const Actor& a) {
                          return !ruled_out(a) && a.span == from_tree.target->span;
                        });
    if (!words_source) out.target = std::move(from_tree.target);
  }
  auto is_target = [&](const Actor& a) { return out.target && out.target->span == a.span; };
  if (tree.source_direct && !from_tree.sources.empty()) {
    out.sources = std::move(from_tree.sources);
    out.source_entity_first = from_tree.source_entity_first;
    *sides_named = tree.sides_named;
  } else if (words.source_shared && std::any_of(from_tree.sources.begin(), from_tree.sources.end(),
                                                 [&](const Actor& a) { return !is_target(a); })) {
    // "... if Officer X hadn't wounded Y while trading gunfire": the word order guesses the last
    // actor before the clause (Y, an object); the tree reads the subject of the clause it hangs from.
    for (Actor& a : from_tree.sources) {
      if (!is_target(a)) out.sources.push_back(std::move(a));
    }
    out.source_entity_first = from_tree.source_entity_first;
    *sides_named = tree.sides_named;
    out.explain.push_back("tree: the subject the clause hangs from, over the word order's guess");
  } else {
    for (Actor& a : words.sources) {
      if (ruled_out(a) && !words.source_by_pronoun) {
        out.explain.push_back("tree: not \"" + a.text +
                              "\", whom the tree rules out (the speaker of a report, what the source owns, or a "
                              "role word as an adjective)");
      } else if (!is_target(a)) {
        out.sources.push_back(std::move(a));
      }
    }
    if (!out.sources.empty()) {
      out.source_entity_first = words.source_entity_first;
    } else {
      for (Actor& a : from_tree.sources) {
        if (!is_target(a)) out.sources.push_back(std::move(a));
      }
      if (!out.sources.empty()) {
        out.source_entity_first = from_tree.source_entity_first;
        *sides_named = tree.sides_named;
      }
    }
  }
  for (auto& e : word_explain) out.explain.push_back("word order: " + e);
  return out;
}

ActorChoice ActorAssigner::Assign(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m) const {
  bool sides_named = false;
  ActorChoice out = ReadByWordOrder(ctx, s, m, &sides_named);
  if (auto tree = ReadByTree(ctx, s, m)) out = Combine(std::move(*tree), std::move(out), &sides_named);
  if (ctx.doc) CountryFromModifiers(*ctx.doc, s, out);
  Finish(ctx, s, m, sides_named, out);
  AimAtUnnamedTarget(*m.pattern, out);
  return out;
}

void ActorAssigner::AimAtUnnamedTarget(const Pattern& p, ActorChoice& out) const {
  if (!frames_ || out.target || out.sources.empty() || p.no_target) return;
  std::string role = frames_->UnnamedTargetRole(out.recode.empty() ? p.cameo : out.recode);
  const Actor& source = out.sources.front();
  bool country = source.country.size() == 2 && std::isupper(static_cast<unsigned char>(source.country[0])) &&
                 std::isupper(static_cast<unsigned char>(source.country[1]));
  // "Nigerians rallied": a country named without an actor still has its code as a bare alpha-2
  // code here (CompleteActors gives it its alpha-3 code), and so does its unnamed target.
  bool bare_country = source.code == source.country;
  if (role.empty() || !country || (source.code.size() < 3 && !bare_country) || source.role == role) return;
  Actor a;
  a.code = bare_country ? source.country : source.code.substr(0, 3) + role;
  a.country = source.country;
  a.role = role;
  a.name = "the " + role + " of " + source.country + " (not named)";
  out.target = a;
  out.explain.push_back("target " + a.code + ": no target named; " + p.cameo.substr(0, 2) +
                        " events are aimed at the source's " + role + " (data/mappings/frames.tsv)");
}

ActorChoice ActorAssigner::ReadByWordOrder(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m,
                                           bool* sides_named) const {
  ActorChoice out;
  const Pattern& p = *m.pattern;
  size_t cb = s.ClauseBegin(m.trigger), ce = std::max(s.ClauseEnd(m.trigger), s.ClauseEnd(m.last));
  auto actor_refs = [&](size_t from, size_t to, bool allow_locative) {
    return ActorRefs(ctx, s, m, from, to, allow_locative);
  };
  bool nominal = word_order::ReadsAsNoun(s, m);
  word_order::AdjectivalParticiple adjectival = word_order::ReadAdjectivalParticiple(s, m, verbs_);
  const EntityRef* by_agent = word_order::ByAgent(actor_refs(m.trigger + 1, ce, true));
  word_order::Sides between = word_order::SidesBetween(s, m, ce, actor_refs);
  std::vector<const EntityRef*> before = actor_refs(cb, m.trigger, false);
  std::vector<const EntityRef*> after =
      word_order::ObjectCandidates(s, m, actor_refs(m.trigger + 1, ce, false), by_agent);
  const EntityRef* subject = word_order::SubjectOf(s, before);
  const EntityRef* object = after.empty() ? nullptr : after.front();
  auto set_sources = [&](const EntityRef* head, const char* why) {
    if (!head) return;
    for (const EntityRef* r : word_order::CoordinatedWith(s, before, head)) {
      out.sources.push_back(ActorOf(*r->entity));
      out.explain.push_back(std::string("source ") + Describe(out.sources.back()) + ": " + why);
    }
    out.source_entity_first = head->first;
  };
  auto set_target = [&](const EntityRef* r, const char* why) {
    out.target = ActorOf(*r->entity);
    out.explain.push_back("target " + Describe(*out.target) + ": " + why);
  };
  auto set_agent = [&](const EntityRef* r, const char* why) {
    out.sources.push_back(ActorOf(*r->entity));
    out.source_entity_first = r->first;
    out.explain.push_back("source " + Describe(out.sources[0]) + ": " + why);
  };
  if (word_order::IsParticipleAdjunct(s, m, cb, nominal)) {
    auto main = actor_refs(0, m.trigger, false);
    if (!main.empty()) {
      subject = main.front();
      before.assign(main.begin(), main.begin() + 1);
    }
  }
  if (adjectival.adjectival) {
    if (adjectival.victim) set_target(adjectival.victim, "named by the participle before it (\"the wounded officer\")");
  } else if (between.a && between.b) {
    out.sources.push_back(ActorOf(*between.a->entity));
    out.target = ActorOf(*between.b->entity);
    out.source_entity_first = between.a->first;
    out.explain.push_back("source " + Describe(out.sources[0]) + " and target " + Describe(*out.target) +
                          ": \"between A and B\"");
  } else if (nominal && !by_agent && m.first > cb && s.tokens[m.first - 1].lower == "with" &&
             (CameoCode(p.cameo).Within("175") || CameoCode(p.cameo).IsViolent()) &&
             !actor_refs(cb, m.first - 1, false).empty()) {
    // "security forces beat demonstrators with batons": the means of a clause's act; its
    // subject acts and its object suffers.
    std::vector<const EntityRef*> cands = actor_refs(cb, m.first - 1, false);
    set_sources(cands.front(), "subject of the clause whose means the noun names (\"with batons\")");
    if (cands.size() >= 2) set_target(cands[1], "object of the clause whose means the noun names");
  } else if (nominal) {
    if (by_agent) {
      set_agent(by_agent, "\"by\" agent of the noun");
    } else if (subject && word_order::ModifiesNoun(s, m, *subject, verbs_, light_verbs_)) {
      set_sources(subject, "modifies the noun");
    } else {
      // "Tokayev ... announced ... an invitation to the CSTO": the subject of a light verb.
      set_sources(word_order::LightVerbSubject(s, m, actor_refs(0, m.trigger, false), light_verbs_),
                  "subject of a light verb (\"carried out\", \"announced\") before the noun");
    }
    if (object && word_order::ComplementOfNoun(s, m, *object)) set_target(object, "complement of the noun");
  } else if (m.passive) {
    if (subject) set_target(subject, "subject of the passive verb");
    if (by_agent) set_agent(by_agent, "\"by\" agent of the passive");
  } else {
    if (subject) set_sources(subject, "before the verb, in its clause");
    if (object) set_target(object, "after the verb, in its clause");
  }
  FillByReference(ctx, s, m, cb, ce, nominal, adjectival.adjectival, set_sources, out);
  *sides_named = between.a != nullptr;
  return out;
}

void ActorAssigner::FillByReference(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m,
                                    size_t cb, size_t ce, bool nominal, bool adjectival,
                                    const std::function<void(const EntityRef*, const char*)>& set_sources,
                                    ActorChoice& out) const {
  const Pattern& p = *m.pattern;
  // Back-references and the sentence's earlier subject when the clause names no source.
  if (out.sources.empty() && !m.passive && !nominal && !adjectival) {
    std::string how;
    if (auto a = ResolveReference(ctx, s, cb, m.trigger, &how, nullptr, &out.source_by_pronoun)) {
      out.sources.push_back(*a);
      out.explain.push_back("source " + Describe(*a) + ": " + how);
    } else {
      auto earlier = ActorRefs(ctx, s, m, 0, cb, false);
      if (!earlier.empty() && word_order::SharesEarlierSubject(s, m, cb, *earlier.back()) &&
          !(out.target && earlier.back()->entity->span == out.target->span)) {
        set_sources(earlier.back(), "subject of the sentence (shared by the later clause)");
        out.source_shared = true;
      }
    }
  }
  if (!out.target && m.passive && !adjectival) {
    std::string how;
    if (auto a = ResolveReference(ctx, s, cb, m.trigger, &how)) {
      out.target = *a;
      out.explain.push_back("target " + Describe(*a) + ": " + how);
    }
  }
  if (!out.target && !m.passive && !nominal && !p.no_target && !adjectival) {
    std::string how;
    // "pulled her to the ground": the pronoun may sit inside the matched phrase.
    size_t from = m.trigger + 1;
    size_t to = std::min(ce, std::max(m.trigger, m.last) + 3);
    if (auto a = ResolveReference(ctx, s, from, to, &how, out.sources.empty() ? nullptr : &out.sources.front())) {
      out.target = *a;
      out.explain.push_back("target " + Describe(*a) + ": " + how);
    }
  }
}

void ActorAssigner::Finish(const DocumentContext& ctx, const SentenceView& s, const PatternMatch& m,
                           bool sides_named, ActorChoice& out) const {
  const Pattern& p = *m.pattern;
  size_t cb = s.ClauseBegin(m.trigger), ce = std::max(s.ClauseEnd(m.trigger), s.ClauseEnd(m.last));
  auto actor_refs = [&](size_t from, size_t to, bool allow_locative) {
    return ActorRefs(ctx, s, m, from, to, allow_locative);
  };
  if (p.reverse && !out.sources.empty()) {
    std::optional<Actor> new_target = out.sources.front();
    out.sources.clear();
    if (out.target) out.sources.push_back(*out.target);
    out.target = new_target;
    out.explain.push_back("pattern reads the subject as target (reverse)");
  }
  if (p.no_target) out.target.reset();
  // Only an authority arrests, charges or jails: a private person before the verb is the one
  // held ("the man accused of knifing him went to jail"); an armed group that "captures" or
  // "detains" people abducts them (CAMEO 181).
  if (p.authority && out.sources.size() == 1) {
    const Actor& a = out.sources[0];
    bool armed = a.role == "REB" || a.role == "INS" || a.role == "UAF" || a.role == "CRM";
    if (armed && CameoCode(p.cameo).Within("173")) {
      out.recode = "181";
      out.explain.push_back("an armed group (" + a.code + ") holding people abducts them: 181");
    } else if (!IsAuthorityRole(a.role) && !armed && !(a.role.empty() && a.code.size() == 3)) {  // a bare country is its state
      out.explain.push_back("\"" + a.text + "\" is no authority: " + (out.target ? "not the source" : "the one held"));
      if (!out.target) out.target = a;
      out.sources.clear();
    }
  } else if (p.authority && out.sources.size() > 1) {
    // "The men, Marshall and Sargent, were captured ... and taken to jail": a list of private
    // persons before the verb are the ones held, never the ones who hold them.
    std::vector<Actor> kept;
    for (const Actor& a : out.sources) {
      bool armed = a.role == "REB" || a.role == "INS" || a.role == "UAF" || a.role == "CRM";
      if (IsAuthorityRole(a.role) || armed || (a.role.empty() && a.code.size() == 3)) {
        kept.push_back(a);
      } else {
        out.explain.push_back("\"" + a.text + "\" is no authority: " + (out.target ? "not the source" : "the one held"));
        if (!out.target) out.target = a;
      }
    }
    out.sources = std::move(kept);
  }
  if (out.sources.empty() && p.authority) {
    std::string how;
    std::vector<Span> reacting;
    if (ctx.doc && m.trigger < s.tokens.size()) reacting = ReactingSubjects(*ctx.doc, s.index, s.tokens[m.trigger].span.begin);
    if (auto a = Authority(ctx, s, out.target ? &*out.target : nullptr, reacting, &how)) {
      out.sources.push_back(*a);
      out.explain.push_back("source " + Describe(*a) + ": " + how);
    }
  }
  // "Security forces and militants exchanged fire": a mutual act of a coordinated subject is one
  // event between the two. "The parolee died in a shootout when the SWAT team stormed ...": a
  // side the clause does not name is another actor of the sentence, on another side.
  if (p.mutual && !sides_named) {
    if (out.sources.size() >= 2 && (!out.target || out.target->span.begin > out.sources[1].span.begin)) {
      out.target = out.sources[1];
      out.sources.resize(1);
      out.explain.push_back("target " + Describe(*out.target) + ": the other side of a mutual act (\"A and B clashed\")");
    }
    auto side = [](const std::string& role) {
      if (role == "COP" || role == "MIL" || role == "SPY" || role == "GOV" || role == "JUD") return 1;
      if (role == "REB" || role == "INS" || role == "UAF" || role == "CRM") return 2;
      // Protesters clash too (a riot); international bodies, media, civilians do not fight.
      return role == "PRO" || role == "OPP" ? 3 : 0;
    };
    auto private_person = [](const EntityRef& r) {
      return r.entity->type == EntityType::kPerson && (!r.entity->actor || r.entity->actor->code.empty());
    };
    if (out.sources.size() <= 1 && (out.sources.empty() || !out.target)) {
      std::vector<const EntityRef*> cands = actor_refs(cb, ce, false);
      for (const EntityRef* r : actor_refs(0, s.tokens.size(), false)) {
        if (std::find(cands.begin(), cands.end(), r) == cands.end()) cands.push_back(r);
      }
      for (const EntityRef* r : cands) {
        // Groups and people fight; a country named in the sentence ("the border with Georgia") is no side.
        if (IsPlace(*r->entity)) continue;
        // "Officer X traded gunfire with Y": a private person who fights the state's forces is the
        // other side (an armed one: data/mappings/slot_roles.tsv gives the role).
        bool against_state = !out.sources.empty() && !out.target && side(out.sources[0].role) == 1;
        if (!(private_person(*r) && against_state) &&
            (!r->entity->actor || side(r->entity->actor->role) == 0)) {
          continue;
        }
        Actor a = ActorOf(*r->entity);
        if (out.sources.empty()) {
          if (out.target && (out.target->span == a.span || side(out.target->role) == side(a.role))) continue;
          out.sources.push_back(a);
          out.source_entity_first = r->first;
          out.explain.push_back("source " + Describe(a) + ": a side of the mutual act named in the sentence");
        } else if (!out.target) {
          if (out.sources[0].span == a.span || side(out.sources[0].role) == side(a.role)) continue;
          if (private_person(*r)) out.explain.push_back("\"" + a.text + "\" fights the state's forces: armed");
          out.target = a;
          out.explain.push_back("target " + Describe(a) + ": the other side of the mutual act, named in the sentence");
        }
        if (!out.sources.empty() && out.target) break;
      }
    }
  }
  // "UNIFIL's media coordinator, Dhalia Farran,": a person named in apposition to an
  // organisation's office speaks for the organisation.
  auto speaks_for = [&](Actor& a) {
    if (!a.code.empty() || a.span.empty()) return;
    size_t first = s.TokenAt(a.span.begin);
    if (first < 2 || first >= s.tokens.size() || s.tokens[first - 1].lower != ",") return;
    for (const EntityRef& r : s.entities) {
      if (!r.entity->actor || r.entity->actor->code.empty() || IsPlace(*r.entity) || r.last + 6 < first || r.last >= first) continue;
      const std::string& own = s.tokens[r.last].lower;
      bool possessive = (own.size() > 2 && own.compare(own.size() - 2, 2, "'s") == 0) ||
                        (r.last + 1 < first && s.tokens[r.last + 1].lower == "'s");
      bool plain = true;  // only the office's words between: no comma, no verb
      for (size_t t = r.last + 1; t + 1 < first; ++t) plain &= !s.tokens[t].punct && !verbs_.count(s.tokens[t].lower);
      if (!possessive || !plain) continue;
      const Actor& org = *r.entity->actor;
      a.code = org.code, a.country = org.country, a.role = org.role;
      out.explain.push_back("\"" + a.text + "\" speaks for " + r.entity->text + " (" + org.code + "), whose office the text names");
      return;
    }
  };
  for (Actor& a : out.sources) speaks_for(a);
  // An actor is never its own target.
  if (out.target && !out.sources.empty() && out.sources.size() == 1 &&
      out.sources[0].span == out.target->span) {
    out.target.reset();
  }
  if (out.sources.empty()) out.explain.push_back("no source named");
  if (!out.target) out.explain.push_back("no target named");
}

}  // namespace eventmill::code
