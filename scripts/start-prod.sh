#!/usr/bin/env bash
# The three built processes as the compose file runs them (NODE_ENV=production, JSON logs), in one terminal.
# Settings come from the environment or .env; Redis and the database must already answer. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/admin/main.js ] || bash scripts/build.sh
export NODE_ENV=production
trap 'trap - INT TERM EXIT; kill -TERM 0 2>/dev/null; wait' INT TERM EXIT
for proc in bots worker admin; do
  node "dist/$proc/main.js" &
done
wait
