'use strict';
// Hostile input and failure handling in the browser:
// - URL parameters (p, at, mode, step, wrt, panel and unknown ones) carrying markup,
//   script, huge numbers, a 10 MB program and broken percent-encodings: no dialog opens,
//   no element or attribute is injected, nothing panics, the user's text is kept in the
//   editor, and bad text gets a clear message (for the 10 MB program: the length limit).
// - NaN: ln(x1) at x1 = −1 marks the node where NaN first appears with the reason, and
//   the nodes after it say where their NaN flows in from.
// - A panic that escapes (`?panic_test=1`) shows the banner with "Copy report" (which
//   copies message, place, page and browser) and "Reload" (which restores the view).
// Every test also fails on console errors (except the deliberate panic's), page errors
// and requests to any host but 127.0.0.1.
//
// Run: scripts/test.sh (serves dist/ and sets ADJOINT_E2E_URL and NODE_PATH).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, FORWARD_NODES, launchBrowser, watchPage, waitForCount, screenshot, assertClean } = require('./helpers.cjs');

const TIMEOUT = { timeout: 120_000 };
const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(2)</script>',
  "'><svg onload=alert(3)>",
  '</textarea><b id=injected>x</b>',
  'javascript:alert(4)',
];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
});

/** Opens `query` on the app; records dialogs and injected-element checks. */
async function open(query, { waitForGraph = true } = {}) {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
  const watched = watchPage(page);
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  await page.goto(BASE_URL + query, { waitUntil: 'load' });
  // The app is up when the editor is there (a bad program draws no graph).
  await page.locator('textarea#program').waitFor({ timeout: 30_000 });
  if (waitForGraph) await page.locator('svg[data-testid=graph] g[data-testid=graph-node]').first().waitFor();
  return { page, dialogs, ...watched };
}

/** Elements and attributes the hostile values would create if they were parsed as markup. */
async function injected(page) {
  return page.evaluate(() => {
    const found = [];
    for (const sel of ['img[src=x]', 'svg[onload]', '#injected', 'body script:not([src])', 'head script:not([src])']) {
      if (document.querySelector(sel)) found.push(sel);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`${el.tagName}[${a.name}]`);
    }
    return found;
  });
}

async function finish(t, app, name) {
  const file = await screenshot(app.page, name).catch(() => null);
  if (file) t.diagnostic(`screenshot: ${file}`);
  await app.page.close();
  assert.deepEqual(app.dialogs, [], 'no dialog may open');
  assertClean(t, app);
}

test('markup and script in every URL parameter: shown as text, nothing injected or run', TIMEOUT, async (t) => {
  for (const [i, bad] of MARKUP.entries()) {
    const e = encodeURIComponent(bad);
    const query = `?mode=${e}&step=${e}&wrt=${e}&panel=${e}&lang=${e}&embed=${e}&p=${e}&at=${e}`;
    const app = await open(query, { waitForGraph: false });
    try {
      // The program is kept as typed and answered with a parse error, not run as markup.
      assert.equal(await app.page.locator('textarea#program').inputValue(), bad);
      assert.equal(await app.page.locator('input#inputs').inputValue(), bad);
      await app.page.locator('[data-testid=parse-error]').first().waitFor();
      assert.ok((await app.page.locator('[data-testid=parse-error]').first().innerText()).trim().length > 0);
      assert.deepEqual(await injected(app.page), []);
      assert.equal(await app.page.evaluate(() => document.getElementById('panic-banner')), null);
    } finally {
      await finish(t, app, `hostile-markup-${i}`);
    }
  }
});

test('markup in a valid program comment and in the values: the graph draws, text kept', TIMEOUT, async (t) => {
  const program = `ln(x1) + x1*x2 - sin(x2) # ${MARKUP[0]} ${MARKUP[1]}`;
  const app = await open(`?mode=reverse&step=999999999999999999999&p=${encodeURIComponent(program)}&at=x1%3D2%2C%20x2%3D5`);
  try {
    await waitForCount(app.page, FORWARD_NODES, 7);
    assert.equal(await app.page.locator('textarea#program').inputValue(), program);
    assert.deepEqual(await injected(app.page), []);
    // A step past the end is clamped to the last step, never a crash.
    const text = await app.page.locator('[data-testid=step]').innerText();
    const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
    assert.ok(m && Number(m[1]) <= Number(m[2]), `step indicator: ${text}`);
  } finally {
    await finish(t, app, 'hostile-comment');
  }
});

