// The page's code bundled for serving, www/js/app.bundle.js: app.js and the modules of js/ in one file
// (one request instead of two dozen fetched import level by import level; first charts about 60 ms
// sooner), the WebAssembly bindings in www/pkg left as they are and loaded beside it.
//
// The one-file offline edition: www/ygt-offline.html, the page with its style, its code (bundled by
// esbuild), both WebAssembly modules and the Monte Carlo worker inside one HTML file that opens from
// file:// by double-click, with no server and no network. It keeps a Content-Security-Policy: the one
// inline script and the one inline style are allowed by their SHA-256 hashes, workers only from blob:
// URLs, and no connection anywhere (connect-src 'none').
// Run by scripts/build-offline.sh (after scripts/build-web.sh has built www/pkg).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const www = path.join(root, 'www');
const read = (file) => readFileSync(path.join(www, file));

// Bundles an ES module and everything it imports into one classic script.
async function bundle(entry) {
  const result = await build({
    entryPoints: [path.join(www, entry)],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: ['chrome80', 'firefox78'],
    // Only the served page's fallbacks (fetching the files beside it) read import.meta.url; the
    // offline edition always passes the embedded bytes.
    define: { 'import.meta.url': '"file:///ygt-offline/"' },
    logLevel: 'error',
  });
  // Inside an inline <script>, "</script" would end it early.
  return result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const embedded = (id, bytes) => `<script type="application/octet-stream" id="${id}">${Buffer.from(bytes).toString('base64')}</script>`;

// The served bundle sits in www/js, so the paths it resolves at run time (the worker beside it,
// ../pkg/ for the bindings) are those of the modules it is made from.
await build({
  entryPoints: [path.join(www, 'app.js')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['chrome80', 'firefox78'],
  outfile: path.join(www, 'js/app.bundle.js'),
  plugins: [{
    name: 'bindings-beside',
    setup(builder) {
      builder.onResolve({ filter: /pkg\/ygt(_tools)?\.js$/ }, (args) => ({ path: `../pkg/${path.basename(args.path)}`, external: true }));
    },
  }],
  logLevel: 'error',
});

const app = await bundle('app.js');
const worker = await bundle('js/worker.js');
const style = read('style.css').toString('utf8');
const policy = [
  "default-src 'none'",
  `script-src ${sha256(app)} 'wasm-unsafe-eval'`,
  "worker-src blob:",
  `style-src ${sha256(style)}`,
  "img-src data: blob:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = read('index.html').toString('utf8');
const replace = (pattern, replacement) => {
  if (!pattern.test(html)) throw new Error(`build-offline: index.html has no ${pattern}`);
  html = html.replace(pattern, () => replacement);
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
replace(/<link rel="stylesheet" href="style.css">/, `<style>${style}</style>`);
// The served page's preloads name files the offline edition carries inside itself.
replace(/<!-- Fetched at once.*?-->\n(<link rel="(module)?preload"[^>]*>\n)+/, '');
// The offline edition offers no offline edition of itself.
replace(/<p id="offline-box"[^>]*>.*?<\/p>/, '');
replace(/<script type="module" src="js\/app.bundle.js"><\/script>/, [
  embedded('ygt-wasm', read('pkg/ygt_bg.wasm')),
  embedded('ygt-tools-wasm', read('pkg/ygt_tools_bg.wasm')),
  embedded('ygt-worker', Buffer.from(worker, 'utf8')),
  `<script>${app}</script>`,
].join('\n'));
writeFileSync(path.join(www, 'ygt-offline.html'), html);
console.log(`www/ygt-offline.html: ${(html.length / 1024).toFixed(0)} KB`);
