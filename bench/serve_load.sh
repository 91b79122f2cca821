#!/usr/bin/env bash
# Load test of `eventmill serve` with wrk (Debian) on loopback against a database of 1,000,000
# generated events (bench/store_bench's query database, made and cached in /tmp on first use):
# requests/s and latency percentiles of the main queries of the dashboard. Not part of `make test`.
#   bench/serve_load.sh [DB|postgresql://...] [SECONDS per query (10)] [CONNECTIONS (8)]
# Prints one markdown row per query: what docs/serve.md records. "CPU/req" is the server's own CPU
# time (user + system, /proc) divided by the requests served: what a query costs whatever else
# runs on the machine (latency under a loaded machine is mostly waiting for a core).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-/tmp/eventmill_store_bench_1000000.db}
secs=${2:-10}
conns=${3:-8}
command -v wrk >/dev/null || { echo "serve_load: wrk is not installed (tools/setup.sh installs it)" >&2; exit 1; }
if [[ "$db" != postgres* ]] && [ ! -f "$db" ]; then
  echo "serve_load: making $db with bench/store_bench (1,000,000 events; several minutes)..." >&2
  build/bench/store_bench --events=1000000 --benchmark_filter='BM_Query_CountryMonth/postgres:0' >/dev/null
fi
log=$(mktemp)
build/eventmill serve --db "$db" --port 0 --quiet --threads "$conns" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q listening "$log" && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$log" | head -1)
[ -n "$port" ] || { echo "serve_load: server did not start: $(cat "$log")" >&2; exit 1; }
# The server's own pid (what $! names may be a shell around it), from its listening socket.
spid=$(ss -ltnpH "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
[ -n "$spid" ] && pid=$spid
base="http://127.0.0.1:$port"
article=$(curl -s "$base/api/articles?limit=1&offset=777" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"][0]["id"])')
queries=(
  "/api/health"
  "/api/events?limit=100"
  "/api/events?country=KZ&since=2022-03&until=2022-03&limit=100"
  "/api/events?country=KZ&type=173&since=2022-03-01&until=2022-03-28&limit=100"
  "/api/events?type=Protests&since=2022-06&until=2022-06&limit=100"
  "/api/events?actor=KAZCOP&limit=100"
  "/api/events?near=43.25,76.92,50&since=2022-03&until=2022-03&limit=100"
  "/api/events?q=station42&limit=100"
  "/api/events?country=KZ&limit=100&offset=900"
  "/api/articles/$article"
  "/api/aggregates?by=day&country=KZ&since=2022-03&until=2022-03"
  "/api/aggregates?by=type&country=KZ&since=2022-03&until=2022-03"
  "/api/aggregates?by=day&country=KZ&since=2022-01&until=2022-06"
  "/api/aggregates?by=day"
  "/api/figures?country=KZ&since=2022-03-01&until=2022-03-07"
)
echo "db: $db; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg); wrk -c$conns -d${secs}s"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
tick=$(getconf CLK_TCK)
echo "| query | answer | requests/s | p50 | p99 | CPU/req | errors |"
echo "|---|---|---|---|---|---|---|"
for q in "${queries[@]}"; do
  size=$(curl -s -o /dev/null -w '%{http_code} %{size_download}B' "$base$q")
  t0=$(cpu_ticks)
  out=$(wrk -t"$(( conns < 2 ? 1 : 2 ))" -c"$conns" -d"${secs}s" --latency "$base$q")
  t1=$(cpu_ticks)
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errs=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")
  cpu=$(awk -v a="$t0" -v b="$t1" -v n="$n" -v t="$tick" 'BEGIN { printf "%.2f ms", n ? (b - a) * 1000 / t / n : 0 }')
  echo "| \`${q/$article/ID}\` | $size | $rps | $p50 | $p99 | $cpu | ${errs:-0} |"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
