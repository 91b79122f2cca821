#!/usr/bin/env bash
# Hostile inputs and injected faults end to end (issue 18): bounded memory on a 50 MB page of
# 12.5 million elements, out of memory and crashes as recorded failures of one page (the
# poison-page guard), write errors, impossible dates and absurd numbers, query limits, terminal
# escapes, --db paths (mistyped, read-only, corrupt), FIFOs and devices as inputs, a full disk,
# and the accounting inputs = stored + already stored + failed under every fault. Inputs are
# generated here (the big ones are never committed).
source "$(dirname "$0")/lib.sh"
EM=$(cd "$(dirname "$EM")" && pwd)/$(basename "$EM")
cd "$TMP"

story() {  # story TITLE PUBLISHED TEXT -> an HTML page
  printf '<html><head><title>%s</title><meta property="article:published_time" content="%s"></head><body><article><h1>%s</h1><p>%s</p></article></body></html>' "$1" "$2" "$1" "$3"
}
story "Protest in Almaty" "2022-01-05" "Police arrested 120 protesters in Almaty on Wednesday, the interior ministry said." > a.html
story "Talks in Geneva" "2022-01-10" "Diplomats met in Geneva on Monday to discuss the crisis, officials said." > c.html
story "Riot in Aktobe" "2022-01-06" "Police detained 45 people in Aktobe on Thursday after clashes, a spokesman said." > b.html
accounting() {  # accounting STDERR: the summary line's inputs = stored + already stored + failed
  python3 - "$1" <<'PY'
import re, sys
line = [l for l in open(sys.argv[1]) if "inputs in" in l][-1]
n = lambda pat: int(re.search(pat, line).group(1))
inputs, stored, already, failed = n(r"(\d+) inputs in"), n(r"(\d+) articles stored"), n(r"(\d+) already"), n(r"(\d+) failed")
assert inputs == stored + already + failed, line
print(f"{inputs} = {stored} + {already} + {failed}")
PY
}

# ---- 1. Memory: a 50 MB page of "<p>a" (12.5 million elements) is cut at the markup limit, says
# so, and stays far below 1 GB; under a 4 GB address-space limit the run finishes with it.
python3 -c 'open("pa.html", "w").write("<p>a" * 12_500_000)'
for cmd in extract code; do
  /usr/bin/time -v -o time.txt timeout 300 "$EM" $cmd --threads 1 --format json a.html pa.html c.html > out 2> err
  rc=$?
  rss=$(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' time.txt)
  [ "$rc" = 0 ] && [ "$(wc -l < out)" = 3 ] && pass "$cmd: the 50 MB <p>a page and its neighbours come out" || fail "$cmd: status $rc, $(wc -l < out) documents: $(cat err)"
  grep -q 'truncated: the page has more than' out && pass "$cmd: the cut page says it was truncated" || fail "$cmd: no truncation diagnostic"
  [ "${rss:-0}" -lt $((1024 * 1024)) ] && pass "$cmd: peak RSS $((rss / 1024)) MB, under 1 GB" || fail "$cmd: peak RSS $((rss / 1024)) MB"
  if grep -qa AddressSanitizer "$EM"; then  # its shadow memory needs terabytes of address space
    echo "skip $cmd: ulimit -v with an AddressSanitizer build"
    continue
  fi
  ( ulimit -v 4000000; timeout 300 "$EM" $cmd --threads 1 --format json a.html pa.html c.html > out 2> err ); rc=$?
  [ "$rc" -le 1 ] && [ "$(grep -c '"source"' out)" -ge 2 ] && pass "$cmd: under ulimit -v 4000000 the run finishes (status $rc)" || fail "$cmd: under ulimit -v: status $rc: $(tail -2 err)"
done

# ---- Out of memory in one page is that page's failure; the run goes on.
EVENTMILL_INJECT_FAULT=oom:b.html "$EM" code --threads 2 --format json a.html b.html c.html > out 2> err; rc=$?
[ "$rc" = 1 ] && [ "$(wc -l < out)" = 2 ] && grep -q "b.html: out of memory while processing the page" err &&
  pass "out of memory: b.html fails alone, a.html and c.html come out" || fail "out of memory: status $rc: $(cat err)"

# ---- A crash in a page: named on stderr; the rerun skips it as a recorded failure (poison-page guard).
( EVENTMILL_INJECT_FAULT=crash:b.html "$EM" ingest --db crash.db --threads 1 --batch 1 --no-progress a.html b.html c.html > /dev/null 2> err ) 2> /dev/null; rc=$?
[ "$rc" -gt 128 ] && grep -q "b.html: crashed while processing this page" err && [ -s crash.db.poison-pages ] &&
  pass "crash: the process dies naming b.html and lists it in crash.db.poison-pages" || fail "crash: status $rc: $(cat err)"
"$EM" ingest --db crash.db --threads 2 --no-progress a.html b.html c.html > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] && grep -q "b.html: this page crashed an earlier run; skipped" err && pass "crash: the rerun records b.html as failed and goes on" || fail "crash rerun: status $rc: $(cat err)"
accounting err > acc && pass "crash rerun: accounting $(cat acc)" || fail "crash rerun: accounting: $(cat acc err)"
"$EM" status --db crash.db > st 2>&1 && grep -q "b.html: this page crashed an earlier run" st && grep -q "inputs:      2 stored, 1 failed" st &&
  pass "crash: status lists b.html among the failed inputs" || fail "crash: status: $(cat st)"

