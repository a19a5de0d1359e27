// Shared by the page tests and the page benchmark: serves www/ on 127.0.0.1, launches Debian's
// Chromium with no network of its own, and records console errors and any request that leaves
// 127.0.0.1.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

export async function startServer() {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', path.join(root, 'www')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, stop: () => child.kill() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/// A fresh page (its own storage) that records problems: console errors, page errors, and requests
/// that leave 127.0.0.1.
export async function openPage(browser, url, { context } = {}) {
  const ctx = context || await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const target = new URL(request.url());
    if (!['127.0.0.1', ''].includes(target.hostname) && !['data:', 'blob:'].includes(target.protocol)) problems.push(`request left 127.0.0.1: ${request.url()}`);
  });
  if (url) {
    await page.goto(url);
    await page.waitForSelector('body[data-ready=true]', { timeout: 15000 });
  }
  return { page, context: ctx, problems };
}

/// Registers the server and the browser for the calling test file; returns where they are once started.
export function withServerAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/// Each chart's canvas as drawn: a hash of its pixels and how many are not white.
export async function chartPixels(page) {
  return page.evaluate(() => [...document.querySelectorAll('#charts canvas')].map((canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      hash = (hash * 31 + data[i] * 7 + data[i + 1] * 3 + data[i + 2]) >>> 0;
      if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) coloured++;
    }
    return { hash, coloured };
  }));
}

/// Each chart's pixel hash.
export async function chartHashes(page) {
  return (await chartPixels(page)).map((chart) => chart.hash);
}
