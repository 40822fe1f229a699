'use strict';
// Chinese on demand: the app's wasm carries no Chinese strings; web/zh-bridge.js fetches
// the hashed zh-….txt only when Chinese is wanted. These tests prove a Chinese visitor
// loses nothing by it:
// - with `?lang=zh`, and in a browser whose locale is zh-CN, the first text the app's
//   heading ever shows is already Chinese (no English flash), the table fetched once;
// - an English visitor never fetches it;
// - switching to 中文 with the file blocked stays in English with a message in both
//   languages, shows the switch busy while a slow fetch runs, and the next attempt
//   switches; the numerical panel (drawn by the lab, a second wasm) then speaks Chinese;
// - a Chinese start with the file blocked mounts in English with that message;
// - a widget with data-lang="zh" on a host page in another folder fetches the table from
//   the app's folder and shows Chinese; with the table blocked it runs in English and says
//   why in both languages.
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:<port>/ NODE_PATH=~/.adjoint-tools/node_modules \
//     node --test tests/e2e/zh.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { chromium } = require('playwright-core');
const { BASE_URL, CHROMIUM_ARGS, openApp, watchPage, screenshot, assertClean } = require('./helpers.cjs');

const TIMEOUT = { timeout: 120_000 };
const CJK = /[\u4e00-\u9fff]/;
const ZH_FILE = /\/zh-[0-9a-f]{16}\.txt$/;

