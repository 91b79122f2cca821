#!/usr/bin/env bash
# The extraction dev set (../shared/devsets/extraction, snippets) and the hand-written full texts of
# 61 of its articles (bench/fulltext, shingles as the held-out benchmark scores them) and the fresh
# and held-out groups (bench/fulltext/fresh, holdout: lines of their own), and the metadata gold
# (title, date and its precision, author: trafilatura/metadata.json); prints the
# figures and fails only on a regression below tests/e2e/extract_floor.json (raise it with them).
source "$(dirname "$0")/lib.sh"
need_shared
DEV="$SHARED/devsets/extraction/trafilatura"
[ -f "$DEV/expected.json" ] || { echo "skip: no extraction dev set"; exit 77; }
"$EM" extract "$DEV/pages/" --format json > "$TMP/out.jsonl" 2> "$TMP/err" || true
[ -s "$TMP/out.jsonl" ] || fail "extract on the dev set gave no output"
python3 "$SHARED/eval/extraction_score.py" snippets "$DEV/expected.json" "$TMP/out.jsonl" > "$TMP/snippets.txt" || fail "extraction_score.py"
python3 "$ROOT/bench/extract_fulltext_check.py" "$TMP/out.jsonl" > "$TMP/fulltext.txt" || fail "extract_fulltext_check.py"
if [ -f "$DEV/metadata.json" ]; then
  python3 "$SHARED/eval/extraction_score.py" metadata "$DEV/metadata.json" "$TMP/out.jsonl" > "$TMP/metadata.txt" || fail "extraction_score.py metadata"
else
  echo "score: title=1 date=1 date_precision=1 author=1 author_precision=1 (no metadata gold)" > "$TMP/metadata.txt"
fi
python3 - "$TMP/snippets.txt" "$TMP/fulltext.txt" "$ROOT/tests/e2e/extract_floor.json" "$TMP/metadata.txt" <<'PY' && pass "extraction at or above the floors" || fail "extraction regressed"
import json, re, sys
get = lambda path, key: {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", [l for l in open(path) if key in l][-1])}
s = get(sys.argv[1], "score:")
f = get(sys.argv[2], "[tuned]")
g = get(sys.argv[2], "[fresh]")
h = get(sys.argv[2], "[holdout]")
m = get(sys.argv[4], "score:")
figures = {"snippets_f1": s["f1"], "fulltext_f1": f["f1"], "fulltext_precision": f["precision"], "fulltext_recall": f["recall"],
           "fresh_f1": g["f1"], "holdout_f1": h["f1"], "title": m["title"], "date": m["date"],
           "date_precision": m["date_precision"], "author": m["author"]}
print("extraction:", " ".join("%s=%.3f" % kv for kv in figures.items()))
floor = json.load(open(sys.argv[3]))
bad = [k for k, v in floor.items() if figures[k] < v]
if bad:
    print("below floor:", bad)
    sys.exit(1)
PY
finish
