#!/usr/bin/env bash
# Makes sure Redis and the database (FerretDB, MongoDB wire protocol) answer on loopback. FerretDB keeps its data in
# PostgreSQL where one answers (LAPOR_POSTGRESQL_URL, default the local server; its database is created when missing),
# in SQLite (.data/ferretdb) otherwise or with LAPOR_FERRETDB_BACKEND=sqlite; it says which. Installs what is missing,
# starts what is stopped, waits until both answer. Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DIR="${LAPOR_DATA_DIR:-$PWD/.data}"
REDIS_PORT="${LAPOR_REDIS_PORT:-6379}"
FERRETDB_PORT="${LAPOR_FERRETDB_PORT:-27017}"
FERRETDB_BIN="$DATA_DIR/bin/ferretdb"
# The data belongs to this checkout, as SQLite's file in .data does: a fresh clone (whose `npm start` writes fresh
# keys) gets a database of its own, named once in .data, instead of one a previous checkout filled under other keys.
mkdir -p "$DATA_DIR"
[ -s "$DATA_DIR/postgresql-database" ] || echo "lapor_$(od -An -N5 -tx1 /dev/urandom | tr -d ' \n')" > "$DATA_DIR/postgresql-database"
POSTGRESQL_URL="${LAPOR_POSTGRESQL_URL:-postgres://postgres@127.0.0.1:5432/$(cat "$DATA_DIR/postgresql-database")}"
mkdir -p "$DATA_DIR/bin" "$DATA_DIR/log"

