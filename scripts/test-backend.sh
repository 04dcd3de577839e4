#!/usr/bin/env bash
# scripts/test-backend.sh sqlite|postgresql [jest args]: runs jest against a FerretDB of its own on the given backend
# (a free port, a fresh SQLite directory in memory or a fresh PostgreSQL database), so one machine can check both
# backends without touching the shared server on 27017. The tests' own FerretDB servers follow the same backend.
# Cleans up (its server, its data) however jest ends, and exits with jest's status.
set -euo pipefail
cd "$(dirname "$0")/.."

backend="${1:-}"
case "$backend" in sqlite | postgresql) shift ;; *) echo "usage: $0 sqlite|postgresql [jest args]" >&2; exit 2 ;; esac
say() { printf 'test-backend: %s\n' "$*" >&2; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

POSTGRESQL_URL="${LAPOR_POSTGRESQL_URL:-postgres://postgres@127.0.0.1:5432/lapor_ferretdb}"
server="${POSTGRESQL_URL%/*}"
bash scripts/services.sh --redis
bin="${LAPOR_FERRETDB_BIN:-$(bash scripts/services.sh --ferretdb-binary)}"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log=$(mktemp /tmp/lapor-test-backend-XXXXXX.log)

pid='' db='' dir='' status=1
cleanup() {
  if [ "$status" = 0 ]; then rm -f "$log"; fi
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$db" ]; then psql "$server/postgres" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true; fi
  if [ -n "$dir" ]; then rm -rf "$dir"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$backend" = postgresql ]; then
  psql "$server/postgres" -Atqc 'select 1' >/dev/null 2>&1 || { say "no PostgreSQL answers at $server"; exit 1; }
  db="lapor_tb_$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  psql "$server/postgres" -qc "create database $db" >/dev/null
  args=(-postgresql-url "$(bash scripts/services.sh --pool-url "$server/$db")")
  say "FerretDB on 127.0.0.1:$port, PostgreSQL database $db (log $log)"
else
  dir=$(mktemp -d "$([ -d /dev/shm ] && echo /dev/shm || echo /tmp)/lapor-ferretdb-XXXXXX")
  args=(-dir "$dir")
  say "FerretDB on 127.0.0.1:$port, SQLite in $dir (log $log)"
fi
"$bin" -listen "127.0.0.1:$port" "${args[@]}" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do answers "$port" && break; sleep 0.1; done
answers "$port" || { say "FerretDB did not answer within 30 s"; cat "$log" >&2; exit 1; }

status=0
TEST_MONGODB_BASE="mongodb://127.0.0.1:$port" LAPOR_FERRETDB_BACKEND="$backend" LAPOR_FERRETDB_BIN="$bin" \
  npx jest "$@" || status=$?
say "jest on $backend exited $status"
exit "$status"
