#!/usr/bin/env bash
# Sets up and runs the sandbox on the default scenario (scenarios/henan-county.toml).
# Extra arguments go to `ygt run`, e.g. ./scripts/run.sh --json, ./scripts/run.sh --set reform.per_bed_subsidy_yuan=5000
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >&2
exec ./target/release/ygt run scenarios/henan-county.toml "$@"
