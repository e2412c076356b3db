#!/usr/bin/env bash
# Bench only, apart from the tests: the route-split measurement (ARCHITECTURE.md, "Why one
# module"). Builds the site as it ships (dist/), then, for /reader and /differential, the
# same site whose wasm carries only that route's page (`--cfg casebook_only_route`, see
# src/app.rs): the first visit of a one-module-per-route build, and the least any split
# by route (lazy chunks) could send for that route, since its main module and the route's
# chunk hold at least that code. Then the islands spike (`--cfg casebook_island`, see
# src/island.rs): the same one page, but only it is hydrated (the header, banner and footer
# stay prerendered HTML) and the pack is a file it fetches, not part of the module; this
# design is prerendered with the same flags, since its page sits under a router of its own.
# Measures every design in Chromium (scripts/spike-split.mjs) and writes the figures to
# docs/route-split-figures.md. One build at a time (the machine has 2 cores).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/dist.sh"
SPIKE="$ROOT/target/spike"
rm -rf "$SPIKE/site"
mkdir -p "$SPIKE/site"
for page in reader differential; do
  # A target directory of its own: other flags would otherwise rebuild the shipped build.
  CARGO_TARGET_DIR="$SPIKE/build" RUSTFLAGS="--cfg casebook_only_route --cfg casebook_only_route=\"$page\"" \
    trunk build --release --dist "$SPIKE/trunk-$page"
  cp -r "$ROOT/dist" "$SPIKE/site/$page"
  # The prerendered HTML is the same; only the app's JS and wasm differ. Written under the
  # shipped names, so every page's loader picks them up unchanged.
  js=$(basename "$(ls "$ROOT"/dist/casebook-*.js | grep -v importer)")
  wasm=$(basename "$(ls "$ROOT"/dist/casebook-*_bg.wasm | grep -v importer)")
  cp "$(ls "$SPIKE"/trunk-$page/casebook-*.js | grep -v importer)" "$SPIKE/site/$page/$js"
  cp "$(ls "$SPIKE"/trunk-$page/casebook-*_bg.wasm | grep -v importer)" "$SPIKE/site/$page/$wasm"
done
seed=$(ls -t "$ROOT"/target/wasm32-unknown-unknown/release/build/casebook-*/out/seed.casepack.bin | head -1)
for page in reader differential; do
  flags="--cfg casebook_island --cfg casebook_only_route --cfg casebook_only_route=\"$page\""
  rm -rf "$SPIKE/site/island-$page"
  CARGO_TARGET_DIR="$SPIKE/build" RUSTFLAGS="$flags" \
    trunk build --release --dist "$SPIKE/site/island-$page"
  CARGO_TARGET_DIR="$SPIKE/build" RUSTFLAGS="$flags" \
    cargo run --quiet --features ssr --bin prerender -- "$SPIKE/site/island-$page"
  cp "$seed" "$SPIKE/site/island-$page/seed.casepack.bin"
done
node "$ROOT/scripts/spike-split.mjs" "$SPIKE/site"
