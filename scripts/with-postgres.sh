#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster in a temp folder (as the postgres user when run as root),
# with TEST_DATABASE_URL pointing at it. Fails loudly when no PostgreSQL server binaries are found: never a silent skip.
# Tests run it non-durable (fsync, synchronous_commit, full_page_writes off: fast, and a crash only loses a throwaway).
# PG_DURABLE=1 keeps PostgreSQL's durable defaults instead, as a deployment runs them (what the benches measure);
# PG_OPTS adds server options, e.g. PG_OPTS="-c shared_preload_libraries=pg_stat_statements".
set -euo pipefail
PGBIN="${PGBIN:-}"
if [ -z "$PGBIN" ]; then
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then PGBIN="$d"; break; fi
  done
fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries (initdb) not found; install postgresql-15 or set PGBIN" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/zhengxie-pg.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
as_pg=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as_pg[@]}" "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${PG_DURABLE:-}" = "1" ] && settings=""
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $settings -c max_connections=200 ${PG_OPTS:-}" start >/dev/null
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $port, ${settings:-durable defaults}${PG_OPTS:+ $PG_OPTS}"
"$@"
