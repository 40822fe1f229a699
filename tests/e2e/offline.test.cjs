'use strict';
// Offline (issue #9): the app registers web/sw.js, which caches the page and its hashed
// files; once it controls the page, the app reloads and works with the network cut — the
// lecture example draws and steps to its end, v̄2 = 1.716; the tensor lab and the Chinese
// strings, fetched only on demand, work offline too.
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:<port>/ node --test tests/e2e/offline.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, launchBrowser, watchPage, screenshot, assertClean } = require('./helpers.cjs');

const TIMEOUT = { timeout: 120_000 };
const GRAPH_NODE = 'svg[data-testid=graph] g[data-testid=graph-node]';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
});

test('after one visit the app opens and steps with the network cut', TIMEOUT, async (t) => {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  const online = watchPage(page);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.locator(GRAPH_NODE).first().waitFor({ timeout: 30_000 });
  // The worker installs (caching the page and its files) and then controls the page; a
  // page opened before activation is controlled after one reload.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, BASE_URL);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload({ waitUntil: 'load' });
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cached = await page.evaluate(async () => {
    const names = [];
    for (const key of await caches.keys()) {
      for (const req of await (await caches.open(key)).keys()) names.push(new URL(req.url).pathname);
    }
    return names;
  });
  assert.ok(cached.some((n) => n.endsWith('.wasm')), `the wasm is cached: ${cached}`);
  assert.ok(cached.some((n) => n.endsWith('.css')), `the CSS is cached: ${cached}`);
  assert.ok(cached.some((n) => /\/zh-[0-9a-f]{16}\.txt$/.test(n)), `the Chinese strings are cached: ${cached}`);
  assertClean(t, online);

  await browser.context.setOffline(true);
  try {
    const offline = watchPage(page);
    await page.reload({ waitUntil: 'load' });
    await page.locator(GRAPH_NODE).first().waitFor({ timeout: 30_000 });
    assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');
    assert.equal(await page.inputValue('#program'), 'ln(x1) + x1*x2 - sin(x2)');
    await page.click('#last');
    await page.waitForFunction(() => {
      const m = /Step (\d+) \/ (\d+)/.exec(document.querySelector('[data-testid=step]').textContent);
      return m && m[1] === m[2];
    });
    const v2 = await page.locator('[data-testid=adjoint-row][data-node=v2] [data-testid=adjoint-value]').textContent();
    assert.match(v2, /^1\.716/, v2);
    // The tensor engine, fetched only on first use, was cached at install too.
    await page.locator('select#examples').selectOption('t0');
    await page.locator(`${GRAPH_NODE}[data-label="X"]`).waitFor();
    // So were the Chinese strings, fetched only when Chinese is wanted.
    await page.locator('button[data-lang=zh]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.match(await page.locator('.app-header .brand').textContent(), /[\u4e00-\u9fff]/);
    const file = await screenshot(page, 'offline-stepped').catch(() => null);
    if (file) t.diagnostic(`screenshot: ${file}`);
    assertClean(t, offline);
  } finally {
    await browser.context.setOffline(false);
    await page.close();
  }
});
