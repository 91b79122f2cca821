#!/usr/bin/env bash
# Builds and runs a libFuzzer target with clang (AddressSanitizer + UBSan) outside the CMake build:
#   fuzz/run.sh warc|charset [SECONDS]      (default 60 s; corpus kept in build/fuzz/NAME_corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: fuzz/run.sh warc|charset [seconds]}
secs=${2:-60}
out=build/fuzz
mkdir -p "$out/${name}_corpus"
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -Iinclude -Isrc $(pkg-config --cflags uchardet) \
  "fuzz/${name}_fuzzer.cc" src/io/warc_reader.cc src/io/charset.cc src/text/utf8.cc src/core/status.cc \
  -lz $(pkg-config --libs uchardet) -o "$out/${name}_fuzzer"
if [ "$name" = warc ] && [ -z "$(ls -A "$out/${name}_corpus")" ]; then
  # seeds: small crawls, gzip members and plain, one chunked
  python3 - "$out/${name}_corpus" tests/e2e <<'PY'
import gzip, sys
sys.path.insert(0, sys.argv[2])
from make_warc import warcinfo, request, response, http_response, write_warc
recs = [warcinfo(), request("http://a.test/"), response("http://a.test/", http_response(b"<html><p>a</p></html>")),
        response("http://a.test/c", http_response(b"<html><p>chunked</p></html>" * 50, chunked=True)),
        response("http://a.test/g", http_response(gzip.compress(b"<html>z</html>"),
                 headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}))]
write_warc(f"{sys.argv[1]}/members.warc.gz", recs)
write_warc(f"{sys.argv[1]}/plain.warc", recs, gzip_members=False)
PY
fi
"$out/${name}_fuzzer" -artifact_prefix="$out/${name}_" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 "$out/${name}_corpus"
