'use strict';
// Browser tests of the two methods AD replaces (§1.2–1.3), each in its own panel opened by
// a tab `button[data-panel=numeric|symbolic]`: the ε sweep plot (two series of 15 points),
// the random-direction check passing on the lecture example, the product table's
// n = 1000 row (999000 multiplications naively against 2997 by reverse AD), and the
// engine's message for a program outside its domain. Leaving a panel through a mode tab
// brings the step-through view back. Every test also fails on console errors, page errors
// and non-local requests. Screenshots go to tests/e2e/artifacts/.
//
// Run: scripts/test.sh (serves dist/ and sets ADJOINT_E2E_URL and NODE_PATH).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { browserHarness, waitForCount } = require('./helpers.cjs');

const TIMEOUT = { timeout: 90_000 };
const NUMERIC = '[data-testid=numeric-panel]';
const SYMBOLIC = '[data-testid=symbolic-panel]';

const withApp = browserHarness({ before, after });

/** Clicks a method tab and waits for its panel. */
async function openPanel(page, name) {
  await page.click(`button[data-panel=${name}]`);
  await page.locator(`[data-testid=${name}-panel]`).waitFor();
  assert.equal(await page.locator(`button[data-panel=${name}]`).getAttribute('aria-pressed'), 'true');
}

test('numerical panel: two error series of 15 points and a passing direction check', TIMEOUT, async (t) => {
  await withApp(t, 'methods-numeric', async ({ page }) => {
    assert.equal(await page.locator('button[data-panel][data-mode]').count(), 0, 'method tabs have no data-mode');
    await openPanel(page, 'numeric');
    const plot = `${NUMERIC} svg[data-testid=sweep-plot]`;
    await waitForCount(page, `${plot} g[data-testid=plot-series]`, 2);
    for (const series of ['one-sided', 'central']) {
      await waitForCount(page, `${plot} g[data-series=${series}] [data-testid=plot-point]`, 15);
    }
    // Hovering a point tells its ε and error.
    const tip = await page.locator(`${plot} g[data-series=central] [data-testid=plot-point][data-eps="1e-5"] title`).textContent();
    assert.match(tip, /central: ε = 1e-5, \|error\| = /);
    // Decade labels on both axes.
    const labels = await page.locator(`${plot} .tick-label`).allTextContents();
    assert.ok(labels.includes('10⁻¹⁵') && labels.includes('10⁻¹'), `x labels: ${labels}`);

    const verdict = page.locator('[data-testid=direction-verdict]');
    assert.match(await verdict.innerText(), /pass/);
    assert.match(await verdict.innerText(), /tolerance 1e-6/);
    // Another direction still passes and δ changes.
    const delta = await page.locator('[data-testid=direction-delta]').innerText();
    await page.click('#next-direction');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid=direction-delta]')?.textContent !== old,
      delta,
    );
    assert.match(await verdict.innerText(), /pass/);

    const costs = await page.locator('[data-testid=evaluations]').innerText();
    assert.match(costs, /one-sided\s+3/);
    assert.match(costs, /central\s+4/);

    // The other input re-draws the sweep.
    await page.selectOption('#numeric-var', '1');
    assert.match(await page.locator(NUMERIC).innerText(), /∂f\/∂x2 = 1\.716/);

    // A mode tab goes back to the step-through view.
    await page.click('button[data-mode=reverse]');
    await page.locator('#next').waitFor();
    assert.equal(await page.locator(NUMERIC).count(), 0);
    assert.equal(await page.locator('button[data-panel=numeric]').getAttribute('aria-pressed'), 'false');
  });
});

test('stepping keys do nothing while a panel hides the step-through view', TIMEOUT, async (t) => {
  await withApp(t, 'methods-keys', async ({ page }) => {
    const step = () => page.locator('[data-testid=step]').innerText();
    await page.click('#next');
    await page.click('#next');
    await page.click('#next');
    assert.match(await step(), /^Step 3 \//);
    await openPanel(page, 'numeric');
    await page.locator('[data-testid=numeric-panel] h2, [data-testid=numeric-panel]').first().click({ position: { x: 5, y: 5 } });
    for (const key of ['ArrowRight', 'End', 'Home', 'ArrowLeft']) await page.keyboard.press(key);
    // Closing the panel with its own tab keeps the mode and the step.
    await page.click('button[data-panel=numeric]');
    await page.locator('#next').waitFor();
    assert.match(await step(), /^Step 3 \//, 'the hidden trace did not move');
    await page.locator('[data-testid=narration]').click();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /^Step 4 \//.test(document.querySelector('[data-testid=step]').innerText));
  });
});

test('symbolic panel: formulas, sizes and the product table at n = 1000', TIMEOUT, async (t) => {
  await withApp(t, 'methods-symbolic', async ({ page }) => {
    await openPanel(page, 'symbolic');
    await waitForCount(page, `${SYMBOLIC} [data-testid=symbolic-partial] math`, 2);
    await page.locator('[data-testid=symbolic-sizes] tr[data-series=reverse-ad]').waitFor();

    const row = page.locator('[data-testid=product-table] tr[data-n="1000"]');
    await row.waitFor({ timeout: 30_000 });
    assert.equal((await row.locator('td[data-series=naive]').innerText()).trim(), '999000');
    assert.equal((await row.locator('td[data-series=reverse-ad]').innerText()).trim(), '2997');
    await waitForCount(page, '[data-testid=product-table] tbody tr', 9);
    await waitForCount(page, 'svg[data-testid=product-chart] g[data-series]', 3);

    // A second click on the tab closes the panel.
    await page.click('button[data-panel=symbolic]');
    await page.locator('#next').waitFor();
    assert.equal(await page.locator(SYMBOLIC).count(), 0);
  });
});

test('a program outside its domain shows the engine message, not a crash', TIMEOUT, async (t) => {
  await withApp(t, 'methods-domain', async ({ page }) => {
    await openPanel(page, 'numeric');
    await page.locator('textarea#program').fill('ln(x)');
    await page.locator('input#inputs').fill('x=-1');
    const error = page.locator('[data-testid=numeric-error]');
    await error.waitFor();
    assert.match(await error.innerText(), /ln of a negative number/);
    assert.equal(await page.locator('svg[data-testid=sweep-plot]').count(), 0);

    await openPanel(page, 'symbolic');
    assert.match(await page.locator('[data-testid=symbolic-domain]').innerText(), /ln of a negative number/);
    await waitForCount(page, `${SYMBOLIC} [data-testid=symbolic-partial]`, 1);

    // Back inside the domain, the numeric panel recovers.
    await page.locator('input#inputs').fill('x=3');
    await openPanel(page, 'numeric');
    await waitForCount(page, 'svg[data-testid=sweep-plot] [data-testid=plot-point]', 30);
  });
});
