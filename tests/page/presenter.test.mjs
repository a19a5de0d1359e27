// Page tests for the trainer's presenter mode and the planner's uncertainty ranges: presenter mode at
// 1280×720 in large type, a workshop step opened with the reform held back until revealed, the arrow
// keys moving the step's lever, the step keys, the QR code; ranges set on the page reach the scenario
// file and give the command line's Monte Carlo figures, bad ranges are refused and kept as typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, openPage, withServerAndBrowser, chartHashes } from './harness.mjs';

const env = withServerAndBrowser();
const ygt = path.join(root, 'target/release/ygt');

// Every presenter canvas's pixel hash.
const presenterHashes = (page) => chartHashes(page, '#p-charts canvas');

const reformCells = (page) => page.$$eval('#p-rows .now', (cells) => cells.map((cell) => cell.textContent));

test('presenter mode fills a 1280×720 projector in large type; a step opens with the reform held back until revealed', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.click('#workshop summary');
  // Step 2 (Ya'an's reimbursement tilt), from the workshop list.
  await page.click('#workshop-steps li:nth-child(2) button:nth-of-type(2)');
  await page.waitForSelector('#presenter:not([hidden])');
  const layout = await page.evaluate(() => {
    const size = (id) => parseFloat(getComputedStyle(document.getElementById(id)).fontSize);
    const canvas = document.querySelector('#p-charts canvas').getBoundingClientRect();
    const wider = [...document.querySelectorAll('#presenter *')].filter((node) => node.getBoundingClientRect().right > window.innerWidth + 1).map((node) => node.id || node.tagName);
    return { prompt: size('p-prompt'), step: size('p-step'), value: size('p-lever-value'), table: size('p-table'), chartWidth: canvas.width, chartHeight: canvas.height, chartBottom: canvas.bottom, wider, height: window.innerHeight };
  });
  // Readable from the back of a room: the question at 24 px or more, figures at 16 px or more, the
  // chart more than 800 px wide, all inside the screen.
  assert.ok(layout.prompt >= 24 && layout.step >= 24 && layout.value >= 36 && layout.table >= 16, JSON.stringify(layout));
  assert.ok(layout.chartWidth >= 800 && layout.chartHeight >= 450, JSON.stringify(layout));
  assert.ok(layout.chartBottom <= layout.height, JSON.stringify(layout));
  assert.deepEqual(layout.wider, []);
  assert.match(await page.textContent('#p-step'), /第 2\/5 步/);
  // The step opens on its chart, asking the room first: the reform's figures are held back.
  assert.equal(await page.getAttribute('#p-charts canvas', 'data-chart'), 'primary_outpatient_share');
  assert.match(await page.textContent('#p-prompt'), /^先问大家:/);
  const held = await reformCells(page);
  assert.ok(held.length >= 2 && held.every((cell) => cell === '?'), held.join(','));
  const before = await presenterHashes(page);
  // Revealed: the chart gains the reform line and the figures are the model's for the last year.
  await page.keyboard.press(' ');
  const after = await presenterHashes(page);
  assert.notDeepEqual(after, before, 'revealing draws the reform line');
  const results = await page.evaluate(() => window.ygt.results());
  const last = results.years[results.years.length - 1].indicators.primary_outpatient_share;
  const shown = (await reformCells(page))[0];
  assert.equal(shown.replace(/ [✓✗]$/, ''), `${(Number(last) * 100).toFixed(2)}%`);
  assert.doesNotMatch(await page.textContent('#p-prompt'), /^先问大家/);
  // Hidden again with the space bar, and the same picture as before.
  await page.keyboard.press(' ');
  assert.deepEqual(await presenterHashes(page), before);
  // A reload in the middle of the workshop comes back to the same step, chart and held-back reform.
  await page.reload();
  // (The page's body has no height of its own while the presenter covers the screen.)
  await page.waitForSelector('body[data-ready=true]', { state: 'attached' });
  await page.waitForSelector('#presenter:not([hidden])');
  assert.match(await page.textContent('#p-step'), /第 2\/5 步/);
  assert.equal(await page.getAttribute('#p-charts canvas', 'data-chart'), 'primary_outpatient_share');
  assert.ok((await reformCells(page)).every((cell) => cell === '?'));
  await page.keyboard.press(' ');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the arrow keys move the step\'s lever by its key step, N and P walk the steps, Q shows the QR code, Esc leaves', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.click('#workshop summary');
  await page.click('#workshop-steps li:nth-child(2) button:nth-of-type(2)');
  await page.waitForSelector('#presenter:not([hidden])');
  // Ya'an's tilt is 5, 10 and 15 points by year; its slider runs 0-40 in steps of 0.2, a key step is
  // 2 points, every year alike.
  assert.match(await page.evaluate(() => window.ygt.scenario()), /primary_tilt_points = \[5, 10, 15\]/);
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => /primary_tilt_points = \[7, 12, 17\]/.test(window.ygt.scenario()));
  assert.equal((await page.textContent('#p-lever-value')).replace(/\s/g, ''), '7/12/17');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /primary_tilt_points = \[3, 8, 13\]/.test(window.ygt.scenario()));
  // A change is undoable like any other.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => /primary_tilt_points = \[5, 10, 15\]/.test(window.ygt.scenario()));
  // ] chooses the next lever in the panel's order.
  const first = await page.textContent('#p-lever-name');
  await page.keyboard.press(']');
  assert.notEqual(await page.textContent('#p-lever-name'), first);
  // The charts turn with the arrow keys; 2 shows two at once.
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#p-charts canvas', 'data-chart'), 'settlement');
  await page.keyboard.press('2');
  assert.equal(await page.locator('#p-charts canvas').count(), 2);
  // N opens step 3 (Luxian), P goes back, without asking over the lever moved in the step (every
  // step can be undone): no dialog over the projector.
  await page.keyboard.press('ArrowUp');
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.keyboard.press('n');
  await page.waitForFunction(() => /第 3\/5 步/.test(document.querySelector('#p-step').textContent));
  assert.match(await page.evaluate(() => window.ygt.scenario()), /泸县|Luxian/);
  assert.equal(await page.getAttribute('#p-charts canvas', 'data-chart'), 'settlement');
  await page.keyboard.press('p');
  await page.waitForFunction(() => /第 2\/5 步/.test(document.querySelector('#p-step').textContent));
  assert.deepEqual(dialogs, []);
  // Q while the room predicts: no QR code (the scenario it opens shows the results), and says so.
  await page.keyboard.press('q');
  assert.equal(await page.isVisible('#p-qr-image'), false);
  assert.match(await page.textContent('#p-qr-note'), /先揭晓改革结果/);
  await page.keyboard.press('q');
  // Revealed, Q shows the share link's QR code, large.
  await page.keyboard.press(' ');
  await page.keyboard.press('q');
  await page.waitForFunction(() => { const image = document.querySelector('#p-qr-image'); return !image.hidden && image.complete && image.naturalWidth > 0; });
  const qr = await page.evaluate(() => document.querySelector('#p-qr-image').getBoundingClientRect().height);
  assert.ok(qr >= 300, `QR code ${qr} px high`);
  await page.keyboard.press('q');
  await page.keyboard.press('q');
  // Undoing the step's opening leaves the step: the screen no longer claims step 2 for step 1's scenario.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !/第 2\/5 步/.test(document.querySelector('#p-step').textContent));
  assert.doesNotMatch(await page.evaluate(() => window.ygt.scenario()), /雅安/);
  assert.ok((await reformCells(page)).every((cell) => cell !== '?'));
  // Esc: back to the page, the reform shown on its charts again.
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#presenter'), false);
  assert.equal(await page.isVisible('#charts canvas'), true);
  // The header's button presents the scenario that is open, not the last step.
  const text = await page.evaluate(() => window.ygt.scenario());
  await page.click('#present');
  assert.match(await page.textContent('#p-step'), /演示模式/);
  assert.equal(await page.evaluate(() => window.ygt.scenario()), text);
  assert.deepEqual(problems, []);
  await context.close();
});

