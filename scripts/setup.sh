#!/usr/bin/env bash
# Sets up everything the sandbox needs on a fresh machine of this kind (Debian, Rust stable via rustup).
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: this project needs the Rust toolchain (rustup, stable)." >&2
  exit 1
fi
cargo build --release --locked --bin ygt
