#!/usr/bin/env bash
# Builds the page's WebAssembly module into www/pkg (needs the wasm32 target and the wasm-bindgen CLI
# that scripts/setup.sh installs).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --profile wasm --target wasm32-unknown-unknown --lib
wasm-bindgen --target web --no-typescript --out-dir www/pkg target/wasm32-unknown-unknown/wasm/ygt.wasm
