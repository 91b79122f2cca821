#!/usr/bin/env bash
# The dashboard (web/): installs its npm packages (npm ci, from web/package-lock.json, into
# web/node_modules) and builds web/dist/, which `eventmill serve` serves. Runs only when web/dist is
# missing or older than a source of it. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../../web"
[ -f package.json ] || exit 0
stamp=dist/index.html
if [ -f "$stamp" ] && [ -z "$(find index.html vite.config.js package.json package-lock.json src -newer "$stamp" -print -quit)" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: npm is missing: cannot build the dashboard (web/)" >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing the dashboard's npm packages (web/node_modules)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
echo "setup: building the dashboard (web/dist)"
npm run --silent build >/dev/null
