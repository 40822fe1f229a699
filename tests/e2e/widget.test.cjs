'use strict';
// Embedding by script (issue #9): tests/embed/host.html includes the built app's
// adjoint-widget.js and holds three `[data-adjoint]` elements. Each must mount its own
// widget in a shadow root (its own graph, mode and step from its data attributes), step
// independently (its Next button, and the keyboard only while it has focus), leave the
// host's URL alone, fit its element, and keep styles from crossing the boundary either
// way — all under the host page's strict CSP, with no console error.
//
// The host page is served at <app>/embed-test/ by Playwright routing from tests/embed/, so
// it is same-origin with the app wherever the app is served from (scripts/test.sh's dist/
// or a helper's own dist).
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:<port>/ node --test tests/e2e/widget.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { BASE_URL, launchBrowser, watchPage, screenshot, assertClean } = require('./helpers.cjs');

const TIMEOUT = { timeout: 120_000 };
const HOST_DIR = path.join(__dirname, '..', 'embed');
const HOST_URL = new URL('embed-test/host.html', BASE_URL).href;
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css' };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
});

/** Opens the host page with its files routed from tests/embed/ and CSP violations recorded. */
async function openHost() {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  const watched = watchPage(page);
  await page.route(`${new URL('embed-test/', BASE_URL).href}**`, (route) => {
    const name = path.basename(new URL(route.request().url()).pathname);
    const file = path.join(HOST_DIR, name);
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({
      status: 200,
      contentType: TYPES[path.extname(name)] || 'application/octet-stream',
      body: fs.readFileSync(file),
    });
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample || ''}`),
    );
  });
  await page.goto(HOST_URL, { waitUntil: 'load' });
  for (const id of ['w1', 'w2', 'w3']) {
    await page.locator(`#${id} svg[data-testid=graph] g[data-testid=graph-node]`).first().waitFor({ timeout: 30_000 });
  }
  return { page, ...watched };
}

/** The step number each widget shows (`Step k / n`). */
async function steps(page) {
  const out = {};
  for (const id of ['w1', 'w2', 'w3']) {
    const text = await page.locator(`#${id} [data-testid=step]`).textContent();
    const m = /Step (\d+) \//.exec(text);
    assert.ok(m, `${id}: ${text}`);
    out[id] = Number(m[1]);
  }
  return out;
}

