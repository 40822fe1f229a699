'use strict';
// Browser tests of predict-then-reveal and the bug hunt (issue #8): on §2.2 (multiple
// paths) one right answer for v̄2 (1.716) is judged right and one wrong (2, one path only)
// names the rule missed; "reveal" applies the step. Each bug switch flags its divergence:
// overwriting partial adjoints at v2, the wrong visiting order at v1, and not reusing
// forward nodes growing the §2.4 extended graph (9 → 13 nodes); the graph, its legend and
// the table mark the node where each diverges. With `ask=1`, Next waits for an answer.
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//     node --test tests/e2e/predict.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { browserHarness, BASE_URL } = require('./helpers.cjs');

const TIMEOUT = { timeout: 90_000 };
const withApp = browserHarness({ before, after }, 'predict-');

/** Opens lesson `slug` from the table of contents. */
async function openLesson(page, slug) {
  await page.locator('#lessons-toggle').click();
  await page.locator(`[data-testid=toc-item][data-lesson="${slug}"]`).click();
  await page.locator(`[data-testid=lesson-panel][data-lesson="${slug}"]`).waitFor();
}

/** Types `answer` into the predict box and returns the feedback element. */
async function answer(page, text) {
  await page.locator('#predict-input').fill(text);
  await page.locator('#predict-check').click();
  const fb = page.locator('[data-testid=predict-feedback]');
  await fb.waitFor();
  return fb;
}

test('predict v̄2: 1.716 is right, 2 misses the second path; reveal steps on', TIMEOUT, async (t) => {
  await withApp(t, 'v2', async ({ page }) => {
    await openLesson(page, 'multiple-paths');
    await page.locator('#predict-input').waitFor();
    const label = await page.locator('label[for=predict-input]').getAttribute('data-quantity');
    assert.match(label, /v.?2/);
    let fb = await answer(page, '2');
    assert.equal(await fb.getAttribute('data-verdict'), 'wrong');
    assert.equal(await fb.getAttribute('data-rule'), 'one_path');
    fb = await answer(page, '1.716');
    assert.equal(await fb.getAttribute('data-verdict'), 'right');
    const step = await page.locator('[data-testid=step]').innerText();
    await page.locator('#predict-reveal').click();
    await page.waitForFunction((s) => document.querySelector('[data-testid=step]').innerText !== s, step);
  });
});

const BUGS = [
  { lesson: 'algorithm', bug: 'overwrite', node: 'v2', legend: '(buggy 2 vs right 1.716)' },
  { lesson: 'algorithm', bug: 'order', node: 'v1' },
  { lesson: 'extended-graph', bug: 'reuse', node: 'v4', nodes: ['13', '9'] },
];

for (const b of BUGS) {
  test(`bug switch ${b.bug} is flagged at ${b.node}`, TIMEOUT, async (t) => {
    await withApp(t, `bug-${b.bug}`, async ({ page }) => {
      await openLesson(page, b.lesson);
      await page.locator(`button[data-bug=${b.bug}]`).click();
      const d = page.locator('[data-testid=bug-divergence]');
      await d.waitFor();
      assert.equal(await d.getAttribute('data-diverges'), 'true');
      assert.equal(await d.getAttribute('data-node'), b.node);
      if (b.nodes) {
        const text = await page.locator('[data-testid=bug-nodes]').innerText();
        for (const n of b.nodes) assert.ok(text.includes(n), `node counts should mention ${n}: ${text}`);
      }
      assert.equal(await page.locator(`button[data-bug=${b.bug}]`).getAttribute('aria-pressed'), 'true');
      // The graph marks the node where the run diverges, and the legend names it.
      const marked = page.locator('svg[data-testid=graph] g[data-testid=graph-node].is-diverging');
      await marked.first().waitFor();
      assert.equal(await marked.count(), 1);
      assert.equal(await marked.getAttribute('data-label'), b.node);
      const legend = await page.locator('[data-testid=legend-diverging]').innerText();
      assert.match(legend, new RegExp(`diverges here: ${b.node}\\b`));
      if (b.legend) assert.ok(legend.includes(b.legend), `legend: ${legend}`);
      // Its table row too, once the run has reached it.
      await page.keyboard.press('End');
      const row = page.locator('[data-testid=adjoint-table] tr.is-diverging');
      await row.waitFor();
      assert.equal(await row.count(), 1);
      assert.equal(await row.getAttribute('data-node'), b.node);
      // In Chinese the legend says the same.
      await page.locator('button[data-lang=zh]').click();
      await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('[data-testid=legend-diverging]').textContent));
      // (The choice is remembered: back to English for the tests after this one.)
      await page.locator('button[data-lang=en]').click();
      // Off again: nothing is marked.
      await page.locator(`button[data-bug=${b.bug}]`).click();
      await page.locator('[data-testid=legend-diverging]').waitFor({ state: 'detached' });
      assert.equal(await page.locator('svg[data-testid=graph] .is-diverging').count(), 0);
    });
  });
}

test('order meter counts nodes per derivative order on §2.5', TIMEOUT, async (t) => {
  await withApp(t, 'order-meter', async ({ page }) => {
    await openLesson(page, 'backprop-vs-reverse-ad');
    const rows = page.locator('[data-testid=order-row]');
    await rows.first().waitFor();
    // Orders 0 (the program) to 3.
    assert.equal(await rows.count(), 4);
    const counts = (await rows.evaluateAll((rs) => rs.map((r) => Number(r.dataset.nodes))));
    assert.ok(counts[0] < counts[1] && counts[1] < counts[2], `counts should grow: ${counts}`);
  });
});

test('with ask=1, Next waits until the prediction is answered or revealed', TIMEOUT, async (t) => {
  const url = `${BASE_URL}?lesson=multiple-paths&lang=en&ask=1`;
  await withApp(t, 'ask-holds-next', async ({ page }) => {
    await page.locator('#predict-input').waitFor();
    assert.equal(await page.locator('#predict-ask').isChecked(), true);
    const step = () => page.locator('[data-testid=step]').innerText();
    const before = await step();
    // Held: the button is disabled, the keys do nothing, and a hint says why.
    assert.equal(await page.locator('#next').isDisabled(), true);
    assert.equal(await page.locator('#last').isDisabled(), true);
    const hold = page.locator('[data-testid=ask-hold]');
    assert.match(await hold.innerText(), /answer the question or reveal the step first/i);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
    assert.equal(await step(), before, 'Next did not pass the unanswered question');
    // An answer (even a wrong one) lets Next go on.
    await answer(page, '2');
    await hold.waitFor({ state: 'detached' });
    assert.equal(await page.locator('#next').isDisabled(), false);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((s) => document.querySelector('[data-testid=step]').innerText !== s, before);
    // The next question holds again; the hint's Reveal applies the step.
    const second = await step();
    if (await page.locator('#predict-input').count() > 0) {
      await hold.waitFor();
      await page.locator('#ask-reveal').click();
      await page.waitForFunction((s) => document.querySelector('[data-testid=step]').innerText !== s, second);
    }
    // Turned off, Next is free.
    await page.locator('#predict-ask').uncheck();
    await hold.waitFor({ state: 'detached' });
    await page.waitForFunction(() => !/[?&]ask=1/.test(location.search));
  }, url);
});
