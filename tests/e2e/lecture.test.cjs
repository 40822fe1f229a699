'use strict';
// Browser tests of the lecture, against the app's DOM contract: the running example
// y = ln(x1) + x1·x2 − sin(x2) at x1 = 2, x2 = 5 (the app's default program), stepped
// through reverse AD to v̄2 = 1.716 and v̄1 = 5.5; a parse error shown with a caret while
// the last good graph stays; and the extended-graph example v2 = exp(x1), v3 = v2 + 1,
// v4 = v2·v3. Every test also fails on console errors, page errors, failed requests and
// requests to any host but 127.0.0.1. Screenshots go to tests/e2e/artifacts/.
//
// Run: scripts/test.sh (serves dist/ and sets ADJOINT_E2E_URL and NODE_PATH).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { browserHarness, FORWARD_NODES, waitForCount, screenshot } = require('./helpers.cjs');

const TIMEOUT = { timeout: 90_000 };
const ROWS = 'table[data-testid=adjoint-table] tr[data-testid=adjoint-row]';

const withApp = browserHarness({ before, after });


/** Reads `Step k / n` from [data-testid=step] as { k, n }. */
async function stepOf(page) {
  const text = await page.locator('[data-testid=step]').innerText();
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  assert.ok(m, `step indicator should read "Step k / n", got ${JSON.stringify(text)}`);
  return { k: Number(m[1]), n: Number(m[2]), text };
}

/** Clicks a control and waits until the step indicator shows something else. */
async function clickAndWaitForStep(page, selector) {
  const before = (await stepOf(page)).text;
  await page.click(selector);
  await page.waitForFunction(
    (old) => document.querySelector('[data-testid=step]')?.textContent !== old,
    before,
  );
  return stepOf(page);
}

/** Maps each adjoint row's data-node to its value cell's text. */
async function adjointValues(page) {
  return page.locator(ROWS).evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.getAttribute('data-node'),
        r.querySelector('td[data-testid=adjoint-value]')?.textContent.trim(),
      ]),
    ),
  );
}

async function isDisabled(page, selector) {
  return page.locator(selector).isDisabled();
}

test('lecture example: 7 forward nodes, reverse AD stepped to v̄2 = 1.716 and v̄1 = 5.5', TIMEOUT, async (t) => {
  await withApp(t, 'lecture-reverse', async ({ page }) => {
    await waitForCount(page, FORWARD_NODES, 7);
    const labels = await page.locator(FORWARD_NODES).evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
    assert.equal(new Set(labels).size, 7, `forward node labels should be 7 distinct labels: ${labels}`);
    assert.ok(labels.every((l) => l && l.trim() !== ''), `every node has a data-label: ${labels}`);

    await page.click('button[data-mode=reverse]');
    if (!(await isDisabled(page, 'button#first'))) await clickAndWaitForStep(page, 'button#first');
    assert.ok(await isDisabled(page, 'button#first'), '#first is disabled at the first step');
    assert.ok(await isDisabled(page, 'button#prev'), '#prev is disabled at the first step');

    let { k, n } = await stepOf(page);
    let rows = await page.locator(ROWS).count();
    assert.ok(rows < 7, `not every node is visited at the first step (${rows} rows)`);
    for (let clicks = 0; !(await isDisabled(page, 'button#next')); clicks++) {
      assert.ok(clicks < 500, 'Next never became disabled');
      const next = await clickAndWaitForStep(page, 'button#next');
      assert.equal(next.k, k + 1, `Next moves one step (${k} -> ${next.k})`);
      assert.equal(next.n, n, 'the number of steps does not change while stepping');
      const nowRows = await page.locator(ROWS).count();
      assert.ok(nowRows >= rows, `adjoint rows never disappear while stepping forward (${rows} -> ${nowRows})`);
      ({ k } = next);
      rows = nowRows;
    }
    assert.equal(k, n, 'Next is disabled exactly at the last step');
    assert.ok(await isDisabled(page, 'button#last'), '#last is disabled at the last step');
    assert.ok(!(await isDisabled(page, 'button#prev')), '#prev is enabled at the last step');

    // v̄7 = 1 (seed); v̄6 = v̄7 = 1; v̄5 = −v̄7 = −1; v̄4 = v̄3 = v̄6 = 1;
    // v̄2 = v̄5·cos v2 + v̄4·v1 = −0.284 + 2 = 1.716; v̄1 = v̄4·v2 + v̄3/v1 = 5 + 0.5 = 5.5.
    const values = await adjointValues(page);
    assert.deepEqual(values, { v1: '5.5', v2: '1.716', v3: '1', v4: '1', v5: '-1', v6: '1', v7: '1' });
    await waitForCount(page, FORWARD_NODES, 7);

    const narration = page.locator('[data-testid=narration]');
    assert.equal(await narration.getAttribute('aria-live'), 'polite');
    assert.notEqual((await narration.innerText()).trim(), '', 'the narration says something at the last step');

    await screenshot(page, 'lecture-reverse-last-step');
    await clickAndWaitForStep(page, 'button#first');
    assert.ok(await isDisabled(page, 'button#prev'), '#prev is disabled again after First');
    assert.ok((await page.locator(ROWS).count()) < 7, 'First hides the adjoints not yet computed');
  });
});

