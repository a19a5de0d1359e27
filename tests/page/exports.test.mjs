// Page tests for every way out of the page, each read back by something other than the page's own
// code: the PNG decoded by the browser's image decoder, the SVG by its XML parser, the CSV and the
// clipboard's text compared with `ygt run --json`, the .xlsx read by exceljs; and the screens (a phone,
// a projector at 150% zoom) and the printed A4 report checked for layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { root, openPage, withServerAndBrowser, isFirefox } from './harness.mjs';

const env = withServerAndBrowser();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ygt-exports-'));
const ygt = path.join(root, 'target/release/ygt');

// The CLI's results for the scenario the page has open.
async function cliResults(page) {
  const file = path.join(tmp, 'open.toml');
  writeFileSync(file, await page.evaluate(() => window.ygt.scenario()));
  return JSON.parse(execFileSync(ygt, ['run', file, '--json'], { encoding: 'utf8' }));
}

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('every chart leaves as a PNG that decodes and an SVG that parses', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const png = await downloaded(page, () => page.click('#charts figure:nth-child(1) button[data-i18n=chart_png]'));
  assert.match(png.name, /county_consultation_rate\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  const size = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    return [bitmap.width, bitmap.height];
  }, png.bytes.toString('base64'));
  assert.deepEqual(size, [1920, 1080], 'drawn again at slide size');
  const svg = await downloaded(page, () => page.click('#charts figure:nth-child(2) button[data-i18n=chart_svg]'));
  assert.match(svg.name, /\.svg$/);
  // Parsed in a blank page: the SVG's style attributes are not the page's to allow under its CSP.
  const blank = await context.newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent };
  }, svg.bytes.toString('utf8'));
  assert.deepEqual([parsed.error, parsed.root], [false, 'svg']);
  assert.match(parsed.text, /县域内住院人次占比/);
  assert.match(parsed.text, /2029/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the scorecard and ledger leave as CSV, .xlsx and clipboard text holding the numbers of ygt run --json', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const { page, problems } = await openPage(env.browser, env.server.url, { context });
  const cli = await cliResults(page);
  const years = cli.years.map((y) => String(y.year));
  // CSV: UTF-8 with a byte-order mark, one value per cell, shares as fractions, yuan to the fen.
  const csv = await downloaded(page, () => page.click('#csv-scorecard'));
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = csv.bytes.toString('utf8').slice(1).trim().split('\r\n').map((line) => line.split(','));
  assert.deepEqual(rows[0], ['指标', '单位', '运行', ...years]);
  const row = (name, run) => rows.find((r) => r[0] === name && r[2] === run);
  cli.years.forEach((year, index) => {
    assert.equal(Number(row('县域就诊率', '改革方案')[3 + index]), year.indicators.county_consultation_rate);
    assert.equal(row('薪酬总量(元)', '改革方案')[3 + index], year.indicators.salary_pool);
    assert.equal(Number(row('县域就诊率', '基线')[3 + index]), cli.baseline.years[index].indicators.county_consultation_rate);
  });
  assert.ok(rows.some((r) => r[2].startsWith('达到目标') && r.slice(3).every((mark) => mark === '✓' || mark === '✗')));
  const ledgerCsv = await downloaded(page, () => page.click('#csv-ledger'));
  const ledgerRows = ledgerCsv.bytes.toString('utf8').slice(1).trim().split('\r\n').map((line) => line.split(','));
  assert.equal(ledgerRows[0][3], `${years[0]} (元)`);
  // The clipboard: the same table, tab-separated, numbers as plain numbers.
  await page.click('#copy-scorecard');
  const pasted = (await page.evaluate(() => navigator.clipboard.readText())).split('\n').map((line) => line.split('\t'));
  assert.deepEqual(pasted[0], rows[0]);
  assert.equal(Number(pasted.find((r) => r[0] === '县域就诊率' && r[2] === '改革方案')[3]), cli.years[0].indicators.county_consultation_rate);
  // .xlsx, read by exceljs: two sheets, numbers stored as numbers.
  const xlsx = await downloaded(page, () => page.click('#results-xlsx'));
  const file = path.join(tmp, 'results.xlsx');
  writeFileSync(file, xlsx.bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['指标记分卡', '年度账目']);
  const sheet = workbook.worksheets[0];
  let found = null;
  sheet.eachRow((r) => { if (r.getCell(1).value === '薪酬总量(元)' && r.getCell(3).value === '改革方案') found = r; });
  assert.equal(typeof found.getCell(4).value, 'number');
  assert.equal(found.getCell(4).value.toFixed(2), cli.years[0].indicators.salary_pool);
  const ledger = workbook.worksheets[1];
  let balance = 0;
  ledger.eachRow((r, index) => {
    if (index === 1) return;
    assert.equal(typeof r.getCell(4).value, 'number');
    if (r.getCell(1).value === ledger.getRow(2).getCell(1).value) balance += (r.getCell(2).value === '来源' ? 1 : -1) * Math.round(r.getCell(4).value * 100);
  });
  assert.equal(balance, 0, 'the first account balances to the fen in the workbook');
  assert.deepEqual(problems, []);
  await context.close();
});

