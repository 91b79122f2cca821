#!/usr/bin/env bash
# The main job on the bundled sample pages (samples/: ten pages of six outlets on the January 2022
# unrest in Kazakhstan, 2-11 January, one a syndicated copy of another): ingest them into an
# SQLite database (build/sample.db, made afresh), query it, and tell how to open the dashboard on it.
# Needs nothing outside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=(samples/)
if [ ! -d samples ]; then
  echo "run_sample: no samples/: nothing to ingest" >&2
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
(build/eventmill events --db "$db" --near 43.25,76.92,50 --format geojson || true) | head -c 300
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
echo
echo "The dashboard on this sample (map, timeline, figures, articles with their evidence):"
echo "  build/eventmill serve --db $db      then open http://127.0.0.1:8080/"
exit "$status"