let browser;
before(async () => {
  // Not the helpers' persistent context: these tests need a context per locale and
  // without the service worker (which would answer the blocked fetch from its cache).
  browser = await chromium.launch({
    executablePath: process.env.ADJOINT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
});
after(async () => {
  if (browser) await browser.close();
});

/** A fresh context (own storage) in `locale`, service workers blocked. */
function newContext(locale = 'en-US') {
  return browser.newContext({
    locale,
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
}

/** Records, in the page, the first non-empty text of the app's heading (`.brand`). */
async function recordFirstHeading(context) {
  await context.addInitScript(() => {
    window.__firstHeading = null;
    new MutationObserver(() => {
      const brand = document.querySelector('.app-header .brand');
      if (window.__firstHeading === null && brand && brand.textContent.trim()) {
        window.__firstHeading = brand.textContent;
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** Counts the requests for the Chinese table made by `context`'s pages. */
function countTableRequests(context) {
  const seen = [];
  context.on('request', (req) => {
    if (ZH_FILE.test(new URL(req.url()).pathname)) seen.push(req.url());
  });
  return seen;
}

async function firstHeadingIsChinese(t, name, locale, url) {
  const context = await newContext(locale);
  try {
    await recordFirstHeading(context);
    const requests = countTableRequests(context);
    const app = await openApp(context, { url });
    const first = await app.page.evaluate(() => window.__firstHeading);
    assert.ok(first && CJK.test(first), `the heading's first text should be Chinese: «${first}»`);
    assert.equal(await app.page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.match(await app.page.locator('[data-testid=step]').textContent(), /第 \d+ \/ \d+ 步/);
    assert.equal(requests.length, 1, `the table is fetched once: ${requests}`);
    const file = await screenshot(app.page, `zh-${name}`).catch(() => null);
    if (file) t.diagnostic(`screenshot: ${file}`);
    assertClean(t, app);
  } finally {
    await context.close();
  }
}

test('with ?lang=zh the first heading the app shows is Chinese', TIMEOUT, async (t) => {
  await firstHeadingIsChinese(t, 'link', 'en-US', `${BASE_URL}?lang=zh`);
});

test('in a zh-CN browser the first heading the app shows is Chinese', TIMEOUT, async (t) => {
  await firstHeadingIsChinese(t, 'locale', 'zh-CN', BASE_URL);
});

test('an English visitor does not fetch the Chinese table', TIMEOUT, async (t) => {
  const context = await newContext('en-US');
  try {
    const requests = countTableRequests(context);
    const app = await openApp(context);
    assert.equal(await app.page.getAttribute('html', 'lang'), 'en');
    // Long enough for the lab-free first load to have asked for anything it would.
    await app.page.waitForTimeout(500);
    assert.deepEqual(requests, []);
    assertClean(t, app);
  } finally {
    await context.close();
  }
});

test('switching to 中文: a blocked fetch stays English and says so, a slow one is busy, the next switches', TIMEOUT, async (t) => {
  const context = await newContext('en-US');
  try {
    const app = await openApp(context);
    const { page } = app;
    const brand = page.locator('.app-header .brand');
    const status = page.locator('[data-testid=lang-status]');

    // Blocked: English stays, with a message in both languages.
    await page.route(ZH_FILE, (route) => route.abort());
    await page.locator('button[data-lang=zh]').click();
    await page.locator('[data-testid=lang-status][data-state=failed]').waitFor();
    const message = await status.textContent();
    assert.match(message, /Chinese could not be loaded/);
    assert.ok(CJK.test(message.replace(/中文/g, '')), `the message speaks Chinese too: ${message}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok(!CJK.test(await brand.textContent()), 'the heading stays English');
    assert.equal(await page.getAttribute('button[data-lang=en]', 'aria-pressed'), 'true');
    await page.unroute(ZH_FILE);

    // Slow: the switch is busy until the table is here, then the page is Chinese.
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(ZH_FILE, async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('button[data-lang=zh]').click();
    await page.locator('[data-testid=lang-switch][aria-busy=true]').waitFor();
    assert.equal(await status.getAttribute('data-state'), 'loading');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'no switch before the table is here');
    release();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.ok(CJK.test(await brand.textContent()), 'the heading is Chinese');
    assert.equal(await status.count(), 0, 'the message is gone');
    assert.equal(await page.locator('[data-testid=lang-switch][aria-busy]').count(), 0);
    await page.unroute(ZH_FILE);

    // The lab (a second wasm, without Chinese strings of its own) draws its panel in Chinese.
    await page.locator('button[data-panel=numeric]').click();
    const heading = page.locator('[data-testid=numeric-panel] h3').first();
    await heading.waitFor({ timeout: 30_000 });
    assert.ok(CJK.test(await heading.textContent()), `the lab's panel is Chinese: ${await heading.textContent()}`);

    // Back to English and to Chinese again: no second fetch needed, no message.
    await page.locator('button[data-lang=en]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.route(ZH_FILE, (route) => route.abort());
    await page.locator('button[data-lang=zh]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.equal(await status.count(), 0);

    const file = await screenshot(page, 'zh-switch').catch(() => null);
    if (file) t.diagnostic(`screenshot: ${file}`);
    // The only failures are the blocked table's: the request and the browser's report of it.
    const blocked = app.problems.filter((p) => /\/zh-[0-9a-f]{16}\.txt\b/.test(p) && /ERR_FAILED/.test(p));
    assert.equal(blocked.filter((p) => p.startsWith('request failed')).length, 1, app.problems.join('\n'));
    assertClean(t, { ...app, problems: app.problems.filter((p) => !blocked.includes(p)) });
  } finally {
    await context.close();
  }
});

test('with ?lang=zh and the table blocked the app starts in English, says why, and switches later', TIMEOUT, async (t) => {
  const context = await newContext('en-US');
  try {
    await context.route(ZH_FILE, (route) => route.abort());
    const app = await openApp(context, { url: `${BASE_URL}?lang=zh` });
    const { page } = app;
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const status = page.locator('[data-testid=lang-status][data-state=failed]');
    assert.match(await status.textContent(), /Chinese could not be loaded.*中文界面未能加载/);
    await context.unroute(ZH_FILE);
    await page.locator('button[data-lang=zh]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    assert.ok(CJK.test(await page.locator('.app-header .brand').textContent()));
    assert.equal(await page.locator('[data-testid=lang-status]').count(), 0);
    const blocked = app.problems.filter((p) => /\/zh-[0-9a-f]{16}\.txt\b/.test(p) && /ERR_FAILED/.test(p));
    assert.ok(blocked.some((p) => p.startsWith('request failed')), app.problems.join('\n'));
    assertClean(t, { ...app, problems: app.problems.filter((p) => !blocked.includes(p)) });
  } finally {
    await context.close();
  }
});

/** Opens a course page `name` in another folder than the app's (zh-host/course/), routed by
 * Playwright, holding one Chinese widget `#wz`, and waits for its graph. */
async function openWidgetHost(page, name) {
  const host = new URL(`zh-host/course/${name}`, BASE_URL).href;
  await page.route(host, (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
      <script type="module" src="../../adjoint-widget.js"></script></head>
      <body><h1>A course page</h1>
      <div id="wz" data-adjoint data-program="x*y + sin(x)" data-at="x=1, y=2" data-mode="reverse" data-step="2" data-lang="zh"></div>
      </body></html>`,
  }));
  await page.goto(host, { waitUntil: 'load' });
  await page.locator('#wz svg[data-testid=graph] g[data-testid=graph-node]').first().waitFor({ timeout: 30_000 });
}

test('a widget with data-lang="zh" on a page in another folder shows Chinese', TIMEOUT, async (t) => {
  const context = await newContext('en-US');
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watched = watchPage(page);
    const tables = countTableRequests(context);
    await openWidgetHost(page, 'page.html');
    const text = await page.evaluate(() => document.querySelector('#wz').shadowRoot.textContent);
    assert.ok(CJK.test(text), `the widget speaks Chinese: ${text.slice(0, 120)}`);
    assert.equal(tables.length, 1, `${tables}`);
    assert.equal(new URL('./', tables[0]).href, BASE_URL, 'fetched from the app\'s folder');
    const file = await screenshot(page, 'zh-widget').catch(() => null);
    if (file) t.diagnostic(`screenshot: ${file}`);
    assertClean(t, watched);
  } finally {
    await context.close();
  }
});

test('a widget with data-lang="zh" and the table blocked mounts in English and says why', TIMEOUT, async (t) => {
  const context = await newContext('en-US');
  try {
    await context.route(ZH_FILE, (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watched = watchPage(page);
    await openWidgetHost(page, 'blocked.html');
    const status = page.locator('#wz [data-testid=lang-status][data-state=failed]');
    assert.match(await status.textContent(), /Chinese could not be loaded.*中文界面未能加载/);
    const text = await page.evaluate(() => document.querySelector('#wz').shadowRoot.textContent);
    assert.match(text, /Open in Adjoint/, `the widget runs in English: ${text.slice(0, 120)}`);
    const file = await screenshot(page, 'zh-widget-blocked').catch(() => null);
    if (file) t.diagnostic(`screenshot: ${file}`);
    const blocked = watched.problems.filter((p) => /\/zh-[0-9a-f]{16}\.txt\b/.test(p));
    assert.ok(blocked.length > 0, watched.problems.join('\n'));
    assertClean(t, { ...watched, problems: watched.problems.filter((p) => !blocked.includes(p)) });
  } finally {
    await context.close();
  }
});
