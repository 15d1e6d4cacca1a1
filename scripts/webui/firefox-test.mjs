// Browser tests of the web app in a Firefox-class renderer: puppeteer-core
// drives Debian's firefox-esr over WebDriver BiDi (no browser is
// downloaded) against a running argmap server holding the demo store. It
// checks what depends on the renderer: every map label fits its box
// (documents, a claim, the claim coloured by the evaluation, its print view,
// the explorer), the maps draw, pages load without console errors, and how
// long they take. Usage:
//   node firefox-test.mjs BASE_URL SCREENSHOT_DIR
// Environment: FIREFOX (the browser binary, default /usr/bin/firefox-esr).
// Exits non-zero after printing the failed checks.
import puppeteer from 'puppeteer-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { atFullSize, overflowingLabels, labelCount, fitMaps, navigationMs, mapOpen } from './labels.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const shots = process.argv[3] || '/tmp/argmap-webui-shots';
mkdirSync(shots, { recursive: true });

const failures = [];
const loads = [];
function check(ok, msg) {
  if (!ok) { failures.push(msg); console.error('FAIL: firefox: ' + msg); } else { console.log('ok   firefox: ' + msg); }
}

const browser = await puppeteer.launch({
  browser: 'firefox',
  protocol: 'webDriverBiDi',
  executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
  headless: true,
});
const consoleErrors = [];
try {
  console.log('firefox: ' + await browser.version());
  for (const [w, h, tag] of [[1400, 900, 'desktop'], [390, 844, 'phone']]) {
    const page = await browser.newPage();
    await page.setViewport({ width: w, height: h });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(page.url() + ': ' + m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(page.url() + ': ' + e.message));
    const visit = async (url, name) => {
      await page.goto(base + url, { waitUntil: 'load' });
      loads.push({ name: tag + ' ' + name, ms: await page.evaluate(navigationMs) });
    };
    // checkMap waits for the page's map, takes the screenshot shot (if
    // any) as the page opened, and checks the map's labels at 100 % zoom.
    const checkMap = async (what, shot) => {
      await page.waitForSelector('.map[data-ready]', { timeout: 20000 });
      check(await page.$eval('.map[data-ready]', (m) => m.getAttribute('data-ready')) === '1', `${tag}: the ${what} map is drawn`);
      if (shot) await page.screenshot({ path: path.join(shots, `firefox-${tag}-${shot}.png`) });
      if (!what.startsWith('print')) {
        // As it opens, the map can be read: its focus node's text at least
        // 9 px high and the node in the box.
        const o = await page.evaluate(mapOpen);
        check(o.textPx >= 9 && o.inside, `${tag}: the ${what} map opens readable, its focus in view (${o.why})`);
      }
      await page.evaluate(atFullSize);
      const n = await page.evaluate(labelCount);
      const bad = await page.evaluate(overflowingLabels);
      await page.evaluate(fitMaps);
      check(n > 0 && bad.length === 0, `${tag}: all ${n} labels of the ${what} map fit their boxes (${bad.slice(0, 3).join(' | ')})`);
    };

    await visit('/', 'documents');
    const docs = await page.$$eval('a.doc-link', (as) => as.map((a) => a.getAttribute('href')));
    check(docs.length >= 5, `${tag}: the documents list has ${docs.length} documents`);
    await page.screenshot({ path: path.join(shots, `firefox-${tag}-01-documents.png`) });
    // Every document's own map: the bold main-claim labels are the ones
    // that once spilled out of their boxes.
    for (const [i, d] of docs.entries()) {
      await visit(d, 'document');
      await checkMap('document ' + (i + 1), i === 1 ? '02-document' : '');
    }
    await visit('/ui/search?q=' + encodeURIComponent('the voluntariness of assisted voluntary return is contested'), 'search');
    check(await page.$$eval('.props a.best', (as) => as.length) > 0, `${tag}: search answers with propositions`);
    const best = await page.$eval('.props a.best', (a) => a.getAttribute('href'));
    await visit(best, 'claim');
    await checkMap('claim', '03-claim');
    // The same map coloured by the evaluation (badged labels), and its print view.
    await visit(best + (best.includes('?') ? '&' : '?') + 'labels=1', 'claim');
    await checkMap('evaluated claim');
    const claimID = best.replace(/^\/ui\/claims\/([^?]+).*$/, '$1');
    await visit('/ui/print/' + claimID, 'print');
    await checkMap('print');
    await visit('/ui/explore', 'explore');
    await checkMap('explorer', '04-explore');
    await page.close();
  }
} catch (e) {
  failures.push('exception: ' + (e && e.stack || e));
  console.error(e);
} finally {
  await browser.close();
}

check(consoleErrors.length === 0, `no console errors on any page (${consoleErrors.slice(0, 5).join(' | ')})`);
const ms = loads.map((l) => l.ms).sort((a, b) => a - b);
const median = ms[Math.floor(ms.length / 2)] || 0;
console.log('firefox page loads (ms, request start to load event): ' + loads.map((l) => `${l.name} ${l.ms.toFixed(0)}`).join(', '));
console.log(`firefox page load median ${median.toFixed(0)} ms, max ${(ms[ms.length - 1] || 0).toFixed(0)} ms over ${ms.length} loads`);
if (failures.length) {
  console.error(`${failures.length} Firefox checks failed`);
  process.exit(1);
}
