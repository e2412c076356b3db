#!/usr/bin/env bash
# Runs the fuzz targets (fuzz/fuzz_targets): the case pack parser and validator, the
# differential engine's saved and shared state, and the notes and study files.
# Usage: scripts/fuzz.sh [seconds per target, default 600] [target ...]
# Installs what it needs (rustup's nightly toolchain, cargo-fuzz from crates.io). New
# inputs that widen coverage are kept in fuzz/corpus/<target>/ (committed); a crash
# stops the run and leaves its input in fuzz/artifacts/<target>/.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(pack differential saved_files); fi

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo +nightly install cargo-fuzz --version 0.13.2 --locked

for target in "${targets[@]}"; do
  echo "fuzz: $target for ${seconds}s"
  # -dict is not needed: the corpus holds real packs and states to mutate from.
  (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len=262144 -timeout=20 -print_final_stats=1) \
    2>&1 | tee "/tmp/casebook-fuzz-$target.log" | grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+== ERROR|SUMMARY|Done)' || true
  if grep -q 'ERROR: libFuzzer\|panicked' "/tmp/casebook-fuzz-$target.log"; then
    echo "fuzz: $target found a crash; see /tmp/casebook-fuzz-$target.log and fuzz/artifacts/$target/"
    exit 1
  fi
done
