#!/usr/bin/env bash
# Builds the page's two WebAssembly modules into www/pkg (needs the wasm32 target and the wasm-bindgen
# CLI that scripts/setup.sh installs):
#   ygt.wasm         the page's core, loaded at start (crate/src/web.rs);
#   ygt_sheets.wasm  the spreadsheet template and import, loaded on first use (crate/src/web_sheets.rs,
#                    the same crate built with the `sheets-module` feature, in its own target directory).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --profile wasm --target wasm32-unknown-unknown --lib
wasm-bindgen --target web --no-typescript --out-dir www/pkg target/wasm32-unknown-unknown/wasm/ygt.wasm
cargo build --locked --profile wasm --target wasm32-unknown-unknown --lib --features sheets-module \
  --target-dir target/sheets-module
wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name ygt_sheets \
  target/sheets-module/wasm32-unknown-unknown/wasm/ygt.wasm
