#!/usr/bin/env bash
# WARC.gz end to end: a crawl built here (one gzip member per record, as in CC-NEWS) with a
# warcinfo, request and response records, a chunked response, a gzip-encoded one, a windows-1251
# page, a 404 and an image. `eventmill extract FILE --format json` gives one document per HTML 2xx
# response, named FILE#N by the record's ordinal (every record counted, from 1), in file order.
source "$(dirname "$0")/lib.sh"

python3 - "$TMP" "$ROOT/tests/e2e" <<'PY'
import gzip, sys
tmp, lib = sys.argv[1], sys.argv[2]
sys.path.insert(0, lib)
from make_warc import warcinfo, request, response, http_response, warc_record, write_warc

def page(title, text):
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>"

cyr = page("Беспорядки в Алматы", "Полиция задержала более пяти тысяч человек, сообщило министерство.")
records = [
    warcinfo(),                                                                            # 1
    request("http://news.test/plain"),                                                    # 2
    response("http://news.test/plain", http_response(
        page("Council meets", "The city council met on Monday to discuss the budget.").encode())),  # 3
    request("http://news.test/chunked"),                                                  # 4
    response("http://news.test/chunked", http_response(
        page("Chunked story", "Protesters gathered in the square on Tuesday. " * 60).encode(), chunked=True)),  # 5
    warc_record("metadata", "http://news.test/chunked", b"fetchTimeMs: 12\r\n",
                {"Content-Type": "application/warc-fields"}),                             # 6
    response("http://news.test/ru", http_response(
        cyr.encode("cp1251"), headers={"Content-Type": "text/html; charset=windows-1251"})),  # 7
    response("http://news.test/gone", http_response(b"<html>not found</html>", status=404)),  # 8
    response("http://news.test/logo.png", http_response(
        b"\x89PNG\r\n\x1a\n....", headers={"Content-Type": "image/png"})),              # 9
    response("http://news.test/gz", http_response(
        gzip.compress(page("Compressed story", "Talks resumed in Geneva on Friday.").encode()),
        headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})),            # 10
]
write_warc(f"{tmp}/crawl.warc.gz", records)
write_warc(f"{tmp}/crawl.warc", records, gzip_members=False)
with open(f"{tmp}/single.warc.gz", "wb") as f:
    f.write(gzip.compress(b"".join(records)))
PY

for f in crawl.warc.gz crawl.warc single.warc.gz; do
  timeout 60 "$EM" extract "$TMP/$f" --format json > "$TMP/out" 2> "$TMP/err"
  rc=$?
  [ "$rc" = 0 ] && pass "$f: exit status 0" || fail "$f: exit status $rc: $(cat "$TMP/err")"
  python3 - "$TMP/out" "$TMP/$f" > "$TMP/check" 2>&1 <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
name = sys.argv[2]
want = [(3, "http://news.test/plain", "city council met on Monday"),
        (5, "http://news.test/chunked", "Protesters gathered in the square"),
        (7, "http://news.test/ru", None),
        (10, "http://news.test/gz", "Talks resumed in Geneva")]
assert len(docs) == len(want), [d["source"] for d in docs]
for d, (n, url, text) in zip(docs, want):
    assert d["source"] == f"{name}#{n}", (d["source"], n)
    assert d["url"] == url, (d["url"], url)
    if text:
        assert text in d["text"], (n, d["text"][:200])
chunked = docs[1]["text"]
assert "\r\n" not in chunked and "3e8" not in chunked, "chunk sizes left in the text"
ru = docs[2]["text"]
assert "Полиция задержала" in ru, "windows-1251 page decoded wrongly: " + ru[:200]
assert docs[2]["title"].startswith("Беспорядки в Алматы"), docs[2]["title"]
PY
  if [ $? = 0 ]; then
    pass "$f: sources #3 #5 #7 #10, urls, texts, windows-1251 page decoded from the HTTP header"
  else
    fail "$f: $(cat "$TMP/check")"
  fi
done

# a WARC without a .warc name is recognised by its first bytes
cp "$TMP/crawl.warc.gz" "$TMP/CC-NEWS-20220109-00001"
timeout 60 "$EM" extract "$TMP/CC-NEWS-20220109-00001" --format json > "$TMP/out" 2> "$TMP/err"
[ "$(grep -c '"source":"[^"]*CC-NEWS-20220109-00001#' "$TMP/out")" = 4 ] && pass "WARC.gz without .warc in its name" ||
  fail "unnamed WARC: $(head -c 300 "$TMP/out") $(cat "$TMP/err")"

# stdin: the same crawl, records named -#N
timeout 60 "$EM" extract - --format json < "$TMP/crawl.warc.gz" > "$TMP/out" 2> "$TMP/err"
python3 -c '
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
assert [d["source"] for d in docs] == ["-#3", "-#5", "-#7", "-#10"], [d["source"] for d in docs]
' "$TMP/out" && pass "stdin WARC.gz: sources -#3 -#5 -#7 -#10" || fail "stdin WARC.gz: $(cat "$TMP/err")"
finish
