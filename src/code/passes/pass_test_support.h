// Helpers for the tests of the coder's passes (header-only, included by *_pass_test.cc only): the
// project's CoderData loaded once, Documents built by hand (entities, counts and dates placed by
// the test, not by the analyzer), and the state a pass reads, built by the passes before it.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "code/passes/passes.h"
#include "core/data_files.h"
#include "text/sentence_splitter.h"

namespace eventmill::code::pass_testing {

inline const CoderData& Data() {
  static const CoderData* data = [] {
    static Lexicon* lexicon = [] {
      auto l = Lexicon::Load();
      if (!l.ok()) {
        ADD_FAILURE() << l.status().message();
        std::abort();
      }
      return new Lexicon(std::move(*l));
    }();
    DataFiles patterns(DataDir() + "/patterns"), mappings(DataDir() + "/mappings");
    auto d = CoderData::Load(*lexicon, patterns, mappings);
    if (!d.ok()) {
      ADD_FAILURE() << d.status().message();
      std::abort();
    }
    return d->release();
  }();
  return *data;
}

inline Document Doc(const std::string& text, const std::string& published = "2023-05-10") {
  static const text::Abbreviations* abbr = [] {
    auto r = text::Abbreviations::Load(DataFiles(DataDir()));
    if (!r.ok()) std::abort();
    return new text::Abbreviations(std::move(*r));
  }();
  Document doc;
  doc.id = "test";
  doc.text = text;
  doc.published = published;
  doc.paragraphs = text::SplitParagraphs(doc.text);
  doc.sentences = text::SplitSentences(doc.text, doc.paragraphs, *abbr);
  return doc;
}

inline Span Find(const Document& doc, const std::string& s, size_t from = 0) {
  size_t at = doc.text.find(s, from);
  EXPECT_NE(at, std::string::npos) << s;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
}

// An actor made by hand: its code, and what else the test needs.
inline Actor MakeActor(const std::string& code, const std::string& country = "", const std::string& role = "",
                       const std::string& text = "") {
  Actor a;
  a.code = code;
  a.country = country;
  a.role = role;
  a.text = text;
  return a;
}

// Every occurrence of `mention` becomes an actor entity coded `code` ("KENCOP": role "COP").
inline void AddActor(Document& doc, const std::string& mention, const std::string& code, const std::string& cc,
                     EntityType type = EntityType::kGroup) {
  for (size_t at = doc.text.find(mention); at != std::string::npos; at = doc.text.find(mention, at + 1)) {
    Entity e;
    e.type = type;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
    e.text = mention;
    e.actor = Actor{.text = mention, .span = e.span, .code = code, .country = cc, .role = code.substr(3, 3), .name = mention};
    doc.entities.push_back(e);
  }
  std::sort(doc.entities.begin(), doc.entities.end(), [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
}

inline void AddPlace(Document& doc, const std::string& mention, const std::string& cc, const std::string& precision) {
  for (size_t at = doc.text.find(mention); at != std::string::npos; at = doc.text.find(mention, at + 1)) {
    Entity e;
    e.type = precision == "country" ? EntityType::kCountry : EntityType::kPlace;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + mention.size())};
    e.text = mention;
    e.place = Place{};
    e.place->name = mention;
    e.place->country = cc;
    e.place->precision = precision;
    doc.entities.push_back(e);
  }
  std::sort(doc.entities.begin(), doc.entities.end(), [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
}

inline void AddCount(Document& doc, const std::string& mention, const std::string& kind, double value) {
  Count c;
  c.kind = kind;
  c.value = value;
  c.qualifier = "exact";
  c.text = mention;
  c.span = Find(doc, mention);
  doc.counts.push_back(c);
}

// The state the per-trigger passes see for the first pattern whose trigger word is `word` in
// sentence `si`: the story, the sentence opened, modality read and the frame filled.
struct Reading {
  DocumentState d;
  SentenceState st;
  TriggerState t;
  bool found = false;
};

inline Reading Read(Document& doc, const std::string& word, size_t si = 0) {
  Reading r;
  r.d = StartStory(Data(), doc);
  r.st = OpenSentence(Data(), r.d, si);
  AddCommonActors(Data(), r.d, r.st);
  r.st.first_of_sentence = r.d.events.size();
  FindScope(Data(), r.st);
  for (const PatternMatch& m : FindTriggers(Data(), r.st)) {
    if (r.st.s.tokens[m.trigger].lower != word) continue;
    r.t.m = m;
    r.t.p = m.pattern;
    r.found = true;
    break;
  }
  if (!r.found) {
    ADD_FAILURE() << "no pattern fires on \"" << word << "\"";
    return r;
  }
  ReadModality(Data(), r.d, r.st, r.t);
  FillFrame(Data(), r.d, r.st, r.t);
  return r;
}

// Whether some explain line starts with "PASS: " and holds `text`.
inline bool Explains(const std::vector<std::string>& explain, std::string_view pass, const std::string& text) {
  return std::any_of(explain.begin(), explain.end(), [&](const std::string& x) {
    return x.rfind(std::string(pass) + ": ", 0) == 0 && x.find(text) != std::string::npos;
  });
}

}  // namespace eventmill::code::pass_testing
