#!/usr/bin/env bash
# Starts the whole service on this machine: Redis and the database, a development .env with fresh keys on
# first run, demo data, then bots, worker and admin in one terminal (Ctrl-C stops all three).
set -euo pipefail
cd "$(dirname "$0")/.."

# Installs exactly the lock, when it is newer than what is installed (or nothing is).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/services.sh

if [ ! -f .env ]; then
  {
    echo "# Development settings made by scripts/start.sh on $(date -u +%F). Not for production."
    echo "NODE_ENV=development"
    echo "DATA_ENCRYPTION_KEY=$(openssl rand -base64 32)"
    echo "LOOKUP_HASH_KEY=$(openssl rand -base64 32)"
    echo "SESSION_SECRET=$(openssl rand -hex 32)"
  } > .env
  chmod 600 .env
  echo "start: wrote .env with fresh development keys"
fi

if [ -f scripts/seed.ts ]; then npx tsx scripts/seed.ts; fi

# Ctrl-C or SIGTERM reaches every process of this group: each shuts down gracefully.
trap 'trap - INT TERM EXIT; kill -TERM 0 2>/dev/null; wait' INT TERM EXIT
# The processes log JSON (what production collects); here each event is one readable line, e.g.
# "[07:10:00] INFO: admin: admin ready". Lines that are not JSON (the WhatsApp QR code) pass through as they are.
for proc in bots worker admin; do
  npx tsx "$proc/main.ts" 2>&1 | node_modules/.bin/pino-pretty --singleLine --translateTime 'SYS:HH:MM:ss' \
    --ignore pid,hostname,service --messageFormat '{service}: {msg}' &
done
echo "start: admin panel on http://localhost:${PORT:-3000} (Ctrl-C stops everything)"
wait
