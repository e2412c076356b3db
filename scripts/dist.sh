#!/usr/bin/env bash
# Writes the deployable static site to dist/: the release wasm build (Trunk, wasm-opt -Oz),
# every route prerendered to HTML, and the service worker's precache list.
# Copy dist/ to any static host (serve 404.html for unknown paths).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
trunk build --release
cargo run --quiet --features ssr --bin prerender -- dist
