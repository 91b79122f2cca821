# Helpers for the end-to-end scripts: `source tests/e2e/lib.sh` with the binary as $1.
set -uo pipefail
EM=${1:?usage: $0 path/to/eventmill}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED=$(cd "$ROOT/../shared" 2>/dev/null && pwd || true)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
need_shared() {
  if [ -z "$SHARED" ]; then echo "skip: ../shared is not beside the checkout"; exit 77; fi
}
finish() { [ "$failures" = 0 ] && echo "all passed" || { echo "$failures failed"; exit 1; }; }
# check_floor LABEL SCORE_TXT FLOOR_JSON: the last "score: k=v ..." line of SCORE_TXT must reach
# every figure of FLOOR_JSON; prints the line.
check_floor() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, re, sys
label, score_txt, floor_json = sys.argv[1:4]
line = [l for l in open(score_txt) if l.startswith("score:")][-1]
s = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)}
floor = json.load(open(floor_json))
print(label + ":", line.strip())
bad = [k for k, v in floor.items() if s.get(k, -1.0) < v]
if bad:
    print("below floor:", bad)
    sys.exit(1)
PY
}
