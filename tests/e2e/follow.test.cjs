'use strict';
// Browser tests of issue #5's follow mode and table overflow:
// - following the steps on a long chain (no manual zoom), a step whose focus leaves the view
//   makes the camera glide: the svg's view (`data-view`, the box its viewBox size and the
//   drawing's shift show) passes through in-between boxes and ends with the focused node
//   inside the view; under prefers-reduced-motion it moves in one jump;
// - at a 1280×800 window, a node with many partial adjoints (x1 used 7 times) gives a long
//   sum that stays inside the adjoint table and its card: each cell either fits or scrolls
//   sideways inside itself, and the page never scrolls sideways.
// - in a long trace the adjoint table and node_to_grad draw only a window of their rows in
//   boxes of their own, and each step scrolls its row into view.
// - on a long chain the graph draws only its chunks near the view (the others are in the
//   DOM, `display: none`), never one with a node in view, and a step whose partial goes to an
//   input at the far end keeps the visited node in view; Fit draws every chunk again; a
//   graph of at most 60 nodes (its nodes in the tab order) is always drawn whole.
// These tests need motion, so they launch their own browser (helpers' launchBrowser
// reduces motion) with the same flags and the same checks on console errors and requests.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { BASE_URL, CHROMIUM_ARGS, openApp, screenshot, assertClean } = require('./helpers.cjs');

const CHROMIUM = process.env.ADJOINT_CHROMIUM || '/usr/bin/chromium';

/** A chain of `n` assignments, long enough that the graph is followed, not fitted. */
function chainProgram(n) {
  const lines = ['a1 = sin(x1)*x2'];
  for (let i = 2; i <= n; i++) lines.push(`a${i} = a${i - 1}*x1 + sin(a${i - 1})`);
  return lines.join('\n');
}

/** Runs `body(app)` in a fresh browser with the given motion preference and window size. */
async function withBrowser(t, name, { reducedMotion, viewport }, body) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'adjoint-e2e-follow-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    reducedMotion,
  });
  try {
    const app = await openApp(context, { url: BASE_URL });
    try {
      await body(app);
    } finally {
      const file = await screenshot(app.page, name).catch(() => null);
      if (file) t.diagnostic(`screenshot: ${file}`);
    }
    assertClean(t, app);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Replaces the program and inputs (all at once, as a paste) and waits for the new graph. */
async function loadProgram(page, program, values) {
  await page.locator('input#inputs').fill(values);
  await page.locator('textarea#program').fill(program);
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=parse-error]') &&
      /\b0\s*\/\s*\d+/.test(document.querySelector('[data-testid=step]')?.textContent ?? ''),
  );
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
}

/** Starts recording every viewBox the graph's svg shows (one entry per animation frame). */
async function recordViewBoxes(page) {
  await page.evaluate(() => {
    const svg = document.querySelector('svg[data-testid=graph]');
    window.__views = [];
    const sample = () => {
      const v = svg.getAttribute('data-view');
      const last = window.__views[window.__views.length - 1];
      if (v !== last) window.__views.push(v);
      window.__viewRaf = requestAnimationFrame(sample);
    };
    sample();
  });
}

/** Presses Next until a step moves the view (at most `max` steps); returns the viewBoxes seen. */
async function stepUntilTheViewMoves(page, max) {
  for (let i = 0; i < max; i++) {
    await page.evaluate(() => {
      window.__views = [document.querySelector('svg[data-testid=graph]').getAttribute('data-view')];
    });
    await page.keyboard.press('ArrowRight');
    // Longer than the 450 ms glide.
    await page.waitForTimeout(800);
    const views = await page.evaluate(() => window.__views.slice());
    if (views.length > 1) return views;
  }
  return null;
}

/** The step's node in view (if any), all the step's nodes and the svg, in CSS pixels. */
async function focusAndView(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg[data-testid=graph]');
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const view = box(svg);
    // The view keeps the step in sight: the nodes it created (.is-fresh), else the nodes it
    // focuses on (.is-current); at least one of them (the first such is returned) is in it.
    const sel = 'g[data-testid=graph-node]';
    const fresh = [...svg.querySelectorAll(`${sel}.is-fresh`)];
    const boxes = (fresh.length ? fresh : [...svg.querySelectorAll(`${sel}.is-current`)]).map(box);
    const inside = (n) => n.left >= view.left - 1 && n.right <= view.right + 1 && n.top >= view.top - 1 && n.bottom <= view.bottom + 1;
    return { node: boxes.find(inside) ?? null, all: boxes, view };
  });
}

function parseView(v) {
  const [x, y, w, h] = v.split(/[\s,]+/).map(Number);
  return { x, y, w, h };
}

