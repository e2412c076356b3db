#!/usr/bin/env bash
# Bench only, apart from the tests: the app's /timeline beside vis-timeline drawing the
# same events and a plain static list of them (scripts/bench-timeline.mjs); writes
# docs/timeline-figures.md. vis-timeline is pinned by its own lock file and installed here
# only (tools/vis-timeline): neither the app nor the tests use it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/dist.sh"
if [ ! -f "$ROOT/tools/vis-timeline/node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" ]; then
  npm ci --prefix "$ROOT/tools/vis-timeline" --no-audit --no-fund
fi
node "$ROOT/scripts/bench-timeline.mjs"
