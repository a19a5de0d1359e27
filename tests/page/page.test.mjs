// Page tests: the served page in headless Chromium, as a planner or trainer uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { root, openPage, withServerAndBrowser, chartPixels } from './harness.mjs';

const env = withServerAndBrowser();


const tmp = mkdtempSync(path.join(os.tmpdir(), 'ygt-page-'));

// A hash of the pixels of every chart canvas: changes when any chart redraws differently.

test('the default scenario opens charted, in Chinese, with nothing asked and no request leaving', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  assert.match(await page.textContent('h1'), /医共体政策沙盘/);
  assert.match(await page.textContent('#scenario-title'), /河南示范县/);
  const pixels = await chartPixels(page);
  assert.equal(pixels.length, 8);
  for (const chart of pixels) assert.ok(chart.coloured > 3000, `a chart is nearly blank: ${chart.coloured}`);
  assert.match(await page.textContent('#scorecard'), /县域就诊率/);
  assert.match(await page.textContent('#ledger-balance'), /账目平衡/);
  await page.screenshot({ path: path.join(tmp, 'default.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('moving a lever redraws the charts and the scorecard; a refused value changes nothing', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const before = await chartPixels(page);
  const scorecard = await page.textContent('#scorecard');
  // The default phases the subsidy in year by year; one value for every year first, then 5000 typed.
  await page.click('.control[data-path="reform.per_bed_subsidy_yuan"] .toggle-years');
  const input = page.locator('.control[data-path="reform.per_bed_subsidy_yuan"] .row input[type=number]');
  await input.waitFor();
  await input.fill('5000');
  await input.press('Enter');
  await input.evaluate((node) => node.blur());
  await page.waitForFunction(() => window.ygt.results().years[0].indicators.per_bed_subsidy === '7750000.00');
  await page.waitForTimeout(50);
  const after = await chartPixels(page);
  assert.notDeepEqual(after.map((c) => c.hash), before.map((c) => c.hash));
  assert.notEqual(await page.textContent('#scorecard'), scorecard);
  // Impossible: refused with the reason, the typed text kept, the scenario unchanged.
  const text = await page.evaluate(() => window.ygt.scenario());
  const outcome = await page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '-10'));
  assert.equal(outcome.ok, false);
  assert.match(await page.textContent('#diagnostics'), /reform\.per_bed_subsidy_yuan/);
  assert.equal(await page.evaluate(() => window.ygt.scenario()), text);
  assert.equal(await page.inputValue('.control[data-path="reform.per_bed_subsidy_yuan"] .row input[type=number]'), '-10');
  // Outside the documented 3000-5000: allowed, with a visible warning.
  const warned = await page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '8000'));
  assert.equal(warned.ok, true);
  assert.match(await page.textContent('#diagnostics'), /3000 到 5000/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('ygt.results() equals ygt run --json on the same scenario, to the fen', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.evaluate(() => window.ygt.set('reform.primary_tilt_points', '[5, 10, 15]'));
  const text = await page.evaluate(() => window.ygt.scenario());
  const file = path.join(tmp, 'same.toml');
  writeFileSync(file, text);
  const cli = JSON.parse(execFileSync(path.join(root, 'target/release/ygt'), ['run', file, '--json'], { encoding: 'utf8' }));
  const web = await page.evaluate(() => window.ygt.results());
  assert.deepEqual(web, cli);
  assert.deepEqual(problems, []);
  await context.close();
});

