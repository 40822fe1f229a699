'use strict';
// The app under its strict Content-Security-Policy, enforced by Chromium:
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// No inline script (Trunk's init script is moved into a file by scripts/csp-init.py), no
// inline style attribute, nothing from another origin. Two ways the policy arrives:
//   1. the <meta http-equiv> in index.html (the page as served by scripts/test.sh);
//   2. a response header from the small static server below, which also strips the meta
//      tag so that only the header speaks.
// Each run steps through the lecture example in every mode and opens the panels; any
// `securitypolicyviolation` event, console error or request the harness rejects fails.
// A control first proves that the policy is enforced and the listener hears violations.
//
// Run: scripts/test.sh (ADJOINT_E2E_URL; ADJOINT_E2E_DIST names the served folder, default dist/).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { BASE_URL, FORWARD_NODES, launchBrowser, watchPage, waitForCount, screenshot, assertClean } = require('./helpers.cjs');

const TIMEOUT = { timeout: 120_000 };
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const DIST = path.resolve(process.env.ADJOINT_E2E_DIST || path.join(__dirname, '..', '..', 'dist'));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

let browser;
let server;
let headerUrl;

/** Serves DIST on 127.0.0.1 with the policy as a header and the meta tag removed. */
function startHeaderServer() {
  return new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
      const file = path.join(DIST, name);
      if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      let body = fs.readFileSync(file);
      if (name === 'index.html') {
        // Any attribute order or quoting: the release build's HTML is minified.
        const page = body.toString('utf8');
        const without = page.replace(/<meta\b[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/i, '');
        body = Buffer.from(without);
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(name)] || 'application/octet-stream',
        'Content-Security-Policy': POLICY,
      });
      res.end(body);
    });
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

before(async () => {
  browser = await launchBrowser();
  server = await startHeaderServer();
  headerUrl = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  if (browser) await browser.close();
  if (server) await new Promise((r) => server.close(r));
});

/** Opens `url` with a recorder of CSP violations installed before any page script. */
async function openRecorded(url) {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  const watched = watchPage(page);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''}) ${e.sample || ''}`),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('svg[data-testid=graph] g[data-testid=graph-node]').first().waitFor({ timeout: 30_000 });
  return { page, ...watched };
}

async function violations(page) {
  return page.evaluate(() => window.__csp.slice());
}

/** Reads `Step k / n`. */
async function stepOf(page) {
  const text = await page.locator('[data-testid=step]').innerText();
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  assert.ok(m, `step indicator: ${text}`);
  return { k: Number(m[1]), n: Number(m[2]) };
}

/** Steps through the lecture example in every mode to the end, then opens the panels. */
async function exercise(page) {
  await waitForCount(page, FORWARD_NODES, 7);
  for (const mode of ['forward', 'reverse', 'extended', 'backprop']) {
    await page.click(`button[data-mode=${mode}]`);
    await page.waitForFunction(
      (m) => document.querySelector(`button[data-mode=${m}]`)?.getAttribute('aria-selected') === 'true',
      mode,
    );
    const { n } = await stepOf(page);
    for (let k = 0; k < n; k++) await page.click('#next');
    await page.waitForFunction(
      (want) => new RegExp(`Step\\s+${want}\\s*/`).test(document.querySelector('[data-testid=step]')?.textContent ?? ''),
      n,
    );
  }
  for (const panel of ['numeric', 'symbolic']) {
    const button = page.locator(`button[data-panel=${panel}]`);
    if ((await button.count()) > 0) {
      await button.click();
      await page.locator(`[data-testid=${panel}-panel]`).waitFor();
    }
  }
}

async function runUnderPolicy(t, url, name) {
  const app = await openRecorded(url);
  try {
    // Control: an inline script must be refused and reported, or this test proves nothing.
    const ran = await app.page.evaluate(() => {
      window.__inlineRan = false;
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
      return window.__inlineRan;
    });
    assert.equal(ran, false, 'the policy must block an inline script');
    await app.page.waitForFunction(() => window.__csp.length > 0);
    assert.match((await violations(app.page))[0], /script-src/);
    await app.page.evaluate(() => {
      window.__csp.length = 0;
    });
    // The control's console message is expected; everything after it must be clean.
    app.problems.length = 0;

    await exercise(app.page);
    assert.deepEqual(await violations(app.page), [], 'CSP violations while using the app');
  } finally {
    const file = await screenshot(app.page, name).catch(() => null);
    if (file) t.diagnostic(`screenshot: ${file}`);
    await app.page.close();
  }
  assertClean(t, app);
}

test('CSP from the meta tag: the lecture example steps through every mode with no violation', TIMEOUT, async (t) => {
  await runUnderPolicy(t, BASE_URL, 'csp-meta');
});

test('CSP from a response header (meta removed): no violation either', TIMEOUT, async (t) => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no index.html in ${DIST} (set ADJOINT_E2E_DIST)`);
  const res = await fetch(headerUrl);
  assert.equal(res.headers.get('content-security-policy'), POLICY);
  const page = await res.text();
  assert.doesNotMatch(page, /http-equiv="?Content-Security-Policy/i);
  assert.match(page, /<script type="?module"? src=/, 'the page is the app (its init script is there)');
  await runUnderPolicy(t, headerUrl, 'csp-header');
});
