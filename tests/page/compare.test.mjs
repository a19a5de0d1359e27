// Comparing scenarios in the page: a copy of the current one and a shipped example beside it, every
// chart gaining their lines, the indicators side by side holding each scenario's own figures (checked
// against `ygt run --json` on each file), a fifth scenario refused, a removed one gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { root, openPage, withServerAndBrowser, chartHashes } from './harness.mjs';

const env = withServerAndBrowser();
const ygt = path.join(root, 'target/release/ygt');
const lastRate = (file) => {
  const years = JSON.parse(execFileSync(ygt, ['run', path.join(root, 'scenarios', file), '--json'], { encoding: 'utf8' })).years;
  return `${(years.at(-1).indicators.county_consultation_rate * 100).toFixed(2)}%`;
};


test('up to four scenarios side by side: on every chart and in one table', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  assert.equal(await page.isVisible('#compare-table'), false);
  const before = await chartHashes(page);
  // A copy of the current scenario, then the current one changed: the copy keeps the old figures.
  await page.fill('#compare-name', '原方案');
  await page.click('#compare-add');
  await page.waitForSelector('#compare-table tbody tr');
  await page.evaluate(() => window.ygt.set('reform.primary_tilt_points', '[10, 15, 20]'));
  await page.selectOption('#compare-pick', 'yaan-primary-tilt.toml');
  await page.click('#compare-add');
  await page.waitForFunction(() => document.querySelectorAll('#compare-list li').length === 2);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  const after = await chartHashes(page);
  after.forEach((hash, index) => assert.notEqual(hash, before[index], `chart ${index} shows the compared lines`));
  const header = await page.$$eval('#compare-table thead th', (cells) => cells.map((c) => c.textContent));
  assert.equal(header.length, 5);
  assert.deepEqual(header.slice(1), ['当前方案', '原方案', header[3], '当前方案的基线']);
  const row = await page.$$eval('#compare-table tbody tr:first-child td', (cells) => cells.map((c) => c.textContent));
  assert.equal(row[0], '县域就诊率');
  // The copy holds the shipped default's figures; the Ya'an example its own; the current one differs.
  assert.equal(row[2], lastRate('henan-county.toml'));
  assert.equal(row[3], lastRate('yaan-primary-tilt.toml'));
  assert.notEqual(row[1], row[2]);
  // A fourth other scenario is one too many.
  await page.evaluate(() => window.ygt.compare('第三', undefined));
  const refused = await page.evaluate(() => window.ygt.compare('第四', undefined));
  assert.equal(refused.ok, false);
  assert.match(refused.diagnostics[0].message_zh, /最多同时比较 4 个方案/);
  // Removing one takes it off the table.
  await page.click('#compare-list li:first-child button');
  await page.waitForFunction(() => document.querySelectorAll('#compare-list li').length === 2);
  assert.equal((await page.$$eval('#compare-table thead th', (cells) => cells.length)), 5);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the share link is drawn as a QR code a phone reads back as the same link', async () => {
  const jsQR = (await import('jsqr')).default;
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '4500'));
  await page.click('#share');
  await page.waitForSelector('#share-qr:not([hidden])');
  const link = await page.inputValue('#share-link');
  assert.ok(link.length < 400, `a workshop variant's link is short: ${link.length} characters`);
  // The image as a phone's camera would see it: its pixels, decoded by jsQR.
  const image = await page.evaluate(async () => {
    const img = document.getElementById('share-qr');
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400; canvas.height = 400;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff'; context.fillRect(0, 0, 400, 400);
    context.drawImage(img, 0, 0, 400, 400);
    return Array.from(context.getImageData(0, 0, 400, 400).data);
  });
  const decoded = jsQR(Uint8ClampedArray.from(image), 400, 400);
  assert.equal(decoded?.data, link);
  // A link too long for a QR code is said, and the file offered instead.
  const answer = await page.evaluate(async () => {
    const tools = await import('/pkg/ygt_tools.js');
    return JSON.parse(tools.share_qr(`http://127.0.0.1/#s1.${'A'.repeat(3000)}`));
  });
  assert.equal(answer.ok, false);
  assert.match(answer.message_zh, /太长.*发送方案文件/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the workshop sequence opens each step\'s scenario with its description, in both languages', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.click('#workshop summary');
  const steps = page.locator('#workshop-steps li');
  assert.equal(await steps.count(), 5);
  assert.match(await steps.nth(0).textContent(), /先问大家:.*90%/);
  await steps.nth(1).locator('button').first().click();
  await page.waitForFunction(() => document.getElementById('scenario-title').textContent.includes('雅安'));
  assert.equal(await page.evaluate(() => document.getElementById('scenario-about').open), true);
  assert.match(await page.textContent('#scenario-description'), /5、10、15个百分点/);
  await page.click('#lang');
  assert.match(await steps.nth(2).textContent(), /Ask first: .*overspend/);
  assert.deepEqual(problems, []);
  await context.close();
});
