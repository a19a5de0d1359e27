#!/usr/bin/env bash
# Builds the page's two WebAssembly modules into www/pkg (needs the wasm32 target and the wasm-bindgen
# CLI that scripts/setup.sh installs):
#   ygt.wasm         the page's core, loaded at start (crate/src/web.rs);
#   ygt_tools.wasm  the spreadsheet template and import, loaded on first use (crate/src/web_tools.rs,
#                    the same crate built with the `tools-module` feature, in its own target directory).
# Both are then shrunk by Binaryen's wasm-opt -Oz (scripts/build-tools, installed by setup.sh): about 11%
# off the gzipped page core, which keeps the first load under its 400 KB budget.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --profile wasm --target wasm32-unknown-unknown --lib
wasm-bindgen --target web --no-typescript --out-dir www/pkg target/wasm32-unknown-unknown/wasm/ygt.wasm
cargo build --locked --profile wasm --target wasm32-unknown-unknown --lib --features tools-module \
  --target-dir target/tools-module
wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name ygt_tools \
  target/tools-module/wasm32-unknown-unknown/wasm/ygt.wasm

wasm_opt=scripts/build-tools/node_modules/.bin/wasm-opt
if [ -x "$wasm_opt" ]; then
  for module in www/pkg/ygt_bg.wasm www/pkg/ygt_tools_bg.wasm; do
    "$wasm_opt" -Oz "$module" -o "$module.opt"
    mv "$module.opt" "$module"
  done
else
  echo "build-web: wasm-opt not installed (run scripts/setup.sh); the modules are left unshrunk" >&2
fi

# The one-file offline edition from these modules (www/ygt-offline.html; the page offers it for download).
if [ -x scripts/build-tools/node_modules/.bin/esbuild ]; then
  ./scripts/build-offline.sh
else
  echo "build-web: esbuild not installed (run scripts/setup.sh); no offline edition built" >&2
fi
