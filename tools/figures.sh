#!/usr/bin/env bash
# Prints the figures the issues are judged by, measured on this machine now: the seed score, the
# three dev sets (extraction, geoparsing, events) and one-thread throughput of each stage.
# Needs ../shared beside the checkout and a built build/eventmill (make build).
#   tools/figures.sh            dev-set scores and stage throughput (a few minutes)
#   tools/figures.sh --quick    scores only
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
bin=build/eventmill
[ -x "$bin" ] || { echo "figures: $bin is missing: run make build first" >&2; exit 1; }
[ -d "$shared/devsets" ] || { echo "figures: ../shared is not beside the checkout: nothing to measure" >&2; exit 1; }
quick=0; [ "${1:-}" = --quick ] && quick=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

echo "== seed ($shared/seed/kazakhstan-2022-01-09.html)"
"$bin" code "$shared/seed/kazakhstan-2022-01-09.html" --format json > "$tmp/seed.jsonl"
python3 "$shared/eval/score.py" "$shared/seed/kazakhstan-2022-01-09.gold.json" "$tmp/seed.jsonl" | tail -n 1

echo "== extraction dev set (snippets, 495 pages)"
"$bin" extract "$shared/devsets/extraction/trafilatura/pages/" --format json > "$tmp/extract.jsonl" 2>/dev/null || true
python3 "$shared/eval/extraction_score.py" snippets "$shared/devsets/extraction/trafilatura/expected.json" "$tmp/extract.jsonl" | tail -n 1

echo "== geoparsing dev set (523 articles) and events dev set (25 paired articles)"
"$bin" code "$shared/devsets/geo/articles.jsonl" --format json > "$tmp/geo.jsonl" 2>/dev/null
python3 "$shared/eval/geo_score.py" "$shared/devsets/geo/gold.jsonl" "$tmp/geo.jsonl" | tail -n 1
python3 "$shared/eval/score.py" "$shared/devsets/events/" "$tmp/geo.jsonl" | tail -n 1

[ "$quick" = 1 ] && exit 0
echo "== throughput, one thread (Google Benchmark; a loaded machine reads lower)"
for b in extract_bench:BM_Extract_DevSet analyze_bench:'BM_EntityFinder_GeoDevSet|BM_LexiconLoad' pipeline_bench:BM_Code_DevSet_OneThread; do
  exe=build/bench/${b%%:*}
  [ -x "$exe" ] || continue
  "$exe" --benchmark_filter="${b#*:}" --benchmark_min_time=2 2>/dev/null | grep -E '^BM_' || true
done