test('save a file and open it again: the same scenario; a malformed file shows every problem and changes nothing', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.evaluate(() => window.ygt.set('reform.special_fund_rate', '0.02'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const saved = path.join(tmp, 'saved.toml');
  await download.saveAs(saved);
  const text = await page.evaluate(() => window.ygt.scenario());
  assert.equal(readFileSync(saved, 'utf8'), text);
  assert.match(readFileSync(saved, 'utf8'), /# 河南示范县/, 'the file keeps its comments');
  assert.match(await page.textContent('#save-state'), /已保存/);

  const bad = path.join(tmp, 'bad.toml');
  writeFileSync(bad, readFileSync(path.join(root, 'tests/fixtures/malformed.toml')));
  await page.setInputFiles('#file', bad);
  await page.waitForFunction(() => document.querySelector('#diagnostics').textContent.includes('county.horizon_years'));
  const shown = await page.textContent('#diagnostics');
  for (const field of ['county.horizon_years', 'communities.0.insured_residents', 'levers.per_bed_subsidy_yaun']) assert.match(shown, new RegExp(field.replace(/\./g, '\\.')));
  assert.equal(await page.evaluate(() => window.ygt.scenario()), text);

  const fresh = await openPage(env.browser, env.server.url);
  await fresh.page.setInputFiles('#file', saved);
  await fresh.page.waitForFunction((expected) => window.ygt.scenario() === expected, text);
  assert.deepEqual(await fresh.page.evaluate(() => window.ygt.results()), await page.evaluate(() => window.ygt.results()));
  assert.deepEqual(problems, []);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  await context.close();
});

test('a share link carries the whole scenario; a broken link says so and keeps the work', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.evaluate(() => window.ygt.set('reform.staff_sent_down_per_township', '3'));
  await page.click('#share');
  const link = await page.inputValue('#share-link');
  // A variant of a shipped scenario travels as its edits: a short link (short enough for a QR code).
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s2\./);
  assert.ok(link.length < 300, `${link.length} characters`);
  const text = await page.evaluate(() => window.ygt.scenario());
  const other = await openPage(env.browser, link);
  assert.equal(await other.page.evaluate(() => window.ygt.scenario()), text);
  assert.deepEqual(other.problems, []);
  // The same link pasted into a page already open (over unsaved work, after asking) opens it too.
  await other.page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '4800'));
  other.page.on('dialog', (dialog) => dialog.accept());
  await other.page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
  await other.page.waitForFunction((expected) => window.ygt.scenario() === expected, text);
  await other.context.close();

  const broken = await openPage(env.browser, `${env.server.url}#s1.not-a-real-payload`);
  assert.match(await broken.page.textContent('#diagnostics'), /分享链接无效/);
  assert.match(await broken.page.textContent('#scenario-title'), /河南示范县/);
  await broken.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a valid and an invalid change made in the same moment are judged each on its own', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const outcome = await page.evaluate(async () => {
    const valid = window.ygt.set('reform.per_bed_subsidy_yuan', '4400');
    const invalid = window.ygt.set('reform.special_fund_rate', '-1');
    return Promise.all([valid, invalid]);
  });
  const text = await page.evaluate(() => window.ygt.scenario());
  assert.match(text, /per_bed_subsidy_yuan = 4400/);
  assert.doesNotMatch(text, /special_fund_rate = -1/);
  assert.deepEqual(outcome[0].refused, ['reform.special_fund_rate']);
  const errors = outcome[0].diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.path), ['reform.special_fund_rate']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link to an invalid scenario, opened over unsaved work, changes nothing and says why', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.evaluate(() => window.ygt.set('reform.sent_down_allowance_yuan', '41000'));
  const work = await page.evaluate(() => window.ygt.scenario());
  // The same scenario with one field out of range, in a link as the page writes them (#s1. + base64url
  // of the raw-deflated text).
  const invalid = work.replace(/horizon_years = \d+/, 'horizon_years = 50');
  assert.notEqual(invalid, work);
  const fragment = 's1.' + zlib.deflateRawSync(Buffer.from(invalid), { level: 9 }).toString('base64url');
  const other = await context.newPage();
  const dialogs = [];
  other.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.accept(); });
  await other.goto(`${env.server.url}#${fragment}`);
  await other.waitForSelector('body[data-ready=true]', { timeout: 15000 });
  // No question is asked about replacing work the link cannot replace; the work stays, stored and shown;
  // the problem is named; the link stays in the address bar.
  assert.deepEqual(dialogs, []);
  assert.equal(await other.evaluate(() => window.ygt.scenario()), work);
  assert.match(await other.textContent('#diagnostics'), /horizon_years/);
  assert.match(other.url(), /#s1\./);
  await other.reload();
  await other.waitForSelector('body[data-ready=true]', { timeout: 15000 });
  assert.equal(await other.evaluate(() => window.ygt.scenario()), work);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the work survives a reload, and opening over unsaved work asks first', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.evaluate(() => window.ygt.set('reform.sent_down_allowance_yuan', '45000'));
  const text = await page.evaluate(() => window.ygt.scenario());
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  assert.equal(await page.evaluate(() => window.ygt.scenario()), text);
  assert.match(await page.textContent('#save-state'), /未保存/);
  // Opening an example over unsaved work: the question is asked; saying no keeps the work.
  let asked = 0;
  page.once('dialog', (dialog) => { asked++; dialog.dismiss(); });
  await page.selectOption('#shipped', 'miyi-special-fund.toml');
  assert.equal(asked, 1);
  assert.equal(await page.evaluate(() => window.ygt.scenario()), text);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching to English relabels everything and redraws the charts', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const before = await chartPixels(page);
  await page.click('#lang');
  assert.match(await page.textContent('h1'), /Medical-community sandbox/);
  assert.match(await page.textContent('#scorecard'), /county consultation rate/);
  assert.match(await page.textContent('#levers'), /per-bed subsidy/);
  const after = await chartPixels(page);
  assert.notDeepEqual(after.map((c) => c.hash), before.map((c) => c.hash));
  await page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '-1'));
  assert.match(await page.textContent('#diagnostics'), /out of range/);
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  assert.match(await page.textContent('h1'), /Medical-community sandbox/, 'the language choice is kept');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the shipped county shows its estimated figures as estimates, and a figure typed loses the mark', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.click('#tab-county');
  await page.waitForSelector('#county-editor .field.estimated');
  const before = await page.locator('#county-editor .field.estimated').count();
  // The Henan file lists 101 estimated inputs (its meta.estimated_fields).
  assert.equal(before, 101);
  const beds = page.locator('#county-editor .field.estimated[data-path="communities.0.institutions.0.beds"] input');
  await beds.fill('1234');
  await beds.press('Enter');
  await page.waitForFunction((count) => document.querySelectorAll('#county-editor .field.estimated').length === count - 1, before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every lever and assumption the command line declares has its control on the page', async () => {
  // `ygt params` lists the catalog (crate/src/model/params.rs); the page names no key of its own, so a
  // lever added to the catalog must appear here with no edit to the page.
  const listed = execFileSync(path.join(root, 'target/release/ygt'), ['params'], { encoding: 'utf8' });
  const [levers, assumptions] = listed.split(/^[^ \n].*assumptions.*$/m);
  const keys = (text) => [...text.matchAll(/^ {2}([a-z_]+) /gm)].map((m) => m[1]);
  assert.ok(keys(levers).length > 25 && keys(assumptions).length > 10);
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const paths = await page.$$eval('#panel .control', (boxes) => boxes.map((box) => box.dataset.path));
  assert.deepEqual(paths, [...keys(levers).map((k) => `reform.${k}`), ...keys(assumptions).map((k) => `assumptions.${k}`)]);
  assert.deepEqual(problems, []);
  await context.close();
});
