#!/usr/bin/env bash
# Installs what is missing and runs every test. Fails if any step fails or if a test step
# runs zero tests (a wasm32 `#[test]` or a misplaced file would otherwise pass silently).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"

LOG="$(mktemp -d)"
trap 'rm -rf "$LOG"' EXIT
summary=()
step() { printf '\n=== %s ===\n' "$1"; }
# Sums "N passed" from cargo's / wasm-bindgen-test's "test result:" lines.
count_cargo() { grep -E '^test result:' "$1" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}'; }
require_tests() {
  if [ "$2" -eq 0 ]; then echo "test.sh: step '$1' ran no tests" >&2; exit 1; fi
  summary+=("$1: $2 passed")
}

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native: core, app with ssr, prerender)"
cargo clippy --workspace --all-targets --features ssr -- -D warnings

step "clippy (wasm32: the browser app and the importer worker)"
cargo clippy -p casebook --target wasm32-unknown-unknown --features hydration --lib --bins --tests -- -D warnings
cargo clippy -p casebook-importer --target wasm32-unknown-unknown -- -D warnings

step "native tests (core domain, app rendered natively)"
cargo test --workspace --features ssr 2>&1 | tee "$LOG/native.txt"
require_tests "native tests" "$(count_cargo "$LOG/native.txt")"

step "in-browser unit tests (wasm-bindgen-test in headless Chromium)"
cargo test -p casebook --target wasm32-unknown-unknown --features hydration --test browser 2>&1 | tee "$LOG/wasm.txt"
require_tests "in-browser tests" "$(count_cargo "$LOG/wasm.txt")"

step "release build, prerender, service worker"
"$ROOT/scripts/dist.sh"

step "end-to-end tests (Playwright driving Chromium against dist/)"
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/ 2>&1 | tee "$LOG/e2e.txt"
e2e_passed=$(grep -E '^ℹ pass ' "$LOG/e2e.txt" | awk '{print $3}')
e2e_failed=$(grep -E '^ℹ fail ' "$LOG/e2e.txt" | awk '{print $3}')
[ "${e2e_failed:-1}" -eq 0 ] || { echo "test.sh: end-to-end failures" >&2; exit 1; }
require_tests "end-to-end tests" "${e2e_passed:-0}"

printf '\n=== summary ===\n'
printf '%s\n' "${summary[@]}"
total=0
for line in "${summary[@]}"; do
  number=${line##*: }; total=$((total + ${number% passed}))
done
echo "all: ${total} passed, 0 failed"
