#!/usr/bin/env bash
# The production build: the compiled processes plus every file they read at run time. tsc emits JavaScript (and the
# JSON it imports); views, static files and the web chat's page are not TypeScript, so they are copied beside the
# code that reads them with __dirname. Usage: scripts/build.sh [OUT_DIR] (default dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-dist}"
rm -rf "$OUT"
npx tsc -p tsconfig.build.json --outDir "$OUT"
# Every non-TypeScript file under the process and domain folders, at the same relative path.
find bots worker admin src scripts -type f ! -name '*.ts' ! -name '*.sh' -print0 | xargs -0 cp --parents -t "$OUT"
echo "build: $(find "$OUT" -name '*.js' | wc -l) JavaScript files and $(find "$OUT" -type f ! -name '*.js' | wc -l) assets in $OUT/"
