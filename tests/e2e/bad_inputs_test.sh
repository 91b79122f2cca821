#!/usr/bin/env bash
# Bad inputs end to end (tests/bad_inputs/expected_errors.txt): each bad input gives one error line
# naming it on stderr, the good inputs around it are still processed, the exit status is 1, and
# nothing crashes, hangs or grows without bound. Run against `eventmill extract` and `eventmill code`.
source "$(dirname "$0")/lib.sh"
FIX="$ROOT/tests/bad_inputs"
EM=$(cd "$(dirname "$EM")" && pwd)/$(basename "$EM")
cp "$FIX"/*.html "$FIX"/*.jsonl "$TMP"/

# Generated inputs (big or binary files are not committed).
head -c 4096 /dev/urandom > "$TMP/random.bin"
python3 - "$TMP" "$ROOT/tests/e2e" <<'PY'
import sys
tmp, lib = sys.argv[1], sys.argv[2]
sys.path.insert(0, lib)
from make_warc import warcinfo, request, response, http_response, write_warc
para = "<p>Police detained forty protesters in the capital on Sunday, the interior ministry said.</p>\n"
with open(f"{tmp}/huge_page.html", "w") as f:          # 60 MB: over the 50 MB page limit
    f.write("<html><body>" + para * (60_000_000 // len(para)) + "</body></html>")
for mb in (40, 10):                                    # under the limit, must pass (see below)
    with open(f"{tmp}/big_page_{mb}mb.html", "w") as f:
        f.write("<html><body><article>" + para * (mb * 1_000_000 // len(para)) + "</article></body></html>")
with open(f"{tmp}/deep_nesting.html", "w") as f:       # 100,000 nested elements
    f.write("<html><body>" + "<div>" * 100_000 + "<p>Deep text at the bottom.</p>" + "</div>" * 100_000 + "</body></html>")
def crawl(n):
    recs = [warcinfo()]
    for i in range(n):
        u = f"http://news.test/{i}"
        body = f"<html><head><title>Story {i}</title></head><body><p>Story {i}: the council met on Monday.</p></body></html>"
        recs += [request(u), response(u, http_response(body.encode()))]
    return recs
write_warc(f"{tmp}/corrupt_member.warc.gz", crawl(3), corrupt=(4,))   # records 3 and 7 good, 5 corrupt
write_warc(f"{tmp}/truncated.warc.gz", crawl(3), truncate=25)          # records 3 and 5 good, 7 cut
# A 100 MB record (over the 64 MB record limit) and a gzip bomb (256 MB once the HTTP payload is
# inflated), each followed by a good page: both stream through in bounded memory.
small = crawl(1)
huge = response("http://news.test/huge", http_response(b"<html><body>" + b"x" * 100_000_000 + b"</body></html>"))
write_warc(f"{tmp}/huge_record.warc.gz", [small[0], huge, small[2]])         # #2 fails, #3 passes
del huge
import zlib
z = zlib.compressobj(9, zlib.DEFLATED, 31)
bomb = z.compress(b"<html><body>") + b"".join(z.compress(b"\0" * (1 << 20)) for _ in range(256)) + z.flush()
bombed = response("http://news.test/bomb", http_response(bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}))
write_warc(f"{tmp}/gzip_bomb.warc.gz", [small[0], bombed, small[2]])         # #2 fails, #3 passes
PY
ln -s "$TMP/nowhere.html" "$TMP/dangling_link.html"
mkdir "$TMP/empty_dir"

inputs=(empty.html report.pdf.html random.bin truncated.html broken_line.jsonl invalid_utf8.html huge_page.html
        big_page.html deep_nesting.html corrupt_member.warc.gz truncated.warc.gz huge_record.warc.gz gzip_bomb.warc.gz
        dangling_link.html empty_dir)
# Documents expected, in input order (every other input must fail with its expected error).
want_sources="truncated.html broken_line.jsonl#1 broken_line.jsonl#3 invalid_utf8.html big_page.html deep_nesting.html
corrupt_member.warc.gz#3 corrupt_member.warc.gz#7 truncated.warc.gz#3 truncated.warc.gz#5 huge_record.warc.gz#3
gzip_bomb.warc.gz#3"

TIME=()
[ -x /usr/bin/time ] && TIME=(/usr/bin/time -v -o "$TMP/time")
for cmd in extract code; do
  cd "$TMP"
  # The page limit belongs to reading and extraction: `extract` gets a 40 MB page. `code` gets 10 MB
  # (text of 40 MB takes about 20 s of CPU and 0.9 GB in analyze/code; too much for every test run).
  [ "$cmd" = extract ] && cp big_page_40mb.html big_page.html || cp big_page_10mb.html big_page.html
  "${TIME[@]}" timeout 300 "$EM" "$cmd" "${inputs[@]}" --format json --threads 2 > "$TMP/out" 2> "$TMP/err"
  rc=$?
  cd - > /dev/null
  [ "$rc" = 1 ] && pass "$cmd: exit status 1 with bad inputs" || fail "$cmd: exit status $rc, want 1 (124 = timeout, >128 = crash)"
  got=$(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    t = d["text"]
    t.encode("utf-8")
    print(d["source"])
' "$TMP/out" | tr '\n' ' ')
  [ "$got" = "$(echo $want_sources) " ] && pass "$cmd: good inputs processed in order" || fail "$cmd: documents: $got"
  grep -v '^#' "$FIX/expected_errors.txt" | sed 's/ *(generated.*)//' | grep -v '^ *$' | while IFS= read -r want; do
    if grep -qF -- "eventmill $cmd: $want" "$TMP/err"; then echo "ok   $cmd: error line '$want'"; else echo "FAIL $cmd: no error line '$want'"; fi
  done > "$TMP/checks"
  cat "$TMP/checks"
  failures=$((failures + $(grep -c '^FAIL' "$TMP/checks")))
  n_err=$(grep -vc "inputs failed$" "$TMP/err")
  [ "$n_err" = 11 ] && pass "$cmd: one line per bad input (11)" || fail "$cmd: $n_err error lines: $(cat "$TMP/err")"
  grep -q "invalid_utf8.html" "$TMP/out" && python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    if d["source"] == "invalid_utf8.html":
        assert "\ufffd" in d["text"] and "Almaty" in d["text"], d["text"]
' "$TMP/out" && pass "$cmd: invalid UTF-8 bytes become U+FFFD" || fail "$cmd: invalid UTF-8 page"
  if [ -s "$TMP/time" ]; then
    rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$TMP/time")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$TMP/time")
    echo "     $cmd: max RSS $((rss / 1024)) MB, wall $secs"
    [ "$rss" -lt $((2 * 1024 * 1024)) ] && pass "$cmd: max RSS under 2 GB" || fail "$cmd: max RSS $((rss / 1024)) MB"
    # Analysis of the 10 MB page works in parts of 1 MB and stores each entity once (about 280 MB
    # in all; it was 460 MB).
    if [ "$cmd" = code ]; then
      [ "$rss" -lt $((600 * 1024)) ] && pass "code: max RSS under 600 MB" || fail "code: max RSS $((rss / 1024)) MB, over 600 MB"
    fi
  fi
done

# Each bad input alone: its error, exit 1, no crash or hang.
cd "$TMP"
for bad in empty.html report.pdf.html random.bin broken_line.jsonl corrupt_member.warc.gz dangling_link.html empty_dir; do
  timeout 60 "$EM" extract "$bad" --format json > /dev/null 2> "$TMP/err1"
  rc=$?
  [ "$rc" = 1 ] && grep -q "$bad" "$TMP/err1" && pass "alone: $bad fails with status 1, named" || fail "alone: $bad: status $rc: $(cat "$TMP/err1")"
done
for ok in truncated.html deep_nesting.html invalid_utf8.html; do
  timeout 60 "$EM" extract "$ok" --format json > /dev/null 2> "$TMP/err1"
  rc=$?
  [ "$rc" = 0 ] && pass "alone: $ok gives a best-effort document" || fail "alone: $ok: status $rc: $(cat "$TMP/err1")"
done
# stdin: records named "-#N"
timeout 60 "$EM" extract - --format json < broken_line.jsonl > "$TMP/out" 2> "$TMP/err1"
rc=$?
[ "$rc" = 1 ] && grep -q -- "-#2: not a JSON object" "$TMP/err1" && [ "$(wc -l < "$TMP/out")" = 2 ] &&
  pass "stdin: the broken JSONL line is '-#2', the others pass" || fail "stdin: status $rc: $(cat "$TMP/err1")"
# stdin: a WARC.gz with a corrupt member between good ones
timeout 60 "$EM" extract - --format json < corrupt_member.warc.gz > "$TMP/out" 2> "$TMP/err1"
rc=$?
[ "$rc" = 1 ] && grep -q -- "-#5: corrupt gzip member" "$TMP/err1" && [ "$(grep -c '"source":"-#[37]"' "$TMP/out")" = 2 ] &&
  pass "stdin: corrupt WARC.gz member is '-#5', pages -#3 and -#7 pass" || fail "stdin WARC: status $rc: $(cat "$TMP/err1" "$TMP/out")"
cd - > /dev/null
finish
