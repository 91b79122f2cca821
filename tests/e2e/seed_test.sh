#!/usr/bin/env bash
# The seed article scored by ../shared/eval/score.py; prints the figures and fails only on a
# regression below the floors recorded here (raise them as stages land).
source "$(dirname "$0")/lib.sh"
need_shared
"$EM" code "$SHARED/seed/kazakhstan-2022-01-09.html" --format json > "$TMP/seed.jsonl" || fail "code on the seed page"
python3 "$SHARED/eval/score.py" "$SHARED/seed/kazakhstan-2022-01-09.gold.json" "$TMP/seed.jsonl" --json > "$TMP/score.json"
python3 - "$TMP/score.json" "$ROOT/tests/e2e/seed_floor.json" <<'PY' && pass "seed score at or above the floors" || fail "seed score regressed"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
floor = json.load(open(sys.argv[2]))
print("seed:", " ".join("%s=%s" % (k, s[k]) for k in sorted(s)))
bad = [k for k, v in floor.items() if (s[k] > v if k in ("counts_fp", "events_forbidden") else s[k] < v)]
if bad:
    print("below floor:", bad)
    sys.exit(1)
PY
finish
