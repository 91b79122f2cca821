#!/usr/bin/env bash
# Configures and builds build-asan/: clang with AddressSanitizer + UBSan on everything, plus the
# libFuzzer harnesses of fuzz/ (used by `make asan` and fuzz/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang++ >/dev/null || { echo "asan: clang++ is not installed (tools/setup.d/90-sanitize.apt)"; exit 1; }
CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVENTMILL_SANITIZE=ON \
  -DEVENTMILL_BUILD_FUZZ=ON -DEVENTMILL_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "${JOBS:-$(nproc)}"
