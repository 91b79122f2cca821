#!/usr/bin/env bash
# The main job on the bundled sample pages (samples/), plus the seed article when ../shared is here.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=(samples/)
[ -f ../shared/seed/kazakhstan-2022-01-09.html ] && inputs+=(../shared/seed/kazakhstan-2022-01-09.html)
build/eventmill code "${inputs[@]}"
