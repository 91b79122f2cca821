#!/usr/bin/env bash
# The CLI's contract: one JSON line per input in order, errors named on stderr, non-zero exit
# when an input failed, and the run goes on after a bad input.
source "$(dirname "$0")/lib.sh"

printf 'Police detained 40 protesters in the capital on Sunday.\n' > "$TMP/a.txt"
printf '{"id":"r1","text":"First record."}\n\n{"id":"r2","text":"Second record."}\n' > "$TMP/b.jsonl"

out=$("$EM" code "$TMP/a.txt" "$TMP/missing.html" "$TMP/b.jsonl" --format json 2>"$TMP/err")
rc=$?
[ "$rc" = 1 ] && pass "exit status 1 when an input fails" || fail "exit status $rc, want 1"
[ "$(echo "$out" | wc -l)" = 3 ] && pass "three documents out" || fail "want 3 documents, got: $out"
echo "$out" | python3 -c '
import json, sys
docs = [json.loads(l) for l in sys.stdin]
assert docs[0]["text"] == "Police detained 40 protesters in the capital on Sunday.\n", docs[0]["text"]
assert [d.get("input_id") for d in docs[1:]] == ["r1", "r2"], docs
assert docs[1]["source"].endswith("b.jsonl#1") and docs[2]["source"].endswith("b.jsonl#2")
for k in ("id", "source", "url", "title", "published", "language", "text", "entities", "quotes", "counts", "events"):
    assert k in docs[0], k
' && pass "contract fields, input_id and #N sources" || fail "JSON contract"
grep -q "missing.html: no such file" "$TMP/err" && pass "missing input named on stderr" || fail "stderr: $(cat "$TMP/err")"

cat "$TMP/a.txt" | "$EM" extract - --format json > "$TMP/stdin.jsonl" 2>"$TMP/err"
grep -q '"source":"-"' "$TMP/stdin.jsonl" && pass "stdin read as '-'" || fail "stdin: $(cat "$TMP/stdin.jsonl" "$TMP/err")"

"$EM" code --threads 2 "$TMP/b.jsonl" "$TMP/a.txt" --format json > "$TMP/t2.jsonl" && \
  "$EM" code --threads 1 "$TMP/b.jsonl" "$TMP/a.txt" --format json > "$TMP/t1.jsonl" && \
  cmp -s "$TMP/t1.jsonl" "$TMP/t2.jsonl" && pass "same output on 1 and 2 threads" || fail "thread count changes output"
finish
