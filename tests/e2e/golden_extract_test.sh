#!/usr/bin/env bash
# Golden files for extraction: each tests/golden/extract/NAME.html is extracted and the Document
# fields this stage owns are compared with NAME.expected.json. After a deliberate change, review
# and regenerate with:  bash tests/e2e/golden_extract_test.sh build/eventmill --update
source "$(dirname "$0")/lib.sh"
UPDATE=0
[ "${2:-}" = "--update" ] && UPDATE=1
DIR="$ROOT/tests/golden/extract"
for page in "$DIR"/*.html; do
  name=$(basename "$page" .html)
  expected="$DIR/$name.expected.json"
  if ! "$EM" extract "$page" --format json --threads 1 > "$TMP/$name.jsonl" 2> "$TMP/$name.err"; then
    fail "$name: extract failed: $(cat "$TMP/$name.err")"
    continue
  fi
  python3 - "$TMP/$name.jsonl" "$TMP/$name.json" <<'PY'
import json, sys
doc = json.loads(open(sys.argv[1], encoding='utf-8').readline())
keep = ["url", "canonical_url", "title", "published", "language", "site_name", "authors",
        "attributed_sources", "text"]
out = {k: doc.get(k) for k in keep}
# one paragraph per list item: diffs read like the page
out["text"] = (doc.get("text") or "").split("\n\n")
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
open(sys.argv[2], "a").write("\n")
PY
  if [ "$UPDATE" = 1 ]; then
    cp "$TMP/$name.json" "$expected"
    echo "updated $name"
  elif [ ! -f "$expected" ]; then
    fail "$name: no $name.expected.json (run with --update)"
  elif diff -u "$expected" "$TMP/$name.json" > "$TMP/$name.diff"; then
    pass "$name"
  else
    cat "$TMP/$name.diff"
    fail "$name differs from its golden file"
  fi
done
finish
