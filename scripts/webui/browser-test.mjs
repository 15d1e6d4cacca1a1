// Browser tests of the web app: playwright-core drives the system's
// Chromium (Debian's package; no browser is downloaded) against a running
// argmap server holding the demo store. Usage:
//   node browser-test.mjs BASE_URL SCREENSHOT_DIR
// Environment: ARGMAP_TEST_TOKEN (a write token, "name:token" is not needed
// here: the token itself), CHROMIUM (the browser binary, default
// /usr/bin/chromium). Exits non-zero on the first failed check, after
// printing what failed; prints page load times at the end.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { atFullSize, overflowingLabels, fitMaps, navigationMs, mapFit, mapOpen } from './labels.mjs';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const shots = process.argv[3] || '/tmp/argmap-webui-shots';
const token = process.env.ARGMAP_TEST_TOKEN || '';
mkdirSync(shots, { recursive: true });

const failures = [];
const loads = [];
function check(ok, msg) {
  if (!ok) { failures.push(msg); console.error('FAIL: ' + msg); } else { console.log('ok   ' + msg); }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const consoleErrors = [];
// Set while a test makes a request the server must refuse: the browser logs
// the refused request itself as a console error.
let expectRefusal = false;

async function newPage(width, height) {
  const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (expectRefusal && /status of 401/.test(m.text())) return;
    consoleErrors.push(page.url() + ': ' + m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(page.url() + ': ' + e.message));
  return page;
}

// visit opens url and records the page's load time from the browser's
// navigation timing (request start to the load event).
async function visit(page, url, name) {
  const resp = await page.goto(base + url, { waitUntil: 'load' });
  const t = await page.evaluate(navigationMs);
  if (name) loads.push({ name, ms: t });
  return resp;
}

async function mapReady(page, sel = '.map[data-map]') {
  await page.waitForSelector(sel + '[data-ready]', { timeout: 20000 });
  return page.getAttribute(sel, 'data-ready');
}

// opensReadable checks that the page's map opens readable: the focus
// node's text at least 9 px high as drawn and the node inside the map's box
// (a map whose fitted text is that large opens fitted), and that Fit then
// shows the whole drawing. what names the map in messages.
async function opensReadable(page, tag, what) {
  const o = await page.evaluate(mapOpen);
  check(o.textPx >= 9 && o.inside, `${tag}: the ${what} map opens readable, its focus in view (${o.why})`);
  return o;
}

async function fitsOnFit(page, tag, what) {
  await page.click('.map-bar button[title="Fit the map to the box"]');
  await page.waitForTimeout(100);
  const f = await page.evaluate(mapFit);
  check(f.ok, `${tag}: Fit shows the whole ${what} map (${f.why})`);
  check(await page.locator('.map-note').isHidden(), `${tag}: a fitted ${what} map has no "zoomed in" note`);
}

async function shoot(page, name) {
  await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: false });
}

// labelsFit checks that every text of every map node lies inside the node's
// shape, as the browser lays it out at 100 % zoom.
async function labelsFit(page) {
  await page.evaluate(atFullSize);
  const bad = await page.evaluate(overflowingLabels);
  await page.evaluate(fitMaps);
  return bad;
}

