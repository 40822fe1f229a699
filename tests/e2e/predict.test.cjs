'use strict';
// Browser tests of predict-then-reveal and the bug hunt (issue #8): on §2.2 (multiple
// paths) one right answer for v̄2 (1.716) is judged right and one wrong (2, one path only)
// names the rule missed; "reveal" applies the step. Each bug switch flags its divergence:
// overwriting partial adjoints at v2, the wrong visiting order at v1, and not reusing
// forward nodes growing the §2.4 extended graph (9 → 13 nodes).
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//     node --test tests/e2e/predict.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { browserHarness } = require('./helpers.cjs');

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
  { lesson: 'algorithm', bug: 'overwrite', node: 'v2' },
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
