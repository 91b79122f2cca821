#!/usr/bin/env bash
# Long fuzzing runs (docs/fuzzing.md): builds the harnesses in build-asan/ (clang, ASan + UBSan +
# libFuzzer, as `make asan` does) and runs one for SECONDS (default 600), or all of them in turn.
#   fuzz/run.sh NAME|all [SECONDS] [extra libFuzzer flags...]
# NAME: charset warc html jsonl dates counts documents data_files. New inputs are kept in
# build-asan/fuzz/NAME_corpus; a crash is saved as build-asan/fuzz/NAME_crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: fuzz/run.sh NAME|all [seconds] [libFuzzer flags]}
secs=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
all="charset warc html jsonl dates counts documents data_files"
[ "$name" = all ] && names=$all || names=$name
tools/asan_build.sh
for n in $names; do
  mkdir -p "build-asan/fuzz/${n}_corpus"
  echo "== fuzz $n for ${secs}s"
  EVENTMILL_DATA="$PWD/data" "build-asan/fuzz/${n}_fuzzer" -max_total_time="$secs" -max_len=65536 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="build-asan/fuzz/${n}_" "$@" \
    "build-asan/fuzz/${n}_corpus" "fuzz/corpus/${n}"
done
