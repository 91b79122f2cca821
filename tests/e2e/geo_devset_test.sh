#!/usr/bin/env bash
# The geoparsing dev set (../shared/devsets/geo) scored by ../shared/eval/geo_score.py; prints the
# figures and fails only on a regression below tests/e2e/geo_floor.json (raise it with the figures).
source "$(dirname "$0")/lib.sh"
need_shared
[ -f "$SHARED/devsets/geo/articles.jsonl" ] || { echo "skip: no geo dev set"; exit 77; }
"$EM" code "$SHARED/devsets/geo/articles.jsonl" --format json > "$TMP/geo.jsonl" 2> "$TMP/geo.err" || fail "code on the geo dev set"
python3 "$SHARED/eval/geo_score.py" "$SHARED/devsets/geo/gold.jsonl" "$TMP/geo.jsonl" > "$TMP/score.txt" || fail "geo_score.py"
check_floor geo "$TMP/score.txt" "$ROOT/tests/e2e/geo_floor.json" && pass "geo dev set at or above the floors" || fail "geo dev set regressed"
finish
