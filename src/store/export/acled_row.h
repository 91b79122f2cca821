// One stored event as a row of ACLED's export (the columns of ACLED's API and codebook, from
// event_id_cnty to timestamp), with ACLED's own conventions: actor names and inter codes by actor
// type, the actors a coder records when the report names none, interaction codes, civilian
// targeting, admin-1/admin-2 from the gazetteer, source scale, and vague tolls coded as ACLED codes
// them. docs/acled-export.md says which convention each column follows. Part of store/export.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eventmill/store.h"
#include "store/export/reference_tables.h"

namespace eventmill {

// ACLED's column names, in ACLED's order.
const std::vector<std::string>& AcledColumns();

// One actor of an ACLED row.
struct AcledActor {
  std::string name;   // "Police Forces of Kazakhstan"; empty: no actor
  std::string assoc;  // the associated actor ("Nationalist Congress Party" beside "Protesters (India)")
  int inter = 0;      // 1..8; 0 only for an absent actor 2
};

// ACLED's interaction code: the two inter codes, lower first (17: state forces and civilians), or
// inter1 * 10 for an event with one actor (60: protesters alone).
int AcledInteraction(int inter1, int inter2);

// The fatalities column: the event's `killed` counts, each as ACLED codes its figure.
int64_t AcledFatalities(const Event& e, const ExportTables& tables);

// The row of `s`, one field per AcledColumns() entry; nullopt for an event ACLED does not code
// (no ACLED event type, or a non-political category: disasters, crime).
std::optional<std::vector<std::string>> AcledRow(const StoredEvent& s, const ExportTables& tables);

}  // namespace eventmill
