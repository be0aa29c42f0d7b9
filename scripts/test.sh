#!/usr/bin/env bash
# `npm test`: the runtime dependencies' audit; then typecheck, lint and the production build side by
# side with the unit, database and component tests; then the end-to-end tests (real Chromium against
# that build): the files sharing one server beside those that start their own. On two cores the build
# is the longest road to the end, so the checks that nothing waits for run at a lower priority. Each step's output is printed whole when it ends; the run closes with
# one line for every test, `vitest: N passed, N failed`, and fails when any step failed.
set -uo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
export VITEST_SUMMARY_FILE="$logs/counts"
: >"$VITEST_SUMMARY_FILE"
vitest=(npx vitest run --reporter=default --reporter=./tests/support/summary-reporter.ts)
failed=()
declare -A pids

# background NAME COMMAND…: starts a step whose output waits in a log until `collect NAME`.
background() {
  local name=$1
  shift
  "$@" >"$logs/$name.log" 2>&1 &
  pids[$name]=$!
}
collect() {
  local name=$1
  local status=0
  wait "${pids[$name]}" || status=$?
  if [ "$status" -eq 0 ]; then echo "== $name: done"; else echo "== $name: FAILED"; failed+=("$name"); fi
  cat "$logs/$name.log"
  return "$status"
}

echo "== chromium"; bash scripts/ensure-chromium.sh || exit 1
echo "== audit"; npx tsx scripts/audit.ts || failed+=(audit)

echo "== typecheck, lint, build, unit and component tests (side by side)"
background build env WAYSTATION_TYPECHECKED_APART=1 npx next build
background tests "${vitest[@]}" --project unit --project unit-isolated --project components
# CI starts lint and typecheck itself, beside the compile of SQLite and then these tests (.ci/run).
if [ "${WAYSTATION_CHECKED:-}" = 1 ]; then
  echo "== typecheck and lint: run by CI beside these tests"
else
  background typecheck nice -n 10 npm run -s typecheck
  background lint nice -n 10 npm run -s lint
fi

if collect build; then
  echo "== end-to-end tests (those with a server of their own side by side, printed after)"
  background e2e-own-server "${vitest[@]}" --project e2e-own-server
  "${vitest[@]}" --project e2e || failed+=(e2e)
  collect e2e-own-server || true
else
  echo "== end-to-end tests: not run, the build failed"
fi
for step in tests typecheck lint; do [ -n "${pids[$step]:-}" ] && { collect "$step" || true; }; done

read -r passed failures skipped < <(awk '{ p += $1; f += $2; s += $3 } END { print p + 0, f + 0, s + 0 }' "$VITEST_SUMMARY_FILE")
echo
echo "vitest: $passed passed, $failures failed$([ "$skipped" -gt 0 ] && echo ", $skipped skipped")"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "npm test failed: ${failed[*]}" >&2
  exit 1
fi
