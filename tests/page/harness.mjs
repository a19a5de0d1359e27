// Shared by the page tests and the page benchmark: serves www/ on 127.0.0.1, launches Debian's
// Chromium (or, with YGT_BROWSER=firefox, Debian's Firefox ESR over WebDriver BiDi) with no network
// of its own, and records console errors and any request that leaves 127.0.0.1.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium, firefox } from 'playwright-core';

/// Which browser the page tests drive: Debian's Chromium (the default) or, with YGT_BROWSER=firefox,
/// Debian's Firefox ESR over WebDriver BiDi.
export const browserName = process.env.YGT_BROWSER === 'firefox' ? 'firefox' : 'chromium';
export const isFirefox = browserName === 'firefox';

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

/// Firefox preferences (on top of Playwright's own) so Firefox makes no network connection of its own:
/// no captive-portal or connectivity probe, updates, remote settings, telemetry, safe-browsing lists,
/// add-on, plug-in or region look-ups, push, DNS-over-HTTPS, prefetch or speculative connections.
const FIREFOX_PREFS = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.update.auto': false,
  'app.update.enabled': false,
  'browser.discovery.enabled': false,
  'browser.ml.enable': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.geoip.url': '',
  'browser.topsites.contile.enabled': false,
  'browser.translations.enable': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-manager.url': '',
  'media.gmp-widevinecdm.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  // Firefox's own default, which Playwright turns off: a file:// page cannot load the files beside
  // it as modules, as a double-clicked index.html in an ordinary Firefox.
  'security.fileuri.strict_origin_policy': true,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
};

export async function launch() {
  if (isFirefox) return launchFirefox();
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/// Debian's Firefox ESR driven over WebDriver BiDi (Playwright's `moz-firefox` channel), with three
/// shims where Playwright 1.65's BiDi driver, written against Firefox Nightly, asks more of Firefox
/// ESR or does less than it does in Chromium. Each reaches into Playwright's server objects, which
/// run in this process (`_connection.toImpl`); they are tied to the playwright-core pinned in
/// package.json and are to be checked again when it moves.
async function launchFirefox() {
  const browser = await firefox.launch({
    channel: 'moz-firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    firefoxUserPrefs: FIREFOX_PREFS,
    // Firefox takes `services.settings.server` (remote settings, fetched at start) only with this.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
  // 1. Every new context and page sends `emulation.setMediaFeaturesOverride` (for the colour
  //    scheme, which no test sets), a command Firefox ESR does not know yet: an unknown command
  //    for it is taken as done. Playwright runs in this process, so its BiDi session is at hand.
  const server = browser._connection.toImpl(browser);
  const session = Object.getPrototypeOf(server._browserSession);
  if (!session.ygtShimmed) {
    const send = session.send;
    session.send = function (method, params) {
      const sent = send.call(this, method, params);
      if (method !== 'emulation.setMediaFeaturesOverride') return sent;
      return sent.catch((error) => { if (/unknown command/.test(error.message)) return {}; throw error; });
    };
    session.ygtShimmed = true;
  }
  // 2. `fill` selects the box's text and then sets the new text from script (Chromium inserts it as
  //    typed). Over BiDi that falls short twice: a number box has no `selectionStart`, so the text
  //    is appended (3000 filled with 5000 becomes 30005000), and text set from script is not an edit
  //    by the user, so leaving the box fires no `change`, which is all the page listens to. In a text
  //    or number box `fill` therefore empties the box as Playwright does (select, then Delete as a
  //    key press) and types the value key by key, as WebDriver key actions (any character, Chinese
  //    too), so Firefox sees the user type it, as a planner would.
  const context = await browser.newContext();
  const probe = await context.newPage();
  const frame = Object.getPrototypeOf(probe.mainFrame());
  const bidiPage = Object.getPrototypeOf(browser._connection.toImpl(probe).delegate);
  await context.close();
  if (!frame.ygtShimmed) {
    const fill = frame.fill;
    frame.fill = async function (selector, value, options = {}) {
      const typed = value !== '' && !value.includes('\n') && await this.locator(selector).first().evaluate((node) => node instanceof HTMLTextAreaElement
        || (node instanceof HTMLInputElement && ['text', 'number', 'search', 'email', 'password', 'tel', 'url'].includes(node.type)), undefined, { timeout: options.timeout });
      if (!typed) return fill.call(this, selector, value, options);
      await fill.call(this, selector, '', options);
      const session = this._connection.toImpl(this.page()).delegate._session;
      await session.send('input.performActions', {
        context: session.sessionId,
        actions: [{ type: 'key', id: 'pw_keyboard', actions: [...value].flatMap((key) => [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }]) }],
      });
    };
    frame.ygtShimmed = true;
  }
  // 3. Playwright keys a download by the `download` id that newer Firefox sends, or else by its
  //    `navigation` id; Firefox ESR sends neither for a link clicked and removed at once (as the
  //    page's every export does: www/js/dom.js `download`), though it saves the file, so Playwright
  //    drops the download. Such a download is keyed by its URL (a blob: URL, one per download).
  if (!bidiPage.ygtShimmed) {
    for (const method of ['_onDownloadWillBegin', '_onDownloadEnded']) {
      const handler = bidiPage[method];
      bidiPage[method] = function (event) {
        return handler.call(this, event.download || event.navigation ? event : { ...event, download: event.url });
      };
    }
    bidiPage.ygtShimmed = true;
  }
  return browser;
}

/// Playwright's screenshots in Firefox first add and remove a `<style>body {}</style>` to restart
/// animations; the page's Content-Security-Policy (style-src 'self') refuses it and Firefox reports
/// that as an error. That report (its hash is the style's) is Playwright's, not the page's.
const PLAYWRIGHT_SCREENSHOT_STYLE = "'sha256-YjaKGiklmzC6wjXA513HAMmzus8VE61XCOT+SmwNZWA='";

/// A fresh page (its own storage) that records problems: console errors, page errors, and requests
/// that leave 127.0.0.1.
export async function openPage(browser, url, { context } = {}) {
  const ctx = context || await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  page.on('pageerror', (error) => {
    if (isFirefox && error.message.includes(PLAYWRIGHT_SCREENSHOT_STYLE)) return;
    problems.push(`page error: ${error.message}`);
  });
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

/// Each chart's canvas as drawn (the page's, or those `selector` names): a hash of its pixels and how
/// many are not white.
export async function chartPixels(page, selector = '#charts canvas') {
  return page.evaluate((selector) => [...document.querySelectorAll(selector)].map((canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      hash = (hash * 31 + data[i] * 7 + data[i + 1] * 3 + data[i + 2]) >>> 0;
      if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) coloured++;
    }
    return { hash, coloured };
  }), selector);
}

/// Each chart's pixel hash.
export async function chartHashes(page, selector) {
  return (await chartPixels(page, selector)).map((chart) => chart.hash);
}
