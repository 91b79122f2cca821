#!/usr/bin/env bash
# The events dev set (../shared/devsets/events, texts in ../shared/devsets/geo/articles.jsonl)
# scored by ../shared/eval/score.py; prints the figures and fails only on a regression below
# tests/e2e/events_floor.json (raise it with the figures).
source "$(dirname "$0")/lib.sh"
need_shared
[ -d "$SHARED/devsets/events" ] && [ -f "$SHARED/devsets/geo/articles.jsonl" ] || { echo "skip: no events dev set"; exit 77; }
"$EM" code "$SHARED/devsets/geo/articles.jsonl" --format json > "$TMP/ev.jsonl" 2> "$TMP/ev.err" || fail "code on the events dev set"
python3 "$SHARED/eval/score.py" "$SHARED/devsets/events/" "$TMP/ev.jsonl" > "$TMP/score.txt" || fail "score.py"
check_floor events "$TMP/score.txt" "$ROOT/tests/e2e/events_floor.json" && pass "events dev set at or above the floors" || fail "events dev set regressed"
finish
