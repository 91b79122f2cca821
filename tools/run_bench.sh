#!/usr/bin/env bash
# Runs every benchmark in build/bench (full length). Figures go to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in build/bench/*_bench; do
  [ -x "$b" ] || continue
  echo "== $b"
  "$b" "$@" || echo "($b exited $?)"
done