// Whether anything is wider than the window, and where the first chart and the scorecard are.
function layout(page) {
  return page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    chartTop: document.querySelector('#charts canvas').getBoundingClientRect().top + window.scrollY,
    chartWidth: document.querySelector('#charts canvas').getBoundingClientRect().width,
    chartBottom: document.querySelector('#charts figure').getBoundingClientRect().bottom + window.scrollY,
    scorecard: document.querySelectorAll('#scorecard tbody tr').length,
  }));
}

test('a phone and a projector at 150% zoom get the results first, nothing wider than the screen', async () => {
  for (const [width, height, scale] of [[390, 844, 3], [853, 480, 1.5]]) {
    const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
    const { page, problems } = await openPage(env.browser, env.server.url, { context });
    const seen = await layout(page);
    assert.ok(seen.overflow <= 0, `${width}px: ${seen.overflow}px too wide`);
    assert.ok(seen.chartTop < height, `${width}px: the first chart starts at ${seen.chartTop}px`);
    // A phone: each chart at the screen's width. A projector at 150%: two charts side by side, the
    // first whole in view.
    if (width < 700) assert.ok(seen.chartWidth <= width && seen.chartWidth > width * 0.8, `${width}px: chart ${seen.chartWidth}px wide`);
    else assert.ok(seen.chartBottom <= height, `${width}x${height}: the first chart ends at ${seen.chartBottom}px`);
    assert.ok(seen.scorecard > 30);
    // The levers are one button away.
    await page.click('#jump-levers');
    await page.waitForFunction(() => document.getElementById('panel').getBoundingClientRect().top < 50);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// The page in the print media type: nothing wider than the paper, the print head shown, the levers
// hidden, every chart there.
async function checkPrintLayout(page) {
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = [...document.querySelectorAll('#content *')].filter((node) => {
      const box = node.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1;
    }).map((node) => node.id || node.className || node.nodeName);
    const shown = (selector) => getComputedStyle(document.querySelector(selector)).display !== 'none';
    return { cut, head: shown('#print-head'), panel: shown('#panel'), charts: document.querySelectorAll('#charts canvas').length };
  });
  assert.deepEqual(printed.cut, []);
  assert.deepEqual([printed.head, printed.panel, printed.charts], [true, false, 8]);
}

test('the printed report fits A4: the head, the charts, the scorecard and the ledger, nothing cut off', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  // Playwright over WebDriver BiDi does not emulate the print media type (emulateMedia does
  // nothing there), so in Firefox only the PDF, laid out by Firefox's own printing, is checked.
  // As a print from the browser (Ctrl+P or the print button) does: the page builds the report's head.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  if (!isFirefox) await checkPrintLayout(page);
  const pdf = path.join(tmp, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 3 && pages <= 6, `${pages} pages`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const words of ['河南示范县', '改革改变的政策杠杆', '每床补助', '指标记分卡', '年度账目', '合计']) assert.ok(text.includes(words), words);
  assert.deepEqual(problems, []);
  await context.close();
});

test('sources are cited as documents in the interface language, and listed in full', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const documents = await page.$$eval('#documents li', (items) => items.map((li) => li.textContent));
  assert.equal(documents.length, 8);
  assert.ok(documents.some((text) => text.includes('益政办发〔2023〕16号') && text.includes('益阳市人民政府办公室') && text.includes('2023年7月6日')));
  // No source in the Chinese interface names an internal file or reads as an English sentence.
  const sources = await page.$$eval('#panel .source, #scorecard td[title]', (nodes) => nodes.map((node) => node.textContent + (node.title || '')));
  assert.ok(sources.length > 40);
  for (const text of sources) {
    assert.doesNotMatch(text, /seed|BRIEF/i, text);
    assert.doesNotMatch(text, /\b(the|and|is|of)\b [a-z]+ [a-z]+/, text);
  }
  await page.click('#lang');
  const english = await page.$$eval('#documents li', (items) => items.map((li) => li.textContent));
  assert.ok(english.some((text) => text.includes('General Office of the Yiyang City People\'s Government')));
  assert.deepEqual(problems, []);
  await context.close();
});
