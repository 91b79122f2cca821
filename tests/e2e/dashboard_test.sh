#!/usr/bin/env bash
# The dashboard (web/) in headless Chromium against `eventmill serve` on the bundled samples: the
# map, a map point, the timeline brush, articles with their highlighted spans, the figures' sources,
# a filter (tests/e2e/dashboard_test.mjs); the web/ unit tests (node --test). Screenshots go to
# build/screenshots/. Skips (77) without Debian's chromium or the dashboard's npm packages.
source "$(dirname "$0")/lib.sh"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
command -v node >/dev/null || { echo "skip: node is not installed (tools/setup.sh)"; exit 77; }
[ -x "$CHROMIUM" ] || { echo "skip: $CHROMIUM is missing (tools/setup.d/80-web.apt installs Debian's chromium)"; exit 77; }
bash "$ROOT/tools/setup.d/80-web.sh" >"$TMP/web-setup.log" 2>&1 ||
  { echo "skip: the dashboard cannot be built: $(tail -2 "$TMP/web-setup.log")"; exit 77; }
[ -f "$ROOT/web/node_modules/playwright-core/package.json" ] ||
  { echo "skip: web/node_modules has no playwright-core (tools/setup.d/80-web.sh)"; exit 77; }

if node --test "$ROOT/web/src/" >"$TMP/unit.log" 2>&1; then
  pass "web unit tests: $(grep -E '^# (pass|fail)' "$TMP/unit.log" | tr '\n' ' ')"
else
  fail "web unit tests:"; grep -E "^not ok|error:|expected|actual" "$TMP/unit.log" | head -20
fi

"$EM" ingest "$ROOT/samples" --db "$TMP/sample.db" --no-progress 2>"$TMP/ingest.err" ||
  { fail "ingest samples: $(tail -2 "$TMP/ingest.err")"; finish; }
shots="$(cd "$(dirname "$EM")" && pwd)/screenshots"
node "$ROOT/tests/e2e/dashboard_test.mjs" --eventmill "$EM" --db "$TMP/sample.db" --web "$ROOT/web/dist" \
  --screenshots "$shots" --chromium "$CHROMIUM" ${DASHBOARD_README_SHOT:+--readme "$DASHBOARD_README_SHOT"} ||
  failures=$((failures + 1))
finish
