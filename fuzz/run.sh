#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 300), two at a time, seeded from fuzz/seeds.
# Crashes land in fuzz/artifacts/<target>/; see docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-300}"
run() {
  local target="$1"
  mkdir -p "/tmp/ygt-fuzz-corpus/$target"
  cargo +nightly fuzz run "$target" "/tmp/ygt-fuzz-corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 2>&1 | tail -n 12 > "/tmp/ygt-fuzz-$target.log" || true
  echo "== $target"; cat "/tmp/ygt-fuzz-$target.log"
}
run scenario_load & run share_decode & wait
run spreadsheet_import & run document_set & wait
