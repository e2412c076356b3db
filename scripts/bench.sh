#!/usr/bin/env bash
# Benchmarks, apart from the tests: builds the release site, then measures transfer sizes
# and, in headless Chromium with 4x CPU throttling, interaction latency and start-up;
# Lighthouse on every route; FCP beside plain HTML; native scale benchmarks (criterion).
# Writes the figures, the command, the machine and the date to BENCHMARKS.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/dist.sh"
# Lighthouse, pinned by its own lock file, installed here only (the tests never need it).
if [ ! -x "$ROOT/tools/lighthouse/node_modules/.bin/lighthouse" ]; then
  npm ci --prefix "$ROOT/tools/lighthouse" --no-audit --no-fund
fi
# Native scale benchmarks (criterion) on synthetic packs.
cargo bench --manifest-path "$ROOT/crates/casebook-bench/Cargo.toml" --bench scale
# The floor under any Yew page: the smallest hydrated Yew app with a router, built with
# the app's profile and wasm-opt -Oz (tools/yew-floor), to set the app's size beside.
FLOOR="$ROOT/tools/yew-floor"
cargo build --quiet --release --target wasm32-unknown-unknown -p yew-floor
wasm-bindgen --target web --out-dir "$FLOOR/dist" "$ROOT/target/wasm32-unknown-unknown/release/yew-floor.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$FLOOR/dist/yew-floor_bg.wasm" -o "$FLOOR/dist/yew-floor_bg.wasm"
node "$ROOT/scripts/bench.mjs" "$@"
