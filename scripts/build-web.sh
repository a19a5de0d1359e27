#!/usr/bin/env bash
# Builds the page's two WebAssembly modules into www/pkg (needs the wasm32 target and the wasm-bindgen
# CLI that scripts/setup.sh installs):
#   ygt.wasm         the page's core, loaded at start (crate/src/web.rs);
#   ygt_tools.wasm  the spreadsheet template and import, loaded on first use (crate/src/web_tools.rs,
#                    the same crate built with the `tools-module` feature, in its own target directory).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --profile wasm --target wasm32-unknown-unknown --lib
wasm-bindgen --target web --no-typescript --out-dir www/pkg target/wasm32-unknown-unknown/wasm/ygt.wasm
cargo build --locked --profile wasm --target wasm32-unknown-unknown --lib --features tools-module \
  --target-dir target/tools-module
wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name ygt_tools \
  target/tools-module/wasm32-unknown-unknown/wasm/ygt.wasm