test('following a long chain glides the view to the step and keeps the focus in view', async (t) => {
  await withBrowser(t, 'follow-glide', { reducedMotion: 'no-preference', viewport: { width: 1280, height: 800 } }, async ({ page }) => {
    await loadProgram(page, chainProgram(40), 'x1=0.5, x2=0.3');
    assert.equal(await page.locator('#follow').count(), 0, 'no manual zoom: the view follows the steps');
    await recordViewBoxes(page);
    const views = await stepUntilTheViewMoves(page, 30);
    assert.ok(views, 'within 30 steps of a 40-line chain some step leaves the view');
    const first = parseView(views[0]);
    const last = parseView(views[views.length - 1]);
    assert.ok(Math.abs(first.x - last.x) + Math.abs(first.y - last.y) > 1, `the view moved: ${views[0]} → ${views[views.length - 1]}`);
    // A glide, not a jump: boxes strictly between the start and the end along the way.
    const between = views.slice(1, -1).map(parseView).filter((v) => {
      const inside = (a, b, c) => Math.min(a, b) - 0.01 <= c && c <= Math.max(a, b) + 0.01;
      return inside(first.x, last.x, v.x) && inside(first.y, last.y, v.y) &&
        (Math.abs(v.x - first.x) + Math.abs(v.y - first.y) > 0.5) &&
        (Math.abs(v.x - last.x) + Math.abs(v.y - last.y) > 0.5);
    });
    assert.ok(between.length >= 2, `in-between views during the glide (saw ${views.length}: ${views.join(' | ')})`);
    // It ends where the automatic view is, with the focused node inside it.
    const { node, all, view } = await focusAndView(page);
    t.diagnostic(`views: ${views.join(' | ')}; now ${await page.locator('svg[data-testid=graph]').getAttribute('data-view')}`);
    assert.ok(all.length > 0, 'a node is focused');
    assert.ok(node, `a focused node (of ${JSON.stringify(all)}) is inside the view ${JSON.stringify(view)}`);
    // Stepping on keeps following: after more steps the focus is still in view.
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(800);
    const after = await focusAndView(page);
    assert.ok(after.node, `after 8 more steps a focused node (of ${JSON.stringify(after.all)}) is inside ${JSON.stringify(after.view)}`);
  });
});

test('under prefers-reduced-motion following jumps straight to the new view', async (t) => {
  await withBrowser(t, 'follow-reduced', { reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } }, async ({ page }) => {
    await loadProgram(page, chainProgram(40), 'x1=0.5, x2=0.3');
    await recordViewBoxes(page);
    const views = await stepUntilTheViewMoves(page, 30);
    assert.ok(views, 'within 30 steps of a 40-line chain some step leaves the view');
    assert.equal(views.length, 2, `one jump, no in-between views: ${views.join(' | ')}`);
    const { node, all } = await focusAndView(page);
    assert.ok(node, `a focused node (of ${JSON.stringify(all)}) is in view`);
  });
});

test('at 1280×800 a long sum of partial adjoints stays inside the adjoint table', async (t) => {
  await withBrowser(t, 'table-overflow', { reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } }, async ({ page }) => {
    // x1 has 7 uses, so its adjoint is a sum of 7 partial adjoints.
    await loadProgram(page, 'x1*x2 + sin(x1) + exp(x1) + x1*x1 + cos(x1) + ln(x1) + x1/x2', 'x1=2, x2=5');
    await page.keyboard.press('End');
    await page.waitForFunction(() => {
      const m = /(\d+)\s*\/\s*(\d+)/.exec(document.querySelector('[data-testid=step]')?.textContent ?? '');
      return m && m[1] === m[2];
    });
    const r = await page.evaluate(() => {
      const table = document.querySelector('table[data-testid=adjoint-table]');
      const panel = table.closest('.panel');
      const rect = (el) => el.getBoundingClientRect();
      const t = rect(table);
      const p = rect(panel);
      const cells = [...table.querySelectorAll('td')].map((td) => {
        const c = rect(td);
        const style = getComputedStyle(td);
        return {
          text: td.textContent.slice(0, 60),
          inTable: c.left >= t.left - 0.5 && c.right <= t.right + 0.5,
          fits: td.scrollWidth <= td.clientWidth + 1,
          scrolls: style.overflowX === 'auto' || style.overflowX === 'scroll',
          scrollWidth: td.scrollWidth,
          clientWidth: td.clientWidth,
        };
      });
      return {
        tableInPanel: t.left >= p.left - 0.5 && t.right <= p.right + 0.5,
        table: { left: t.left, right: t.right },
        panel: { left: p.left, right: p.right },
        panelOverflow: panel.scrollWidth - panel.clientWidth,
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        panelsOverflow: (() => {
          const col = document.querySelector('.panels');
          return col ? col.scrollWidth - col.clientWidth : 0;
        })(),
        mostTerms: Math.max(...[...table.querySelectorAll('td.formula')].map((td) => (td.textContent.match(/\+/g) || []).length)),
        cells,
      };
    });
    assert.ok(r.cells.length >= 9, `rows for every node (saw ${r.cells.length / 3})`);
    assert.ok(r.tableInPanel, `the table ${JSON.stringify(r.table)} is inside its card ${JSON.stringify(r.panel)}`);
    assert.ok(r.panelOverflow <= 1, `the card does not scroll sideways (by ${r.panelOverflow} px)`);
    assert.ok(r.panelsOverflow <= 1, `the panels column does not overflow sideways (by ${r.panelsOverflow} px)`);
    assert.ok(r.pageOverflow <= 0, `the page does not scroll sideways (by ${r.pageOverflow} px)`);
    for (const c of r.cells) {
      assert.ok(c.inTable, `cell "${c.text}" is inside the table`);
      assert.ok(c.fits || c.scrolls, `cell "${c.text}" fits (${c.scrollWidth} > ${c.clientWidth}) or scrolls inside itself`);
    }
    // The 7-term sum is the long formula this test is about: it must really be there.
    assert.ok(r.mostTerms >= 6, `the 7-term sum is in the table (most '+' in a formula: ${r.mostTerms})`);
  });
});