test('long chains break after an "=" step: v̄2 = … = 1.716 is read to its end in the table and the narration', TIMEOUT, async (t) => {
  await withApp(t, 'lecture-wrapped-chains', async ({ page }) => {
    await waitForCount(page, FORWARD_NODES, 7);
    await page.click('button[data-mode=reverse]');
    if (!(await isDisabled(page, 'button#last'))) await clickAndWaitForStep(page, 'button#last');
    // Step 15 of 17 visits v2 (the last visits v1, then Done).
    await clickAndWaitForStep(page, 'button#prev');
    await clickAndWaitForStep(page, 'button#prev');
    const r = await page.evaluate(() => {
      const box = (e) => e.getBoundingClientRect();
      const cell = document.querySelector('tr[data-testid=adjoint-row][data-node=v2] td.formula');
      const pieces = [...cell.querySelectorAll('math')];
      const narration = document.querySelector('[data-testid=narration]');
      const sentence = narration.querySelector(':scope > span:not(.formula)');
      const formula = narration.querySelector('.formula');
      const last = [...formula.querySelectorAll('math')].pop();
      return {
        pieces: pieces.length,
        lines: new Set(pieces.map((m) => Math.round(box(m).top))).size,
        cellScrolls: cell.scrollWidth - cell.clientWidth,
        lastInCell: box(pieces[pieces.length - 1]).right <= box(cell).right + 0.5,
        cellText: cell.textContent,
        formulaBelowSentence: box(formula).top >= box(sentence).bottom - 1,
        lastInNarration: box(last).right <= box(narration).right + 0.5,
        narrationText: formula.textContent,
      };
    });
    // v̄2 = v̄2→5 + v̄2→4 = v̄5·cos v2 + v̄4·v1 = −0.284 + 2 = 1.716: five parts, four
    // pieces (the first holds `v̄2 = v̄2→5 + v̄2→4`).
    assert.equal(r.pieces, 4, `the chain is four <math> pieces: ${JSON.stringify(r)}`);
    assert.ok(r.lines >= 2, `the 1440-px table's formula column breaks the chain over lines: ${JSON.stringify(r)}`);
    assert.ok(r.cellScrolls <= 1 && r.lastInCell, `the chain's end is in view, not scrolled away: ${JSON.stringify(r)}`);
    assert.match(r.cellText, /1\.716$/, 'the table cell ends with the value');
    assert.ok(r.formulaBelowSentence, 'the narration sets the typeset chain under its sentence');
    assert.ok(r.lastInNarration, 'the narration shows the chain to its end');
    assert.match(r.narrationText, /1\.716$/, 'the narration formula ends with the value');
    await screenshot(page, 'lecture-wrapped-chains');
  });
});

test('every mode tab draws the lecture graph and steps to its end without errors', TIMEOUT, async (t) => {
  await withApp(t, 'modes', async ({ page }) => {
    for (const mode of ['forward', 'reverse', 'extended', 'backprop']) {
      await page.click(`button[data-mode=${mode}]`);
      await waitForCount(page, FORWARD_NODES, 7);
      if (!(await isDisabled(page, 'button#last'))) await clickAndWaitForStep(page, 'button#last');
      const { k, n } = await stepOf(page);
      assert.equal(k, n, `${mode}: Last goes to the last step`);
      assert.ok(await isDisabled(page, 'button#next'), `${mode}: Next is disabled at the last step`);
      await screenshot(page, `mode-${mode}`);
    }
  });
});

test('a broken program shows the parse error with a caret and keeps the graph', TIMEOUT, async (t) => {
  await withApp(t, 'parse-error', async ({ page }) => {
    await waitForCount(page, FORWARD_NODES, 7);
    const program = page.locator('textarea#program');
    const original = await program.inputValue();
    assert.equal(await page.locator('[data-testid=parse-error]').count(), 0, 'no error shown for the default program');

    await program.fill('ln(x1 +');
    const error = page.locator('[data-testid=parse-error]');
    await error.waitFor();
    const pre = await error.locator('pre').innerText();
    assert.match(pre, /ln\(x1 \+/, `the error quotes the source line: ${JSON.stringify(pre)}`);
    assert.match(pre, /^\s*\^/m, `the error has a caret line: ${JSON.stringify(pre)}`);
    await waitForCount(page, FORWARD_NODES, 7);
    await screenshot(page, 'parse-error-shown');

    await program.fill(original);
    await waitForCount(page, '[data-testid=parse-error]', 0);
    await waitForCount(page, FORWARD_NODES, 7);
  });
});

test('the extended-graph example exp/+1/× gives 4 forward nodes and dy/dx1 = e(2e+1)', TIMEOUT, async (t) => {
  await withApp(t, 'extended-example', async ({ page }) => {
    await page.locator('textarea#program').fill('v2 = exp(x1); v3 = v2 + 1; v4 = v2 * v3');
    await page.locator('input#inputs').fill('x1=1');
    await waitForCount(page, FORWARD_NODES, 4);
    assert.equal(await page.locator('[data-testid=parse-error]').count(), 0, 'the program parses');

    // y = v2·v3 = e^x (e^x + 1), so dy/dx1 = e^x (e^x + 1) + e^x·e^x = e(2e + 1) = 17.496 at x1 = 1.
    await page.click('button[data-mode=reverse]');
    if (!(await isDisabled(page, 'button#last'))) await clickAndWaitForStep(page, 'button#last');
    const values = Object.values(await adjointValues(page));
    assert.equal(values.length, 4, `one adjoint row per forward node: ${values}`);
    assert.ok(values.includes('17.496'), `the input's adjoint is 17.496: ${values}`);
  });
});
