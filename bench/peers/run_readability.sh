#!/usr/bin/env bash
# Runs Mozilla Readability.js (the peer, per ../shared/peers/README.md) on the extraction dev-set
# pages in this session, scores it with the same script as eventmill, and prints its speed.
# Installs the npm packages into /tmp/peers (never into the repository) when missing.
#   bash bench/peers/run_readability.sh [PAGES_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=../shared
PAGES=${1:-$SHARED/devsets/extraction/trafilatura/pages}
PEERS=${PEERS_DIR:-/tmp/peers}
if [ ! -d "$PAGES" ] || [ ! -f "$SHARED/peers/readability-run.js" ]; then
  echo "skip: $PAGES or $SHARED/peers is missing"; exit 77
fi
if ! command -v node >/dev/null; then echo "skip: node is not installed"; exit 77; fi
if [ ! -d "$PEERS/node_modules/@mozilla/readability" ] || [ ! -d "$PEERS/node_modules/jsdom" ]; then
  mkdir -p "$PEERS"
  (cd "$PEERS" && { [ -f package.json ] || npm init -y >/dev/null; } &&
   npm install --no-audit --no-fund @mozilla/readability jsdom@27.0.0 >/dev/null)
fi
OUT=${OUT:-/tmp/readability.jsonl}
NODE_PATH="$PEERS/node_modules" node "$SHARED/peers/readability-run.js" "$PAGES"/*.html > "$OUT"
if [ -f "$SHARED/devsets/extraction/trafilatura/expected.json" ] && [ -z "${1:-}" ]; then
  python3 "$SHARED/eval/extraction_score.py" snippets "$SHARED/devsets/extraction/trafilatura/expected.json" "$OUT"
fi
