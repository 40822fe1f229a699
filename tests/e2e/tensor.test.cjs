'use strict';
// Browser tests of tensors and data structures in the app (issue 7): the lecture's Z = XW
// preset stepped to the end, X's inspector showing X̄ (2×3) with X̄ = Z̄·Wᵀ lining up
// (2×2 · 2×3 → 2×3) and an entry equal to the engine's (CLI `adjoint tensor --preset
// matmul`: X̄[0, 0] = −0.79…); the dict preset's adjoint {"cat": b̄, "dog": 0}; the MLP
// preset stepped to the end; a shape error with a caret that keeps the last graph; ragged
// JSON inputs named in the values field; the other mode tabs disabled. Every test also
// fails on console errors and foreign requests (helpers.cjs).
//
// Run: ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//        node --test tests/e2e/tensor.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { browserHarness, BASE_URL } = require('./helpers.cjs');

const TIMEOUT = { timeout: 120_000 };
const NODES = 'svg[data-testid=graph] g[data-testid=graph-node]';
const withApp = browserHarness({ before, after }, 'tensor-');

/** Picks the `t<i>` preset in the examples picker and waits for its graph. */
async function loadPreset(page, i, firstLabel) {
  await page.locator('select#examples').selectOption(`t${i}`);
  await page.locator(`${NODES}[data-label="${firstLabel}"]`).waitFor();
}

/** Reads `Step k / n`. */
async function stepOf(page) {
  const m = /Step\s+(\d+)\s*\/\s*(\d+)/.exec(await page.locator('[data-testid=step]').innerText());
  assert.ok(m, 'a step indicator');
  return { k: Number(m[1]), n: Number(m[2]) };
}

/** Goes to the last step with End (focus on the page). */
async function toEnd(page) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('End');
  const { n } = await stepOf(page);
  await page.waitForFunction((n) => new RegExp(`Step\\s+${n}\\s*/`).test(document.querySelector('[data-testid=step]').textContent), n);
  return n;
}

/** Clicks the graph node labelled `label`. */
async function inspect(page, label) {
  await page.locator(`${NODES}[data-label="${label}"]`).click();
  await page.locator(`[data-testid=inspector][data-node="${label}"]`).waitFor();
  return page.locator('[data-testid=inspector]');
}

test('Z = XW: shape badges, X̄ = Z̄Wᵀ in the inspector with the shapes lining up', TIMEOUT, async (t) => {
  await withApp(t, 'matmul', async ({ page }) => {
    await loadPreset(page, 0, 'X');
    assert.equal(await page.locator(`${NODES}[data-label="X"]`).getAttribute('data-shape'), '2×3');
    assert.equal(await page.locator(`${NODES}[data-label="W"]`).getAttribute('data-shape'), '3×2');
    assert.equal(await page.locator(`${NODES}[data-label="Z"]`).getAttribute('data-shape'), '2×2');
    assert.match(await page.locator('label[for=inputs]').innerText(), /JSON/);
    // Only extended mode applies to tensors.
    assert.equal(await page.locator('button[data-mode=reverse]').isDisabled(), true);
    assert.equal(await page.locator('button[data-mode=extended]').isDisabled(), false);

    const inspector = await inspect(page, 'X');
    assert.equal(await inspector.locator('[data-testid=inspector-value] [data-testid=heatmap]').getAttribute('data-rows'), '2');
    assert.equal(await inspector.locator('[data-testid=inspector-adjoint]').getAttribute('data-state'), 'pending');
    await toEnd(page);
    const adjoint = inspector.locator('[data-testid=inspector-adjoint]');
    await page.waitForFunction(() => document.querySelector('[data-testid=inspector-adjoint]')?.dataset.state === 'done');
    assert.equal(await adjoint.getAttribute('data-shape'), '2×3');
    assert.equal(await adjoint.locator('[data-testid=inspector-shapes]').innerText(), '2×2 · 2×3 → 2×3');
    assert.match(await adjoint.locator('[data-testid=inspector-formula]').innerText(), /Z̄·Wᵀ/);
    // X̄[0, 0] = Σⱼ Z̄₀ⱼ W₀ⱼ = 0.42·0.5 + 1·(−1) (the CLI prints −0.79).
    const x00 = Number(await adjoint.locator('[data-testid=heatmap-cell][data-row="0"][data-col="0"]').getAttribute('data-value'));
    assert.ok(Math.abs(x00 - -0.79) < 5e-3, `X̄[0, 0] = ${x00}`);
    await page.locator('#inspector-close').click();
    assert.equal(await page.locator('[data-testid=inspector]').count(), 0);
  });
});

test('the dict preset: the adjoint of d is {"cat": b̄, "dog": 0}', TIMEOUT, async (t) => {
  await withApp(t, 'dict', async ({ page }) => {
    await loadPreset(page, 1, 'd');
    assert.equal(await page.locator(`${NODES}[data-label="d"]`).getAttribute('data-shape'), '{cat, dog}');
    await toEnd(page);
    const inspector = await inspect(page, 'd');
    const adjoint = inspector.locator('[data-testid=inspector-adjoint]');
    const dog = await adjoint.locator('[data-testid=inspector-entry][data-key=dog] .inspector-number').innerText();
    const cat = await adjoint.locator('[data-testid=inspector-entry][data-key=cat] .inspector-number').innerText();
    assert.equal(dog, '0', 'nothing flowed into "dog"');
    assert.notEqual(cat, '0', 'b̄ flowed into "cat"');
  });
});

