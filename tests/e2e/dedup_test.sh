#!/usr/bin/env bash
# The dedup stage end to end (tools/dedup_score.py):
#  - tests/dedup/reports.jsonl (the project's own set: one event told by several sites in their own
#    words, syndicated copies, templated briefs with other facts; gold clustering in "gold"):
#    pairwise precision and recall of merges at least the floors, and the same distinct events
#    when ingested reversed or in two runs; on SQLite and, when Debian's PostgreSQL is installed,
#    on PostgreSQL with the same distinct events as SQLite.
#  - ../shared ACLED notes (each a distinct event): share of notes merged with another at most the
#    ceiling (skipped without ../shared).
source "$(dirname "$0")/lib.sh"
SET="$ROOT/tests/dedup/reports.jsonl"
MIN_P=0.95 MIN_R=0.95 MAX_SHARE=0.01

if python3 "$ROOT/tools/dedup_score.py" pairs "$EM" "$SET" --min-precision $MIN_P --min-recall $MIN_R > "$TMP/sqlite.txt"; then
  pass "SQLite: $(grep 'precision' "$TMP/sqlite.txt" | head -1 | sed 's/dedup pairs: //'), same events in any order"
else
  cat "$TMP/sqlite.txt"
  fail "SQLite: below the floors (precision $MIN_P, recall $MIN_R) or order-dependent"
fi

# One row per distinct event, with its mentions; --explain says why each later mention was merged.
"$EM" ingest "$SET" --db "$TMP/set.db" --no-progress 2>/dev/null
"$EM" events --db "$TMP/set.db" --country GE --type 173 --since 2023-05-01 --until 2023-05-31 --format jsonl > "$TMP/ge.jsonl"
"$EM" events --db "$TMP/set.db" --country GE --type 173 --since 2023-05-01 --until 2023-05-31 --explain > "$TMP/explain.txt"
[ "$(wc -l < "$TMP/ge.jsonl")" = 1 ] && grep -q '"num_mentions":4' "$TMP/ge.jsonl" && grep -q "4 mentions, 4 articles, 4 sources" "$TMP/explain.txt" &&
  [ "$(grep -c "same event as the report in article" "$TMP/explain.txt")" = 3 ] && grep -q "place: same town (Tbilisi vs Tbilisi)" "$TMP/explain.txt" &&
  pass "one Tbilisi arrest event with 4 mentions; --explain gives the 3 merges' reasons" ||
  fail "events/--explain: $(head -c 600 "$TMP/ge.jsonl"; head -8 "$TMP/explain.txt")"

URL=$(bash "$ROOT/tools/pg_test_server.sh" start "$TMP/pg" 2>/dev/null)
if [ $? = 0 ]; then
  trap 'bash "$ROOT/tools/pg_test_server.sh" stop "$TMP/pg" >/dev/null 2>&1; rm -rf "$TMP"' EXIT
  if python3 "$ROOT/tools/dedup_score.py" pairs "$EM" "$SET" --db "$URL" --min-precision $MIN_P --min-recall $MIN_R > "$TMP/pg.txt"; then
    pass "PostgreSQL: $(grep 'precision' "$TMP/pg.txt" | head -1 | sed 's/dedup pairs: //')"
  else
    cat "$TMP/pg.txt"
    fail "PostgreSQL: below the floors or order-dependent"
  fi
  diff <(grep -E '^  (over-merged|not merged)' "$TMP/sqlite.txt") <(grep -E '^  (over-merged|not merged)' "$TMP/pg.txt") > /dev/null &&
    pass "SQLite and PostgreSQL merge the same pairs" || fail "SQLite and PostgreSQL differ: $(diff "$TMP/sqlite.txt" "$TMP/pg.txt" | head -5)"
else
  echo "skip: no PostgreSQL server (install Debian postgresql) for the parity part"
fi

if [ -n "$SHARED" ] && [ -f "$SHARED/devsets/events-intl/acled-notes.jsonl" ]; then
  if python3 "$ROOT/tools/dedup_score.py" overmerge "$EM" "$SHARED/devsets/events-intl/acled-notes.jsonl" --max-share $MAX_SHARE --show 0 > "$TMP/acled.txt"; then
    pass "ACLED notes: $(head -1 "$TMP/acled.txt" | sed 's/dedup overmerge: //')"
  else
    cat "$TMP/acled.txt"
    fail "ACLED notes: over-merging above $MAX_SHARE"
  fi
else
  echo "skip: ../shared ACLED notes absent (over-merging part)"
fi
finish
