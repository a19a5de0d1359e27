// Older and locked-down browsers: the modules use only the WebAssembly baseline (checked by Binaryen's
// validator with every later feature off), a browser without WebAssembly is told why the page cannot
// start and what to use instead, and index.html double-clicked (file://, where browsers refuse module
// scripts) keeps its notice pointing to the offline edition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, withServerAndBrowser } from './harness.mjs';

const env = withServerAndBrowser();
const wasmOpt = path.join(root, 'scripts/build-tools/node_modules/.bin/wasm-opt');

test('both modules validate with reference types, multi-value, bulk memory, sign extension and saturating conversions off', () => {
  assert.ok(existsSync(wasmOpt), 'scripts/setup.sh installs wasm-opt');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ygt-baseline-'));
  for (const module of ['ygt_bg.wasm', 'ygt_tools_bg.wasm']) {
    // The target-features section only declares; stripping it makes the validator judge what is used.
    const stripped = path.join(tmp, module);
    execFileSync(wasmOpt, [path.join(root, 'www/pkg', module), '--strip-target-features', '-o', stripped]);
    execFileSync(wasmOpt, [stripped, '--mvp-features', '--enable-mutable-globals', '-o', path.join(tmp, 'checked.wasm')], { stdio: 'pipe' });
  }
});

test('a browser without WebAssembly is told why the page cannot start, in Chinese, and what to use', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(env.server.url);
  await page.waitForSelector('#boot.failed');
  const said = await page.textContent('#boot');
  assert.match(said, /沙盘未能启动/);
  assert.match(said, /Chromium 80/);
  assert.match(said, /离线单文件版/);
  await context.close();
});

test('index.html opened from the disk keeps its notice pointing to the offline edition', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(root, 'www/index.html')).href);
  await page.waitForTimeout(500);
  assert.equal(await page.isVisible('#boot'), true);
  assert.match(await page.textContent('#boot'), /ygt-offline\.html/);
  await context.close();
});
