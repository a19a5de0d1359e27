#!/usr/bin/env bash
# Builds the served page's bundle (www/js/app.bundle.js: app.js and www/js/ in one file, what index.html
# runs) and the one-file offline edition, www/ygt-offline.html (scripts/build-tools/build-offline.mjs says
# what they hold): the page, its code and both WebAssembly modules in one HTML file that opens from file:// by
# double-click. Needs www/pkg (scripts/build-web.sh) and esbuild (scripts/build-tools, from setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/build-tools/build-offline.mjs
