// EntityFinder: places, countries, people (with roles), organisations and actor groups in a
// Document, each with its span, canonical name, and actor code / resolved place where it applies.
#pragma once

#include <memory>

#include "eventmill/document.h"
#include "eventmill/lexicon.h"
#include "eventmill/status.h"

namespace eventmill::analyze {

class EntityFinder {
 public:
  explicit EntityFinder(const Lexicon& lexicon) : lexicon_(&lexicon) {}
  // Fills doc.entities (sorted by span). Needs doc.sentences. Thread-safe (const).
  void Find(Document& doc) const;

 private:
  const Lexicon* lexicon_;
};

}  // namespace eventmill::analyze
