#!/usr/bin/env bash
# Prints the engine benchmark and the peak memory of `ygt run` on every shipped scenario.
# Figures, not pass/fail: see docs/performance.md for how to read them.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
cargo bench --locked --bench projection
echo
echo "## peak memory (maximum resident set size) of ygt run --json"
for scenario in scenarios/*.toml; do
  python3 - "$scenario" <<'PY'
import resource, subprocess, sys
subprocess.run(["./target/release/ygt", "run", sys.argv[1], "--json"], stdout=subprocess.DEVNULL, check=True)
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{sys.argv[1]:<45} {peak_kib / 1024:6.1f} MB")
PY
done
