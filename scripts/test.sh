#!/usr/bin/env bash
# Sets up and runs every test:
#   native: unit, hand-worked cases, properties, golden results, command line, validation, docs, doc tests;
#   WebAssembly: the bindings in headless Chromium (wasm-bindgen-test);
#   page: the served page driven by playwright-core in Debian's Chromium, then again in Debian's
#         Firefox ESR over WebDriver BiDi;
#   and `ygt check` on every shipped scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Debian's Chromium and ChromeDriver, Debian's Firefox ESR, a CJK font so Chinese renders
# (TOOLCHAIN.md), and poppler-utils (pdfinfo, pdftotext) to read back the printed report.
missing=()
for package in chromium chromium-driver firefox-esr fonts-wqy-zenhei poppler-utils; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

./scripts/setup.sh

echo "== native tests"
cargo test --workspace --locked

echo "== WebAssembly bindings in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test web

echo "== page tests (playwright-core, Debian Chromium)"
(cd tests/page && npm ci --no-audit --no-fund --loglevel=error && npm test --silent)

echo "== page tests again (playwright-core, Debian Firefox ESR over WebDriver BiDi)"
(cd tests/page && npm run test:firefox --silent)

echo "== ygt check on every shipped scenario"
for scenario in scenarios/*.toml; do
  ./target/release/ygt check "$scenario"
done