/** Where the current row of the long list `list` (a selector) is, against its scroll box,
 * two frames after the last step (the lists measure their rows and scroll in a frame). */
async function currentInItsBox(page, list, current) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(([list, current]) => {
    const el = document.querySelector(list);
    const box = el.closest('.row-scroll');
    const row = el.querySelector(current);
    const head = el.querySelector('thead');
    const b = box.getBoundingClientRect();
    const r = row && row.getBoundingClientRect();
    // What the sticky header covers is not in view.
    const top = b.top + (head ? head.getBoundingClientRect().height : 0);
    return {
      drawn: el.querySelectorAll('[data-row]').length,
      indexes: [...el.querySelectorAll('[data-row]')].map((e) => Number(e.dataset.row)),
      row: r && { node: row.dataset.node, index: Number(row.dataset.row), top: r.top, bottom: r.bottom },
      view: { top, bottom: b.bottom },
      inView: !!r && r.top >= top - 1 && r.bottom <= b.bottom + 1,
      scrollHeight: box.scrollHeight,
    };
  }, [list, current]);
}

test('a long trace draws a window of its table and node_to_grad, and each step scrolls its row into view', async (t) => {
  await withBrowser(t, 'long-lists', { reducedMotion: 'reduce', viewport: { width: 1440, height: 900 } }, async ({ page }) => {
    await page.click('button[data-mode=reverse]');
    // 40 statements: 121 nodes, so both lists grow past the 32 rows drawn whole.
    await loadProgram(page, chainProgram(40), 'x1=0.5, x2=0.3');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const table = 'table[data-testid=adjoint-table]';
    await page.waitForFunction((s) => document.querySelector(`${s} tr.is-current`), table);
    const count = Number(await page.locator(table).getAttribute('aria-rowcount')) - 1;
    assert.ok(count >= 100, `the table has a row per node visited so far (${count})`);
    const atEnd = await currentInItsBox(page, table, 'tr.is-current');
    assert.ok(atEnd.drawn < count / 2, `only a window of the ${count} rows is drawn (${atEnd.drawn})`);
    assert.ok(atEnd.inView, `the current row ${JSON.stringify(atEnd.row)} is in its box ${JSON.stringify(atEnd.view)}`);
    const ntg = await currentInItsBox(page, '[data-testid=node-to-grad]', '.ntg-entry.is-current');
    assert.ok(ntg.drawn < 60 && ntg.inView, `node_to_grad draws a window (${ntg.drawn}) with its current entry in view: ${JSON.stringify(ntg.row)}`);
    // The rows stand for the whole table: the drawn ones are consecutive, and the box
    // scrolls as far as all the rows would reach (each row is at least 20 px tall).
    const idx = atEnd.indexes;
    assert.deepEqual(idx, idx.map((_, k) => idx[0] + k), 'the drawn rows are consecutive');
    assert.ok(atEnd.scrollHeight > count * 20, `scroll height ${atEnd.scrollHeight} covers ${count} rows`);

    // Scrolling the box by hand draws the rows it reaches: the top shows v1's row.
    await page.locator(table).evaluate((el) => { el.closest('.row-scroll').scrollTop = 0; });
    await page.waitForFunction((s) => document.querySelector(`${s} tr[data-row="0"]`), table);
    const first = await page.locator(`${table} tr[data-row="0"]`).getAttribute('data-node');
    assert.equal(first, 'a40', 'reverse mode visits the output first');
    // The next step scrolls back to its own row.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((s) => document.querySelector(`${s} tr.is-current`)?.dataset.row !== undefined, table);
    const back = await currentInItsBox(page, table, 'tr.is-current');
    assert.ok(back.inView, `after a step the current row ${JSON.stringify(back.row)} is in view again ${JSON.stringify(back.view)}`);
    // Home empties the table; stepping again starts at the top with the output's row.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const start = await currentInItsBox(page, table, 'tr.is-current');
    assert.ok(start.row && start.inView, `the first row is current and in view: ${JSON.stringify(start)}`);
  });
});

