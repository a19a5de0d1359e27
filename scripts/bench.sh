#!/usr/bin/env bash
# Prints the engine benchmark and the peak memory of `ygt run` on every shipped scenario.
# Figures, not pass/fail: see docs/performance.md for how to read them.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
cargo bench --locked --bench projection
echo
echo "## peak memory (maximum resident set size) of ygt run --json"
# GNU time forks from its own small process, so the figure is ygt's own peak (a child of Python or of
# a large shell would inherit its parent's high-water mark).
if [ ! -x /usr/bin/time ]; then
  (apt-get install -y -q time || (apt-get update -q && apt-get install -y -q time)) >/dev/null
fi
for scenario in scenarios/*.toml; do
  peak_kib=$(/usr/bin/time -f "%M" ./target/release/ygt run "$scenario" --json 2>&1 >/dev/null | tail -n 1)
  printf '%-45s %6.1f MB\n' "$scenario" "$(awk -v k="$peak_kib" 'BEGIN { print k / 1024 }')"
done

echo
echo "## the page (headless Chromium)"
if ! command -v chromium >/dev/null 2>&1; then
  (apt-get install -y -q --no-install-recommends chromium fonts-wqy-zenhei || (apt-get update -q && apt-get install -y -q --no-install-recommends chromium fonts-wqy-zenhei)) >/dev/null
fi
(cd tests/page && npm ci --no-audit --no-fund --loglevel=error && node bench.mjs)
