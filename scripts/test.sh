#!/usr/bin/env bash
# The test command (npm test): lint, types, backend suites on PGlite and PostgreSQL, web tests, web build, browser
# journeys. `npm test -- <stage>` (unit | db | pg | web | e2e | static) runs one stage.
set -uo pipefail
cd "$(dirname "$0")/.."

STAGE="${1:-all}"
PG_URL="${PG_TEST_URL:-postgres://root@127.0.0.1:5432/test}"
NODE_TEST=(node --import tsx --conditions=@mutua/source --test --test-concurrency=2)
failed=()

find_tests() { # $1 = name pattern; excludes web code (run by vitest)
  find packages modules apps bench -name "$1" -path '*/src/*' -not -path '*/node_modules/*' -not -path '*/dist/*' \
    -not -path '*/src/web/*' -not -path 'packages/web-kernel/*' -not -path 'apps/web/*' | sort
}

run() { # $1 = label, rest = command
  local label="$1"; shift
  echo "::: $label"
  if "$@"; then echo "::: $label: ok"; else echo "::: $label: FAILED"; failed+=("$label"); fi
}

stage() { [ "$STAGE" = all ] || [ "$STAGE" = "$1" ]; }

if stage static; then
  run "biome check" npx biome check .
  run "tsc -b" npx tsc -b
  run "tsc e2e" npx tsc -p e2e
  run "tsc kernel test fixtures" npx tsc -p packages/kernel/test
fi
if stage unit; then
  mapfile -t unit < <(find_tests '*.test.ts' | grep -v '\.db\.test\.ts$')
  run "unit tests (node:test)" "${NODE_TEST[@]}" "${unit[@]}"
fi
mapfile -t dbt < <(find_tests '*.db.test.ts')
if stage db; then
  run "database tests on PGlite" env -u DATABASE_URL "${NODE_TEST[@]}" "${dbt[@]}"
fi
if stage pg || stage db; then
  if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end(),()=>process.exit(1))" "$PG_URL" 2>/dev/null; then
    run "database tests on PostgreSQL" env DATABASE_URL="$PG_URL" "${NODE_TEST[@]}" "${dbt[@]}"
  elif [ -n "${MUTUA_REQUIRE_PG:-}" ]; then
    echo "::: PostgreSQL at $PG_URL is not reachable (required by MUTUA_REQUIRE_PG)"; failed+=("postgres")
  else
    echo "::: PostgreSQL at $PG_URL is not reachable: database tests on PostgreSQL SKIPPED (set PG_TEST_URL)"
  fi
fi
if stage web; then
  run "web tests (vitest)" npx vitest run --root apps/web
  run "web build" npm run build -w @mutua/web
fi
if stage e2e; then
  run "browser journeys (Playwright, chromium)" bash scripts/e2e.sh
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED stages: ${failed[*]}"
  exit 1
fi
echo "All test stages passed."
