#!/usr/bin/env bash
# Runs every Litmus benchmark against its same-run baseline and prints the
# figures. Builds nothing: `make bench` builds first, then calls
#   bench/run.sh <build dir>
# Takes about 2-3 minutes on 2 cores, plus ~10 for section 9 and ~25 for
# section 10 (generating their stores). Scratch data goes under $TMPDIR
# (default /tmp) and is removed afterwards. Figures: bench/BENCHMARKS.md.
#
# Environment knobs (defaults are the documented runs):
#   LITMUS_BENCH_EMIT_CALLS    calls per emit phase      (1000000)
#   LITMUS_BENCH_MEMORY_EVENTS events of the RSS run     (10000000)
#   LITMUS_BENCH_LIVE_EVENTS   events of the live run    (2000, at 200/s)
#   LITMUS_BENCH_RESULTS_RUNS  runs of the generated Results store (100000, with
#                              50 measurements each: generating takes ~8 min)
#   LITMUS_BENCH_RESULTS_DATA  a data dir to keep the generated store in and
#                              reuse on the next run (default: a temp dir, removed)
#   LITMUS_BENCH_METRICS_RUNS  runs of the `litmus demo` store of section 10 (100000,
#                              ~50 measurements each: generating takes ~25 min)
#   LITMUS_BENCH_METRICS_DATA  a data dir to keep that store in and reuse
#                              (default: a temp dir, removed)
set -u

build=${1:-build}
bin="$build/bench"
litmus="$build/src/cli/litmus"
if [[ ! -x "$bin/litmus_bench_emit" ]]; then
  echo "bench/run.sh: $bin/litmus_bench_emit not found; build first (make bench, or ninja -C $build litmus_benchmarks)" >&2
  exit 2
fi

failed=()
section() { printf '\n=== %s ===\n' "$1"; }
run() {  # run <label> <command...>
  local label=$1
  shift
  echo "\$ $*"
  if ! "$@"; then
    failed+=("$label")
  fi
}

section "machine"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "nproc:   $(nproc)"
echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "kernel:  $(uname -r)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; > ~0.5 means other work competes for the 2 cores)"
echo "tmp fs:  $(df -T "${TMPDIR:-/tmp}" | awk 'NR==2 {print $2 " on " $1}')"

section "1. emit() latency vs bare write(2)"
run emit "$bin/litmus_bench_emit" --calls "${LITMUS_BENCH_EMIT_CALLS:-1000000}"
echo "diagnosis: the pieces of one emit_json() besides write(2)"
run emit-parts "$bin/litmus_bench_emit_parts" --benchmark_min_time=0.2

section "2. EventStore::ingest vs raw SQLite insert"
run store "$bin/litmus_bench_store" --benchmark_color=false

section "3. LTTB 10 M -> 1000 vs a sum pass"
run lttb "$bin/litmus_bench_lttb" --benchmark_color=false

section "4. live latency emit() -> litmus serve SSE"
if [[ -x "$litmus" ]]; then
  run live "$bin/litmus_bench_live" --litmus "$litmus" --events "${LITMUS_BENCH_LIVE_EVENTS:-2000}" --rate 200
else
  echo "SKIPPED: $litmus not built"
  failed+=("live (litmus not built)")
fi

section "5. memory"
run trivial "$bin/litmus_bench_trivial"
run memory-emit "$bin/litmus_bench_memory" emit --events "${LITMUS_BENCH_MEMORY_EVENTS:-10000000}"
if [[ -x "$litmus" ]]; then
  run memory-serve "$bin/litmus_bench_memory" serve --litmus "$litmus"
else
  echo "SKIPPED: litmus serve idle RSS ($litmus not built)"
  failed+=("memory-serve (litmus not built)")
fi

section "6. verify() vs emit(), 10 000-vector sweep"
verify_data=$(mktemp -d)
run verify "$bin/litmus_bench_verify" --data-dir="$verify_data/data" --gtest_brief=1
rm -rf "$verify_data"

section "7. 1 M-point waveform sim -> rigol_ds1000z -> ChannelStore vs a bare socket"
run waveform "$bin/litmus_bench_waveform" --benchmark_color=false

section "8. SCPI query round trip: ScpiConnection vs bare socket"
run scpi "$bin/litmus_bench_scpi" --benchmark_color=false --benchmark_min_time=1

section "9. Results API on a 100 000-run store: /api/runs sorts, a 10 000-measurement run"
if [[ -x "$litmus" ]]; then
  results_runs=${LITMUS_BENCH_RESULTS_RUNS:-100000}
  if [[ -n "${LITMUS_BENCH_RESULTS_DATA:-}" ]]; then
    run results "$bin/litmus_bench_results" --litmus "$litmus" --data-dir "$LITMUS_BENCH_RESULTS_DATA" \
      --runs "$results_runs" --measurements $((results_runs * 50))
  else
    run results "$bin/litmus_bench_results" --litmus "$litmus" --runs "$results_runs" \
      --measurements $((results_runs * 50))
  fi
else
  echo "SKIPPED: $litmus not built"
  failed+=("results (litmus not built)")
fi

section "10. Metrics on a 100 000-run demo store: every lens, the yield tab over HTTP"
if [[ -x "$litmus" ]]; then
  metrics_args=(--litmus "$litmus" --runs "${LITMUS_BENCH_METRICS_RUNS:-100000}" --benchmark_color=false)
  if [[ -n "${LITMUS_BENCH_METRICS_DATA:-}" ]]; then
    metrics_args+=(--data-dir "$LITMUS_BENCH_METRICS_DATA")
  fi
  run metrics "$bin/litmus_bench_metrics" "${metrics_args[@]}"
else
  echo "SKIPPED: $litmus not built"
  failed+=("metrics (litmus not built)")
fi

section "11. History from programs: MCP litmus_events on 100 000 events, CSV export of 1 M measurements"
run history "$bin/litmus_bench_history"

section "12. Operator UI in Chromium: 10 000-measurement run first paint, live updates and serve RSS with 20 pages"
if [[ -x "$litmus" && -x /usr/bin/chromium ]]; then
  run ui node "$(dirname "$0")/ui_bench.mjs" "$build"
else
  echo "SKIPPED: needs $litmus and /usr/bin/chromium (scripts/bootstrap.sh installs it)"
  failed+=("ui (litmus or chromium missing)")
fi

section "summary"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((${#failed[@]})); then
  echo "did not complete: ${failed[*]}"
  exit 1
fi
echo "all benchmarks completed (aims: see the 'summary' lines above)"
