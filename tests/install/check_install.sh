#!/usr/bin/env bash
# `cmake --install` into a temp prefix, then build and run a user project
# that does find_package(Litmus) and links Litmus::litmus.
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
test -x "$work/prefix/bin/litmus"
test -f "$work/prefix/include/litmus/litmus.hpp"
cmake -S "$source_dir/tests/install/consumer" -B "$work/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" >/dev/null
out=$(cd "$source_dir/examples/demo" && LITMUS_HOME="$work/data" "$work/consumer/consumer")
echo "$out"
grep -q "Session ID: " <<<"$out"
"$work/prefix/bin/litmus" version
