'use strict';
// Shared helpers of Adjoint's browser tests: launch Debian's headless Chromium through
// playwright-core (never a downloaded browser), open the app, and record everything that
// would mean the page is broken or talks to the network: console errors, page errors,
// failed or 4xx/5xx requests, and any request to a host other than 127.0.0.1.
//
// The app's URL comes from ADJOINT_E2E_URL (scripts/test.sh serves dist/ with python3 on
// a free port); playwright-core resolves through NODE_PATH=~/.adjoint-tools/node_modules.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const BASE_URL = process.env.ADJOINT_E2E_URL || 'http://127.0.0.1:8080/';
const CHROMIUM = process.env.ADJOINT_CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, 'artifacts');

// Flags measured in TOOLCHAIN.md: without the networking ones Chromium keeps trying to
// reach hosts this machine cannot reach. (Playwright refuses --user-data-dir here: the
// persistent context's fresh temp dir is the profile.)
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Selector of the forward graph's nodes (inputs and forward operations). */
const FORWARD_NODES =
  'svg[data-testid=graph] g[data-testid=graph-node][data-node-kind=input], ' +
  'svg[data-testid=graph] g[data-testid=graph-node][data-node-kind=forward]';

/**
 * Launches headless Chromium with a fresh profile, plus `extraArgs` (the benchmarks' own
 * flags; the tests pass none). Returns { context, close }.
 */
async function launchBrowser(extraArgs = []) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'adjoint-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

function isLocalUrl(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * Records what would make a page "broken" while it is open. `problems` lists console
 * errors, page errors, failed requests, HTTP errors and non-local requests; `warnings`
 * lists console warnings (reported, not failed on).
 */
function watchPage(page) {
  const problems = [];
  const warnings = [];
  page.on('console', (msg) => {
    const where = msg.location() && msg.location().url ? ` (${msg.location().url})` : '';
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}${where}`);
    else if (msg.type() === 'warning') warnings.push(`console warning: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack || err.message}`));
  page.on('request', (req) => {
    if (!isLocalUrl(req.url())) problems.push(`request to a non-127.0.0.1 host: ${req.url()}`);
  });
  page.on('websocket', (ws) => {
    if (!isLocalUrl(ws.url().replace(/^ws/, 'http'))) problems.push(`websocket to a non-127.0.0.1 host: ${ws.url()}`);
  });
  page.on('requestfailed', (req) => {
    const failure = req.failure();
    problems.push(`request failed: ${req.url()} (${failure ? failure.errorText : 'unknown'})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { problems, warnings };
}

/**
 * Opens the app in a new page of `context` and waits until the graph has been drawn.
 * Returns { page, problems, warnings }.
 */
async function openApp(context, { url = BASE_URL, timeout = 30_000 } = {}) {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const watched = watchPage(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('svg[data-testid=graph] g[data-testid=graph-node]').first().waitFor({ timeout });
  return { page, ...watched };
}

/** Waits until `selector` matches exactly `n` elements; fails with the last count seen. */
async function waitForCount(page, selector, n, timeout = 10_000) {
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelectorAll(sel).length === want,
      [selector, n],
      { timeout },
    );
  } catch (err) {
    const seen = await page.locator(selector).count();
    throw new Error(`expected ${n} elements matching ${selector}, saw ${seen} after ${timeout} ms`);
  }
}

/** Saves a full-page screenshot to tests/e2e/artifacts/NAME.png and returns its path. */
async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Throws if anything was recorded; reports warnings as test diagnostics. */
function assertClean(t, { problems, warnings }) {
  for (const w of warnings) t.diagnostic(w);
  if (problems.length > 0) {
    throw new Error(`the page reported ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Registers before/after hooks that share one browser across a test file, and returns
 * `withApp(t, name, body, url?)`: runs `body(app)` on a fresh page of the app, saves a
 * screenshot named `${prefix}${name}`, and fails the test on any console error, page
 * error or request that `assertClean` rejects.
 */
function browserHarness({ before, after }, prefix = '') {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    if (browser) await browser.close();
  });
  return async function withApp(t, name, body, url) {
    const app = await openApp(browser.context, url ? { url } : {});
    try {
      await body(app);
    } finally {
      const file = await screenshot(app.page, `${prefix}${name}`).catch(() => null);
      if (file) t.diagnostic(`screenshot: ${file}`);
      await app.page.close();
    }
    assertClean(t, app);
  };
}

module.exports = {
  browserHarness,
  BASE_URL,
  CHROMIUM_ARGS,
  FORWARD_NODES,
  ARTIFACTS,
  launchBrowser,
  watchPage,
  openApp,
  waitForCount,
  screenshot,
  assertClean,
};
