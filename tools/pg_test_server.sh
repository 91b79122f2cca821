#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: Debian's postgresql binaries, a data directory in DIR,
# listening on 127.0.0.1 only, on a free port, trust auth for user "eventmill".
#   tools/pg_test_server.sh start DIR   prints the URL of database "eventmill" (postgresql://...)
#   tools/pg_test_server.sh stop DIR    stops the server and removes its data
# DIR (the caller's, may be private) keeps the server's port and data path; the data itself lives in
# a fresh /tmp/eventmill-pg.* directory the server user can reach.
# As root the server runs as the "postgres" system user (created by the Debian package).
# Exits 77 with a message when the PostgreSQL server package is not installed and cannot be.
set -euo pipefail
cmd=${1:?usage: $0 start|stop DIR}
dir=${2:?usage: $0 start|stop DIR}

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    bin=$(find_bin || true)
    if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1 || true
      bin=$(find_bin || true)
    fi
    if [ -z "$bin" ]; then
      echo "skip: the PostgreSQL server (Debian package postgresql) is not installed and cannot be installed" >&2
      exit 77
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
    fi
    mkdir -p "$dir"
    pgdir=$(mktemp -d /tmp/eventmill-pg.XXXXXX)
    echo "$pgdir" > "$dir/pgdir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; fi
    chmod 700 "$pgdir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_server_user "$bin/initdb" -D "$pgdir/data" -U eventmill -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      as_server_user "$bin/initdb" -D "$pgdir/data" -U eventmill -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
      { echo "pg_test_server: initdb failed: $(tail -3 "$dir/initdb.log")" >&2; exit 1; }
    as_server_user "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off -c full_page_writes=off -c max_connections=50" \
      start >/dev/null || { echo "pg_test_server: server did not start: $(tail -3 "$pgdir/server.log")" >&2; exit 1; }
    echo "$port" > "$dir/port"
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U eventmill -d postgres -c "CREATE DATABASE eventmill" >/dev/null
    echo "postgresql://eventmill@127.0.0.1:$port/eventmill"
    ;;
  stop)
    bin=$(find_bin || true)
    pgdir=$(cat "$dir/pgdir" 2>/dev/null || true)
    case "$pgdir" in /tmp/eventmill-pg.*) ;; *) exit 0 ;; esac
    [ -n "$bin" ] && [ -d "$pgdir/data" ] && as_server_user "$bin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
