// Page benchmark: prints figures, never fails on them. Run by scripts/bench.sh.
//  - lever change to charts redrawn (window.ygt.set resolves after the redraw): median and p95 over
//    100 changes, for the default and the largest shipped scenario, with the core's and the
//    rendering's share;
//  - navigation to the first charts drawn; the page's memory; the wasm file's size.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { root, startServer, launch, openPage } from './harness.mjs';

const quantile = (values, q) => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]; };
const ms = (value) => `${value.toFixed(2)} ms`;

const server = await startServer();
const browser = await launch();
try {
  const firstCharts = [];
  for (let i = 0; i < 5; i++) {
    const { page, context } = await openPage(browser, server.url);
    firstCharts.push(await page.evaluate(() => performance.getEntriesByName('ygt-first-charts')[0].startTime));
    await context.close();
  }
  console.log('# page benchmark (headless Chromium, 1280x720, 127.0.0.1)');
  console.log(`navigation to first charts drawn: median ${ms(quantile(firstCharts, 0.5))}, max ${ms(Math.max(...firstCharts))} (5 loads)`);

  for (const file of ['henan-county.toml', 'luxian-three-communities.toml']) {
    const { page, context } = await openPage(browser, server.url);
    const text = readFileSync(path.join(root, 'scenarios', file), 'utf8');
    await page.evaluate((t) => window.ygt.load(t), text);
    const figures = await page.evaluate(async () => {
      const total = [];
      const framed = [];
      for (let i = 0; i < 110; i++) {
        const started = performance.now();
        await window.ygt.set('reform.per_bed_subsidy_yuan', String(3000 + (i % 21) * 100));
        const drawn = performance.now();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (i >= 10) { total.push(drawn - started); framed.push(performance.now() - started); }
      }
      const measures = (name) => performance.getEntriesByName(name).slice(-100).map((m) => m.duration);
      return { total, framed, core: measures('ygt-core'), render: measures('ygt-render'), controls: measures('ygt-controls'), charts: measures('ygt-charts'), tables: measures('ygt-tables'), wait: measures('ygt-wait'), parse: measures('ygt-results') };
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const memory = await page.evaluate(() => window.ygt.memory());
    console.log(`\n## ${file}: lever change to charts redrawn, 100 changes`);
    console.log(`total (charts redrawn on their canvases)  median ${ms(quantile(figures.total, 0.5))}  p95 ${ms(quantile(figures.total, 0.95))}`);
    console.log(`to the next animation frame (presented)  median ${ms(quantile(figures.framed, 0.5))}  p95 ${ms(quantile(figures.framed, 0.95))}`);
    console.log(`core (validate + run + results)  median ${ms(quantile(figures.core, 0.5))}  p95 ${ms(quantile(figures.core, 0.95))}`);
    console.log(`render (controls, 8 charts, tables)  median ${ms(quantile(figures.render, 0.5))}  p95 ${ms(quantile(figures.render, 0.95))}`);
    console.log(`  of which controls ${ms(quantile(figures.controls, 0.5))}, charts ${ms(quantile(figures.charts, 0.5))}, tables ${ms(quantile(figures.tables, 0.5))}, results and controls JSON ${ms(quantile(figures.parse, 0.5))}; waiting for the coalescing timer ${ms(quantile(figures.wait, 0.5))} (medians)`);
    console.log(`memory: JS heap ${(metrics.JSHeapUsedSize / 1048576).toFixed(1)} MB, wasm linear memory ${(memory.wasmBytes / 1048576).toFixed(1)} MB, DOM nodes ${metrics.Nodes}`);
    await context.close();
  }
  {
    // The Monte Carlo in the page: 1,000 draws on the default scenario in the workers, five runs.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready=true]');
    const runs = await page.evaluate(async () => {
      const times = [];
      document.querySelector('#mc-draws').value = '1000';
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await window.ygt.uncertainty();
        times.push(performance.now() - started);
      }
      return times;
    });
    console.log(`\n## Monte Carlo in the page, 1,000 draws (two workers): median ${ms(quantile(runs, 0.5))}, first ${ms(runs[0])}`);
    // The analyses in the page (tools module, on the main thread): the tornado, the Shapley waterfall
    // and goal-seek for the county consultation rate in the last year; one warm-up, then five runs.
    const analyses = await page.evaluate(async () => {
      await window.ygt.tornado();
      document.querySelector('#an-indicator').value = 'county_consultation_rate';
      document.querySelector('#an-target').value = '0.91';
      const times = {};
      for (const name of ['tornado', 'waterfall', 'seek']) {
        times[name] = [];
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          await window.ygt[name]();
          times[name].push(performance.now() - started);
        }
      }
      return times;
    });
    for (const [name, times] of Object.entries(analyses)) console.log(`${name} in the page: median ${ms(quantile(times, 0.5))}`);
    await context.close();
  }
  const wasm = readFileSync(path.join(root, 'www/pkg/ygt_bg.wasm'));
  const sheets = readFileSync(path.join(root, 'www/pkg/ygt_tools_bg.wasm'));
  const gz = (bytes) => `${(bytes.length / 1024).toFixed(0)} KB raw, ${(zlib.gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KB gzipped`;
  console.log(`\nwasm at first load: ${gz(wasm)}; tools module (spreadsheets, analyses), loaded on first use: ${gz(sheets)}`);
} finally {
  await browser.close();
  server.stop();
}
