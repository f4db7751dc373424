#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks: listens on a Unix socket in DIR
# only (no TCP), trusts local connections, and is removed by `stop`.
#   postgres_cluster.sh start DIR [fast]   initdb + start; prints the connection string
#   postgres_cluster.sh stop DIR           stops it and removes DIR
# "fast" turns fsync off (the tests kill naast-sync, never PostgreSQL); benchmarks leave it on.
# As root it runs PostgreSQL as the `postgres` user (initdb refuses root).
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "postgres_cluster.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
case "$cmd" in
  start)
    stop
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    opts="-c listen_addresses='' -k $dir -c max_connections=200"
    [ "${3:-}" = fast ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$opts" -w start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "host=$dir port=5432 user=postgres"
    ;;
  stop) stop ;;
  *) echo "usage: postgres_cluster.sh start|stop DIR [fast]" >&2; exit 2 ;;
esac
