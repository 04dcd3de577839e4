#!/usr/bin/env bash
# CI's first-run check: the README's first line, `npm start`, on this clone, until the panel answers; then stops it.
# Prints how long it took. Leaves no .env behind, so the test suites that follow start from the same clean state.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-3000}"
log=$(mktemp)
had_env=$([ -f .env ] && echo yes || echo no)
started=$SECONDS
setsid npm start >"$log" 2>&1 &
pid=$!
stop() { kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; [ "$had_env" = yes ] || rm -f .env; }
trap stop EXIT
for _ in $(seq 1 600); do
  if grep -q 'admin: admin ready' "$log" && curl -fsS -o /dev/null "http://127.0.0.1:$PORT/login"; then
    echo "first run: npm start brought up the panel (admin ready, /login 200) in $(( SECONDS - started )) s"
    # Printed on the very first start of a database only (scripts/seed.ts); test/scripts/seed.test.ts checks them.
    grep -q 'demo staff accounts' "$log" && echo "first run: demo staff accounts printed"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
echo "first run: the panel did not come up; npm start said:"; cat "$log"; exit 1