# ---- 3. Write errors on the output.
if [ -w /dev/full ]; then
  "$EM" extract a.html > /dev/full 2> err; rc=$?
  [ "$rc" = 1 ] && [ "$(wc -l < err)" = 1 ] && grep -q "cannot write the output: No space left on device" err &&
    pass "extract > /dev/full: status 1, one line" || fail "extract > /dev/full: status $rc: $(cat err)"
  "$EM" events --db crash.db --format csv > /dev/full 2> err; rc=$?
  [ "$rc" = 1 ] && grep -q "cannot write the output" err && pass "events --format csv > /dev/full: status 1" || fail "events > /dev/full: status $rc: $(cat err)"
fi

# ---- 4. Impossible dates: never a published or event date, never a filter.
printf '{"id":"x","url":"http://n.test/x","published":"2022-02-30","html":"<p>Police arrested 120 protesters in Almaty on Wednesday.</p>"}\n{"id":"y","published":"0000-00-00","text":"Police arrested 30 people in Aktobe."}\n{"id":"z","published":"2022-13-45","text":"Police arrested 12 people in Atyrau."}\n' > dates.jsonl
"$EM" code --format json dates.jsonl > out 2> err
python3 - out <<'PY' && pass "impossible published dates are dropped (with a diagnostic), never event dates" || fail "impossible dates: $(cat out)"
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    assert d.get("published") in (None, ""), d.get("published")
    assert any("not a valid date" in x for x in d.get("diagnostics", [])), d.get("diagnostics")
    for e in d.get("events", []):
        v = (e.get("date") or {}).get("value") or ""
        assert v[5:7] not in ("00", "13") and not v.startswith("0000") and "02-30" not in v, v
PY
for bad in 2022-13-45 2022-02-30 0000-00-00; do
  "$EM" events --db crash.db --since "$bad" > /dev/null 2> err; rc=$?
  [ "$rc" = 2 ] && grep -q "needs a real date" err && pass "events --since $bad: refused" || fail "events --since $bad: status $rc"
done
"$EM" articles --db crash.db --until 2022-02-30 > /dev/null 2> err; rc=$?
[ "$rc" = 2 ] && pass "articles --until 2022-02-30: refused" || fail "articles --until: status $rc"

