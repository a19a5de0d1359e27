// The one-file offline edition (scripts/build-offline.sh): copied alone into an empty folder and opened
// from file:// as a double-click would, it starts, answers a lever, runs the Monte Carlo in its workers
// and the analyses in its tools module, and exports, with no request but to itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, openPage, withServerAndBrowser } from './harness.mjs';

const env = withServerAndBrowser();

test('the offline edition works from file:// with nothing beside it', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ygt-offline-'));
  const file = path.join(folder, '医共体政策沙盘-离线版.html');
  copyFileSync(path.join(root, 'www/ygt-offline.html'), file);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const { page, problems } = await openPage(env.browser, pathToFileURL(file).href, { context });
  assert.match(await page.textContent('#scenario-title'), /河南示范县/);
  assert.equal(await page.locator('#offline-edition').count(), 0, 'the edition does not offer itself');
  const policy = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  assert.match(policy, /connect-src 'none'/);
  assert.match(policy, /script-src 'sha256-/);
  // A lever moves the results.
  const before = await page.evaluate(() => window.ygt.results().years[0].indicators.per_bed_subsidy);
  const outcome = await page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '5000'));
  assert.equal(outcome.ok, true);
  const after = await page.evaluate(() => window.ygt.results().years[0].indicators.per_bed_subsidy);
  assert.notEqual(after, before);
  // The Monte Carlo runs in its blob workers; the tornado in the embedded tools module.
  await page.fill('#mc-draws', '200');
  const summary = await page.evaluate(() => window.ygt.uncertainty());
  assert.equal(summary.draws, 200);
  await page.evaluate(() => window.ygt.tornado());
  await page.waitForSelector('#an-result .bar-row');
  // Exports work: the results workbook downloads.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#results-xlsx')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  assert.deepEqual(requests.filter((url) => !/^(file|data|blob):/.test(url)), []);
  assert.deepEqual(problems, []);
  await context.close();
});