test('presenter mode opens from the header on the current scenario, and the page\'s own keys do nothing there', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  // Entered while editing today's levers: left, the panel edits today's levers again.
  await page.check('input[name=mode][value=levers]');
  const text = await page.evaluate(() => window.ygt.scenario());
  await page.click('#present');
  await page.waitForSelector('#presenter:not([hidden])');
  // Not a workshop step: nothing is held back, and the scenario is the one that was open.
  assert.match(await page.textContent('#p-step'), /演示模式/);
  assert.ok((await reformCells(page)).every((cell) => cell !== '?'));
  assert.equal(await page.evaluate(() => window.ygt.scenario()), text);
  // A key the presenter does not use changes nothing.
  await page.keyboard.press('x');
  assert.equal(await page.evaluate(() => window.ygt.scenario()), text);
  await page.click('#p-exit');
  assert.equal(await page.isVisible('#presenter'), false);
  assert.equal(await page.isChecked('input[name=mode][value=levers]'), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('ranges set on the page are the scenario\'s, give the command line\'s Monte Carlo, and bad ranges are refused as typed', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.click('#mc-ranges summary');
  const row = '#mc-ranges-table tr[data-path="uncertainty.utilisation_growth_rate"]';
  // Shown at the plausible range (0 to 5%) until changed.
  assert.equal(await page.inputValue(`${row} .range-low`), '0');
  assert.equal(await page.inputValue(`${row} .range-high`), '0.05');
  await page.fill(`${row} .range-low`, '0.01');
  await page.fill(`${row} .range-high`, '0.03');
  await page.press(`${row} .range-high`, 'Enter');
  await page.waitForFunction(() => /\[uncertainty\][^[]*utilisation_growth_rate = \[0\.01, 0\.03\]/.test(window.ygt.scenario()));
  // The same draws as the command line on the saved file.
  const file = path.join(os.tmpdir(), `ygt-page-ranges-${process.pid}.toml`);
  fs.writeFileSync(file, await page.evaluate(() => window.ygt.scenario()));
  await page.fill('#mc-draws', '200');
  await page.fill('#mc-seed', '7');
  const summary = await page.evaluate(() => window.ygt.uncertainty());
  const cli = JSON.parse(execFileSync(ygt, ['uncertainty', file, '--draws', '200', '--seed', '7', '--json'], { encoding: 'utf8' }));
  fs.rmSync(file);
  assert.deepEqual(summary.indicators, cli.indicators);
  assert.deepEqual(summary.ranges, cli.ranges);
  const own = cli.ranges.find((range) => range.assumption === 'utilisation_growth_rate');
  assert.deepEqual([own.low, own.high, own.own], ['0.01', '0.03', true]);
  // A low end above the high end is refused, named, and the typed values stay in their boxes.
  const text = await page.evaluate(() => window.ygt.scenario());
  await page.fill(`${row} .range-low`, '0.04');
  await page.press(`${row} .range-low`, 'Enter');
  await page.waitForFunction((selector) => document.querySelector(selector).classList.contains('refused'), row);
  assert.match(await page.textContent('#diagnostics'), /下限 0\.04 大于上限 0\.03/);
  assert.equal(await page.inputValue(`${row} .range-low`), '0.04');
  assert.equal(await page.evaluate(() => window.ygt.scenario()), text);
  // A decimal comma typed in one box stays in that box (the other keeps its value) and is named.
  await page.fill(`${row} .range-low`, '0,01');
  await page.press(`${row} .range-low`, 'Enter');
  await page.waitForFunction(() => /小数请用小数点/.test(document.querySelector('#diagnostics').textContent));
  assert.equal(await page.inputValue(`${row} .range-low`), '0,01');
  assert.equal(await page.inputValue(`${row} .range-high`), '0.03');
  assert.match(await page.textContent('#diagnostics'), /下限/);
  // Said beside the table too, where the user is typing.
  assert.match(await page.textContent('#mc-ranges-message'), /不确定性范围:人均就诊量年增长率,下限: .*小数请用小数点/);
  assert.equal(await page.evaluate(() => window.ygt.scenario()), text);
  // Back to the plausible range: the entry leaves the file.
  await page.click(`${row} button`);
  await page.waitForFunction(() => !/utilisation_growth_rate = \[/.test(window.ygt.scenario()));
  assert.equal(await page.inputValue(`${row} .range-high`), '0.05');
  assert.deepEqual(problems, []);
  await context.close();
});