say() { printf 'services: %s\n' "$*" >&2; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { # port name seconds
  for _ in $(seq 1 $(( $3 * 10 ))); do answers "$1" && return 0; sleep 0.1; done
  say "$2 did not answer on 127.0.0.1:$1 within $3 s"; return 1
}

ensure_redis() {
  if answers "$REDIS_PORT"; then say "redis answers on 127.0.0.1:$REDIS_PORT"; return; fi
  if ! command -v redis-server >/dev/null; then
    say "installing redis-server (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null
  fi
  say "starting redis-server on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$DATA_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$DATA_DIR/redis" --logfile "$DATA_DIR/log/redis.log"
  wait_for "$REDIS_PORT" redis 20
}

build_ferretdb() {
  # Rebuild only when our Go program, its pinned module versions or our patches change.
  local stamp; stamp=$(cat tools/ferretdb/main.go tools/ferretdb/go.mod tools/ferretdb/go.sum tools/ferretdb/*.patch \
    | sha256sum | cut -c1-16)
  if [ -x "$FERRETDB_BIN" ] && [ "$(cat "$FERRETDB_BIN.stamp" 2>/dev/null)" = "$stamp" ]; then return; fi
  command -v go >/dev/null || { say "the Go toolchain is needed once to build FerretDB (tools/ferretdb)"; exit 1; }
  say "building FerretDB from tools/ferretdb (first time takes about a minute)"
  local started=$SECONDS src="$DATA_DIR/ferretdb-src" module
  # The pinned FerretDB with tools/ferretdb/*.patch applied replaces the pinned one (a copy, the module cache is
  # read-only), through a build-only go.mod: tools/ferretdb/go.mod stays as it is.
  module=$(cd tools/ferretdb && go mod download github.com/FerretDB/FerretDB \
    && go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)
  rm -rf "$src" && cp -r "$module" "$src" && chmod -R u+w "$src"
  for p in tools/ferretdb/*.patch; do patch -s -p1 -d "$src" < "$p"; done
  cp tools/ferretdb/go.mod "$DATA_DIR/ferretdb-build.mod" && cp tools/ferretdb/go.sum "$DATA_DIR/ferretdb-build.sum"
  echo "replace github.com/FerretDB/FerretDB => $src" >> "$DATA_DIR/ferretdb-build.mod"
  (cd tools/ferretdb && go build -modfile="$DATA_DIR/ferretdb-build.mod" -o "$FERRETDB_BIN" .)
  echo "$stamp" > "$FERRETDB_BIN.stamp"
  say "FerretDB built in $(( SECONDS - started )) s"
}

# The backend FerretDB will use: "sqlite" when asked for (LAPOR_FERRETDB_BACKEND=sqlite) or when no PostgreSQL answers
# and takes our database, else "postgresql" (about ten times faster for concurrent writes; see README).
ferretdb_backend() {
  if [ "${LAPOR_FERRETDB_BACKEND:-}" = sqlite ] || ! command -v psql >/dev/null; then echo sqlite; return; fi
  local db="${POSTGRESQL_URL##*/}" server="${POSTGRESQL_URL%/*}"
  if ! psql "$server/postgres" -Atqc 'select 1' >/dev/null 2>&1; then echo sqlite; return; fi
  psql "$server/postgres" -Atqc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
    || psql "$server/postgres" -qc "create database \"$db\"" >/dev/null 2>&1 || { echo sqlite; return; }
  echo postgresql
}

# FerretDB 1.24 opens up to 50 PostgreSQL connections per server by default and (a bug in its URL defaults) never
# closes idle ones: two busy servers fill PostgreSQL's 100. Every FerretDB we start gets a capped pool instead.
FERRETDB_POOL="${LAPOR_FERRETDB_POOL:-20}"
pool_args() { # a PostgreSQL URL -> the same with the pool cap and a 1-minute idle timeout
  local sep='?'; case "$1" in *\?*) sep='&' ;; esac
  echo "$1${sep}pool_max_conns=${2:-$FERRETDB_POOL}&pool_max_conn_idle_time=1m"
}

ensure_ferretdb() {
  if answers "$FERRETDB_PORT"; then
    say "database answers on 127.0.0.1:$FERRETDB_PORT (started on $(cat "$DATA_DIR/ferretdb.backend" 2>/dev/null || echo '?'))"
    return
  fi
  build_ferretdb
  local backend args=()
  backend=$(ferretdb_backend)
  # Test runs leave their databases behind (dropping a database that a lingering connection still reads can crash
  # FerretDB's SQLite with SIGBUS): clear them here, while no server has them open.
  if [ "$backend" = postgresql ]; then
    # Each MongoDB database is a schema of the one PostgreSQL database.
    psql "$POSTGRESQL_URL" -Atqc "select format('drop schema %I cascade;', nspname) from pg_namespace where nspname like 't\\_%'" \
      | psql "$POSTGRESQL_URL" -q >/dev/null 2>&1 || true
    args=(-postgresql-url "$(pool_args "$POSTGRESQL_URL")")
    say "starting FerretDB on 127.0.0.1:$FERRETDB_PORT (PostgreSQL: $POSTGRESQL_URL, at most $FERRETDB_POOL connections)"
  else
    rm -f "$DATA_DIR"/ferretdb/t_*.sqlite*
    args=(-dir "$DATA_DIR/ferretdb")
    say "starting FerretDB on 127.0.0.1:$FERRETDB_PORT (SQLite in $DATA_DIR/ferretdb)"
  fi
  echo "$backend" > "$DATA_DIR/ferretdb.backend"
  # Supervised: should FerretDB ever die, it is back within a second instead of failing every later test.
  # Quoted for the inner shell: the pool URL holds a '&'.
  local command; command=$(printf '%q ' "$FERRETDB_BIN" -listen "127.0.0.1:$FERRETDB_PORT" "${args[@]}")
  nohup bash -c "while :; do $command; sleep 0.5; done" \
    >>"$DATA_DIR/log/ferretdb.log" 2>&1 &
  echo $! > "$DATA_DIR/ferretdb.pid"
  wait_for "$FERRETDB_PORT" FerretDB 30
}

ensure_chromium() {
  # Browser tests drive Debian's Chromium; a browser download never works here.
  if command -v chromium >/dev/null; then return; fi
  say "installing chromium (Debian package) for the browser tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
}

# The resilience suite runs a FerretDB of its own (it restarts it): it only needs the binary.
if [ "${1:-}" = "--ferretdb-binary" ]; then build_ferretdb; echo "$FERRETDB_BIN"; exit 0; fi
# Which backend a FerretDB started now would use (the tests' own servers follow it).
if [ "${1:-}" = "--ferretdb-backend" ]; then ferretdb_backend; exit 0; fi
# A PostgreSQL URL with the pool cap (for the tests' own servers and scripts/test-backend.sh): --pool-url URL [N].
if [ "${1:-}" = "--pool-url" ]; then pool_args "$2" "${3:-}"; exit 0; fi
if [ "${1:-}" = "--redis" ]; then ensure_redis; exit 0; fi

ensure_redis
ensure_ferretdb
if [ "${1:-}" = "--browser" ]; then ensure_chromium; fi
