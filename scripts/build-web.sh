#!/usr/bin/env bash
# Builds the page's two WebAssembly modules into www/pkg, and the one-file offline edition (needs the
# wasm32 target and the wasm-bindgen CLI, and scripts/build-tools' wasm-opt and esbuild, all installed
# by scripts/setup.sh):
#   ygt.wasm         the page's core, loaded at start (crate/src/web.rs);
#   ygt_tools.wasm   the spreadsheet template and import, the Monte Carlo and the analyses, loaded on
#                    first use (crate/src/web_tools.rs: the same crate with the `tools-module` feature).
#
# Both target the WebAssembly baseline (1.0 plus mutable globals), so the page runs on Chromium 80 and
# later (the cores of the domestic browsers county offices use) and Firefox ESR 78 and later, not only
# on browsers since late 2021:
#   1. our code is compiled with -C target-cpu=mvp;
#   2. Binaryen lowers what the precompiled standard library uses beyond the baseline (bulk memory, sign
#      extension, saturating float-to-int) and strips the target-features section, so wasm-bindgen
#      makes bindings without reference types or multi-value;
#   3. wasm-opt -Oz shrinks the bound module, validating it with the baseline features only: a module
#      that uses anything more fails the build.
# docs/performance.md gives what this costs (about 8% more gzipped bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
wasm_opt=scripts/build-tools/node_modules/.bin/wasm-opt
if [ ! -x "$wasm_opt" ]; then
  echo "build-web: wasm-opt is not installed: run scripts/setup.sh" >&2
  exit 1
fi
export RUSTFLAGS="-C target-cpu=mvp -C target-feature=+mutable-globals"
baseline="--mvp-features --enable-mutable-globals"
everything="--enable-bulk-memory --enable-bulk-memory-opt --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-reference-types --enable-multivalue --enable-mutable-globals"

# build NAME TARGET_DIR [CARGO_ARGS...]: compile, lower, bind and shrink one module into www/pkg.
build() {
  local name=$1 target_dir=$2
  shift 2
  cargo build --locked --profile wasm --target wasm32-unknown-unknown --lib --target-dir "$target_dir" "$@"
  local raw="$target_dir/wasm32-unknown-unknown/wasm/ygt.wasm" lowered="$target_dir/$name.lowered.wasm"
  # shellcheck disable=SC2086
  "$wasm_opt" "$raw" $everything --strip-target-features \
    --llvm-memory-copy-fill-lowering --signext-lowering --llvm-nontrapping-fptoint-lowering -o "$lowered"
  wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name "$name" "$lowered"
  # shellcheck disable=SC2086
  "$wasm_opt" $baseline -Oz "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.wasm.opt"
  mv "www/pkg/${name}_bg.wasm.opt" "www/pkg/${name}_bg.wasm"
}

# The page's first load is the core's module, so it is built for size (opt-level z: 361 KB gzipped
# against 398 KB at s, the same lever-move times); the tools module, loaded on first use, runs the
# Monte Carlo and the waterfall, so it keeps opt-level s (about a fifth faster there).
CARGO_PROFILE_WASM_OPT_LEVEL=z build ygt target/web
build ygt_tools target/web-tools --features tools-module

# The one-file offline edition from these modules (www/ygt-offline.html; the page offers it for download).
./scripts/build-offline.sh
