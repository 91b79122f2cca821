#!/usr/bin/env bash
# --db postgresql://: a real PostgreSQL server (Debian's) on loopback in a temp dir. Several ingest
# processes writing the same inputs at once store every article once; ingest is idempotent; the
# schema is migrated once by whoever comes first.
source "$(dirname "$0")/lib.sh"
URL=$(bash "$ROOT/tools/pg_test_server.sh" start "$TMP/pg")
rc=$?
[ "$rc" = 77 ] && exit 77
[ "$rc" = 0 ] || { echo "FAIL cannot start PostgreSQL"; exit 1; }
trap 'bash "$ROOT/tools/pg_test_server.sh" stop "$TMP/pg"; rm -rf "$TMP"' EXIT
echo "ok   PostgreSQL test server at $URL"
psql() { command psql -qtA "$URL" -c "$1"; }

python3 "$ROOT/tests/e2e/store_corpus.py" 1500 --seed 21 --copies 200 > "$TMP/docs.jsonl"
total=$(wc -l < "$TMP/docs.jsonl")
# Three views of the same documents: whole, reversed, and shuffled; four writers at once.
tac "$TMP/docs.jsonl" > "$TMP/rev.jsonl"
shuf --random-source=<(yes) "$TMP/docs.jsonl" > "$TMP/shuf.jsonl"
pids=()
for f in docs rev shuf docs; do
  "$EM" ingest --db "$URL" --documents "$TMP/$f.jsonl" --batch 25 --no-progress 2>>"$TMP/err" &
  pids+=($!)
done
ok=1
for p in "${pids[@]}"; do wait "$p" || ok=0; done
[ "$ok" = 1 ] && pass "4 concurrent writers exit 0" || fail "a writer failed: $(grep -v 'inputs in' "$TMP/err" | head -5)"
a=$(psql "select count(*) from articles"); d=$(psql "select count(distinct id) from articles")
e=$(psql "select count(*) from events"); i=$(psql "select count(*) from inputs")
[ "$a" = "$total" ] && [ "$d" = "$total" ] && [ "$e" = "$total" ] && [ "$i" = "$total" ] &&
  pass "concurrent writers: $a articles, $e events, no duplicates" || fail "articles=$a distinct=$d events=$e inputs=$i want $total"
m=$(psql "select count(*) from schema_migrations")
n=$("$EM" status --db "$URL" | sed -n "s/.*schema version \([0-9]*\).*/\1/p")
[ "$m" = "$n" ] && [ "$m" -ge 2 ] && pass "schema migrated once (version $m)" || fail "schema_migrations rows: $m"
dups=$(psql "select count(*) from articles where duplicate_of is not null")
[ "$dups" -ge 150 ] && pass "near-duplicates linked under concurrency ($dups of 200)" || fail "duplicates: $dups"

"$EM" ingest --db "$URL" --documents "$TMP/docs.jsonl" --no-progress 2>"$TMP/err2"
[ "$(psql "select count(*) from articles")" = "$total" ] && grep -q "0 articles stored" "$TMP/err2" &&
  pass "same input again adds nothing" || fail "idempotence: $(cat "$TMP/err2")"

# Raw pages through the pipeline into PostgreSQL, a failure recorded, status lists it.
mkdir -p "$TMP/pages"
for n in 1 2 3; do printf 'Page %s: police detained people in the square after the rally ended.\n' "$n" > "$TMP/pages/$n.txt"; done
"$EM" ingest --db "$URL" "$TMP/pages" "$TMP/missing.html" --no-progress 2>/dev/null
[ $? = 1 ] && pass "exit 1 when an input failed" || fail "exit status"
"$EM" status --db "$URL" > "$TMP/status"
grep -q "missing.html: no such file" "$TMP/status" && grep -q "postgresql" "$TMP/status" &&
  pass "status on PostgreSQL lists the failure" || fail "status: $(cat "$TMP/status")"
"$EM" articles --db "$URL" --text "police square" --limit 0 | grep -c "pages/" | grep -q 3 &&
  pass "full-text search on PostgreSQL" || fail "pg fts: $("$EM" articles --db "$URL" --text "police square")"
"$EM" events --db "$URL" --country KZ --type 173 --since 2022-01-01 --until 2022-01-31 --format csv > "$TMP/q.csv" &&
  python3 -c "import csv; r=list(csv.DictReader(open('$TMP/q.csv'))); assert r and all(x['country']=='KZ' and x['cameo']=='173' for x in r)" &&
  pass "country+type+date query on PostgreSQL" || fail "pg query"
# Tone (schema 3): every article has one; a clearly negative article's GDELT AvgTone is negative.
[ "$(psql "select count(*) from articles where tone is null")" = 0 ] &&
  pass "every article stored with its tone" || fail "articles without tone: $(psql "select count(*) from articles where tone is null")"
printf 'Soldiers killed 12 protesters and wounded dozens in a brutal crackdown in Almaty on Monday, witnesses said, as angry crowds mourned the dead.\n' > "$TMP/pages/neg.txt"
"$EM" ingest --db "$URL" "$TMP/pages/neg.txt" --no-progress 2>/dev/null
"$EM" events --db "$URL" --text crackdown --format gdelt > "$TMP/neg.tsv"
python3 - "$TMP/neg.tsv" <<'PY' && pass "GDELT AvgTone of a negative article on PostgreSQL" || fail "AvgTone: $(cut -f35 "$TMP/neg.tsv")"
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
assert rows and all(len(r) == 61 and float(r[34]) < -10 for r in rows), rows
PY
# A version-2 database (no tone column) is migrated to the latest and its articles get their tone.
psql "alter table articles drop column tone; alter table events drop column merge_reason; alter table events drop column category; delete from schema_migrations where version >= 3"
v=$("$EM" status --db "$URL" | sed -n "s/.*schema version \([0-9]*\).*/\1/p")
[ "$v" = 5 ] && [ "$(psql "select count(*) from articles where tone is null")" = 0 ] &&
  [ "$(psql "select count(*) from information_schema.columns where table_name = 'events' and column_name = 'category'")" = 1 ] &&
  [ "$(psql "select count(*) from articles where tone < -10")" -ge 1 ] &&
  pass "version 2 database migrated (category column added), tones filled" || fail "migration to the latest: version $v, $(psql "select count(*) from articles where tone is null") without tone"
# Issue 18.6: a huge --limit does not overflow into an SQL error, and no error shows SQL text.
"$EM" events --db "$URL" --limit 18446744073709551615 --format csv > "$TMP/all.csv" 2> "$TMP/err4" &&
  [ "$(wc -l < "$TMP/all.csv")" -gt 1 ] && pass "PostgreSQL: --limit 2^64-1 lists everything" || fail "pg huge limit: $(cat "$TMP/err4")"
"$EM" status --db "$URL" --failures 99999999999999999999 > /dev/null 2> "$TMP/err5"
! grep -qi "select\|insert\|LINE 1" "$TMP/err4" "$TMP/err5" && pass "PostgreSQL errors show no SQL text" || fail "SQL text in: $(cat "$TMP/err4" "$TMP/err5")"
"$EM" events --db "postgresql://eventmill@127.0.0.1:1/none" 2>"$TMP/err3"
[ $? = 1 ] && grep -q "cannot connect to PostgreSQL" "$TMP/err3" && pass "unreachable server is a one-line error" || fail "bad url: $(cat "$TMP/err3")"
finish
