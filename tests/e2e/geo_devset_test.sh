#!/usr/bin/env bash
# The geoparsing dev set (../shared/devsets/geo) scored by ../shared/eval/geo_score.py; prints the
# figures and fails only on a regression below tests/e2e/geo_floor.json (raise it with the figures).
source "$(dirname "$0")/lib.sh"
need_shared
[ -f "$SHARED/devsets/geo/articles.jsonl" ] || { echo "skip: no geo dev set"; exit 77; }
"$EM" code "$SHARED/devsets/geo/articles.jsonl" --format json > "$TMP/geo.jsonl" 2> "$TMP/geo.err" || fail "code on the geo dev set"
python3 "$SHARED/eval/geo_score.py" "$SHARED/devsets/geo/gold.jsonl" "$TMP/geo.jsonl" > "$TMP/score.txt" || fail "geo_score.py"
python3 - "$TMP/score.txt" "$ROOT/tests/e2e/geo_floor.json" <<'PY' && pass "geo dev set at or above the floors" || fail "geo dev set regressed"
import json, re, sys
line = [l for l in open(sys.argv[1]) if l.startswith("score:")][-1]
s = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)}
floor = json.load(open(sys.argv[2]))
print("geo:", line.strip())
bad = [k for k, v in floor.items() if s[k] < v]
if bad:
    print("below floor:", bad)
    sys.exit(1)
PY
finish
