#!/usr/bin/env bash
# The main job on the bundled sample pages (samples/), plus the seed article when ../shared is here:
# ingest them into an SQLite database (build/sample.db, made afresh), then query it.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=()
[ -d samples ] && inputs+=(samples/)
[ -f ../shared/seed/kazakhstan-2022-01-09.html ] && inputs+=(../shared/seed/kazakhstan-2022-01-09.html)
if [ ${#inputs[@]} -eq 0 ]; then
  echo "run_sample: no samples/ and no ../shared/seed: nothing to ingest" >&2
  exit 1
fi
db=build/sample.db
rm -f "$db" "$db-wal" "$db-shm"
echo "\$ eventmill ingest ${inputs[*]} --db $db"
status=0
build/eventmill ingest "${inputs[@]}" --db "$db" || status=$?
echo
echo "\$ eventmill events --db $db --limit 20"
build/eventmill events --db "$db" --limit 20
echo
echo "\$ eventmill events --db $db --country KZ --type ARREST --since 2022-01 --until 2022-01"
build/eventmill events --db "$db" --country KZ --type ARREST --since 2022-01 --until 2022-01
echo
echo "\$ eventmill events --db $db --near 43.25,76.92,50 --format geojson | head -c 300"
build/eventmill events --db "$db" --near 43.25,76.92,50 --format geojson | head -c 300
echo
echo
echo "\$ eventmill articles --db $db --text \"tear gas\""
build/eventmill articles --db "$db" --text "tear gas"
echo
echo "\$ eventmill articles --db $db --limit 10"
build/eventmill articles --db "$db" --limit 10
echo
echo "\$ eventmill status --db $db"
build/eventmill status --db "$db"
exit "$status"
