#!/usr/bin/env bash
# `make run`: serves the demo project on http://127.0.0.1:8000 with a mock
# station that keeps producing sessions. Results go to ./.litmus (override
# with LITMUS_HOME); the port with PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
export LITMUS_PROJECT="$PWD/examples/demo"
export LITMUS_HOME=${LITMUS_HOME:-$PWD/.litmus}
PORT=${PORT:-8000}

"$BUILD/examples/demo_station" >/dev/null &
demo=$!
trap 'kill "$demo" 2>/dev/null; wait "$demo" 2>/dev/null || true' EXIT INT TERM
echo "litmus: demo station running (pid $demo), data in $LITMUS_HOME"
echo "litmus: open http://127.0.0.1:$PORT"
"$BUILD/src/cli/litmus" serve --project "$LITMUS_PROJECT" --data-dir "$LITMUS_HOME" --host 127.0.0.1 --port "$PORT"
