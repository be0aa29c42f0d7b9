#!/usr/bin/env bash
# `npm test`: typecheck, lint, then every test (unit, database, component, and end-to-end in real
# Chromium against a production build).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint --max-warnings 0 .
echo "== build"; npx next build
echo "== tests"; npx vitest run --reporter=default --reporter=./tests/support/summary-reporter.ts
