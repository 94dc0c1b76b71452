#!/usr/bin/env bash
# The main job on the bundled examples: every command a newcomer would run, with the
# exit code each one must give. Exits non-zero if any command gives another code.
set -uo pipefail
cd "$(dirname "$0")/.."
PLANCHECK=${PLANCHECK:-.venv/bin/plancheck}
status=0

step() {  # step EXPECTED_EXIT DESCRIPTION -- COMMAND...
  local expected=$1 title=$2
  shift 3
  printf '\n\033[1m== %s\033[0m\n$ plancheck %s\n' "$title" "$*"
  "$PLANCHECK" "$@"
  local got=$?
  if [ "$got" -ne "$expected" ]; then
    printf '!! expected exit %s, got %s\n' "$expected" "$got"
    status=1
  else
    printf '(exit %s, as expected)\n' "$got"
  fi
}

step 0 "The bundled Daxing suite" -- suite
step 0 "A compliant proposal (airport logistics)" -- \
  check examples/proposals/airport-logistics.yaml --max-findings 5
step 1 "Proposals that break the plan: each fails a project rule" -- \
  check examples/proposals/fail-*.yaml --format text
step 0 "Missing data is never a pass: it is unknown (a warning unless --fail-on unknown)" -- \
  check examples/proposals/missing-data.yaml
step 2 "A malformed proposal: precise diagnostics, exit 2" -- \
  check examples/proposals/malformed-value.yaml
step 1 "A batch of proposals with the plan baseline: zoning, farmland and the 319 km² cap" -- \
  check examples/proposals/batch.csv examples/data/daxing-monitoring-2023.csv --max-findings 3
step 1 "The same batch as Parquet, numbers in each field's unit: the same outcomes" -- \
  check examples/parquet/batch.parquet --max-findings 3
step 1 "A subordinate plan: the 2022 annual plan's targets against the outline" -- \
  check examples/data/daxing-2022-annual-plan.csv examples/data/daxing-baseline.csv --as-of 2022
step 1 "Monitoring: where do we stand in 2023?" -- \
  check examples/data/daxing-monitoring-2023.csv --as-of 2023
exit $status