test('the MLP preset runs end to end and steps with no error', TIMEOUT, async (t) => {
  await withApp(t, 'mlp', async ({ page }) => {
    await loadPreset(page, 2, 'X');
    const n = await toEnd(page);
    assert.ok(n > 20, `the MLP has many steps (${n})`);
    assert.equal(await page.locator('[data-testid=parse-error]').count(), 0);
    // The view follows the step to the output: fit the whole graph to reach W1.
    await page.locator('#fit').click();
    const inspector = await inspect(page, 'W1');
    await page.waitForFunction(() => document.querySelector('[data-testid=inspector-adjoint]')?.dataset.state === 'done');
    assert.equal(await inspector.locator('[data-testid=inspector-adjoint]').getAttribute('data-shape'), '4×8');
  });
});

test('a shape error shows a caret and keeps the graph; ragged JSON is named', TIMEOUT, async (t) => {
  await withApp(t, 'errors', async ({ page }) => {
    await loadPreset(page, 0, 'X');
    const before = await page.locator(NODES).count();
    const program = page.locator('textarea#program');
    const text = (await program.inputValue()).replace('X @ W', 'X @ X');
    await program.fill(text);
    const error = page.locator('[data-testid=parse-error]');
    await error.waitFor();
    assert.match(await error.innerText(), /@/);
    assert.match(await error.locator('pre').innerText(), /\^/);
    assert.equal(await program.inputValue(), text, 'the typed text stays');
    assert.equal(await page.locator(NODES).count(), before, 'the last good graph stays');

    await program.fill(text.replace('X @ X', 'X @ W'));
    await page.waitForFunction(() => !document.querySelector('[data-testid=parse-error]'));
    await page.locator('input#inputs').fill('{"X": [[1, 2, 0], [0, 1]], "W": [[1, 0], [0, 1], [1, 1]]}');
    await error.waitFor();
    assert.match(await error.innerText(), /X\[1\]/, 'the ragged row is named');
    assert.equal(await page.locator('input#inputs').getAttribute('aria-invalid'), 'true');
  });
});

test('the tensor engine is fetched on the first tensor program, once, and not before', TIMEOUT, async (t) => {
  await withApp(t, 'lazy', async ({ page }) => {
    const lab = [];
    page.on('request', (r) => {
      if (/adjoint-web-lab-/.test(r.url())) lab.push(new URL(r.url()).pathname);
    });
    await page.reload({ waitUntil: 'load' });
    await page.locator(NODES).first().waitFor();
    await toEnd(page);
    assert.deepEqual(lab, [], 'the scalar step-through does not fetch the tensor engine');
    await loadPreset(page, 0, 'X');
    assert.equal(lab.filter((u) => u.endsWith('_bg.wasm')).length, 1, `fetched: ${lab}`);
    assert.equal(await page.locator('[data-testid=lab-status]').count(), 0, 'no status once loaded');
    const fetched = lab.length;
    await loadPreset(page, 1, 'd');
    assert.equal(lab.length, fetched, 'a second tensor program fetches nothing more');
  });
});

test('a tensor engine that cannot be fetched is reported, the text kept, and retried on edit', TIMEOUT, async (t) => {
  await withApp(t, 'lazy-failed', async (app) => {
    const { page } = app;
    // Routed for the whole context, so the service worker's fetches are refused too, and
    // with its cache emptied it has no copy to answer from.
    await page.context().route(/adjoint-web-lab-/, (route) => route.abort('internetdisconnected'));
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const key of await caches.keys()) await caches.delete(key);
    });
    await page.reload({ waitUntil: 'load' });
    await page.locator(NODES).first().waitFor();
    await page.locator('select#examples').selectOption('t0');
    const status = page.locator('[data-testid=lab-status]');
    await status.waitFor();
    await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('[data-testid=lab-status]').textContent));
    const program = await page.inputValue('#program');
    assert.match(program, /X @ W/, 'the program text stays');
    assert.ok((await page.locator(NODES).count()) > 0, "the last graph stays");
    assert.equal(await page.locator(`${NODES}[data-label="X"]`).count(), 0, "no tensor graph yet");
    await page.context().unroute(/adjoint-web-lab-/);
    await page.locator('#program').fill(`${program}\n`);
    await page.locator(`${NODES}[data-label="X"]`).waitFor();
    assert.equal(await status.count(), 0);
    // The refused fetches were this test's doing.
    for (let i = app.problems.length - 1; i >= 0; i--) {
      if (/adjoint-web-lab-|Failed to fetch dynamically imported module|INTERNET_DISCONNECTED/.test(app.problems[i])) app.problems.splice(i, 1);
    }
  });
});

test('a tensor permalink waits for the tensor engine and opens at its step', TIMEOUT, async (t) => {
  const program = 'Z = X @ W\nv = sum(tanh(Z))';
  const inputs = '{"X": [[1, 2], [3, 4]], "W": [[0.5], [-1]]}';
  const url = `${BASE_URL}?p=${encodeURIComponent(program)}&at=${encodeURIComponent(inputs)}&step=3`;
  await withApp(t, 'permalink', async ({ page }) => {
    await page.locator(`${NODES}[data-label="Z"]`).waitFor();
    assert.deepEqual(await stepOf(page).then((s) => s.k), 3, 'the step of the link, not 0');
    assert.equal(await page.locator(`${NODES}[data-label="W"]`).getAttribute('data-shape'), '2×1');
  }, url);
});