try {
  for (const [w, h, tag] of [[1400, 900, 'desktop'], [390, 844, 'phone']]) {
    const page = await newPage(w, h);

    // Documents list.
    await visit(page, '/', 'documents');
    const rows = await page.locator('table.docs tbody tr').count();
    check(rows >= 5, `${tag}: documents list has ${rows} rows, want at least 5`);
    // Dates and kinds stay on one line; an empty cell takes no room on a phone.
    const wrapped = await page.locator('table.docs td[data-label="Date"], table.docs td[data-label="Kind"]').evaluateAll((tds) =>
      tds.filter((td) => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length > 1; }).map((td) => td.textContent));
    check(wrapped.length === 0, `${tag}: document dates and kinds are not broken over lines (${wrapped.join(', ')})`);
    const emptyShown = await page.locator('table.docs td').evaluateAll((tds) => tds.filter((td) => td.textContent.trim() === '' && getComputedStyle(td).display !== 'none').length);
    if (tag === 'phone') check(emptyShown === 0, `${tag}: no empty document cell takes room (${emptyShown} shown, each with its margin)`);
    await shoot(page, tag + '-01-documents');

    // Search → claim → supporters → the quoted source at its span.
    await page.fill('#q', 'the voluntariness of assisted voluntary return is contested');
    await Promise.all([page.waitForNavigation(), page.press('#q', 'Enter')]);
    const hits = await page.locator('ol.hits li').count();
    check(hits > 0, `${tag}: search finds ${hits} claims`);
    check(await page.locator('a.best').count() > 0, `${tag}: search answers with the matching propositions`);
    // Each proposition once, with the sources stating it; stance, who
    // asserts each passage, and the evaluation labels.
    const props = page.locator('.props li.prop');
    const propTexts = await props.locator('a.best').allInnerTexts();
    const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    check(new Set(propTexts.map(norm)).size === propTexts.length, `${tag}: each proposition is shown once (${propTexts.length})`);
    check(await props.locator('.stated-by a').count() >= propTexts.length, `${tag}: every proposition lists the sources stating it`);
    check(await page.locator('.props .badge').first().innerText() !== '', `${tag}: propositions say whether they state or deny the question`);
    check(await page.locator('.props .ev[data-label]').count() > 0, `${tag}: propositions carry their evaluation label`);
    check(/Evaluation \(\w+\): /.test(await page.locator('[data-verdict]').innerText()), `${tag}: the answer gives the evaluation's verdict`);
    // The verdict and the top proposition's label are one reading: an open
    // closest proposition is not summed up as "it stands".
    {
      const verdict = (await page.locator('[data-verdict]').innerText()).replace(/^Evaluation \(\w+\): /, '');
      const top = await props.first().evaluate((li) => ({ match: li.dataset.match, label: li.querySelector('.ev[data-label]')?.dataset.label }));
      const agrees = top.label === 'undec' ? verdict.startsWith('open')
        : (top.label === 'in') === (top.match !== 'denial') ? !/^(it does not stand|open)/.test(verdict) : !/^(it stands|open)/.test(verdict);
      check(!top.label || agrees, `${tag}: the verdict agrees with the top proposition's label (${top.match} ${top.label}: "${verdict}")`);
    }
    const qs = page.locator('.answer .backings li.q');
    check(await qs.count() > 0, `${tag}: the answer quotes the supporting and contesting sources`);
    const asserted = await qs.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-asserted-by')));
    check(asserted.every((a) => a && a.length > 0), `${tag}: every quoted passage says who asserts it (${[...new Set(asserted)].join(', ')})`);
    check(await page.locator('.answer li.q[data-stance="same"] .qmeta .badge, .answer li.q[data-stance="denial"] .qmeta .badge').count() > 0, `${tag}: passages that state or deny the question say so`);
    // Chains: which question of the demo store reaches passages through
    // relations depends on what extraction and stance make of it, so the
    // API is asked which of a few questions does, and that answer's page
    // must show every chain the API gives.
    {
      const askAPI = async (q) => (await (await fetch(`${base}/v1/supporters?full=true&q=${encodeURIComponent(q)}`)).json());
      const chained = (a) => [...(a.supporting || []), ...(a.contesting || [])].flatMap((b) => b.quotes || []).filter((x) => (x.chain || []).length > 0).length;
      let chainQ = '', want = 0;
      for (const q of ['the voluntariness of assisted voluntary return is contested', 'IOM is a tool of states', 'IOM enforces the exclusion of asylum seekers', 'assisted voluntary return is voluntary', 'IOM is a humanitarian agency']) {
        want = chained(await askAPI(q));
        if (want > 0) { chainQ = q; break; }
      }
      check(chainQ !== '', `${tag}: some demo question reaches passages through relations (${chainQ || 'none of five'})`);
      if (chainQ) {
        const cp = await newPage(page.viewportSize().width, page.viewportSize().height);
        await visit(cp, '/ui/search?q=' + encodeURIComponent(chainQ));
        const shown = await cp.locator('.answer li.q .chain').count();
        check(shown > 0 && shown <= want && await cp.locator('.answer li.q .chain li').count() >= shown, `${tag}: passages reached through relations show the chain (${shown} shown, ${want} in the answer, "${chainQ}")`);
        await cp.context().close();
      }
    }
    // Everything the API's answer carries is on the page: the posters of a
    // thread (each side under its posters), who asserts each passage, and
    // with full=1 every passage and whole quotes; a question nothing states
    // lists the closest propositions.
    {
      const askAPI = async (q) => (await (await fetch(`${base}/v1/supporters?full=true&q=${encodeURIComponent(q)}`)).json());
      let threadQ = '', ans = null;
      for (const q of ['assisted voluntary return is genuinely voluntary', 'the voluntariness of assisted voluntary return is contested', 'IOM is a humanitarian agency']) {
        const a = await askAPI(q);
        if ([...(a.supporting || []), ...(a.contesting || [])].some((b) => (b.posters || []).length > 0)) { threadQ = q; ans = a; break; }
      }
      check(threadQ !== '', `${tag}: some demo question is answered by a thread's posters (${threadQ || 'none of three'})`);
      if (threadQ) {
        const tp = await newPage(page.viewportSize().width, page.viewportSize().height);
        await visit(tp, '/ui/search?q=' + encodeURIComponent(threadQ));
        const side = async (sel, list) => {
          const want = list.flatMap((b) => b.posters || []).sort();
          const got = (await tp.locator(`.answer ${sel} .posters .poster`).allInnerTexts()).sort();
          check(JSON.stringify(got) === JSON.stringify(want), `${tag}: ${sel} shows the posters the API names (${got.join(', ')}; want ${want.join(', ')})`);
        };
        await side('.supporting', ans.supporting || []);
        await side('.contesting', ans.contesting || []);
        const voiced = await tp.locator('.answer li.q[data-posted-by]').evaluateAll((ls) => ls.map((l) => [l.getAttribute('data-posted-by'), l.querySelector('.qmeta .voice').textContent]));
        check(voiced.length > 0 && voiced.every(([p, w]) => w.includes(p)), `${tag}: a poster's passage names its poster (${voiced.length} passages)`);
        await tp.locator('.answer .backings').first().scrollIntoViewIfNeeded();
        await shoot(tp, tag + '-02b-thread');
        const all = [...(ans.supporting || []), ...(ans.contesting || [])].flatMap((b) => b.quotes || []);
        const link = tp.locator('[data-full-link]');
        if (await link.count() > 0) {
          await Promise.all([tp.waitForNavigation(), link.click()]);
        } else {
          await visit(tp, '/ui/search?q=' + encodeURIComponent(threadQ) + '&full=1');
        }
        check(await tp.locator('[data-full]').count() === 1, `${tag}: full=1 says it shows everything`);
        const shownQ = (await tp.locator('.answer li.q a.quote').allInnerTexts()).map((x) => x.replace(/^“|”$/g, ''));
        const ws = (x) => x.replace(/\s+/g, ' ').trim();
        check(shownQ.length === all.length && all.every((q) => shownQ.includes(ws(q.quote))), `${tag}: full=1 shows every passage whole (${shownQ.length} of ${all.length})`);
        await visit(tp, '/ui/search?q=' + encodeURIComponent('IOM sells ferries'));
        const none = await askAPI('IOM sells ferries');
        if ((none.propositions || []).length === 0 && (none.suggestions || []).length > 0) {
          check(await tp.locator('[data-suggestions] li').count() === none.suggestions.length, `${tag}: a question nothing states lists the API's ${none.suggestions.length} closest propositions`);
          await shoot(tp, tag + '-02c-suggestions');
        }
        await tp.context().close();
      }
    }
    check(await page.locator('.hits .ev[data-label]').count() > 0, `${tag}: matching claims carry their evaluation label`);
    await shoot(page, tag + '-02-search');
    await Promise.all([page.waitForNavigation(), page.click('a.best')]);
    loads.push({ name: 'claim', ms: await page.evaluate(navigationMs) });
    check(await page.locator('.claim-text').count() === 1, `${tag}: the best match opens a claim page`);
    const quotes = page.locator('.backings .quote');
    const nq = await quotes.count();
    check(nq > 0, `${tag}: the claim page lists ${nq} supporting or contesting quotes`);
    check(await page.locator('.supporting h2').count() === 1 && await page.locator('.contesting h2').count() === 1, `${tag}: supporters and contesters are both shown`);
    check(await page.locator('.verdict-line .ev[data-label]').count() === 1, `${tag}: the claim page shows the claim's evaluation label`);
    check(await page.locator('.stated .stated-source .quote').count() > 0, `${tag}: the claim page lists the sources stating its proposition`);
    check(await page.locator('.backings li.q[data-asserted-by] .qmeta').count() === nq, `${tag}: every quote on the claim page says who asserts it`);
    await mapReady(page);
    await opensReadable(page, tag, 'claim');
    await page.locator('.map').scrollIntoViewIfNeeded();
    await shoot(page, tag + '-03-claim-map');
    await fitsOnFit(page, tag, 'claim');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, tag + '-03-claim');
    {
      // A map small enough to be read fitted opens fitted: the claim whose
      // map one relation deep is the smallest drawing in the store.
      const claims = (await (await fetch(`${base}/v1/claims?limit=200`)).json()).items || [];
      let small = null;
      for (const c of claims) {
        const svg = await (await fetch(`${base}/v1/claims/${c.id}/map.svg?depth=1`)).text();
        const vb = (svg.match(/viewBox="([^"]*)"/) || [, ''])[1].split(/\s+/).map(Number);
        if (vb.length === 4 && (!small || vb[2] * vb[3] < small.area)) small = { id: c.id, area: vb[2] * vb[3], w: vb[2], h: vb[3] };
      }
      const sp = await newPage(page.viewportSize().width, page.viewportSize().height);
      await visit(sp, `/ui/claims/${small.id}?depth=1`);
      await mapReady(sp);
      const o = await opensReadable(sp, tag, `small (${small.w}×${small.h})`);
      if (tag === 'desktop') {
        check(o.fitted && await sp.locator('.map-note').isHidden(), `${tag}: a map readable when fitted opens fitted, with no note (${o.why})`);
      }
      await sp.context().close();
    }
    // The map coloured by the evaluation: every node badged, labels fitting.
    await Promise.all([page.waitForNavigation(), page.check('input[data-labels]')]);
    check(page.url().includes('labels=1'), `${tag}: ticking "evaluation" reloads the claim with labels (${page.url()})`);
    await mapReady(page);
    const badges = await page.locator('.map svg g.map-node text').evaluateAll((ts) => ts.filter((t) => /^\[(IN|OUT|UNDECIDED)\]$/.test(t.textContent.trim())).length);
    check(badges > 0, `${tag}: the claim map shows ${badges} evaluation badges`);
    await shoot(page, tag + '-03-claim-evaluated');
    const badLabelled = await labelsFit(page);
    check(badLabelled.length === 0, `${tag}: every label fits its box on the evaluated map (${badLabelled.slice(0, 3).join(' | ')})`);
    if (nq > 0) {
      const q = (await quotes.first().innerText()).replace(/^“|”$/g, '').replace(/…$/, '').replace(/\s+/g, ' ').trim();
      await Promise.all([page.waitForNavigation(), quotes.first().click()]);
      const at = page.locator('#at');
      check(await at.count() === 1, `${tag}: the quote opens its source with the span marked`);
      const atText = (await at.innerText()).replace(/\s+/g, ' ').trim();
      check(atText.startsWith(q.slice(0, 60)), `${tag}: the marked span is the quote (${JSON.stringify(atText.slice(0, 50))} vs ${JSON.stringify(q.slice(0, 50))})`);
      await page.waitForTimeout(200);
      const rect = await at.evaluate((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, h: window.innerHeight, y: window.scrollY }; });
      check(rect.bottom > 0 && rect.top < rect.h, `${tag}: the page is scrolled to the quoted span (${JSON.stringify(rect)})`);
      await shoot(page, tag + '-04-source-at-span');
    }

    // A document page: highlights and its own map.
    await visit(page, '/', null);
    const docURL = await page.locator('a.doc-link').nth(1).getAttribute('href');
    await visit(page, docURL, 'document');
    const claimsHl = await page.locator('.doc-text .hl-claim, .doc-text .hl-main').count();
    const evHl = await page.locator('.doc-text .hl-evidence').count();
    check(claimsHl > 0 && evHl > 0, `${tag}: document highlights ${claimsHl} claims and ${evHl} evidence`);
    check(await mapReady(page) === '1', `${tag}: the document's map is drawn`);
    await opensReadable(page, tag, 'document');
    const docNodes = await page.locator('.map svg g.map-node').count();
    check(docNodes > 2, `${tag}: the document map has ${docNodes} clickable nodes`);
    await shoot(page, tag + '-05-document');
    await fitsOnFit(page, tag, 'document');
    // The larger map fills the window below its bar, however many lines the bar takes.
    await page.click('.map-bar button[title="Larger map"]');
    await page.waitForTimeout(150);
    const wide = await page.evaluate(() => {
      const m = document.querySelector('.map.map-wide'), st = m && m.querySelector('.map-stage');
      if (!st) return null;
      const b = m.getBoundingClientRect(), s = st.getBoundingClientRect();
      return { inside: s.bottom <= b.bottom + 1 && s.top >= b.top, stage: [Math.round(s.top), Math.round(s.bottom)], box: [Math.round(b.top), Math.round(b.bottom)] };
    });
    check(wide && wide.inside, `${tag}: the larger document map's drawing area lies inside its box (${JSON.stringify(wide)})`);
    await shoot(page, tag + '-05-document-larger');
    await page.click('.map-bar button[title="Larger map"]');
    await page.waitForTimeout(150);
    const bad = await labelsFit(page);
    check(bad.length === 0, `${tag}: every label fits its box on the document map (${bad.slice(0, 3).join(' | ')})`);

    // A piece of evidence opens its own page: its passage marked in the text
    // around it, its source, and what it supports or contests by text.
    {
      const evLink = page.locator('.doc-text a.hl-evidence').first();
      const evText = (await evLink.innerText()).replace(/\s+/g, ' ').trim();
      await Promise.all([page.waitForNavigation(), evLink.click()]);
      check(/\/ui\/evidence\/evd_/.test(page.url()), `${tag}: a highlighted piece of evidence opens its own page (${page.url()})`);
      const marked = (await page.locator('.in-context mark').first().innerText()).replace(/\s+/g, ' ').trim();
      check(marked === evText, `${tag}: the evidence page marks the passage in its context ("${marked.slice(0, 60)}")`);
      check(await page.locator('.evidence-source a.src').count() > 0, `${tag}: the evidence page names its source`);
      check(/^Attributed to: \S/.test(await page.locator('[data-attributed]').innerText()), `${tag}: the evidence page says who it is attributed to`);
      const bears = await page.locator('.relations').innerText();
      check(!/\b(clm|rel|evd|src)_[a-z0-9]{6,}/.test(bears), `${tag}: what the evidence bears on is said by text, not IDs`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(wide <= 1, `${tag}: the evidence page is no wider than the screen (${wide} px over)`);
      await shoot(page, tag + '-05b-evidence');
    }

    // The explorer: zoom, click to select, double-click to centre.
    await visit(page, '/ui/explore', 'explore');
    check(await mapReady(page) === '1', `${tag}: the explorer draws a map`);
    const exploreOpen = await opensReadable(page, tag, 'explorer');
    check(exploreOpen.fitted || await page.locator('.map-note').isVisible(), `${tag}: an explorer map opened zoomed in says that Fit shows all of it`);
    await shoot(page, tag + '-06-explore'); // as it opens: readable, on its focus
    // The lists of main claims and connected arguments show every item whole
    // (no box that cuts one off half way).
    const clipped = await page.locator('.explore-side ul.mains').evaluateAll((uls) => uls.flatMap((ul) => {
      const box = ul.getBoundingClientRect();
      return Array.from(ul.children).filter((li) => li.getBoundingClientRect().bottom > box.bottom + 1).map((li) => li.textContent.slice(0, 40));
    }));
    check(clipped.length === 0, `${tag}: the explorer's lists show every item whole (${clipped.length} cut off: ${clipped.slice(0, 2).join(' | ')})`);
    {
      // A new window size redoes the opening view of a map the user has not moved.
      const size = page.viewportSize();
      await page.setViewportSize({ width: size.width - 40, height: size.height - 40 });
      await page.waitForTimeout(150);
      await opensReadable(page, tag + ' (window resized)', 'explorer');
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
    }
    const vp = page.locator('.map svg .svg-pan-zoom_viewport');
    const before = await vp.getAttribute('transform');
    await page.click('.map-bar button[title="Zoom in"]');
    await page.waitForTimeout(150);
    const after = await vp.getAttribute('transform');
    check(before !== after, `${tag}: zoom in changes the view (${before} → ${after})`);
    // A new window size keeps the zoom the user chose (an unmoved map is refitted).
    const zoomOf = () => page.evaluate(() => document.querySelector('.map').svgPanZoom.getSizes().realZoom);
    const zoomed = await zoomOf();
    const size = page.viewportSize();
    await page.setViewportSize({ width: size.width - 30, height: size.height });
    await page.waitForTimeout(150);
    const zoomedAfter = await zoomOf();
    await page.setViewportSize(size);
    check(Math.abs(zoomedAfter - zoomed) < 1e-6, `${tag}: resizing the window keeps the user's zoom (${zoomed} → ${zoomedAfter})`);
    await page.click('.map-bar button[title="Fit the map to the box"]');
    const bad2 = await labelsFit(page);
    check(bad2.length === 0, `${tag}: every label fits its box on the explorer map (${bad2.slice(0, 3).join(' | ')})`);
    const node = page.locator('.map svg g.map-node[id^="clm_"]').first();
    const nodeID = await node.getAttribute('id');
    await node.click();
    check(await page.locator('.node-info:not([hidden]) .node-text').count() === 1, `${tag}: clicking a node shows it`);
    check(await node.evaluate((g) => g.classList.contains('selected')), `${tag}: the clicked node is selected`);
    await shoot(page, tag + '-06-explore-selected');
    await Promise.all([page.waitForNavigation(), node.dblclick()]);
    check(page.url().includes('focus=' + nodeID), `${tag}: double-clicking a node centres the map on it (${page.url()})`);
    await mapReady(page);
    check(await page.locator(`.map svg g.map-node#${nodeID}.focus`).count() === 1, `${tag}: the new map is focused on the node`);

    // Keyboard: Tab reaches map nodes, Enter selects.
    await page.focus('.map-stage');
    await page.keyboard.press('Tab');
    const focusedNode = await page.evaluate(() => document.activeElement && document.activeElement.classList && document.activeElement.classList.contains('map-node'));
    check(focusedNode, `${tag}: Tab moves from the map into its nodes`);
    await page.keyboard.press('Enter');
    check(await page.locator('.node-info:not([hidden])').count() === 1, `${tag}: Enter selects the focused node`);

    // Actor page and the print view.
    await visit(page, docURL, null);
    const actorURL = await page.locator('.doc-side a[href^="/ui/actors/"]').first().getAttribute('href');
    await visit(page, actorURL, 'actor');
    check(await page.locator('h1').count() === 1, `${tag}: an actor page opens`);
    await shoot(page, tag + '-07-actor');
    await visit(page, '/ui/print/' + nodeID, 'print');
    check(await mapReady(page) === '1', `${tag}: the print view draws the map`);
    await shoot(page, tag + '-08-print');
    if (tag === 'desktop') {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: path.join(shots, 'print-a4.pdf'), format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
    }
    await page.context().close();
  }

  // Corrections: refused without a token, then made with one, and both
  // shown in the audit feed.
  {
    const page = await newPage(1400, 900);
    page.on('dialog', (d) => d.accept());
    await visit(page, '/ui/explore', null);
    await mapReady(page);
    const focusID = await page.getAttribute('.map[data-map]', 'data-focus');
    await visit(page, '/ui/claims/' + focusID, null);
    await mapReady(page);
    const before = await page.locator('h1.claim-text').innerText();
    expectRefusal = true;
    await page.click('[data-edit-claim] button[data-action="accept"]');
    await page.waitForSelector('.flash.flash-bad:not([hidden])');
    expectRefusal = false;
    const refused = await page.locator('.flash').innerText();
    check(/To make changes, enter a write token/.test(refused), `without a token an edit is refused with a clear message (${refused})`);
    check(await page.locator('h1.claim-text').innerText() === before, 'without a token the claim is unchanged');
    await shoot(page, 'desktop-09-refused');

    check(token !== '', 'ARGMAP_TEST_TOKEN is set for the edit tests');
    await page.click('[data-token-toggle]');
    await page.fill('#token-in', token);
    await page.press('#token-in', 'Enter');
    check(/Editing enabled/.test(await page.locator('[data-token-toggle]').innerText()), 'the token is taken for this tab');
    const newText = 'Edited in the browser test: <img src=x onerror=alert(1)> & it stays text.';
    await page.click('[data-edit-claim] button[data-action="edit"]');
    await page.fill('#edit-text', newText);
    await Promise.all([page.waitForNavigation(), page.click('.edit-form button[type="submit"]')]);
    check((await page.locator('h1.claim-text').innerText()).trim() === newText, 'the edited claim text is shown, as text');
    check(await page.locator('h1.claim-text img').count() === 0, 'markup in an edited claim does not become markup');
    check(/Claim saved/.test(await page.locator('.flash').innerText()), 'a saved edit is confirmed');

    // Add a relation by picking two nodes on the map.
    await mapReady(page);
    await page.click('[data-link-start]');
    const premise = await page.evaluate((f) => {
      const g = Array.from(document.querySelectorAll('.map svg g.map-node')).find((n) => n.id !== f && n.id.startsWith('clm_'));
      return g && g.id;
    }, focusID);
    check(!!premise, 'the map has another claim to link');
    const clickNode = (id) => page.evaluate((i) => document.getElementById(i).querySelector('text, path, polygon').dispatchEvent(new MouseEvent('click', { bubbles: true })), id);
    await clickNode(premise);
    await clickNode(focusID);
    await page.selectOption('[data-link-kind]', 'contests');
    await shoot(page, 'desktop-10-link');
    await Promise.all([page.waitForNavigation(), page.click('[data-link-create]')]);
    check(/Relation added/.test(await page.locator('.flash').innerText()), 'a relation added by picking two nodes is confirmed');
    check(await page.locator(`.rels li a[href="/ui/claims/${premise}"]`).count() > 0, 'the new relation is listed on the claim');
    check(await page.locator('.history .change').count() >= 2, 'the claim page shows its history');

    // Join two claims into one proposition, picked on the map the same way.
    await mapReady(page);
    const other = await page.evaluate(([f, p]) => {
      const g = Array.from(document.querySelectorAll('.map svg g.map-node')).find((n) => n.id !== f && n.id !== p && n.id.startsWith('clm_'));
      return g && g.id;
    }, [focusID, premise]);
    if (other) {
      await page.click('[data-link-start]');
      await clickNode(other);
      await clickNode(focusID);
      await page.selectOption('[data-link-kind]', 'same');
      await Promise.all([page.waitForNavigation(), page.click('[data-link-create]')]);
      check(/one proposition/.test(await page.locator('.flash').innerText()), 'two claims picked on the map are joined into one proposition');
      check(await page.locator(`.stated[data-proposition] a.other-claim[href="/ui/claims/${other}"]`).count() > 0, 'the claim page lists the joined claim under its one proposition');
      check(/One proposition: \d+ claims state it/.test(await page.locator('.stated h2').innerText()), 'the joined proposition is shown once, with its claims counted');
    }

    await visit(page, '/ui/audit', 'audit');
    const feed = await page.locator('.changes').innerText();
    check(/tester\s+changed claim/.test(feed) && /tester\s+created relation/.test(feed) && (!other || /tester\s+joined/.test(feed)), `the audit feed shows the edit and the new relation by the token's name (${feed.slice(0, 200)})`);
    check((await page.locator('.diff ins').first().innerText()).includes('<img src=x'), 'the feed shows the new text, as text');
    await shoot(page, 'desktop-11-audit');
    await page.context().close();
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
console.log('page loads (ms, request start to load event): ' + loads.map((l) => `${l.name} ${l.ms.toFixed(0)}`).join(', '));
console.log(`page load median ${median.toFixed(0)} ms, max ${(ms[ms.length - 1] || 0).toFixed(0)} ms over ${ms.length} loads`);
check(median <= 300, `median page load ${median.toFixed(0)} ms ≤ 300 ms`);
console.log('screenshots in ' + shots);
if (failures.length) {
  console.error(`${failures.length} browser checks failed`);
  process.exit(1);
}
