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
# People and organisations ("people 77/77") as a score line of their own, against entities_floor.json.
python3 -c 'import re,sys; print("score: " + " ".join("%s=%.3f" % (k, int(a) / int(b)) for k, a, b in re.findall(r"^(people|organizations) +(\d+)/(\d+)", open(sys.argv[1]).read(), re.M)))' "$TMP/score.txt" > "$TMP/entities.txt"
check_floor entities "$TMP/entities.txt" "$ROOT/tests/e2e/entities_floor.json" && pass "events dev set: people and organisations at or above the floors" || fail "events dev set: people or organisations regressed"
finish
