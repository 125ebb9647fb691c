#!/usr/bin/env bash
# `make run`: serves the demo project on http://127.0.0.1:8000 with a mock
# station that keeps producing sessions. Results go to ./.litmus (override
# with LITMUS_HOME); the port with PORT. The first time, when that data dir
# holds no store yet, it is seeded with a demo line (`litmus demo`), so the
# Results and Metrics pages have a line's worth of runs to show.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
export LITMUS_PROJECT="$PWD/examples/demo"
export LITMUS_HOME=${LITMUS_HOME:-$PWD/.litmus}
PORT=${PORT:-8000}
litmus="$BUILD/src/cli/litmus"

if [[ ! -e "$LITMUS_HOME/litmus.db" ]]; then
  # Built aside and moved in whole: an interrupted seeding leaves no half
  # store behind, and the next `make run` seeds again.
  seed="$LITMUS_HOME.seeding"
  rm -rf "$seed"
  echo "litmus: first run: seeding $LITMUS_HOME with a demo line (litmus demo --runs 2000)"
  "$litmus" demo --data-dir "$seed" --runs 2000 >/dev/null
  mkdir -p "$LITMUS_HOME"
  mv "$seed/litmus.db" "$LITMUS_HOME/litmus.db"
  rm -rf "$seed"
fi

"$BUILD/examples/demo_station" >/dev/null &
demo=$!
trap 'kill "$demo" 2>/dev/null; wait "$demo" 2>/dev/null || true' EXIT INT TERM
echo "litmus: demo station running (pid $demo), data in $LITMUS_HOME"
echo "litmus: open http://127.0.0.1:$PORT"
"$litmus" serve --project "$LITMUS_PROJECT" --data-dir "$LITMUS_HOME" --host 127.0.0.1 --port "$PORT"
