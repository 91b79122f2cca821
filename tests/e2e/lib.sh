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
