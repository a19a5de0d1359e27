// Page tests for the analyses: the Monte Carlo runs in workers, keeps the page answering, gives the
// command line's figures for the same seed, and draws its bands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { root, openPage, withServerAndBrowser } from './harness.mjs';

const env = withServerAndBrowser();
const ygt = path.join(root, 'target/release/ygt');

test('1,000 Monte Carlo draws run in workers, the page answers meanwhile, and the figures are the command line\'s', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.fill('#mc-draws', '1000');
  await page.fill('#mc-seed', '5');
  const outcome = await page.evaluate(async () => {
    const started = performance.now();
    const running = window.ygt.uncertainty();
    // While the draws run, the page still answers: a timer fires and the DOM responds.
    const tick = await new Promise((resolve) => { const t0 = performance.now(); setTimeout(() => resolve(performance.now() - t0), 10); });
    const busy = !document.querySelector('#mc-cancel').hidden;
    const summary = await running;
    return { summary, tick, busy, ms: performance.now() - started };
  });
  assert.ok(outcome.busy, 'the cancel button shows while the draws run');
  assert.ok(outcome.tick < 200, `a 10 ms timer fired after ${outcome.tick} ms while the draws ran`);
  console.log(`1000 draws in the page: ${outcome.ms.toFixed(0)} ms (two workers)`);
  const cli = JSON.parse(execFileSync(ygt, ['uncertainty', path.join(root, 'scenarios/henan-county.toml'), '--draws', '1000', '--seed', '5', '--json'], { encoding: 'utf8' }));
  assert.equal(outcome.summary.draws, 1000);
  assert.deepEqual(outcome.summary.targets, cli.targets);
  assert.deepEqual(outcome.summary.indicators, cli.indicators);
  assert.match(await page.textContent('#mc-result'), /末年达标概率 2029/);
  // A change makes the bands stale, and the page says so.
  await page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '4500'));
  assert.match(await page.textContent('#mc-status'), /方案已改变/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Monte Carlo can be cancelled and bad settings are refused with the reason', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.fill('#mc-draws', '5');
  await page.click('#mc-run');
  assert.match(await page.textContent('#mc-status'), /10 到 20000/);
  await page.fill('#mc-draws', '20000');
  await page.click('#mc-run');
  await page.click('#mc-cancel');
  assert.match(await page.textContent('#mc-status'), /已取消/);
  assert.equal(await page.locator('#mc-cancel').isHidden(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the analysis panel: a tornado, a waterfall that adds up, goal-seek whose value meets the target, and a field-by-field diff', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.selectOption('#an-indicator', 'county_consultation_rate');
  await page.selectOption('#an-year', '2029');
  const tornado = await page.evaluate(() => window.ygt.tornado());
  assert.equal(tornado.ok, true);
  assert.ok(tornado.bars.length >= 8);
  assert.equal(await page.locator('#an-result .bar-row').count(), tornado.bars.length);
  const cli = JSON.parse(execFileSync(ygt, ['sensitivity', path.join(root, 'scenarios/henan-county.toml'), '--indicator', 'county_consultation_rate', '--year', '2029', '--json'], { encoding: 'utf8' }));
  assert.equal(tornado.bars[0].label, cli.bars[0].zh);

  // The waterfall runs in a worker: a lever moved meanwhile is answered first.
  const order = await page.evaluate(async () => {
    const done = [];
    const waterfall = window.ygt.waterfall().then(() => done.push('waterfall'));
    await window.ygt.set('assumptions.adjustment_speed', '0.5');
    done.push('lever');
    await waterfall;
    return done;
  });
  assert.deepEqual(order, ['lever', 'waterfall']);
  const waterfall = await page.evaluate(() => window.ygt.waterfall());
  assert.equal(waterfall.ok, true);
  // The bars as shown add up to the change as shown: 90.11% − 88.00% = +2.11 points.
  const points = waterfall.steps.map((s) => Number(s.change.replace(/[^0-9.+-]/g, '')));
  const total = Number(waterfall.total.replace(/[^0-9.+-]/g, ''));
  assert.equal(Math.round(points.reduce((a, b) => a + b, 0) * 100), Math.round(total * 100));
  assert.match(await page.textContent('#an-result'), /基线 88.00%|88\.00%/);

  await page.selectOption('#an-lever', 'primary_tilt_points');
  await page.fill('#an-target', '0.91');
  const sought = await page.evaluate(() => window.ygt.seek());
  assert.equal(sought.meets, true);
  await page.click('#an-result button');
  await page.waitForFunction(() => window.ygt.scenario().includes('primary_tilt_points = '));
  const rate = await page.evaluate(() => Number(window.ygt.results().years[4].indicators.county_consultation_rate));
  assert.ok(Math.abs(rate - 0.91) <= 0.0001, `the value applied gives ${rate}`);

  await page.selectOption('#an-other', 'miyi-special-fund.toml');
  await page.waitForSelector('#an-result table.diff');
  assert.match(await page.textContent('#an-result'), /county\.name/);
  // The page in English: the panel's answers are in English.
  await page.click('#lang');
  const english = await page.evaluate(() => window.ygt.tornado());
  assert.match(english.title, /county consultation rate/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a waterfall asked again before the first is done shows the answer to the last question', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.evaluate(() => window.ygt.tornado());
  const options = await page.$$eval('#an-indicator option', (all) => all.map((o) => ({ value: o.value, text: o.textContent })));
  await page.selectOption('#an-indicator', options[0].value);
  await page.click('#an-waterfall');
  await page.selectOption('#an-indicator', options[2].value);
  await page.click('#an-waterfall');
  await page.waitForSelector('#an-result h3');
  await page.waitForTimeout(1500);
  const title = await page.textContent('#an-result h3');
  assert.ok(title.startsWith(options[2].text), `${title} answers ${options[2].text}`);
  assert.deepEqual(problems, []);
  await context.close();
});
