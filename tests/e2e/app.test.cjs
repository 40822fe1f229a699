'use strict';
// Browser tests of the step-through app as a user drives it (issue 5): the lecture example
// typed into the editor and stepped with the keyboard (→, PageDown, End, Home, space) to
// v̄2 = 1.716 in the adjoint table, the pseudocode line and the narration; a typed mistake
// shown with a caret while the last good graph stays; a shared URL restoring step and mode;
// the presenter and theme toggles; forward mode with respect to x2; and the accessibility
// contract (tab roles, named controls, a polite live narration, a visible focus ring).
// Every test also fails on console errors, page errors, failed requests and requests to any
// host but 127.0.0.1 (helpers.cjs). Screenshots go to tests/e2e/artifacts/app-*.png.
//
// Run: scripts/test.sh, or by hand against a served dist/:
//   ADJOINT_E2E_URL=http://127.0.0.1:PORT/ NODE_PATH=~/.adjoint-tools/node_modules \
//     node --test tests/e2e/app.test.cjs

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { browserHarness, FORWARD_NODES, waitForCount, screenshot } = require('./helpers.cjs');

const TIMEOUT = { timeout: 90_000 };
const ROWS = 'table[data-testid=adjoint-table] tr[data-testid=adjoint-row]';
const CURRENT_LINE = '[data-testid=pseudocode] [aria-current=step]';
const PROGRAM = 'ln(x1) + x1*x2 - sin(x2)';
const VALUES = 'x1=2, x2=5';

const withApp = browserHarness({ before, after }, 'app-');


/** Reads `Step k / n` from [data-testid=step] as { k, n }. */
async function stepOf(page) {
  const text = await page.locator('[data-testid=step]').innerText();
  const m = /Step\s+(\d+)\s*\/\s*(\d+)/.exec(text);
  assert.ok(m, `step indicator should read "Step k / n", got ${JSON.stringify(text)}`);
  return { k: Number(m[1]), n: Number(m[2]) };
}

/** Waits until the step indicator shows step `k`. */
async function waitForStep(page, k, timeout = 10_000) {
  try {
    await page.waitForFunction(
      (want) => new RegExp(`Step\\s+${want}\\s*/`).test(document.querySelector('[data-testid=step]')?.textContent ?? ''),
      k,
      { timeout },
    );
  } catch {
    throw new Error(`expected step ${k}, the page shows ${JSON.stringify(await stepOf(page))}`);
  }
}

/** Presses `key` with focus on the page (not in a field) and waits for step `k`. */
async function press(page, key, k) {
  await page.keyboard.press(key);
  await waitForStep(page, k);
}

/** Moves focus off any field or button, onto the page itself. */
async function focusPage(page) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'focus is on the page');
}

/** Clears the editor and types `program` and `values` key by key, as a user would. */
async function typeProgram(page, program, values) {
  const p = page.locator('textarea#program');
  await p.fill('');
  await p.pressSequentially(program);
  const v = page.locator('input#inputs');
  await v.fill('');
  await v.pressSequentially(values);
  await waitForCount(page, '[data-testid=parse-error]', 0);
}

/** Maps each adjoint row's data-node to its value cell's text. */
async function adjointValues(page) {
  return page.locator(ROWS).evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [r.getAttribute('data-node'), r.querySelector('td[data-testid=adjoint-value]')?.textContent.trim()]),
    ),
  );
}

/** The highlighted pseudocode lines: [{ text, cls }]. */
async function currentLines(page) {
  return page
    .locator(CURRENT_LINE)
    .evaluateAll((els) => els.map((e) => ({ text: e.textContent.trim(), cls: e.getAttribute('class') || '' })));
}

async function selectMode(page, mode) {
  await page.click(`button[data-mode=${mode}]`);
  await page.waitForFunction(
    (m) => document.querySelector(`button[data-mode=${m}]`)?.getAttribute('aria-selected') === 'true',
    mode,
  );
}

