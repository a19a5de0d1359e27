#!/usr/bin/env bash
# Sets up everything the sandbox needs on a fresh machine of this kind (Debian, Rust stable via rustup),
# then builds the command line and the page. Idempotent: a second run only checks and rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: this project needs the Rust toolchain (rustup, stable)." >&2
  exit 1
fi
export PATH="$HOME/.cargo/bin:$PATH"

# The browser build: the wasm32 target and the wasm-bindgen CLI of exactly the crate's version.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
wanted=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' crate/Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wanted" ]; then
  echo "installing wasm-bindgen-cli $wanted (about 3 minutes on 2 cores)" >&2
  cargo install wasm-bindgen-cli --version "$wanted"
fi

# Build tools from npm (scripts/build-tools): Binaryen's wasm-opt 132 (Debian's 108 writes modules that
# fail to load) and esbuild, for the one-file offline edition.
if [ ! -x scripts/build-tools/node_modules/.bin/wasm-opt ] || [ ! -x scripts/build-tools/node_modules/.bin/esbuild ]; then
  (cd scripts/build-tools && npm ci --no-audit --no-fund --loglevel=error)
fi

cargo build --release --locked --bin ygt
./scripts/build-web.sh
