#!/usr/bin/env bash
# Installs what is missing, builds the release site and serves it on http://127.0.0.1:8080
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/dist.sh"
exec python3 "$ROOT/scripts/serve.py" --port "${PORT:-8080}" --dir dist