# ---- 5. Absurd numbers are not counts; --documents checks spans, coordinates, counts, dates.
printf 'Police arrested %s people in Almaty on Wednesday.\n' "$(printf '9%.0s' $(seq 300))" > big.txt
"$EM" code --format json big.txt > out 2> err
python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); assert all(c["value"] <= 1e9 for c in d.get("counts", [])), d["counts"]; assert all(c["value"] <= 1e9 for e in d["events"] for c in e.get("counts", []))' out &&
  pass "a 300-digit figure is not a count" || fail "300-digit figure: $(head -c 600 out)"
"$EM" code --format json a.html > good.jsonl 2> /dev/null
python3 - good.jsonl <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).readline())
out = []
for i, mutate in enumerate([
    lambda d: d["entities"][0].__setitem__("span", [-5, 3]),
    lambda d: d.__setitem__("events", [dict(d["events"][0], location={"name": "x", "lat": 1e308, "lon": 0})]),
    lambda d: d.__setitem__("counts", [{"kind": "arrested", "value": 1e300, "text": "x"}]),
    lambda d: d.__setitem__("published", "2022-02-30")]):
    m = json.loads(json.dumps(d)); m["source"] = f"bad{i}"; m["id"] = f"bad{i}"; mutate(m); out.append(m)
with open(sys.argv[1].replace("good", "bad"), "w") as f:
    for m in out: f.write(json.dumps(m) + "\n")
PY
"$EM" ingest --db docs.db --documents --no-progress bad.jsonl good.jsonl > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] && [ "$(grep -c 'bad.jsonl#[1-4]: ' err)" = 4 ] && accounting err > acc && pass "ingest --documents: 4 bad documents refused by name, accounting $(cat acc)" || fail "--documents: status $rc: $(cat err)"

# ---- 6. Huge limits do not overflow; a negative one is an error.
"$EM" events --db crash.db --limit 18446744073709551615 > out 2> err && grep -q "events)" out && pass "events --limit 2^64-1 works" || fail "events --limit huge: $(cat err)"
"$EM" articles --db crash.db --limit 9223372036854775807 > out 2> err && pass "articles --limit 2^63-1 works" || fail "articles --limit huge: $(cat err)"
"$EM" status --db crash.db --failures -1 > /dev/null 2> err; rc=$?
[ "$rc" = 2 ] && grep -q "needs a number" err && pass "status --failures -1: refused" || fail "status --failures -1: status $rc"

# ---- 7. Terminal escapes are shown, never sent; a file name cannot forge lines.
printf '<html><head><title>Evil \033]0;pwned\007 title</title></head><body><article><p>Police arrested 20 people in Almaty \033[2J\033[31m on Monday, officials said.</p></article></body></html>' > esc.html
"$EM" extract esc.html > out 2> /dev/null
! grep -q $'\033' out && grep -q 'Police arrested' out && pass "extract text: no escape reaches the terminal" || fail "extract text: escapes printed raw"
"$EM" ingest --db esc.db --no-progress esc.html > /dev/null 2>&1
"$EM" articles --db esc.db > out 2> /dev/null; "$EM" events --db esc.db > out2 2> /dev/null
! grep -q $'\033' out out2 && pass "articles and events tables: no escape" || fail "tables print escapes"
printf '' > $'evil\ninputs:      999 stored.html'
"$EM" ingest --db esc.db --no-progress $'evil\ninputs:      999 stored.html' > /dev/null 2>&1
"$EM" status --db esc.db > st 2> /dev/null
[ "$(grep -c '^inputs:' st)" = 1 ] && pass "status: a file name with a newline forges no line" || fail "status: $(cat st)"

# ---- 8. --db: a mistyped path creates nothing; read-only and corrupt databases.
for q in "events" "articles" "status"; do
  "$EM" $q --db typo.db > /dev/null 2> err; rc=$?
  [ "$rc" = 1 ] && [ ! -e typo.db ] && grep -q "no such database" err && pass "$q --db typo.db: an error, no file created" || fail "$q --db typo.db: status $rc, $(ls typo.db* 2>&1): $(cat err)"
