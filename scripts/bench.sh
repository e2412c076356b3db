#!/usr/bin/env bash
# Benchmarks, apart from the tests: builds the release site, then measures transfer sizes
# and, in headless Chromium with 4x CPU throttling, interaction latency and start-up.
# Writes the figures, the command, the machine and the date to BENCHMARKS.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/dist.sh"
node "$ROOT/scripts/bench.mjs" "$@"
