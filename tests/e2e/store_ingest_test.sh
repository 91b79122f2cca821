#!/usr/bin/env bash
# ingest: idempotent, resumable after a kill mid-batch and after Ctrl-C, failures recorded and
# listed by `eventmill status`, exit status 1 when an input failed.
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "skip: sqlite3 (Debian package sqlite3) is not installed"; exit 77; }
DB="$TMP/events.db"
q() { sqlite3 "$DB" "$1"; }

# Raw pages through the whole pipeline: 400 plain-text pages, each distinct.
mkdir -p "$TMP/pages"
python3 - "$TMP/pages" <<'PY'
import sys, random
rng = random.Random(7)
words = "police protest city rally arrest minister court border troops village market election".split()
for i in range(400):
    body = " ".join(rng.choice(words) for _ in range(60))
    open(f"{sys.argv[1]}/p{i:04d}.txt", "w").write(f"Page {i}. Police detained {i + 3} people. {body}.\n")
PY

"$EM" ingest --db "$DB" "$TMP/pages" --no-progress 2>"$TMP/err1"
rc=$?
[ "$rc" = 0 ] && pass "ingest of 400 pages exits 0" || fail "exit $rc: $(cat "$TMP/err1")"
[ "$(q 'select count(*) from articles')" = 400 ] && pass "400 articles stored" || fail "articles: $(q 'select count(*) from articles')"
grep -q "400 articles stored" "$TMP/err1" && pass "summary names the articles stored" || fail "summary: $(cat "$TMP/err1")"

"$EM" ingest --db "$DB" "$TMP/pages" --no-progress 2>"$TMP/err2"
[ "$(q 'select count(*) from articles')" = 400 ] && grep -q "0 articles stored" "$TMP/err2" &&
  pass "same input twice adds nothing" || fail "second run: $(cat "$TMP/err2")"

# The same pages under other paths: skipped by article id, not by source.
cp -r "$TMP/pages" "$TMP/pages2"
"$EM" ingest --db "$DB" "$TMP/pages2" --no-progress 2>"$TMP/err3"
[ "$(q 'select count(*) from articles')" = 400 ] && grep -q "400 already stored" "$TMP/err3" &&
  pass "same pages under another path add nothing" || fail "copied pages: $(cat "$TMP/err3")"

# Failures: recorded with their reason, listed by status, exit 1.
printf 'not a json line\n{"text":"fine record with enough words to be an article today."}\n' > "$TMP/bad.jsonl"
"$EM" ingest --db "$DB" "$TMP/missing.html" "$TMP/bad.jsonl" --no-progress 2>"$TMP/err4"
rc=$?
[ "$rc" = 1 ] && pass "exit 1 when an input failed" || fail "exit $rc"
"$EM" status --db "$DB" > "$TMP/status"
grep -q "missing.html: no such file" "$TMP/status" && grep -q "bad.jsonl#1: " "$TMP/status" &&
  pass "status lists failed inputs with their reason" || fail "status: $(cat "$TMP/status")"
grep -q "articles:    401" "$TMP/status" && pass "status counts articles" || fail "status: $(cat "$TMP/status")"

# Resume after a kill mid-batch: SIGKILL while batches are being written, then run again.
DB2="$TMP/resume.db"
python3 "$ROOT/tests/e2e/store_corpus.py" 3000 --seed 5 --copies 300 > "$TMP/docs.jsonl"
total=$(wc -l < "$TMP/docs.jsonl")
"$EM" ingest --db "$DB2" --documents "$TMP/docs.jsonl" --batch 50 --no-progress 2>/dev/null &
pid=$!
for _ in $(seq 1 400); do
  n=$(sqlite3 "$DB2" 'select count(*) from inputs' 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 200 ] && break
  sleep 0.02
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
before=$(sqlite3 "$DB2" 'select count(*) from articles')
if [ "$before" -gt 0 ] && [ "$before" -lt "$total" ]; then pass "killed mid-run with $before of $total stored"
else fail "kill did not land mid-run ($before of $total stored)"; fi
"$EM" ingest --db "$DB2" --documents "$TMP/docs.jsonl" --batch 50 --no-progress 2>"$TMP/err5"
after=$(sqlite3 "$DB2" 'select count(*) from articles')
distinct=$(sqlite3 "$DB2" 'select count(distinct id) from articles')
events=$(sqlite3 "$DB2" 'select count(*) from events')
dups=$(sqlite3 "$DB2" 'select count(*) from articles where duplicate_of is not null')
[ "$after" = "$total" ] && [ "$distinct" = "$total" ] && [ "$events" = "$total" ] &&
  pass "resumed run completes: $after articles, $events events, none lost or twice" ||
  fail "after resume: articles=$after distinct=$distinct events=$events want $total ($(cat "$TMP/err5"))"
[ "$dups" = 300 ] && pass "300 rewritten copies linked by duplicate_of across the kill" || fail "duplicates: $dups, want 300"
grep -q "skipped as done before" "$TMP/err5" && ! grep -q " 0 skipped as done" "$TMP/err5" &&
  pass "resumed run skips the committed inputs" || fail "resume summary: $(cat "$TMP/err5")"

# Ctrl-C: SIGINT stops cleanly (exit 130), stores what was read, and a rerun completes.
DB3="$TMP/sigint.db"
"$EM" ingest --db "$DB3" --documents "$TMP/docs.jsonl" --batch 20 --no-progress 2>"$TMP/err6" &
pid=$!
for _ in $(seq 1 400); do
  n=$(sqlite3 "$DB3" 'select count(*) from inputs' 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 100 ] && break
  sleep 0.02
done
kill -INT "$pid"
wait "$pid"
rc=$?
mid=$(sqlite3 "$DB3" 'select count(*) from articles')
[ "$rc" = 130 ] && [ "$mid" -lt "$total" ] && grep -q "interrupted" "$TMP/err6" &&
  pass "Ctrl-C stops with exit 130 after $mid articles" || fail "SIGINT: rc=$rc mid=$mid $(cat "$TMP/err6")"
"$EM" status --db "$DB3" | grep -q "interrupted" && pass "status shows the interrupted run" || fail "status after SIGINT"
"$EM" ingest --db "$DB3" --documents "$TMP/docs.jsonl" --no-progress 2>/dev/null
[ "$(sqlite3 "$DB3" 'select count(*) from articles')" = "$total" ] && pass "rerun after Ctrl-C completes" ||
  fail "after SIGINT rerun: $(sqlite3 "$DB3" 'select count(*) from articles')"

# The progress line appears on a terminal (script(1) gives one) and names the rate.
if command -v script >/dev/null; then
  script -qec "$EM ingest --db $TMP/tty.db --documents $TMP/docs.jsonl" /dev/null > "$TMP/tty.out" 2>&1
  grep -q "/s" "$TMP/tty.out" && grep -q "ETA\|100%" "$TMP/tty.out" && pass "progress line on a terminal" ||
    fail "no progress line: $(head -c 300 "$TMP/tty.out")"
fi
finish