done
mkdir ro && cp crash.db ro/ && chmod 555 ro && chmod 444 ro/crash.db
as_other=()  # root writes anywhere: query as nobody to meet the read-only files as a user would
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then chmod 755 "$TMP"; as_other=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
"${as_other[@]}" "$EM" events --db "$TMP/ro/crash.db" > out 2> err && grep -q "events)" out && pass "a database on a read-only directory can be queried" || fail "read-only database: $(cat err)"
chmod 755 ro
cp crash.db bad.db && python3 - bad.db <<'PY'
import sys
p = sys.argv[1]; b = bytearray(open(p, "rb").read())
page = 4096
for off in range(2 * page, len(b), page):  # every page after the schema's: garbage
    b[off + 8:off + 300] = b"\xde\xad\xbe\xef" * 73
open(p, "wb").write(b)
PY
rm -f bad.db-wal bad.db-shm
"$EM" status --db bad.db > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] && grep -qi "corrupt" err && pass "status finds the corrupt database" || fail "status on corrupt db: status $rc: $(cat err)"
"$EM" ingest --db bad.db --no-progress c.html > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] && grep -qi "corrupt" err && pass "ingest refuses the corrupt database" || fail "ingest on corrupt db: status $rc: $(cat err)"
"$EM" events --db bad.db --limit 0 > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] && grep -qi "corrupt" err && pass "events reports the corrupt database" || fail "events on corrupt db: status $rc: $(cat err)"

# ---- 9. FIFOs and devices are not inputs; stdin twice; a full disk is counted.
mkfifo fifo.html
timeout 10 "$EM" extract fifo.html > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] && grep -q "fifo.html: not a regular file" err && pass "a FIFO: 'not a regular file', no wait" || fail "FIFO: status $rc: $(cat err)"
timeout 10 "$EM" extract /dev/zero > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] && grep -q "/dev/zero: not a regular file" err && pass "/dev/zero: 'not a regular file'" || fail "/dev/zero: status $rc: $(cat err)"
timeout 10 "$EM" extract <(cat a.html) > out 2> err && grep -q "Police arrested" out && pass "a pipe handed over as /dev/fd/N is read" || fail "process substitution: $(cat err)"
"$EM" ingest --db stdin.db --no-progress - < a.html > /dev/null 2> err1
"$EM" ingest --db stdin.db --no-progress - < a.html > /dev/null 2> err2
grep -q "1 articles stored" err1 && grep -q "0 articles stored (0 near-duplicates), 1 already stored" err2 &&
  pass "stdin twice: stored once, then 'already stored'" || fail "stdin twice: $(cat err1 err2)"
"$EM" ingest --db stdin.db --no-progress - < c.html > /dev/null 2> err3
"$EM" status --db stdin.db > st 2>&1
grep -q "inputs:      2 stored" st && grep -q "articles:    2" st && pass "stdin: two different pages are two inputs" || fail "stdin: $(cat err3 st)"
mkdir pages && for i in $(seq 1 60); do story "Story $i" "2022-01-0$((i % 9 + 1))" "Police arrested $i people in Almaty on Monday, story number $i of the day, officials said." > pages/p$i.html; done
( trap '' XFSZ; ulimit -f 400; "$EM" ingest --db full.db --batch 10 --threads 1 --no-progress pages ) > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] && grep -q "cannot store a batch" err && accounting err > acc && pass "disk full (ulimit -f): status 1, accounting $(cat acc)" || fail "disk full: status $rc: $(cat err)"
"$EM" ingest --db full.db --no-progress pages > /dev/null 2> err; rc=$?
"$EM" status --db full.db > st 2>&1
grep -q "inputs:      60 stored" st && pass "disk full: the rerun stores the rest (60 stored)" || fail "disk full rerun: $(cat err st)"
finish
