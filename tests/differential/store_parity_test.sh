#!/usr/bin/env bash
# SQLite and PostgreSQL give the same answers (RE2's tester idea): the same documents stored in
# both, then every query and export format compared byte for byte (ingest times masked).
source "$(dirname "$0")/../e2e/lib.sh"
URL=$(bash "$ROOT/tools/pg_test_server.sh" start "$TMP/pg")
rc=$?
[ "$rc" = 77 ] && exit 77
[ "$rc" = 0 ] || { echo "FAIL cannot start PostgreSQL"; exit 1; }
trap 'bash "$ROOT/tools/pg_test_server.sh" stop "$TMP/pg"; rm -rf "$TMP"' EXIT
LITE="$TMP/parity.db"

python3 "$ROOT/tests/e2e/store_corpus.py" 600 --seed 33 --copies 90 > "$TMP/docs.jsonl"
printf 'Plain page one: police detained dozens of people near the station.\n' > "$TMP/one.txt"
printf '{"id":"r1","text":"Record with text: the rally in the square was dispersed by police."}\n' > "$TMP/rec.jsonl"
for db in "$LITE" "$URL"; do
  "$EM" ingest --db "$db" --documents "$TMP/docs.jsonl" --no-progress 2>/dev/null || fail "ingest documents into $db"
  "$EM" ingest --db "$db" "$TMP/one.txt" "$TMP/rec.jsonl" --threads 1 --no-progress 2>/dev/null || fail "ingest pages into $db"
done

# Masks what legitimately differs: when a row was written.
mask() { sed -E 's/"added_at":"[^"]*"/"added_at":"T"/g; s/[0-9]{14}\t(https?:)/T\t\1/; s/,[0-9]{10}\r?$/,T/'; }
compare() {  # compare NAME COMMAND-ARGS...
  local name=$1; shift
  "$EM" "$@" --db "$LITE" 2>&1 | mask > "$TMP/a"
  "$EM" "$@" --db "$URL" 2>&1 | mask > "$TMP/b"
  if cmp -s "$TMP/a" "$TMP/b" && [ -s "$TMP/a" ]; then pass "$name ($(wc -l < "$TMP/a") lines)"
  else fail "$name differs: $(diff "$TMP/a" "$TMP/b" | head -4)"; fi
}
for fmt in table jsonl csv gdelt acled geojson; do
  compare "events --format $fmt" events --limit 0 --format "$fmt"
done
compare "country+type+date" events --country KZ --type 173 --since 2022-01-03 --until 2022-01-25 --format jsonl
compare "PLOVER type, limit" events --type PROTEST --limit 17 --format csv
compare "ACLED type" events --type "Peaceful protest" --format csv --limit 0
compare "actor prefix" events --actor ARM --format csv --limit 0
compare "near" events --near 41.7,44.8,500 --format csv --limit 0
compare "event text search" events --text "gunmen dead" --format csv --limit 0
compare "articles table" articles --limit 0
compare "articles jsonl" articles --limit 0 --format jsonl
compare "articles full-text" articles --text "police station" --format jsonl
compare "duplicates" articles --duplicates --limit 0
compare "articles by date and site" articles --since 2022-01-10 --until 2022-01-12 --site "Steppe Times"
"$EM" status --db "$LITE" | sed -n '2,5p' > "$TMP/a"
"$EM" status --db "$URL" | sed -n '2,5p' > "$TMP/b"
cmp -s "$TMP/a" "$TMP/b" && pass "status counts" || fail "status differs: $(diff "$TMP/a" "$TMP/b")"
finish
