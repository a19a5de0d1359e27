// Page tests for "your own county": a county from its population, edited in the page; the spreadsheet
// template filled as a real .xlsx (by exceljs, a third-party writer) and imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { root, openPage, withServerAndBrowser, chartHashes } from './harness.mjs';

const env = withServerAndBrowser();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ygt-county-'));
const ygt = path.join(root, 'target/release/ygt');



test('a county from its population, edited institution by institution, saved and reopened identically', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.click('#tab-county');
  await page.fill('#new-name', '试点县');
  await page.fill('#new-population', '450000');
  await page.click('#new-create');
  await page.waitForFunction(() => window.ygt.results().scenario.title === '试点县');
  const results = await page.evaluate(() => window.ygt.results());
  assert.equal(results.years.length, 5);
  // 450,000 residents: two communities, every input an estimate and marked in the editor.
  assert.equal(await page.locator('#county-editor .community[data-community]').count(), 2);
  const estimatedBefore = await page.locator('#county-editor .field.estimated').count();
  assert.ok(estimatedBefore > 60, `${estimatedBefore} estimated inputs marked`);
  const charts = await chartHashes(page);

  // Enter the county's own figure for the lead hospital's visits: the estimate mark goes, charts move.
  const visits = page.locator('.field[data-path="communities.0.institutions.0.outpatient_visits"] input');
  await visits.fill('200000');
  await visits.press('Enter');
  await page.waitForFunction(() => !window.ygt.scenario().includes('"communities.0.institutions.0.outpatient_visits"'));
  assert.equal(await page.locator('.field[data-path="communities.0.institutions.0.outpatient_visits"]').getAttribute('class'), 'field');
  assert.notDeepEqual(await chartHashes(page), charts);

  // Add a township centre to the second community, rename it, then remove the village clinics.
  await page.click('.community[data-community="1"] button[data-add="township"]');
  await page.waitForFunction(() => window.ygt.results().years[0].communities === undefined || true);
  assert.equal(await page.locator('.community[data-community="1"] .institution').count(), 4);
  const name = page.locator('.field[data-path="communities.1.institutions.3.name"] input');
  await name.fill('新建中心卫生院');
  await name.press('Enter');
  await page.waitForFunction(() => window.ygt.scenario().includes('新建中心卫生院'));
  await page.click('.community[data-community="1"] .institution[data-institution="2"] .head > button');
  assert.equal(await page.locator('.community[data-community="1"] .institution').count(), 3);
  // Removing the lead hospital is refused with the reason; nothing changes.
  const before = await page.evaluate(() => window.ygt.scenario());
  await page.click('.community[data-community="0"] .institution[data-institution="0"] .head > button');
  assert.match(await page.textContent('#diagnostics'), /牵头医院/);
  assert.equal(await page.evaluate(() => window.ygt.scenario()), before);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const saved = path.join(tmp, 'county.toml');
  await download.saveAs(saved);
  assert.equal(readFileSync(saved, 'utf8'), before);
  const fresh = await openPage(env.browser, env.server.url);
  await fresh.page.setInputFiles('#file', saved);
  await fresh.page.waitForFunction(() => window.ygt.results().scenario.title === '试点县');
  assert.equal(await fresh.page.evaluate(() => window.ygt.scenario()), before);
  assert.deepEqual(await fresh.page.evaluate(() => window.ygt.results()), await page.evaluate(() => window.ygt.results()));
  // The saved file still marks what is estimated; the CLI prints it.
  const printed = execFileSync(ygt, ['run', saved], { encoding: 'utf8' });
  assert.match(printed, /估计值 estimates/);
  assert.deepEqual(problems, []);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  await context.close();
});

async function downloadTemplate(page) {
  await page.click('#tab-county');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#template-xlsx')]);
  const file = path.join(tmp, `template-${Date.now()}.xlsx`);
  await download.saveAs(file);
  return file;
}

