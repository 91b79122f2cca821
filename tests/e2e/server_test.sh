#!/usr/bin/env bash
# eventmill serve: the JSON API (docs/api.md) on the bundled samples, SQLite and PostgreSQL
# (tools/pg_test_server.sh; skipped when the server cannot be installed), through a real HTTP
# client on a free loopback port: every endpoint with good and bad parameters, /api/events equal to
# `eventmill events`, limits, path traversal, the dashboard's files (tests/e2e/server_api.py).
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/web/assets"
echo '<!doctype html><title>eventmill</title>' > "$TMP/web/index.html"
echo 'console.log("dashboard")' > "$TMP/web/assets/app.js"
echo 'root:x:0:0' > "$TMP/secret"

"$EM" ingest "$ROOT/samples" --db "$TMP/sample.db" --no-progress 2>"$TMP/ingest.err" ||
  { fail "ingest samples: $(tail -2 "$TMP/ingest.err")"; finish; }
python3 "$ROOT/tests/e2e/server_api.py" "$EM" "$TMP/sample.db" "$TMP/web" sqlite || failures=$((failures + 1))

"$EM" serve --db "$TMP/missing.db" --port 0 >"$TMP/out" 2>"$TMP/err" && fail "serve on a missing file" ||
  { grep -q "missing.db: no such database" "$TMP/err" && [ ! -e "$TMP/missing.db" ] &&
    pass "a missing database is an error, not created: $(cat "$TMP/err")" || fail "missing db: $(cat "$TMP/err")"; }
"$EM" serve --db "$TMP/sample.db" --port 99999 2>"$TMP/err" && fail "bad port accepted" ||
  { grep -q -- "--port needs" "$TMP/err" && pass "bad --port: $(cat "$TMP/err")" || fail "bad port: $(cat "$TMP/err")"; }

URL=$(bash "$ROOT/tools/pg_test_server.sh" start "$TMP/pg")
rc=$?
if [ "$rc" = 0 ]; then
  trap 'bash "$ROOT/tools/pg_test_server.sh" stop "$TMP/pg"; rm -rf "$TMP"' EXIT
  "$EM" ingest "$ROOT/samples" --db "$URL" --no-progress 2>"$TMP/ingest-pg.err" ||
    fail "ingest samples into PostgreSQL: $(tail -2 "$TMP/ingest-pg.err")"
  python3 "$ROOT/tests/e2e/server_api.py" "$EM" "$URL" "$TMP/web" postgresql || failures=$((failures + 1))
else
  echo "skip: PostgreSQL part (no server: $rc)"
fi
finish
