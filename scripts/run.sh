#!/usr/bin/env bash
# Sets up and runs the sandbox: builds everything, then serves the page on 127.0.0.1 and prints the
# address. The default scenario is already loaded. Ctrl-C stops the server.
# The command line is ./target/release/ygt (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >&2
port="${YGT_PORT:-8765}"
echo
echo "医共体政策沙盘 / policy sandbox: http://127.0.0.1:${port}/"
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