test('huge numbers, broken percent-encodings and a 10 MB program: clear messages, no panic', TIMEOUT, async (t) => {
  const cases = [
    ['huge values', `?p=x1*x2&at=${encodeURIComponent('x1=1e999999, x2=-99999999999999999999999999999')}`],
    ['bad escapes', '?p=%E0%A4%A&at=%FF%FE%00x1%3D1&mode=%ZZ&step=%'],
    ['overlong step', `?p=x1&at=x1%3D1&step=${'9'.repeat(5000)}&wrt=-1`],
  ];
  for (const [name, query] of cases) {
    const app = await open(query, { waitForGraph: false });
    try {
      assert.equal(await app.page.evaluate(() => document.getElementById('panic-banner')), null, name);
      assert.deepEqual(await injected(app.page), [], name);
      // Either a graph or a message: never a blank page.
      await app.page.waitForFunction(
        () => document.querySelector('svg[data-testid=graph] g[data-testid=graph-node]') || document.querySelector('[data-testid=parse-error]'),
      );
    } finally {
      await finish(t, app, `hostile-${name.replace(/ /g, '-')}`);
    }
  }
  // 10 MB: over the 4 MiB program limit. The message names the limit; the text is kept.
  const big = 'x+'.repeat(5 * 1024 * 1024);
  const page = await browser.context.newPage();
  const watched = watchPage(page);
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  try {
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await page.locator('textarea#program').waitFor({ timeout: 30_000 });
    // A 10 MB URL is over what browsers accept, so it arrives as a pasted program.
    await page.locator('textarea#program').fill(big);
    const err = page.locator('[data-testid=parse-error]').first();
    await err.waitFor({ timeout: 60_000 });
    assert.match(await err.innerText(), /limit/i);
    assert.equal(await page.locator('textarea#program').evaluate((e) => e.value.length), big.length);
    assert.equal(await page.evaluate(() => document.getElementById('panic-banner')), null);
  } finally {
    await screenshot(page, 'hostile-10mb').catch(() => null);
    await page.close();
  }
  assert.deepEqual(dialogs, []);
  assertClean(t, watched);
});

test('NaN: ln(x1) at x1 = -1 marks v3 with the reason; later nodes say where it flows in from', TIMEOUT, async (t) => {
  const app = await open(`?mode=reverse&p=${encodeURIComponent('ln(x1) + x1*x2 - sin(x2)')}&at=${encodeURIComponent('x1=-1, x2=5')}`);
  try {
    await waitForCount(app.page, FORWARD_NODES, 7);
    const nodes = await app.page.locator(FORWARD_NODES).evaluateAll((els) =>
      els.map((e) => ({
        label: e.getAttribute('data-label'),
        issue: e.classList.contains('has-issue'),
        tip: e.querySelector('title')?.textContent ?? '',
      })),
    );
    const by = Object.fromEntries(nodes.map((n) => [n.label, n]));
    assert.ok(by.v3.issue, 'v3 = ln v1 is where NaN appears');
    assert.match(by.v3.tip, /ln of a negative number/);
    for (const l of ['v1', 'v2', 'v4', 'v5']) assert.equal(by[l].issue, false, `${l} is a finite number`);
    for (const l of ['v6', 'v7']) {
      assert.ok(by[l].issue, `${l} is NaN too`);
      assert.match(by[l].tip, /flows in from v[36]/, `${l} names where its NaN comes from`);
      assert.doesNotMatch(by[l].tip, /ln of a negative/, `${l} must not claim to be the origin`);
    }
  } finally {
    await finish(t, app, 'hostile-nan');
  }
});

test('a panic shows a banner with Copy report and Reload; Reload restores the view', TIMEOUT, async (t) => {
  const page = await browser.context.newPage();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  const watched = watchPage(page);
  const query = `?mode=reverse&step=3&p=${encodeURIComponent('x1*x2 + sin(x1)')}&at=${encodeURIComponent('x1=2, x2=5')}&panic_test=1`;
  try {
    await page.goto(BASE_URL + query, { waitUntil: 'load' });
    const banner = page.locator('#panic-banner');
    await banner.waitFor({ timeout: 30_000 });
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.match(await banner.innerText(), /internal error/);
    // The page is not blank: the app's graph is still drawn under the banner.
    assert.ok((await page.locator('svg[data-testid=graph] g[data-testid=graph-node]').count()) > 0);
    const report = await page.locator('[data-testid=panic-report]').inputValue();
    assert.match(report, /message: test panic requested/);
    assert.match(report, /at: web\/src\/main\.rs:\d+/);
    assert.match(report, /page: http:\/\/127\.0\.0\.1/);
    assert.match(report, /browser: Mozilla/);

    await page.click('[data-testid=panic-copy]');
    await page.waitForFunction(() => document.querySelector('[data-testid=panic-status]')?.textContent !== '');
    assert.equal(await page.locator('[data-testid=panic-status]').innerText(), 'Report copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), report);

    await page.click('[data-testid=panic-reload]');
    await page.waitForURL((u) => !u.search.includes('panic_test'));
    await page.locator('svg[data-testid=graph] g[data-testid=graph-node]').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('textarea#program').inputValue(), 'x1*x2 + sin(x1)');
    assert.ok(await page.locator('button[data-mode=reverse][aria-selected=true]').count(), 'reverse mode kept');
    assert.match(await page.locator('[data-testid=step]').innerText(), /Step\s+3\s*\//);
    // Give a re-panic time to happen, then check there is none.
    await page.waitForTimeout(2_000);
    assert.equal(await page.locator('#panic-banner').count(), 0);
  } finally {
    await screenshot(page, 'hostile-panic').catch(() => null);
    await page.close();
  }
  // The deliberate panic logs itself as a console error (and the trap as a page error);
  // nothing else may be reported.
  const unexpected = watched.problems.filter(
    (p) => !/test panic requested|unreachable|RuntimeError/.test(p),
  );
  assert.deepEqual(unexpected, []);
});
