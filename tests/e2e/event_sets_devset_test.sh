#!/usr/bin/env bash
# The labelled event sets (../shared/devsets/events-intl: CASE 2021, ACLED notes, PLOVER records)
# scored by ../shared/eval/event_sets_score.py; prints the figures and fails only on a regression
# below tests/e2e/event_sets_floor.json (raise it with the figures).
source "$(dirname "$0")/lib.sh"
need_shared
[ -d "$SHARED/devsets/events-intl" ] || { echo "skip: no events-intl dev sets"; exit 77; }
python3 "$SHARED/eval/event_sets_score.py" "$EM" "$SHARED/devsets/events-intl" > "$TMP/sets.txt" 2>&1 || fail "event_sets_score.py"
python3 - "$TMP/sets.txt" "$ROOT/tests/e2e/event_sets_floor.json" <<'PY' && pass "event sets at or above the floors" || fail "event sets regressed"
import json, re, sys
line = [l for l in open(sys.argv[1]) if l.startswith("summary")][-1]
s = {k: float(v) for k, v in re.findall(r"([\w.]+)=([0-9.]+)", line)}
floor = json.load(open(sys.argv[2]))
print("event sets:", " ".join("%s=%.3f" % (k, s.get(k, -1)) for k in floor))
# nonpolitical_fp is a rate of errors: it must stay at or below its ceiling.
bad = [k for k, v in floor.items() if (s.get(k, 9) > v if k.endswith("_fp") else s.get(k, -1) < v)]
if bad:
    print("past the floor:", bad)
    sys.exit(1)
PY
finish
