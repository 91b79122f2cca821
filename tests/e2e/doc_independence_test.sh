#!/usr/bin/env bash
# A document's output does not depend on the documents before it: `eventmill code --threads 1`
# over 40 geo dev-set articles gives each what a run on that article alone gives (the stages keep
# working memory per thread; none may carry over). tools/doc_independence.py does the comparing.
source "$(dirname "$0")/lib.sh"
need_shared
[ -f "$SHARED/devsets/geo/articles.jsonl" ] || { echo "skip: no geo dev set"; exit 77; }
if python3 "$ROOT/tools/doc_independence.py" "$EM" "$SHARED/devsets/geo/articles.jsonl" --limit 40 > "$TMP/out.txt" 2>&1; then
  pass "$(tail -n 1 "$TMP/out.txt")"
else
  cat "$TMP/out.txt"
  fail "a document differs after others from alone"
fi
finish
