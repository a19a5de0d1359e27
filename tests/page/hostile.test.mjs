// Page tests for hostile files and lost work: markup never runs, bad files change nothing, undo and
// redo, a full local storage, two tabs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { root, openPage, withServerAndBrowser } from './harness.mjs';

const env = withServerAndBrowser();


const hostile = (name) => path.join(root, 'tests/hostile', name);

test('a scenario full of markup and script shows it as text and runs nothing', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
  await page.setInputFiles('#file', hostile('markup-in-text.toml'));
  await page.waitForFunction(() => document.querySelector('#scenario-title').textContent.includes('<script>'));
  await page.click('#tab-county');
  await page.hover('.field[data-path="communities.0.institutions.0.name"] input').catch(() => {});
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#scenario-title img, #scenario-title script, #county-editor b').count(), 0);
  assert.equal(dialogs, 0);
  assert.ok(!requested.includes('/x'), 'the <img src=x> was never fetched');
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile files are refused with their reason and change nothing', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const before = await page.evaluate(() => window.ygt.scenario());
  for (const [file, reason] of [
    ['gbk.toml', /UTF-8/],
    ['utf16.toml', /UTF-16/],
    ['binary.toml', /UTF-8/],
    ['deep-nesting.toml', /嵌套过深/],
    ['newer-version.toml', /需要更新版本/],
    ['duplicate-key.toml', /duplicate key|重复/],
    ['huge-number.toml', /数值过大/],
  ]) {
    await page.setInputFiles('#file', hostile(file));
    await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector('#diagnostics').textContent), reason.source);
    assert.equal(await page.evaluate(() => window.ygt.scenario()), before, file);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('crafted workbooks are refused quickly, by reason, and change nothing', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const before = await page.evaluate(() => window.ygt.scenario());
  for (const [file, reason] of [
    ['aliased-entries.xlsx', /部件相互重叠/],
    ['sheet-listed-twice.xlsx', /同一张表列了两次/],
    ['shared-string-bomb.xlsx', /单元格超过 1000000 个或文字超过 32 MB/],
    ['crc-mismatch.xlsx', /工作簿已损坏/],
  ]) {
    const started = Date.now();
    await page.setInputFiles('#sheet-file', hostile(file));
    await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector('#diagnostics').textContent), reason.source);
    assert.ok(Date.now() - started < 5000, `${file} took ${Date.now() - started} ms`);
    assert.equal(await page.evaluate(() => window.ygt.scenario()), before, file);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('undo and redo step back and forward through every change', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const original = await page.evaluate(() => window.ygt.scenario());
  await page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '4500'));
  await page.evaluate(() => window.ygt.set('reform.special_fund_rate', '0.02'));
  const changed = await page.evaluate(() => window.ygt.scenario());
  await page.click('#undo');
  await page.keyboard.press('Control+z');
  assert.equal(await page.evaluate(() => window.ygt.scenario()), original);
  await page.click('#redo');
  await page.keyboard.press('Control+y');
  assert.equal(await page.evaluate(() => window.ygt.scenario()), changed);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a full local storage is said, not hidden; the work goes on in the page', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.evaluate(() => {
    // Fill the storage to the last byte: big blocks first, then smaller ones.
    let n = 0;
    for (const size of [1024 * 1024, 64 * 1024, 1024, 16]) {
      const block = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler-${n++}`, block); } catch { break; }
      }
    }
  });
  // A change that makes the working copy larger than the space left.
  await page.evaluate(() => window.ygt.set('reform.title', JSON.stringify('长'.repeat(20000))));
  assert.match(await page.textContent('#save-state'), /无法自动保存/);
  await page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '4200'));
  assert.equal(await page.evaluate(() => window.ygt.results().years[0].indicators.per_bed_subsidy), '6510000.00');
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs do not silently overwrite each other\'s work', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const first = await openPage(env.browser, env.server.url, { context });
  const second = await openPage(env.browser, env.server.url, { context });
  await first.page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '4100'));
  await second.page.waitForFunction(() => document.querySelector('#diagnostics').textContent.includes('另一个标签页'));
  await second.page.evaluate(() => window.ygt.set('reform.per_bed_subsidy_yuan', '4900'));
  const stored = await first.page.evaluate(() => JSON.parse(localStorage.getItem('ygt.working.v1')).text);
  assert.equal(stored, await first.page.evaluate(() => window.ygt.scenario()), 'the first tab\'s work is intact');
  const kept = await second.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ygt.working.v1.tab-')).map((k) => JSON.parse(localStorage.getItem(k)).text));
  assert.ok(kept.includes(await second.page.evaluate(() => window.ygt.scenario())), 'the second tab\'s work is kept too');
  // A reload of the second tab gives its own work back, not the first tab's.
  const secondWork = await second.page.evaluate(() => window.ygt.scenario());
  await second.page.reload();
  await second.page.waitForSelector('body[data-ready=true]', { timeout: 15000 });
  assert.equal(await second.page.evaluate(() => window.ygt.scenario()), secondWork);
  assert.match(secondWork, /per_bed_subsidy_yuan = 4900/);
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
  await context.close();
});

test('a corrupted stored copy is kept aside and said, and another tab\'s old copy is cleaned up', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  // The storage is written from a page of the same origin that is not the sandbox (so nothing of the
  // sandbox's own saving can overwrite it), as a crash or a full disk would leave it.
  const raw = await context.newPage();
  await raw.goto(`${env.server.url}no-such-page`);
  await raw.evaluate(() => {
    localStorage.setItem('ygt.working.v1', '{"text": "cut sh');
    localStorage.setItem('ygt.working.v1.tab-gone', JSON.stringify({ text: 'x', at: Date.now() - 30 * 86400000 }));
    localStorage.setItem('ygt.working.v1.tab-recent', JSON.stringify({ text: 'y', at: Date.now() }));
  });
  await raw.close();
  const { page, problems } = await openPage(env.browser, env.server.url, { context });
  assert.match(await page.textContent('#diagnostics'), /未能恢复上次的工作/);
  assert.equal(await page.evaluate(() => localStorage.getItem('ygt.recovered')), '{"text": "cut sh');
  assert.match(await page.textContent('#scenario-title'), /河南示范县/);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(!keys.includes('ygt.working.v1.tab-gone'), 'a copy untouched for 30 days is removed');
  assert.ok(keys.includes('ygt.working.v1.tab-recent'), 'a recent copy of another tab stays');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a refused value typed in a year box stays in that box', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const box = page.locator('.control[data-path="reform.per_bed_subsidy_yuan"]');
  const years = box.locator('.years input');
  assert.equal(await years.count(), 3, 'the default reform phases the per-bed subsidy in over three years');
  await years.nth(1).fill('-5');
  await years.nth(1).press('Enter');
  await years.nth(1).evaluate((input) => input.blur());
  await page.waitForFunction(() => document.querySelector('.control[data-path="reform.per_bed_subsidy_yuan"]').classList.contains('refused'));
  assert.equal(await years.nth(1).inputValue(), '-5');
  assert.match(await page.evaluate(() => window.ygt.scenario()), /per_bed_subsidy_yuan = \[3000, 4000, 5000\]/);
  // A schedule has no main box that could replace it unseen; going back to one value says which.
  assert.equal(await box.locator('.row input[type=number]').count(), 0);
  const toggle = box.locator('.toggle-years');
  assert.equal(await toggle.textContent(), '各年统一为 3000');
  assert.equal(await box.locator('.years-note').textContent(), '最后一年的值用于以后各年');
  await toggle.click();
  await page.waitForFunction(() => /per_bed_subsidy_yuan = 3000\b/.test(window.ygt.scenario()));
  assert.equal(await box.locator('.years input').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an emptied year box is refused, not taken as 0; a pasted spreadsheet row fills the years', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const box = page.locator('.control[data-path="reform.per_bed_subsidy_yuan"]');
  const years = box.locator('.years input');
  await years.nth(1).fill('');
  await years.nth(1).press('Enter');
  await years.nth(1).evaluate((input) => input.blur());
  await page.waitForFunction(() => document.querySelector('.control[data-path="reform.per_bed_subsidy_yuan"]').classList.contains('refused'));
  assert.match(await page.evaluate(() => window.ygt.scenario()), /per_bed_subsidy_yuan = \[3000, 4000, 5000\]/);
  // Three cells copied from Excel or WPS, pasted into the first year's box.
  await years.nth(0).evaluate((input) => {
    const data = new DataTransfer();
    data.setData('text', '3500\t4500\t5500\r\n');
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    // Firefox leaves a made-up paste's clipboardData empty (a real paste there carries it).
    if (paste.clipboardData?.getData('text') !== data.getData('text')) Object.defineProperty(paste, 'clipboardData', { value: data });
    input.dispatchEvent(paste);
  });
  await page.waitForFunction(() => /per_bed_subsidy_yuan = \[3500, 4500, 5500\]/.test(window.ygt.scenario()));
  // ".02" is the number 0.02, as people type it.
  const outcome = await page.evaluate(() => window.ygt.set('reform.risk_reserve_rate', '.02'));
  assert.equal(outcome.ok, true);
  assert.deepEqual(problems, []);
  await context.close();
});
