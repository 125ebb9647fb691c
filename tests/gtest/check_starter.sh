#!/usr/bin/env bash
# The path of a new user, end to end: install Litmus into a temp prefix,
# `litmus init my_board --starter`, `litmus validate`, `make test` in it (4 tests against the
# mock bench), then find the runs with `litmus runs --json` and
# `litmus show RUN_ID -f json`.
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
litmus="$work/prefix/bin/litmus"
export LITMUS_HOME="$work/data"

cd "$work"
"$litmus" init my_board --starter
cd my_board
# The generated project is valid as written: every file, every reference.
"$litmus" validate
make test

runs=$("$litmus" runs --json)
echo "$runs" | node -e '
  const runs = JSON.parse(require("fs").readFileSync(0, "utf8"));
  if (runs.length !== 4) throw new Error(`expected 4 runs (one per ctest test), got ${runs.length}`);
  for (const run of runs) {
    if (run.outcome !== "passed") throw new Error(`run ${run.run_id} is ${run.outcome}`);
    if (run.project !== "my_board" || run.station !== "bench_1" || run.product !== "board")
      throw new Error(`run fields: ${JSON.stringify(run)}`);
  }'

rail=$(echo "$runs" | node -e '
  const runs = JSON.parse(require("fs").readFileSync(0, "utf8"));
  process.stdout.write(runs.find(r => r.step_count === 1 && r.filter.includes("RailWithinSpec")).run_id)')
"$litmus" show "${rail:0:8}"
"$litmus" show "${rail:0:8}" -f json | node -e '
  const shown = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const steps = shown.steps.filter(s => s.step_path === "Power/RailWithinSpec");
  if (steps.length !== 3) throw new Error(`expected 3 vectors, got ${steps.length}`);
  const rails = shown.measurements.filter(m => m.name === "v_rail");
  if (rails.length !== 3) throw new Error(`expected 3 v_rail measurements, got ${rails.length}`);
  for (const m of rails) {
    if (m.outcome !== "passed" || m.characteristic_id !== "rail_3v3" || m.instrument_role !== "dmm")
      throw new Error(`measurement: ${JSON.stringify(m)}`);
  }'
"$litmus" show "${rail:0:8}" -f csv | grep -q '^run_id,'

# A second test file from the scaffold builds and runs too.
"$litmus" new-test thermal
make test
echo "starter project: OK"
