#!/usr/bin/env bash
# Sets up and runs every test: unit, integration (hand-worked cases, properties, golden results,
# command line, validation) and doc tests, then checks every shipped scenario with the built CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

cargo test --workspace --locked

echo "== ygt check on every shipped scenario"
for scenario in scenarios/*.toml; do
  ./target/release/ygt check "$scenario"
done