test('keyboard: the typed lecture example steps with →/PageDown/End to v̄2 = 1.716; Home goes back', TIMEOUT, async (t) => {
  await withApp(t, 'keyboard', async ({ page }) => {
    await typeProgram(page, PROGRAM, VALUES);
    await waitForCount(page, FORWARD_NODES, 7);
    await selectMode(page, 'reverse');
    const { k: k0, n } = await stepOf(page);
    assert.equal(k0, 0, 'a new mode starts at step 0');
    assert.equal(n, 17, 'reverse mode on the lecture example has 17 steps');

    // Keys typed into the program are text, not steps.
    await page.locator('textarea#program').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    assert.equal((await stepOf(page)).k, 0, '→ and End in the textarea do not step');
    assert.equal(await page.locator('textarea#program').inputValue(), PROGRAM, 'the keys did not change the text');

    await focusPage(page);
    await press(page, 'ArrowRight', 1);
    await press(page, 'PageDown', 2);
    await press(page, 'ArrowLeft', 1);
    await press(page, 'PageUp', 0);
    for (let k = 1; k <= 15; k++) await press(page, 'ArrowRight', k);

    // Step 15 visits v2: v̄2 = v̄5·cos v2 + v̄4·v1 = −1 × 0.284 + 1 × 2 = 1.716.
    const v2 = page.locator(`${ROWS}[data-node=v2]`);
    assert.equal(await v2.locator('td[data-testid=adjoint-value]').innerText(), '1.716');
    assert.match(await v2.getAttribute('class'), /\bis-current\b/, 'the row of the step just taken is highlighted');
    let lines = await currentLines(page);
    assert.equal(lines.length, 1, `exactly one pseudocode line is current: ${JSON.stringify(lines)}`);
    assert.match(lines[0].cls, /\bcurrent\b/);
    assert.match(lines[0].text, /sum\(node_to_grad\[i\]\)/, 'visiting a node runs the summing line');
    const narration = page.locator('[data-testid=narration]');
    assert.match(await narration.innerText(), /Visit v2.*1\.716/s, 'the narration explains the sum');

    await press(page, 'End', 17);
    assert.deepEqual(await adjointValues(page), { v1: '5.5', v2: '1.716', v3: '1', v4: '1', v5: '-1', v6: '1', v7: '1' });
    lines = await currentLines(page);
    assert.equal(lines.length, 1);
    assert.match(lines[0].text, /return/, `the last step runs the return line: ${lines[0].text}`);
    const said = await narration.innerText();
    assert.match(said, /∂y\/∂x2 = 1\.716/, `the narration states the result: ${said}`);
    assert.match(said, /∂y\/∂x1 = 5\.5/);
    await page.keyboard.press('ArrowRight');
    assert.equal((await stepOf(page)).k, 17, '→ at the end stays at the end');
    await screenshot(page, 'app-keyboard-end');

    await press(page, 'Home', 0);
    assert.equal(await page.locator(ROWS).count(), 0, 'Home hides every adjoint');
    assert.equal((await currentLines(page)).length, 0, 'no pseudocode line runs at step 0');
    assert.match(await narration.innerText(), /Reverse mode seeds/, 'step 0 introduces the mode');
  });
});

test('space plays (the step advances by itself) and pauses', TIMEOUT, async (t) => {
  await withApp(t, 'play', async ({ page }) => {
    await selectMode(page, 'reverse');
    await page.selectOption('select#speed', { label: '4×' });
    await focusPage(page);
    const play = page.locator('button#play');
    assert.equal(await play.getAttribute('aria-pressed'), 'false');

    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('button#play')?.getAttribute('aria-pressed') === 'true');
    await waitForStep(page, 2, 5_000);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('button#play')?.getAttribute('aria-pressed') === 'false');
    const paused = (await stepOf(page)).k;
    assert.ok(paused >= 2, `the player advanced on its own (step ${paused})`);
    await page.waitForTimeout(800); // more than 3 ticks at 4× (225 ms)
    assert.equal((await stepOf(page)).k, paused, 'paused: the step stays');
    assert.ok(paused < 17, 'paused before the end');
  });
});

