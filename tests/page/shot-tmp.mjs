import { startServer, launch, openPage } from './harness.mjs';
const server = await startServer();
const browser = await launch();
const { page, problems } = await openPage(browser, server.url);
await page.click('#workshop summary');
await page.click('#workshop-steps li:nth-child(3) button:nth-of-type(2)');
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/q1.png' });
await page.keyboard.press(' ');
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/q2.png' });
for (const [w, h, f, name] of [[1280, 720, 1.5, 'q3'], [390, 844, 1, 'q4']]) {
  const ctx = await browser.newContext({ viewport: { width: Math.round(w / f), height: Math.round(h / f) }, deviceScaleFactor: f });
  const p = (await openPage(browser, server.url, { context: ctx })).page;
  await p.click('#workshop summary');
  await p.click('#workshop-steps li:nth-child(3) button:nth-of-type(2)');
  await p.keyboard.press(' ');
  await p.waitForTimeout(300);
  await p.screenshot({ path: `/tmp/${name}.png`, fullPage: false });
}
console.log(problems);
await browser.close(); server.stop();