test('a template filled in a real .xlsx imports and gives the command line\'s results', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const template = await downloadTemplate(page);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const county = workbook.getWorksheet('县');
  county.getCell('B2').value = '填表县';
  county.getCell('B6').value = 420; // 人均个人缴费, the county's one-year list [400]
  const institutions = workbook.getWorksheet('机构');
  institutions.getCell('F2').value = 950; // the lead hospital's beds
  institutions.getCell('K2').value = 540000; // its visits
  institutions.getCell('O3').value = 95000; // pay at the maternal-child hospital
  // A formula Excel has computed: its value is read, and the page says it came from a formula.
  institutions.getCell('F3').value = { formula: '300+20', result: 320 };
  const filled = path.join(tmp, 'filled.xlsx');
  await workbook.xlsx.writeFile(filled);

  // The sheet's county goes into the scenario open in the page: its reform and title stay.
  const current = path.join(tmp, 'current.toml');
  writeFileSync(current, await page.evaluate(() => window.ygt.scenario()));
  const titleBefore = await page.evaluate(() => window.ygt.results().scenario.title);
  await page.setInputFiles('#sheet-file', filled);
  await page.waitForFunction(() => window.ygt.results().scenario.county === '填表县');
  const web = await page.evaluate(() => window.ygt.results());
  assert.equal(web.scenario.title, titleBefore);
  // Six values changed, named as people read them (the per-capita contribution with its year).
  assert.match(await page.textContent('#diagnostics'), /已导入县情:6 项数值改变:县名、人均个人缴费,第1年、医共体1 · 机构1:床位/);
  assert.match(await page.evaluate(() => window.ygt.scenario()), /individual_per_capita_yuan = \[420\]/);
  assert.match(await page.textContent('#diagnostics'), /机构!F3 = 320.*公式,已取其计算结果/s);
  const imported = path.join(tmp, 'imported.toml');
  execFileSync(ygt, ['import', filled, '--into', current, '-o', imported]);
  const cli = JSON.parse(execFileSync(ygt, ['run', imported, '--json'], { encoding: 'utf8' }));
  assert.deepEqual(web, cli);
  assert.equal(await page.evaluate(() => window.ygt.scenario()), readFileSync(imported, 'utf8'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a template with bad cells names every one and leaves the scenario untouched', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const template = await downloadTemplate(page);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const institutions = workbook.getWorksheet('机构');
  // A formula with no computed value (written by a program that does not calculate): nothing to read.
  institutions.getCell('F2').value = { formula: 'F3*2' };
  institutions.getCell('G3').value = new Date(2024, 0, 15);
  institutions.getCell('H4').value = '7万';
  workbook.getWorksheet('医共体').getCell('B2').value = -10;
  const bad = path.join(tmp, 'bad.xlsx');
  await workbook.xlsx.writeFile(bad);
  const before = await page.evaluate(() => window.ygt.scenario());
  await page.setInputFiles('#sheet-file', bad);
  await page.waitForFunction(() => document.querySelector('#diagnostics').textContent.includes('机构!F2'));
  const shown = await page.textContent('#diagnostics');
  for (const cell of ['医共体!B2', '机构!F2', '机构!G3', '机构!H4']) assert.ok(shown.includes(cell), `${cell} not named in: ${shown}`);
  assert.match(shown, /公式/);
  assert.match(shown, /日期/);
  assert.equal(await page.evaluate(() => window.ygt.scenario()), before);
  // The command line names the same cells and imports nothing.
  let failed = false;
  try { execFileSync(ygt, ['import', bad, '-o', path.join(tmp, 'never.toml')], { stdio: 'pipe' }); } catch (error) { failed = true; assert.match(error.stderr.toString(), /机构!G3/); }
  assert.ok(failed, 'ygt import exits non-zero');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the CSV template downloads as one zip of the three tables, which imports as it is', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  await page.click('#tab-county');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#template-csv')]);
  assert.equal(download.suggestedFilename(), '县情模板-CSV.zip');
  const zip = path.join(tmp, 'template.zip');
  await download.saveAs(zip);
  // The archive holds the three CSV files the command line writes, byte for byte.
  const dir = mkdtempSync(path.join(tmp, 'zip-'));
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
  const current = path.join(tmp, 'zip-current.toml');
  writeFileSync(current, await page.evaluate(() => window.ygt.scenario()));
  const cli = mkdtempSync(path.join(tmp, 'zip-cli-'));
  execFileSync(ygt, ['template', '--from', current, '-o', cli]);
  for (const name of ['县.csv', '医共体.csv', '机构.csv']) {
    assert.deepEqual(readFileSync(path.join(dir, name)), readFileSync(path.join(cli, name)), name);
  }
  // The zip imports unchanged: nothing changes.
  const before = await page.evaluate(() => window.ygt.scenario());
  await page.setInputFiles('#sheet-file', zip);
  await page.waitForFunction(() => document.querySelector('#diagnostics').textContent.includes('已导入县情'));
  assert.match(await page.textContent('#diagnostics'), /已导入县情:0 项数值改变/);
  assert.equal(await page.evaluate(() => window.ygt.scenario()), before);
  // Nothing changed, so nothing is unsaved.
  const saved = await page.textContent('#save-state');
  await page.setInputFiles('#sheet-file', zip);
  await page.waitForFunction(() => document.querySelector('#diagnostics').textContent.includes('已导入县情'));
  assert.equal(await page.textContent('#save-state'), saved);
  assert.doesNotMatch(saved, /未保存/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('CSV files saved as GBK by Chinese Excel or WPS are read, and the page says so', async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url);
  const current = path.join(tmp, 'gbk-current.toml');
  writeFileSync(current, await page.evaluate(() => window.ygt.scenario()));
  const dir = mkdtempSync(path.join(tmp, 'csv-'));
  execFileSync(ygt, ['template', '--from', current, '-o', dir]);
  // 机构.csv re-saved in GBK, as Chinese Excel's "CSV" does (no byte-order mark).
  const institutions = path.join(dir, '机构.csv');
  execFileSync('python3', ['-c', 'import sys; p = sys.argv[1]; t = open(p, encoding="utf-8-sig").read(); open(p, "wb").write(t.encode("gbk"))', institutions]);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(institutions)));
  const before = await page.evaluate(() => window.ygt.scenario());
  await page.setInputFiles('#sheet-file', ['县.csv', '医共体.csv', '机构.csv'].map((name) => path.join(dir, name)));
  await page.waitForFunction(() => document.querySelector('#diagnostics').textContent.includes('已导入县情'));
  const shown = await page.textContent('#diagnostics');
  assert.match(shown, /机构\.csv = GB18030 \(GBK\)/);
  assert.match(shown, /已导入县情:0 项数值改变/);
  assert.equal(await page.evaluate(() => window.ygt.scenario()), before);
  // The command line reads the same files the same way.
  const output = execFileSync(ygt, ['import', ...['县.csv', '医共体.csv', '机构.csv'].map((name) => path.join(dir, name)), '--into', current, '-o', path.join(dir, 'out.toml')], { stdio: 'pipe' });
  assert.equal(readFileSync(path.join(dir, 'out.toml'), 'utf8'), before);
  assert.deepEqual(problems, []);
  await context.close();
});
