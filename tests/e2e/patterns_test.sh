#!/usr/bin/env bash
# The validation records of data/patterns/*.cases, run by `eventmill dict test` (the same files
# the code layer's unit tests run): every record must pass.
source "$(dirname "$0")/lib.sh"
if ! "$EM" dict test --help >/dev/null 2>&1; then
  echo "skip: this build has no 'dict' command yet"
  exit 77
fi
if "$EM" dict test "$ROOT"/data/patterns/*.cases > "$TMP/out" 2>&1; then
  pass "$(tail -1 "$TMP/out")"
else
  grep -A6 '^FAIL' "$TMP/out" | head -60
  fail "validation records: $(tail -1 "$TMP/out")"
fi
finish