/** The graph's chunks and nodes against its view: how many chunks are drawn, the nodes in
 * view whose chunk is hidden, the focused nodes drawn in view, and the node count. */
async function chunksAndView(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg[data-testid=graph]');
    const [x, y, w, h] = svg.getAttribute('data-view').split(/[\s,]+/).map(Number);
    const chunks = [...svg.querySelectorAll('foreignObject.chunk')];
    const off = chunks.filter((c) => c.classList.contains('is-off'));
    const hiddenInView = [];
    const focusInView = [];
    const nodes = [...svg.querySelectorAll('g[data-testid=graph-node]')];
    for (const g of nodes) {
      const r = g.querySelector('rect.node-shape');
      if (!r) continue;
      const [rx, ry, rw, rh] = ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)));
      const inView = rx + rw > x && rx < x + w && ry + rh > y && ry < y + h;
      const hidden = g.closest('foreignObject.chunk')?.classList.contains('is-off');
      if (inView && hidden) hiddenInView.push(g.dataset.label);
      if (inView && !hidden && g.classList.contains('is-current')) focusInView.push(g.dataset.label);
    }
    const displayed = chunks.filter((c) => getComputedStyle(c).display !== 'none').length;
    return { chunks: chunks.length, off: off.length, displayed, hiddenInView, focusInView, nodes: nodes.length };
  });
}

test('a long chain draws only the graph chunks near the view and keeps the visited node in it', async (t) => {
  await withBrowser(t, 'graph-chunks', { reducedMotion: 'reduce', viewport: { width: 1440, height: 900 } }, async ({ page }) => {
    await page.click('button[data-mode=reverse]');
    // A graph small enough for its nodes to be in the tab order is drawn whole, even when
    // it is followed rather than fitted (Tab skips hidden nodes).
    await loadProgram(page, chainProgram(15), 'x1=0.5, x2=0.7');
    for (let k = 0; k < 6; k++) await page.keyboard.press('ArrowRight');
    const small = await chunksAndView(page);
    assert.ok(small.nodes <= 60 && small.off === 0, `a ${small.nodes}-node graph hides no chunk (${small.off} hidden)`);
    await page.keyboard.press('Home');
    await loadProgram(page, chainProgram(100), 'x1=0.5, x2=0.7');
    const start = await chunksAndView(page);
    assert.ok(start.nodes >= 300, `every forward node is in the DOM (${start.nodes})`);
    let farSteps = 0;
    for (let k = 1; k <= 40; k++) {
      await page.keyboard.press('ArrowRight');
      const c = await chunksAndView(page);
      assert.deepEqual(c.hiddenInView, [], `step ${k}: no node in view is in a hidden chunk`);
      assert.ok(c.focusInView.length > 0, `step ${k}: a focused node is drawn in view`);
      assert.ok(c.off >= c.chunks / 2, `step ${k}: most chunks are hidden (${c.off} of ${c.chunks})`);
      assert.equal(c.displayed, c.chunks - c.off, `step ${k}: hidden chunks are display: none`);
      assert.equal(c.nodes, start.nodes, `step ${k}: hidden nodes stay in the DOM`);
      // A partial for x1 (v1, at the far left) while visiting a node far to the right.
      const labels = await page.$$eval('svg[data-testid=graph] g[data-testid=graph-node].is-current', (gs) => gs.map((g) => g.dataset.label));
      if (labels.includes('v1') && labels.length === 2) farSteps += 1;
    }
    assert.ok(farSteps >= 2, `steps send partial adjoints to x1, at the other end of the chain (${farSteps})`);
    await page.click('#fit');
    await page.waitForFunction(() => !document.querySelector('svg[data-testid=graph] foreignObject.chunk.is-off'));
  });
});
