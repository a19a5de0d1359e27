#!/usr/bin/env bash
# Sets up and runs the sandbox: builds everything, then serves the page on 127.0.0.1 and prints the
# address. The default scenario is already loaded. Ctrl-C stops the server.
# For a workshop whose participants open shared links and QR codes on their phones, serve it on the
# local network: YGT_BIND=0.0.0.0 ./scripts/run.sh (then open the page at this machine's address).
# The command line is ./target/release/ygt (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >&2
port="${YGT_PORT:-8765}"
bind="${YGT_BIND:-127.0.0.1}"
echo
echo "医共体政策沙盘 / policy sandbox: http://127.0.0.1:${port}/"
if [ "$bind" != "127.0.0.1" ]; then
  for address in $(hostname -I 2>/dev/null); do
    echo "  on the local network / 局域网: http://${address}:${port}/"
  done
fi
echo
exec python3 -m http.server "$port" --bind "$bind" --directory www
