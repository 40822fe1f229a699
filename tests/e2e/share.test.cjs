'use strict';
// Share, embed and export (issue #9): the permalink of the share panel reopens the exact
// view (program, values, mode, step, theme), a long program is packed (`z=`) and a damaged
// one is reported without losing the rest of the link, an iframe view (`?embed=1`) honours
// every `hide=` flag, and the SVG export parses as XML and contains the visible nodes.
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:<port>/ node --test tests/e2e/share.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { BASE_URL, browserHarness } = require('./helpers.cjs');

const TIMEOUT = { timeout: 120_000 };
const withApp = browserHarness({ before, after }, 'share-');

/** Opens the share panel and returns the permalink it shows. */
async function permalink(page) {
  await page.click('#share');
  await page.locator('[data-testid=share-panel]').waitFor();
  return page.inputValue('#share-link');
}

test('a permalink round-trips program, values, mode, step and theme', TIMEOUT, async (t) => {
  const start = `${BASE_URL}?mode=extended&step=3&p=${encodeURIComponent('ln(x1)+x1*x2-sin(x2)')}&at=${encodeURIComponent('x1=3, x2=4')}&theme=dark`;
  let link;
  await withApp(t, 'permalink-make', async ({ page }) => {
    await page.click('#next');
    await page.click('#next');
    assert.match(await page.textContent('[data-testid=step]'), /Step 5 \//);
    link = await permalink(page);
    assert.match(link, /[?&]v=2(&|$)/, link);
    assert.match(link, /[?&]theme=dark(&|$)/, link);
  }, start);
  await withApp(t, 'permalink-open', async ({ page }) => {
    assert.match(await page.textContent('[data-testid=step]'), /Step 5 \//);
    assert.equal(await page.inputValue('#program'), 'ln(x1)+x1*x2-sin(x2)');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.match(link, /[?&]mode=extended(&|$)/, link);
    assert.equal(await permalink(page), link);
  }, link);
});

test('a long program is packed into z= and reopens; a damaged z= is reported', TIMEOUT, async (t) => {
  const program = Array.from({ length: 30 }, (_, i) => `sin(x1*${i + 1})`).join(' + ');
  let link;
  await withApp(t, 'packed-make', async ({ page }) => {
    link = await permalink(page);
    assert.match(link, /[?&]z=/, link);
    assert.ok(link.length < encodeURIComponent(program).length, `${link.length} chars`);
  }, `${BASE_URL}?p=${encodeURIComponent(program)}&at=x1%3D2&step=4`);
  await withApp(t, 'packed-open', async ({ page }) => {
    assert.equal(await page.inputValue('#program'), program);
    assert.match(await page.textContent('[data-testid=step]'), /Step 4 \//);
  }, link);
  await withApp(t, 'packed-damaged', async ({ page }) => {
    await page.locator('[data-testid=link-problem]').waitFor();
    assert.match(await page.textContent('[data-testid=step]'), /Step 2 \//);
  }, `${BASE_URL}?z=%21%21not-deflate&step=2`);
});

test('an iframe embed honours every hide flag', TIMEOUT, async (t) => {
  const parts = {
    editor: '#program',
    tables: '[data-testid=adjoint-table]',
    pseudocode: '[data-testid=pseudocode]',
    controls: '#next',
  };
  await withApp(t, 'embed-plain', async ({ page }) => {
    assert.equal(await page.locator('header.app-header').count(), 0, 'no header in an embed');
    for (const sel of Object.values(parts)) assert.equal(await page.locator(sel).count(), 1, sel);
    const code = await page.evaluate(() => document.querySelector('#open-full')?.getAttribute('href'));
    assert.ok(code && !code.includes('embed=1'), code);
  }, `${BASE_URL}?embed=1&step=2`);
  for (const [flag, sel] of Object.entries(parts)) {
    await withApp(t, `embed-hide-${flag}`, async ({ page }) => {
      assert.equal(await page.locator(sel).count(), 0, `${flag} hidden`);
      for (const [other, s] of Object.entries(parts)) {
        if (other !== flag) assert.equal(await page.locator(s).count(), 1, `${other} still shown`);
      }
    }, `${BASE_URL}?embed=1&hide=${flag}`);
  }
  await withApp(t, 'embed-hide-all', async ({ page }) => {
    for (const sel of Object.values(parts)) assert.equal(await page.locator(sel).count(), 0, sel);
    // The keyboard still steps with the controls hidden.
    await page.locator('svg[data-testid=graph]').click();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.location.search.includes('step=1'));
  }, `${BASE_URL}?embed=1&hide=${Object.keys(parts).join(',')}`);
  await withApp(t, 'embed-code', async ({ page }) => {
    await permalink(page);
    const code = await page.inputValue('#embed-code');
    assert.match(code, /^<iframe [^>]*src="[^"]*embed=1[^"]*"[^>]*><\/iframe>$/, code);
  });
});

test('the SVG export parses as XML and contains the visible nodes', TIMEOUT, async (t) => {
  await withApp(t, 'svg-export', async ({ page }) => {
    await page.click('#next');
    await page.click('#next');
    const labels = await page.$$eval('svg[data-testid=graph] g[data-testid=graph-node]',
      (gs) => gs.map((g) => g.getAttribute('data-label')));
    await permalink(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-export=svg]'),
    ]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const checked = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const bad = doc.querySelector('parsererror');
      const root = doc.documentElement;
      return {
        error: bad ? bad.textContent : null,
        ns: root.namespaceURI,
        labels: [...doc.querySelectorAll('g[data-testid=graph-node]')].map((g) => g.getAttribute('data-label')),
      };
    }, text);
    assert.equal(checked.error, null);
    assert.equal(checked.ns, 'http://www.w3.org/2000/svg');
    assert.deepEqual(checked.labels, labels);
    assert.ok(labels.length > 0);
  });
});