test('a typed mistake shows a caret error and keeps the previous graph and step', TIMEOUT, async (t) => {
  await withApp(t, 'typed-error', async ({ page }) => {
    await selectMode(page, 'reverse');
    await focusPage(page);
    for (let k = 1; k <= 3; k++) await press(page, 'ArrowRight', k);

    const program = page.locator('textarea#program');
    await program.focus();
    await page.keyboard.press('End');
    await program.pressSequentially(' * (x1 +');
    const error = page.locator('[data-testid=parse-error]');
    await error.waitFor();
    const pre = await error.locator('pre').innerText();
    assert.match(pre, /sin\(x2\) \* \(x1 \+/, `the error quotes the line: ${JSON.stringify(pre)}`);
    assert.match(pre, /\n\s*\^/, `a caret line follows: ${JSON.stringify(pre)}`);
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.equal(await program.getAttribute('aria-invalid'), 'true');
    await waitForCount(page, FORWARD_NODES, 7);
    assert.deepEqual(await stepOf(page), { k: 3, n: 17 }, 'the last good trace stays at its step');
    await screenshot(page, 'app-typed-error-shown');

    for (let i = 0; i < ' * (x1 +'.length; i++) await page.keyboard.press('Backspace');
    await waitForCount(page, '[data-testid=parse-error]', 0);
    assert.equal(await program.getAttribute('aria-invalid'), 'false');
    assert.equal(await program.inputValue(), PROGRAM);
  });
});

test('a shared URL restores the step and the mode', TIMEOUT, async (t) => {
  let shared;
  let total;
  await withApp(t, 'share-source', async ({ page }) => {
    await selectMode(page, 'reverse');
    await focusPage(page);
    for (let k = 1; k <= 5; k++) await press(page, 'ArrowRight', k);
    total = (await stepOf(page)).n;
    await page.waitForFunction(() => /[?&]step=5(&|$)/.test(location.search));
    shared = page.url();
    assert.match(shared, /[?&]mode=reverse(&|$)/, `the URL names the mode: ${shared}`);
  });
  await withApp(
    t,
    'share-restored',
    async ({ page }) => {
      await waitForStep(page, 5);
      assert.equal(await page.locator('[data-testid=step]').innerText(), `Step 5 / ${total}`);
      assert.equal(await page.locator('button[data-mode=reverse]').getAttribute('aria-selected'), 'true');
      assert.equal(await page.locator('[role=tab][aria-selected=true]').count(), 1, 'one tab is selected');
      assert.equal(await page.locator('textarea#program').inputValue(), PROGRAM);
      // Step 5 visits v6: the table holds the seed v̄7 = 1 and v̄6 = 1, nothing further.
      assert.deepEqual(await adjointValues(page), { v7: '1', v6: '1' }, 'the restored frame is the frame of step 5');
    },
    shared,
  );
});

test('presenter and theme toggles set data-presenter and data-theme on <html>', TIMEOUT, async (t) => {
  await withApp(t, 'toggles', async ({ page }) => {
    const attr = (name) => page.evaluate((n) => document.documentElement.getAttribute(n), name);
    assert.equal(await attr('data-presenter'), null);
    await page.click('button#presenter');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-presenter'));
    assert.equal(await page.locator('button#presenter').getAttribute('aria-pressed'), 'true');
    await screenshot(page, 'app-presenter');
    await page.click('button#presenter');
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-presenter'));
    assert.equal(await page.locator('button#presenter').getAttribute('aria-pressed'), 'false');

    await page.click('button#theme');
    await page.waitForFunction(() => ['dark', 'light'].includes(document.documentElement.getAttribute('data-theme')));
    const first = await attr('data-theme');
    await page.click('button#theme');
    await page.waitForFunction((f) => document.documentElement.getAttribute('data-theme') !== f, first);
    assert.equal(await attr('data-theme'), first === 'dark' ? 'light' : 'dark', 'the theme flips');
  });
});

test('forward mode with respect to x2 ends with ∂y/∂x2 = 1.716 in the last row', TIMEOUT, async (t) => {
  await withApp(t, 'forward-x2', async ({ page }) => {
    await selectMode(page, 'forward');
    await page.selectOption('select#wrt', { label: 'x2' });
    await page.waitForFunction(() => /[?&]wrt=1(&|$)/.test(location.search));
    assert.equal((await stepOf(page)).k, 0, 'a new variable starts at step 0');
    await focusPage(page);
    const { n } = await stepOf(page);
    await press(page, 'End', n);
    const rows = await page.locator(ROWS).evaluateAll((rs) =>
      rs.map((r) => [r.getAttribute('data-node'), r.querySelector('td[data-testid=adjoint-value]').textContent.trim()]),
    );
    assert.equal(rows.length, 7, `one tangent per node: ${JSON.stringify(rows)}`);
    // ẏ = v̇7 = ∂y/∂x2 = x1 − cos x2 = 2 − 0.284 = 1.716 with ẋ2 = 1, ẋ1 = 0.
    assert.deepEqual(rows[rows.length - 1], ['v7', '1.716']);
    assert.deepEqual(rows[0], ['v1', '0'], 'x1 is held fixed');
    assert.match(await page.locator('[data-testid=narration]').innerText(), /∂y\/∂x2 = 1\.716/);
  });
});

test('accessibility: tab roles, named controls, polite narration, visible keyboard focus', TIMEOUT, async (t) => {
  await withApp(t, 'a11y', async ({ page }) => {
    assert.equal(await page.locator('[role=tablist] [role=tab]').count(), 4, 'four mode tabs in a tablist');
    const selected = await page
      .locator('[role=tab]')
      .evaluateAll((ts) => ts.map((e) => [e.getAttribute('data-mode'), e.getAttribute('aria-selected')]));
    assert.deepEqual(
      selected.filter(([, s]) => s === 'true').map(([m]) => m),
      ['extended'],
      `only the default mode is selected: ${JSON.stringify(selected)}`,
    );
    assert.ok(selected.every(([, s]) => s === 'true' || s === 'false'), 'every tab says aria-selected');

    // Every button and form control has a name: an aria-label, or a <label for>.
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input, textarea')]
        .filter((e) => !(e.getAttribute('aria-label') || '').trim())
        .filter((e) => !(e.id && document.querySelector(`label[for="${e.id}"]`)))
        .filter((e) => !(e.tagName === 'BUTTON' && /[A-Za-z]/.test(e.textContent)))
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, [], 'every control has an accessible name');
    for (const id of ['first', 'prev', 'play', 'next', 'last', 'zoom-in', 'zoom-out', 'fit']) {
      const label = await page.locator(`button#${id}`).getAttribute('aria-label');
      assert.ok(label && label.trim(), `button#${id} has an aria-label`);
    }

    assert.equal(await page.locator('[data-testid=narration]').getAttribute('aria-live'), 'polite');

    // Tabbing from the page reaches the controls with a visible ring (:focus-visible).
    await focusPage(page);
    const ring = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      ring.push(
        await page.evaluate(() => {
          const e = document.activeElement;
          const s = getComputedStyle(e);
          return {
            what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.dataset.mode ? '[' + e.dataset.mode + ']' : ''}`,
            // A 2px+ outline, or the fields' accent glow (box-shadow) that replaces it.
            visible:
              (e.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) ||
              (['TEXTAREA', 'INPUT'].includes(e.tagName) && s.boxShadow !== 'none'),
          };
        }),
      );
    }
    const tab = ring.find((r) => r.what.startsWith('button[') && r.what.includes('['));
    assert.ok(tab, `Tab reaches a mode tab: ${JSON.stringify(ring)}`);
    const invisible = ring.filter((r) => !r.visible && r.what !== 'body');
    assert.deepEqual(invisible, [], `focus is visible on every control reached: ${JSON.stringify(ring)}`);
    await screenshot(page, 'app-a11y-focus');
  });
});

test('an open method panel is in the URL and a reload restores it; old links open the step-through view', TIMEOUT, async (t) => {
  let shared;
  await withApp(t, 'panel-source', async ({ page }) => {
    await selectMode(page, 'reverse');
    await focusPage(page);
    for (let k = 1; k <= 2; k++) await press(page, 'ArrowRight', k);
    await page.click('button[data-panel=symbolic]');
    await page.locator('[data-testid=symbolic-panel]').waitFor();
    await page.waitForFunction(() => /[?&]panel=symbolic(&|$)/.test(location.search));
    await page.click('button[data-panel=numeric]');
    await page.locator('[data-testid=numeric-panel]').waitFor();
    await page.waitForFunction(() => /[?&]panel=numeric(&|$)/.test(location.search));
    shared = page.url();
    assert.match(shared, /[?&]step=2(&|$)/, `the step stays in the URL under the panel: ${shared}`);
    // Reloading the page shows the same panel, tab pressed, and no step-through view.
    await page.reload({ waitUntil: 'load' });
    await page.locator('[data-testid=numeric-panel]').waitFor();
    assert.equal(await page.locator('button[data-panel=numeric]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('svg[data-testid=graph]').count(), 0, 'the panel replaces the graph');
    // Closing it takes panel= out of the URL again.
    await page.click('button[data-panel=numeric]');
    await page.locator('svg[data-testid=graph]').waitFor();
    await page.waitForFunction(() => !/[?&]panel=/.test(location.search));
    await waitForStep(page, 2);
  });
  // The shared link opens the panel too (openApp waits for the graph, so open it by hand).
  await withApp(t, 'panel-restored', async ({ page }) => {
    await page.goto(shared, { waitUntil: 'load' });
    await page.locator('[data-testid=numeric-panel]').waitFor();
    assert.equal(await page.locator('button[data-panel=numeric]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('button[data-panel=symbolic]').getAttribute('aria-pressed'), 'false');
    // The mode tab it was opened over brings back the step-through view at that step.
    await page.click('button[data-mode=reverse]');
    await waitForStep(page, 2);
  });
  // A link from before panel= existed (and one naming a panel this build lacks).
  const old = shared.replace(/[?&]panel=[a-z]+/, '').replace('step=2', 'step=4');
  await withApp(
    t,
    'panel-old-link',
    async ({ page }) => {
      await waitForStep(page, 4);
      assert.equal(await page.locator('button[data-panel][aria-pressed=true]').count(), 0, 'no panel is open');
    },
    `${old}&panel=tensor`,
  );
});

/** Each node group of the graph in node order: its kind, label and the screen box of its shape. */
async function nodeBoxes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg[data-testid=graph] g.nodes > g')].map((g) => {
      const shape = g.querySelector('rect.node-shape');
      const r = shape.getBoundingClientRect();
      return {
        pending: g.getAttribute('data-testid') === 'pending-node',
        kind: g.getAttribute('data-node-kind'),
        user: ['x', 'y', 'width', 'height'].map((a) => Number(shape.getAttribute(a))),
        screen: [r.x, r.y, r.width, r.height],
      };
    }),
  );
}

test('stepping never moves a node: every box stays put, pending outline to drawn node (issue 4)', TIMEOUT, async (t) => {
  await withApp(t, 'stable', async ({ page }) => {
    // The extended graph reveals a node at most steps; its layout is the final graph's.
    const { n } = await stepOf(page);
    assert.ok(n >= 10, `the extended lecture trace has steps to take (${n})`);
    await focusPage(page);
    const first = await nodeBoxes(page);
    assert.ok(first.some((b) => b.pending), 'at step 0 the adjoint nodes are faint outlines');
    const viewBox = await page.locator('svg[data-testid=graph]').getAttribute('data-view');
    let now = first;
    for (let k = 1; k <= n; k++) {
      await press(page, 'ArrowRight', k);
      now = await nodeBoxes(page);
      assert.equal(now.length, first.length, `step ${k}: the same node groups, in the same order`);
      now.forEach((b, i) => {
        assert.deepEqual(b.user, first[i].user, `step ${k}: node ${i} (${b.kind}) keeps its place in the drawing`);
        assert.deepEqual(b.screen, first[i].screen, `step ${k}: node ${i} (${b.kind}) has not moved on screen (0 px)`);
      });
    }
    assert.equal(await page.locator('svg[data-testid=graph]').getAttribute('data-view'), viewBox, 'the view stayed');
    assert.equal(now.filter((b) => b.pending).length, 0, 'at the end every outline has become its node, in place');
  });
});

/** The screen centres of the forward nodes, by label. */
async function forwardCentres(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('svg[data-testid=graph] g[data-testid=graph-node]')]
        .filter((g) => ['input', 'forward'].includes(g.getAttribute('data-node-kind')))
        .map((g) => {
          const r = g.querySelector('rect.node-shape').getBoundingClientRect();
          return [g.getAttribute('data-label'), [r.x + r.width / 2, r.y + r.height / 2]];
        }),
    ),
  );
}

test('switching extended ↔ reverse glides the nodes and the view; reduced motion jumps', TIMEOUT, async (t) => {
  await withApp(t, 'glide', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const svg = page.locator('svg[data-testid=graph]');
    const start = await forwardCentres(page);
    const startBox = await svg.getAttribute('data-view');
    // Click, then sample every animation frame until the glide (450 ms) is over.
    const samples = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const out = [];
          const read = () =>
            Object.fromEntries(
              [...document.querySelectorAll('svg[data-testid=graph] g[data-testid=graph-node]')]
                .filter((g) => ['input', 'forward'].includes(g.getAttribute('data-node-kind')))
                .map((g) => {
                  const r = g.querySelector('rect.node-shape').getBoundingClientRect();
                  return [g.getAttribute('data-label'), [r.x + r.width / 2, r.y + r.height / 2]];
                }),
            );
          const t0 = performance.now();
          document.querySelector('button[data-mode=reverse]').click();
          // Until 900 ms have passed and no animation runs (a loaded machine may start late).
          const tick = () => {
            const now = performance.now() - t0;
            out.push({ t: now, centres: read(), viewBox: document.querySelector('svg[data-testid=graph]').getAttribute('data-view') });
            const running = document.getAnimations().some((a) => a.playState === 'running');
            if ((now < 900 || running) && now < 5000) requestAnimationFrame(tick);
            else resolve(out);
          };
          requestAnimationFrame(tick);
        }),
    );
    await page.waitForTimeout(300);
    const end = await forwardCentres(page);
    const endBox = await svg.getAttribute('data-view');
    assert.notEqual(endBox, startBox, 'the reverse-mode graph has another view');
    const labels = Object.keys(start);
    assert.equal(labels.length, 7);
    const moved = labels.filter((l) => Math.hypot(end[l][0] - start[l][0], end[l][1] - start[l][1]) > 5);
    assert.ok(moved.length > 0, `some forward nodes sit elsewhere in reverse mode: ${JSON.stringify({ start, end })}`);
    // Strictly between: each moved node off both its start and its end, in the same frame.
    const between = (s) =>
      moved.every((l) => {
        const p = s.centres[l];
        const off = (q) => Math.hypot(p[0] - q[0], p[1] - q[1]) > 1;
        return p && off(start[l]) && off(end[l]);
      });
    // No jump: a frame in the first half of the glide shows each node at most half-way
    // (the easing is symmetric), even though the svg took its new size at once.
    const way = (s, l) => {
      const d = Math.hypot(end[l][0] - start[l][0], end[l][1] - start[l][1]);
      return Math.hypot(s.centres[l][0] - start[l][0], s.centres[l][1] - start[l][1]) / d;
    };
    for (const s of samples.filter((x) => x.t < 200)) {
      for (const l of moved) assert.ok(way(s, l) <= 0.5, `${l} is ${way(s, l).toFixed(2)} of the way at ${s.t.toFixed(0)} ms`);
    }
    const mid = samples.filter(between);
    assert.ok(mid.length > 0, `a frame shows the nodes part-way: ${JSON.stringify(samples.map((s) => [Math.round(s.t), s.centres[moved[0]]]))}`);
    assert.ok(
      samples.some((s) => s.viewBox !== startBox && s.viewBox !== endBox),
      `a frame shows the view part-way: ${JSON.stringify(samples.map((s) => s.viewBox))}`,
    );
    const last = samples[samples.length - 1];
    for (const l of labels) {
      assert.ok(Math.hypot(last.centres[l][0] - end[l][0], last.centres[l][1] - end[l][1]) < 0.5, `${l} ends where it rests`);
    }
    assert.equal(last.viewBox, endBox, 'the view ends on the new graph');
    await screenshot(page, 'app-glide-end');

    // Under prefers-reduced-motion the switch is immediate: the next frame is the end.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const instant = await page.evaluate(
      () =>
        new Promise((resolve) => {
          document.querySelector('button[data-mode=extended]').click();
          requestAnimationFrame(() =>
            resolve({ animations: document.getAnimations().filter((a) => a.playState === 'running' && a.effect.getComputedTiming().duration > 1).length, viewBox: document.querySelector('svg[data-testid=graph]').getAttribute('data-view') }),
          );
        }),
    );
    assert.equal(instant.animations, 0, 'no animation runs under reduced motion');
    assert.equal(instant.viewBox, startBox, 'the view is the extended graph at once');
    await page.waitForTimeout(200);
    assert.deepEqual(await forwardCentres(page), start, 'and the nodes are back where they started');
  });
});
