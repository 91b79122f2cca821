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
# A non-political event: its category is stored (schema version 5) and exported by both backends.
cat > "$TMP/flood.jsonl" <<'JSON'
{"id":"f100000000000001","url":"https://flood.example/1","title":"Flood","published":"2022-01-15","site_name":"Flood News","text":"Floods killed 12 people in Almaty on Saturday, officials said.","entities":[],"quotes":[],"counts":[],"events":[{"id":"f1e","cameo":"202","cameo_root":"20","quad_class":4,"goldstein":-10,"plover":"ASSAULT","plover_mode":"","acled":null,"category":"natural_disaster","source":null,"target":null,"location":{"name":"Almaty","country":"KZ","admin1":"Almaty City","lat":43.25,"lon":76.92,"geonameid":1526384,"precision":"city","span":[27,33]},"date":{"value":"2022-01-15","precision":"day","basis":"explicit"},"counts":[{"kind":"killed","value":12,"qualifier":"exact","who":"people","text":"12 people","span":[14,23]}],"modality":"asserted","evidence":{"span":[0,62]},"confidence":0.8}],"duplicate_of":null}
JSON
for db in "$LITE" "$URL"; do
  "$EM" ingest --db "$db" --documents "$TMP/docs.jsonl" "$TMP/flood.jsonl" --no-progress 2>/dev/null || fail "ingest documents into $db"
  "$EM" ingest --db "$db" "$TMP/one.txt" "$TMP/rec.jsonl" --threads 1 --no-progress 2>/dev/null || fail "ingest pages into $db"
done

# Masks what legitimately differs: when a row was written.
mask() { sed -E 's/"added_at":"[^"]*"/"added_at":"T"/g; s/[0-9]{14}\t(https?:|$)/T\t\1/; s/,[0-9]{10}\r?$/,T/'; }
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
for db in "$LITE" "$URL"; do
  "$EM" events --db "$db" --limit 0 --format jsonl --country KZ --since 2022-01-15 --until 2022-01-15 |
    grep -q '"acled":null,"category":"natural_disaster"' && pass "category stored and read back (${db%%:*})" ||
    fail "category lost in $db"
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
