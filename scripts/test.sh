#!/usr/bin/env bash
# `npm test`: the runtime dependencies' audit, typecheck, lint, then every test (unit, database, component, and end-to-end in real
# Chromium against a production build).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1

echo "== chromium"; bash scripts/ensure-chromium.sh
echo "== audit"; npx tsx scripts/audit.ts
echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint --max-warnings 0 .
echo "== build"; npx next build
echo "== tests"; npx vitest run --reporter=default --reporter=./tests/support/summary-reporter.ts