test('three widgets mount from their data attributes and step independently', TIMEOUT, async (t) => {
  const app = await openHost();
  const { page } = app;
  try {
    // Each widget lives in its own open shadow root, inside a `.adjoint-root`.
    const shadows = await page.evaluate(() =>
      ['w1', 'w2', 'w3'].map((id) => {
        const root = document.getElementById(id).shadowRoot;
        return root ? root.querySelectorAll('.adjoint-root .app.is-widget').length : -1;
      }),
    );
    assert.deepEqual(shadows, [1, 1, 1]);
    // An <li> cannot have a shadow root: it says so in words.
    assert.match(await page.textContent('#bad'), /cannot show a widget in this <li>.*<div data-adjoint>/);
    assert.equal(await page.locator('header.app-header').count(), 0, 'no app header in a widget');
    assert.equal(await page.locator('body > .app').count(), 0, 'the full app is not mounted on the host');

    // Their own views: the lecture example at step 3, another program in reverse mode at
    // step 2, forward mode at step 0 (and its tabs say so).
    assert.deepEqual(await steps(page), { w1: 3, w2: 2, w3: 0 });
    assert.equal(await page.inputValue('#w1 #program'), 'ln(x1)+x1*x2-sin(x2)');
    assert.equal(await page.inputValue('#w2 #program'), 'x*y + sin(x)');
    assert.equal(await page.locator('#w3 #program').count(), 0, 'data-hide="editor" hides the editor');
    const nodes = async (id) => page.locator(`#${id} svg[data-testid=graph] g[data-testid=graph-node]`).count();
    const [n1, n2, n3] = [await nodes('w1'), await nodes('w2'), await nodes('w3')];
    assert.ok(n1 > 0 && n2 > 0 && n3 > 0, `${n1} ${n2} ${n3}`);
    assert.notEqual(n1, n2, 'a different program draws a different graph');
    const w2Labels = await page.locator('#w2 svg[data-testid=graph]').textContent();
    assert.match(w2Labels, /\by\b/, w2Labels);

    // "Open in Adjoint" leads to the full app next to the loader, on the widget's view.
    const full = await page.getAttribute('#w1 #open-full', 'href');
    assert.ok(full.startsWith(`${BASE_URL}?v=2&mode=extended&step=3&`), full);
    assert.doesNotMatch(full, /embed=1/, full);

    // The Next button of widget 2 moves widget 2 only.
    await page.click('#w2 #next');
    await page.waitForFunction(() => /Step 3 \//.test(document.getElementById('w2').shadowRoot.querySelector('[data-testid=step]').textContent));
    assert.deepEqual(await steps(page), { w1: 3, w2: 3, w3: 0 });

    // The keyboard steps the widget that has focus, and only that one.
    await page.evaluate(() => document.getElementById('w3').shadowRoot.querySelector('.adjoint-root').focus());
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /Step 2 \//.test(document.getElementById('w3').shadowRoot.querySelector('[data-testid=step]').textContent));
    assert.deepEqual(await steps(page), { w1: 3, w2: 3, w3: 2 });
    await page.evaluate(() => document.getElementById('w1').shadowRoot.querySelector('.adjoint-root').focus());
    await page.keyboard.press('End');
    await page.waitForFunction(() => {
      const s = document.getElementById('w1').shadowRoot.querySelector('[data-testid=step]').textContent;
      const m = /Step (\d+) \/ (\d+)/.exec(s);
      return m && m[1] === m[2];
    });
    const afterEnd = await steps(page);
    assert.ok(afterEnd.w1 > 3, `w1 went to its end: ${afterEnd.w1}`);
    assert.deepEqual({ w2: afterEnd.w2, w3: afterEnd.w3 }, { w2: 3, w3: 2 });
    // The lecture's last adjoint in widget 1's table: v̄2 (x2's adjoint) = 1.716.
    assert.match(await page.locator('#w1 [data-testid=adjoint-table]').textContent(), /1\.716/);

    // With the focus on the host page, keys step nothing.
    await page.click('h1');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    await page.waitForTimeout(300);
    assert.deepEqual(await steps(page), afterEnd);

    // The host's URL is the host's: widgets never rewrite it.
    await page.waitForTimeout(400);
    assert.equal(page.url(), HOST_URL);

    // Each widget fills its element's width (960 px, 620 px) and its graph fits inside.
    for (const [id, width] of [['w1', 960], ['w2', 620]]) {
      const box = await page.locator(`#${id}`).boundingBox();
      const graph = await page.locator(`#${id} svg[data-testid=graph]`).boundingBox();
      assert.ok(Math.abs(box.width - width - 8) <= 1, `${id} host box ${box.width}`);
      assert.ok(graph.width > 0.6 * width && graph.x >= box.x && graph.x + graph.width <= box.x + box.width + 1,
        `${id} graph ${JSON.stringify(graph)} in ${JSON.stringify(box)}`);
    }
  } finally {
    const file = await screenshot(page, 'widget-host').catch(() => null);
    if (file) t.diagnostic(`screenshot: ${file}`);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation on the host page');
    await page.close();
  }
  assertClean(t, app);
});

test('styles cross the widget boundary in neither direction; themes apply per widget', TIMEOUT, async (t) => {
  const app = await openHost();
  const { page } = app;
  try {
    const looks = await page.evaluate(() => {
      const style = (el, ...props) => {
        const s = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
      };
      const inside = (id, sel) => document.getElementById(id).shadowRoot.querySelector(sel);
      return {
        hostPanel: style(document.getElementById('host-panel'), 'border-top-width', 'border-top-color', 'background-color', 'padding-top'),
        hostButton: style(document.getElementById('host-button'), 'border-radius', 'font-size', 'padding-top'),
        next: style(inside('w1', '#next'), 'background-color', 'border-top-width', 'border-top-style', 'padding-top', 'font-family'),
        cell: style(inside('w1', '[data-testid=adjoint-table] td'), 'background-color', 'border-top-style'),
        svg: style(inside('w1', 'svg[data-testid=graph]'), 'border-top-width'),
        root1: style(inside('w1', '.adjoint-root'), 'background-color', 'color', 'letter-spacing', 'text-transform', 'font-family'),
        root3: style(inside('w3', '.adjoint-root'), 'background-color', 'color'),
      };
    });
    // Outward: the host's `.panel` and `.button` keep the host's look.
    assert.deepEqual(looks.hostPanel, {
      'border-top-width': '5px', 'border-top-color': 'rgb(0, 0, 255)', 'background-color': 'rgb(200, 255, 200)', 'padding-top': '30px',
    });
    assert.deepEqual(looks.hostButton, { 'border-radius': '0px', 'font-size': '30px', 'padding-top': '20px' });
    // Inward: no yellow, no red dashes, no serif, no uppercase from the host.
    assert.notEqual(looks.next['background-color'], 'rgb(255, 255, 0)', JSON.stringify(looks.next));
    assert.equal(looks.next['border-top-width'], '1px', JSON.stringify(looks.next));
    assert.notEqual(looks.next['border-top-style'], 'dashed');
    assert.notEqual(looks.next['padding-top'], '20px');
    assert.doesNotMatch(looks.next['font-family'], /Georgia/);
    assert.notEqual(looks.cell['background-color'], 'rgb(255, 255, 0)', JSON.stringify(looks.cell));
    assert.notEqual(looks.cell['border-top-style'], 'dashed');
    assert.equal(looks.svg['border-top-width'], '0px');
    assert.equal(looks.root1['letter-spacing'], 'normal');
    assert.equal(looks.root1['text-transform'], 'none');
    assert.doesNotMatch(looks.root1['font-family'], /Georgia/);
    assert.notEqual(looks.root1.color, 'rgb(120, 0, 0)');
    // The theme variables reach the widget: light by default, dark where data-theme=dark.
    assert.equal(looks.root1['background-color'], 'rgb(247, 248, 250)', JSON.stringify(looks.root1));
    assert.equal(looks.root3['background-color'], 'rgb(17, 19, 24)', JSON.stringify(looks.root3));
    assert.equal(looks.root3.color, 'rgb(232, 234, 239)');
  } finally {
    await page.close();
  }
  assertClean(t, app);
});

test('a tensor widget loads the lab from the app, not from the host page, and opens at its step', TIMEOUT, async (t) => {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  const watched = watchPage(page);
  const lab = [];
  page.on('request', (r) => {
    if (/adjoint-web-lab-/.test(r.url())) lab.push(new URL(r.url()).pathname);
  });
  await page.route(`${new URL('embed-test/', BASE_URL).href}**`, (route) => {
    const file = path.join(HOST_DIR, path.basename(new URL(route.request().url()).pathname));
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] || 'application/octet-stream', body: fs.readFileSync(file) });
  });
  try {
    await page.goto(new URL('embed-test/tensor.html', BASE_URL).href, { waitUntil: 'load' });
    await page.locator('#t1 svg[data-testid=graph] g[data-testid=graph-node][data-label="Z"]').waitFor({ timeout: 30_000 });
    const step = await page.evaluate(() => document.getElementById('t1').shadowRoot.querySelector('[data-testid=step]').textContent);
    assert.match(step, /Step 2 \//);
    assert.equal(await page.locator('#t1 svg[data-testid=graph] g[data-testid=graph-node][data-label="W"]').getAttribute('data-shape'), '2×1');
    const appDir = new URL(BASE_URL).pathname;
    assert.ok(lab.length >= 2 && lab.every((p) => p.startsWith(appDir) && !p.includes('embed-test')), `lab fetched from the app's folder: ${lab}`);
  } finally {
    const file = await screenshot(page, 'widget-tensor').catch(() => null);
    if (file) t.diagnostic(`screenshot: ${file}`);
    await page.close();
  }
  assertClean(t, watched);
});
