#!/usr/bin/env bash
# Browser journeys: build, start the real server on a fresh embedded database with demo data, run Playwright in
# Debian chromium (never a downloaded browser), stop the server.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then echo "chromium not found at $CHROMIUM_PATH (apt-get install chromium)"; exit 1; fi

npx tsc -b >/dev/null && npm run build -w @mutua/web >/dev/null || { echo "build failed"; exit 1; }

DATA=$(mktemp -d)
PORT="${E2E_PORT:-18080}"
LOG="$DATA/server.log"
env -u DATABASE_URL DATA_DIR="$DATA" PORT="$PORT" HOST=127.0.0.1 node apps/server/bin/mutua.js serve >"$LOG" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "server exited:"; cat "$LOG"; exit 1; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "server did not start:"; cat "$LOG"; exit 1; }

E2E_BASE_URL="http://127.0.0.1:$PORT" npx playwright test -c e2e/playwright.config.ts
rc=$?
[ $rc -ne 0 ] && { echo "--- server log (tail)"; tail -50 "$LOG"; }
exit $rc
