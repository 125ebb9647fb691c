#!/usr/bin/env bash
# Installs everything Litmus needs to build, run and test on Debian 12:
# Debian packages (compiler, CMake, libraries, Chromium for the browser
# tests) and the web UI's npm packages. Safe to run again: it installs only
# what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git
  libsqlite3-dev sqlite3 nlohmann-json3-dev libyaml-cpp-dev libcli11-dev libboost1.81-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  liblxi-dev libtirpc-dev libserialport-dev libpugixml-dev python3-junitparser
  chromium
)
# Node.js: Debian's (18) is enough; keep a newer one if the machine has it.
if ! command -v node >/dev/null 2>&1; then APT_PACKAGES+=(nodejs npm); fi
if ! command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then APT_PACKAGES+=(npm); fi

missing=()
for package in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages of the web UI (Vite, TypeScript, uPlot) and of the browser
# tests (playwright-core), from the lock file.
for dir in web tests/e2e; do
  [ -f "$dir/package-lock.json" ] || continue
  stamp="$dir/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    echo "bootstrap: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
echo "bootstrap: ready"
